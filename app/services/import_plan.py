"""Deciding each CSV row's fate against the firm's data, before anything is written.

The preview and the import use the same plan, so what the preview promises is what happens.
Rows are read in file order: an account is started by the first accepted row that names it,
and a contact by the first accepted row that gives its email.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from app.domain.client_rows import ClientRow, account_key, clean_cell, read_row
from app.domain.csv_table import CsvRow
from app.domain.errors import InvalidInput
from app.domain.fields import AccountName
from app.domain.firm import Member
from app.domain.naming import generated_name
from app.domain.validation import codes
from app.services.guard import edits, sees
from app.services.import_views import (
    ALREADY_LINKED,
    DUPLICATE,
    JOINS_EXISTING,
    JOINS_NEW,
    NEW_ACCOUNT,
    REJECTED,
    RowFate,
)
from app.store import firm as firm_store
from app.store import import_lookup as lookup
from app.store.db import Database

Mapping = dict[int, str | None]
_ACCOUNT_NAME = TypeAdapter(AccountName)


def _check_generated_name(name: str, problems: dict[str, str]) -> None:
    """An account named after its contact must still be a valid account name."""
    try:
        _ACCOUNT_NAME.validate_python(name)
    except ValidationError as error:
        problems["account_name"] = next(iter(codes(error).values()))


# Who a row means: ("id", n) is a record already in the firm; ("new", key) one the file adds.
Ref = tuple[str, int | str]


@dataclass(frozen=True)
class PlannedRow:
    fate: RowFate
    row: ClientRow | None = None
    account_name: str = ""
    account: Ref | None = None
    contact: Ref | None = None


class _Known:
    """The firm's accounts and contacts that the rows name, read a part of the file at a time:
    a few queries per part instead of several per row. Nothing is written while a file is
    checked, so what was read stays true."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.accounts: dict[str, list[tuple[int, str | None]]] = {}   # name key -> [(id, team)]
        self.contacts: dict[str, int | None] = {}                     # address -> contact id
        self.links: dict[int, list[tuple[int, str | None]]] = {}      # contact id -> [(account id, team)]

    def read(self, rows: list[_Read]) -> None:
        keys = sorted({r.key for r in rows} - self.accounts.keys())
        found = lookup.accounts_named(self.db, keys)
        self.accounts.update({k: found.get(k, []) for k in keys})
        addresses = sorted({a for r in rows for a in r.addresses} - self.contacts.keys())
        holders = lookup.contacts_with_emails(self.db, addresses)
        self.contacts.update({a: holders.get(a) for a in addresses})
        ids = sorted(set(holders.values()) - self.links.keys())
        linked = lookup.accounts_of_contacts(self.db, ids)
        self.links.update({i: linked.get(i, []) for i in ids})


@dataclass(frozen=True)
class _Read:
    """A row read, with what the plan compares: its account's name and key, its addresses."""
    row: ClientRow
    name: str
    key: str
    addresses: tuple[str, ...]


class Planner:
    def __init__(self, db: Database, actor: Member) -> None:
        self.db, self.actor = db, actor
        self.members = {m.email: m.id for m in firm_store.list_members(db)}
        self.known = _Known(db)
        self.seen: dict[tuple[str, str], int] = {}        # (account, person) -> line
        self.new_accounts: set[str] = set()               # account keys started by the file
        self.emails: dict[str, Ref] = {}                  # each address of an accepted row -> contact
        self.links: set[tuple[Ref, Ref]] = set()          # (account, contact) planned so far

    def plan_part(self, csv_rows: list[CsvRow], mapping: Mapping) -> list[PlannedRow]:
        """The fate of the next rows of the file, in file order (each row sees the rows before)."""
        read = [_read(csv_row, mapping) for csv_row in csv_rows]
        self.known.read([r for r in read if isinstance(r, _Read)])
        return [self._row(r) if isinstance(r, _Read) else r for r in read]

    def _row(self, read: _Read) -> PlannedRow:
        row, name, key = read.row, read.name, read.key
        person = f"{row.first_name} {row.last_name}"
        # The same person for the same account, however the account name was written.
        seen = (key, row.email or account_key(person))
        if seen in self.seen:
            return PlannedRow(RowFate(row.line, name, person, DUPLICATE, duplicate_of=self.seen[seen]))
        problems: dict[str, str] = {}
        if not row.account_name:
            _check_generated_name(name, problems)
        if any(email not in self.members for email in row.team):
            problems["team"] = "unknown_member"
        fate, account = self._account(key, problems)
        contact, reused = self._contact(row, read.addresses, problems)
        if problems:
            return PlannedRow(RowFate(row.line, name, person, REJECTED, problems=tuple(problems.items())))
        if (account, contact) in self.links or self._linked_in_firm(account, contact):
            return PlannedRow(RowFate(row.line, name, person, ALREADY_LINKED, reused_contact=reused))
        self.links.add((account, contact))
        self.seen[seen] = row.line
        if fate == NEW_ACCOUNT:
            self.new_accounts.add(key)
        for address in read.addresses:
            self.emails.setdefault(address, contact)
        return PlannedRow(RowFate(row.line, name, person, fate, reused_contact=reused), row, name, account, contact)

    def _account(self, key: str, problems: dict[str, str]) -> tuple[str, Ref]:
        if key in self.new_accounts:
            return JOINS_NEW, ("new", key)
        found = self.known.accounts[key]
        if len(found) > 1:
            problems["account_name"] = "ambiguous_account"
        elif found and not edits(self.actor, found[0][1]):
            problems["account_name"] = "account_locked"
        elif found:
            return JOINS_EXISTING, ("id", found[0][0])
        return NEW_ACCOUNT, ("new", key)

    def _contact(self, row: ClientRow, addresses: tuple[str, ...],
                 problems: dict[str, str]) -> tuple[Ref, bool]:
        """The contact the row means, and whether it was already in the firm.

        Any of the row's addresses finds it: a person is one contact however their emails are spread.
        """
        known = next((self.emails[a] for a in addresses if a in self.emails), None)
        if known is not None:   # met on an earlier row: "existing" only if it was in the firm before
            return known, known[0] == "id"
        for address in addresses:
            contact_id = self.known.contacts[address]
            if contact_id is not None:
                accounts = self.known.links[contact_id]
                # A contact only on accounts the actor cannot see is not theirs to link (nor to reveal).
                if accounts and not any(sees(self.actor, team) for _, team in accounts):
                    problems["email" if address == row.email else "more_emails"] = "email_taken"
                return ("id", contact_id), True
        return ("new", row.line), False

    def _linked_in_firm(self, account: Ref, contact: Ref) -> bool:
        if not account[0] == contact[0] == "id":
            return False
        return any(linked == account[1] for linked, _ in self.known.links[contact[1]])


def _read(csv_row: CsvRow, mapping: Mapping) -> _Read | PlannedRow:
    """The row read, or its rejection when a cell breaks a rule."""
    try:
        row = read_row(csv_row, mapping)
    except InvalidInput as error:
        return _unreadable(csv_row, mapping, error)
    name = row.account_name or generated_name([(row.first_name, row.last_name)])
    return _Read(row, name, account_key(name), tuple(a for a in (row.email, *row.more_emails) if a))


def _unreadable(csv_row: CsvRow, mapping: Mapping, error: InvalidInput) -> PlannedRow:
    """A row with problems, shown with the names it holds so the person can find it."""
    cells = {f: clean_cell(c) for f, c in zip(mapping.values(), csv_row.cells, strict=False) if f}
    person = " ".join(filter(None, (cells.get("first_name"), cells.get("last_name"))))
    return PlannedRow(RowFate(csv_row.line, cells.get("account_name", ""), person, REJECTED,
                              problems=tuple(error.errors.items())))
