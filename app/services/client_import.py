"""Import clients from CSV (F-MORE-3): read the file, map its columns, preview, import.

All-or-nothing by default: one rejected row and nothing is written. With `valid_only` the
accepted rows are written and the rejected ones reported. Either way, one transaction.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.access import can_create_account, can_view_account
from app.domain.accounts import Account, Address
from app.domain.client_rows import ClientRow, auto_map, mapping_errors
from app.domain.contacts import AccountContactLink, Contact, EmailSettings
from app.domain.csv_table import MAX_CSV_BYTES, CsvTable, parse_csv
from app.domain.errors import AccessDenied, FileRefused, InvalidInput
from app.domain.firm import Member, Tag
from app.domain.text import fold
from app.services.import_plan import Mapping, PlannedRow, Planner, Ref
from app.services.import_views import DUPLICATE, NEW_ACCOUNT, REJECTED, WRITES, ImportPlan, ImportReport
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store.db import Database

NEW_TAG_COLOR = "#64748b"   # tags named in a file get a neutral colour; it can be changed later


def _check(actor: Member) -> None:
    if not can_create_account(actor):
        raise AccessDenied("import clients")


def check_size(size: int) -> None:
    """Said before the file is read: a file this large is refused whole."""
    if size > MAX_CSV_BYTES:
        raise FileRefused("too_large", limit=str(MAX_CSV_BYTES // (1024 * 1024)))


def read_table(actor: Member, data: bytes) -> tuple[CsvTable, Mapping]:
    """The file's rows and the mapping guessed from its headers; FileRefused if unreadable."""
    _check(actor)
    try:
        table = parse_csv(data)
    except InvalidInput as error:
        raise FileRefused(error.errors.get("file", "invalid")) from None
    return table, auto_map(table.headers)


def plan_import(db: Database, actor: Member, table: CsvTable, mapping: Mapping) -> ImportPlan:
    """Each row's fate, for the preview; nothing is written."""
    _check(actor)
    problems = mapping_errors(mapping)
    if problems:
        return ImportPlan((), problems)
    return ImportPlan(tuple(p.fate for p in Planner(db, actor).plan(table, mapping)))


def run_import(db: Database, actor: Member, table: CsvTable, mapping: Mapping, valid_only: bool = False,
               now: datetime | None = None) -> ImportReport:
    _check(actor)
    if mapping_errors(mapping):
        raise FileRefused("mapping")
    planned = Planner(db, actor).plan(table, mapping)
    rejected = tuple(p.fate for p in planned if p.fate.fate == REJECTED)
    duplicates = tuple(p.fate for p in planned if p.fate.fate == DUPLICATE)
    if rejected and not valid_only:
        return ImportReport(False, 0, 0, 0, 0, rejected, duplicates)
    with db.transaction():
        writer = _Writer(db, actor, now or datetime.now())
        for item in planned:
            if item.fate.fate in WRITES:
                writer.write(item)
    return ImportReport(True, writer.accounts_added, len(writer.linked_existing), writer.contacts_added,
                        writer.contacts_reused, rejected, duplicates)


class _Writer:
    """Writes the planned rows, turning the plan's references into new or existing records."""

    def __init__(self, db: Database, actor: Member, now: datetime) -> None:
        self.db, self.actor, self.now = db, actor, now
        self.ids: dict[Ref, int] = {}           # a new account or contact of the file -> its id
        self.members = {m.email: m.id for m in firm_store.list_members(db)}
        self.tags = {fold(t.name): t.id for t in firm_store.list_tags(db)}
        self.linked_existing: set[int] = set()
        self.accounts_added = self.contacts_added = self.contacts_reused = 0

    def write(self, item: PlannedRow) -> None:
        account_id = self._account_id(item)
        contact_id = self._contact_id(item)
        emails = contact_store.get_contact(self.db, contact_id).emails
        contact_store.link(self.db, AccountContactLink(
            account_id=account_id, contact_id=contact_id, description=item.row.description,
            signer_priority=contact_store.last_signer_priority(self.db, account_id) + 1,
            emails=tuple(EmailSettings(email=e.address) for e in emails)), primary=item.fate.fate == NEW_ACCOUNT)

    def _account_id(self, item: PlannedRow) -> int:
        kind, key = item.account
        if kind == "id":
            self.linked_existing.add(key)
            return key
        if item.account not in self.ids:
            self.ids[item.account] = self._new_account(item)
        return self.ids[item.account]

    def _contact_id(self, item: PlannedRow) -> int:
        kind, key = item.contact
        if kind == "id":
            self.contacts_reused += 1
            return key
        if item.contact in self.ids:   # added by an earlier row of the file
            return self.ids[item.contact]
        self.ids[item.contact] = contact_store.insert_contact(self.db, _person(item.row))
        self.contacts_added += 1
        return self.ids[item.contact]

    def _new_account(self, item: PlannedRow) -> int:
        row = item.row
        team = {self.members[e] for e in row.team}
        if not can_view_account(self.actor, frozenset()):
            team.add(self.actor.id)   # as when creating an account by hand: they keep seeing it
        account = Account(name=item.account_name, type=row.account_type, created_at=self.now,
                          address=_address(row), tag_ids=frozenset(self._tag_id(n) for n in row.tags),
                          team_member_ids=frozenset(team))
        account_id = account_store.insert_account(self.db, account)
        for member_id in sorted(team):
            account_store.record_team_change(self.db, account_id, member_id, "added", self.actor.id, self.now)
        self.accounts_added += 1
        return account_id

    def _tag_id(self, name: str) -> int:
        if fold(name) not in self.tags:
            self.tags[fold(name)] = firm_store.insert_tag(self.db, Tag(name=name, color=NEW_TAG_COLOR))
        return self.tags[fold(name)]


def _address(row: ClientRow) -> Address:
    return Address(street=row.street, city=row.city, state=row.state, postal_code=row.postal_code,
                   country=row.country)


def _person(row: ClientRow) -> Contact:
    emails = [{"address": row.email, "primary": True}] if row.email else []
    emails += [{"address": e, "primary": not emails and i == 0} for i, e in enumerate(row.more_emails)]
    return Contact.model_validate({
        "first_name": row.first_name, "last_name": row.last_name, "emails": emails,
        "phones": [{"number": row.phone}] if row.phone else [], "address": _address(row)})
