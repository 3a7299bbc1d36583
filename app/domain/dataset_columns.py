"""The dataset's records checked column by column, with the models' own field types (issue #10).

A row model checks one record at a time and makes a Python object of each; a TypeAdapter of
a field's type checks a whole column of values in one call, several times faster, and it is
the same type, so the models stay the one statement of the rules. Where a column fails, the
records are checked by their model, which names the problem as it always has (`where`, `reason`).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Sequence
from functools import cache
from itertools import islice
from operator import itemgetter
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from app.domain.dataset import Dataset, row_fields
from app.domain.dataset_types import Row
from app.domain.validation import codes

# What the core schema of a range of integers may say besides its bounds.
_RANGE_KEYS = frozenset({"type", "gt", "ge", "lt", "le", "metadata"})


class RecordInvalid(ValueError):
    """A record (or a list) breaks its model: `loc` as pydantic says it, ("accounts", 12, "type"),
    and `reason`, the message code."""

    def __init__(self, loc: tuple[str | int, ...], reason: str) -> None:
        super().__init__(reason)
        self.loc = loc
        self.reason = reason


class ColumnInvalid(ValueError):
    """A value of a column breaks its field's type; `index` is the first such value's."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def _annotated(info: FieldInfo) -> Any:
    # The field's type with its constraints (pydantic keeps them apart, in `metadata`).
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


@cache
def model_of(list_name: str) -> type[Row]:
    annotation = Dataset.model_fields[list_name].annotation
    return annotation if list_name == "firm" else annotation.__args__[0]


@cache
def _list_type(list_name: str) -> TypeAdapter:
    """The list as the document declares it (members: at least one)."""
    return TypeAdapter(_annotated(Dataset.model_fields[list_name]))


@cache
def _records(list_name: str) -> TypeAdapter:
    return TypeAdapter(list[model_of(list_name)])


@cache
def _column(list_name: str, field: str) -> TypeAdapter:
    return TypeAdapter(list[_annotated(model_of(list_name).model_fields[field])])


@cache
def whole_records(list_name: str) -> bool:
    """Whether the model has a rule across its fields (a model validator): its records are then
    checked whole, by the model."""
    return bool(model_of(list_name).__pydantic_decorators__.model_validators)


def _item_schema(list_name: str, field: str) -> dict[str, Any]:
    schema = _column(list_name, field).core_schema
    item = schema.get("items_schema", {}) if schema.get("type") == "list" else {}
    return item.get("schema", {}) if item.get("type") == "nullable" else item


@cache
def is_range(list_name: str, field: str) -> bool:
    """Whether the field's rule is a range of integers, or a flag (0 and 1 as SQLite keeps it):
    then a column's smallest and largest integers answer for all of them."""
    schema = _item_schema(list_name, field)
    return schema.get("type") == "bool" or (schema.get("type") == "int" and set(schema) <= _RANGE_KEYS)


def range_holds(list_name: str, field: str, low: int | None, high: int | None, has_null: bool) -> bool:
    """Whether integers from `low` to `high` (and a null, if there is one) all fit the field."""
    values = [v for v in (low, high) if v is not None] + ([None] if has_null else [])
    try:
        _column(list_name, field).validate_python(values)
    except ValidationError:
        return False
    return True


def _runs_python(schema: Any) -> bool:
    if isinstance(schema, dict):
        return str(schema.get("type", "")).startswith("function-") or any(map(_runs_python, schema.values()))
    return isinstance(schema, list) and any(map(_runs_python, schema))


@cache
def _per_value(list_name: str, field: str) -> bool:
    # A rule that runs Python code (a name's tidying, a date) costs per value checked: each
    # distinct value is checked once. Others are checked by pydantic-core faster than deduplicated.
    return _runs_python(_column(list_name, field).core_schema)


def check_column(list_name: str, field: str, values: Sequence[Any], *, strict: bool) -> list[Any]:
    """The values checked (and tidied) by the field's type; raises ColumnInvalid."""
    try:
        return _column(list_name, field).validate_python(values, strict=strict)
    except ValidationError as error:
        raise ColumnInvalid(min(e["loc"][0] for e in error.errors())) from None


def check_stored(list_name: str, field: str, values: list[Any]) -> dict[Any, Any]:
    """Check a column read from SQLite, whose STRICT columns hold one type each (so equal values
    are the same value, never 1 and True). Returns {value: checked value} for the values the
    check changes (tidied, or a list from its JSON text); raises ColumnInvalid."""
    if not _per_value(list_name, field):
        checked = check_column(list_name, field, values, strict=False)   # SQLite keeps flags as 0 and 1
        return {} if checked == values else {v: c for v, c in zip(values, checked, strict=True) if c != v}
    distinct = list(dict.fromkeys(values))
    try:
        checked = _column(list_name, field).validate_python(distinct)
    except ValidationError as error:
        bad = {distinct[e["loc"][0]] for e in error.errors()}
        raise ColumnInvalid(next(i for i, v in enumerate(values) if v in bad)) from None
    return {v: c for v, c in zip(distinct, checked, strict=True) if c != v}


def _invalid(list_name: str, error: ValidationError, start: int) -> RecordInvalid:
    first = error.errors()[0]["loc"]
    # The firm is one record, not a list: its problems are at ("firm", field).
    loc = (list_name, *first[1:]) if list_name == "firm" else (list_name, first[0] + start, *first[1:])
    return RecordInvalid(loc, next(iter(codes(error).values())))


def check_records(list_name: str, records: list[Any], *, strict: bool, start: int = 0) -> list[Row]:
    """Records (plain values) checked whole by their model; `start` is the first one's index in
    its list. Raises RecordInvalid naming the first problem."""
    try:
        return _records(list_name).validate_python(records, strict=strict)
    except ValidationError as error:
        raise _invalid(list_name, error, start) from None


@cache
def _after_rules(list_name: str) -> tuple[type, tuple[Callable[[Any], Any], ...]] | None:
    """The model's rules across its fields, if each runs once its fields are checked (mode
    "after"): a record of checked values is then a plain tuple with the fields' names, not a
    model made of each. None where a rule runs at another time."""
    validators = model_of(list_name).__pydantic_decorators__.model_validators.values()
    if any(v.info.mode != "after" for v in validators):
        return None
    return namedtuple("Record", row_fields(list_name)), tuple(v.func for v in validators)


def check_across(list_name: str, columns: Sequence[list[Any]], *, start: int = 0) -> None:
    """The model's rules across fields, on a slice of records whose every field is checked
    already (`columns`: checked values, in the fields' order). Raises RecordInvalid as
    check_records() would: the model itself judges the records from the first one a rule refuses."""
    found = _after_rules(list_name)
    first = 0 if found is None else _first_refused(*found, columns)
    if first is None:
        return
    fields = row_fields(list_name)
    rows = islice(zip(*columns, strict=True), first, None)
    check_records(list_name, [dict(zip(fields, r, strict=True)) for r in rows], strict=False, start=start + first)


def _first_refused(record_of: type, rules: tuple[Callable[[Any], Any], ...], columns: Sequence[list[Any]]) -> int | None:
    index = 0
    try:
        for index, values in enumerate(zip(*columns, strict=True)):   # noqa: B007 - read below
            record = record_of._make(values)
            for rule in rules:
                rule(record)
    except Exception:  # noqa: BLE001 - a refusal, or a rule wanting more than fields: the model says which
        return index
    return None


def check_list(list_name: str, value: Any, *, strict: bool) -> None:
    """What the document says of a list as a whole (a list at all; members: not empty)."""
    try:
        _list_type(list_name).validate_python(value, strict=strict)
    except ValidationError as error:
        first = error.errors()[0]["loc"]
        raise RecordInvalid((list_name, *first), next(iter(codes(error).values()))) from None


@cache
def _defaults(list_name: str) -> tuple[tuple[str, bool, Any], ...]:
    return tuple((name, info.is_required(), None if info.is_required() else info.get_default(call_default_factory=True))
                 for name, info in model_of(list_name).model_fields.items())


def columns_of(list_name: str, records: list[Any]) -> list[list[Any]] | None:
    """The records' values column by column, defaults filled in; None unless every record is an
    object of this list's fields and no others, with every required one (else the model says what)."""
    fields = row_fields(list_name)
    take = itemgetter(*fields) if len(fields) > 1 else (lambda r: (r[fields[0]],))
    try:
        # The usual case, at C speed: every record has every field (and so no other, if as many).
        rows = [take(r) for r in records]
        if max(map(len, records), default=0) == len(fields):
            return list(map(list, zip(*rows, strict=True))) if rows else [[] for _ in fields]
    except (KeyError, TypeError, IndexError):
        pass
    allowed = frozenset(fields)
    required = frozenset(name for name, needed, _d in _defaults(list_name) if needed)
    for record in records:
        if type(record) is not dict or not required <= record.keys() <= allowed:
            return None
    return [[r[name] for r in records] if needed else [r.get(name, default) for r in records]
            for name, needed, default in _defaults(list_name)]


def checked_columns(list_name: str, records: list[Any], *, strict: bool, start: int = 0) -> list[list[Any]]:
    """A slice of a list's records checked, as columns of checked values in the fields' order.
    Raises RecordInvalid (the first problem, as the model names it)."""
    if not whole_records(list_name):
        columns = columns_of(list_name, records)
        if columns is not None:
            try:
                return [check_column(list_name, f, c, strict=strict) for f, c in
                        zip(row_fields(list_name), columns, strict=True)]
            except ColumnInvalid:
                pass   # the model names the record and the problem
    rows = check_records(list_name, records, strict=strict, start=start)
    return [[getattr(r, f) for r in rows] for f in row_fields(list_name)]


def problem_of(list_name: str, record: dict[str, Any], index: int, field: str) -> RecordInvalid:
    """The first problem of one stored record whose `field` failed its column's check."""
    try:
        check_records(list_name, [record], strict=False, start=index)
    except RecordInvalid as invalid:
        return invalid
    # Unreachable while a column's type is its field's: say where the column said.
    return RecordInvalid((list_name, index, field) if list_name != "firm" else (list_name, field), "invalid")


@cache
def _converts(list_name: str, field: str) -> bool:
    # The stored value differs in kind from the file's: a flag kept as 0/1, a list or an object
    # kept as JSON text, a photo's bytes (written as base64). Anything else is written as stored.
    return _item_schema(list_name, field).get("type") in ("bool", "function-before")


def file_values(list_name: str, field: str, values: list[Any]) -> list[Any]:
    """A stored column as the file writes it, in JSON's own types."""
    if not _converts(list_name, field):
        return values
    column = _column(list_name, field)
    return column.dump_python(column.validate_python(values), mode="json")
