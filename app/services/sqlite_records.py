"""The records of an imported SQLite file checked by the models, column by column (issue #10).

A range of integers is checked by its smallest and largest values (SQLite's min and max), any
other column value by value, each distinct value once; a model's rules across its fields on the
checked columns. Values the models tidy are written back into the copy. Used by
app.services.dataset_sqlite, which has checked the file with SQLite first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
from app.services.dataset_steps import Phase
from app.services.pace import Pace
from app.services.steps import Steps
from app.store import dataset as dataset_store
from app.store import dataset_check
from app.store.dataset import Slice, keys_of, stored_value
from app.store.db import Database

_SAMPLE = 100   # a first slice of fewer records says too little of how its values repeat


@dataclass(frozen=True)
class _Columns:
    ranged: tuple[str, ...]   # checked by their smallest and largest values (SQLite's min and max)
    read: tuple[str, ...]     # read and checked
    whole: bool               # checked record by record (the model has a rule across its fields)
    needed: tuple[str, ...]   # read for the rules across records
    distinct: frozenset[str] = frozenset()   # of `read`: each distinct value of a slice, not every value


class Checks:
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


def records_steps(copy: Database, counts: dict[str, int], checks: Checks, phase: Phase) -> Steps[None]:
    """Every record of every list checked (`counts`: records in each); raises RecordInvalid,
    the first problem as its model names it. What the rules across records say is in `checks`."""
    done, rows = 0, sum(counts.values())
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
            yield phase.at(done, rows)


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


def _check_slice(copy: Database, name: str, columns: _Columns, part: Slice, start: int, checks: Checks) -> None:
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
