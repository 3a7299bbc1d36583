"""F-ACCESS-1/2: who sees and who may edit an account, for every role and right."""

import pytest

from app.domain.access import can_edit_account, can_view_account, visibility
from app.domain.firm import Member, Right, Role


def member(role: Role, *rights: Right, member_id: int = 7) -> Member:
    return Member(id=member_id, first_name="A", last_name="B", email="a@b.it", role=role,
                  rights=frozenset(rights))


TEAM_WITH_7 = frozenset({3, 7})
TEAM_WITHOUT_7 = frozenset({3})


@pytest.mark.parametrize("who, on_team, off_team", [
    (member(Role.OWNER), True, True),
    (member(Role.ADMIN), True, True),
    (member(Role.EMPLOYEE, Right.VIEW_ALL_ACCOUNTS), True, True),
    (member(Role.EMPLOYEE, Right.MANAGE_ACCOUNTS), True, False),
    (member(Role.EMPLOYEE), True, False),
])
def test_who_can_view(who, on_team, off_team):
    assert can_view_account(who, TEAM_WITH_7) is on_team
    assert can_view_account(who, TEAM_WITHOUT_7) is off_team
    assert visibility(who).all_accounts is off_team


@pytest.mark.parametrize("who, on_team, off_team", [
    (member(Role.OWNER), True, True),
    (member(Role.ADMIN), True, True),
    (member(Role.EMPLOYEE, Right.VIEW_ALL_ACCOUNTS), False, False),
    (member(Role.EMPLOYEE, Right.MANAGE_ACCOUNTS), True, False),
    (member(Role.EMPLOYEE, Right.VIEW_ALL_ACCOUNTS, Right.MANAGE_ACCOUNTS), True, True),
    (member(Role.EMPLOYEE), False, False),
])
def test_who_can_edit(who, on_team, off_team):
    assert can_edit_account(who, TEAM_WITH_7) is on_team
    assert can_edit_account(who, TEAM_WITHOUT_7) is off_team


def test_restricted_visibility_names_the_member():
    scope = visibility(member(Role.EMPLOYEE, member_id=9))
    assert (scope.all_accounts, scope.member_id) == (False, 9)
