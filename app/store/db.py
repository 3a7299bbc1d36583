"""The one owner of the SQLite connection: transactions and the hook after each commit.

Durable storage plugs in through `on_commit`, so writers never change. A database file runs
in WAL mode with exclusive locking and manual checkpoints (DESIGN.md §4): a commit appends
to the `-wal` file only, so the save after it costs what changed, not the whole file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from app.store import turns

Params = Sequence[Any] | dict[str, Any]

_WAL_HEADER, _ROLLBACK_HEADER = b"\x02\x02", b"\x01\x01"   # file format versions, bytes 18-19
_COPY_PAGES = 1024   # a backup step: 4 MB
_PAGE_SIZES = frozenset(1 << n for n in range(9, 16))   # 512 … 32768; 65536 is written as 1


class Busy(Exception):
    """Long work holds the database (an import running in steps): other writes wait for it."""


class Database:
    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._conn = self._connect()
        self._depth = 0
        # Asked before every transaction; raises to refuse a write (e.g. a stale copy).
        self.write_guard: Callable[[], None] = lambda: None
        # Makes room for a file of that many bytes before it is written; Emscripten's MEMFS
        # copies a growing file whole at each growth (0.6 s per step at 250 MB), so the browser
        # storage sizes it at once.
        self.reserve: Callable[[str, int], None] = lambda _path, _size: None
        self._commit_hooks: list[Callable[[], None]] = []
        self._before_commit: list[Callable[[Database], None]] = []
        # Accounts whose search text may have changed in the open transaction.
        self.touched_accounts: set[int] = set()
        # Set by the runner of long work between its slices: a write now would join its transaction.
        self.held = False
        self._previous: bytes | None = None   # in memory only; a file keeps it beside itself

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are opened explicitly by `transaction()`.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        if self.path == ":memory:":
            # Only a database made aside (an import's copy, a new demo firm) gives turns: the page
            # reads its own database in its turn, and SQLite forbids using a connection from
            # inside that connection's progress handler.
            turns.install(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            # Exclusive first, on every connection: a WAL file opened without it would need
            # shared memory (a -shm file) and silently run in normal locking mode.
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA wal_autocheckpoint = 0")   # checkpoints are the storage's choice
            if hasattr(conn, "setconfig"):   # Python 3.12+ (Pyodide); closing must leave the -wal alone
                conn.setconfig(sqlite3.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, True)
        return conn

    def close(self) -> None:
        self._conn.close()

    def close_for_reload(self) -> None:
        """Close while the files are replaced under it; until `reopen`, any use says Busy."""
        self._conn.close()
        self._conn = _Closed()

    @property
    def closed(self) -> bool:
        return isinstance(self._conn, _Closed)

    def reopen(self) -> None:
        """Open the file again (another tab saved a newer copy of it)."""
        self._conn.close()
        self._conn = self._connect()

    @property
    def wal_path(self) -> str:
        return f"{self.path}-wal"

    @property
    def previous_path(self) -> str:
        return f"{self.path}.previous"

    def wal_bytes(self) -> int:
        """How much the next checkpoint would move into the main file."""
        try:
            return os.path.getsize(self.wal_path)
        except OSError:
            return 0

    def checkpoint(self) -> None:
        """Move every committed change from the -wal into the main file, and empty the -wal.

        Not while a transaction is open (long work holds one across its slices, and an idle
        timer or a save may come meanwhile): SQLite would refuse; the next save does it."""
        if self.path != ":memory:" and not self._depth:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def serialize(self) -> bytes:
        """The whole database as an SQLite file's bytes, readable on its own (as a rollback file)."""
        return _as_rollback_file(self._conn.serialize())

    @classmethod
    def from_bytes(cls, data: bytes) -> Database:
        """An in-memory database holding a copy of an SQLite file's bytes (to check before use).

        The file may come from anywhere: its schema may not run code, and damaged pages are
        caught by SQLite's checks rather than trusted.
        """
        db = cls(":memory:")
        db._conn.execute("PRAGMA trusted_schema = OFF")
        db._conn.execute("PRAGMA cell_size_check = ON")
        db._conn.deserialize(_as_rollback_file(data))
        return db

    @classmethod
    def from_file(cls, path: str) -> Database:
        """`from_bytes` for a file on disk: copied into memory by SQLite's backup, a few pages
        at a time (long work's turns between them), never held whole as bytes. The file is a
        private copy: a WAL header is rewritten there, as `from_bytes` does on its bytes."""
        with open(path, "r+b") as file:
            header = file.read(100)
            if header[18:20] == _WAL_HEADER:
                file.seek(18)
                file.write(_ROLLBACK_HEADER)
        db = cls(":memory:")
        db._conn.execute("PRAGMA trusted_schema = OFF")
        db._conn.execute("PRAGMA cell_size_check = ON")
        page_size = int.from_bytes(header[16:18], "big")
        if page_size in _PAGE_SIZES:   # an in-memory copy takes the file's only before its first page
            db._conn.execute(f"PRAGMA page_size = {page_size}")   # an int of the list, no text
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(db._conn, pages=_COPY_PAGES, progress=turns.backup_progress)
        finally:
            source.close()
        return db

    def replace_with(self, other: Database, keep_previous: bool = False) -> None:
        """Make this database a copy of `other`, all at once, then save it like any commit.

        With `keep_previous`, the data as it was stays aside for `restore_previous` until the
        next change. A file is swapped whole rather than rewritten page by page through the WAL.
        """
        for _written in self.replace_steps(other, keep_previous):
            pass

    def replace_steps(self, other: Database, keep_previous: bool = False) -> Iterator[tuple[int, int]]:
        """`replace_with` in steps: yields (bytes written, of how many); the swap itself is instant."""
        self._refuse_if_held()
        self.write_guard()
        if self.path == ":memory:":
            self._previous = self.serialize() if keep_previous else None
            other._conn.backup(self._conn)
        else:
            yield from self._copy_of(other, f"{self.path}.new")
            self.write_guard()   # asked again after the steps, as a transaction is before its commit
            self._swap_in(f"{self.path}.new", keep_previous)
        for hook in self._commit_hooks:
            hook()

    def _copy_of(self, other: Database, path: str) -> Iterator[tuple[int, int]]:
        """`other` into a new file at `path`, by SQLite's backup: no copy of it in memory, and
        long work's turns (app.store.turns) between its steps."""
        size = other.scalar("PRAGMA page_count") * other.scalar("PRAGMA page_size")
        open(path, "wb").close()
        self.reserve(path, size)
        target = sqlite3.connect(path, isolation_level=None)
        try:
            target.execute("PRAGMA journal_mode = OFF")   # a new file: nothing to roll back to
            other._conn.backup(target, pages=_COPY_PAGES, progress=turns.backup_progress)
        finally:
            target.close()
        yield size, size

    def _swap_in(self, new_path: str, keep_previous: bool) -> None:
        """Put the file at `new_path` in place of this one (which holds every change once checkpointed)."""
        self.checkpoint()
        self._conn.close()
        if os.path.exists(self.wal_path):
            os.remove(self.wal_path)   # never put another database under an existing -wal
        if keep_previous:
            os.replace(self.path, self.previous_path)
        elif new_path != self.previous_path:
            self._drop_previous()
        os.replace(new_path, self.path)
        self._conn = self._connect()

    def previous_kept(self) -> bool:
        """Whether the data as it was before the last replace can still be put back."""
        return self._previous is not None or (self.path != ":memory:" and os.path.exists(self.previous_path))

    def restore_previous(self) -> None:
        """Put back the data as it was before the last replace (then nothing is kept)."""
        self._refuse_if_held()
        self.write_guard()
        if self.path == ":memory:":
            if self._previous is not None:
                self._conn.deserialize(self._previous)
                self._previous = None
        elif os.path.exists(self.previous_path):
            self._swap_in(self.previous_path, keep_previous=False)
        for hook in self._commit_hooks:
            hook()

    def _drop_previous(self) -> None:
        self._previous = None
        if self.path != ":memory:" and os.path.exists(self.previous_path):
            os.remove(self.previous_path)

    def _refuse_if_held(self) -> None:
        if self.held:
            raise Busy("long work holds the database")

    def integrity_ok(self) -> bool:
        return self.scalar("PRAGMA integrity_check") == "ok"

    def on_commit(self, hook: Callable[[], None]) -> None:
        self._commit_hooks.append(hook)

    def before_commit(self, hook: Callable[[Database], None]) -> None:
        """Run `hook` inside every transaction just before it commits (derived data)."""
        self._before_commit.append(hook)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All-or-nothing: nested blocks join the outermost transaction."""
        self._refuse_if_held()
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.write_guard()
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
            for hook in self._before_commit:
                hook(self)
            # Asked again: long work holds its transaction across many slices, in which
            # another tab may have saved a change this copy does not have.
            self.write_guard()
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0
            self.touched_accounts.clear()
        # Undo of a replace is offered until the next change: undoing later would lose that change.
        self._drop_previous()
        for hook in self._commit_hooks:
            hook()

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self._conn.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        self._conn.executescript(script)

    def all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        return self._conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]



class _Closed:
    """Stands for the connection while the files are being reloaded."""

    def close(self) -> None:
        pass

    def __getattr__(self, _name: str) -> Any:
        raise Busy("the data is being reloaded")


def _as_rollback_file(data: bytes) -> bytes:
    """A WAL file's bytes marked as a rollback file: without its -wal beside it, SQLite refuses
    to open a copy that says WAL (the main file alone is whole as of its last checkpoint)."""
    if data[18:20] != _WAL_HEADER:
        return data
    return b"".join((data[:18], _ROLLBACK_HEADER, data[20:]))


def placeholders(count: int) -> str:
    """`?, ?, ?` for an IN list of `count` values (values still bound, never inlined)."""
    return ", ".join("?" * count)
