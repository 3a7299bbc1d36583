"""What the Settings and set-up forms send, checked before anything is written (F-FIRM-1)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.fields import Email, Name, OptionalText
from app.domain.firm import Right

Rights = frozenset[Right]


class FirmInput(BaseModel):
    """The Firm part of Settings: the name and the letterhead."""

    model_config = ConfigDict(frozen=True)

    name: Name
    street: OptionalText = ""
    city: OptionalText = ""
    postal_code: OptionalText = ""
    province: OptionalText = ""
    country: OptionalText = ""
    vat_number: OptionalText = ""
    language: Literal["", "en", "it"] = ""
    idle_minutes: int = Field(default=15, ge=1, le=480)


class MemberInput(BaseModel):
    """Add member / Edit member. An owner comes only from a hand-over, never from this form."""

    model_config = ConfigDict(frozen=True)

    first_name: Name
    last_name: Name
    email: Email
    role: Literal["admin", "employee"] = "employee"
    rights: Rights = frozenset()


class SetupInput(BaseModel):
    """Set up my firm: the firm's name and its owner (the person setting it up)."""

    model_config = ConfigDict(frozen=True)

    firm_name: Name
    first_name: Name
    last_name: Name
    email: Email
    starter: bool = False
