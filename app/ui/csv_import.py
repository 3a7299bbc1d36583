"""The CSV client import on the Data page: the file is read and checked in steps (a preview of
each row's fate, following the column mapping), then imported in steps that Cancel rolls back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.access import can_create_account
from app.domain.client_rows import clean_cell
from app.domain.csv_table import CsvTable
from app.services import client_import
from app.services.import_views import ImportPlan, ImportReport
from app.services.steps import Steps
from app.ui.components.csv_preview import PREVIEW_ID, PreviewHandlers, csv_preview
from app.ui.components.data_page import CSV_INPUT
from app.ui.components.import_report import REPORT_ID, import_report
from app.ui.events import UiEvent
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.data_screen import DataScreen


@dataclass
class CsvDraft:
    file_name: str
    table: CsvTable
    mapping: dict[int, str | None]
    plan: ImportPlan
    valid_only: bool = False
    importing: bool = False


class CsvImport:
    def __init__(self, screen: DataScreen) -> None:
        self.screen, self.ctx = screen, screen.ctx
        self.draft: CsvDraft | None = None
        self.report: ImportReport | None = None
        self._replan_after = False   # the mapping changed while the rows were being checked

    def forget(self) -> None:
        self.draft = self.report = None

    # Rendering ------------------------------------------------------------------------
    def preview(self) -> Element | None:
        draft = self.draft
        if draft is None or not can_create_account(self.ctx.member):
            return None
        first = draft.table.rows[0].cells if draft.table.rows else ()
        samples = tuple(clean_cell(first[i]) if i < len(first) else "" for i in range(len(draft.table.headers)))
        on = PreviewHandlers(self._map_column, self._valid_only, self._run_import, self._cancel_import)
        return csv_preview(self.ctx.t, draft.file_name, draft.table.headers, samples, draft.mapping, draft.plan,
                           draft.valid_only, on, importing=draft.importing or self.screen.work.busy)

    def report_view(self) -> Element | None:
        return import_report(self.ctx.t, self.report) if self.report else None

    # Reading and checking -------------------------------------------------------------
    def chosen(self, _event: UiEvent) -> None:
        self.forget()   # a new file: the previous one's preview no longer applies
        self.screen.read_file(CSV_INPUT, client_import.check_size, self._read)

    def _read(self, file_name: str, data: bytes) -> None:
        self.screen.work.start(self.ctx.t("work.csv_title", file=file_name), self._read_and_check(data),
                            lambda result: self._checked(file_name, *result), on_cancelled=self.screen.cancelled,
                            failed=lambda error: self.screen.failed(CSV_INPUT, error))

    def _read_and_check(self, data: bytes) -> Steps[tuple[CsvTable, dict[int, str | None], ImportPlan]]:
        table, mapping = yield from client_import.read_table_steps(self.ctx.member, data)
        plan = yield from client_import.plan_import_steps(self.ctx.db, self.ctx.member, table, mapping)
        return table, dict(mapping), plan

    def _checked(self, file_name: str, table: CsvTable, mapping: dict[int, str | None], plan: ImportPlan) -> None:
        self.draft = CsvDraft(file_name, table, mapping, plan)
        self.screen.show(PREVIEW_ID)

    def _map_column(self, index: int) -> Callable[[UiEvent], None]:
        def on_change(event: UiEvent) -> None:
            if self.draft is not None and not self.draft.importing:
                self.draft.mapping[index] = event.value or None
                self._replan()
        return on_change

    def _replan(self) -> None:
        """Check the rows again for the mapping as it is now; a change made meanwhile checks once more."""
        draft = self.draft
        if self.screen.work.busy:
            self._replan_after = True
            return
        self._replan_after = False
        steps = client_import.plan_import_steps(self.ctx.db, self.ctx.member, draft.table, dict(draft.mapping))
        self.screen.work.start(self.ctx.t("work.csv_title", file=draft.file_name), steps, self._replanned,
                            failed=lambda error: self.screen.failed(CSV_INPUT, error))

    def _replanned(self, plan: ImportPlan) -> None:
        if self.draft is None:
            return
        if self._replan_after:
            self._replan()
            return
        self.draft.plan = plan
        self.screen.show()

    def _valid_only(self, event: UiEvent) -> None:
        if self.draft is not None:
            self.draft.valid_only = event.checked

    # Importing ------------------------------------------------------------------------
    def _run_import(self, _event: UiEvent) -> None:
        draft = self.draft
        if draft is None or draft.importing or self.screen.work.busy:
            return
        draft.importing = True   # says so and disables the buttons until the work ends
        steps = client_import.run_import_steps(self.ctx.db, self.ctx.member, draft.table, draft.mapping,
                                               valid_only=draft.valid_only)
        self.screen.work.start(self.ctx.t("work.csv_import_title", file=draft.file_name), steps, self._imported,
                            on_cancelled=self._import_cancelled, failed=self._import_failed)
        self.screen.show()

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        if report.imported:
            self.draft = None
        elif self.draft is not None:
            self.draft.importing = False
        self.screen.show(REPORT_ID)

    def _import_cancelled(self) -> None:
        if self.draft is not None:
            self.draft.importing = False
        self.screen.cancelled()

    def _import_failed(self, error: Exception) -> None:
        if self.draft is not None:
            self.draft.importing = False
        self.screen.failed(CSV_INPUT, error)

    def _cancel_import(self, _event: UiEvent) -> None:
        self.draft = None
        self.screen.show(CSV_INPUT)
