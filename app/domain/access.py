"""Who may see and change an account (F-ACCESS). The one place that answers "may X do Y"."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.firm import Member, Right, Role


@dataclass(frozen=True)
class Visibility:
    """Which accounts a member sees: all of them, or those where they are on the team."""

    all_accounts: bool
    member_id: int | None = None


def visibility(member: Member) -> Visibility:
    if member.role in (Role.OWNER, Role.ADMIN) or Right.VIEW_ALL_ACCOUNTS in member.rights:
        return Visibility(all_accounts=True)
    return Visibility(all_accounts=False, member_id=member.id)


def can_view_account(member: Member, team_member_ids: frozenset[int] | set[int]) -> bool:
    scope = visibility(member)
    return scope.all_accounts or member.id in team_member_ids


def can_edit_account(member: Member, team_member_ids: frozenset[int] | set[int]) -> bool:
    if not can_view_account(member, team_member_ids):
        return False
    return member.role in (Role.OWNER, Role.ADMIN) or Right.MANAGE_ACCOUNTS in member.rights


def can_change_note(member: Member, author_id: int, team_member_ids: frozenset[int] | set[int]) -> bool:
    """A note's author may change it; so may whoever may edit the account."""
    if not can_view_account(member, team_member_ids):
        return False
    return member.id == author_id or can_edit_account(member, team_member_ids)


def can_create_account(member: Member) -> bool:
    return member.role in (Role.OWNER, Role.ADMIN) or Right.MANAGE_ACCOUNTS in member.rights


def can_export_dataset(member: Member) -> bool:
    """The whole dataset holds every account: only those who see every account take it away."""
    return member.active and member.role in (Role.OWNER, Role.ADMIN)


def can_export_clients(member: Member) -> bool:
    """Export clients CSV: the accounts the member sees, as a spreadsheet."""
    return member.active and (member.role in (Role.OWNER, Role.ADMIN) or Right.EXPORT_CLIENTS in member.rights)


def can_manage_settings(member: Member) -> bool:
    """Settings (the firm, its members, tags and custom fields): the owner and admins."""
    return member.active and member.role in (Role.OWNER, Role.ADMIN)


def can_change_member(actor: Member, target: Member) -> bool:
    """Who may edit, deactivate or reset the passphrase of `target`: an admin not the owner's."""
    if not can_manage_settings(actor):
        return False
    return target.role is not Role.OWNER or actor.role is Role.OWNER


def can_hand_over_ownership(actor: Member) -> bool:
    return actor.active and actor.role is Role.OWNER
