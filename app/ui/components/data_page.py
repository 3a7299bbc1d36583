"""The Data page: take the firm's data away as files (F-MORE-3)."""

from app.i18n import Translator
from app.ui.html import Element, Handler, h


def data_page(t: Translator, can_export_dataset: bool, on_sqlite: Handler, on_csv: Handler,
              on_reset: Handler, on_erase: Handler) -> Element:
    return h("section", {"class": "page data-page"},
             h("header", {"class": "page-header"}, h("h1", {"id": "page-title", "tabindex": "-1"}, t("data.title"))),
             h("p", {"class": "muted"}, t("data.body")),
             h("section", {"class": "card", "aria-labelledby": "export-heading"},
               h("h2", {"id": "export-heading"}, t("data.export")),
               h("div", {"class": "export-row"},
                 h("button", {"type": "button", "on_click": on_sqlite}, t("data.export_sqlite"))
                 if can_export_dataset else None,
                 h("p", {"class": "hint"}, t("data.export_sqlite_hint")) if can_export_dataset else None),
               h("div", {"class": "export-row"},
                 h("button", {"type": "button", "on_click": on_csv}, t("data.export_csv")),
                 h("p", {"class": "hint"}, t("data.export_csv_hint")))),
             h("section", {"class": "card", "aria-labelledby": "reset-heading"},
               h("h2", {"id": "reset-heading"}, t("data.start_over")),
               h("div", {"class": "export-row"},
                 h("button", {"type": "button", "on_click": on_reset}, t("data.reset")),
                 h("p", {"class": "hint"}, t("data.reset_hint"))),
               h("div", {"class": "export-row"},
                 h("button", {"type": "button", "class": "danger", "on_click": on_erase}, t("data.erase")),
                 h("p", {"class": "hint"}, t("data.erase_hint")))) if can_export_dataset else None)
