"""Changing custom-field definitions (Settings) and the values accounts and contacts hold for them.

Account values live in `account_field_value`, contact values in `contact_field_value`; the
field's scope says which. Table and column names come from the constant below, never from input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.domain.firm import CustomFieldDefinition, FieldScope
from app.store.db import Database

# scope -> (value table, owner column, owner table, the owner's name as SQL over alias o)
_VALUES = {
    FieldScope.ACCOUNT: ("account_field_value", "account_id", "account", "o.name"),
    FieldScope.CONTACT: ("contact_field_value", "contact_id", "contact", "o.first_name || ' ' || o.last_name"),
}


@dataclass(frozen=True)
class FieldValue:
    owner_id: int    # the account or contact holding the value
    owner_name: str  # for messages ("used by Rossi, Mario")
    value: str


def get_field(db: Database, field_id: int) -> CustomFieldDefinition | None:
    r = db.one("SELECT * FROM custom_field WHERE id = ?", (field_id,))
    if r is None:
        return None
    return CustomFieldDefinition(id=r["id"], scope=r["scope"], label=r["label"], type=r["type"],
                                 options=tuple(json.loads(r["options"])), position=r["position"])


def update_field(db: Database, field: CustomFieldDefinition) -> None:
    """Label, type and options; the scope never changes, the position has its own writer."""
    db.execute("UPDATE custom_field SET label = ?, type = ?, options = ? WHERE id = ?",
               (field.label, field.type.value, json.dumps(list(field.options)), field.id))


def set_positions(db: Database, field_ids: list[int]) -> None:
    """Number the fields 0..n-1 in the order given."""
    db.executemany("UPDATE custom_field SET position = ? WHERE id = ?",
                   [(i, field_id) for i, field_id in enumerate(field_ids)])


def delete_field(db: Database, field_id: int) -> None:
    """The definition and, by cascade, every value held for it."""
    db.execute("DELETE FROM custom_field WHERE id = ?", (field_id,))


def count_values(db: Database, field: CustomFieldDefinition) -> int:
    table = _VALUES[field.scope][0]
    return db.scalar(f"SELECT count(*) FROM {table} WHERE field_id = ?", (field.id,))  # noqa: S608


def value_counts(db: Database, scope: FieldScope) -> dict[int, int]:
    """Field id -> how many accounts (or contacts) hold a value for it."""
    table = _VALUES[scope][0]
    rows = db.all(f"SELECT field_id, count(*) AS n FROM {table} GROUP BY field_id")  # noqa: S608
    return {r["field_id"]: r["n"] for r in rows}


def field_values(db: Database, field: CustomFieldDefinition) -> list[FieldValue]:
    """Every value of the field with its holder, by the holder's name."""
    table, owner, owners, name = _VALUES[field.scope]
    rows = db.all(f"SELECT v.{owner} AS owner_id, {name} AS owner_name, v.value FROM {table} v"  # noqa: S608
                  f" JOIN {owners} o ON o.id = v.{owner} WHERE v.field_id = ?"
                  f" ORDER BY owner_name COLLATE NOCASE, v.{owner}", (field.id,))
    return [FieldValue(r["owner_id"], r["owner_name"], r["value"]) for r in rows]


def rewrite_values(db: Database, field: CustomFieldDefinition, values: dict[int, str]) -> None:
    """Owner id -> the value in its new form (after a change of type)."""
    table, owner = _VALUES[field.scope][:2]
    db.executemany(f"UPDATE {table} SET value = ? WHERE field_id = ? AND {owner} = ?",  # noqa: S608
                   [(value, field.id, owner_id) for owner_id, value in sorted(values.items())])
