"""One client's profile, for a member allowed to see it (F-ACCESS-1, F-FIND-3)."""

from __future__ import annotations

from app.domain.access import can_edit_account
from app.domain.firm import Member
from app.domain.text import fold
from app.services.clients import member_views, tag_views
from app.services.guard import visible_account
from app.services.views import ContactView, ProfileView
from app.store import contacts as contact_store
from app.store.db import Database


def account_profile(db: Database, actor: Member, account_id: int) -> ProfileView:
    account = visible_account(db, actor, account_id)
    tags, members = tag_views(db), member_views(db)
    contacts = sorted(
        (ContactView(c.id, c.full_name, fold(f"{c.last_name} {c.first_name}"), link.description,
                     tuple(e.address for e in c.emails), primary)
         for link, primary, c in contact_store.linked_contacts(db, account_id)),
        key=lambda c: (c.sort_key, c.id),
    )
    return ProfileView(
        id=account_id, name=account.name, type=account.type.value,
        tags=tuple(sorted((tags[t] for t in account.tag_ids), key=lambda t: fold(t.name))),
        team=tuple(sorted((members[m] for m in account.team_member_ids), key=lambda m: m.name)),
        primary_contact=next((c for c in contacts if c.primary), None),
        contacts=tuple(contacts),
        can_edit=can_edit_account(actor, account.team_member_ids),
    )
