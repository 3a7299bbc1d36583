"""The Data page: export, import and start over (F-MORE-3)."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import Translator
from app.ui.html import Element, Handler, h

DATASET_INPUT, CSV_INPUT = "import-dataset", "import-csv"


@dataclass(frozen=True)
class DataPageState:
    whole_dataset: bool               # owner and admins: the whole dataset and starting over
    import_clients: bool              # whoever may create accounts
    export_clients: bool = True       # owner, admins and employees with the right
    dataset_error: str | None = None
    csv_error: str | None = None
    reading: str | None = None        # "Reading file.csv…" while a file is read
    can_undo: bool = False


@dataclass(frozen=True)
class DataHandlers:
    export_json: Handler
    export_sqlite: Handler
    export_csv: Handler
    template: Handler
    dataset_chosen: Handler
    csv_chosen: Handler
    undo: Handler
    reset: Handler
    erase: Handler


def _button_row(label: str, hint: str, on_click: Handler, danger: bool = False) -> Element:
    return h("div", {"class": "export-row"},
             h("button", {"type": "button", "class": "danger" if danger else None, "on_click": on_click}, label),
             h("p", {"class": "hint"}, hint))


def _file_row(input_id: str, label: str, hint: str, accept: str, error: str | None, on_change: Handler) -> Element:
    described = f"{input_id}-hint" + (f" {input_id}-error" if error else "")
    return h("div", {"class": "form-field file"},
             h("label", {"for": input_id}, label),
             h("input", {"type": "file", "id": input_id, "accept": accept, "aria-describedby": described,
                         "aria-invalid": "true" if error else None, "on_change": on_change}),
             h("p", {"id": f"{input_id}-hint", "class": "hint"}, hint),
             h("p", {"id": f"{input_id}-error", "class": "field-error"}, error) if error else None)


def _card(heading_id: str, title: str, *children: Element | None) -> Element:
    return h("section", {"class": "card", "aria-labelledby": heading_id}, h("h2", {"id": heading_id}, title),
             *children)


def data_page(t: Translator, state: DataPageState, on: DataHandlers, preview: Element | None = None,
              report: Element | None = None) -> Element:
    whole = state.whole_dataset
    return h("section", {"class": "page data-page"},
             h("header", {"class": "page-header"}, h("h1", {"id": "page-title", "tabindex": "-1"}, t("data.title"))),
             h("p", {"class": "muted"}, t("data.body")),
             _card("export-heading", t("data.export"),
                   _button_row(t("data.export_json"), t("data.export_json_hint"), on.export_json) if whole else None,
                   _button_row(t("data.export_sqlite"), t("data.export_sqlite_hint"), on.export_sqlite)
                   if whole else None,
                   _button_row(t("data.export_csv"), t("data.export_csv_hint"), on.export_csv)
                   if state.export_clients else None)
             if whole or state.export_clients else None,
             _card("import-heading", t("data.import"),
                   _file_row(DATASET_INPUT, t("data.import_dataset"), t("data.import_dataset_hint"),
                             ".json,.sqlite,.sqlite3,.db,application/json", state.dataset_error, on.dataset_chosen)
                   if whole else None,
                   _button_row(t("data.undo"), t("data.undo_hint"), on.undo) if whole and state.can_undo else None,
                   _file_row(CSV_INPUT, t("data.import_csv"), t("data.import_csv_hint"), ".csv,text/csv",
                             state.csv_error, on.csv_chosen) if state.import_clients else None,
                   h("button", {"type": "button", "class": "link", "on_click": on.template}, t("data.template"))
                   if state.import_clients else None,
                   h("p", {"class": "reading"}, state.reading) if state.reading else None)
             if whole or state.import_clients else None,
             preview, report,
             _card("reset-heading", t("data.start_over"),
                   _button_row(t("data.reset"), t("data.reset_hint"), on.reset),
                   _button_row(t("data.erase"), t("data.erase_hint"), on.erase, danger=True)) if whole else None)
