"""Emptying the database: every client, or everything (for a fresh demo firm)."""

from __future__ import annotations

from app.store import open_store
from app.store.db import Database

# Foreign keys cascade from these to every link, setting and activity record; the firm's
# own tables are referenced by the clients' ones, so clients go first.
_CLIENT_TABLES = ("account", "contact")
_FIRM_TABLES = ("custom_field", "tag", "member", "firm")


def erase_clients(db: Database) -> None:
    """Every account and contact with all their records; the firm, members, tags and fields stay."""
    for table in _CLIENT_TABLES:
        db.execute(f"DELETE FROM {table}")  # noqa: S608 - table names are the constants above
    db.execute("DELETE FROM account_search")


def erase_everything(db: Database) -> None:
    erase_clients(db)
    db.execute("DELETE FROM team_history")
    db.execute("DELETE FROM firm_event")   # it names members, which go next
    for table in _FIRM_TABLES:
        db.execute(f"DELETE FROM {table}")  # noqa: S608


# The firm's own tables, in the order they refer to each other.
_KEPT_BY_ERASE = ("firm", "member", "tag", "custom_field", "firm_event")


def firm_only(db: Database) -> Database:
    """A new database holding the firm of `db` and no client: what Erase all clients leaves.

    Made beside it rather than by deleting in place: at 50,000 clients the deletes would
    cascade through millions of rows, while the firm's own tables are a few hundred.
    """
    scratch = open_store()
    with scratch.transaction():
        for table in _KEPT_BY_ERASE:
            rows = db.all(f"SELECT * FROM {table}")  # noqa: S608 - table names are the constants above
            if rows:
                names = rows[0].keys()
                scratch.executemany(f"INSERT INTO {table} ({', '.join(names)})"  # noqa: S608
                                    f" VALUES ({', '.join('?' * len(names))})", [tuple(r) for r in rows])
    return scratch
