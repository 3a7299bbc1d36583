"""Team members in Settings: add, edit, deactivate, reactivate, reset a passphrase, hand over
ownership (F-FIRM-1). Owner and admins only; an admin may not change the owner.

Members are never deleted: notes, history and time entries keep pointing at them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.access import can_change_member, can_hand_over_ownership, can_manage_settings
from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.domain.firm import Member, Right, Role
from app.domain.firm_forms import MemberInput
from app.domain.passphrase import Kdf, check_new, hash_passphrase
from app.domain.validation import every_check, validate
from app.services import firm_history
from app.store import accounts as account_store
from app.store import firm as firm_store
from app.store.db import Database


def _settings(actor: Member) -> None:
    if not can_manage_settings(actor):
        raise AccessDenied("settings")


def _as_stored(db: Database, actor: Member) -> Member:
    """The actor as the database has them now: a tab that has not seen a hand-over or a
    deactivation must not act on the role it remembers."""
    current = firm_store.get_member(db, actor.id) if actor.id else None
    if current is None:
        raise AccessDenied("unknown member")
    return current


def team(db: Database, actor: Member) -> list[Member]:
    """Every member, deactivated ones too (they can be reactivated)."""
    _settings(actor)
    return firm_store.list_members(db, include_inactive=True)


def _target(db: Database, actor: Member, member_id: int) -> Member:
    actor = _as_stored(db, actor)
    _settings(actor)
    member = firm_store.get_member(db, member_id)
    if member is None:
        raise NotFound(f"member {member_id}")
    if not can_change_member(actor, member):
        raise AccessDenied(f"member {member_id}")
    return member


def _rights(data: dict[str, Any]) -> dict[str, Any]:
    """The form sends the ticked rights' names; unknown ones are refused by the model."""
    rights = data.get("rights") or []
    return {**data, "rights": [rights] if isinstance(rights, str) else list(rights)}


def _checked(db: Database, data: dict[str, Any], member_id: int | None = None) -> MemberInput:
    def unique_email() -> None:
        email = str(data.get("email") or "").strip().lower()
        if any(m.email == email and m.id != member_id for m in firm_store.list_members(db, include_inactive=True)):
            raise InvalidInput({"email": "duplicate_member_email"})

    form, _ = every_check(lambda: validate(MemberInput, _rights(data)), unique_email)
    return form


def _now(now: datetime | None) -> datetime:
    return now or datetime.now()


async def add_member(db: Database, actor: Member, data: dict[str, Any], kdf: Kdf,
                     now: datetime | None = None) -> int:
    """A new member with a first passphrase set by `actor`, to be replaced at their first sign-in."""
    _settings(actor)
    passphrase = str(data.get("passphrase") or "")
    form, _ = every_check(lambda: _checked(db, data), lambda: check_new(passphrase, passphrase))
    hashed = await hash_passphrase(passphrase, kdf)
    member = Member(first_name=form.first_name, last_name=form.last_name, email=form.email,
                    role=Role(form.role), rights=_employee_rights(form), must_change_passphrase=True)
    with db.transaction():
        member_id = firm_store.insert_member(db, member, hashed)
        firm_history.record(db, actor, "member_added", member.full_name, _now(now), role=form.role)
    return member_id


def _employee_rights(form: MemberInput) -> frozenset[Right]:
    # Owner and admins may do everything: rights are an employee's alone.
    return form.rights if form.role == "employee" else frozenset()


def update_member(db: Database, actor: Member, member_id: int, data: dict[str, Any],
                  now: datetime | None = None) -> Member:
    before = _target(db, actor, member_id)
    if before.role is Role.OWNER:
        data = {**data, "role": "admin"}   # the form has no Owner; ownership moves only by hand-over
    form = _checked(db, data, member_id)
    role = Role.OWNER if before.role is Role.OWNER else Role(form.role)
    after = before.model_copy(update={"first_name": form.first_name, "last_name": form.last_name,
                                      "email": form.email, "role": role,
                                      "rights": _employee_rights(form) if role is Role.EMPLOYEE else frozenset()})
    changes = [k for k in ("first_name", "last_name", "email", "role", "rights")
               if getattr(before, k) != getattr(after, k)]
    if not changes:
        return after
    with db.transaction():
        firm_store.update_member(db, after)
        firm_history.record(db, actor, "member_changed", after.full_name, _now(now),
                            role=after.role.value, rights=",".join(r.value for r in Right if r in after.rights))
    return after


def deactivate(db: Database, actor: Member, member_id: int, now: datetime | None = None) -> str:
    """They can no longer sign in and leave every team (recorded in each account's history)."""
    member = _target(db, actor, member_id)
    if member.id == actor.id:
        raise InvalidInput({"member": "deactivate_self"})
    if member.role is Role.OWNER:
        raise InvalidInput({"member": "deactivate_owner"})
    if not member.active:
        return member.full_name   # already: nothing to change, nothing to record
    at = _now(now)
    with db.transaction():
        firm_store.update_member(db, member.model_copy(update={"active": False}))
        for account_id in account_store.account_ids_of_member(db, member_id):
            team_ids = account_store.team_ids(db, account_id)
            account_store.set_team(db, account_id, team_ids - {member_id})
            account_store.record_team_change(db, account_id, member_id, "removed", actor.id, at)
        firm_history.record(db, actor, "member_deactivated", member.full_name, at)
    return member.full_name


def reactivate(db: Database, actor: Member, member_id: int, now: datetime | None = None) -> str:
    """Back with the same role and rights; teams are given again by hand, as for anyone new."""
    member = _target(db, actor, member_id)
    if member.active:
        return member.full_name
    with db.transaction():
        firm_store.update_member(db, member.model_copy(update={"active": True}))
        firm_history.record(db, actor, "member_reactivated", member.full_name, _now(now))
    return member.full_name


async def reset_passphrase(db: Database, actor: Member, member_id: int, data: dict[str, Any], kdf: Kdf,
                           now: datetime | None = None) -> str:
    """A passphrase set by someone else: the member replaces it at the next sign-in."""
    member = _target(db, actor, member_id)
    if member.id == actor.id:   # one's own is changed with the current one (Change passphrase)
        raise InvalidInput({"passphrase": "reset_self"})
    passphrase = str(data.get("passphrase") or "")
    check_new(passphrase, passphrase)
    hashed = await hash_passphrase(passphrase, kdf)
    with db.transaction():
        firm_store.set_passphrase(db, member_id, hashed, must_change=True)
        firm_history.record(db, actor, "passphrase_reset", member.full_name, _now(now))
    return member.full_name


def hand_over_ownership(db: Database, actor: Member, member_id: int, now: datetime | None = None) -> Member:
    """The owner makes another active member the owner and becomes an admin (one owner always)."""
    actor = _as_stored(db, actor)
    if not can_hand_over_ownership(actor):
        raise AccessDenied("hand over ownership")
    member = firm_store.get_member(db, member_id)
    if member is None:
        raise NotFound(f"member {member_id}")
    if member.id == actor.id or not member.active:
        raise InvalidInput({"member": "owner_target"})
    with db.transaction():
        firm_store.update_member(db, actor.model_copy(update={"role": Role.ADMIN, "rights": frozenset()}))
        firm_store.update_member(db, member.model_copy(update={"role": Role.OWNER, "rights": frozenset()}))
        firm_history.record(db, actor, "ownership_handed", member.full_name, _now(now))
    return firm_store.get_member(db, actor.id)
