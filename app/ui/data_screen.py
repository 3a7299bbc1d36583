"""The Data page's controller: exports, dataset import with undo, starting over; the CSV client
import is app.ui.csv_import's.

Files are read in two steps: the size first (a file over the limit is refused unread), then
the bytes. Long work (checking a file, exporting, rebuilding the demo) runs in steps through
app.ui.work, with its progress shown. Every refusal is shown next to the file input it came from.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.access import can_create_account, can_export_clients, can_export_dataset
from app.domain.errors import FileRefused
from app.services import dataset, export, reset
from app.ui.components.data_page import CSV_INPUT, DATASET_INPUT, DataHandlers, DataPageState, data_page
from app.ui.csv_import import CsvImport
from app.ui.events import UiEvent

if TYPE_CHECKING:
    from app.services.checked_elsewhere import CheckedElsewhere
    from app.services.reset import MakeDemo
    from app.ui.context import Context
    from app.ui.dom_protocol import ChosenFileProtocol as ChosenFile
    from app.ui.work import WorkRunner

MAIN = "main"


class DataScreen:
    def __init__(self, ctx: Context, work: WorkRunner, make_demo: MakeDemo | None = None,
                 check_elsewhere: Callable[[Any], CheckedElsewhere] | None = None) -> None:
        self.ctx, self.work = ctx, work
        self.make_demo = make_demo   # the entry point's demo generator (Reset to the demo)
        self.check_elsewhere = check_elsewhere   # starts SQLite's check of a chosen file in a worker
        ctx.on_forget(self.forget)
        self.errors: dict[str, str] = {}      # file input id -> message
        self.reading: str | None = None
        self.csv = CsvImport(self)
        self._elsewhere: CheckedElsewhere | None = None   # the chosen SQLite file's check, until its import starts

    def forget(self) -> None:
        """Another member signed in, or the data was replaced: a CSV preview no longer holds."""
        self.errors = {}
        self.csv.forget()

    # Rendering ------------------------------------------------------------------------
    def render(self) -> str:
        t, member = self.ctx.t, self.ctx.member
        state = DataPageState(whole_dataset=can_export_dataset(member), import_clients=can_create_account(member),
                              export_clients=can_export_clients(member),
                              dataset_error=self.errors.get(DATASET_INPUT), csv_error=self.errors.get(CSV_INPUT),
                              reading=self.reading, can_undo=dataset.can_undo_import(self.ctx.db))
        handlers = DataHandlers(self._export_json, self._export_sqlite, self._export_csv, self._template,
                                self._dataset_chosen, self.csv.chosen, self._ask_undo, self._ask_reset,
                                self._ask_erase)
        self.ctx.dom.mount(MAIN, data_page(t, state, handlers, self.csv.preview(), self.csv.report_view()))
        return t("data.title")

    def show(self, focus: str | None = None, message: str | None = None) -> None:
        self.ctx.changed(focus=focus, message=message)

    def failed(self, input_id: str, error: Exception) -> None:
        """Long work on a file stopped: a refusal is said next to its input, anything else as unexpected."""
        if isinstance(error, FileRefused):
            self._refused(input_id, error)
        else:
            self.show()
            self.ctx.show_error(error)

    def cancelled(self) -> None:
        self.show(message=self.ctx.t("work.cancelled"))

    def _refused(self, input_id: str, error: FileRefused) -> None:
        t = self.ctx.t
        details = dict(error.details)
        if "reason" in details:  # a record's problem, said in the user's words
            code = details.pop("reason")
            details["problem"] = t(f"error.{code}") if t.has(f"error.{code}") else t("error.invalid")
        key = f"file.{error.code}" if t.has(f"file.{error.code}") else "file.invalid"
        self.errors[input_id] = t(key, **details)
        self.reading = None
        self.show(input_id)

    # Reading a chosen file ------------------------------------------------------------
    def read_file(self, input_id: str, check_size: Callable[[int], None], use: Callable[[str, Any], None],
                  copy_to: Callable[[ChosenFile, bytes], Path | None] = lambda _file, _head: None) -> None:
        """Read the file chosen in `input_id` (refused unread if too large), then `use` its name and
        bytes; or, where `copy_to` names a place for a file starting so, its copy there."""
        chosen = self.ctx.dom.chosen_file(input_id)
        if chosen is None:
            return
        self.errors.pop(input_id, None)
        try:
            check_size(chosen.size)
        except FileRefused as error:
            self._refused(input_id, error)
            return
        self.reading = self.ctx.t("data.reading", file=chosen.name)
        self.show()
        asyncio.ensure_future(self._finish_reading(input_id, chosen, use, copy_to))

    async def _finish_reading(self, input_id: str, chosen: ChosenFile, use: Callable[[str, Any], None],
                              copy_to: Callable[[ChosenFile, bytes], Path | None]) -> None:
        try:
            place = copy_to(chosen, await chosen.head(16))
            if place is None:
                data: bytes | Path = await chosen.read()
            else:
                await chosen.copy_to(str(place))
                data = place
            self.reading = None
            use(chosen.name, data)
        except FileRefused as error:
            self._refused(input_id, error)
        except Exception as error:  # noqa: BLE001 - shown, never swallowed
            self.reading = None
            self.show()
            self.ctx.show_error(error)

    # Exports --------------------------------------------------------------------------
    def _download(self, name: str, data: bytes, mime: str) -> None:
        self.ctx.dom.download(name, data, mime)
        self.ctx.announce(self.ctx.t("data.exported", file=name))

    def _export_json(self, _event: UiEvent) -> None:
        name = f"fascicolo-{date.today().isoformat()}.json"
        self.work.start(self.ctx.t("work.exporting", file=name), dataset.export_json_steps(self.ctx.db, self.ctx.member),
                            lambda data: self._download(name, data, "application/json"), on_cancelled=self.cancelled)

    def _export_sqlite(self, _event: UiEvent) -> None:
        data = export.export_sqlite(self.ctx.db, self.ctx.member)
        self._download(f"fascicolo-{date.today().isoformat()}.sqlite", data, "application/vnd.sqlite3")

    def _download_csv(self, name: str, text: str) -> None:
        # With a BOM so that spreadsheet programs read the UTF-8 accents right.
        self._download(name, ("\ufeff" + text).encode("utf-8"), "text/csv")

    def _export_csv(self, _event: UiEvent) -> None:
        name = f"fascicolo-clients-{date.today().isoformat()}.csv"
        steps = export.export_clients_csv_steps(self.ctx.db, self.ctx.member)
        self.work.start(self.ctx.t("work.exporting", file=name), steps,
                            lambda text: self._download_csv(name, text), on_cancelled=self.cancelled)

    def _template(self, _event: UiEvent) -> None:
        self._download_csv("fascicolo-clients-template.csv", export.clients_csv_template())

    # Dataset import -------------------------------------------------------------------
    def _dataset_chosen(self, _event: UiEvent) -> None:
        # An SQLite file is copied into a file of the page's memory and read from there: as
        # bytes, a 250 MB file would be copied whole twice, each time holding the page 0.2 s.
        self.read_file(DATASET_INPUT, dataset.check_size, self._dataset_read, self._sqlite_copy)

    def _sqlite_copy(self, chosen: ChosenFile, head: bytes) -> Path | None:
        """Where an SQLite file is copied; SQLite's check of the file starts elsewhere at once."""
        if self._elsewhere is not None:   # an earlier file's, whose copy failed
            self._elsewhere.close()
            self._elsewhere = None
        if not dataset.is_sqlite(head):
            return None
        if self.check_elsewhere is not None:
            self._elsewhere = self.check_elsewhere(chosen.blob)
        return dataset.IMPORT_COPY

    def _dataset_read(self, file_name: str, data: bytes | Path) -> None:
        elsewhere, self._elsewhere = self._elsewhere, None
        self.work.start(self.ctx.t("work.checking_title", file=file_name),
                            dataset.prepare_import_steps(self.ctx.member, data, elsewhere),
                            lambda prepared: self._ask_replace(file_name, prepared), on_cancelled=self.cancelled,
                            failed=lambda error: self.failed(DATASET_INPUT, error))

    def _ask_replace(self, file_name: str, prepared: dataset.PreparedImport) -> None:
        t = self.ctx.t
        self.show()
        body = t("data.replace_body", file=file_name, accounts=prepared.accounts, contacts=prepared.contacts,
                 members=prepared.members)
        self.ctx.dialogs.confirm(t("data.replace_title"), body, lambda: self._replace(file_name, prepared))

    def _replace(self, file_name: str, prepared: dataset.PreparedImport) -> None:
        t = self.ctx.t
        message = t("data.imported", file=file_name, accounts=prepared.accounts, contacts=prepared.contacts)
        steps = dataset.apply_import_steps(self.ctx.db, self.ctx.member, prepared)
        # Not cancellable: the file it writes is swapped in at the end, in one instant step.
        self.work.start(t("work.replacing_title", file=file_name), steps,
                            lambda _none: self._replaced_with(message), cancellable=False)

    def _replaced_with(self, message: str) -> None:
        self.ctx.forget_screens()   # the signed-in member, drafts and previews were of the old data
        self.show("page-title", message)

    def _ask_undo(self, _event: UiEvent) -> None:
        if not dataset.can_undo_import(self.ctx.db):
            return
        dataset.undo_import(self.ctx.db, self.ctx.member)
        self._replaced("data.undo_done")

    # Starting over ----------------------------------------------------------------------
    def _ask_reset(self, _event: UiEvent) -> None:
        t = self.ctx.t
        self.ctx.dialogs.confirm(t("data.reset_title"), t("data.reset_body"), self._reset)

    def _reset(self) -> None:
        steps = reset.reset_to_demo_steps(self.ctx.db, self.ctx.member, self.make_demo)
        self.work.start(self.ctx.t("work.resetting"), steps, lambda _none: self._replaced("data.reset_done"),
                            on_cancelled=self._cancelled)

    def _ask_erase(self, _event: UiEvent) -> None:
        t = self.ctx.t
        self.ctx.dialogs.confirm(t("data.erase_title"), t("data.erase_body"), self._erase)

    def _erase(self) -> str:
        reset.erase_all_clients(self.ctx.db, self.ctx.member)   # made aside from the firm alone: instant
        self.ctx.forget_screens()
        return self.ctx.t("data.erase_done")

    def _replaced(self, message_key: str) -> None:
        self._replaced_with(self.ctx.t(message_key))

    def _cancelled(self) -> None:
        self.show(message=self.ctx.t("work.cancelled"))
