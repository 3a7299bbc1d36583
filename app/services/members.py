"""Firm members: who can be chosen as the person signed in on this device (F-ACCESS-3)."""

from __future__ import annotations

from app.domain.errors import NotFound
from app.domain.firm import Member
from app.store import firm as firm_store
from app.store.db import Database


def list_members(db: Database) -> list[Member]:
    return firm_store.list_members(db)


def get_member(db: Database, member_id: int) -> Member:
    member = firm_store.get_member(db, member_id)
    if member is None:
        raise NotFound(f"member {member_id}")
    return member


def default_member(db: Database) -> Member:
    """The firm's owner: who is signed in on a device that has not chosen yet."""
    return firm_store.list_members(db)[0]
