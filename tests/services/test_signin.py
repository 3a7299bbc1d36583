"""Signing in with a passphrase, choosing and changing one's own, and a first passphrase set by others."""

import pytest

from app.domain.errors import InvalidInput
from app.domain.passphrase import Kdf, hashlib_derive
from app.services import members, team
from app.services.signin import SignInRefused, change_passphrase, choose_passphrase, sign_in, sign_in_choices
from app.store import accounts as account_store
from app.store import firm as firm_store
from tests.conftest import member_named
from tests.services.conftest import FAST_KDF, NOW, PASSPHRASE, add_nina, events, fresh, run, snapshot

NEW = "a brand new passphrase"


def signs_in(db, member_id, passphrase):
    try:
        return run(sign_in(db, member_id, passphrase, FAST_KDF)).id == member_id
    except SignInRefused:
        return False


def test_the_sign_in_page_offers_the_active_members_by_last_name(studio):
    team.deactivate(studio, member_named(studio, "Giulia"), member_named(studio, "Paolo").id, NOW)
    assert [m.last_name for m in sign_in_choices(studio)] == ["Bianchi", "Conti", "Ferri", "Lombardi", "Walker"]


def test_the_right_passphrase_signs_in_and_nothing_else_does(studio):
    nina = add_nina(studio)
    assert run(sign_in(studio, nina, PASSPHRASE, FAST_KDF)) == fresh(studio, nina)
    for wrong in ("", "correct horse batter", PASSPHRASE.upper(), PASSPHRASE + " "):
        with pytest.raises(SignInRefused):
            run(sign_in(studio, nina, wrong, FAST_KDF))


def test_an_unknown_member_is_refused_after_the_same_work(studio):
    calls = []

    async def counting(secret, salt, iterations):
        calls.append(iterations)
        return await hashlib_derive(secret, salt, iterations)

    with pytest.raises(SignInRefused):
        run(sign_in(studio, 9999, PASSPHRASE, Kdf(counting, iterations=1000)))
    assert calls == [1000]


def test_an_owner_with_no_passphrase_yet_is_let_in_to_choose_one(studio):
    giulia = member_named(studio, "Giulia")   # a firm imported from a version-1 file: no hashes
    signed_in = run(sign_in(studio, giulia.id, "", FAST_KDF))
    assert (signed_in.id, signed_in.has_passphrase) == (giulia.id, False)


@pytest.mark.parametrize("name", ["Marco", "Laura", "Tom"])
def test_nobody_else_without_a_passphrase_is_let_in(studio, name):
    member = member_named(studio, name)
    for attempt in ("", PASSPHRASE):
        with pytest.raises(SignInRefused):
            run(sign_in(studio, member.id, attempt, FAST_KDF))


def test_a_deactivated_member_cannot_sign_in_nor_be_chosen_but_stays_in_the_team_list(studio):
    giulia = member_named(studio, "Giulia")
    nina = add_nina(studio)
    team.deactivate(studio, giulia, nina, NOW)
    assert not signs_in(studio, nina, PASSPHRASE)
    assert nina not in {m.id for m in members.list_members(studio)}   # the `Signed in as` list
    assert nina not in {m.id for m in sign_in_choices(studio)}
    listed = {m.id: m for m in team.team(studio, giulia)}
    assert listed[nina].active is False


def test_reactivating_brings_sign_in_back_but_not_the_teams(studio):
    giulia, paolo = member_named(studio, "Giulia"), member_named(studio, "Paolo")
    team.deactivate(studio, giulia, paolo.id, NOW)
    run(team.reset_passphrase(studio, giulia, paolo.id, {"passphrase": PASSPHRASE}, FAST_KDF, NOW))
    assert team.reactivate(studio, member_named(studio, "Marco"), paolo.id, NOW) == "Paolo Greco"
    assert signs_in(studio, paolo.id, PASSPHRASE)
    assert paolo.id in {m.id for m in members.list_members(studio)}
    assert (fresh(studio, paolo.id).role, fresh(studio, paolo.id).rights) == (paolo.role, paolo.rights)
    assert account_store.account_ids_of_member(studio, paolo.id) == []   # teams are given again by hand
    assert events(studio)[-1]["action"] == "member_reactivated"


# A first passphrase set by someone else -------------------------------------------------------

def test_a_new_member_must_replace_the_first_passphrase(studio):
    nina = add_nina(studio)
    assert fresh(studio, nina).must_change_passphrase is True
    assert fresh(studio, nina).has_passphrase is True
    run(choose_passphrase(studio, fresh(studio, nina), {"passphrase": NEW, "repeat": NEW}, FAST_KDF, NOW))
    assert fresh(studio, nina).must_change_passphrase is False
    assert signs_in(studio, nina, NEW)
    assert not signs_in(studio, nina, PASSPHRASE)
    line = events(studio)[-1]
    assert (line["action"], line["subject"], line["actor_id"]) == ("passphrase_changed", "Nina Rossi", nina)


@pytest.mark.parametrize("name", ["Giulia", "Marco"])
def test_a_reset_asks_for_a_new_passphrase_again(studio, name):
    nina = add_nina(studio)
    run(choose_passphrase(studio, fresh(studio, nina), {"passphrase": NEW, "repeat": NEW}, FAST_KDF, NOW))
    actor = member_named(studio, name)
    assert run(team.reset_passphrase(studio, actor, nina, {"passphrase": "reset by the office"}, FAST_KDF, NOW)) \
        == "Nina Rossi"
    assert fresh(studio, nina).must_change_passphrase is True
    assert signs_in(studio, nina, "reset by the office")
    assert not signs_in(studio, nina, NEW)
    line = events(studio)[-1]
    assert (line["action"], line["subject"], line["actor_id"]) == ("passphrase_reset", "Nina Rossi", actor.id)


def test_a_reset_to_a_short_passphrase_writes_nothing(studio):
    nina = add_nina(studio)
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        run(team.reset_passphrase(studio, member_named(studio, "Giulia"), nina, {"passphrase": "123456789"},
                                  FAST_KDF, NOW))
    assert refused.value.errors == {"passphrase": "passphrase_short"}
    assert snapshot(studio) == before
    assert signs_in(studio, nina, PASSPHRASE)


# Choosing and changing one's own --------------------------------------------------------------

@pytest.mark.parametrize("data, errors", [
    ({"passphrase": "123456789", "repeat": "123456789"}, {"passphrase": "passphrase_short"}),
    ({"passphrase": NEW, "repeat": NEW + "!"}, {"repeat": "passphrase_mismatch"}),
    ({"passphrase": NEW}, {"repeat": "passphrase_mismatch"}),
    ({}, {"passphrase": "passphrase_short"}),
])
def test_choosing_refuses_a_bad_passphrase_and_writes_nothing(studio, data, errors):
    nina = add_nina(studio)
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        run(choose_passphrase(studio, fresh(studio, nina), data, FAST_KDF, NOW))
    assert refused.value.errors == errors
    assert snapshot(studio) == before


def test_the_owner_with_none_chooses_one_and_then_needs_it(studio):
    giulia = member_named(studio, "Giulia")
    run(choose_passphrase(studio, giulia, {"passphrase": NEW, "repeat": NEW}, FAST_KDF, NOW))
    assert fresh(studio, giulia.id).has_passphrase is True
    assert signs_in(studio, giulia.id, NEW)
    assert not signs_in(studio, giulia.id, "")


def test_changing_needs_the_current_passphrase(studio):
    nina = add_nina(studio)
    run(change_passphrase(studio, fresh(studio, nina), {"current": PASSPHRASE, "passphrase": NEW, "repeat": NEW},
                          FAST_KDF, NOW))
    assert signs_in(studio, nina, NEW)
    assert not signs_in(studio, nina, PASSPHRASE)
    assert fresh(studio, nina).must_change_passphrase is False
    assert events(studio)[-1]["action"] == "passphrase_changed"


@pytest.mark.parametrize("data, errors", [
    ({"current": "not the one", "passphrase": NEW, "repeat": NEW}, {"current": "passphrase_wrong"}),
    ({"passphrase": NEW, "repeat": NEW}, {"current": "passphrase_wrong"}),
    ({"current": PASSPHRASE, "passphrase": "123456789", "repeat": "123456789"}, {"passphrase": "passphrase_short"}),
    ({"current": PASSPHRASE, "passphrase": NEW, "repeat": "something else"}, {"repeat": "passphrase_mismatch"}),
    ({"current": "wrong", "passphrase": "short", "repeat": "short"},
     {"current": "passphrase_wrong", "passphrase": "passphrase_short"}),
])
def test_changing_refuses_bad_input_and_writes_nothing(studio, data, errors):
    nina = add_nina(studio)
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        run(change_passphrase(studio, fresh(studio, nina), data, FAST_KDF, NOW))
    assert refused.value.errors == errors
    assert snapshot(studio) == before
    assert signs_in(studio, nina, PASSPHRASE)


def test_a_stored_hash_never_holds_the_passphrase_itself(studio):
    nina = add_nina(studio)
    stored = firm_store.passphrase_hash(studio, nina)
    assert PASSPHRASE not in stored
    assert stored.startswith("pbkdf2_sha256$1000$")
