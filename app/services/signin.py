"""Signing in to a firm of its own (F-FIRM-2): who may, with which passphrase.

Nothing here runs for the demo firm, whose member switcher is free. Refusals do not say
which part was wrong: a wrong passphrase and an unknown or deactivated member look alike.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.errors import DomainError, InvalidInput
from app.domain.firm import Member, Role
from app.domain.passphrase import Kdf, check_new, hash_passphrase, verify
from app.services import firm_history
from app.store import firm as firm_store
from app.store.db import Database


class SignInRefused(DomainError):
    """The member and passphrase do not match an active member."""


def sign_in_choices(db: Database) -> list[Member]:
    """Whom the sign-in page offers: the active members, by name."""
    return sorted(firm_store.list_members(db), key=lambda m: (m.last_name.casefold(), m.first_name.casefold()))


async def sign_in(db: Database, member_id: int, passphrase: str, kdf: Kdf) -> Member:
    """The member, once the passphrase matches. An owner with no passphrase yet (a firm imported
    from a version-1 file) is let in to choose one at once; nobody else without one is."""
    member = firm_store.get_member(db, member_id)
    stored = firm_store.passphrase_hash(db, member_id) if member else None
    matches = await verify(stored, passphrase, kdf)   # run even for an unknown member: same time
    if member is None or not member.active:
        raise SignInRefused()
    if stored is None and member.role is Role.OWNER:
        return member   # has_passphrase is False: the app asks for one at once
    if not matches:
        raise SignInRefused()
    return member


async def choose_passphrase(db: Database, actor: Member, data: dict[str, Any], kdf: Kdf,
                            now: datetime | None = None) -> None:
    """The member's own new passphrase (first sign-in, or a change from the sidebar)."""
    new, repeat = str(data.get("passphrase") or ""), str(data.get("repeat") or "")
    check_new(new, repeat)
    hashed = await hash_passphrase(new, kdf)
    with db.transaction():
        firm_store.set_passphrase(db, actor.id, hashed, must_change=False)
        firm_history.record(db, actor, "passphrase_changed", actor.full_name, now or datetime.now())


async def change_passphrase(db: Database, actor: Member, data: dict[str, Any], kdf: Kdf,
                            now: datetime | None = None) -> None:
    """Change your own passphrase: the current one first, so an open unattended tab is not enough."""
    errors: dict[str, str] = {}
    try:
        check_new(str(data.get("passphrase") or ""), str(data.get("repeat") or ""))
    except InvalidInput as error:
        errors.update(error.errors)
    if not await verify(firm_store.passphrase_hash(db, actor.id), str(data.get("current") or ""), kdf):
        errors["current"] = "passphrase_wrong"
    if errors:
        raise InvalidInput(errors)
    await choose_passphrase(db, actor, data, kdf, now)
