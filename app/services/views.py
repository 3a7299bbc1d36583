"""View data the services hand to the UI: plain, immutable, ready to show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TagView:
    id: int
    name: str
    color: str


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    initials: str


@dataclass(frozen=True)
class ClientRowView:
    id: int
    name: str
    type: str
    tags: tuple[TagView, ...]
    team: tuple[MemberView, ...]
    email: str | None


@dataclass(frozen=True)
class ClientPage:
    rows: tuple[ClientRowView, ...]
    total: int
    first: int  # 1-based position of the first row shown; 0 when there are none
    last: int
    page: int
    pages: int
    tags: tuple[TagView, ...]       # filter choices
    members: tuple[MemberView, ...]
    can_create: bool = False        # may this member open new accounts
    sees_all: bool = False          # does this member see every account (else their teams')


@dataclass(frozen=True)
class SearchHitView:
    account_id: int
    name: str
    type: str
