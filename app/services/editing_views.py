"""View data the editing forms start from."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.views import MemberView, TagView


@dataclass(frozen=True)
class CustomFieldChoice:
    id: int
    label: str
    type: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class AccountFormView:
    """Everything the "Edit account details" form shows, filled with the current values."""

    values: dict[str, object]       # name, type, address.street …, custom.<id>, tag_ids, team_member_ids
    tags: tuple[TagView, ...]
    members: tuple[MemberView, ...]
    fields: tuple[CustomFieldChoice, ...]
    can_generate_name: bool         # not for companies, which keep their own name


@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    emails: tuple[str, ...]
