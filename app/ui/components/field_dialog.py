"""The dialog `Custom field`: label, type, and the options of a dropdown (one per line)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n import Translator
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, form_field
from app.ui.html import Element, Handler

DIALOG_ID = "field-dialog"
# Named "field.*" so that ids stay unique beside whatever the page under the dialog holds.
LABEL, TYPE, OPTIONS = "field.label", "field.type", "field.options"
LABEL_ID = "f-field-label"
TYPES = ("text", "number", "date", "dropdown", "checkbox", "email", "phone", "address")


def field_dialog(t: Translator, values: dict[str, Any], error: Callable[[str], str | None], has_errors: bool,
                 on_submit: Handler, on_cancel: Handler, on_keydown: Handler) -> Element:
    types = tuple((kind, t(f"fields.type.{kind}")) for kind in TYPES)
    body = [form_field(Field(LABEL, t("fields.label"), str(values.get(LABEL) or ""), error=error("label"))),
            form_field(Field(TYPE, t("fields.type"), str(values.get(TYPE) or "text"), kind="select",
                             options=types, error=error("type"))),
            form_field(Field(OPTIONS, t("fields.options"), str(values.get(OPTIONS) or ""), kind="textarea",
                             hint=t("fields.options_hint"), error=error("options")))]
    return form_dialog(t, DIALOG_ID, t("fields.dialog"), body, has_errors, on_submit, on_cancel, on_keydown)
