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


def test_info_lists_every_custom_field_and_related_accounts_the_member_may_see(demo):
    from app.services.profile import account_profile
    giulia, sara = member_named(demo, "Giulia"), member_named(demo, "Sara")
    shared = demo.all("SELECT x.account_id AS a, y.account_id AS b FROM account_contact x JOIN account_contact y"
                      " ON y.contact_id = x.contact_id AND y.account_id != x.account_id ORDER BY 1, 2")
    a, b = shared[0]["a"], shared[0]["b"]
    view = account_profile(demo, giulia, a)
    assert b in {r.id for r in view.related}
    assert [f.label for f in view.fields] == ["Codice cliente", "Regime fiscale", "Fatturato annuo",
                                              "Inizio mandato", "Firma digitale", "PEC"]
    # A member who can see the account but not the related one does not learn its name.
    sara_sees = set(demo.scalar("SELECT group_concat(account_id) FROM account_team WHERE member_id = ?",
                                (sara.id,)).split(","))
    for row in shared:
        if str(row["a"]) in sara_sees and str(row["b"]) not in sara_sees:
            assert row["b"] not in {r.id for r in account_profile(demo, sara, row["a"]).related}
            break


def test_team_history_newest_first_with_who_and_by_whom(demo):
    from app.services.profile import team_history
    account = demo.scalar("SELECT account_id FROM team_history WHERE action = 'removed' ORDER BY account_id")
    name, entries = team_history(demo, member_named(demo, "Giulia"), account)
    assert entries[0].action == "removed"
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert all(e.by_member for e in entries)


def test_contact_page_shows_only_visible_accounts(demo):
    from app.services.profile import contact_page
    sara = member_named(demo, "Sara")
    contact = demo.scalar(
        "SELECT ac.contact_id FROM account_contact ac WHERE ac.account_id IN (SELECT account_id FROM account_team"
        " WHERE member_id = ?) AND ac.contact_id IN (SELECT contact_id FROM account_contact GROUP BY contact_id"
        " HAVING count(*) > 1) ORDER BY 1", (sara.id,))
    if contact is None:
        pytest.skip("no shared contact on Sara's accounts")
    everyone = contact_page(demo, member_named(demo, "Giulia"), contact)
    hers = contact_page(demo, sara, contact)
    assert 0 < len(hers.accounts) <= len(everyone.accounts)


def test_contact_page_refused_without_any_visible_account(demo):
    from app.services.profile import contact_page
    sara = member_named(demo, "Sara")
    contact = demo.scalar("SELECT contact_id FROM account_contact WHERE contact_id NOT IN (SELECT contact_id FROM"
                          " account_contact WHERE account_id IN (SELECT account_id FROM account_team"
                          " WHERE member_id = ?)) ORDER BY 1", (sara.id,))
    with pytest.raises(AccessDenied):
        contact_page(demo, sara, contact)
    with pytest.raises(NotFound):
        contact_page(demo, sara, 10**6)
