"""Rules of the Settings for tags and custom fields: options, names that must differ, type changes.

Pure functions: the services hand in what is stored and write what these return.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.custom_fields import clean_value
from app.domain.firm import CustomFieldDefinition
from app.domain.text import fold, squash

MAX_OPTION = 255


def parse_options(text: str) -> tuple[str, ...]:
    """The options typed one per line: trimmed, empty lines dropped, in the order typed.

    ValueError("duplicate_option") when two lines are the same regardless of case and accents
    (a dropdown offering "Sì" and "si" would confuse), ValueError("too_long") for a long one.
    """
    options = tuple(squash(line) for line in text.splitlines() if line.strip())
    if any(len(option) > MAX_OPTION for option in options):
        raise ValueError("too_long")
    folded = [fold(option) for option in options]
    if len(set(folded)) != len(folded):
        raise ValueError("duplicate_option")
    return options


def name_taken(name: str, others: Iterable[str]) -> bool:
    """Whether `name` is already used, regardless of case and accents ("Iva" = "IVA" = "Ìva")."""
    wanted = fold(name)
    return any(fold(other) == wanted for other in others)


def label_taken(label: str, fields: Iterable[CustomFieldDefinition], scope: str,
                except_id: int | None = None) -> bool:
    """Whether another field of the same scope has this label (folded); `except_id` is the one edited."""
    return name_taken(label, (f.label for f in fields if f.scope.value == scope and f.id != except_id))


def convert_values(new: CustomFieldDefinition, values: dict[int, str]) -> tuple[dict[int, str], list[int]]:
    """Each stored value in the canonical form of `new` (its type and options).

    Returns (converted values by holder id, holders whose value does not convert). A value that
    would become empty counts as not converting: it would be lost.
    """
    converted: dict[int, str] = {}
    failed: list[int] = []
    for owner_id, value in values.items():
        try:
            clean = clean_value(new, value)
        except ValueError:
            clean = None
        if clean is None:
            failed.append(owner_id)
        else:
            converted[owner_id] = clean
    return converted, failed


def removed_options(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    """Options of `before` that `after` no longer offers (exactly: stored values match exactly)."""
    return tuple(option for option in before if option not in after)
