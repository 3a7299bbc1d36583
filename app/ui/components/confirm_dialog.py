"""A confirmation that names what will happen, with Confirm and Cancel (role alertdialog)."""

from app.i18n import Translator
from app.ui.html import Element, Handler, h

CONFIRM_ID, CANCEL_ID = "dialog-confirm", "dialog-cancel"


def confirm_dialog(t: Translator, title: str, body: str, on_confirm: Handler,
                   on_cancel: Handler, on_keydown: Handler) -> Element:
    return h("div", {"class": "backdrop"},
             h("div", {"role": "alertdialog", "aria-modal": "true", "aria-labelledby": "dialog-title",
                       "aria-describedby": "dialog-body", "class": "dialog", "on_keydown": on_keydown},
               h("h2", {"id": "dialog-title"}, title),
               h("p", {"id": "dialog-body"}, body),
               h("div", {"class": "form-buttons"},
                 h("button", {"type": "button", "class": "danger", "id": CONFIRM_ID,
                              "on_click": on_confirm}, t("dialog.confirm")),
                 h("button", {"type": "button", "id": CANCEL_ID, "on_click": on_cancel}, t("dialog.cancel")))))
