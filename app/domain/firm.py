"""The firm and its people: members with roles and rights, tags, custom-field definitions."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.fields import Color, Email, Id, Name, OptionalText


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    EMPLOYEE = "employee"


class Right(StrEnum):
    VIEW_ALL_ACCOUNTS = "view_all_accounts"
    MANAGE_ACCOUNTS = "manage_accounts"
    # Take the clients an employee sees away as a spreadsheet (Export clients CSV).
    EXPORT_CLIENTS = "export_clients"


class Member(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    first_name: Name
    last_name: Name
    email: Email
    role: Role
    rights: frozenset[Right] = frozenset()
    active: bool = True
    # Set by someone else (new member, reset): to be replaced at the next sign-in.
    must_change_passphrase: bool = False
    has_passphrase: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def initials(self) -> str:
        return (self.first_name[:1] + self.last_name[:1]).upper()


class Tag(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    name: Name
    color: Color


class FieldType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    DROPDOWN = "dropdown"
    CHECKBOX = "checkbox"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"


class FieldScope(StrEnum):
    ACCOUNT = "account"
    CONTACT = "contact"


class CustomFieldDefinition(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    scope: FieldScope
    label: Name
    type: FieldType
    options: tuple[Name, ...] = ()
    position: int = 0


class FirmDetails(BaseModel):
    """What the Firm part of Settings edits: the name, the letterhead, language and idle lock."""

    model_config = ConfigDict(frozen=True)

    name: Name
    # The letterhead: where the firm is and its VAT number.
    street: OptionalText = ""
    city: OptionalText = ""
    postal_code: OptionalText = ""
    province: OptionalText = ""
    country: OptionalText = ""
    vat_number: OptionalText = ""
    language: Literal["", "en", "it"] = ""   # "": each device follows its browser
    idle_minutes: int = Field(default=15, ge=1, le=480)


class Firm(FirmDetails):
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    demo: bool = False   # the demo firm: anyone may act as any member, no passphrases
