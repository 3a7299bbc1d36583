"""The short form that adds or edits a note, with its validation message."""

from app.domain.notes import NOTE_MAX
from app.i18n import Translator
from app.ui.html import Element, Handler, h


def note_form(t: Translator, form_id: str, label: str, text: str, error: str | None,
              on_submit: Handler, on_cancel: Handler | None = None, generation: int = 0) -> Element:
    """`generation` changes once a note is saved: the field is drawn empty anew (what is
    typed in a field otherwise survives every redraw)."""
    field_id, error_id = f"{form_id}-body", f"{form_id}-error"
    return h("form", {"id": form_id, "class": "note-form", "on_submit": on_submit, "novalidate": True},
             h("div", {"role": "alert", "class": "form-summary"}, t("form.errors") if error else None),
             h("label", {"for": field_id}, label),
             h("textarea", {"id": field_id, "name": "body", "rows": "3", "maxlength": str(NOTE_MAX),
                            "aria-invalid": "true" if error else None,
                            "aria-describedby": error_id if error else None,
                            "data-key": f"{field_id}-{generation}"}, text),
             h("p", {"id": error_id, "class": "field-error"}, error) if error else None,
             h("div", {"class": "form-buttons"},
               h("button", {"type": "submit", "class": "primary"},
                 t("notes.save") if on_cancel else t("notes.add")),
               h("button", {"type": "button", "on_click": on_cancel}, t("notes.cancel"))
               if on_cancel else None))
