"""Finding clients: the list (F-FIND-2) and search (F-FIND-1), limited to what the actor sees."""

from __future__ import annotations

from app.domain.access import can_create_account, visibility
from app.domain.firm import Member
from app.domain.listing import ClientQuery
from app.services.views import ClientPage, ClientRowView, MemberView, SearchHitView, TagView
from app.store import client_list, search
from app.store import firm as firm_store
from app.store.db import Database


def member_views(db: Database) -> dict[int, MemberView]:
    return {m.id: MemberView(m.id, m.full_name, m.initials) for m in firm_store.list_members(db)}


def tag_views(db: Database) -> dict[int, TagView]:
    return {t.id: TagView(t.id, t.name, t.color) for t in firm_store.list_tags(db)}


def client_page(db: Database, actor: Member, query: ClientQuery) -> ClientPage:
    rows, total = client_list.list_clients(db, visibility(actor), query)
    pages = max(1, -(-total // query.page_size))
    if query.page > pages:
        # A stale link past the end (e.g. after filtering): show the last page instead.
        query = query.model_copy(update={"page": pages})
        rows, total = client_list.list_clients(db, visibility(actor), query)
    tags, members = tag_views(db), member_views(db)
    views = tuple(
        ClientRowView(r.id, r.name, r.type, tuple(tags[t] for t in r.tag_ids),
                      tuple(sorted((members[m] for m in r.team_ids), key=lambda m: m.name)), r.email)
        for r in rows
    )
    first = query.offset + 1 if rows else 0
    return ClientPage(rows=views, total=total, first=first, last=query.offset + len(rows),
                      page=query.page, pages=pages, tags=tuple(tags.values()),
                      members=tuple(sorted(members.values(), key=lambda m: m.name)),
                      can_create=can_create_account(actor), sees_all=visibility(actor).all_accounts)


def search_clients(db: Database, actor: Member, text: str, limit: int = 8) -> list[SearchHitView]:
    hits = search.search(db, text, visibility(actor), limit=limit)
    return [SearchHitView(h.account_id, h.name, h.type) for h in hits]
