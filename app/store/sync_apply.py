"""A replicated record's document written into this device's rows (#12; the other way round
from app.store.sync_docs). Run inside `sync_outbox.applying`, so nothing is sent back."""

from __future__ import annotations

from typing import Any

from app.domain.sync_ids import parse_doc_id
from app.store import search
from app.store.dataset import DERIVED
from app.store.db import Database
from app.store.sync_docs import BLOBS, LIST_OF, TABLE_OF, Doc, Missing, columns, references


def local_id(db: Database, table: str, uid: str) -> int | None:
    return db.scalar(f"SELECT id FROM {table} WHERE uid = ?", (uid,))  # noqa: S608 - our table names


def _needed(db: Database, table: str, uid: str) -> int:
    found = local_id(db, table, uid)
    if found is None:
        raise Missing(f"{table} {uid}")
    return found


def _values(db: Database, table: str, doc: Doc) -> dict[str, Any]:
    """The row's columns from the body: uids become this device's ids, derived columns are made."""
    refs = references(table)
    values: dict[str, Any] = {}
    for column in columns(table):
        value = doc.body.get(column)
        if column in BLOBS:
            value = doc.attachments.get(f"{column}.jpg")
        elif column in refs and value is not None:
            value = _needed(db, refs[column], value)
        values[column] = value
    for column, (source, derive) in DERIVED.get(LIST_OF[table], {}).items():
        values[column] = derive(values[source])
    return values


def apply_record(db: Database, doc: Doc) -> int:
    """Write the record by its uid (a new row, or the same row updated); its local id."""
    kind, (uid,) = parse_doc_id(doc.id)
    table = TABLE_OF[kind]
    values = _values(db, table, doc)
    row_id = local_id(db, table, uid)
    names = list(values)
    if row_id is None:
        marks = ", ".join("?" for _ in names)
        row_id = db.execute(f"INSERT INTO {table} (uid, {', '.join(names)}) VALUES (?, {marks})",  # noqa: S608
                            (uid, *values.values())).lastrowid
    else:
        sets = ", ".join(f"{name} = ?" for name in names)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row_id))  # noqa: S608
    _apply_parts(db, kind, row_id, doc.body)
    return row_id


def delete_record(db: Database, kind: str, uid: str) -> None:
    """The record was deleted on another device (its rows' own parts go with it: ON DELETE CASCADE)."""
    table = TABLE_OF[kind]
    row_id = local_id(db, table, uid)
    if row_id is not None:
        if kind == "account":
            search.touch(db, [row_id])
        db.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))  # noqa: S608


def _apply_parts(db: Database, kind: str, row_id: int, body: dict[str, Any]) -> None:
    if kind == "account":
        _replace(db, "account_tag", "account_id", row_id, "tag_id",
                 [_needed(db, "tag", uid) for uid in body.get("tags", [])])
        _replace(db, "account_team", "account_id", row_id, "member_id",
                 [_needed(db, "member", uid) for uid in body.get("team", [])])
        _custom(db, "account_field_value", "account_id", row_id, body.get("custom", {}))
        search.touch(db, [row_id])
    elif kind == "contact":
        _emails(db, row_id, [e["address"] for e in body.get("emails", [])], body.get("primary_email"))
        db.execute("DELETE FROM contact_phone WHERE contact_id = ?", (row_id,))
        db.executemany("INSERT INTO contact_phone (contact_id, number, label) VALUES (?, ?, ?)",
                       [(row_id, p["number"], p.get("label", "")) for p in body.get("phones", [])])
        _custom(db, "contact_field_value", "contact_id", row_id, body.get("custom", {}))
        linked = db.all("SELECT account_id FROM account_contact WHERE contact_id = ?", (row_id,))
        search.touch(db, [r[0] for r in linked])   # an account's search text holds its people
    elif kind == "signature_request":
        db.execute("DELETE FROM signature_signer WHERE request_id = ?", (row_id,))
        db.executemany("INSERT INTO signature_signer (request_id, contact_id, position, signed_at)"
                       " VALUES (?, ?, ?, ?)",
                       [(row_id, _needed(db, "contact", s["contact_id"]), s["position"], s.get("signed_at"))
                        for s in body.get("signers", [])])


def _replace(db: Database, table: str, owner: str, row_id: int, column: str, ids: list[int]) -> None:
    db.execute(f"DELETE FROM {table} WHERE {owner} = ?", (row_id,))  # noqa: S608
    db.executemany(f"INSERT INTO {table} ({owner}, {column}) VALUES (?, ?)",  # noqa: S608
                   [(row_id, other) for other in ids])


def _custom(db: Database, table: str, owner: str, row_id: int, values: dict[str, str]) -> None:
    db.execute(f"DELETE FROM {table} WHERE {owner} = ?", (row_id,))  # noqa: S608
    db.executemany(f"INSERT INTO {table} ({owner}, field_id, value) VALUES (?, ?, ?)",  # noqa: S608
                   [(row_id, _needed(db, "custom_field", uid), value) for uid, value in values.items()])


def _emails(db: Database, contact_id: int, addresses: list[str], primary: str | None) -> None:
    """In place by address: an email's row carries the accounts' settings for it (email_settings
    cascades from it), so one that stays is never deleted and made again."""
    kept = set(addresses)
    current = {r[0] for r in db.all("SELECT address FROM contact_email WHERE contact_id = ?", (contact_id,))}
    db.executemany("DELETE FROM contact_email WHERE contact_id = ? AND address = ?",
                   [(contact_id, a) for a in current - kept])
    db.execute("UPDATE contact_email SET is_primary = 0 WHERE contact_id = ?", (contact_id,))
    db.executemany("INSERT INTO contact_email (contact_id, address) VALUES (?, ?)",
                   [(contact_id, a) for a in addresses if a not in current])
    db.execute("UPDATE contact_email SET is_primary = 1 WHERE contact_id = ? AND address = ?", (contact_id, primary))
