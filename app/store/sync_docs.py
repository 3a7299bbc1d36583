"""A record's rows as its replicated document, and a document back into rows (#12, docs/sync.md).

A document holds the record's columns under their own names, with every reference to another
record (account_id, author_id, …) holding that record's uid instead of this device's integer id,
and the rows that belong to it (an account's tags, team and custom values; a contact's emails,
phones and custom values; a signature request's signers) as lists and objects. The photo travels
as an attachment, not in the body.

Applying a document writes its record by uid: an unknown uid is a new row, a known one is
updated in place (never deleted and inserted again: that would cascade to whatever links to it).
A reference to a record this device does not have yet raises `Missing`; the applier retries once
the rest of the batch is in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.domain.dataset import row_fields
from app.domain.sync_ids import doc_id, new_uid, tag_uid
from app.store.dataset import TABLES
from app.store.db import Database
from app.store.sync_schema import RECORDS

TABLE_OF = {kind: table for table, kind in RECORDS.items()}
LIST_OF = {table: name for name, table in TABLES.items()}
BLOBS = frozenset({"photo"})
SCHEMA = 4   # the schema version whose shapes these are (docs/sync.md: a newer shape is kept unapplied)


class Missing(Exception):
    """The document refers to a record this device does not have (yet)."""


@dataclass(frozen=True)
class Doc:
    id: str
    body: dict[str, Any]
    attachments: dict[str, bytes] = field(default_factory=dict)


def _now_uid() -> str:
    return new_uid(int(time.time() * 1000))


@cache
def references(table: str) -> dict[str, str]:
    """column → the table it refers to (our schema's foreign keys; the same on every device)."""
    from app.store import open_store  # a reference store: the schema alone, read once
    reference = open_store()
    found = {r["from"]: r["table"] for r in reference.all(f"PRAGMA foreign_key_list({table})")}
    reference.close()
    return found


def columns(table: str) -> tuple[str, ...]:
    return tuple(c for c in row_fields(LIST_OF[table]) if c != "id")


def uid_of(db: Database, table: str, row_id: int, mint: Callable[[], str] = _now_uid) -> str:
    """The record's uid, given one now if it has none (a tag's from its name, when free)."""
    row = db.one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))  # noqa: S608 - our table names
    if row is None:
        raise Missing(f"{table} {row_id}")
    if row["uid"]:
        return row["uid"]
    uid = tag_uid(row["name"]) if table == "tag" else mint()
    if db.scalar(f"SELECT 1 FROM {table} WHERE uid = ?", (uid,)):  # noqa: S608
        uid = mint()   # a renamed tag holds the uid this name would have had
    db.execute(f"UPDATE {table} SET uid = ? WHERE id = ?", (uid, row_id))  # noqa: S608
    return uid


def record_doc(db: Database, kind: str, row_id: int, mint: Callable[[], str] = _now_uid) -> Doc | None:
    """The document of one record, or None when its row is gone (deleted)."""
    table = TABLE_OF[kind]
    row = db.one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))  # noqa: S608
    if row is None:
        return None
    refs = references(table)
    body: dict[str, Any] = {"type": kind, "schema": SCHEMA}
    attachments: dict[str, bytes] = {}
    for column in columns(table):
        value = row[column]
        if column in BLOBS:
            if value is not None:
                attachments[f"{column}.jpg"] = bytes(value)
        elif column in refs and value is not None:
            body[column] = uid_of(db, refs[column], value, mint)
        else:
            body[column] = value
    body.update(_parts_of(db, kind, row_id, mint))
    return Doc(doc_id(kind, uid_of(db, table, row_id, mint)), body, attachments)


def _parts_of(db: Database, kind: str, row_id: int, mint: Callable[[], str]) -> dict[str, Any]:
    def uids(sql: str, table: str) -> list[str]:
        return sorted(uid_of(db, table, r[0], mint) for r in db.all(sql, (row_id,)))

    def custom(table: str, owner: str) -> dict[str, str]:
        rows = db.all(f"SELECT field_id, value FROM {table} WHERE {owner} = ?", (row_id,))  # noqa: S608
        return {uid_of(db, "custom_field", r[0], mint): r[1] for r in rows}

    if kind == "account":
        return {"tags": uids("SELECT tag_id FROM account_tag WHERE account_id = ?", "tag"),
                "team": uids("SELECT member_id FROM account_team WHERE account_id = ?", "member"),
                "custom": custom("account_field_value", "account_id")}
    if kind == "contact":
        emails = db.all("SELECT address, is_primary FROM contact_email WHERE contact_id = ? ORDER BY id", (row_id,))
        phones = db.all("SELECT number, label FROM contact_phone WHERE contact_id = ? ORDER BY id", (row_id,))
        return {"emails": [{"address": r[0]} for r in emails],
                "primary_email": next((r[0] for r in emails if r[1]), None),
                "phones": [{"number": r[0], "label": r[1]} for r in phones],
                "custom": custom("contact_field_value", "contact_id")}
    if kind == "signature_request":
        signers = db.all("SELECT contact_id, position, signed_at FROM signature_signer WHERE request_id = ?"
                         " ORDER BY position, contact_id", (row_id,))
        return {"signers": [{"contact_id": uid_of(db, "contact", r[0], mint), "position": r[1],
                             "signed_at": r[2]} for r in signers]}
    return {}
