"""Settings › Custom fields from the UI: both lists, the `Custom field` dialog, moving, deleting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.text import squash
from app.services import field_settings
from app.services.settings_views import FieldSettingsView
from app.ui.components.field_dialog import LABEL, LABEL_ID, OPTIONS, TYPE, field_dialog
from app.ui.components.fields_part import SCOPES, FieldsHandlers, fields_part, move_id
from app.ui.components.tags_part import counted
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.html import Element, Handler

if TYPE_CHECKING:
    from app.ui.context import Context


class FieldSettings:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def part(self) -> Element:
        db, member = self.ctx.db, self.ctx.member
        fields = {scope: field_settings.list_fields(db, member, scope) for scope in SCOPES}
        on = FieldsHandlers(add=self._add, edit=self._edit, delete=self._delete, move=self._move)
        return fields_part(self.ctx.t, fields, on)

    # The `Custom field` dialog ----------------------------------------------------------
    def _add(self, scope: str) -> Handler:
        return lambda _event: self._open(scope, None, {LABEL: "", TYPE: "text", OPTIONS: ""})

    def _edit(self, f: FieldSettingsView) -> Handler:
        values = {LABEL: f.label, TYPE: f.type, OPTIONS: "\n".join(f.options)}
        return lambda _event: self._open(f.scope, f.id, values)

    def _open(self, scope: str, field_id: int | None, values: dict[str, Any]) -> None:
        self.ctx.dialogs.open(OpenForm(render=self._dialog, submit=lambda data: self._save(scope, field_id, data),
                                       values=values, focus=LABEL_ID))

    def _dialog(self, form: OpenForm) -> Element:
        dialogs = self.ctx.dialogs
        return field_dialog(self.ctx.t, form.values, dialogs.error_text, bool(form.errors), dialogs.on_submit,
                            dialogs.close, dialogs.on_key)

    def _save(self, scope: str, field_id: int | None, data: dict[str, Any]) -> str:
        values = {k: str(data.get(f"field.{k}") or "") for k in ("label", "type", "options")}
        db, member = self.ctx.db, self.ctx.member
        if field_id is None:
            field_settings.create_field(db, member, scope, values)
        else:
            field_settings.update_field(db, member, field_id, values)
        return self.ctx.t("fields.saved", label=squash(values["label"]))

    # Moving -----------------------------------------------------------------------------
    def _move(self, f: FieldSettingsView, step: int) -> Handler:
        def handler(_event: UiEvent) -> None:
            db, member = self.ctx.db, self.ctx.member
            field_settings.move_field(db, member, f.id, step)
            fields = field_settings.list_fields(db, member, f.scope)
            at = next(i for i, other in enumerate(fields) if other.id == f.id)
            self.ctx.changed(focus=_focus_after_move(f.id, step, at, len(fields)),
                             message=self.ctx.t("fields.moved", label=f.label, position=at + 1, count=len(fields)))
        return handler

    # Delete -----------------------------------------------------------------------------
    def _delete(self, f: FieldSettingsView) -> Handler:
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            self.ctx.dialogs.confirm(t("fields.delete_title", label=f.label),
                                     counted(t, f"fields.delete_body_{f.scope}", f.values, label=f.label),
                                     lambda: self._deleted(f.id))
        return handler

    def _deleted(self, field_id: int) -> str:
        label = field_settings.delete_field(self.ctx.db, self.ctx.member, field_id)
        return self.ctx.t("fields.deleted", label=label)


def _focus_after_move(field_id: int, step: int, at: int, count: int) -> str:
    """The same button if the item still has it at place `at`, else its other one (it reached an end)."""
    has_up, has_down = at > 0, at < count - 1
    if (step < 0 and has_up) or (step > 0 and not has_down):
        return move_id(field_id, -1) if has_up else f"edit-field-{field_id}"
    return move_id(field_id, 1) if has_down else f"edit-field-{field_id}"
