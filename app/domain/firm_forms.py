"""What the member and set-up forms send, checked before anything is written (F-FIRM-1).

The Firm part of Settings sends `app.domain.firm.FirmDetails`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from app.domain.fields import Email, Name
from app.domain.firm import Right

Rights = frozenset[Right]


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
