"""A profile is shown only to members allowed to see it, with the right edit flag."""

import pytest

from app.domain.errors import AccessDenied, NotFound
from app.services.profile import account_profile
from app.store import accounts
from tests.conftest import member_named


def first_account_without(db, member_id):
    return db.scalar("SELECT id FROM account WHERE id NOT IN"
                     " (SELECT account_id FROM account_team WHERE member_id = ?) ORDER BY id",
                     (member_id,))


def first_account_with(db, member_id):
    return db.scalar("SELECT account_id FROM account_team WHERE member_id = ? ORDER BY account_id",
                     (member_id,))


def test_unknown_account_is_not_found(demo):
    with pytest.raises(NotFound):
        account_profile(demo, member_named(demo, "Giulia"), 99999)


@pytest.mark.parametrize("first_name, can_see, can_edit", [
    ("Giulia", True, True), ("Marco", True, True), ("Laura", True, False),
    ("Tom", True, True), ("Paolo", False, False), ("Sara", False, False),
])
def test_access_to_an_account_outside_the_members_team(demo, first_name, can_see, can_edit):
    member = member_named(demo, first_name)
    account_id = first_account_without(demo, member.id)
    if not can_see:
        with pytest.raises(AccessDenied):
            account_profile(demo, member, account_id)
        return
    assert account_profile(demo, member, account_id).can_edit is can_edit


@pytest.mark.parametrize("first_name, can_edit", [("Paolo", True), ("Sara", False)])
def test_team_members_see_their_accounts(demo, first_name, can_edit):
    member = member_named(demo, first_name)
    profile = account_profile(demo, member, first_account_with(demo, member.id))
    assert member.id in {m.id for m in profile.team}
    assert profile.can_edit is can_edit


def test_profile_lists_contacts_alphabetically_with_the_primary_one(demo):
    account_id = demo.scalar("SELECT account_id FROM account_contact GROUP BY account_id"
                             " HAVING count(*) >= 3 ORDER BY account_id")
    profile = account_profile(demo, member_named(demo, "Giulia"), account_id)
    keys = [c.sort_key for c in profile.contacts]
    assert keys == sorted(keys) and len(keys) >= 3
    assert profile.primary_contact is not None and profile.primary_contact.primary
    assert profile.name == accounts.get_account(demo, account_id).name
