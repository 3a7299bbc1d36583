"""Opening the stored database safely, and rescuing what a damaged one still holds.

A damaged file is never repaired in place or deleted: `salvage` copies every row that can
still be read into a new database of the current schema, for the user to download.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from app.store import open_store, search
from app.store.db import Database


def open_checked(path: str, check: bool = True) -> Database | None:
    """The database at `path`, migrated and ready; None if SQLite finds it damaged.

    `check` reads every page first (seconds at 50k clients), on a private copy so that a
    damaged file is never touched; without it only what opening reads (header, schema) is checked.
    """
    try:
        if check and os.path.exists(path):
            with _copy_of(path) as copy:
                if not copy.integrity_ok():
                    return None
        return open_store(path)
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # see store.dataset_check.records_of_file
        return None


def salvage(path: str) -> bytes:
    """Every readable row of the damaged file at `path`, as the bytes of a new SQLite file."""
    rescued = open_store(":memory:")
    rescued.execute("PRAGMA foreign_keys = OFF")  # keep a row even if what it points to is lost
    try:
        with _copy_of(path) as source, rescued.transaction():   # the damaged file and its -wal stay as they are
            for table in _our_tables(rescued):
                _rescue_table(rescued, source, table)
            search.touch(rescued, (r[0] for r in rescued.all("SELECT id FROM account")))
    except (OSError, *_BROKEN):
        pass   # nothing readable at all: an empty database of ours
    return rescued.serialize()


def _rescue_table(rescued: Database, source: Database, table: str) -> None:
    ours = {r["name"] for r in rescued.all(f"PRAGMA table_info({table})")}
    for row in _readable_rows(source, table):
        # Only the columns our schema has (a file from an older version may lack some).
        names = [n for n in row.keys() if n in ours]
        rescued.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(names)})"  # noqa: S608 - checked names
                        f" VALUES ({', '.join('?' * len(names))})", [row[n] for n in names])


@contextmanager
def _copy_of(path: str) -> Iterator[Database]:
    """A private copy of the database at `path` with its -wal (opening it replays the -wal)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = f"{folder}/copy.sqlite"
        shutil.copyfile(path, copy)
        if os.path.exists(f"{path}-wal"):
            shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        db = Database(copy)
        try:
            db.execute("PRAGMA trusted_schema = OFF")   # as for any file from outside (Database.from_bytes)
            db.execute("PRAGMA cell_size_check = ON")
            yield db
        finally:
            db.close()


def _our_tables(db: Database) -> list[str]:
    """The tables of the current schema, those referred to first (the search indexes are rebuilt)."""
    return [r[0] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE"
                                 " 'CREATE VIRTUAL%' AND name NOT LIKE 'account_search%'"
                                 " AND name NOT LIKE 'contact_search%'"
                                 " AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]


_BROKEN = (sqlite3.DatabaseError, UnicodeDecodeError)  # a damaged page may also garble SQLite's message


def _readable_rows(source: Database, table: str) -> list[sqlite3.Row]:
    """Every row of `table` SQLite can still read; past a damaged page the search goes on by id."""
    rows: list[sqlite3.Row] = []
    after: int | None = 0
    while after is not None:
        try:
            # Tables of ours with an id are searched by it: a damaged leaf page is stepped over.
            for row in source.execute(f"SELECT * FROM {table} WHERE id > ? ORDER BY id", (after,)):  # noqa: S608
                rows.append(row)
                after = row["id"]
            break
        except sqlite3.OperationalError:   # no id (a link table): read it in order up to the damage
            return _rows_in_order(source, table)
        except _BROKEN:
            after = _next_readable_id(source, table, after)
    return rows


def _next_readable_id(source: Database, table: str, after: int) -> int | None:
    """An id past `after` from which rows can be read again (None: nothing further can be)."""
    step = 1
    while step < 2**62:
        try:
            found = source.scalar(f"SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT 1",  # noqa: S608
                                  (after + step,))
            return None if found is None else found - 1
        except _BROKEN:
            step *= 2
    return None


def _rows_in_order(source: Database, table: str) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    try:
        for row in source.execute(f"SELECT * FROM {table}"):  # noqa: S608 - one of our table names
            rows.append(row)
    except _BROKEN:
        pass
    return rows
