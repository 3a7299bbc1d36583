"""View data of the Info tab, the contact page and the team history (F-INFO)."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.views import MemberView, TagView


@dataclass(frozen=True)
class EmailView:
    """One of a contact's addresses, with its settings for this account (F-DATA-3)."""

    address: str
    primary: bool
    login: str              # off | invited | active
    invited_at: str | None
    notify: bool
    notify_types: tuple[str, ...]
    email_sync: bool
    can_sign: bool


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    sort_key: str
    description: str
    emails: tuple[EmailView, ...]
    primary: bool
    signer_priority: int


@dataclass(frozen=True)
class FieldView:
    label: str
    type: str
    value: str | None   # None: not filled for this account


@dataclass(frozen=True)
class LinkView:
    id: int
    name: str


@dataclass(frozen=True)
class ProfileView:
    id: int
    name: str
    type: str
    initials: str
    photo: bytes | None
    tags: tuple[TagView, ...]
    team: tuple[MemberView, ...]
    primary_contact: ContactView | None
    contacts: tuple[ContactView, ...]
    fields: tuple[FieldView, ...]
    quickbooks: str
    mobile_app_last_login: str | None  # the latest of any contact; None: nobody uses the app
    related: tuple[LinkView, ...]
    address: tuple[str, ...]            # the company address, line by line
    can_edit: bool


@dataclass(frozen=True)
class HistoryEntryView:
    action: str  # added | removed
    member: str
    by_member: str | None
    at: str


@dataclass(frozen=True)
class ContactAccountView:
    id: int
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class ContactPageView:
    id: int
    name: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    address: tuple[str, ...]
    birth_date: str | None
    tax_id: str
    accounts: tuple[ContactAccountView, ...]  # only those the member may see
    fields: tuple[FieldView, ...] = ()
    can_edit: bool = False
