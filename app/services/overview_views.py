"""View data of the Overview tab and the "View all" pages: sections of typed cells.

A cell says what kind of value it holds, so the UI formats it for the language (a date,
money, a status word) without knowing which section it is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Section keys, in the order the Overview shows them (F-OVERVIEW-1 … 13).
SECTIONS = ("documents", "tasks", "emails", "jobs", "chats", "invoices", "approvals", "signatures",
            "organizers", "logins", "notes", "time", "proposals")


@dataclass(frozen=True)
class Cell:
    kind: str  # text | date | datetime | money | status | percent | minutes | reply | never
    value: Any


@dataclass(frozen=True)
class EntryView:
    id: int
    cells: tuple[Cell, ...]
    is_new: bool = False      # a document this member has not opened yet
    editable: bool = False    # a note this member may edit or delete


@dataclass(frozen=True)
class SectionView:
    key: str
    columns: tuple[str, ...]  # one column key per cell
    entries: tuple[EntryView, ...]
    total: int


@dataclass(frozen=True)
class OverviewView:
    account_id: int
    name: str
    sections: tuple[SectionView, ...]
    can_add_notes: bool


@dataclass(frozen=True)
class SectionPageView:
    account_id: int
    name: str
    section: SectionView
    page: int
    pages: int
    first: int
    last: int
    newest_first: bool


@dataclass(frozen=True)
class DocumentView:
    id: int
    account_id: int
    account_name: str
    name: str
    source: str
    by_name: str
    created_at: str
    viewed_by: tuple[tuple[str, str], ...]  # (member name, when), first viewer first
