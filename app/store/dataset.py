"""The whole database as record lists (Export JSON) and back (Import dataset).

Each list of the dataset document is one table; the columns are the record's fields.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import cache
from typing import Any

from app.domain.dataset import FORMAT, RECORD_LISTS, VERSION, Dataset, row_fields
from app.domain.text import fold
from app.store import open_store, search
from app.store.db import Database
from app.store.schema import MIGRATIONS, migrate

TABLES: dict[str, str] = {
    "firm": "firm", "members": "member", "firm_events": "firm_event", "tags": "tag", "custom_fields": "custom_field",
    "accounts": "account", "account_tags": "account_tag", "account_team": "account_team",
    "team_history": "team_history", "account_field_values": "account_field_value",
    "contacts": "contact", "contact_emails": "contact_email", "contact_phones": "contact_phone",
    "contact_field_values": "contact_field_value", "account_contacts": "account_contact",
    "email_settings": "email_settings", "documents": "document", "document_views": "document_view",
    "tasks": "task", "email_messages": "email_message", "jobs": "job", "chat_threads": "chat_thread",
    "chat_messages": "chat_message", "invoices": "invoice", "credits": "credit", "approvals": "approval",
    "signature_requests": "signature_request", "signature_signers": "signature_signer",
    "organizers": "organizer", "login_events": "login_event", "notes": "note",
    "time_entries": "time_entry", "proposals": "proposal",
}


class OtherSchema(Exception):
    """The database is not one of ours (its tables are not those of its version), or is from a newer app."""


class Damaged(Exception):
    """The bytes are not a readable SQLite database."""


class Rejected(Exception):
    """A record breaks a rule of the schema (a duplicate, a link to nothing, …); says which."""


def _select(list_name: str) -> str:
    fields = row_fields(list_name)
    # By id; a link table (no id of its own) by the ids it joins.
    order = "id" if "id" in fields else ", ".join(fields[:3])
    return f"SELECT {', '.join(fields)} FROM {TABLES[list_name]} ORDER BY {order}"  # noqa: S608 - constants


def read_records(db: Database) -> dict[str, Any]:
    """Every record as plain values, in a stable order; raises OtherSchema for a foreign file."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    try:
        for name in RECORD_LISTS:
            document[name] = [dict(row) for row in db.all(_select(name))]
    except sqlite3.DatabaseError as error:
        raise OtherSchema(str(error)) from None
    firms = document["firm"]
    document["firm"] = firms[0] if firms else None
    return document


def _stored(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


# Columns the file leaves out because they are made from others.
_DERIVED: dict[str, dict[str, Callable[[Any], Any]]] = {"accounts": {"name_sort": lambda a: fold(a.name)}}


def write_records(db: Database, data: Dataset) -> None:
    """Insert every record into an empty database (the caller holds the transaction)."""
    db.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit, whatever the order
    for name in RECORD_LISTS:
        rows = getattr(data, name)
        _insert(db, name, [rows] if name == "firm" else rows)
    search.touch(db, (account.id for account in data.accounts))


def _insert(db: Database, name: str, rows: list[Any]) -> None:
    fields, derived = row_fields(name), _DERIVED.get(name, {})
    columns = ", ".join((*fields, *derived))
    marks = ", ".join("?" * (len(fields) + len(derived)))
    db.executemany(f"INSERT INTO {TABLES[name]} ({columns}) VALUES ({marks})",  # noqa: S608 - constants
                   ([*(_stored(getattr(row, f)) for f in fields), *(make(row) for make in derived.values())]
                    for row in rows))


def records_of_file(data: bytes) -> dict[str, Any]:
    """Every record of an SQLite file of ours, read from a private copy of its bytes."""
    try:
        source = Database.from_bytes(data)
        if not source.integrity_ok():
            raise Damaged("integrity check failed")
        _bring_up_to_date(source)
        return read_records(source)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        # A damaged file can make SQLite quote broken bytes in its message, which then fails to decode.
        raise Damaged(str(error)) from None


def _bring_up_to_date(db: Database) -> None:
    """Migrate a copy made by an earlier version of the app; refuse one from a newer one."""
    version = int(db.scalar("PRAGMA user_version"))
    if version == 0 or version > len(MIGRATIONS):
        raise OtherSchema(f"schema version {version}")
    # Checked before migrating: a foreign file that merely claims a version would otherwise
    # fail inside a migration and pass for a damaged one of ours.
    if _tables(db) != _tables_of_version(version):
        raise OtherSchema(f"tables differ from those of schema version {version}")
    migrate(db)


def _tables(db: Database) -> dict[str, frozenset[str]]:
    """Each table's columns (SQLite's own tables aside, which come and go with ANALYZE and the like)."""
    names = [row[0] for row in db.all("SELECT name FROM sqlite_schema"
                                      " WHERE type = 'table' AND substr(name, 1, 7) != 'sqlite_'")]
    return {name: frozenset(row[0] for row in db.all("SELECT name FROM pragma_table_info(?)", (name,)))
            for name in names}


@cache
def _tables_of_version(version: int) -> dict[str, frozenset[str]]:
    """The tables a database of ours has at `version`: its migrations run on an empty one."""
    reference = Database()
    for script in MIGRATIONS[:version]:
        reference.executescript(script)
    tables = _tables(reference)
    reference.close()
    return tables


def build(data: Dataset) -> Database:
    """A new in-memory database holding `data`, every link and rule checked by SQLite."""
    scratch = open_store(":memory:")
    try:
        with scratch.transaction():
            write_records(scratch, data)
            broken = sorted({row[0] for row in scratch.all("PRAGMA foreign_key_check")})
            if broken:
                raise Rejected("links to missing records in " + ", ".join(broken))
    except sqlite3.IntegrityError as error:
        raise Rejected(str(error)) from None
    return scratch
