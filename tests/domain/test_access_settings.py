"""Who may export clients, open Settings, change a member, hand over ownership (F-ACCESS, F-FIRM-1)."""

import pytest

from app.domain.access import (
    can_change_member,
    can_export_clients,
    can_hand_over_ownership,
    can_manage_settings,
)
from app.domain.firm import Member, Right, Role

ALL_RIGHTS = frozenset(Right)


def member(role, rights=frozenset(), active=True, member_id=1):
    return Member(id=member_id, first_name="Anna", last_name="Neri", email=f"anna{member_id}@studio.it",
                  role=role, rights=frozenset(rights), active=active)


OWNER = member(Role.OWNER, member_id=1)
ADMIN = member(Role.ADMIN, member_id=2)
OTHER_ADMIN = member(Role.ADMIN, member_id=3)
EMPLOYEE = member(Role.EMPLOYEE, member_id=4)
# The demo's employees: Laura (view all), Paolo (manage), Sara (export only), Tom (all three).
EMPLOYEE_RIGHTS = {"none": frozenset(), "laura": {Right.VIEW_ALL_ACCOUNTS}, "paolo": {Right.MANAGE_ACCOUNTS},
                   "sara": {Right.EXPORT_CLIENTS}, "tom": ALL_RIGHTS}


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_owner_and_admins_export_clients(role):
    assert can_export_clients(member(role))


@pytest.mark.parametrize("rights, allowed", [
    (frozenset(), False), ({Right.VIEW_ALL_ACCOUNTS}, False), ({Right.MANAGE_ACCOUNTS}, False),
    ({Right.VIEW_ALL_ACCOUNTS, Right.MANAGE_ACCOUNTS}, False), ({Right.EXPORT_CLIENTS}, True), (ALL_RIGHTS, True),
])
def test_an_employee_exports_clients_only_with_that_right(rights, allowed):
    assert can_export_clients(member(Role.EMPLOYEE, rights)) is allowed


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_owner_and_admins_manage_settings(role):
    assert can_manage_settings(member(role)) is True


@pytest.mark.parametrize("who", sorted(EMPLOYEE_RIGHTS))
def test_no_employee_manages_settings_whatever_their_rights(who):
    assert can_manage_settings(member(Role.EMPLOYEE, EMPLOYEE_RIGHTS[who])) is False


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_a_deactivated_owner_or_admin_manages_nothing(role):
    assert can_manage_settings(member(role, active=False)) is False
    assert can_change_member(member(role, active=False, member_id=9), EMPLOYEE) is False


@pytest.mark.parametrize("actor, target, allowed", [
    (OWNER, OWNER, True), (OWNER, ADMIN, True), (OWNER, EMPLOYEE, True),
    (ADMIN, OWNER, False), (ADMIN, ADMIN, True), (ADMIN, OTHER_ADMIN, True), (ADMIN, EMPLOYEE, True),
    (EMPLOYEE, EMPLOYEE, False), (EMPLOYEE, OWNER, False), (EMPLOYEE, ADMIN, False),
], ids=lambda v: v.role.value + str(v.id) if isinstance(v, Member) else str(v))
def test_who_may_change_whom(actor, target, allowed):
    assert can_change_member(actor, target) is allowed


@pytest.mark.parametrize("who", sorted(EMPLOYEE_RIGHTS))
def test_no_employee_changes_any_member(who):
    actor = member(Role.EMPLOYEE, EMPLOYEE_RIGHTS[who], member_id=7)
    assert not any(can_change_member(actor, target) for target in (OWNER, ADMIN, EMPLOYEE, actor))


def test_only_an_active_owner_hands_over_ownership():
    assert can_hand_over_ownership(OWNER) is True
    assert can_hand_over_ownership(member(Role.OWNER, active=False)) is False
    assert can_hand_over_ownership(ADMIN) is False
    assert can_hand_over_ownership(member(Role.EMPLOYEE, ALL_RIGHTS)) is False
