"""Values of firm-defined custom fields, checked against the field's type (F-DATA-4, F-EDIT-6).

Values are stored as text in a canonical form: numbers with a dot, dates as ISO dates,
checkboxes as "true"/"false". An empty value means "not filled".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from pydantic import TypeAdapter, ValidationError

from app.domain.errors import InvalidInput
from app.domain.fields import Email, Phone
from app.domain.firm import CustomFieldDefinition, FieldType

_EMAIL = TypeAdapter(Email)
_PHONE = TypeAdapter(Phone)


def _number(raw: str) -> str:
    text = raw.replace(" ", "").replace("\u00a0", "")
    if "," in text and "." in text:  # 1.234,5 or 1,234.5: the last mark is the decimal one
        text = text.replace(",", "") if text.rfind(".") > text.rfind(",") else \
            text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("number") from None
    if not value.is_finite():
        raise ValueError("number")
    return format(value.normalize(), "f")


def clean_value(field: CustomFieldDefinition, raw: str) -> str | None:
    """The stored form of `raw` for this field; None when left empty. ValueError(code) if wrong."""
    raw = raw.strip()
    if not raw:
        return None
    match field.type:
        case FieldType.NUMBER:
            return _number(raw)
        case FieldType.DATE:
            try:
                return date.fromisoformat(raw).isoformat()
            except ValueError:
                raise ValueError("date") from None
        case FieldType.DROPDOWN:
            if raw not in field.options:
                raise ValueError("option")
            return raw
        case FieldType.CHECKBOX:
            if raw not in ("true", "false"):
                raise ValueError("option")
            return raw
        case FieldType.EMAIL | FieldType.PHONE:
            try:
                return (_EMAIL if field.type is FieldType.EMAIL else _PHONE).validate_python(raw)
            except ValidationError:
                raise ValueError(field.type.value) from None
    if len(raw) > 2000:
        raise ValueError("too_long")
    return raw


def clean_values(fields: list[CustomFieldDefinition], raw: dict[int, str]) -> dict[int, str]:
    """Every value checked; InvalidInput names each bad field as `custom.<id>`."""
    known = {f.id: f for f in fields}
    values, errors = {}, {}
    for field_id, text in raw.items():
        if field_id not in known:
            errors[f"custom.{field_id}"] = "unknown"
            continue
        try:
            value = clean_value(known[field_id], text)
        except ValueError as error:
            errors[f"custom.{field_id}"] = str(error)
            continue
        if value is not None:
            values[field_id] = value
    if errors:
        raise InvalidInput(errors)
    return values
