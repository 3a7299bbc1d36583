"""The Data page's controller: exports, dataset import with undo, and the CSV client import.

Files are read in two steps: the size first (a file over the limit is refused unread), then
the bytes. Every refusal is shown next to the file input it came from.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.domain.access import can_create_account, can_export_clients, can_export_dataset
from app.domain.client_rows import clean_cell
from app.domain.csv_table import CsvTable
from app.domain.errors import FileRefused
from app.services import client_import, dataset, export, reset
from app.services.import_views import ImportPlan, ImportReport
from app.ui.components.csv_preview import PREVIEW_ID, PreviewHandlers, csv_preview
from app.ui.components.data_page import CSV_INPUT, DATASET_INPUT, DataHandlers, DataPageState, data_page
from app.ui.components.import_report import REPORT_ID, import_report
from app.ui.events import UiEvent
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.app import App
    from app.ui.dom import ChosenFile

MAIN = "main"


@dataclass
class CsvDraft:
    file_name: str
    table: CsvTable
    mapping: dict[int, str | None]
    valid_only: bool = False
    plan: ImportPlan | None = None    # kept until the mapping changes (the import plans afresh anyway)
    importing: bool = False


class DataScreen:
    def __init__(self, app: App) -> None:
        self.app = app
        self.errors: dict[str, str] = {}      # file input id -> message
        self.reading: str | None = None
        self.draft: CsvDraft | None = None
        self.report: ImportReport | None = None

    def forget(self) -> None:
        """Another member signed in, or the data was replaced: a CSV preview no longer holds."""
        self.errors, self.draft, self.report = {}, None, None

    # Rendering ------------------------------------------------------------------------
    def render(self) -> str:
        t, member = self.app.t, self.app.member
        state = DataPageState(whole_dataset=can_export_dataset(member), import_clients=can_create_account(member),
                              export_clients=can_export_clients(member),
                              dataset_error=self.errors.get(DATASET_INPUT), csv_error=self.errors.get(CSV_INPUT),
                              reading=self.reading, can_undo=dataset.can_undo_import(self.app.db))
        handlers = DataHandlers(self._export_json, self._export_sqlite, self._export_csv, self._template,
                                self._dataset_chosen, self._csv_chosen, self._ask_undo, self._ask_reset,
                                self._ask_erase)
        self.app.dom.mount(MAIN, data_page(t, state, handlers, self._preview(), self._report()))
        return t("data.title")

    def _preview(self) -> Element | None:
        draft = self.draft
        if draft is None or not can_create_account(self.app.member):
            return None
        if draft.plan is None:
            draft.plan = client_import.plan_import(self.app.db, self.app.member, draft.table, draft.mapping)
        plan = draft.plan
        first = draft.table.rows[0].cells if draft.table.rows else ()
        samples = tuple(clean_cell(first[i]) if i < len(first) else "" for i in range(len(draft.table.headers)))
        on = PreviewHandlers(self._map_column, self._valid_only, self._run_import, self._cancel_import)
        return csv_preview(self.app.t, draft.file_name, draft.table.headers, samples, draft.mapping, plan,
                           draft.valid_only, on, importing=draft.importing)

    def _report(self) -> Element | None:
        return import_report(self.app.t, self.report) if self.report else None

    def _show(self, focus: str | None = None) -> None:
        self.app.rerender_main()
        if focus:
            self.app.dom.focus(focus)

    def _refused(self, input_id: str, error: FileRefused) -> None:
        t = self.app.t
        details = dict(error.details)
        if "reason" in details:  # a record's problem, said in the user's words
            code = details.pop("reason")
            details["problem"] = t(f"error.{code}") if t.has(f"error.{code}") else t("error.invalid")
        key = f"file.{error.code}" if t.has(f"file.{error.code}") else "file.invalid"
        self.errors[input_id] = t(key, **details)
        self.reading = None
        self._show(input_id)

    # Reading a chosen file ------------------------------------------------------------
    def _read(self, input_id: str, check_size: Callable[[int], None],
              use: Callable[[ChosenFile, bytes], None]) -> None:
        chosen = self.app.dom.chosen_file(input_id)
        if chosen is None:
            return
        self.errors.pop(input_id, None)
        try:
            check_size(chosen.size)
        except FileRefused as error:
            self._refused(input_id, error)
            return
        self.reading = self.app.t("data.reading", file=chosen.name)
        self._show()
        asyncio.ensure_future(self._finish_reading(input_id, chosen, use))

    async def _finish_reading(self, input_id: str, chosen: ChosenFile,
                              use: Callable[[ChosenFile, bytes], None]) -> None:
        try:
            data = await chosen.read()
            self.reading = None
            use(chosen, data)
        except FileRefused as error:
            self._refused(input_id, error)
        except Exception as error:  # noqa: BLE001 - shown, never swallowed
            self.reading = None
            self._show()
            self.app.show_error(error)

    # Exports --------------------------------------------------------------------------
    def _download(self, name: str, data: bytes, mime: str) -> None:
        self.app.dom.download(name, data, mime)
        self.app.announce(self.app.t("data.exported", file=name))

    def _export_json(self, _event: UiEvent) -> None:
        data = dataset.export_json(self.app.db, self.app.member)
        self._download(f"fascicolo-{date.today().isoformat()}.json", data, "application/json")

    def _export_sqlite(self, _event: UiEvent) -> None:
        data = export.export_sqlite(self.app.db, self.app.member)
        self._download(f"fascicolo-{date.today().isoformat()}.sqlite", data, "application/vnd.sqlite3")

    def _download_csv(self, name: str, text: str) -> None:
        # With a BOM so that spreadsheet programs read the UTF-8 accents right.
        self._download(name, ("\ufeff" + text).encode("utf-8"), "text/csv")

    def _export_csv(self, _event: UiEvent) -> None:
        text = export.export_clients_csv(self.app.db, self.app.member)
        self._download_csv(f"fascicolo-clients-{date.today().isoformat()}.csv", text)

    def _template(self, _event: UiEvent) -> None:
        self._download_csv("fascicolo-clients-template.csv", export.clients_csv_template())

    # Dataset import -------------------------------------------------------------------
    def _dataset_chosen(self, _event: UiEvent) -> None:
        self._read(DATASET_INPUT, dataset.check_size, self._dataset_read)

    def _dataset_read(self, chosen: ChosenFile, data: bytes) -> None:
        prepared = dataset.prepare_import(self.app.member, data)
        t = self.app.t
        self._show()
        body = t("data.replace_body", file=chosen.name, accounts=prepared.accounts, contacts=prepared.contacts,
                 members=prepared.members)
        self.app.dialogs.confirm(t("data.replace_title"), body, lambda: self._replace(chosen.name, prepared))

    def _replace(self, file_name: str, prepared: dataset.PreparedImport) -> str:
        dataset.apply_import(self.app.db, self.app.member, prepared)
        self.app.after_replacing_data()
        return self.app.t("data.imported", file=file_name, accounts=prepared.accounts, contacts=prepared.contacts)

    def _ask_undo(self, _event: UiEvent) -> None:
        if not dataset.can_undo_import(self.app.db):
            return
        dataset.undo_import(self.app.db, self.app.member)
        self.app.after_replacing_data()
        self._show("page-title")
        self.app.announce(self.app.t("data.undo_done"))

    # Starting over ----------------------------------------------------------------------
    def _ask_reset(self, _event: UiEvent) -> None:
        t = self.app.t
        self.app.dialogs.confirm(t("data.reset_title"), t("data.reset_body"), self._reset)

    def _reset(self) -> None:
        steps = reset.reset_to_demo_steps(self.app.db, self.app.member, self.app.make_demo)
        self.app.work.start(self.app.t("work.resetting"), steps, lambda _none: self._replaced("data.reset_done"),
                            on_cancelled=self._cancelled)

    def _ask_erase(self, _event: UiEvent) -> None:
        t = self.app.t
        self.app.dialogs.confirm(t("data.erase_title"), t("data.erase_body"), self._erase)

    def _erase(self) -> str:
        reset.erase_all_clients(self.app.db, self.app.member)   # made aside from the firm alone: instant
        self.app.after_replacing_data()
        return self.app.t("data.erase_done")

    def _replaced(self, message_key: str) -> None:
        self.app.after_replacing_data()
        self._show("page-title")
        self.app.announce(self.app.t(message_key))

    def _cancelled(self) -> None:
        self._show()
        self.app.announce(self.app.t("work.cancelled"))

    # CSV import -----------------------------------------------------------------------
    def _csv_chosen(self, _event: UiEvent) -> None:
        self.draft = self.report = None   # a new file: the previous one's preview no longer applies
        self._read(CSV_INPUT, client_import.check_size, self._csv_read)

    def _csv_read(self, chosen: ChosenFile, data: bytes) -> None:
        table, mapping = client_import.read_table(self.app.member, data)
        self.draft, self.report = CsvDraft(chosen.name, table, mapping), None
        self._show(PREVIEW_ID)

    def _map_column(self, index: int) -> Callable[[UiEvent], None]:
        def on_change(event: UiEvent) -> None:
            if self.draft is not None:
                self.draft.mapping[index] = event.value or None
                self.draft.plan = None
                self._show()
        return on_change

    def _valid_only(self, event: UiEvent) -> None:
        if self.draft is not None:
            self.draft.valid_only = event.checked

    def _run_import(self, _event: UiEvent) -> None:
        draft = self.draft
        if draft is None or draft.importing:
            return
        draft.importing = True   # says so and disables the buttons, painted before the work starts
        self._show()
        asyncio.ensure_future(self._import_after_paint(draft))

    async def _import_after_paint(self, draft: CsvDraft) -> None:
        await asyncio.sleep(0)
        try:
            self.report = client_import.run_import(self.app.db, self.app.member, draft.table, draft.mapping,
                                                   valid_only=draft.valid_only)
        except FileRefused as error:
            draft.importing = False
            self._refused(CSV_INPUT, error)
            return
        except Exception as error:  # noqa: BLE001 - shown, never swallowed
            draft.importing = False
            self._show()
            self.app.show_error(error)
            return
        draft.importing = False
        if self.report.imported:
            self.draft = None
            self.app.search.refresh()
        self._show(REPORT_ID)

    def _cancel_import(self, _event: UiEvent) -> None:
        self.draft = None
        self._show(CSV_INPUT)
