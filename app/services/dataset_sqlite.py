"""Import dataset, SQLite file: a private copy of the file is checked, and becomes the new data
(issue #10).

Checking is SQLite's job first: the schema must be exactly ours at the file's version, every
table passes SQLite's integrity check (pages, NOT NULL, CHECK, UNIQUE, STRICT types), then the
copy is migrated and every link checked. In the browser the integrity check runs elsewhere (a
worker with its own SQLite, on another core: `CheckedElsewhere`) while the records are checked
here, and no verdict is given before its answer: damage is what a damaged file is refused for.
The models then check what a schema cannot say (formats, names, dates, JSON text, photos,
rules across records, custom values), column by column (app.services.sqlite_records). The
copy is not rebuilt: values the models tidy are written back, and what is derived from the
records (sort names, search indexes) is emptied, to be made again once the import is confirmed
(app.services.dataset.apply_import_steps).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.domain.dataset import RECORD_LISTS
from app.domain.dataset_columns import RecordInvalid
from app.services.checked_elsewhere import CheckedElsewhere, NotChecked
from app.services.dataset_steps import Phase, links_refusal, links_steps
from app.services.sqlite_records import Checks, records_steps
from app.services.steps import Progress, Steps, Waiting
from app.store import dataset as dataset_store
from app.store import dataset_check
from app.store.dataset import TABLES
from app.store.db import Database

# What each part costs, in tenths of a microsecond per row (per record checked), as measured in
# Pyodide on a 10,000-client file: the bar moves with the work.
_INTEGRITY, _LINKS, _RECORDS = 9, 2, 35


def sqlite_steps(data: bytes | Path, elsewhere: CheckedElsewhere | None = None) -> Steps[tuple[Database, dict[str, int]]]:
    """Check an SQLite file in full; its checked copy is the new data. Raises what the store and
    the models raise (OtherSchema, Damaged, Rejected, RecordInvalid). `elsewhere`: the file's
    checks by SQLite, already running elsewhere (the caller closes it)."""
    header = dataset_check.header_of(data)
    copy = dataset_check.open_copy(data)
    try:
        yield Progress("import.checking_file")
        return (yield from _checked(copy, header, elsewhere))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        # After its checks a file can still hold text that is not UTF-8 (SQLite does not look).
        copy.close()
        raise dataset_store.Damaged(str(error)) from None
    except BaseException:
        copy.close()
        raise


@dataclass(frozen=True)
class _Copy:
    db: Database
    version: int              # of its schema, as the file came
    sizes: dict[str, int]     # rows of each stored table
    counts: dict[str, int]    # records of each list


def _checked(db: Database, header: bytes, elsewhere: CheckedElsewhere | None) -> Steps[tuple[Database, dict[str, int]]]:
    copy = yield from _sizes(db)
    dataset_check.check_header(header)
    # The page checks itself what is not checked elsewhere: all of it without a check elsewhere;
    # the links of an older file, once it is migrated.
    links_here = elsewhere is None or copy.version != dataset_check.CURRENT
    meter = _Meter(copy, integrity=elsewhere is None, links=links_here)
    if elsewhere is None:
        yield from _integrity(copy, meter.integrity)
    dataset_check.bring_up_to_date(db)
    yield meter.integrity.at(1, 1)
    checks = Checks()
    if links_here:
        yield from _links(copy, meter.links, checks)
    try:
        yield from records_steps(db, copy.counts, checks, meter.records)
    except RecordInvalid:
        yield from _answer(elsewhere, copy, checks, links_here, meter.end)   # a damaged file is refused as such
        raise
    yield from _answer(elsewhere, copy, checks, links_here, meter.end)
    refused = checks.refusal()
    if refused is not None:
        raise refused
    with db.transaction():
        dataset_check.clear_derived(db)
    return db, copy.counts


def _answer(elsewhere: CheckedElsewhere | None, copy: _Copy, checks: Checks, links_here: bool,
            end: Phase) -> Steps[None]:
    """The answer of the checks elsewhere, waited for: damage raises Damaged, broken links are
    noted. If they could not run, the page checks its copy itself (the bar stays at its end)."""
    if elsewhere is None:
        return
    while not elsewhere.ready():
        yield Waiting(end.what, end.start, end.total)
    try:
        problem = elsewhere.problem()
    except NotChecked:
        yield from _integrity(copy, end)
        if not links_here:
            yield from _links(copy, end, checks)
        return
    if problem is not None:
        raise dataset_store.Damaged(problem)
    if not links_here:
        ours = {TABLES[name] for name in RECORD_LISTS}
        checks.rejected = links_refusal(elsewhere.broken_links() & ours) or checks.rejected   # links first, as here


def _links(copy: _Copy, phase: Phase, checks: Checks) -> Steps[None]:
    try:
        yield from links_steps(copy.db, copy.counts, phase)
    except dataset_store.Rejected as error:
        checks.rejected = error   # named only if no record breaks its model


class _Meter:
    """The progress bar's units for each part of the work (those done here)."""

    def __init__(self, copy: _Copy, integrity: bool, links: bool) -> None:
        rows = sum(copy.counts.values())
        parts = (sum(copy.sizes.values()) * _INTEGRITY if integrity else 0, rows * _LINKS if links else 0,
                 rows * _RECORDS)
        total, start = sum(parts), 0
        phases = []
        for what, width in zip(("import.checking_file", "import.checking_links", "import.checking_records"),
                               parts, strict=True):
            phases.append(Phase(what, start, width, total))
            start += width
        self.integrity, self.links, self.records = phases
        self.end = Phase("import.checking_file", total, 0, total)   # waiting for what is checked elsewhere
        self.rows = rows


def _sizes(db: Database) -> Steps[_Copy]:
    version = dataset_check.schema_version(db)
    sizes = {}
    for table in dataset_check.stored_tables(db):
        sizes[table] = dataset_check.count_rows(db, table)
        yield Progress("import.checking_file")
    return _Copy(db, version, sizes, {name: sizes.get(TABLES[name], 0) for name in RECORD_LISTS})


def _integrity(copy: _Copy, phase: Phase) -> Steps[None]:
    done, total = 0, sum(copy.sizes.values())
    for table, size in copy.sizes.items():
        problem = dataset_check.integrity_problem(copy.db, table)
        if problem:
            raise dataset_store.Damaged(problem)
        done += size
        yield phase.at(done, total)
