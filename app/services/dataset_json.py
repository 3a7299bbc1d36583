"""Import dataset, JSON document: read a batch of records at a time, each batch checked column
by column and written into a new database, all in one transaction (issue #10).

Nothing of the document is kept but what a rule needs: records go into the new database as
soon as they are checked. What is refused, and which problem is named first, are as when the
whole document was read at once: not JSON, not ours, another version, the first bad record in
the order of the format's lists, a rule across records, a custom value, then a duplicate or a
link to nothing (SQLite's, at the end).
"""

from __future__ import annotations

import codecs
from typing import Any

from app.domain.dataset import FORMAT, READS, RECORD_LISTS, VERSION, NotVersion1, from_version_1, row_fields
from app.domain.dataset_columns import RecordInvalid, check_list, checked_columns
from app.domain.dataset_rules import AcrossRecords, CustomValues
from app.domain.errors import FileRefused
from app.services.dataset_steps import Phase, links_steps
from app.services.json_reader import JsonReader, NotJson, NotUtf8, events
from app.services.pace import Pace
from app.services.steps import Progress, Steps
from app.store import dataset as dataset_store
from app.store import dataset_check
from app.store.db import Database

_TEXT_STEP = 4 * 1024 * 1024   # bytes looked at per step before reading (a few ms)
_LISTS = frozenset(RECORD_LISTS) - {"firm"}
# What checking the links costs next to reading and checking the records (measured in Pyodide
# at 10,000 clients): its share of the progress bar. The search index is made once confirmed.
_AFTER_READING = 0.02


class _Import:
    """What the document said so far, checked, and the first problem of each kind."""

    def __init__(self, scratch: Database, size: int) -> None:
        self.scratch, self.size = scratch, size
        self.head: dict[str, Any] = {}        # format and version, as read
        self.not_object = False
        self.seen: set[str] = set()
        self.extra: list[str] = []            # keys of no list of the format, in order
        self.counts = dict.fromkeys(RECORD_LISTS, 0)
        self.invalid: dict[str, RecordInvalid] = {}
        self.across = AcrossRecords()
        self.fields: dict[str, list[Any]] = {f: [] for f in row_fields("custom_fields")}
        self.custom: CustomValues | None = None
        self.waiting: list[tuple[str, int, list[Any], list[Any]]] = []   # values read before their fields
        self.misfit: dict[str, RecordInvalid] = {}
        self.rejected: str | None = None

    @property
    def streaming(self) -> bool:
        """Whether records can be checked as they come: the document said first that it is ours,
        of this version (else it is read whole, then upgraded or refused)."""
        return self.head.get("format") == FORMAT and type(self.head.get("version")) is int \
            and self.head["version"] == VERSION

    def add(self, name: str, records: list[Any], start: int) -> None:
        """A batch of a list's records; `start` is the first one's index in the list."""
        self.counts[name] += len(records)
        if name in self.invalid:
            return
        try:
            columns = checked_columns(name, records, strict=True, start=start)   # JSON's own types only
        except RecordInvalid as invalid:
            self.invalid[name] = invalid
            return
        by_name = dict(zip(row_fields(name), columns, strict=True))
        if name in AcrossRecords.NEEDS:
            self.across.add(name, by_name)
        if name == "custom_fields":
            for field, values in by_name.items():
                self.fields[field] += values
        elif name in CustomValues.LISTS:
            self._custom_values(name, start, by_name["field_id"], by_name["value"])
        if not self.invalid and self.rejected is None:
            try:
                dataset_store.insert_columns(self.scratch, name, columns)
            except dataset_store.Rejected as error:
                self.rejected = str(error)

    def _custom_values(self, name: str, start: int, field_ids: list[int], values: list[str]) -> None:
        if self.custom is None:
            self.waiting.append((name, start, field_ids, values))
        elif name not in self.misfit:
            index = self.custom.first_misfit(name, field_ids, values)
            if index is not None:
                self.misfit[name] = RecordInvalid((name, start + index, "value"), "invalid")

    def list_ended(self, name: str) -> None:
        if not self.counts[name] and name not in self.invalid:
            self._whole(name, [])   # members: at least one
        if name == "custom_fields" and "custom_fields" not in self.invalid:
            self.custom = CustomValues(self.fields)
            waiting, self.waiting = self.waiting, []
            for values in waiting:
                self._custom_values(*values)

    def _whole(self, name: str, value: Any) -> None:
        try:
            check_list(name, value, strict=True)
        except RecordInvalid as invalid:
            self.invalid[name] = invalid

    def member(self, name: str, value: Any) -> None:
        """A member of the top object that is not a list of records."""
        if name == "firm":
            self.add("firm", [value], 0)
        elif name in _LISTS:
            self._whole(name, value)   # not a list: refused as the model says
        elif name not in ("format", "version"):
            self.extra.append(name)

    def refusal(self) -> Exception | None:
        """The problem to name, in the order the whole document was checked in."""
        for name in RECORD_LISTS:
            if name not in self.seen:
                return RecordInvalid((name,), "required")
            if name in self.invalid:
                return self.invalid[name]
        if self.extra:
            return RecordInvalid((self.extra[0],), "invalid")
        broken = self.across.broken()
        if broken:
            return RecordInvalid((), broken)
        misfit = next((self.misfit[n] for n in CustomValues.LISTS if n in self.misfit), None)
        return misfit or (dataset_store.Rejected(self.rejected) if self.rejected else None)

    def check_head(self) -> None:
        if self.not_object or self.head.get("format") != FORMAT:
            raise FileRefused("not_ours")
        version = self.head.get("version")
        if type(version) is not int or version not in READS:  # noqa: E721 - true == 1 in Python, not here
            # Versions 1 and 2 are the only ones there have been: a later one comes from a newer app.
            raise FileRefused("version", found=str(version)[:20], supported=", ".join(map(str, READS)))

    def progress(self, done: int) -> Progress:
        return Progress("import.checking_records", done, self.size + int(self.size * _AFTER_READING))


def json_steps(data: bytes) -> Steps[tuple[Database, dict[str, int]]]:
    """Check a JSON document in full and build the new data from it; FileRefused if it fails."""
    yield from _text_checked(data)
    scratch = dataset_store.new_scratch()
    try:
        state = _Import(scratch, len(data))
        with scratch.transaction():   # Cancel rolls it back, and the scratch is dropped
            dataset_store.defer_links(scratch)
            yield state.progress(0)   # making the new database is a step of its own
            yield from _read(state, data)
            refused = state.refusal()
            if refused is not None:
                raise refused
            yield from _links(state)
            dataset_check.clear_derived(scratch)   # what the inserts listed to index: done once confirmed
    except BaseException:
        scratch.close()
        raise
    return scratch, state.counts


def _text_checked(data: bytes) -> Steps[None]:
    """What comes before reading, as it always has: empty, not text (a NUL), not UTF-8."""
    if not data[:4096].strip() and not data.strip():
        raise FileRefused("empty")
    decoder, utf8 = codecs.getincrementaldecoder("utf-8-sig")(), True
    for start in range(0, len(data), _TEXT_STEP):
        end = min(len(data), start + _TEXT_STEP)
        if data.find(b"\x00", start, end) >= 0:
            raise FileRefused("not_dataset")
        if utf8:
            try:
                decoder.decode(memoryview(data)[start:end], end == len(data))
            except UnicodeDecodeError:
                utf8 = False   # said once no NUL is found, which is said first
        yield Progress("import.reading", 0, 0)
    if not utf8:
        raise FileRefused("not_utf8")


def _read(state: _Import, data: bytes) -> Steps[None]:
    reader, pace = JsonReader(data), Pace()
    reader.batch = pace.start()
    buffered: dict[str, Any] = {}    # the document, while it has not said it is ours (or when it is version 1)
    try:
        for event in events(reader):
            if event[0] == "other":
                state.not_object = True
                continue
            kind, key = event[0], event[1]
            if kind in ("member", "list"):
                if key in state.seen:   # a repeated key: which one counts is anyone's guess (RFC 8259 §4)
                    raise FileRefused("not_dataset")
                state.seen.add(key)
            was_streaming = state.streaming
            _event(state, buffered, event)
            if state.streaming and not was_streaming:
                yield from _flush(state, buffered, reader.bytes_read)
            if kind == "list":
                pace = Pace()   # each list's records cost what they cost: sized afresh
                reader.batch = pace.start()
            elif kind == "items":
                pace.done(len(event[2]))
                reader.batch = pace.start()
                yield state.progress(reader.bytes_read)
    except NotUtf8:
        raise FileRefused("not_utf8") from None
    except NotJson:
        raise FileRefused("not_dataset") from None
    state.check_head()
    if not state.streaming:
        yield from _flush(state, _upgraded(buffered) if state.head["version"] != VERSION else buffered, len(data))


def _event(state: _Import, buffered: dict[str, Any], event: tuple[Any, ...]) -> None:
    kind, key = event[0], event[1]
    streams = state.streaming and key in _LISTS
    if kind == "member":
        if key in ("format", "version"):
            state.head[key] = event[2]
        elif state.streaming:
            state.member(key, event[2])
        else:
            buffered[key] = event[2]
    elif kind == "list":
        if not streams:
            buffered[key] = []
    elif kind == "items":
        if streams:
            state.add(key, event[2], state.counts[key])
        else:
            buffered[key] += event[2]
    elif streams:   # the end of a list of records
        state.list_ended(key)
    elif key in ("format", "version"):
        state.head[key] = buffered.pop(key)   # a list: neither a format nor a version
    elif state.streaming:
        state.member(key, buffered.pop(key))   # a list where a list of records is not


def _flush(state: _Import, document: dict[str, Any], read: int) -> Steps[None]:
    """Check what was read before the document said it is ours (or all of a version-1 one);
    `read`: how far the reading has got."""
    pace = Pace()
    for key in [k for k in document if k not in ("format", "version")]:
        value = document.pop(key)
        state.seen.add(key)   # a version-1 document gains its history (empty)
        if key not in _LISTS or not isinstance(value, list):
            state.member(key, value)
            continue
        start = 0
        while start < len(value):
            part = value[start:start + pace.start()]
            state.add(key, part, start)
            pace.done(len(part))
            start += len(part)
            yield state.progress(read)
        state.list_ended(key)


def _upgraded(document: dict[str, Any]) -> dict[str, Any]:
    try:
        return from_version_1(document)
    except NotVersion1 as error:
        raise RecordInvalid(error.loc, "invalid") from None


def _links(state: _Import) -> Steps[None]:
    tail = int(state.size * _AFTER_READING)
    phase = Phase("import.checking_links", state.size, tail, state.size + tail)
    yield from links_steps(state.scratch, {n: state.counts[n] for n in RECORD_LISTS}, phase)
