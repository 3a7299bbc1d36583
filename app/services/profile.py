"""One client's Info tab, its team history, and a contact's page (F-INFO, F-ACCESS-1)."""

from __future__ import annotations

from app.domain.access import can_edit_account
from app.domain.accounts import Account, Address
from app.domain.contacts import AccountContactLink, Contact
from app.domain.errors import AccessDenied, NotFound
from app.domain.firm import FieldScope, Member
from app.domain.text import fold
from app.services.clients import member_views, tag_views
from app.services.guard import edits, sees, visible_account
from app.services.profile_views import (
    ContactAccountView,
    ContactPageView,
    ContactView,
    EmailView,
    FieldView,
    HistoryEntryView,
    LinkView,
    ProfileView,
)
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store.db import Database


def _initials(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def address_lines(address: Address) -> tuple[str, ...]:
    city = " ".join(p for p in (address.postal_code, address.city, address.state) if p)
    return tuple(line for line in (address.street, city, address.country) if line)


def _contact_view(link: AccountContactLink, primary: bool, contact: Contact) -> ContactView:
    emails = tuple(
        EmailView(s.email, s.email == contact.primary_email, s.login.value,
                  s.invited_at.isoformat() if s.invited_at else None, s.notify,
                  tuple(sorted(t.value for t in s.notify_types)), s.email_sync, s.can_sign)
        for s in link.emails)
    return ContactView(contact.id, contact.full_name, fold(f"{contact.last_name} {contact.first_name}"),
                       link.description, emails, primary, link.signer_priority)


def _fields(db: Database, account: Account) -> tuple[FieldView, ...]:
    return tuple(FieldView(f.label, f.type.value, account.custom.get(f.id))
                 for f in firm_store.list_custom_fields(db, FieldScope.ACCOUNT.value))


def account_profile(db: Database, actor: Member, account_id: int) -> ProfileView:
    account = visible_account(db, actor, account_id)
    tags, members = tag_views(db), member_views(db)
    linked = contact_store.linked_contacts(db, account_id)
    contacts = sorted((_contact_view(*item) for item in linked), key=lambda c: (c.sort_key, c.id))
    logins = [c.mobile_app_last_login for _, _, c in linked if c.mobile_app_last_login]
    related = tuple(LinkView(r["id"], r["name"]) for r in account_store.related_accounts(db, account_id)
                    if sees(actor, r["team"]))
    return ProfileView(
        id=account_id, name=account.name, type=account.type.value, initials=_initials(account.name),
        photo=account_store.photo(db, account_id),
        tags=tuple(sorted((tags[t] for t in account.tag_ids), key=lambda t: fold(t.name))),
        team=tuple(sorted((members[m] for m in account.team_member_ids), key=lambda m: m.name)),
        primary_contact=next((c for c in contacts if c.primary), None), contacts=tuple(contacts),
        fields=_fields(db, account), quickbooks=account.quickbooks.value,
        mobile_app_last_login=max(logins).isoformat() if logins else None, related=related,
        address=address_lines(account.address),
        can_edit=can_edit_account(actor, account.team_member_ids),
    )


def team_history(db: Database, actor: Member, account_id: int) -> tuple[str, tuple[HistoryEntryView, ...]]:
    """The account's name and its team changes, newest first."""
    account = visible_account(db, actor, account_id)
    rows = account_store.team_history(db, account_id)
    return account.name, tuple(HistoryEntryView(r["action"], r["member"], r["by_member"], r["at"])
                               for r in rows)


def contact_page(db: Database, actor: Member, contact_id: int) -> ContactPageView:
    """A contact, for a member who may see at least one of its accounts; lists only those."""
    contact = contact_store.get_contact(db, contact_id)
    if contact is None:
        raise NotFound(f"contact {contact_id}")
    accounts = [r for r in contact_store.accounts_of_contact(db, contact_id)
                if sees(actor, r["team"])]
    if not accounts:
        raise AccessDenied(f"contact {contact_id}")
    return ContactPageView(
        id=contact_id, name=contact.full_name, emails=tuple(e.address for e in contact.emails),
        phones=tuple(p.number for p in contact.phones), address=address_lines(contact.address),
        birth_date=contact.birth_date.isoformat() if contact.birth_date else None, tax_id=contact.tax_id,
        accounts=tuple(ContactAccountView(r["id"], r["name"], r["type"], r["description"]) for r in accounts),
        fields=tuple(FieldView(f.label, f.type.value, contact.custom.get(f.id))
                     for f in firm_store.list_custom_fields(db, FieldScope.CONTACT.value)),
        can_edit=any(edits(actor, r["team"]) for r in accounts))
