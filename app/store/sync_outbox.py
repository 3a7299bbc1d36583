"""What this device changed since its last push, and writing without recording (#12).

The outbox triggers (app.store.sync_schema) record which document each write touched; the
pusher reads the rows back at push time and removes an entry only once the server's copy (in
PouchDB) has it, so a crash in between loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.store.db import Database


@dataclass(frozen=True)
class Entry:
    kind: str            # the document kind (account, contact, link, …)
    row_id: int          # the record's local id (a pair's first)
    other_id: int        # a pair's second local id; 0 otherwise
    uid: str | None      # the uid it had, for a record deleted since (its row is gone)


def turn_on(db: Database) -> None:
    """Record changes from now on (sync was turned on for this firm on this device)."""
    with db.transaction():
        db.execute("INSERT INTO sync_state (id, enabled) VALUES (1, 1)"
                   " ON CONFLICT (id) DO UPDATE SET enabled = 1")


def is_on(db: Database) -> bool:
    return bool(db.scalar("SELECT coalesce((SELECT enabled FROM sync_state WHERE id = 1), 0)"))


@contextmanager
def applying(db: Database) -> Iterator[Database]:
    """One transaction for changes that came from the server: they are not recorded to be sent
    back. The flag is written and cleared inside the transaction, so no other write sees it."""
    with db.transaction():
        db.execute("UPDATE sync_state SET applying = 1 WHERE id = 1")
        yield db
        db.execute("UPDATE sync_state SET applying = 0 WHERE id = 1")


def pending(db: Database, limit: int = 500) -> list[Entry]:
    """Changes to push, a batch at a time (in key order: a change is one entry however often made)."""
    rows = db.all("SELECT kind, row_id, other_id, uid FROM sync_outbox"
                  " ORDER BY kind, row_id, other_id LIMIT ?", (limit,))
    return [Entry(r["kind"], r["row_id"], r["other_id"], r["uid"]) for r in rows]


def sent(db: Database, entries: Iterable[Entry]) -> None:
    """The server's copy has these: forget them."""
    with db.transaction():
        db.executemany("DELETE FROM sync_outbox WHERE kind = ? AND row_id = ? AND other_id = ?",
                       [(e.kind, e.row_id, e.other_id) for e in entries])
