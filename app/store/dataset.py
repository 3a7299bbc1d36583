"""The whole database as record lists (Export JSON) and back (Import dataset).

Each list of the dataset document is one table; the columns are the record's fields.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.domain.dataset import FORMAT, RECORD_LISTS, VERSION, Dataset, row_fields
from app.domain.text import fold
from app.store import open_store, search
from app.store.db import Database

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


def order_columns(list_name: str) -> tuple[str, ...]:
    """The columns a list is ordered by in the file: by id; a link table (no id of its own) by
    the ids it joins."""
    fields = row_fields(list_name)
    return ("id",) if "id" in fields else fields[:3]


def _select(list_name: str) -> str:
    order = ", ".join(order_columns(list_name))
    return f"SELECT {', '.join(row_fields(list_name))} FROM {TABLES[list_name]} ORDER BY {order}"  # noqa: S608


@dataclass(frozen=True)
class Slice:
    """Consecutive records of a list in the file's order (that of Export JSON)."""

    list_name: str
    after: tuple[Any, ...] | None   # the key just before the first record (None: from the start)
    last: tuple[Any, ...]           # the last record's key
    size: int                       # how many records
    values: dict[str, list[Any]]    # the columns read, each record's value in order


def key_test(list_name: str, op: str) -> str:
    order = order_columns(list_name)
    return f"({', '.join(order)}) {op} ({', '.join('?' * len(order))})"


def _after(list_name: str, after: tuple[Any, ...] | None) -> tuple[str, list[Any]]:
    return (f" WHERE {key_test(list_name, '>')}", list(after)) if after else ("", [])


def within(part: Slice) -> tuple[str, list[Any]]:
    """The condition on the list's table that selects the slice's records, and its parameters."""
    upto = key_test(part.list_name, "<=")
    if part.after:
        return f"{key_test(part.list_name, '>')} AND {upto}", [*part.after, *part.last]
    return upto, list(part.last)


def read_slice(db: Database, list_name: str, columns: Sequence[str], after: tuple[Any, ...] | None,
               size: int) -> Slice | None:
    """Up to `size` records after the key `after`, with their `columns` alone (the others are
    never made into Python values: that is most of the cost); None past the last."""
    table, order = TABLES[list_name], ", ".join(order_columns(list_name))
    where, params = _after(list_name, after)
    last = db.one(f"SELECT {order} FROM {table}{where} ORDER BY {order} LIMIT 1 OFFSET ?",  # noqa: S608
                  [*params, size - 1])
    if last is None:   # fewer are left: up to the very last
        backwards = ", ".join(f"{c} DESC" for c in order_columns(list_name))
        last = db.one(f"SELECT {order} FROM {table}{where} ORDER BY {backwards} LIMIT 1", params)  # noqa: S608
        if last is None:
            return None
        size = int(db.scalar(f"SELECT count(*) FROM {table}{where}", params))  # noqa: S608
    part = Slice(list_name, after, tuple(last), size, {})
    if not columns:
        return part
    cursor = db.execute(f"SELECT {', '.join(columns)} FROM {table}{where} ORDER BY {order} LIMIT ?",  # noqa: S608
                        [*params, size])
    cursor.row_factory = None   # plain tuples: the fastest rows sqlite3 makes
    return replace(part, values=dict(zip(columns, map(list, zip(*cursor.fetchall(), strict=True)), strict=True)))


def keys_of(db: Database, part: Slice) -> list[tuple[Any, ...]]:
    """The key of each record of the slice, in order."""
    order = order_columns(part.list_name)
    if all(c in part.values for c in order):
        return list(zip(*(part.values[c] for c in order), strict=True))
    condition, params = within(part)
    return [tuple(r) for r in db.all(f"SELECT {', '.join(order)} FROM {TABLES[part.list_name]}"  # noqa: S608
                                     f" WHERE {condition} ORDER BY {', '.join(order)}", params)]


def count_records(db: Database, list_name: str) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {TABLES[list_name]}"))  # noqa: S608 - constants


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


def stored_value(value: Any) -> Any:
    """A checked value as the database keeps it (lists and objects as JSON text)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def stored_column(values: list[Any]) -> list[Any]:
    """A checked column as the database keeps it: lists and objects as JSON text. A checked
    column holds values of one kind (or nulls), so its first value says which."""
    first = next((v for v in values if v is not None), None)
    return [stored_value(v) for v in values] if isinstance(first, list | dict) else values


# Columns the file leaves out because they are made from others: column -> (made from, how).
DERIVED: dict[str, dict[str, tuple[str, Callable[[Any], Any]]]] = {"accounts": {"name_sort": ("name", fold)}}


def write_records(db: Database, data: Dataset) -> None:
    """Insert every record into an empty database (the caller holds the transaction)."""
    defer_links(db)
    for name in RECORD_LISTS:
        rows = getattr(data, name)
        rows = [rows] if name == "firm" else rows
        insert_columns(db, name, [[getattr(row, f) for row in rows] for f in row_fields(name)])
    search.touch(db, (account.id for account in data.accounts))


def insert_columns(db: Database, list_name: str, columns: list[list[Any]]) -> None:
    """Insert checked records given column by column, in the fields' order."""
    fields, derived = row_fields(list_name), DERIVED.get(list_name, {})
    made = [[make(v) for v in columns[fields.index(source)]] for source, make in derived.values()]
    names = ", ".join((*fields, *derived))
    marks = ", ".join("?" * (len(fields) + len(derived)))
    try:
        db.executemany(f"INSERT INTO {TABLES[list_name]} ({names}) VALUES ({marks})",  # noqa: S608 - constants
                       zip(*map(stored_column, columns), *made, strict=True))
    except sqlite3.IntegrityError as error:
        raise Rejected(str(error)) from None


def new_scratch() -> Database:
    """An empty database of ours, in memory, to fill with an imported document."""
    return open_store(":memory:")


def defer_links(db: Database) -> None:
    """Check links at commit, whatever order the lists come in (inside the transaction)."""
    db.execute("PRAGMA defer_foreign_keys = ON")


def reindex_accounts(db: Database, after: int, size: int) -> tuple[int, int]:
    """Make again what is derived from the next `size` accounts after id `after` (sort name,
    search text), into derived data emptied first (dataset_check.clear_derived), inside the
    caller's transaction. Returns (last id, accounts done)."""
    rows = db.all("SELECT id, name, name_sort FROM account WHERE id > ? ORDER BY id LIMIT ?", (after, size))
    if not rows:
        return after, 0
    folded = [(r[0], fold(r[1]), r[2]) for r in rows]
    db.executemany("UPDATE account SET name_sort = ? WHERE id = ?", [(f, i) for i, f, old in folded if f != old])
    search.index_new_accounts(db, [(i, f) for i, f, _old in folded])
    return rows[-1][0], len(rows)


def reindex_contacts(db: Database, after: int, size: int) -> tuple[int, int]:
    """The same for contacts' search rows. Returns (last id, contacts done)."""
    ids = [r[0] for r in db.all("SELECT id FROM contact WHERE id > ? ORDER BY id LIMIT ?", (after, size))]
    if not ids:
        return after, 0
    search.index_new_contacts(db, ids)
    return ids[-1], len(ids)


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
