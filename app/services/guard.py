"""The check every account use case starts with: does it exist, may the actor see it."""

from __future__ import annotations

from app.domain.access import can_edit_account, can_view_account
from app.domain.accounts import Account
from app.domain.errors import AccessDenied, NotFound
from app.domain.firm import Member
from app.store import accounts as account_store
from app.store.db import Database


def visible_account(db: Database, actor: Member, account_id: int) -> Account:
    account = account_store.get_account(db, account_id)
    if account is None:
        raise NotFound(f"account {account_id}")
    if not can_view_account(actor, account.team_member_ids):
        raise AccessDenied(f"account {account_id}")
    return account


def editable_account(db: Database, actor: Member, account_id: int) -> Account:
    account = visible_account(db, actor, account_id)
    if not can_edit_account(actor, account.team_member_ids):
        raise AccessDenied(f"account {account_id}: read only")
    return account


def _team(team_csv: str | None) -> frozenset[int]:
    return frozenset(int(i) for i in team_csv.split(",")) if team_csv else frozenset()


def sees(actor: Member, team_csv: str | None) -> bool:
    """May the actor see an account whose team comes as the store's "1,4,7" text."""
    return can_view_account(actor, _team(team_csv))


def edits(actor: Member, team_csv: str | None) -> bool:
    return can_edit_account(actor, _team(team_csv))
