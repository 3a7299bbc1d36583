"""The dataset's rules across records, gathered a slice at a time.

A file is checked in slices (app.services.steps), so the rules that look at several records
at once collect what they need list by list, and answer at the end. `Dataset` states them
through the same class for a whole document: each rule is written once. Custom-field values
are checked against their field the same way, a slice of values at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.domain.custom_fields import clean_value
from app.domain.firm import CustomFieldDefinition, FieldType


class AcrossRecords:
    # The columns the rules read, by record list.
    NEEDS: dict[str, tuple[str, ...]] = {
        "members": ("id", "role", "active"),
        "account_team": ("member_id",),
        "contact_emails": ("contact_id", "is_primary"),
    }

    def __init__(self) -> None:
        self._members: list[tuple[int, str, Any]] = []
        self._on_teams: set[int] = set()
        self._with_emails: set[int] = set()
        self._with_primary: set[int] = set()

    def add(self, list_name: str, columns: dict[str, Sequence[Any]]) -> None:
        """Note what the rules need of a slice of `list_name` ({column: values}, as checked;
        a flag may be 0/1 as SQLite keeps it)."""
        if list_name == "members":
            self._members.extend(zip(columns["id"], columns["role"], columns["active"], strict=True))
        elif list_name == "account_team":
            self._on_teams.update(columns["member_id"])
        elif list_name == "contact_emails":
            contacts = columns["contact_id"]
            self._with_emails.update(contacts)
            self._with_primary.update(c for c, primary in zip(contacts, columns["is_primary"], strict=True)
                                      if primary)

    def add_rows(self, list_name: str, rows: Iterable[Any]) -> None:
        """The same from records (models): their fields by name."""
        rows = list(rows)
        self.add(list_name, {f: [getattr(r, f) for r in rows] for f in self.NEEDS.get(list_name, ())})

    def broken(self) -> str | None:
        """The code of the first rule broken, or None."""
        # Someone must be able to sign in and manage the firm after the import.
        owners = [active for _id, role, active in self._members if role == "owner"]
        if len(owners) != 1 or not owners[0]:
            return "no_owner"
        # A deactivated member has left every team (the app shows teams of active members only).
        if {i for i, _role, active in self._members if not active} & self._on_teams:
            return "inactive_on_team"
        # A contact with email addresses has exactly one primary one (the app relies on it).
        if self._with_emails - self._with_primary:
            return "primary"
        return None


class CustomValues:
    """A custom-field value must be of a field of its kind (account or contact), and be what the
    editor would store for that field."""

    LISTS: dict[str, str] = {"account_field_values": "account", "contact_field_values": "contact"}
    NEEDS: tuple[str, ...] = ("field_id", "value")

    def __init__(self, fields: dict[str, Sequence[Any]]) -> None:
        """`fields`: the checked columns of the custom fields (id, scope, type, options, …)."""
        # Only the type and options matter to the check; the label was checked with the record.
        self._fields = {
            i: (scope, CustomFieldDefinition.model_construct(type=FieldType(kind), options=tuple(options)))
            for i, scope, kind, options in zip(fields["id"], fields["scope"], fields["type"], fields["options"],
                                               strict=True)}
        # Many records share a field and a value (a regime, a yes): each pair is judged once.
        self._verdicts: dict[str, dict[tuple[int, str], bool]] = {"account": {}, "contact": {}}

    def first_misfit(self, list_name: str, field_ids: Sequence[int], values: Sequence[str]) -> int | None:
        """The index of the first value that does not fit its field, or None. A value of no
        known field passes here: the link to nothing is refused with the other links."""
        scope = self.LISTS[list_name]
        verdicts = self._verdicts[scope]
        pairs = list(zip(field_ids, values, strict=True))
        # Each distinct pair once (found at C speed); records are looked at only if one fails.
        misfits = {pair for pair in dict.fromkeys(pairs) if not self._verdict(verdicts, scope, pair)}
        return next((i for i, pair in enumerate(pairs) if pair in misfits), None) if misfits else None

    def _verdict(self, verdicts: dict[tuple[int, str], bool], scope: str, pair: tuple[int, str]) -> bool:
        fits = verdicts.get(pair)
        if fits is None:
            fits = verdicts[pair] = self._fits(scope, *pair)
        return fits

    def _fits(self, scope: str, field_id: int, value: str) -> bool:
        known = self._fields.get(field_id)
        if known is None:
            return True
        try:
            return known[0] == scope and clean_value(known[1], value) == value
        except ValueError:
            return False
