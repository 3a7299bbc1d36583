"""The whole dataset in and out (F-MORE-3): Export JSON, Import dataset (JSON or SQLite), Undo.

An import is checked in full aside, in steps (issue #10): an SQLite file on a private copy of
it, which becomes the new data (app.services.dataset_sqlite); a JSON document read a batch of
records at a time into a new database (app.services.dataset_json). Only data that passed
replaces the current data, in one step; the previous data is kept so the import can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.access import can_export_dataset
from app.domain.dataset_columns import RecordInvalid
from app.domain.errors import AccessDenied, FileRefused
from app.services import dataset_export
from app.services.checked_elsewhere import CheckedElsewhere
from app.services.dataset_json import json_steps
from app.services.dataset_sqlite import sqlite_steps
from app.services.dataset_steps import Phase, reindex_steps
from app.services.steps import Progress, Steps, run_all
from app.store import dataset as dataset_store
from app.store.db import Database

# A JSON export of 50,000 clients is ~475 MB, read in steps (its peak in memory is a fraction
# of it: app.services.json_reader). An SQLite file becomes the stored database as it is: while
# it is checked the page holds it, its checked copy, the current data and the data kept for
# Undo (50,000 clients: ~275 MB each), and the worker checking it a copy of its own (app.platform.
# sqlite_check, ended once it answers): 400 MiB.
MAX_DATASET_BYTES = 600 * 1024 * 1024
MAX_SQLITE_BYTES = 400 * 1024 * 1024
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Where the page copies a chosen SQLite file, a slice at a time, to be read from (not as bytes).
IMPORT_COPY = Path("/tmp/fascicolo-import.sqlite")
_INDEXING = 60   # of the bar after the confirmation: indexing takes about 3/5 of the time, writing the rest


@dataclass(frozen=True)
class PreparedImport:
    """A dataset that passed every check, ready to replace the current data once its search
    indexes are made (after the confirmation: a person reads it sooner, and a refused or
    declined import never pays for them)."""

    scratch: Database
    accounts: int
    contacts: int
    members: int


def _check(actor) -> None:
    if not can_export_dataset(actor):
        raise AccessDenied("export or replace the dataset")


def export_json(db: Database, actor) -> bytes:
    """The whole dataset as the documented JSON document (docs/dataset.schema.json)."""
    return run_all(export_json_steps(db, actor))


def export_json_steps(db: Database, actor) -> Steps[bytes]:
    """Export JSON in steps (the caller holds the database between them: app.ui.work)."""
    _check(actor)
    return (yield from dataset_export.document_steps(db))


def check_size(size: int) -> None:
    """Said before the file is read: a file this large is refused whole."""
    if size > MAX_DATASET_BYTES:
        raise FileRefused("too_large", limit=str(MAX_DATASET_BYTES // (1024 * 1024)))


def prepare_import(actor, data: bytes | Path) -> PreparedImport:
    """Read and check a dataset file in full; nothing of the current data is touched."""
    return run_all(prepare_import_steps(actor, data))


def is_sqlite(head: bytes) -> bool:
    """Whether a file starting with `head` (16 bytes or more) is an SQLite file."""
    return head.startswith(_SQLITE_MAGIC)


def prepare_import_steps(actor, data: bytes | Path, elsewhere: CheckedElsewhere | None = None) -> Steps[PreparedImport]:
    """`prepare_import` in steps. The new data is made aside (a private copy of an SQLite file,
    a new database for a JSON document): Cancel, or a refusal, drops it and leaves nothing.
    `data` is the file's bytes, or an SQLite file's private copy on disk (removed once read);
    `elsewhere`, SQLite's checks of an SQLite file running elsewhere (closed here in any case)."""
    on_disk = isinstance(data, Path)
    try:
        _check(actor)
        size = data.stat().st_size if on_disk else len(data)
        check_size(size)
        sqlite_file = on_disk or is_sqlite(data)
        if sqlite_file and size > MAX_SQLITE_BYTES:
            raise FileRefused("too_large", limit=str(MAX_SQLITE_BYTES // (1024 * 1024)))
        return (yield from _prepared(sqlite_steps(data, elsewhere) if sqlite_file else json_steps(data)))
    finally:
        if elsewhere is not None:
            elsewhere.close()   # answered or not: refused, cancelled or checked
        if on_disk:
            data.unlink(missing_ok=True)   # refused, cancelled or read: never left in memory


def _prepared(steps: Steps[tuple[Database, dict[str, int]]]) -> Steps[PreparedImport]:
    try:
        scratch, counts = yield from steps
    except dataset_store.OtherSchema:
        raise FileRefused("other_schema") from None
    except dataset_store.Damaged:
        raise FileRefused("damaged") from None
    except dataset_store.Rejected as error:
        raise FileRefused("record_rejected", where=str(error)) from None
    except RecordInvalid as error:
        raise FileRefused("record_invalid", where=_where(error.loc), reason=error.reason) from None
    return PreparedImport(scratch, counts["accounts"], counts["contacts"], counts["members"])


def apply_import(db: Database, actor, prepared: PreparedImport) -> None:
    """Replace the current data with the prepared one; the previous data is kept for Undo."""
    run_all(apply_import_steps(db, actor, prepared))


def apply_import_steps(db: Database, actor, prepared: PreparedImport) -> Steps[None]:
    """`apply_import` in steps: the new data's search indexes are made, then its file is written
    a part at a time and swapped in."""
    _check(actor)
    counts = (prepared.accounts, prepared.contacts)
    yield from reindex_steps(prepared.scratch, counts, Phase("import.indexing", 0, _INDEXING, 100))
    for written, total in db.replace_steps(prepared.scratch, keep_previous=True):
        yield Progress("work.replacing", _INDEXING + (100 - _INDEXING) * written // max(total, 1), 100)


def can_undo_import(db: Database) -> bool:
    """Undo is offered until the next change (undoing later would throw that change away)."""
    return db.previous_kept()


def undo_import(db: Database, actor) -> None:
    """Put back the data as it was before the import."""
    _check(actor)
    db.restore_previous()


def _where(loc: tuple) -> str:
    """("accounts", 12, "type") -> "accounts › 13 › type" (records counted from 1, as people do)."""
    return " › ".join(str(p + 1) if isinstance(p, int) else str(p)[:40] for p in loc) or "–"
