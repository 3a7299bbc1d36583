"""The event a handler receives: what it needs from a browser event, no JS objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class UiEvent:
    type: str
    value: str = ""
    key: str = ""
    checked: bool = False
    # A submitted form's fields by name; a name used by several checked boxes gives a list.
    form: dict[str, str | list[str]] = field(default_factory=dict)
    raw: Any = None  # the browser's event object, absent in CPython tests
    default_prevented: bool = False

    def prevent_default(self) -> None:
        self.default_prevented = True
        if self.raw is not None:
            self.raw.preventDefault()
