"""Small builders for store tests: a member, an account with contacts."""

from __future__ import annotations

from datetime import datetime

from app.domain.accounts import Account, AccountType
from app.domain.contacts import AccountContactLink, Contact, ContactEmail, EmailSettings
from app.domain.firm import Member, Role
from app.store import accounts, contacts, firm
from app.store.db import Database

WHEN = datetime(2026, 11, 26, 9, 0)


def add_member(db: Database, first: str = "Sara", role: Role = Role.EMPLOYEE) -> int:
    with db.transaction():
        return firm.insert_member(db, Member(first_name=first, last_name="Test",
                                             email=f"{first.lower()}@studio.it", role=role))


def add_account(db: Database, name: str, people: list[tuple[str, str, str]] = (),
                kind: AccountType = AccountType.INDIVIDUAL, team: set[int] = frozenset(),
                tags: set[int] = frozenset()) -> int:
    """people: (first name, last name, email); the first is the primary contact."""
    with db.transaction():
        account_id = accounts.insert_account(db, Account(
            name=name, type=kind, created_at=WHEN, team_member_ids=frozenset(team),
            tag_ids=frozenset(tags)))
        for i, (first, last, email) in enumerate(people):
            contact_id = contacts.insert_contact(db, Contact(
                first_name=first, last_name=last, emails=(ContactEmail(address=email, primary=True),)))
            contacts.link(db, AccountContactLink(account_id=account_id, contact_id=contact_id,
                                                 emails=(EmailSettings(email=email),)), primary=i == 0)
    return account_id
