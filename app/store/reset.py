"""Emptying the database: every client, or everything (for a fresh demo firm)."""

from __future__ import annotations

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
