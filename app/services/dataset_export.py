"""Export JSON in steps: the document written a slice of records at a time (issue #10).

The bytes are those pydantic writes for the whole Dataset (`model_dump_json(indent=1)`): each
slice of a list is serialised by pydantic-core at once and indented one level deeper, so a
file written in steps is the file written at once. Values are written as stored, but for those
the file writes in JSON's own types (flags, lists, photos), which the field's type converts.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import to_json

from app.domain.dataset import FORMAT, RECORD_LISTS, VERSION, row_fields
from app.domain.dataset_columns import file_values
from app.services.pace import Pace
from app.services.steps import Progress, Steps
from app.store import dataset as dataset_store
from app.store.db import Database


def document_steps(db: Database) -> Steps[bytes]:
    counts = {}
    for name in RECORD_LISTS:
        counts[name] = dataset_store.count_records(db, name)
        yield Progress("import.exporting")
    pieces = [b'{\n "format": ', to_json(FORMAT), b',\n "version": ', to_json(VERSION)]
    pace, done, total = Pace(), 0, sum(counts.values())
    for name in RECORD_LISTS:
        pieces.append(b",\n " + to_json(name) + b": ")
        if name == "firm":
            firm = _records(db, name, None, 1)
            pieces.append(_indented(to_json(firm[1][0] if firm else None, indent=1)))
            done += counts[name]
            continue
        pieces.append(b"[")
        after, wrote = None, False
        while (part := _records(db, name, after, pace.start())) is not None:
            after, records = part
            # A slice as a list, "[" and "\n]" left out: its records, one level deeper.
            pieces.append(_indented(to_json(records, indent=1)[1:-2]))
            pieces.append(b",")
            wrote = True
            pace.done(len(records))
            done += len(records)
            yield Progress("import.exporting", done, total)
        if wrote:
            pieces[-1] = b"\n ]"   # in place of the last slice's ","
        else:
            pieces.append(b"]")
    pieces.append(b"\n}")
    return b"".join(pieces)


def _indented(text: bytes) -> bytes:
    # A JSON text has no raw line break but between its tokens (one in a string is "\n").
    return text.replace(b"\n", b"\n ")


def _records(db: Database, name: str, after: tuple[Any, ...] | None, size: int) -> tuple[Any, list[dict]] | None:
    """The next records of a list as the file writes them, and the key of the last one."""
    fields = row_fields(name)
    part = dataset_store.read_slice(db, name, fields, after, size)
    if part is None:
        return None
    columns = [file_values(name, f, part.values[f]) for f in fields]
    return part.last, [dict(zip(fields, row, strict=True)) for row in zip(*columns, strict=True)]
