"""The Overview tab and its "View all" pages (F-OVERVIEW), for members who may see the account."""

from __future__ import annotations

from app.domain.access import can_change_note
from app.domain.firm import Member
from app.services import section_rows
from app.services.guard import visible_account
from app.services.overview_views import SECTIONS, EntryView, OverviewView, SectionPageView, SectionView
from app.store import sections as store
from app.store.db import Database

OVERVIEW_LIMIT = 5
SHOW_ALL = {"jobs", "logins"}  # every current job; every contact's last login
PAGE_SIZE = 25


def account_overview(db: Database, actor: Member, account_id: int) -> OverviewView:
    account = visible_account(db, actor, account_id)
    sections = tuple(
        _section(db, actor, account.team_member_ids, account_id, key,
                 limit=1000 if key in SHOW_ALL else OVERVIEW_LIMIT)
        for key in SECTIONS)
    return OverviewView(account_id=account_id, name=account.name, sections=sections,
                        can_add_notes=True)


def section_page(db: Database, actor: Member, account_id: int, key: str, page: int = 1,
                 newest_first: bool = True) -> SectionPageView:
    if key not in SECTIONS:
        raise KeyError(key)
    account = visible_account(db, actor, account_id)
    total = store.count(db, key, account_id, actor.id)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    section = _section(db, actor, account.team_member_ids, account_id, key, PAGE_SIZE,
                       (page - 1) * PAGE_SIZE, newest_first, total)
    first = (page - 1) * PAGE_SIZE + 1 if section.entries else 0
    return SectionPageView(account_id=account_id, name=account.name, section=section, page=page,
                           pages=pages, first=first, last=first + len(section.entries) - 1 if first else 0,
                           newest_first=newest_first)


def _section(db: Database, actor: Member, team: frozenset[int], account_id: int, key: str,
             limit: int, offset: int = 0, newest_first: bool = True,
             total: int | None = None) -> SectionView:
    rows = store.fetch(db, key, account_id, actor.id, limit, offset, newest_first)
    context = {}
    if key == "invoices":
        context["credit"] = store.credit_cents(db, account_id)
    if key == "signatures":
        context["signers"] = store.signers(db, [r["id"] for r in rows])
    to_cells = section_rows.CELLS[key]
    entries = tuple(
        EntryView(id=r["id"], cells=to_cells(r, context),
                  is_new=key == "documents" and bool(r["is_new"]),
                  editable=key == "notes" and can_change_note(actor, r["author_id"], team))
        for r in rows)
    if total is None:
        total = store.count(db, key, account_id, actor.id) if len(rows) == limit else len(rows)
    return SectionView(key=key, columns=section_rows.COLUMNS[key], entries=entries, total=total)
