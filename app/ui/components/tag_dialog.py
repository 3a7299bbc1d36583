"""The dialog `Tag`: a tag's name and colour, for a new tag or one being changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n import Translator
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, form_field
from app.ui.html import Element, Handler

DIALOG_ID = "tag-dialog"
# Named "tag.*": the Firm part under the dialog has a field "name" (ids must stay unique).
NAME, COLOR = "tag.name", "tag.color"
NAME_ID = "f-tag-name"


def tag_dialog(t: Translator, values: dict[str, Any], error: Callable[[str], str | None], has_errors: bool,
               on_submit: Handler, on_cancel: Handler, on_keydown: Handler) -> Element:
    body = [form_field(Field(NAME, t("tags.name"), str(values.get(NAME) or ""), error=error("name"))),
            form_field(Field(COLOR, t("tags.color"), str(values.get(COLOR) or ""), kind="color",
                             error=error("color")))]
    return form_dialog(t, DIALOG_ID, t("tags.dialog"), body, has_errors, on_submit, on_cancel, on_keydown)
