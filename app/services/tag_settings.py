"""The firm's tags in Settings: list with their use, create, rename or recolour, delete.

Owner and admins only. Every call validates everything first, then writes the change and
its line in the firm's history in one transaction.
"""

from __future__ import annotations

from typing import Any

from app.domain.access import can_manage_settings
from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.domain.field_rules import name_taken
from app.domain.firm import Member, Tag
from app.domain.validation import validate
from app.services import firm_history
from app.services.settings_views import TagSettingsView
from app.store import firm as firm_store
from app.store import tags as tag_store
from app.store.db import Database


def _allowed(actor: Member) -> None:
    if not can_manage_settings(actor):
        raise AccessDenied("tags")


def list_tags(db: Database, actor: Member) -> list[TagSettingsView]:
    _allowed(actor)
    counts = tag_store.account_counts(db)
    return [TagSettingsView(t.id, t.name, t.color, counts.get(t.id, 0)) for t in firm_store.list_tags(db)]


def _existing(db: Database, tag_id: int) -> Tag:
    tag = tag_store.get_tag(db, tag_id)
    if tag is None:
        raise NotFound(f"tag {tag_id}")
    return tag


def _checked(db: Database, data: dict[str, Any], tag_id: int | None = None) -> Tag:
    """The tag as typed, every problem at once; a name may differ from its own only in case."""
    errors: dict[str, str] = {}
    tag = None
    try:
        tag = validate(Tag, {"id": tag_id, "name": data.get("name", ""), "color": data.get("color", "")})
    except InvalidInput as error:
        errors = {k: ("invalid" if k == "color" else v) for k, v in error.errors.items()}
    name = tag.name if tag else str(data.get("name", ""))
    if "name" not in errors and name_taken(name, (t.name for t in firm_store.list_tags(db) if t.id != tag_id)):
        errors["name"] = "duplicate_tag"
    if errors:
        raise InvalidInput(errors)
    return tag


def create_tag(db: Database, actor: Member, data: dict[str, Any]) -> int:
    """data {"name", "color": "#rrggbb"}; returns the new tag's id."""
    _allowed(actor)
    tag = _checked(db, data)
    with db.transaction():
        tag_id = firm_store.insert_tag(db, tag)
        firm_history.record(db, actor, "tag_created", tag.name, color=tag.color)
    return tag_id


def update_tag(db: Database, actor: Member, tag_id: int, data: dict[str, Any]) -> None:
    """Rename and/or recolour; a key left out of `data` keeps its value."""
    _allowed(actor)
    before = _existing(db, tag_id)
    after = _checked(db, {"name": before.name, "color": before.color, **data}, tag_id)
    renamed = after.name != before.name
    recoloured = after.color.lower() != before.color.lower()   # "#B45309" is "#b45309"
    if not (renamed or recoloured):
        return  # nothing changed: no write, no line in the history
    with db.transaction():
        tag_store.update_tag(db, after)
        if renamed:
            firm_history.record(db, actor, "tag_renamed", after.name, old=before.name)
        if recoloured:
            firm_history.record(db, actor, "tag_recoloured", after.name, color=after.color)


def delete_tag(db: Database, actor: Member, tag_id: int) -> str:
    """Removes the tag from every account carrying it; returns its name."""
    _allowed(actor)
    tag = _existing(db, tag_id)
    with db.transaction():
        accounts = tag_store.count_accounts(db, tag_id)
        tag_store.delete_tag(db, tag_id)
        firm_history.record(db, actor, "tag_deleted", tag.name, accounts=str(accounts))
    return tag.name
