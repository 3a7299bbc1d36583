"""The firm's history of changes (Settings): who changed what, and when.

Every settings service records its change here inside its own transaction, so a change and
its line in the history are written together or not at all.
"""

from __future__ import annotations

import json
from datetime import datetime

from app.domain.access import can_manage_settings
from app.domain.errors import AccessDenied
from app.domain.firm import Member
from app.services.settings_views import EventView
from app.store import firm as firm_store
from app.store.db import Database

PAGE_SIZE = 50


def record(db: Database, actor: Member | None, action: str, subject: str = "",
           now: datetime | None = None, **detail: str) -> None:
    """`action` names the change (a message key `history.<action>`); `subject` what it was done to."""
    at = (now or datetime.now()).isoformat(timespec="seconds")
    firm_store.record_event(db, at, actor.id if actor else None, action, subject,
                            {k: str(v) for k, v in detail.items()})


def history(db: Database, actor: Member, limit: int = PAGE_SIZE) -> tuple[list[EventView], int]:
    """The newest `limit` lines and how many there are in all."""
    if not can_manage_settings(actor):
        raise AccessDenied("firm history")
    rows = firm_store.firm_events(db, limit)
    views = [EventView(r["at"], r["actor"] or "", r["action"], r["subject"], json.loads(r["detail"] or "{}"))
             for r in rows]
    return views, firm_store.count_firm_events(db)
