"""Account names generated from the linked contacts (F-INFO-a)."""

from __future__ import annotations

from collections.abc import Sequence


def generated_name(people: Sequence[tuple[str, str]]) -> str:
    """'Rossi, Mario'; 'Rossi, Mario & Anna' when the surname is shared; else each in full.

    `people` are (first name, last name) pairs in the order they should appear.
    """
    if not people:
        raise ValueError("an account name needs at least one contact")
    surnames = {last for _, last in people}
    if len(surnames) == 1:
        return f"{people[0][1]}, " + " & ".join(first for first, _ in people)
    return " & ".join(f"{last}, {first}" for first, last in people)
