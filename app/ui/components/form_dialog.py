"""A modal dialog holding a form: title, error summary, fields, Save and Cancel."""

from app.i18n import Translator
from app.ui.html import Child, Element, Handler, h


def form_dialog(t: Translator, dialog_id: str, title: str, body: Child, has_errors: bool,
                on_submit: Handler, on_cancel: Handler, on_keydown: Handler,
                submit_label: str | None = None) -> Element:
    return h("div", {"class": "backdrop"},
             h("div", {"role": "dialog", "aria-modal": "true", "aria-labelledby": f"{dialog_id}-title",
                       "class": "dialog wide", "id": dialog_id, "on_keydown": on_keydown},
               h("h2", {"id": f"{dialog_id}-title"}, title),
               h("form", {"on_submit": on_submit, "novalidate": True, "class": "dialog-form"},
                 h("div", {"role": "alert", "class": "form-summary"}, t("form.errors") if has_errors else None),
                 body,
                 h("div", {"class": "form-buttons"},
                   h("button", {"type": "submit", "class": "primary"}, submit_label or t("form.save")),
                   h("button", {"type": "button", "on_click": on_cancel}, t("form.cancel"))))))
