"""What the contact forms accept (F-EDIT-7, F-INFO-CONTACTS)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from app.domain.accounts import Address
from app.domain.contacts import NotificationType
from app.domain.fields import Email, Name, OptionalText, Phone


class DescriptionInput(BaseModel):
    model_config = ConfigDict(frozen=True)

    description: OptionalText = ""


class ContactDetailsInput(BaseModel):
    """A contact's personal data; `primary` is the index in `emails` of the primary address."""

    model_config = ConfigDict(frozen=True)

    first_name: Name
    middle_name: OptionalText = ""
    last_name: Name
    emails: tuple[Email, ...] = ()
    primary: int = 0
    phones: tuple[Phone, ...] = ()
    address: Address = Address()
    tax_id: OptionalText = ""
    custom: dict[int, str] = {}  # raw text by contact field id, checked by custom_fields.clean_values


class NotificationInput(BaseModel):
    model_config = ConfigDict(frozen=True)

    types: frozenset[NotificationType] = frozenset()
