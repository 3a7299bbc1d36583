"""Shown instead of the app when the stored database fails SQLite's integrity check."""

from app.i18n import Translator
from app.ui.html import Element, Handler, h


def damaged_page(t: Translator, on_export: Handler, on_start_fresh: Handler) -> Element:
    return h("section", {"class": "page damaged", "role": "alert", "aria-labelledby": "page-title"},
             h("h1", {"id": "page-title", "tabindex": "-1"}, t("storage.damaged")),
             h("p", None, t("storage.damaged_choices")),
             h("div", {"class": "form-buttons"},
               h("button", {"type": "button", "class": "primary", "on_click": on_export}, t("storage.export_damaged")),
               h("button", {"type": "button", "on_click": on_start_fresh}, t("storage.start_fresh"))))
