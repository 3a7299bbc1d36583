"""The one owner of the SQLite connection: transactions and the hook after each commit.

Durable storage (a later issue) plugs in through `on_commit`, so writers never change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

Params = Sequence[Any] | dict[str, Any]


class Database:
    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._conn = self._connect()
        self._depth = 0
        # Asked before every transaction; raises to refuse a write (e.g. a stale copy).
        self.write_guard: Callable[[], None] = lambda: None
        self._commit_hooks: list[Callable[[], None]] = []
        self._before_commit: list[Callable[[Database], None]] = []
        # Accounts whose search text may have changed in the open transaction.
        self.touched_accounts: set[int] = set()

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are opened explicitly by `transaction()`.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            # The file's durability comes from the copy saved after each commit (IndexedDB
            # in the browser), so the rollback journal can stay in memory.
            conn.execute("PRAGMA journal_mode = MEMORY")
        return conn

    def reopen(self) -> None:
        """Read the file again (another tab replaced it)."""
        self._conn.close()
        self._conn = self._connect()

    def serialize(self) -> bytes:
        """The whole database as an SQLite file's bytes."""
        return self._conn.serialize()

    @classmethod
    def from_bytes(cls, data: bytes) -> Database:
        """An in-memory database holding a copy of an SQLite file's bytes (to check before use).

        The file may come from anywhere: its schema may not run code, and damaged pages are
        caught by SQLite's checks rather than trusted.
        """
        db = cls(":memory:")
        db._conn.execute("PRAGMA trusted_schema = OFF")
        db._conn.execute("PRAGMA cell_size_check = ON")
        db._conn.deserialize(data)
        return db

    def replace_with(self, other: Database) -> None:
        """Make this database a copy of `other`, all at once, then save it like any commit."""
        self.write_guard()
        other._conn.backup(self._conn)
        for hook in self._commit_hooks:
            hook()

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
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0
            self.touched_accounts.clear()
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

    def close(self) -> None:
        self._conn.close()


def placeholders(count: int) -> str:
    """`?, ?, ?` for an IN list of `count` values (values still bound, never inlined)."""
    return ", ".join("?" * count)
