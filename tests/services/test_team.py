"""Team members in Settings: who may do what, bad input refused whole, deactivation, hand-over."""

import pytest

from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.domain.firm import Right, Role
from app.services import members, overview, team
from app.store import accounts as account_store
from tests.conftest import ADMINS, EMPLOYEES, MARKUP, member_named
from tests.services.conftest import (
    FAST_KDF,
    NOW,
    add_nina,
    deactivated_admin,
    events,
    fresh,
    new_member_data,
    run,
    snapshot,
)

OTHER = "another passphrase"

# Each action on Nina, a new employee: (prepare as the owner, act, history line).
ACTIONS = {
    "team": (None, lambda db, actor, nina: team.team(db, actor), None),
    "add_member": (None, lambda db, actor, nina: run(team.add_member(
        db, actor, new_member_data(email="eva.moro@studiobf.it", first_name="Eva"), FAST_KDF, NOW)),
        "member_added"),
    "update_member": (None, lambda db, actor, nina: team.update_member(
        db, actor, nina, new_member_data(last_name="Rossi-Bassi"), NOW), "member_changed"),
    "deactivate": (None, lambda db, actor, nina: team.deactivate(db, actor, nina, NOW), "member_deactivated"),
    "reactivate": (lambda db, nina: team.deactivate(db, member_named(db, "Giulia"), nina, NOW),
                   lambda db, actor, nina: team.reactivate(db, actor, nina, NOW), "member_reactivated"),
    "reset_passphrase": (None, lambda db, actor, nina: run(team.reset_passphrase(
        db, actor, nina, {"passphrase": OTHER}, FAST_KDF, NOW)), "passphrase_reset"),
}


@pytest.fixture
def nina(studio):
    return add_nina(studio)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("name", ADMINS)
def test_owner_and_admin_may(studio, nina, name, action):
    prepare, act, line = ACTIONS[action]
    if prepare:
        prepare(studio, nina)
    actor = member_named(studio, name)
    before = len(events(studio))
    result = act(studio, actor, nina)
    after = events(studio)
    if action == "team":
        assert nina in {m.id for m in result}
    else:
        assert len(after) == before + 1
        assert (after[-1]["action"], after[-1]["actor_id"], after[-1]["at"]) == (line, actor.id, NOW.isoformat())


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("name", [*EMPLOYEES, "deactivated admin"])
def test_employees_and_deactivated_admins_may_not(studio, nina, name, action):
    prepare, act, _line = ACTIONS[action]
    if prepare:
        prepare(studio, nina)
    actor = deactivated_admin(studio) if name == "deactivated admin" else member_named(studio, name)
    before = snapshot(studio)
    with pytest.raises(AccessDenied):
        act(studio, actor, nina)
    assert snapshot(studio) == before


@pytest.mark.parametrize("act", [
    lambda db, marco, owner: team.update_member(db, marco, owner.id, {
        "first_name": "Giulia", "last_name": "Verdi", "email": owner.email, "role": "admin"}),
    lambda db, marco, owner: team.deactivate(db, marco, owner.id),
    lambda db, marco, owner: run(team.reset_passphrase(db, marco, owner.id, {"passphrase": OTHER}, FAST_KDF)),
], ids=["edit", "deactivate", "reset"])
def test_an_admin_may_not_change_the_owner(studio, act):
    before = snapshot(studio)
    with pytest.raises(AccessDenied):
        act(studio, member_named(studio, "Marco"), member_named(studio, "Giulia"))
    assert snapshot(studio) == before


@pytest.mark.parametrize("name", ["Marco", *EMPLOYEES])
def test_only_the_owner_hands_over_ownership(studio, name):
    before = snapshot(studio)
    with pytest.raises(AccessDenied):
        team.hand_over_ownership(studio, member_named(studio, name), member_named(studio, "Laura").id, NOW)
    assert snapshot(studio) == before


def test_unknown_members_are_not_found(studio):
    giulia = member_named(studio, "Giulia")
    with pytest.raises(NotFound):
        team.deactivate(studio, giulia, 9999)
    with pytest.raises(NotFound):
        team.hand_over_ownership(studio, giulia, 9999)


# Adding and editing ---------------------------------------------------------------------------

def test_a_new_member_is_listed_with_what_was_typed(studio):
    nina_id = add_nina(studio, email="  Nina.Rossi@StudioBF.it ", rights=["view_all_accounts", "export_clients"])
    nina = fresh(studio, nina_id)
    assert (nina.full_name, nina.email, nina.role) == ("Nina Rossi", "nina.rossi@studiobf.it", Role.EMPLOYEE)
    assert nina.rights == {Right.VIEW_ALL_ACCOUNTS, Right.EXPORT_CLIENTS}
    assert nina in team.team(studio, member_named(studio, "Giulia"))
    assert events(studio)[-1]["subject"] == "Nina Rossi"


def test_an_admin_carries_no_employee_rights(studio):
    marta = fresh(studio, add_nina(studio, role="admin", rights=["manage_accounts"]))
    assert (marta.role, marta.rights) == (Role.ADMIN, frozenset())


def test_markup_in_a_name_is_kept_as_typed_text(studio):
    nina = fresh(studio, add_nina(studio, first_name=MARKUP))
    assert nina.first_name == MARKUP
    assert events(studio)[-1]["subject"] == f"{MARKUP} Rossi"


@pytest.mark.parametrize("changes, field, code", [
    ({"email": "GIULIA.Bianchi@studiobf.it"}, "email", "duplicate_member_email"),
    ({"email": "nina.rossi@"}, "email", "email"),
    ({"email": "nina rossi@studiobf.it"}, "email", "email"),
    ({"first_name": "   "}, "first_name", "required"),
    ({"last_name": ""}, "last_name", "required"),
    ({"role": "owner"}, "role", "option"),   # an owner comes only from a hand-over
    ({"rights": ["delete_everything"]}, "rights.0", "option"),
    ({"passphrase": "123456789"}, "passphrase", "passphrase_short"),
    ({"passphrase": ""}, "passphrase", "passphrase_short"),
])
def test_adding_refuses_bad_input_and_writes_nothing(studio, changes, field, code):
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        add_nina(studio, **changes)
    assert refused.value.errors[field] == code
    assert snapshot(studio) == before


def test_a_deactivated_members_email_is_still_taken(studio):
    giulia = member_named(studio, "Giulia")
    team.deactivate(studio, giulia, member_named(studio, "Paolo").id, NOW)
    with pytest.raises(InvalidInput) as refused:
        add_nina(studio, email="Paolo.Greco@studiobf.it")
    assert refused.value.errors == {"email": "duplicate_member_email"}


def test_every_problem_is_reported_at_once(studio):
    with pytest.raises(InvalidInput) as refused:
        add_nina(studio, first_name="", email="marco.ferri@STUDIOBF.IT", passphrase="short")
    assert refused.value.errors == {"first_name": "required", "email": "duplicate_member_email",
                                    "passphrase": "passphrase_short"}


def test_editing_changes_the_member_and_records_what_they_became(studio):
    laura = member_named(studio, "Laura")
    after = team.update_member(studio, member_named(studio, "Marco"), laura.id, {
        "first_name": "Laura", "last_name": "Conti", "email": "LAURA.conti@studiobf.it", "role": "employee",
        "rights": ["manage_accounts", "export_clients"]}, NOW)
    assert fresh(studio, laura.id) == after
    assert after.rights == {Right.MANAGE_ACCOUNTS, Right.EXPORT_CLIENTS}
    line = events(studio)[-1]
    assert (line["action"], line["subject"]) == ("member_changed", "Laura Conti")
    assert line["detail"] == {"role": "employee", "rights": "manage_accounts,export_clients"}


def test_saving_an_unchanged_member_records_nothing(studio):
    laura = member_named(studio, "Laura")
    before = snapshot(studio)
    team.update_member(studio, member_named(studio, "Giulia"), laura.id, {
        "first_name": laura.first_name, "last_name": laura.last_name, "email": laura.email,
        "role": "employee", "rights": ["view_all_accounts"]}, NOW)
    assert snapshot(studio) == before


@pytest.mark.parametrize("changes, field, code", [
    ({"email": "GIULIA.Bianchi@studiobf.it"}, "email", "duplicate_member_email"),
    ({"email": "laura.conti"}, "email", "email"),
    ({"first_name": ""}, "first_name", "required"),
    ({"last_name": "  "}, "last_name", "required"),
])
def test_editing_refuses_bad_input_and_writes_nothing(studio, changes, field, code):
    laura = member_named(studio, "Laura")
    data = {"first_name": "Laura", "last_name": "Conti", "email": laura.email, "role": "employee", **changes}
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        team.update_member(studio, member_named(studio, "Giulia"), laura.id, data, NOW)
    assert refused.value.errors[field] == code
    assert snapshot(studio) == before


@pytest.mark.parametrize("role", ["employee", "admin"])
def test_the_owner_cannot_be_demoted_by_editing(studio, role):
    giulia = member_named(studio, "Giulia")
    after = team.update_member(studio, giulia, giulia.id, {
        "first_name": "Giulia", "last_name": "Bianchi Ferri", "email": giulia.email, "role": role,
        "rights": ["view_all_accounts"]}, NOW)
    assert fresh(studio, giulia.id).role is Role.OWNER is after.role
    assert fresh(studio, giulia.id).last_name == "Bianchi Ferri"
    assert [m.first_name for m in team.team(studio, giulia) if m.role is Role.OWNER] == ["Giulia"]


# Deactivating ---------------------------------------------------------------------------------

def test_a_deactivated_member_leaves_every_team_and_each_account_records_it(studio):
    giulia, paolo = member_named(studio, "Giulia"), member_named(studio, "Paolo")
    accounts = account_store.account_ids_of_member(studio, paolo.id)
    assert accounts
    assert team.deactivate(studio, giulia, paolo.id, NOW) == "Paolo Greco"
    assert account_store.account_ids_of_member(studio, paolo.id) == []
    for account_id in accounts:
        latest = account_store.team_history(studio, account_id)[0]
        assert (latest["action"], latest["member"], latest["by_member"], latest["at"]) == (
            "removed", "Paolo Greco", "Giulia Bianchi", NOW.isoformat())
    line = events(studio)[-1]
    assert (line["action"], line["subject"], line["actor_id"]) == ("member_deactivated", "Paolo Greco", giulia.id)


def test_a_deactivated_members_notes_still_show_their_name(studio):
    giulia, paolo = member_named(studio, "Giulia"), member_named(studio, "Paolo")
    notes = studio.scalar("SELECT count(*) FROM note WHERE author_id = ?", (paolo.id,))
    account_id = studio.scalar("SELECT account_id FROM note WHERE author_id = ?", (paolo.id,))
    team.deactivate(studio, giulia, paolo.id, NOW)
    assert studio.scalar("SELECT count(*) FROM note WHERE author_id = ?", (paolo.id,)) == notes > 0
    page = overview.section_page(studio, giulia, account_id, "notes")
    assert "Paolo Greco" in {entry.cells[1].value for entry in page.section.entries}


@pytest.mark.parametrize("name", ADMINS)
def test_nobody_deactivates_themselves(studio, name):
    actor = member_named(studio, name)
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        team.deactivate(studio, actor, actor.id, NOW)
    assert refused.value.errors == {"member": "deactivate_self"}
    assert snapshot(studio) == before


def test_the_owner_is_never_deactivated(studio):
    giulia, marco = member_named(studio, "Giulia"), member_named(studio, "Marco")
    team.hand_over_ownership(studio, giulia, marco.id, NOW)
    before = snapshot(studio)
    # A tab that has not yet seen Giulia hand the firm to Marco still holds her as the owner:
    # the service acts on her role as stored (admin), who may not change the owner.
    with pytest.raises(AccessDenied):
        team.deactivate(studio, giulia, marco.id, NOW)
    with pytest.raises(AccessDenied):
        team.hand_over_ownership(studio, giulia, marco.id, NOW)
    with pytest.raises(InvalidInput) as refused:   # and Marco, the owner now, cannot leave
        team.deactivate(studio, fresh(studio, marco.id), marco.id, NOW)
    assert refused.value.errors == {"member": "deactivate_self"}
    assert snapshot(studio) == before


# Handing over ownership -----------------------------------------------------------------------

def owners(db):
    return [m.first_name for m in team.team(db, member_named(db, "Marco")) if m.role is Role.OWNER]


@pytest.mark.parametrize("name", ["Marco", "Tom"])
def test_the_owner_hands_over_and_becomes_an_admin(studio, name):
    giulia, heir = member_named(studio, "Giulia"), member_named(studio, name)
    assert owners(studio) == ["Giulia"]
    after = team.hand_over_ownership(studio, giulia, heir.id, NOW)
    assert (after.id, after.role) == (giulia.id, Role.ADMIN)
    assert owners(studio) == [name]
    assert fresh(studio, heir.id).rights == frozenset()   # an owner may do everything anyway
    assert members.default_member(studio).id == heir.id
    line = events(studio)[-1]
    assert (line["action"], line["subject"], line["actor_id"]) == ("ownership_handed", heir.full_name, giulia.id)


def test_after_the_hand_over_the_new_owner_decides(studio):
    giulia, marco = member_named(studio, "Giulia"), member_named(studio, "Marco")
    giulia = team.hand_over_ownership(studio, giulia, marco.id, NOW)
    with pytest.raises(AccessDenied):
        team.hand_over_ownership(studio, giulia, member_named(studio, "Laura").id, NOW)
    marco = fresh(studio, marco.id)
    team.deactivate(studio, marco, giulia.id, NOW)
    assert fresh(studio, giulia.id).active is False


def test_ownership_goes_neither_to_yourself_nor_to_a_deactivated_member(studio):
    giulia = member_named(studio, "Giulia")
    paolo = member_named(studio, "Paolo")
    team.deactivate(studio, giulia, paolo.id, NOW)
    before = snapshot(studio)
    for target in (giulia.id, paolo.id):
        with pytest.raises(InvalidInput) as refused:
            team.hand_over_ownership(studio, giulia, target, NOW)
        assert refused.value.errors == {"member": "owner_target"}
    assert snapshot(studio) == before
    assert owners(studio) == ["Giulia"]


def test_nobody_resets_their_own_passphrase_without_the_current_one(studio):
    giulia = member_named(studio, "Giulia")
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        run(team.reset_passphrase(studio, giulia, giulia.id, {"passphrase": OTHER}, FAST_KDF, NOW))
    assert refused.value.errors == {"passphrase": "reset_self"}
    assert snapshot(studio) == before
