"""Settings › Tags: owner and admins list, create, rename, recolour and delete the firm's tags."""

import json

import pytest

from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.services import firm_history
from app.services import tag_settings as tags
from app.services.account_editing import account_form
from tests.conftest import ADMINS, EMPLOYEES, MARKUP, member_named


@pytest.fixture
def db(studio):
    return studio


@pytest.fixture
def giulia(db):
    return member_named(db, "Giulia")


def snapshot(db):
    """The tables these calls may write: equal before and after means nothing was written."""
    return {t: [tuple(r) for r in db.all(f"SELECT * FROM {t} ORDER BY 1, 2")]
            for t in ("tag", "account_tag", "firm_event")}


def by_name(db, actor, name):
    return next(t for t in tags.list_tags(db, actor) if t.name == name)


def events(db):
    return [(r["action"], r["subject"], json.loads(r["detail"])) for r in reversed(db.all(
        "SELECT action, subject, detail FROM firm_event ORDER BY id DESC"))]


# Rights ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ADMINS)
def test_owner_and_admin_may_do_everything(db, name):
    actor = member_named(db, name)
    tag_id = tags.create_tag(db, actor, {"name": "Nuovo", "color": "#112233"})
    tags.update_tag(db, actor, tag_id, {"name": "Rinnovato", "color": "#445566"})
    assert by_name(db, actor, "Rinnovato").color == "#445566"
    assert tags.delete_tag(db, actor, tag_id) == "Rinnovato"
    assert "Rinnovato" not in {t.name for t in tags.list_tags(db, actor)}


@pytest.mark.parametrize("name", EMPLOYEES)
@pytest.mark.parametrize("action", ["list", "create", "update", "delete"])
def test_every_employee_is_refused_whatever_their_rights(db, giulia, name, action):
    actor = member_named(db, name)
    tag_id = by_name(db, giulia, "VIP").id
    before = snapshot(db)
    calls = {"list": lambda: tags.list_tags(db, actor),
             "create": lambda: tags.create_tag(db, actor, {"name": "Nuovo", "color": "#112233"}),
             "update": lambda: tags.update_tag(db, actor, tag_id, {"name": "Altro"}),
             "delete": lambda: tags.delete_tag(db, actor, tag_id)}
    with pytest.raises(AccessDenied):
        calls[action]()
    assert snapshot(db) == before


# Listing ------------------------------------------------------------------------------
def test_list_counts_the_accounts_carrying_each_tag(db, giulia):
    views = tags.list_tags(db, giulia)
    assert len(views) == 8
    for view in views:
        carrying = db.scalar("SELECT count(*) FROM account_tag WHERE tag_id = ?", (view.id,))
        assert view.accounts == carrying
    assert sum(v.accounts for v in views) > 0


# Create -------------------------------------------------------------------------------
def test_a_new_tag_is_offered_in_the_account_editor_and_recorded(db, giulia):
    tag_id = tags.create_tag(db, giulia, {"name": "  Antiriciclaggio  ", "color": "#0F766E"})
    view = by_name(db, giulia, "Antiriciclaggio")
    assert (view.id, view.color, view.accounts) == (tag_id, "#0F766E", 0)
    account_id = db.scalar("SELECT min(id) FROM account")
    assert "Antiriciclaggio" in {t.name for t in account_form(db, giulia, account_id).tags}
    assert events(db)[-1] == ("tag_created", "Antiriciclaggio", {"color": "#0F766E"})


@pytest.mark.parametrize(("data", "errors"), [
    ({"name": "", "color": "#112233"}, {"name": "required"}),
    ({"name": "   ", "color": "#112233"}, {"name": "required"}),
    ({"color": "#112233"}, {"name": "required"}),
    ({"name": "x" * 256, "color": "#112233"}, {"name": "too_long"}),
    ({"name": "vip", "color": "#112233"}, {"name": "duplicate_tag"}),
    ({"name": "Iva Mensile", "color": "#112233"}, {"name": "duplicate_tag"}),
    ({"name": "Éstero", "color": "#112233"}, {"name": "duplicate_tag"}),
    ({"name": "Nuovo", "color": "red"}, {"color": "invalid"}),
    ({"name": "Nuovo", "color": "#12345"}, {"color": "invalid"}),
    ({"name": "Nuovo"}, {"color": "invalid"}),
    ({"name": "", "color": "nope"}, {"name": "required", "color": "invalid"}),
    ({"name": "VIP", "color": "nope"}, {"name": "duplicate_tag", "color": "invalid"}),
])
def test_create_refusals_write_nothing(db, giulia, data, errors):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        tags.create_tag(db, giulia, data)
    assert refused.value.errors == errors
    assert snapshot(db) == before


def test_markup_in_a_name_is_stored_as_typed(db, giulia):
    tags.create_tag(db, giulia, {"name": MARKUP, "color": "#112233"})
    assert by_name(db, giulia, MARKUP).name == MARKUP


# Update -------------------------------------------------------------------------------
def test_rename_keeps_the_tag_on_its_accounts_and_records_the_old_name(db, giulia):
    vip = by_name(db, giulia, "VIP")
    tags.update_tag(db, giulia, vip.id, {"name": "Clienti top", "color": vip.color})
    renamed = by_name(db, giulia, "Clienti top")
    assert (renamed.id, renamed.accounts) == (vip.id, vip.accounts)
    assert events(db)[-1] == ("tag_renamed", "Clienti top", {"old": "VIP"})


def test_renaming_to_its_own_name_in_another_case_is_allowed(db, giulia):
    tag = by_name(db, giulia, "IVA mensile")
    tags.update_tag(db, giulia, tag.id, {"name": "Iva Mensile"})
    assert by_name(db, giulia, "Iva Mensile").id == tag.id


def test_recolour_alone_records_a_recolouring(db, giulia):
    vip = by_name(db, giulia, "VIP")
    tags.update_tag(db, giulia, vip.id, {"color": "#000000"})
    assert by_name(db, giulia, "VIP").color == "#000000"
    assert events(db)[-1] == ("tag_recoloured", "VIP", {"color": "#000000"})


def test_rename_and_recolour_at_once_records_both(db, giulia):
    vip = by_name(db, giulia, "VIP")
    tags.update_tag(db, giulia, vip.id, {"name": "Top", "color": "#000000"})
    assert [e[0] for e in events(db)[-2:]] == ["tag_renamed", "tag_recoloured"]


def test_an_update_that_changes_nothing_writes_nothing(db, giulia):
    vip = by_name(db, giulia, "VIP")
    before = snapshot(db)
    tags.update_tag(db, giulia, vip.id, {"name": " VIP ", "color": vip.color.upper()})
    assert snapshot(db) == before


@pytest.mark.parametrize(("data", "errors"), [
    ({"name": "Estero"}, {"name": "duplicate_tag"}),
    ({"name": "paghe"}, {"name": "duplicate_tag"}),
    ({"name": ""}, {"name": "required"}),
    ({"color": "#GGGGGG"}, {"color": "invalid"}),
])
def test_update_refusals_write_nothing(db, giulia, data, errors):
    vip = by_name(db, giulia, "VIP")
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        tags.update_tag(db, giulia, vip.id, data)
    assert refused.value.errors == errors
    assert snapshot(db) == before


def test_unknown_tags_are_not_found(db, giulia):
    with pytest.raises(NotFound):
        tags.update_tag(db, giulia, 9999, {"name": "X"})
    with pytest.raises(NotFound):
        tags.delete_tag(db, giulia, 9999)


# Delete -------------------------------------------------------------------------------
def test_delete_removes_the_tag_from_its_accounts_and_records_how_many(db, giulia):
    tag = max(tags.list_tags(db, giulia), key=lambda t: t.accounts)
    assert tag.accounts > 0
    assert tags.delete_tag(db, giulia, tag.id) == tag.name
    assert db.scalar("SELECT count(*) FROM account_tag WHERE tag_id = ?", (tag.id,)) == 0
    assert tag.name not in {t.name for t in tags.list_tags(db, giulia)}
    assert events(db)[-1] == ("tag_deleted", tag.name, {"accounts": str(tag.accounts)})


def test_history_lists_the_changes_with_their_actor(db, giulia):
    marco = member_named(db, "Marco")
    tags.create_tag(db, marco, {"name": "Nuovo", "color": "#112233"})
    lines, total = firm_history.history(db, giulia)
    assert total >= 1 and (lines[0].actor, lines[0].action, lines[0].subject) == ("Marco Ferri", "tag_created", "Nuovo")
