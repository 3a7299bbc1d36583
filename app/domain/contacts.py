"""Contacts (people) and their links to accounts, with per-email portal and notification settings."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from app.domain.accounts import Address
from app.domain.fields import Email, Id, Name, OptionalText, Phone


class ContactEmail(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    address: Email
    primary: bool = False


class ContactPhone(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: Phone
    label: OptionalText = ""


class Contact(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    first_name: Name
    middle_name: OptionalText = ""
    last_name: Name
    emails: tuple[ContactEmail, ...] = ()
    phones: tuple[ContactPhone, ...] = ()
    address: Address = Address()
    birth_date: date | None = None
    tax_id: OptionalText = ""
    mobile_app_last_login: datetime | None = None
    custom: dict[int, str] = {}

    @model_validator(mode="after")
    def _one_primary_unique_emails(self) -> Contact:
        addresses = [e.address for e in self.emails]
        if len(set(addresses)) != len(addresses):
            raise ValueError("duplicate_email")
        if self.emails and sum(e.primary for e in self.emails) != 1:
            raise ValueError("primary")
        return self

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_name, self.last_name) if p)

    @property
    def primary_email(self) -> str | None:
        return next((e.address for e in self.emails if e.primary), None)


class LoginState(StrEnum):
    OFF = "off"
    INVITED = "invited"
    ACTIVE = "active"


class NotificationType(StrEnum):
    MESSAGE = "message"
    DOCUMENT = "document"
    ORGANIZER = "organizer"
    INVOICE = "invoice"
    SIGNATURE = "signature"
    TASK = "task"


class EmailSettings(BaseModel):
    """What one email address of a linked contact may do for one account (F-DATA-3)."""

    model_config = ConfigDict(frozen=True)

    email: Email
    login: LoginState = LoginState.OFF
    invited_at: datetime | None = None
    notify: bool = False
    notify_types: frozenset[NotificationType] = frozenset()
    email_sync: bool = False
    can_sign: bool = True

    @model_validator(mode="after")
    def _invited_has_time(self) -> EmailSettings:
        if self.login is LoginState.INVITED and self.invited_at is None:
            raise ValueError("invited_at")
        return self


class AccountContactLink(BaseModel):
    model_config = ConfigDict(frozen=True)

    account_id: Id
    contact_id: Id
    description: OptionalText = ""
    signer_priority: int = 0
    emails: tuple[EmailSettings, ...] = ()
