"""Dataset records of what happened on an account: the 13 kinds of activity, notes and views."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.domain.dataset_types import Count, EmailText, IsoDate, IsoDateTime, Key, Label, Row, Text


class _OfAccount(Row):
    id: Key
    account_id: Key


class DocumentRow(_OfAccount):
    name: Label
    source: Literal["client", "firm"]
    by_name: Label
    created_at: IsoDateTime


class DocumentViewRow(Row):
    document_id: Key
    member_id: Key
    viewed_at: IsoDateTime


class TaskRow(_OfAccount):
    title: Label
    status: Literal["planned", "in_progress", "done"]
    due_on: IsoDate | None = None
    assignee_id: Key | None = None
    created_at: IsoDateTime


class EmailMessageRow(_OfAccount):
    subject: Text
    to_address: EmailText
    status: Literal["sent", "delivered", "opened", "bounced"]
    sent_at: IsoDateTime


class JobRow(_OfAccount):
    name: Label
    pipeline: Label
    stage: Label
    active: bool = True
    created_at: IsoDateTime


class ChatThreadRow(_OfAccount):
    subject: Text


class ChatMessageRow(Row):
    id: Key
    thread_id: Key
    from_client: bool
    sender_name: Label
    body: Text
    sent_at: IsoDateTime


class InvoiceRow(_OfAccount):
    number: Label
    issued_on: IsoDate
    due_on: IsoDate
    amount_cents: Count = Field(gt=0)
    paid_cents: Count = Field(default=0, ge=0)


class CreditRow(_OfAccount):
    amount_cents: Count
    note: Text = ""
    created_at: IsoDateTime


class ApprovalRow(_OfAccount):
    document_name: Label
    status: Literal["pending", "approved", "rejected"]
    requested_at: IsoDateTime


class SignatureRequestRow(_OfAccount):
    document_name: Label
    sent_at: IsoDateTime


class SignatureSignerRow(Row):
    request_id: Key
    contact_id: Key
    position: Count
    signed_at: IsoDateTime | None = None


class OrganizerRow(_OfAccount):
    name: Label
    status: Literal["sent", "in_progress", "completed"]
    progress: int = Field(ge=0, le=100)
    sent_at: IsoDateTime


class LoginEventRow(Row):
    id: Key
    contact_id: Key
    at: IsoDateTime
    mobile: bool = False


class NoteRow(_OfAccount):
    body: Text
    author_id: Key
    created_at: IsoDateTime
    updated_at: IsoDateTime | None = None


class TimeEntryRow(_OfAccount):
    member_id: Key
    worked_on: IsoDate
    minutes: Count = Field(gt=0)
    description: Text = ""
    billable: bool = True


class ProposalRow(_OfAccount):
    name: Label
    kind: Literal["proposal", "engagement_letter"]
    status: Literal["sent", "viewed", "signed", "declined"]
    sent_at: IsoDateTime
