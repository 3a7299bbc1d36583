"""The whole firm as one document (F-MORE-3): the format of `Export JSON` and `Import dataset`.

One list per kind of record, each record with the ids that link it to others, so the file
reads like the database and any tool can join it. `docs/dataset.schema.json` is generated
from these models (`scripts/dataset_schema.py`); a test fails when it is out of date.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.domain.contacts import NotificationType
from app.domain.dataset_activity import (
    ApprovalRow,
    ChatMessageRow,
    ChatThreadRow,
    CreditRow,
    DocumentRow,
    DocumentViewRow,
    EmailMessageRow,
    InvoiceRow,
    JobRow,
    LoginEventRow,
    NoteRow,
    OrganizerRow,
    ProposalRow,
    SignatureRequestRow,
    SignatureSignerRow,
    TaskRow,
    TimeEntryRow,
)
from app.domain.dataset_rules import AcrossRecords
from app.domain.dataset_types import (
    Count,
    FromJsonObjectText,
    FromJsonText,
    IsoDate,
    IsoDateTime,
    Key,
    Label,
    PassphraseHash,
    Photo,
    Row,
    Text,
)
from app.domain.fields import AccountName, Color, Email, Name, OptionalText, Phone

# The names, not the enum: a JSON file is checked strictly, where only enum objects pass as enums.
NotificationName = Literal[tuple(t.value for t in NotificationType)]  # type: ignore[valid-type]

FORMAT = "fascicolo-dataset"
VERSION = 2
READS = (1, 2)   # the versions an import accepts; an older one is brought up to VERSION first


class FirmRow(Row):
    id: Literal[1] = 1
    name: Name
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    street: OptionalText = ""
    city: OptionalText = ""
    postal_code: OptionalText = ""
    province: OptionalText = ""
    country: OptionalText = ""
    vat_number: OptionalText = ""
    language: Literal["", "en", "it"] = ""
    idle_minutes: int = Field(default=15, ge=1, le=480)
    demo: bool = False


class MemberRow(Row):
    id: Key
    first_name: Name
    last_name: Name
    email: Email
    role: Literal["owner", "admin", "employee"]
    view_all_accounts: bool = False
    manage_accounts: bool = False
    export_clients: bool = False
    active: bool = True
    passphrase_hash: PassphraseHash | None = None
    must_change_passphrase: bool = False


class FirmEventRow(Row):
    """One line of the firm's history of settings changes; actor_id is null for the app itself."""

    id: Key
    at: IsoDateTime
    actor_id: Key | None = None
    action: Label
    subject: Text = ""
    detail: Annotated[dict[str, Text], FromJsonObjectText] = {}


class TagRow(Row):
    id: Key
    name: Name
    color: Color


class CustomFieldRow(Row):
    id: Key
    scope: Literal["account", "contact"]
    label: Name
    type: Literal["text", "number", "date", "dropdown", "checkbox", "email", "phone", "address"]
    options: Annotated[list[Name], FromJsonText] = []
    position: Count = 0


class AccountRow(Row):
    id: Key
    name: AccountName
    type: Literal["individual", "company", "other"]
    street: OptionalText = ""
    city: OptionalText = ""
    state: OptionalText = ""
    postal_code: OptionalText = ""
    country: OptionalText = ""
    quickbooks: Literal["not_connected", "synced"] = "not_connected"
    photo: Photo | None = None
    created_at: IsoDateTime


class AccountTagRow(Row):
    account_id: Key
    tag_id: Key


class AccountTeamRow(Row):
    account_id: Key
    member_id: Key


class TeamHistoryRow(Row):
    id: Key
    account_id: Key
    member_id: Key
    action: Literal["added", "removed"]
    by_member_id: Key | None = None
    at: IsoDateTime


class AccountFieldValueRow(Row):
    account_id: Key
    field_id: Key
    value: Text


class ContactRow(Row):
    id: Key
    first_name: Name
    middle_name: OptionalText = ""
    last_name: Name
    street: OptionalText = ""
    city: OptionalText = ""
    state: OptionalText = ""
    postal_code: OptionalText = ""
    country: OptionalText = ""
    birth_date: IsoDate | None = None
    tax_id: OptionalText = ""
    mobile_app_last_login: IsoDateTime | None = None


class ContactEmailRow(Row):
    id: Key
    contact_id: Key
    address: Email
    is_primary: bool = False


class ContactPhoneRow(Row):
    id: Key
    contact_id: Key
    number: Phone
    label: OptionalText = ""


class ContactFieldValueRow(Row):
    contact_id: Key
    field_id: Key
    value: Text


class AccountContactRow(Row):
    account_id: Key
    contact_id: Key
    description: OptionalText = ""
    signer_priority: Count = 0
    is_primary: bool = False


class EmailSettingsRow(Row):
    account_id: Key
    contact_id: Key
    email_id: Key
    login: Literal["off", "invited", "active"] = "off"
    invited_at: IsoDateTime | None = None
    notify: bool = False
    notify_types: Annotated[list[NotificationName], FromJsonText] = []
    email_sync: bool = False
    can_sign: bool = True

    @model_validator(mode="after")
    def _invited_has_time(self) -> EmailSettingsRow:
        if self.login == "invited" and self.invited_at is None:
            raise ValueError("invited_at")
        return self


class Dataset(BaseModel):
    """The document: a format name and version, the firm, then every kind of record."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Fascicolo dataset")

    format: Literal["fascicolo-dataset"]
    version: Literal[2]
    firm: FirmRow
    members: list[MemberRow] = Field(min_length=1)
    firm_events: list[FirmEventRow]
    tags: list[TagRow]
    custom_fields: list[CustomFieldRow]
    accounts: list[AccountRow]
    account_tags: list[AccountTagRow]
    account_team: list[AccountTeamRow]
    team_history: list[TeamHistoryRow]
    account_field_values: list[AccountFieldValueRow]
    contacts: list[ContactRow]
    contact_emails: list[ContactEmailRow]
    contact_phones: list[ContactPhoneRow]
    contact_field_values: list[ContactFieldValueRow]
    account_contacts: list[AccountContactRow]
    email_settings: list[EmailSettingsRow]
    documents: list[DocumentRow]
    document_views: list[DocumentViewRow]
    tasks: list[TaskRow]
    email_messages: list[EmailMessageRow]
    jobs: list[JobRow]
    chat_threads: list[ChatThreadRow]
    chat_messages: list[ChatMessageRow]
    invoices: list[InvoiceRow]
    credits: list[CreditRow]
    approvals: list[ApprovalRow]
    signature_requests: list[SignatureRequestRow]
    signature_signers: list[SignatureSignerRow]
    organizers: list[OrganizerRow]
    login_events: list[LoginEventRow]
    notes: list[NoteRow]
    time_entries: list[TimeEntryRow]
    proposals: list[ProposalRow]

    @model_validator(mode="after")
    def _rules_across_records(self) -> Dataset:
        across = AcrossRecords()
        for name in AcrossRecords.NEEDS:
            across.add_rows(name, getattr(self, name))
        broken = across.broken()
        if broken:
            raise ValueError(broken)
        return self


# The record lists in the order they can be written (a record after those it refers to).
RECORD_LISTS: tuple[str, ...] = tuple(name for name in Dataset.model_fields if name not in ("format", "version"))


def row_fields(list_name: str) -> tuple[str, ...]:
    """The columns of one record list, in the file's order."""
    annotation = Dataset.model_fields[list_name].annotation
    model = annotation.__args__[0] if list_name != "firm" else annotation
    return tuple(model.model_fields)


# What version 2 added, and what it means for a version-1 document: every member could export
# the clients they saw, none had a passphrase (the owner chooses one at the first sign-in), and
# there was no history. The firm's new fields take their defaults: no letterhead, not the demo.
_NEW_FIRM_FIELDS = ("street", "city", "postal_code", "province", "country", "vat_number", "language",
                    "idle_minutes", "demo")
_VERSION_1_MEMBER = {"export_clients": True, "active": True, "passphrase_hash": None,
                     "must_change_passphrase": False}


class NotVersion1(ValueError):
    """A version-1 document with a key only version 2 has; `loc` says where, as pydantic would."""

    def __init__(self, loc: tuple[str | int, ...]) -> None:
        super().__init__("extra_forbidden")
        self.loc = loc


def from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document as version 2 says it. Anything else wrong is left for the models to name."""
    if "firm_events" in document:
        raise NotVersion1(("firm_events",))
    upgraded = {**document, "version": VERSION, "firm_events": []}
    if isinstance(document.get("firm"), dict):
        _refuse_new(("firm",), document["firm"], _NEW_FIRM_FIELDS)
    if isinstance(document.get("members"), list):
        upgraded["members"] = [_member_of_version_1(index, m) for index, m in enumerate(document["members"])]
    return upgraded


def _member_of_version_1(index: int, member: Any) -> Any:
    if not isinstance(member, dict):
        return member
    _refuse_new(("members", index), member, tuple(_VERSION_1_MEMBER))
    return {**member, **_VERSION_1_MEMBER}


def _refuse_new(loc: tuple[str | int, ...], record: dict[str, Any], new_fields: tuple[str, ...]) -> None:
    for name in new_fields:
        if name in record:
            raise NotVersion1((*loc, name))
