"""The Firm part of Settings: its name (shown in the sidebar) and letterhead."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.access import can_manage_settings
from app.domain.errors import AccessDenied
from app.domain.firm import Firm, FirmDetails, Member
from app.domain.validation import validate
from app.services import firm_history
from app.services.firm import firm_info
from app.store import firm as firm_store
from app.store.db import Database


def firm_form(db: Database, actor: Member) -> Firm:
    if not can_manage_settings(actor):
        raise AccessDenied("settings")
    return firm_info(db)


def update_firm(db: Database, actor: Member, data: dict[str, Any], now: datetime | None = None) -> Firm:
    before = firm_form(db, actor)
    # A field the form did not send keeps its value (never reset to a default).
    form = validate(FirmDetails, {**before.model_dump(include=set(FirmDetails.model_fields)), **data})
    after = before.model_copy(update=form.model_dump())
    changed = [k for k in form.model_dump() if getattr(before, k) != getattr(after, k)]
    if changed:
        with db.transaction():
            firm_store.save_firm(db, after)
            firm_history.record(db, actor, "firm_changed", after.name, now or datetime.now(),
                                fields=", ".join(changed))
    return after
