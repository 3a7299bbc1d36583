"""From the demo to a firm of its own (F-FIRM-1): one step, one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain import starter
from app.domain.errors import AccessDenied
from app.domain.firm import Firm, Member, Role
from app.domain.firm_forms import SetupInput
from app.domain.passphrase import Kdf, check_new, hash_passphrase
from app.domain.validation import every_check, validate
from app.services import firm_history
from app.store import firm as firm_store
from app.store import reset as reset_store
from app.store.db import Database


def is_demo(db: Database) -> bool:
    firm = firm_store.get_firm(db)
    return firm is not None and firm.demo


async def create_firm(db: Database, actor: Member, data: dict[str, Any], kdf: Kdf,
                      now: datetime | None = None) -> Member:
    """Replace the demo with an empty firm owned by the person setting it up; returns the owner.

    Only from the demo: a firm of its own is never wiped by this (Reset to demo data is the
    confirmed, owner-and-admin way back)."""
    if not is_demo(db):
        raise AccessDenied("set up a firm: only the demo can be replaced")
    form = _checked(data)
    hashed = await hash_passphrase(str(data["passphrase"]), kdf)
    owner = Member(first_name=form.first_name, last_name=form.last_name, email=form.email, role=Role.OWNER)
    with db.transaction():
        reset_store.erase_everything(db)
        firm_store.save_firm(db, Firm(name=form.firm_name, demo=False))
        owner = owner.model_copy(update={"id": firm_store.insert_member(db, owner, hashed),
                                         "has_passphrase": True})
        if form.starter:
            _insert_starter(db)
        firm_history.record(db, owner, "firm_created", form.firm_name, now or datetime.now())
    return owner


def _checked(data: dict[str, Any]) -> SetupInput:
    form, _ = every_check(
        lambda: validate(SetupInput, {**data, "starter": data.get("starter") == "true"}),
        lambda: check_new(str(data.get("passphrase") or ""), str(data.get("repeat") or "")))
    return form


def _insert_starter(db: Database) -> None:
    for tag in starter.TAGS:
        firm_store.insert_tag(db, tag)
    for fields in (starter.ACCOUNT_FIELDS, starter.CONTACT_FIELDS):
        for position, field in enumerate(fields):
            firm_store.insert_custom_field(db, field.model_copy(update={"position": position}))
