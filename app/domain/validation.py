"""Turn pydantic's validation errors into one message code per field, for the forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from app.domain.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)

_CODES = {
    "missing": "required", "string_too_short": "required", "string_too_long": "too_long",
    "enum": "option", "literal_error": "option", "int_parsing": "number", "int_from_float": "number",
    "float_parsing": "number", "decimal_parsing": "number", "date_parsing": "date",
    "date_from_datetime_parsing": "date", "string_pattern_mismatch": "invalid",
}


def codes(error: ValidationError) -> dict[str, str]:
    """{"name": "required", "emails.1.address": "email", …}: the first problem of each field."""
    found: dict[str, str] = {}
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "form"
        if item["type"] == "value_error":
            code = str(item.get("ctx", {}).get("error", "invalid"))
        else:
            code = _CODES.get(item["type"], "invalid")
        found.setdefault(field, code)
    return found


def validate(model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(codes(error)) from None


def every_check(*checks: Callable[[], Any]) -> list[Any]:
    """Run every check, so that one Save marks every bad field: one InvalidInput with all their
    codes, or each check's result in order."""
    errors: dict[str, str] = {}
    results = []
    for check in checks:
        try:
            results.append(check())
        except InvalidInput as error:
            errors.update(error.errors)
            results.append(None)
    if errors:
        raise InvalidInput(errors)
    return results
