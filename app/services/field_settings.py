"""The firm's custom fields in Settings: list, create, change, reorder, delete.

Owner and admins only. Every call validates everything first (a change of type or options
must not lose a value anyone holds), then writes the change, any values it rewrites and its
line in the firm's history in one transaction.
"""

from __future__ import annotations

from typing import Any

from app.domain.access import can_manage_settings
from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.domain.field_rules import convert_values, label_taken, parse_options, removed_options
from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType, Member
from app.domain.text import squash
from app.domain.validation import validate
from app.services import firm_history
from app.services.settings_views import FieldSettingsView
from app.store import custom_fields as field_store
from app.store import firm as firm_store
from app.store.db import Database

MAX_NAMES = 5   # holders named in a refusal; more are summed up as "…"


def _allowed(actor: Member) -> None:
    if not can_manage_settings(actor):
        raise AccessDenied("custom fields")


def _scope(scope: str) -> FieldScope:
    try:
        return FieldScope(scope)
    except ValueError:
        raise InvalidInput({"scope": "option"}) from None


def _existing(db: Database, field_id: int) -> CustomFieldDefinition:
    field = field_store.get_field(db, field_id)
    if field is None:
        raise NotFound(f"custom field {field_id}")
    return field


def list_fields(db: Database, actor: Member, scope: str) -> list[FieldSettingsView]:
    """The fields of "account" or "contact", in the order the forms show them."""
    _allowed(actor)
    kind = _scope(scope)
    counts = field_store.value_counts(db, kind)
    return [FieldSettingsView(f.id, f.scope.value, f.label, f.type.value, f.options, f.position,
                              counts.get(f.id, 0))
            for f in firm_store.list_custom_fields(db, kind.value)]


def _options(data: dict[str, Any], errors: dict[str, str]) -> tuple[str, ...]:
    try:
        return parse_options(str(data.get("options") or ""))
    except ValueError as error:
        errors["options"] = str(error)
        return ()


def _checked(db: Database, scope: FieldScope, data: dict[str, Any], before: CustomFieldDefinition | None
             ) -> CustomFieldDefinition:
    """The definition as typed (options kept for dropdowns only); every problem at once."""
    errors: dict[str, str] = {}
    # Options are read for dropdowns only: lines left there for another type do not count.
    options = _options(data, errors) if data.get("type") == FieldType.DROPDOWN.value else ()
    field = None
    try:
        field = validate(CustomFieldDefinition, {
            "id": before.id if before else None, "scope": scope, "label": data.get("label", ""),
            "type": data.get("type", ""), "options": options,
            "position": before.position if before else 0})
    except InvalidInput as error:
        errors.update({k: ("option" if k == "type" else v) for k, v in error.errors.items()
                       if k in ("label", "type")})
    if data.get("type") == FieldType.DROPDOWN.value and not options and "options" not in errors:
        errors["options"] = "options_required"
    label = squash(str(data.get("label") or ""))
    if "label" not in errors and label_taken(label, firm_store.list_custom_fields(db, scope.value), scope.value,
                                             before.id if before else None):
        errors["label"] = "duplicate_field"
    if errors:
        raise InvalidInput(errors)
    return field


def create_field(db: Database, actor: Member, scope: str, data: dict[str, Any]) -> int:
    """data {"label", "type", "options": text one per line}; the new field goes last."""
    _allowed(actor)
    kind = _scope(scope)
    field = _checked(db, kind, data, None)
    existing = firm_store.list_custom_fields(db, kind.value)
    field = field.model_copy(update={"position": max((f.position for f in existing), default=-1) + 1})
    with db.transaction():
        field_id = firm_store.insert_custom_field(db, field)
        firm_history.record(db, actor, "field_created", field.label, scope=kind.value, type=field.type.value)
    return field_id


def _names(names: list[str]) -> str:
    return ", ".join(names[:MAX_NAMES]) + (", …" if len(names) > MAX_NAMES else "")


def _rewrites(db: Database, before: CustomFieldDefinition, after: CustomFieldDefinition) -> dict[int, str]:
    """The values to store in their new form; InvalidInput when a value would be lost."""
    if after.type is before.type and after.options == before.options:
        return {}
    values = field_store.field_values(db, before)
    if after.type is not before.type:
        converted, failed = convert_values(after, {v.owner_id: v.value for v in values})
        if failed:
            lost = set(failed)
            names = [v.owner_name for v in values if v.owner_id in lost]
            raise InvalidInput({"type": "type_change_loses_values"},
                               {"type": {"count": str(len(failed)), "names": _names(names)}})
        return {v.owner_id: converted[v.owner_id] for v in values if converted[v.owner_id] != v.value}
    for option in removed_options(before.options, after.options):
        names = [v.owner_name for v in values if v.value == option]
        if names:
            raise InvalidInput({"options": "option_in_use"}, {"options": {"option": option, "names": _names(names)}})
    return {}


def update_field(db: Database, actor: Member, field_id: int, data: dict[str, Any]) -> None:
    """Rename, change the type, edit the options (same keys as `create_field`)."""
    _allowed(actor)
    before = _existing(db, field_id)
    after = _checked(db, before.scope, data, before)
    rewrites = _rewrites(db, before, after)
    if after == before:
        return  # nothing changed: no write, no line in the history
    with db.transaction():
        field_store.update_field(db, after)
        field_store.rewrite_values(db, after, rewrites)
        if after.label != before.label:
            firm_history.record(db, actor, "field_renamed", after.label, old=before.label)
        if after.type is not before.type or after.options != before.options:
            firm_history.record(db, actor, "field_changed", after.label, scope=after.scope.value,
                                type=after.type.value)


def move_field(db: Database, actor: Member, field_id: int, step: int) -> None:
    """-1 up, +1 down among the fields of its scope; at an end nothing changes."""
    _allowed(actor)
    field = _existing(db, field_id)
    if step not in (-1, 1):
        raise InvalidInput({"step": "invalid"})
    ids = [f.id for f in firm_store.list_custom_fields(db, field.scope.value)]
    here = ids.index(field_id)
    there = here + step
    if not 0 <= there < len(ids):
        return
    ids[here], ids[there] = ids[there], ids[here]
    with db.transaction():
        field_store.set_positions(db, ids)   # also makes older, equal positions 0..n-1
        firm_history.record(db, actor, "field_moved", field.label, scope=field.scope.value,
                            position=str(there + 1))


def delete_field(db: Database, actor: Member, field_id: int) -> str:
    """Deletes the field and every value held for it; returns its label."""
    _allowed(actor)
    field = _existing(db, field_id)
    with db.transaction():
        values = field_store.count_values(db, field)
        field_store.delete_field(db, field_id)
        firm_history.record(db, actor, "field_deleted", field.label, values=str(values), scope=field.scope.value)
    return field.label
