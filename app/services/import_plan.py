"""Deciding each CSV row's fate against the firm's data, before anything is written.

The preview and the import use the same plan, so what the preview promises is what happens.
Rows are read in file order: an account is started by the first accepted row that names it,
and a contact by the first accepted row that gives its email.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from app.domain.client_rows import ClientRow, account_key, clean_cell, read_row, row_key
from app.domain.csv_table import CsvRow, CsvTable
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
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store.db import Database

Mapping = dict[int, str | None]
_ACCOUNT_NAME = TypeAdapter(AccountName)


def _check_generated_name(name: str, problems: dict[str, str]) -> None:
    """An account named after its contact must still be a valid account name."""
    try:
        _ACCOUNT_NAME.validate_python(name)
    except ValidationError as error:
        problems["account_name"] = next(iter(codes(error).values()))


@dataclass(frozen=True)
class PlannedRow:
    fate: RowFate
    row: ClientRow | None = None
    account_name: str = ""
    account_id: int | None = None    # an account already in the firm
    contact_id: int | None = None    # a contact already in the firm


class Planner:
    def __init__(self, db: Database, actor: Member) -> None:
        self.db, self.actor = db, actor
        self.members = {m.email: m.id for m in firm_store.list_members(db)}
        self.seen: dict[tuple[str, str], int] = {}        # row identity -> line
        self.new_accounts: set[str] = set()               # account keys started by the file
        self.emails: dict[str, int | None] = {}           # email -> contact in the firm, None: new
        self.linked: set[tuple[int, int]] = set()         # (existing account, existing contact)

    def plan(self, table: CsvTable, mapping: Mapping) -> list[PlannedRow]:
        return [self._row(csv_row, mapping) for csv_row in table.rows]

    def _row(self, csv_row: CsvRow, mapping: Mapping) -> PlannedRow:
        try:
            row = read_row(csv_row, mapping)
        except InvalidInput as error:
            cells = {f: clean_cell(c) for f, c in zip(mapping.values(), csv_row.cells, strict=False) if f}
            person = " ".join(filter(None, (cells.get("first_name"), cells.get("last_name"))))
            return PlannedRow(RowFate(csv_row.line, cells.get("account_name", ""), person, REJECTED,
                                      problems=tuple(error.errors.items())))
        name = row.account_name or generated_name([(row.first_name, row.last_name)])
        person = f"{row.first_name} {row.last_name}"
        key = row_key(row)
        if key in self.seen:
            return PlannedRow(RowFate(row.line, name, person, DUPLICATE, duplicate_of=self.seen[key]))
        problems: dict[str, str] = {}
        if not row.account_name:
            _check_generated_name(name, problems)
        if any(email not in self.members for email in row.team):
            problems["team"] = "unknown_member"
        fate, account_id = self._account(account_key(name), problems)
        contact_id, reused = self._contact(row.email, problems)
        if problems:
            return PlannedRow(RowFate(row.line, name, person, REJECTED, problems=tuple(problems.items())))
        if account_id is not None and contact_id is not None:
            if (account_id, contact_id) in self.linked or contact_store.link_row(self.db, account_id, contact_id):
                return PlannedRow(RowFate(row.line, name, person, ALREADY_LINKED, reused_contact=True))
            self.linked.add((account_id, contact_id))
        self._remember(row, key, fate, name, contact_id)
        return PlannedRow(RowFate(row.line, name, person, fate, reused_contact=reused), row, name,
                          account_id, contact_id)

    def _account(self, key: str, problems: dict[str, str]) -> tuple[str, int | None]:
        if key in self.new_accounts:
            return JOINS_NEW, None
        found = account_store.accounts_named(self.db, key)
        if len(found) > 1:
            problems["account_name"] = "ambiguous_account"
        elif found and not edits(self.actor, found[0]["team"]):
            problems["account_name"] = "account_locked"
        elif found:
            return JOINS_EXISTING, found[0]["id"]
        return NEW_ACCOUNT, None

    def _contact(self, email: str | None, problems: dict[str, str]) -> tuple[int | None, bool]:
        """The contact already in the firm with this email (or None), and whether one is reused."""
        if email is None:
            return None, False
        if email in self.emails:
            return self.emails[email], True
        contact_id = contact_store.contact_with_email(self.db, email)
        if contact_id is None:
            return None, False
        accounts = contact_store.accounts_of_contact(self.db, contact_id)
        # A contact only on accounts the actor cannot see is not theirs to link (nor to reveal).
        if accounts and not any(sees(self.actor, a["team"]) for a in accounts):
            problems["email"] = "email_taken"
        return contact_id, True

    def _remember(self, row: ClientRow, key: tuple[str, str], fate: str, name: str,
                  contact_id: int | None) -> None:
        self.seen[key] = row.line
        if fate == NEW_ACCOUNT:
            self.new_accounts.add(account_key(name))
        if row.email:
            self.emails.setdefault(row.email, contact_id)
