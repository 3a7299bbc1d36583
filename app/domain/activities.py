"""The thirteen kinds of activity record kept per account (SPEC §1, §4).

Money is held in integer cents: exact, and what the store keeps.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.domain.fields import Id, Name, OptionalText


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    account_id: Id


class DocumentSource(StrEnum):
    CLIENT = "client"   # uploaded by the client
    FIRM = "firm"       # shared with the client by the firm


class Document(_Record):
    name: Name
    source: DocumentSource
    by_name: Name
    created_at: datetime


class TaskStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Task(_Record):
    title: Name
    status: TaskStatus
    due_on: date | None = None
    assignee_id: Id | None = None
    created_at: datetime


class EmailStatus(StrEnum):
    SENT = "sent"
    DELIVERED = "delivered"
    OPENED = "opened"
    BOUNCED = "bounced"


class EmailMessage(_Record):
    subject: Name
    to_address: str
    status: EmailStatus
    sent_at: datetime


class Job(_Record):
    name: Name
    pipeline: Name
    stage: Name
    active: bool = True
    created_at: datetime


class ChatMessage(BaseModel):
    model_config = ConfigDict(frozen=True)

    from_client: bool
    sender_name: Name
    body: OptionalText
    sent_at: datetime


class ChatThread(_Record):
    subject: Name
    messages: tuple[ChatMessage, ...] = ()


class Invoice(_Record):
    number: Name
    issued_on: date
    due_on: date
    amount_cents: int = Field(gt=0)
    paid_cents: int = Field(default=0, ge=0)


class Credit(_Record):
    """Money the client has in advance with the firm; invoices may be paid from it."""

    amount_cents: int
    note: OptionalText = ""
    created_at: datetime


class ApprovalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Approval(_Record):
    document_name: Name
    status: ApprovalStatus
    requested_at: datetime


class Signer(BaseModel):
    model_config = ConfigDict(frozen=True)

    contact_id: Id
    position: int
    signed_at: datetime | None = None


class SignatureRequest(_Record):
    document_name: Name
    sent_at: datetime
    signers: tuple[Signer, ...] = ()


class OrganizerStatus(StrEnum):
    SENT = "sent"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class Organizer(_Record):
    name: Name
    status: OrganizerStatus
    progress: int = Field(ge=0, le=100)
    sent_at: datetime


class LoginEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    contact_id: Id
    at: datetime
    mobile: bool = False


class Note(_Record):
    body: Name
    author_id: Id
    created_at: datetime
    updated_at: datetime | None = None


class TimeEntry(_Record):
    member_id: Id
    worked_on: date
    minutes: int = Field(gt=0, le=24 * 60)
    description: OptionalText = ""
    billable: bool = True


class ProposalKind(StrEnum):
    PROPOSAL = "proposal"
    ENGAGEMENT_LETTER = "engagement_letter"


class ProposalStatus(StrEnum):
    SENT = "sent"
    VIEWED = "viewed"
    SIGNED = "signed"
    DECLINED = "declined"


class Proposal(_Record):
    name: Name
    kind: ProposalKind
    status: ProposalStatus
    sent_at: datetime
