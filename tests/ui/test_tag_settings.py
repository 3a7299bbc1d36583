"""Settings › Tags under CPython: the list, the `Tag` dialog, refusals next to the field, deleting."""

from __future__ import annotations

import pytest

from app.domain.errors import AccessDenied
from app.services.account_editing import account_form
from app.ui.html import Element, render, text_of
from app.ui.tag_settings import TagSettings
from tests.conftest import MARKUP
from tests.ui.settings_harness import Harness
from tests.ui.tree import by_role, name_of, walk


@pytest.fixture
def db(studio):
    return studio


@pytest.fixture
def ui(db) -> Harness:
    return Harness(db, TagSettings)


def tag_list(part: Element) -> Element:
    [found] = by_role(part, "list", "Tags")
    return found


def item(part: Element, name: str) -> Element:
    return next(li for li in by_role(tag_list(part), "listitem")
                if any(e.attr("class") == "item-name" and text_of(e) == name for e in walk(li)))


def test_the_part_is_a_region_with_the_list_of_tags(ui, db):
    part = ui.part()
    assert by_role(part, "region", "Tags") == [part]
    assert by_role(part, "heading", "Tags")[0].tag == "h2"
    items = by_role(tag_list(part), "listitem")
    assert len(items) == 8
    vip = item(part, "VIP")
    carrying = db.scalar("SELECT count(*) FROM account_tag t JOIN tag ON tag.id = t.tag_id WHERE tag.name = 'VIP'")
    assert f"On {carrying} account" in text_of(vip)
    assert any(e.attr("class") == "swatch" and "#b45309" in e.attr("style") for e in walk(vip))
    assert [name_of(b, part) for b in by_role(vip, "button")] == ["Edit VIP", "Delete VIP"]
    assert by_role(part, "button", "New tag")


def test_a_new_tag_appears_in_the_list_and_in_the_account_editor(ui, db):
    ui.click("New tag")
    assert by_role(ui.dialog(), "dialog", "Tag")
    assert ui.dom.focused == "f-tag-name"
    assert ui.control("Colour").attr("type") == "color"
    ui.submit("tag", name="Antiriciclaggio", color="#0f766e")
    assert ui.dom.regions["dialog"] is None
    assert ui.announced() == "Tag “Antiriciclaggio” saved."
    assert "On no account" in text_of(item(ui.part(), "Antiriciclaggio"))
    account_id = db.scalar("SELECT min(id) FROM account")
    assert "Antiriciclaggio" in {t.name for t in account_form(db, ui.app.member, account_id).tags}


def test_a_duplicate_name_is_shown_next_to_the_name(ui, db):
    ui.click("New tag")
    ui.submit("tag", name="vìp", color="#0f766e")
    name = ui.control("Name")
    assert name.attr("aria-invalid") == "true"
    assert ui.described(name) == "A tag with this name already exists."
    assert name.attr("value") == "vìp"   # what was typed stays
    assert by_role(ui.dialog(), "alert")[0].children
    assert len(by_role(tag_list(ui.part()), "listitem")) == 8


def test_an_empty_name_is_required(ui):
    ui.click("New tag")
    ui.submit("tag", name="  ", color="#0f766e")
    assert ui.described(ui.control("Name")) == "Required."


def test_edit_opens_with_the_tag_and_renames_it(ui):
    ui.click("Edit VIP")
    assert ui.control("Name").attr("value") == "VIP"
    assert ui.control("Colour").attr("value") == "#b45309"
    ui.submit("tag", name="Clienti top", color="#b45309")
    assert ui.announced() == "Tag “Clienti top” saved."
    assert item(ui.part(), "Clienti top")


def test_markup_in_a_name_renders_as_text(ui):
    ui.click("New tag")
    ui.submit("tag", name=MARKUP, color="#0f766e")
    part = ui.part()
    assert item(part, MARKUP)
    html = render(part)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert by_role(part, "button", f"Delete {MARKUP}")


def test_delete_says_how_many_accounts_carry_it_then_removes_it(ui, db):
    vip_id = db.scalar("SELECT id FROM tag WHERE name = 'VIP'")
    carrying = db.scalar("SELECT count(*) FROM account_tag WHERE tag_id = ?", (vip_id,))
    ui.click("Delete VIP")
    assert by_role(ui.dialog(), "alertdialog", "Delete tag “VIP”?")
    said = ui.confirm()
    assert said == f"“VIP” is on {carrying} accounts; it will be removed from them."
    assert ui.announced() == "Tag “VIP” deleted."
    assert "VIP" not in text_of(tag_list(ui.part()))
    assert db.scalar("SELECT count(*) FROM account_tag WHERE tag_id = ?", (vip_id,)) == 0


def test_italian_names_the_part_in_italian(ui):
    ui.app.lang = "it"
    part = ui.part()
    assert by_role(part, "region", "Etichette")
    assert by_role(part, "button", "Nuova etichetta") and by_role(part, "button", "Modifica VIP")


def test_an_employee_gets_no_part(db):
    with pytest.raises(AccessDenied):
        Harness(db, TagSettings, member="Tom").part()
