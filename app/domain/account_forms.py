"""What the account forms accept (F-EDIT-1…6, F-MORE-1), before the service checks ids."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

from app.domain.accounts import AccountType, Address
from app.domain.fields import AccountName, Color, Email, Name, OptionalText


class NewTagInput(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: Name
    color: Color = "#4b5563"


class AccountDetailsInput(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: AccountName
    type: AccountType
    tag_ids: frozenset[int] = frozenset()
    team_member_ids: frozenset[int] = frozenset()
    address: Address = Address()
    custom: dict[int, str] = {}   # raw text by field id, checked by custom_fields.clean_values
    new_tag: NewTagInput | None = None  # a tag the firm creates here and gives this account

    @field_validator("new_tag", mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        if isinstance(value, dict) and not str(value.get("name", "")).strip():
            return None  # the "new tag" row left empty
        return value


class NewContactInput(BaseModel):
    model_config = ConfigDict(frozen=True)

    first_name: Name
    middle_name: OptionalText = ""
    last_name: Name
    email: Email | None = None
    more_emails: tuple[Email, ...] = ()   # further addresses (F-INFO-CONTACTS-d)
    phone: OptionalText = ""
    description: OptionalText = ""
    address: Address = Address()
    custom: dict[int, str] = {}          # contact custom fields, checked by custom_fields


class NewAccountInput(BaseModel):
    """A new account with its first contact: a new person, or one already in the firm."""

    model_config = ConfigDict(frozen=True)

    type: AccountType
    name: AccountName | None = None         # None: generated from the contact
    contact: NewContactInput | None = None
    existing_contact_id: int | None = None
