"""From a submitted form's flat fields to the nested data the services validate."""

from __future__ import annotations

from typing import Any


def nest(form: dict[str, Any], lists: tuple[str, ...] = ()) -> dict[str, Any]:
    """{"address.street": "x", "custom.3": "y"} -> {"address": {"street": "x"}, "custom": {"3": "y"}}.

    Names in `lists` always give a list (an unchecked group sends nothing at all).
    """
    data: dict[str, Any] = {name: [] for name in lists}
    for key, value in form.items():
        *path, last = key.split(".")
        target = data
        for part in path:
            target = target.setdefault(part, {})
        if last in lists and not isinstance(value, list):
            value = [value]
        target[last] = value
    return data


def error_for(errors: dict[str, str], name: str) -> str | None:
    """The message code for a field, also when pydantic reports a deeper path (tag_ids.0)."""
    if name in errors:
        return errors[name]
    return next((code for key, code in errors.items() if key.startswith(name + ".")), None)
