"""Accounts: the entity the firm works for and bills, with its address and custom fields."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from app.domain.fields import AccountName, Id, OptionalText


class AccountType(StrEnum):
    INDIVIDUAL = "individual"
    COMPANY = "company"
    OTHER = "other"


class QuickBooksStatus(StrEnum):
    NOT_CONNECTED = "not_connected"
    SYNCED = "synced"


class Address(BaseModel):
    model_config = ConfigDict(frozen=True)

    street: OptionalText = ""
    city: OptionalText = ""
    state: OptionalText = ""
    postal_code: OptionalText = ""
    country: OptionalText = ""

    @property
    def is_empty(self) -> bool:
        return not any((self.street, self.city, self.state, self.postal_code, self.country))


class Account(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Id | None = None
    name: AccountName
    type: AccountType
    address: Address = Address()
    quickbooks: QuickBooksStatus = QuickBooksStatus.NOT_CONNECTED
    created_at: datetime
    tag_ids: frozenset[int] = frozenset()
    team_member_ids: frozenset[int] = frozenset()
    # Custom field values by field id, stored as text and checked against the field's type.
    custom: dict[int, str] = {}
