"""Reusable validated field types for the pydantic models.

Rule failures raise ValueError with a short code ("required", "email", …) that
`app.domain.validation` passes on to the UI, which shows the message for that code.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.domain.text import squash

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_FORBIDDEN_IN_NAMES = set('<>:"/\\|?*')
_PHONE_KEEP = re.compile(r"[^\d+]")


def _clean_name(value: str) -> str:
    value = squash(value)
    if not value:
        raise ValueError("required")
    if len(value) > 255:  # counted once trimmed: padding typed by mistake does not count
        raise ValueError("too_long")
    return value


def _account_name(value: str) -> str:
    value = _clean_name(value)
    if _FORBIDDEN_IN_NAMES.intersection(value):
        raise ValueError("bad_chars")
    return value


def _email(value: str) -> str:
    value = value.strip().lower()
    if not _EMAIL.match(value):
        raise ValueError("email")
    return value


def _phone(value: str) -> str:
    digits = _PHONE_KEEP.sub("", value.strip())
    if digits.count("+") > 1 or ("+" in digits and not digits.startswith("+")):
        raise ValueError("phone")
    if not 5 <= len(digits.lstrip("+")) <= 20:
        raise ValueError("phone")
    return digits


# A person's or thing's name: trimmed, inner spaces collapsed, 1..255 characters.
Name = Annotated[str, StringConstraints(max_length=10_000), AfterValidator(_clean_name)]
# An account name also refuses the characters file systems and other CRMs reject.
AccountName = Annotated[str, StringConstraints(max_length=10_000), AfterValidator(_account_name)]
OptionalText = Annotated[str, StringConstraints(max_length=2000, strip_whitespace=True)]
Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
Phone = Annotated[str, StringConstraints(max_length=40), AfterValidator(_phone)]
Id = Annotated[int, Field(gt=0)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
