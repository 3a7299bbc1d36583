"""Set up my firm: the demo is replaced by an empty firm of one's own, in one step or not at all."""

import pytest

from app.domain import starter
from app.domain.errors import AccessDenied, InvalidInput
from app.domain.firm import FieldScope, Role
from app.domain.passphrase import verify
from app.services import members, team
from app.services.setup import create_firm, is_demo
from app.services.signin import sign_in
from app.store import firm as firm_store
from tests.conftest import MARKUP, member_named
from tests.services.conftest import FAST_KDF, NOW, PASSPHRASE, events, run, snapshot

DATA = {"firm_name": "Studio Verdi", "first_name": "Anna", "last_name": "Verdi", "email": "Anna@Verdi.it",
        "passphrase": PASSPHRASE, "repeat": PASSPHRASE, "starter": "true"}


def set_up(db, actor_name="Laura", **changes):
    return run(create_firm(db, member_named(db, actor_name), {**DATA, **changes}, FAST_KDF, NOW))


def everything(db):
    """Every table's row count, and the firm's own tables in full."""
    tables = [r[0] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%search%'")]
    return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in tables}, snapshot(db)  # noqa: S608


@pytest.mark.parametrize("name", ["Giulia", "Marco", "Laura", "Sara"])
def test_anyone_in_the_demo_sets_up_a_firm_of_their_own(studio, name):
    owner = set_up(studio, name)
    assert (owner.full_name, owner.email, owner.role) == ("Anna Verdi", "anna@verdi.it", Role.OWNER)
    assert [m.id for m in members.list_members(studio)] == [owner.id]
    firm = firm_store.get_firm(studio)
    assert (firm.name, firm.demo) == ("Studio Verdi", False)
    assert not is_demo(studio)


def test_nothing_of_the_demo_is_left(studio):
    set_up(studio)
    for table in ("account", "contact", "note", "account_team", "team_history", "document", "task",
                  "time_entry", "account_search"):
        assert studio.scalar(f"SELECT count(*) FROM {table}") == 0, table  # noqa: S608
    assert not {"Giulia", "Marco", "Laura"} & {m.first_name for m in firm_store.list_members(studio, True)}


def test_the_owner_signs_in_with_the_passphrase_chosen(studio):
    owner = set_up(studio)
    stored = firm_store.passphrase_hash(studio, owner.id)
    assert owner.has_passphrase and not owner.must_change_passphrase
    assert run(verify(stored, PASSPHRASE, FAST_KDF)) is True
    assert run(verify(stored, "not the passphrase", FAST_KDF)) is False
    assert run(sign_in(studio, owner.id, PASSPHRASE, FAST_KDF)).id == owner.id


def test_the_history_starts_with_one_line(studio):
    owner = set_up(studio)
    assert events(studio) == [{"at": NOW.isoformat(), "actor_id": owner.id, "action": "firm_created",
                               "subject": "Studio Verdi", "detail": {}}]


def test_the_starter_set_comes_when_ticked(studio):
    set_up(studio)
    assert sorted(t.name for t in firm_store.list_tags(studio)) == sorted(t.name for t in starter.TAGS)
    assert [f.label for f in firm_store.list_custom_fields(studio, FieldScope.ACCOUNT.value)] == \
        [f.label for f in starter.ACCOUNT_FIELDS]
    assert [f.label for f in firm_store.list_custom_fields(studio, FieldScope.CONTACT.value)] == \
        [f.label for f in starter.CONTACT_FIELDS]


@pytest.mark.parametrize("ticked", [None, "", "false", "on"])
def test_no_starter_set_unless_ticked(studio, ticked):
    set_up(studio, starter=ticked)
    assert firm_store.list_tags(studio) == []
    assert firm_store.list_custom_fields(studio, "account") == firm_store.list_custom_fields(studio, "contact") == []


def test_markup_in_names_is_kept_as_typed_text(studio):
    owner = set_up(studio, firm_name=MARKUP, first_name=MARKUP)
    assert firm_store.get_firm(studio).name == MARKUP
    assert firm_store.get_member(studio, owner.id).first_name == MARKUP
    assert events(studio)[0]["subject"] == MARKUP


def test_a_firm_of_its_own_is_never_replaced(studio):
    owner = set_up(studio)
    before = everything(studio)
    with pytest.raises(AccessDenied):
        run(create_firm(studio, owner, {**DATA, "firm_name": "Another"}, FAST_KDF, NOW))
    assert everything(studio) == before


@pytest.mark.parametrize("changes, errors", [
    ({"passphrase": "123456789", "repeat": "123456789"}, {"passphrase": "passphrase_short"}),
    ({"repeat": PASSPHRASE + "!"}, {"repeat": "passphrase_mismatch"}),
    ({"repeat": ""}, {"repeat": "passphrase_mismatch"}),
    ({"firm_name": "  "}, {"firm_name": "required"}),
    ({"first_name": ""}, {"first_name": "required"}),
    ({"last_name": " "}, {"last_name": "required"}),
    ({"email": "anna.verdi"}, {"email": "email"}),
    ({"email": "anna@verdi"}, {"email": "email"}),
    ({"firm_name": "", "email": "x", "passphrase": "short", "repeat": "short"},
     {"firm_name": "required", "email": "email", "passphrase": "passphrase_short"}),
])
def test_bad_input_keeps_the_demo_whole(studio, changes, errors):
    before = everything(studio)
    with pytest.raises(InvalidInput) as refused:
        set_up(studio, **changes)
    assert refused.value.errors == errors
    assert everything(studio) == before
    assert is_demo(studio)


def test_the_new_owner_runs_the_new_firm(studio):
    owner = set_up(studio)
    nina = run(team.add_member(studio, owner, {"first_name": "Nina", "last_name": "Rossi", "email": "nina@verdi.it",
                                               "passphrase": "first of all"}, FAST_KDF, NOW))
    assert [m.id for m in team.team(studio, owner)] == [owner.id, nina]
