"""Import dataset, SQLite file: a private copy of the file is checked, and becomes the new data
(issue #10).

Checking is SQLite's job first: the schema must be exactly ours at the file's version, every
table passes SQLite's integrity check (pages, NOT NULL, CHECK, UNIQUE, STRICT types), then the
copy is migrated and every link checked. In the browser the integrity check runs elsewhere (a
worker with its own SQLite, on another core: `CheckedElsewhere`) while the records are checked
here, and no verdict is given before its answer: damage is what a damaged file is refused for.
The models then check what a schema cannot say (formats, names, dates, JSON text, photos,
rules across records, custom values), column by column: a range of integers by its smallest
and largest values, any other column value by value, each distinct value once. The copy is not
rebuilt: values the models tidy are written back, and what is derived from the records (sort
names, search indexes) is emptied, to be made again once the import is confirmed
(app.services.dataset.apply_import_steps).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.domain.dataset import RECORD_LISTS, row_fields
from app.domain.dataset_columns import (
    ColumnInvalid,
    RecordInvalid,
    check_across,
    check_column,
    check_list,
    check_stored,
    is_range,
    problem_of,
    range_holds,
    whole_records,
)
from app.domain.dataset_rules import AcrossRecords, CustomValues
from app.services.checked_elsewhere import CheckedElsewhere, NotChecked
from app.services.dataset_steps import Phase, links_refusal, links_steps
from app.services.pace import Pace
from app.services.steps import Progress, Steps, Waiting
from app.store import dataset as dataset_store
from app.store import dataset_check
from app.store.dataset import TABLES, Slice, keys_of, stored_value
from app.store.db import Database

# What each part costs, in tenths of a microsecond per row (per record checked), as measured in
# Pyodide on a 10,000-client file: the bar moves with the work.
_INTEGRITY, _LINKS, _RECORDS = 9, 2, 35
_SAMPLE = 100   # a first slice of fewer records says too little of how its values repeat


@dataclass(frozen=True)
class _Columns:
    ranged: tuple[str, ...]   # checked by their smallest and largest values (SQLite's min and max)
    read: tuple[str, ...]     # read and checked
    whole: bool               # checked record by record (the model has a rule across its fields)
    needed: tuple[str, ...]   # read for the rules across records
    distinct: frozenset[str] = frozenset()   # of `read`: each distinct value of a slice, not every value


class _Checks:
    """The rules that look across records, and the problems that are named only if no record
    breaks its model (as when the whole file was checked at once)."""

    def __init__(self) -> None:
        self.across = AcrossRecords()
        self.fields: dict[str, list[Any]] = {"id": [], "scope": [], "type": [], "options": []}
        self._custom: CustomValues | None = None   # of the fields above, once all are read
        self.misfit: RecordInvalid | None = None
        self.rejected: dataset_store.Rejected | None = None

    def note(self, name: str, values: dict[str, list[Any]], start: int) -> None:
        """What the rules need of a checked slice (`start`: its first record's index)."""
        if name in AcrossRecords.NEEDS:
            self.across.add(name, values)
        elif name == "custom_fields":
            for field, column in self.fields.items():
                column += values[field]
        elif name in CustomValues.LISTS and self.misfit is None:
            self._custom = self._custom or CustomValues(self.fields)   # the fields' list comes first
            index = self._custom.first_misfit(name, values["field_id"], values["value"])
            if index is not None:
                self.misfit = RecordInvalid((name, start + index, "value"), "invalid")

    def refusal(self) -> Exception | None:
        broken = self.across.broken()
        return RecordInvalid((), broken) if broken else self.misfit or self.rejected


def sqlite_steps(data: bytes | Path, elsewhere: CheckedElsewhere | None = None) -> Steps[tuple[Database, dict[str, int]]]:
    """Check an SQLite file in full; its checked copy is the new data. Raises what the store and
    the models raise (OtherSchema, Damaged, Rejected, RecordInvalid). `elsewhere`: the file's
    integrity check, already running elsewhere (the caller closes it)."""
    copy = dataset_check.open_copy(data)
    try:
        yield Progress("import.checking_file")
        return (yield from _checked(copy, elsewhere))
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


def _checked(db: Database, elsewhere: CheckedElsewhere | None) -> Steps[tuple[Database, dict[str, int]]]:
    copy = yield from _sizes(db)
    # The page checks itself what is not checked elsewhere: all of it without a check elsewhere;
    # the links of an older file, once it is migrated.
    links_here = elsewhere is None or copy.version != dataset_check.CURRENT
    meter = _Meter(copy, integrity=elsewhere is None, links=links_here)
    if elsewhere is None:
        yield from _integrity(copy, meter.integrity)
    dataset_check.bring_up_to_date(db)
    yield meter.integrity.at(1, 1)
    checks = _Checks()
    if links_here:
        yield from _links(copy, meter.links, checks)
    try:
        yield from _records(db, copy.counts, checks, meter)
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


def _answer(elsewhere: CheckedElsewhere | None, copy: _Copy, checks: _Checks, links_here: bool,
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
        _version, broken = elsewhere.links()
        ours = {TABLES[name] for name in RECORD_LISTS}
        checks.rejected = links_refusal(broken & ours) or checks.rejected   # links first, as here


def _links(copy: _Copy, phase: Phase, checks: _Checks) -> Steps[None]:
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


def _records(copy: Database, counts: dict[str, int], checks: _Checks, meter: _Meter) -> Steps[None]:
    done = 0
    for name in RECORD_LISTS:
        if not counts[name]:
            check_list(name, None if name == "firm" else [], strict=False)   # members: at least one
            continue
        columns, pace = _columns_of(copy, name), Pace()   # each list's records cost what they cost
        start, after = 0, None
        while (part := dataset_store.read_slice(copy, name, _fetched(columns), after, pace.start())) is not None:
            _check_slice(copy, name, columns, part, start, checks)
            if not start:
                columns = replace(columns, distinct=_repeating(columns, part))
            pace.done(part.size)
            start, after, done = start + part.size, part.last, done + part.size
            yield meter.records.at(done, meter.rows)


def _fetched(columns: _Columns) -> tuple[str, ...]:
    # A model with a rule across fields is given every field; the ranges are read whole then.
    read = (f for f in columns.read if f not in columns.distinct)
    wanted = (*read, *columns.needed, *(columns.ranged if columns.whole else ()))
    return tuple(dict.fromkeys(wanted))


def _repeating(columns: _Columns, first: Slice) -> frozenset[str]:
    """The columns whose values repeat in the list's first slice (fewer distinct ones than a third
    of its records): SQLite then hands over each slice's distinct values, not every value, which
    is what costs (a Python value made of each; DISTINCT costs less only where values repeat)."""
    if columns.whole or first.size < _SAMPLE:
        return frozenset()
    return frozenset(f for f in columns.read if f not in columns.needed
                     and 3 * len(set(first.values[f])) < first.size)


def _columns_of(copy: Database, name: str) -> _Columns:
    fields = row_fields(name)
    needed = (*AcrossRecords.NEEDS.get(name, ()), *(CustomValues.NEEDS if name in CustomValues.LISTS else ()),
              *(("id", "scope", "type", "options") if name == "custom_fields" else ()))   # see _Checks.fields
    integers = dataset_check.range_columns(copy, name)
    ranged = tuple(f for f in fields if f in integers and is_range(name, f))
    read = tuple(f for f in fields if f not in ranged)
    whole = whole_records(name)
    if not whole:   # a range an index gives for the whole list at once, if it holds, is not read slice by slice
        known = dataset_check.indexed_ranges(copy, name, ranged)
        ranged = tuple(f for f in ranged if f not in known or not range_holds(name, f, *known[f]))
    return _Columns(ranged, read, whole, needed)


def _check_slice(copy: Database, name: str, columns: _Columns, part: Slice, start: int, checks: _Checks) -> None:
    """Check a slice of records; write back what the models tidied. Raises RecordInvalid."""
    changes = _by_column(copy, name, columns, part, start)
    wanted = row_fields(name) if columns.whole else columns.needed
    checked = {f: _with(changes.get(f), part.values[f]) for f in wanted}
    if columns.whole:
        _whole(name, checked, start)
    checks.note(name, {f: checked[f] for f in columns.needed}, start)   # lists, not their JSON text
    for field, changed in changes.items():
        stored = {v: new for v, c in changed.items() if (new := stored_value(c)) != v}
        if stored and checks.rejected is None:
            try:
                _rewrite(copy, part, field, stored)
            except dataset_store.Rejected as error:
                checks.rejected = error


def _rewrite(copy: Database, part: Slice, field: str, stored: dict[Any, Any]) -> None:
    if field not in part.values:   # read as distinct values
        dataset_check.rewrite_values(copy, part, field, list(stored.items()))
        return
    keys = keys_of(copy, part)
    dataset_check.rewrite(copy, part.list_name, field,
                          [(stored[v], keys[i]) for i, v in enumerate(part.values[field]) if v in stored])


def _with(changed: dict[Any, Any] | None, values: list[Any]) -> list[Any]:
    """A column's checked values, from the values the check changed."""
    return [changed.get(v, v) for v in values] if changed else values


def _by_column(copy: Database, name: str, columns: _Columns, part: Slice, start: int) -> dict[str, dict[Any, Any]]:
    """{field: {value: checked value}} of what the check changed in the columns read; raises the
    first record's problem, as its model names it."""
    fields, changes, failures = row_fields(name), {}, []
    for field in columns.read:
        try:
            if field in part.values:
                changes[field] = check_stored(name, field, part.values[field])
            else:
                changes[field] = _check_distinct(copy, name, field, part)
        except ColumnInvalid as bad:
            failures.append((bad.index, fields.index(field)))
    for field, (low, high, null) in dataset_check.ranges(copy, part, columns.ranged).items():
        if not range_holds(name, field, low, high, null):
            try:
                check_column(name, field, dataset_check.column_of_slice(copy, part, field), strict=False)
            except ColumnInvalid as bad:
                failures.append((bad.index, fields.index(field)))
    if failures:
        index, field = min(failures)
        record = dataset_check.record_at(copy, name, keys_of(copy, part)[index])
        raise problem_of(name, record, start + index, fields[field])
    return {f: changed for f, changed in changes.items() if changed}


def _check_distinct(copy: Database, name: str, field: str, part: Slice) -> dict[Any, Any]:
    """check_stored() of a column read as its distinct values; where one fails, the column is
    read whole to name the first record holding a bad one."""
    try:
        return check_stored(name, field, dataset_check.distinct_of_slice(copy, part, field))
    except ColumnInvalid:
        return check_stored(name, field, dataset_check.column_of_slice(copy, part, field))


def _whole(name: str, checked: dict[str, list[Any]], start: int) -> None:
    """The model's rules across the fields of each record, its fields checked already."""
    check_across(name, [checked[f] for f in row_fields(name)], start=start)
