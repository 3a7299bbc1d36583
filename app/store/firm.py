"""Rows <-> models for the firm, its members, tags and custom-field definitions."""

from __future__ import annotations

import json
import sqlite3

from app.domain.firm import CustomFieldDefinition, Firm, Member, Right, Tag
from app.store.db import Database


def save_firm(db: Database, firm: Firm) -> None:
    db.execute(
        "INSERT INTO firm (id, name, currency) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency",
        (firm.name, firm.currency),
    )


def get_firm(db: Database) -> Firm | None:
    row = db.one("SELECT name, currency FROM firm WHERE id = 1")
    return None if row is None else Firm(name=row["name"], currency=row["currency"])


def insert_member(db: Database, member: Member) -> int:
    cur = db.execute(
        "INSERT INTO member (first_name, last_name, email, role, view_all_accounts, manage_accounts)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (member.first_name, member.last_name, member.email, member.role.value,
         Right.VIEW_ALL_ACCOUNTS in member.rights, Right.MANAGE_ACCOUNTS in member.rights),
    )
    return cur.lastrowid


def _member(row: sqlite3.Row) -> Member:
    rights = {r for r, on in ((Right.VIEW_ALL_ACCOUNTS, row["view_all_accounts"]),
                              (Right.MANAGE_ACCOUNTS, row["manage_accounts"])) if on}
    return Member(id=row["id"], first_name=row["first_name"], last_name=row["last_name"],
                  email=row["email"], role=row["role"], rights=frozenset(rights))


def list_members(db: Database) -> list[Member]:
    rows = db.all("SELECT * FROM member ORDER BY "
                  "CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, last_name, first_name")
    return [_member(r) for r in rows]


def get_member(db: Database, member_id: int) -> Member | None:
    row = db.one("SELECT * FROM member WHERE id = ?", (member_id,))
    return None if row is None else _member(row)


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
