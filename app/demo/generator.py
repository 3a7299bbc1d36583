"""A deterministic demo firm: the same seed and day always give the same data.

~300 accounts for the app's first start; 1k–100k for benchmarks (same code, bigger count).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from app.demo import names
from app.demo.activity import ActivityMaker
from app.demo.firm import insert_firm
from app.demo.people import PeopleFactory, slug
from app.domain.accounts import Account, AccountType, QuickBooksStatus
from app.domain.contacts import AccountContactLink, Contact, EmailSettings, LoginState, NotificationType
from app.domain.firm import CustomFieldDefinition, FieldType, Member, Right, Role
from app.domain.naming import generated_name
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store.db import Database


@dataclass
class _Linked:
    contact_id: int
    contact: Contact
    description: str = ""


@dataclass
class _State:
    rng: random.Random
    today: date
    people: PeopleFactory
    members: list[Member]
    tag_ids: list[int]
    fields: list[CustomFieldDefinition]
    activity: ActivityMaker
    singles: list[_Linked] = field(default_factory=list)


def build_demo(db: Database, accounts: int = 300, seed: int = 7, today: date | None = None) -> None:
    for _made in demo_steps(db, accounts, seed, today):
        pass


def demo_steps(db: Database, accounts: int = 300, seed: int = 7,
               today: date | None = None) -> Iterator[tuple[int, int]]:
    """`build_demo` an account at a time, in one transaction: yields (accounts made, of how many)."""
    today = today or date.today()
    rng = random.Random(seed)
    with db.transaction():
        members, tag_ids, fields = insert_firm(db)
        state = _State(rng, today, PeopleFactory(rng, today), members, tag_ids, fields,
                       ActivityMaker(rng, today, members))
        for index in range(accounts):
            _make_account(db, state, index, accounts)
            yield index + 1, accounts
        state.activity.mark_documents_viewed(db)


def _make_account(db: Database, s: _State, index: int, total: int) -> None:
    roll = s.rng.random()
    if roll < 0.55:
        kind, linked = AccountType.INDIVIDUAL, _individual(db, s)
    elif roll < 0.70:
        kind, linked = AccountType.INDIVIDUAL, _family(db, s)
    elif roll < 0.94:
        kind, linked = AccountType.COMPANY, _company_people(db, s)
    else:
        kind, linked = AccountType.OTHER, [_new(db, s, s.people.person(), "Referente")]
    name = _account_name(s, kind, linked)
    account = Account(
        name=name, type=kind, address=s.people.address() if kind is not AccountType.INDIVIDUAL
        else linked[0].contact.address,
        created_at=datetime.combine(s.today - timedelta(days=s.rng.randint(30, 1800)), time(9)),
        quickbooks=QuickBooksStatus.SYNCED if s.rng.random() < 0.3 else QuickBooksStatus.NOT_CONNECTED,
        tag_ids=frozenset(s.rng.sample(s.tag_ids, s.rng.choice((0, 1, 1, 2, 3)))),
        team_member_ids=_team(s, index, total),
        custom=_custom_values(s, name),
    )
    account_id = account_store.insert_account(db, account)
    _history(db, s, account_id, account)
    for position, person in enumerate(linked):
        contact_store.link(db, _link(s, account_id, person, position), primary=position == 0)
    s.activity.for_account(db, account_id, linked_ids=[p.contact_id for p in linked],
                           team=sorted(account.team_member_ids), people=[p.contact for p in linked])


def _history(db: Database, s: _State, account_id: int, account: Account) -> None:
    """The owner set the team up when the account was opened; some teams changed since."""
    owner = s.members[0].id
    for member_id in sorted(account.team_member_ids):
        account_store.record_team_change(db, account_id, member_id, "added", owner, account.created_at)
    if s.rng.random() < 0.3:
        former = s.rng.choice([m.id for m in s.members if m.id not in account.team_member_ids] or [owner])
        joined = account.created_at + timedelta(days=s.rng.randint(1, 20))
        left = joined + timedelta(days=s.rng.randint(5, 25))
        by = s.rng.choice([owner, s.members[1].id])
        account_store.record_team_change(db, account_id, former, "added", by, joined)
        account_store.record_team_change(db, account_id, former, "removed", by, left)


def _new(db: Database, s: _State, contact: Contact, description: str = "") -> _Linked:
    return _Linked(contact_store.insert_contact(db, contact), contact, description)


def _individual(db: Database, s: _State) -> list[_Linked]:
    person = _new(db, s, s.people.person(), "Titolare")
    s.singles.append(person)
    return [person]


def _family(db: Database, s: _State) -> list[_Linked]:
    # Some families share a spouse who also has an individual account of their own.
    if s.singles and s.rng.random() < 0.35:
        known = s.rng.choice(s.singles)
        first = _Linked(known.contact_id, known.contact, "Contatto principale")
    else:
        first = _new(db, s, s.people.person(), "Contatto principale")
    partner = s.people.person(last=first.contact.last_name)
    return [first, _new(db, s, partner, "Coniuge")]


def _company_people(db: Database, s: _State) -> list[_Linked]:
    linked = []
    if s.singles and s.rng.random() < 0.4:
        owner = s.rng.choice(s.singles)
        linked.append(_Linked(owner.contact_id, owner.contact, "Amministratore"))
    else:
        linked.append(_new(db, s, s.people.person(), "Amministratore"))
    for role in s.rng.sample(["Responsabile amministrativo", "Contabile", "CEO"], s.rng.randint(0, 2)):
        linked.append(_new(db, s, s.people.person(), role))
    return linked


def _account_name(s: _State, kind: AccountType, linked: list[_Linked]) -> str:
    first = linked[0].contact
    if kind is AccountType.INDIVIDUAL:
        return generated_name([(p.contact.first_name, p.contact.last_name) for p in linked])
    if kind is AccountType.OTHER:
        return s.rng.choice(names.OTHER_NAMES).format(
            word=s.rng.choice(names.OTHER_WORDS), street=s.rng.choice(names.STREETS)[4:],
            last=first.last_name, city=s.rng.choice(names.CITIES)[0], saint=s.rng.choice(names.SAINTS))
    if s.rng.random() < 0.35:
        return s.rng.choice(names.SHOP_NAMES).format(first=first.first_name, last=first.last_name)
    return f"{first.last_name} {s.rng.choice(names.COMPANY_WORDS)} {s.rng.choice(names.COMPANY_FORMS)}"


def _team(s: _State, index: int, total: int) -> frozenset[int]:
    by_role = {m.email.split("@")[0]: m.id for m in s.members}
    pool = [m.id for m in s.members if m.role is not Role.OWNER and not _restricted(m)]
    team = set(s.rng.sample(pool, s.rng.randint(1, 2)))
    if s.rng.random() < 0.1:
        team.add(s.members[0].id)
    # The employee who sees only their team's accounts has a handful of them (about five).
    if index % max(1, total // 5) == 0:
        team.add(by_role["sara.lombardi"])
    return frozenset(team)


def _restricted(member: Member) -> bool:
    return member.role is Role.EMPLOYEE and not member.rights & {Right.VIEW_ALL_ACCOUNTS, Right.MANAGE_ACCOUNTS}


def _custom_values(s: _State, name: str) -> dict[int, str]:
    values: dict[int, str] = {}
    for f in s.fields:
        if s.rng.random() < 0.25:
            continue  # some fields are left empty, as in real data
        values[f.id] = _value_for(s, f, name)
    return values


def _value_for(s: _State, f: CustomFieldDefinition, name: str) -> str:
    rng = s.rng
    match f.type:
        case FieldType.DROPDOWN:
            return rng.choice(f.options)
        case FieldType.NUMBER:
            return str(rng.randrange(20_000, 3_000_000, 1000))
        case FieldType.DATE:
            return (s.today - timedelta(days=rng.randint(60, 3000))).isoformat()
        case FieldType.CHECKBOX:
            return rng.choice(("true", "false"))
        case FieldType.EMAIL:
            return s.people.unique_email(slug(name)[:20] or "cliente", "pec.it")
        case _:
            return f"C{rng.randint(1000, 9999)}"


def _link(s: _State, account_id: int, person: _Linked, position: int) -> AccountContactLink:
    settings = []
    for email in person.contact.emails:
        login = s.rng.choice((LoginState.OFF, LoginState.OFF, LoginState.INVITED, LoginState.ACTIVE,
                              LoginState.ACTIVE))
        invited = None
        if login is not LoginState.OFF:
            invited = datetime.combine(s.today - timedelta(days=s.rng.randint(1, 400)), time(10, 30))
        notify = login is LoginState.ACTIVE and s.rng.random() < 0.8
        kinds = frozenset(s.rng.sample(list(NotificationType), s.rng.randint(2, 5))) if notify else frozenset()
        settings.append(EmailSettings(email=email.address, login=login, invited_at=invited,
                                      notify=notify, notify_types=kinds,
                                      email_sync=s.rng.random() < 0.3, can_sign=s.rng.random() < 0.9))
    return AccountContactLink(account_id=account_id, contact_id=person.contact_id,
                              description=person.description, signer_priority=position + 1,
                              emails=tuple(settings))
