"""What the CSV import shows: each row's fate in the preview, and the report afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field

# A row's fate: what the import does (or did) with it.
NEW_ACCOUNT = "new_account"          # starts a new account
JOINS_NEW = "joins_new"              # joins the new account an earlier row started
JOINS_EXISTING = "joins_existing"    # is linked to an account already in the firm
ALREADY_LINKED = "already_linked"    # the contact is already on that account: nothing to do
DUPLICATE = "duplicate"              # repeats an earlier row of the file: skipped
REJECTED = "rejected"                # has a problem: see `problems`
WRITES = (NEW_ACCOUNT, JOINS_NEW, JOINS_EXISTING)


@dataclass(frozen=True)
class RowFate:
    line: int
    account: str
    person: str
    fate: str
    reused_contact: bool = False     # the email matched a contact already known
    problems: tuple[tuple[str, str], ...] = ()    # (field, code)
    duplicate_of: int | None = None


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[RowFate, ...]
    mapping_problems: dict[str, str] = field(default_factory=dict)

    def count(self, fate: str) -> int:
        return sum(1 for r in self.rows if r.fate == fate)

    @property
    def rejected(self) -> tuple[RowFate, ...]:
        return tuple(r for r in self.rows if r.fate == REJECTED)


@dataclass(frozen=True)
class ImportReport:
    imported: bool                   # False: refused whole (rejected rows, all-or-nothing)
    accounts_added: int
    accounts_linked: int
    contacts_added: int
    contacts_reused: int
    rejected: tuple[RowFate, ...]
    duplicates: tuple[RowFate, ...]
