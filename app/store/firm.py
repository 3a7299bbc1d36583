"""Rows <-> models for the firm, its members, tags and custom-field definitions."""

from __future__ import annotations

import json
import sqlite3

from app.domain.firm import CustomFieldDefinition, Firm, Member, Right, Tag
from app.store.db import Database, placeholders

_FIRM_COLUMNS = tuple(Firm.model_fields)   # each field of the model is a column of the same name
# Each right is a column of its own, named after it.
_RIGHT_COLUMNS = tuple(r.value for r in Right)


def save_firm(db: Database, firm: Firm) -> None:
    values = firm.model_dump(include=set(_FIRM_COLUMNS))
    db.execute(
        f"INSERT INTO firm (id, {', '.join(_FIRM_COLUMNS)}) VALUES (1, {placeholders(len(_FIRM_COLUMNS))}) "
        "ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _FIRM_COLUMNS),
        tuple(values[c] for c in _FIRM_COLUMNS),
    )


def get_firm(db: Database) -> Firm | None:
    row = db.one(f"SELECT {', '.join(_FIRM_COLUMNS)} FROM firm WHERE id = 1")
    return None if row is None else Firm(**{c: row[c] for c in _FIRM_COLUMNS})


def insert_member(db: Database, member: Member, passphrase_hash: str | None = None) -> int:
    cur = db.execute(
        "INSERT INTO member (first_name, last_name, email, role, active, must_change_passphrase,"
        f" passphrase_hash, {', '.join(_RIGHT_COLUMNS)})"
        f" VALUES (?, ?, ?, ?, ?, ?, ?, {placeholders(len(_RIGHT_COLUMNS))})",
        (member.first_name, member.last_name, member.email, member.role.value, member.active,
         member.must_change_passphrase, passphrase_hash, *(r in member.rights for r in Right)),
    )
    return cur.lastrowid


def update_member(db: Database, member: Member) -> None:
    """Name, email, role, rights and status; the passphrase has its own writer."""
    db.execute(
        "UPDATE member SET first_name = ?, last_name = ?, email = ?, role = ?, active = ?, "
        + ", ".join(f"{c} = ?" for c in _RIGHT_COLUMNS) + " WHERE id = ?",
        (member.first_name, member.last_name, member.email, member.role.value, member.active,
         *(r in member.rights for r in Right), member.id),
    )


def set_passphrase(db: Database, member_id: int, passphrase_hash: str | None, must_change: bool) -> None:
    db.execute("UPDATE member SET passphrase_hash = ?, must_change_passphrase = ? WHERE id = ?",
               (passphrase_hash, must_change, member_id))


def passphrase_hash(db: Database, member_id: int) -> str | None:
    return db.scalar("SELECT passphrase_hash FROM member WHERE id = ?", (member_id,))


def _member(row: sqlite3.Row) -> Member:
    rights = frozenset(r for r in Right if row[r.value])
    return Member(id=row["id"], first_name=row["first_name"], last_name=row["last_name"],
                  email=row["email"], role=row["role"], rights=rights, active=bool(row["active"]),
                  must_change_passphrase=bool(row["must_change_passphrase"]),
                  has_passphrase=row["passphrase_hash"] is not None)


def list_members(db: Database, include_inactive: bool = False) -> list[Member]:
    """The firm's members, owner first, then admins, then employees; active ones unless asked."""
    where = "" if include_inactive else "WHERE active"
    rows = db.all(f"SELECT * FROM member {where} ORDER BY "  # noqa: S608 - a constant
                  "CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, last_name, first_name")
    return [_member(r) for r in rows]


def get_member(db: Database, member_id: int) -> Member | None:
    row = db.one("SELECT * FROM member WHERE id = ?", (member_id,))
    return None if row is None else _member(row)


def record_event(db: Database, at: str, actor_id: int | None, action: str, subject: str = "",
                 detail: dict[str, str] | None = None) -> None:
    """One line of the firm's history: who changed what in Settings, and when."""
    db.execute("INSERT INTO firm_event (at, actor_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
               (at, actor_id, action, subject, json.dumps(detail or {}, ensure_ascii=False)))


def firm_events(db: Database, limit: int, offset: int = 0) -> list[sqlite3.Row]:
    """Newest first, with the actor's name (kept on deactivated members too)."""
    return db.all("SELECT e.id, e.at, e.action, e.subject, e.detail, m.first_name || ' ' || m.last_name AS actor"
                  " FROM firm_event e LEFT JOIN member m ON m.id = e.actor_id"
                  " ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?", (limit, offset))


def count_firm_events(db: Database) -> int:
    return db.scalar("SELECT count(*) FROM firm_event")


def insert_tag(db: Database, tag: Tag) -> int:
    return db.execute("INSERT INTO tag (name, color) VALUES (?, ?)", (tag.name, tag.color)).lastrowid


def list_tags(db: Database) -> list[Tag]:
    rows = db.all("SELECT id, name, color FROM tag ORDER BY name COLLATE NOCASE")
    return [Tag(id=r["id"], name=r["name"], color=r["color"]) for r in rows]


def insert_custom_field(db: Database, field: CustomFieldDefinition) -> int:
    cur = db.execute(
        "INSERT INTO custom_field (scope, label, type, options, position) VALUES (?, ?, ?, ?, ?)",
        (field.scope.value, field.label, field.type.value, json.dumps(list(field.options)),
         field.position),
    )
    return cur.lastrowid


def list_custom_fields(db: Database, scope: str) -> list[CustomFieldDefinition]:
    rows = db.all("SELECT * FROM custom_field WHERE scope = ? ORDER BY position, id", (scope,))
    return [CustomFieldDefinition(id=r["id"], scope=r["scope"], label=r["label"], type=r["type"],
                                  options=tuple(json.loads(r["options"])), position=r["position"])
            for r in rows]
