"""The whole dataset in and out (F-MORE-3): Export JSON, Import dataset (JSON or SQLite), Undo.

An import is checked in full on a scratch database first: every record against the format,
then every link and rule by SQLite itself. Only a scratch copy that passed replaces the
current data, in one step; the previous data is handed back so the import can be undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import ValidationError

from app.domain.access import can_export_dataset
from app.domain.custom_fields import clean_value
from app.domain.dataset import FORMAT, READS, VERSION, CustomFieldRow, Dataset, NotVersion1, from_version_1
from app.domain.errors import AccessDenied, FileRefused
from app.domain.firm import CustomFieldDefinition, FieldType
from app.domain.validation import codes
from app.store import dataset as dataset_store
from app.store.db import Database

MAX_DATASET_BYTES = 100 * 1024 * 1024
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class PreparedImport:
    """A dataset that passed every check, ready to replace the current data."""

    scratch: Database
    accounts: int
    contacts: int
    members: int


def _check(actor) -> None:
    if not can_export_dataset(actor):
        raise AccessDenied("export or replace the dataset")


def export_json(db: Database, actor) -> bytes:
    """The whole dataset as the documented JSON document (docs/dataset.schema.json)."""
    _check(actor)
    dataset = Dataset.model_validate(dataset_store.read_records(db))
    return dataset.model_dump_json(indent=1).encode("utf-8")  # pydantic's serializer: fast, UTF-8 as is


def check_size(size: int) -> None:
    """Said before the file is read: a file this large is refused whole."""
    if size > MAX_DATASET_BYTES:
        raise FileRefused("too_large", limit=str(MAX_DATASET_BYTES // (1024 * 1024)))


def prepare_import(actor, data: bytes) -> PreparedImport:
    """Read and check a dataset file in full; nothing of the current data is touched."""
    _check(actor)
    check_size(len(data))
    if data.startswith(_SQLITE_MAGIC):
        dataset = _validated(_records_of_sqlite(data), strict=False)   # SQLite keeps booleans as 0 and 1
    else:
        dataset = _validated(_records_of_json(data), strict=True)
    _check_custom_values(dataset)
    try:
        scratch = dataset_store.build(dataset)
    except dataset_store.Rejected as error:
        raise FileRefused("record_rejected", where=str(error)) from None
    return PreparedImport(scratch, len(dataset.accounts), len(dataset.contacts), len(dataset.members))


def apply_import(db: Database, actor, prepared: PreparedImport) -> None:
    """Replace the current data with the prepared one; the previous data is kept for Undo."""
    _check(actor)
    db.replace_with(prepared.scratch, keep_previous=True)


def can_undo_import(db: Database) -> bool:
    """Undo is offered until the next change (undoing later would throw that change away)."""
    return db.previous_kept()


def undo_import(db: Database, actor) -> None:
    """Put back the data as it was before the import."""
    _check(actor)
    db.restore_previous()


def _records_of_json(data: bytes) -> dict:
    if not data.strip():
        raise FileRefused("empty")
    if b"\x00" in data:
        raise FileRefused("not_dataset")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FileRefused("not_utf8") from None
    except (ValueError, RecursionError):
        raise FileRefused("not_dataset") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FileRefused("not_ours")
    version = document.get("version")
    if type(version) is not int or version not in READS:  # noqa: E721 - true == 1 in Python, not here
        # Versions 1 and 2 are the only ones there have been: a later one comes from a newer app.
        raise FileRefused("version", found=str(version)[:20], supported=", ".join(map(str, READS)))
    return document if version == VERSION else _upgraded(document)


def _upgraded(document: dict) -> dict:
    try:
        return from_version_1(document)
    except NotVersion1 as error:
        raise FileRefused("record_invalid", where=_where(error.loc), reason="invalid") from None


def _records_of_sqlite(data: bytes) -> dict:
    try:
        return dataset_store.records_of_file(data)
    except dataset_store.OtherSchema:
        raise FileRefused("other_schema") from None
    except dataset_store.Damaged:
        raise FileRefused("damaged") from None


def _validated(records: dict, strict: bool) -> Dataset:
    """The records as the format's models; a JSON file must use JSON's own types ("12" is no number)."""
    try:
        return Dataset.model_validate(records, strict=strict)
    except ValidationError as error:
        first = error.errors()[0]
        raise FileRefused("record_invalid", where=_where(first["loc"]),
                          reason=next(iter(codes(error).values()))) from None


def _where(loc: tuple) -> str:
    """("accounts", 12, "type") -> "accounts › 13 › type" (records counted from 1, as people do)."""
    return " › ".join(str(p + 1) if isinstance(p, int) else str(p)[:40] for p in loc) or "–"


def _check_custom_values(dataset: Dataset) -> None:
    """A custom-field value must be of a field of its kind (account or contact), as the editor stores it."""
    fields = {f.id: f for f in dataset.custom_fields}
    for list_name, scope in (("account_field_values", "account"), ("contact_field_values", "contact")):
        for index, row in enumerate(getattr(dataset, list_name)):
            field = fields.get(row.field_id)
            if field is not None and not _fits(field, scope, row.value):
                raise FileRefused("record_invalid", where=_where((list_name, index, "value")), reason="invalid")


def _fits(field: CustomFieldRow, scope: str, value: str) -> bool:
    # Only the type and options matter to the check; the label was checked with the record.
    definition = CustomFieldDefinition.model_construct(type=FieldType(field.type), options=tuple(field.options))
    try:
        return field.scope == scope and clean_value(definition, value) == value
    except ValueError:
        return False
