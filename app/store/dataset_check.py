"""An SQLite dataset file checked on a private copy, by SQLite first (issue #10).

The copy becomes the new data once checked: nothing is inserted again. SQLite answers for what
its schema says (CHECK, NOT NULL, UNIQUE, STRICT types, links), once the schema is proved to be
exactly ours; the services then check, with the models, what a schema cannot say, reading the
records here a slice at a time. Every function does a bounded part of the work, so that the
caller can let the page breathe in between (app.services.steps).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.dataset import row_fields
from app.store.dataset import (
    TABLES,
    Damaged,
    OtherSchema,
    Rejected,
    Slice,
    key_test,
    order_columns,
    read_records,
    within,
)
from app.store.db import Database
from app.store.schema import MIGRATIONS, migrate

# SQLite's own tables, made by ANALYZE and AUTOINCREMENT: not part of a schema of ours.
_INTERNAL = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})


@dataclass(frozen=True)
class _Schema:
    entries: tuple[tuple[str, str, str, str | None], ...]   # sqlite_schema: type, name, tbl_name, sql
    layout: tuple[int, str]                                  # page size, text encoding
    shadow: frozenset[str]       # the tables FTS5 keeps an index in
    virtual: dict[str, str]      # the search indexes (FTS5 tables): name -> CREATE statement
    derived: tuple[str, ...]     # other tables that hold no records: made from them (search)


_UTF8 = 1   # the text encoding field of an SQLite header (bytes 56-59)
CURRENT = len(MIGRATIONS)   # the schema version of this app's databases


def open_copy(data: bytes | Path) -> Database:
    """A private in-memory copy of the file: its schema cannot run code (Database.from_bytes).
    A file on disk (the page copies a chosen file there a slice at a time) is removed after."""
    try:
        db = Database.from_bytes(data) if isinstance(data, bytes | bytearray) else _from_file(data)
        # integrity_check verifies CHECK constraints only while they are enforced.
        db.execute("PRAGMA ignore_check_constraints = OFF")
    except sqlite3.DatabaseError as error:
        raise Damaged(str(error)) from None
    return db


def header_of(data: bytes | Path) -> bytes:
    """The file's SQLite header (100 bytes), before the file on disk is read and removed."""
    if isinstance(data, bytes | bytearray):
        return bytes(data[:100])
    with open(data, "rb") as file:
        return file.read(100)


def check_header(header: bytes) -> None:
    """Of a file whose schema is ours: SQLite reads a text encoding field it does not know as
    UTF-8, and the copy keeps it; a database made of that copy cannot be opened beside another.
    Raises Damaged unless the field is UTF-8's exactly."""
    if int.from_bytes(header[56:60], "big") != _UTF8:
        raise Damaged("text encoding field")


def _from_file(path: Path) -> Database:
    try:
        return Database.from_file(str(path))
    finally:
        path.unlink(missing_ok=True)


def schema_version(db: Database) -> int:
    """The file's schema version, once its schema is exactly ours at that version."""
    version = int(db.scalar("PRAGMA user_version"))
    if not 1 <= version <= CURRENT:
        raise OtherSchema(f"schema version {version}")
    # The table of the schema itself first: a damaged one could read as another schema.
    problem = integrity_problem(db, "sqlite_schema")
    if problem:
        raise Damaged(problem)
    ours = _ours(version)
    # A file of ours has the layout every database here has; another could not replace an
    # in-memory database (SQLite's backup refuses a different page size or encoding).
    if (db.scalar("PRAGMA page_size"), db.scalar("PRAGMA encoding")) != ours.layout:
        raise OtherSchema("page size or text encoding")
    if _entries(db, ours.shadow) != ours.entries:
        raise OtherSchema(f"schema differs from that of version {version}")
    return version


def _entries(db: Database, shadow: frozenset[str]) -> tuple[tuple[str, str, str, str | None], ...]:
    """Every object of the schema, compared whole: a table with our columns but a CHECK less is
    another schema. FTS5 writes its own tables' definitions (they may change with SQLite's
    version), and the index in them is rebuilt anyway: those are compared by name."""
    rows = db.all("SELECT type, name, tbl_name, sql FROM sqlite_schema")
    return tuple(sorted((r[0], r[1], r[2], None if r[2] in shadow else r[3]) for r in rows
                        if not (r[0] == "table" and r[1] in _INTERNAL)))


@cache
def _ours(version: int) -> _Schema:
    """The schema of a database of ours at `version`: its migrations run on an empty one."""
    reference = Database()
    for script in MIGRATIONS[:version]:
        reference.executescript(script)
    shadow = frozenset(r[0] for r in reference.all("SELECT name FROM pragma_table_list WHERE type = 'shadow'"))
    tables = [(r[0], r[1] or "") for r in reference.all(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY rowid")]
    virtual = {name: sql for name, sql in tables if sql.startswith("CREATE VIRTUAL TABLE")}
    derived = tuple(name for name, _sql in tables
                    if name not in virtual and name not in shadow and name not in TABLES.values())
    schema = _Schema(_entries(reference, shadow),
                     (reference.scalar("PRAGMA page_size"), reference.scalar("PRAGMA encoding")),
                     shadow, virtual, derived)
    reference.close()
    return schema


def _quoted(name: str) -> str:
    # Names come from our own schema (checked equal to the file's): quoted all the same.
    return '"' + name.replace('"', '""') + '"'


def stored_tables(db: Database) -> list[str]:
    """Every table kept as a b-tree (virtual ones are not), in the schema's order."""
    return [r[0] for r in db.all("SELECT name FROM sqlite_schema WHERE type = 'table'"
                                 " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid")]


def count_rows(db: Database, table: str) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {_quoted(table)}"))  # noqa: S608 - a name of our schema


def integrity_problem(db: Database, table: str) -> str | None:
    """SQLite's integrity check of one table and its indexes: the pages, and every row against
    NOT NULL, CHECK, UNIQUE and the STRICT types. None when all is well."""
    rows = db.all("SELECT * FROM pragma_integrity_check(?)", (table,))
    return None if [r[0] for r in rows] == ["ok"] else "; ".join(str(r[0]) for r in rows[:3])


def bring_up_to_date(db: Database) -> None:
    migrate(db)


def has_broken_links(db: Database, table: str) -> bool:
    """Whether a row of `table` refers to a record that is not there."""
    return db.one("SELECT 1 FROM pragma_foreign_key_check(?) LIMIT 1", (table,)) is not None


def range_columns(db: Database, list_name: str) -> frozenset[str]:
    """The INTEGER columns of a STRICT table: whatever they hold is an integer (or null)."""
    table = TABLES[list_name]
    if not db.scalar("SELECT strict FROM pragma_table_list WHERE name = ?", (table,)):
        return frozenset()
    return frozenset(r[0] for r in db.all("SELECT name FROM pragma_table_info(?) WHERE type = 'INTEGER'", (table,)))


def indexed_ranges(db: Database, list_name: str, columns: Sequence[str]) -> dict[str, tuple[Any, Any, bool]]:
    """ranges() over the whole list, for those of `columns` SQLite answers from an index (the
    table's own key, or the first column of an index of every row) without reading the rows."""
    table = TABLES[list_name]
    indexed = {r[0] for r in db.all("SELECT ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii"
                                    " WHERE ii.seqno = 0 AND NOT il.partial", (table,))}
    indexed |= {r[0] for r in db.all("SELECT name FROM pragma_table_info(?) WHERE pk = 1 AND type = 'INTEGER'"
                                     " AND (SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0) = 1",
                                     (table, table))}   # an INTEGER PRIMARY KEY is the rowid
    found = {}
    for column in (c for c in columns if c in indexed):
        # One aggregate a query: only then does SQLite seek the index's ends.
        low, high = (db.scalar(f"SELECT {f}({column}) FROM {table}") for f in ("min", "max"))  # noqa: S608
        null = db.scalar(f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} IS NULL)")  # noqa: S608
        found[column] = (low, high, bool(null))
    return found


def ranges(db: Database, part: Slice, columns: Sequence[str]) -> dict[str, tuple[Any, Any, bool]]:
    """Each column's smallest and largest value over the slice, and whether it holds a null:
    SQLite works them out without a Python value for each."""
    if not columns:
        return {}
    condition, params = within(part)
    row = db.one(f"SELECT {', '.join(f'min({c}), max({c}), count(*) - count({c})' for c in columns)}"  # noqa: S608
                 f" FROM {TABLES[part.list_name]} WHERE {condition}", params)
    return {c: (row[3 * i], row[3 * i + 1], bool(row[3 * i + 2])) for i, c in enumerate(columns)}


def column_of_slice(db: Database, part: Slice, column: str) -> list[Any]:
    condition, params = within(part)
    cursor = db.execute(f"SELECT {column} FROM {TABLES[part.list_name]} WHERE {condition}"  # noqa: S608
                        f" ORDER BY {', '.join(order_columns(part.list_name))}", params)
    cursor.row_factory = None
    return [r[0] for r in cursor.fetchall()]


def distinct_of_slice(db: Database, part: Slice, column: str) -> list[Any]:
    """Each value the column holds in the slice, once (compared as stored: a STRICT column
    holds one type, and BINARY tells apart what a NOCASE column would take as one)."""
    condition, params = within(part)
    cursor = db.execute(f"SELECT DISTINCT {column} COLLATE BINARY FROM {TABLES[part.list_name]}"  # noqa: S608
                        f" WHERE {condition}", params)
    cursor.row_factory = None
    return [r[0] for r in cursor.fetchall()]


def record_at(db: Database, list_name: str, key: tuple[Any, ...]) -> dict[str, Any]:
    """One record's stored values, as read_records gives them."""
    fields = row_fields(list_name)
    row = db.one(f"SELECT {', '.join(fields)} FROM {TABLES[list_name]} WHERE {key_test(list_name, '=')}",  # noqa: S608
                 key)
    return dict(zip(fields, row, strict=True))


def rewrite(db: Database, list_name: str, column: str, changes: list[tuple[Any, tuple[Any, ...]]]) -> None:
    """Store the tidied values (new value, record key) the models made of the file's, as an
    import always has ("  Rossi " comes in as "Rossi"); a clash with another record is Rejected."""
    _updated(db, f"UPDATE {TABLES[list_name]} SET {column} = ? WHERE {key_test(list_name, '=')}",  # noqa: S608
             [(new, *key) for new, key in changes])


def rewrite_values(db: Database, part: Slice, column: str, changes: list[tuple[Any, Any]]) -> None:
    """rewrite() by value (old value, new value) over the records of a slice."""
    condition, params = within(part)
    _updated(db, f"UPDATE {TABLES[part.list_name]} SET {column} = ?"  # noqa: S608
                 f" WHERE {column} IS ? COLLATE BINARY AND {condition}",
             [(new, old, *params) for old, new in changes])


def _updated(db: Database, sql: str, rows: list[tuple[Any, ...]]) -> None:
    try:
        with db.transaction():
            db.executemany(sql, rows)
    except sqlite3.IntegrityError as error:
        raise Rejected(str(error)) from None


def clear_derived(db: Database) -> None:
    """Empty what a file derives from its records (search indexes, planner statistics): it is
    not trusted (a crafted file could index an account under another one's name, or hand FTS5
    a crafted index), and app.store.dataset.reindex_* rebuilds it from the records."""
    ours = _ours(CURRENT)
    for name in _INTERNAL - {"sqlite_sequence"}:
        db.execute(f"DROP TABLE IF EXISTS {name}")
    for name, create in ours.virtual.items():
        # Dropping reads no more than the index's header: its pages go, unread.
        db.execute(f"DROP TABLE IF EXISTS {_quoted(name)}")
        db.execute(create)
    for name in ours.derived:
        db.execute(f"DELETE FROM {_quoted(name)}")  # noqa: S608 - a name of our schema


def records_of_file(data: bytes) -> dict[str, Any]:
    """Every record of an SQLite file of ours, checked and brought up to date, all at once."""
    try:
        source = open_copy(data)
        schema_version(source)
        for table in stored_tables(source):
            problem = integrity_problem(source, table)
            if problem:
                raise Damaged(problem)
        bring_up_to_date(source)
        return read_records(source)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        # A damaged file can make SQLite quote broken bytes in its message, which then fails to decode.
        raise Damaged(str(error)) from None
