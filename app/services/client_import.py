"""Import clients from CSV (F-MORE-3): read the file, map its columns, preview, import.

All-or-nothing by default: one rejected row and nothing is written. With `valid_only` the
accepted rows are written and the rejected ones reported. Either way, one transaction.

Each use case comes in steps (`..._steps`, see services/steps) for the browser, which runs
them between paints; the plain function runs them at once.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.access import can_create_account, can_view_account
from app.domain.accounts import Account, Address
from app.domain.client_rows import ClientRow, auto_map, mapping_errors
from app.domain.contacts import AccountContactLink, Contact, EmailSettings
from app.domain.csv_table import MAX_CSV_BYTES, CsvTable, parse_csv_steps
from app.domain.errors import AccessDenied, FileRefused, InvalidInput
from app.domain.firm import Member, Tag
from app.domain.text import fold
from app.services.import_plan import Mapping, PlannedRow, Planner, Ref
from app.services.import_views import DUPLICATE, NEW_ACCOUNT, REJECTED, WRITES, ImportPlan, ImportReport
from app.services.steps import Progress, Steps, chunks, run_all
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store import import_lookup as lookup
from app.store import search
from app.store.db import Database

NEW_TAG_COLOR = "#64748b"   # tags named in a file get a neutral colour; it can be changed later


def _check(actor: Member) -> None:
    if not can_create_account(actor):
        raise AccessDenied("import clients")


def check_size(size: int) -> None:
    """Said before the file is read: a file this large is refused whole."""
    if size > MAX_CSV_BYTES:
        raise FileRefused("too_large", limit=str(MAX_CSV_BYTES // (1024 * 1024)))


# Rows per step, so that no step is long at any file size: under CPython, at 10,000 rows,
# checking 150 rows or writing 50 takes about 5-10 ms (writing slows down a little as the
# transaction grows). The browser runs several steps a slice.
CHECK_PART = 150
WRITE_PART = 50
# Progress units of one row, so that the bar moves with the time spent: writing a row (four
# inserts and a link) costs about three times checking it.
CHECK_UNITS, WRITE_UNITS = 1, 3
READING, CHECKING, IMPORTING = "work.csv_reading", "work.csv_checking", "work.csv_importing"


def read_table_steps(actor: Member, data: bytes) -> Steps[tuple[CsvTable, Mapping]]:
    """The file's rows and the mapping guessed from its headers; FileRefused if unreadable."""
    _check(actor)
    return _reading(data)


def _reading(data: bytes) -> Steps[tuple[CsvTable, Mapping]]:
    try:
        parsing = parse_csv_steps(data)
        while True:
            try:
                done, total = next(parsing)
            except StopIteration as end:
                table = end.value
                break
            yield Progress(READING, done, total)
    except InvalidInput as error:
        raise FileRefused(error.errors.get("file", "invalid")) from None
    return table, auto_map(table.headers)


def read_table(actor: Member, data: bytes) -> tuple[CsvTable, Mapping]:
    return run_all(read_table_steps(actor, data))


def plan_import_steps(db: Database, actor: Member, table: CsvTable, mapping: Mapping) -> Steps[ImportPlan]:
    """Each row's fate, for the preview; nothing is written."""
    _check(actor)
    return _previewing(db, actor, table, mapping)


def _previewing(db: Database, actor: Member, table: CsvTable, mapping: Mapping) -> Steps[ImportPlan]:
    problems = mapping_errors(mapping)
    if problems:
        return ImportPlan((), problems)
    planned = yield from _checking(Planner(db, actor), table, mapping, len(table.rows) * CHECK_UNITS)
    return ImportPlan(tuple(p.fate for p in planned))


def plan_import(db: Database, actor: Member, table: CsvTable, mapping: Mapping) -> ImportPlan:
    return run_all(plan_import_steps(db, actor, table, mapping))


def _checking(planner: Planner, table: CsvTable, mapping: Mapping, total: int) -> Steps[list[PlannedRow]]:
    planned: list[PlannedRow] = []
    for part in chunks(list(table.rows), CHECK_PART):
        planned += planner.plan_part(part, mapping)
        yield Progress(CHECKING, len(planned) * CHECK_UNITS, total)
    return planned


def run_import_steps(db: Database, actor: Member, table: CsvTable, mapping: Mapping, valid_only: bool = False,
                     now: datetime | None = None) -> Steps[ImportReport]:
    """Checks the rows as the preview did, then writes them in one transaction held across the
    steps: closing the steps before the end rolls it back, and the firm's data stays as it was."""
    _check(actor)
    if mapping_errors(mapping):
        raise FileRefused("mapping")
    return _importing(db, actor, table, mapping, valid_only, now or datetime.now())


def _importing(db: Database, actor: Member, table: CsvTable, mapping: Mapping, valid_only: bool,
               now: datetime) -> Steps[ImportReport]:
    rows = len(table.rows)
    planned = yield from _checking(Planner(db, actor), table, mapping, rows * (CHECK_UNITS + WRITE_UNITS))
    rejected = tuple(p.fate for p in planned if p.fate.fate == REJECTED)
    duplicates = tuple(p.fate for p in planned if p.fate.fate == DUPLICATE)
    if rejected and not valid_only:
        return ImportReport(False, 0, 0, 0, 0, rejected, duplicates)
    writes = [p for p in planned if p.fate.fate in WRITES]
    checked, total = rows * CHECK_UNITS, rows * CHECK_UNITS + len(writes) * WRITE_UNITS
    with db.transaction():
        writer = _Writer(db, actor, now)
        for done, part in enumerate(chunks(writes, WRITE_PART)):
            writer.write_part(part)
            search.refresh_now(db)   # a part at a time: the commit then has no index left to build
            written = min(len(writes), (done + 1) * WRITE_PART)
            yield Progress(IMPORTING, checked + written * WRITE_UNITS, total)
    return ImportReport(True, writer.accounts_added, len(writer.linked_existing), writer.contacts_added,
                        writer.contacts_reused, rejected, duplicates)


def run_import(db: Database, actor: Member, table: CsvTable, mapping: Mapping, valid_only: bool = False,
               now: datetime | None = None) -> ImportReport:
    return run_all(run_import_steps(db, actor, table, mapping, valid_only, now))


class _Writer:
    """Writes the planned rows, turning the plan's references into new or existing records."""

    def __init__(self, db: Database, actor: Member, now: datetime) -> None:
        self.db, self.actor, self.now = db, actor, now
        self.ids: dict[Ref, int] = {}           # a new account or contact of the file -> its id
        self.members = {m.email: m.id for m in firm_store.list_members(db)}
        self.tags = {fold(t.name): t.id for t in firm_store.list_tags(db)}
        self.emails: dict[int, tuple[str, ...]] = {}   # contact id -> its addresses, primary first
        self.priorities: dict[int, int] = {}    # account id -> the last signer priority given
        self.linked_existing: set[int] = set()
        self.accounts_added = self.contacts_added = self.contacts_reused = 0

    def write_part(self, items: list[PlannedRow]) -> None:
        """Reads at once what the rows need of the firm's records (one query each, not per row)."""
        contacts = sorted({i.contact[1] for i in items if i.contact[0] == "id"} - self.emails.keys())
        for contact_id, contact in contact_store.contacts_by_id(self.db, contacts).items():
            self.emails[contact_id] = tuple(e.address for e in contact.emails)
        accounts = sorted({i.account[1] for i in items if i.account[0] == "id"} - self.priorities.keys())
        found = lookup.last_signer_priorities(self.db, accounts)
        self.priorities.update({a: found.get(a, 0) for a in accounts})
        for item in items:
            self.write(item)

    def write(self, item: PlannedRow) -> None:
        account_id = self._account_id(item)
        contact_id = self._contact_id(item)
        self.priorities[account_id] = priority = self.priorities.get(account_id, 0) + 1
        contact_store.link(self.db, AccountContactLink(
            account_id=account_id, contact_id=contact_id, description=item.row.description,
            signer_priority=priority, emails=tuple(EmailSettings(email=e) for e in self.emails[contact_id])),
            primary=item.fate.fate == NEW_ACCOUNT)

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
        person = _person(item.row)
        self.ids[item.contact] = contact_id = contact_store.insert_contact(self.db, person)
        self.emails[contact_id] = tuple(e.address for e in person.emails)
        self.contacts_added += 1
        return contact_id

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
