"""Settings › Custom fields under CPython: both lists, the `Custom field` dialog, moves, deleting."""

from __future__ import annotations

import pytest

from app.domain.errors import AccessDenied
from app.services.account_editing import account_form
from app.ui.field_settings import FieldSettings
from app.ui.html import Element, render, text_of
from tests.conftest import MARKUP
from tests.ui.settings_harness import Harness
from tests.ui.tree import by_role, name_of, walk

ACCOUNT_FIELDS = ["Codice cliente", "Regime fiscale", "Fatturato annuo", "Inizio mandato", "Firma digitale", "PEC"]


@pytest.fixture
def db(studio):
    return studio


@pytest.fixture
def ui(db) -> Harness:
    return Harness(db, FieldSettings)


def labels(part: Element, list_name: str = "Account fields") -> list[str]:
    [found] = by_role(part, "list", list_name)
    return [text_of(e) for li in by_role(found, "listitem") for e in walk(li) if e.attr("class") == "item-name"]


def field_id(db, label: str) -> int:
    return db.scalar("SELECT id FROM custom_field WHERE label = ?", (label,))


def test_the_part_holds_both_lists_in_form_order(ui):
    part = ui.part()
    assert by_role(part, "region", "Custom fields") == [part]
    assert [name_of(e, part) for e in by_role(part, "heading")] == ["Custom fields", "Account fields", "Contact fields"]
    assert labels(part) == ACCOUNT_FIELDS
    assert labels(part, "Contact fields") == ["Professione", "Telefono ufficio"]
    assert by_role(part, "button", "Add account field") and by_role(part, "button", "Add contact field")


def test_each_item_shows_its_type_use_and_buttons(ui, db):
    part = ui.part()
    [account] = by_role(part, "list", "Account fields")
    first, second, *_, last = by_role(account, "listitem")
    used = db.scalar("SELECT count(*) FROM account_field_value WHERE field_id = ?", (field_id(db, "Regime fiscale"),))
    assert "Dropdown" in text_of(second) and f"Used on {used} accounts" in text_of(second)
    assert [name_of(b, part) for b in by_role(second, "button")] == [
        "Move Regime fiscale up", "Move Regime fiscale down", "Edit Regime fiscale", "Delete Regime fiscale"]
    assert not by_role(first, "button", "Move Codice cliente up")
    assert not by_role(last, "button", "Move PEC down")
    [contact] = by_role(part, "list", "Contact fields")
    assert "Not used yet" in text_of(contact)


def test_a_new_account_field_reaches_the_account_form(ui, db):
    ui.click("Add account field")
    assert by_role(ui.dialog(), "dialog", "Custom field")
    assert ui.dom.focused == "f-field-label"
    kind = ui.control("Type")
    assert [text_of(o) for o in by_role(kind, "option")] == [
        "Text", "Number", "Date", "Dropdown", "Checkbox", "Email", "Phone", "Address"]
    options = ui.control("Options")
    assert options.tag == "textarea" and ui.described(options) == "One per line; for Dropdown"
    ui.submit("field", label="Banca", type="dropdown", options="Intesa\nUniCredit")
    assert ui.dom.regions["dialog"] is None and ui.announced() == "Field “Banca” saved."
    assert labels(ui.part())[-1] == "Banca"
    account_id = db.scalar("SELECT min(id) FROM account")
    last = account_form(db, ui.app.member, account_id).fields[-1]
    assert (last.label, last.type, last.options) == ("Banca", "dropdown", ("Intesa", "UniCredit"))


def test_a_new_contact_field_goes_to_the_contact_list(ui):
    ui.click("Add contact field")
    ui.submit("field", label="Hobby", type="text", options="")
    assert labels(ui.part(), "Contact fields")[-1] == "Hobby"


def test_a_dropdown_without_options_is_refused_next_to_options(ui):
    ui.click("Add account field")
    ui.submit("field", label="Banca", type="dropdown", options="")
    options = ui.control("Options")
    assert options.attr("aria-invalid") == "true"
    assert "A dropdown needs at least one option." in ui.described(options)


def test_a_type_change_that_loses_values_is_shown_next_to_the_type(ui, db):
    used = db.scalar("SELECT count(*) FROM account_field_value WHERE field_id = ?", (field_id(db, "Codice cliente"),))
    ui.click("Edit Codice cliente")
    assert ui.control("Label").attr("value") == "Codice cliente"
    ui.submit("field", label="Codice cliente", type="number", options="")
    kind = ui.control("Type")
    assert kind.attr("aria-invalid") == "true"
    assert ui.described(kind) == f"Values that do not fit the new type: {used}. Change or clear them first."
    assert [o for o in by_role(kind, "option") if o.attr("selected")][0].attr("value") == "number"


def test_removing_an_option_in_use_names_who_uses_it(ui, db):
    ui.click("Edit Regime fiscale")
    assert ui.control("Options").children == ("Ordinario\nSemplificato\nForfettario",)
    ui.submit("field", label="Regime fiscale", type="dropdown", options="Ordinario\nSemplificato")
    said = ui.described(ui.control("Options"))
    users = [r[0] for r in db.all("SELECT a.name FROM account_field_value v JOIN account a ON a.id = v.account_id"
                                  " WHERE v.field_id = ? AND v.value = 'Forfettario' ORDER BY a.name COLLATE NOCASE",
                                  (field_id(db, "Regime fiscale"),))]
    assert "“Forfettario” is in use (" in said and users[0] in said


def test_a_duplicate_label_is_shown_next_to_the_label(ui):
    ui.click("Add account field")
    ui.submit("field", label="pec", type="text", options="")
    assert ui.described(ui.control("Label")) == "A field with this label already exists here."


def test_moving_up_keeps_focus_on_the_moved_button(ui, db):
    moved = field_id(db, "Fatturato annuo")
    ui.click("Move Fatturato annuo up")
    assert labels(ui.part())[:3] == ["Codice cliente", "Fatturato annuo", "Regime fiscale"]
    assert ui.dom.focused == f"move-up-{moved}"
    assert ui.announced() == "“Fatturato annuo” is now number 2 of 6."


def test_reaching_the_top_moves_focus_to_the_other_move_button(ui, db):
    moved = field_id(db, "Regime fiscale")
    ui.click("Move Regime fiscale up")
    assert labels(ui.part())[0] == "Regime fiscale"
    assert not by_role(ui.part(), "button", "Move Regime fiscale up")
    assert ui.dom.focused == f"move-down-{moved}"


def test_moving_down_to_the_end(ui, db):
    moved = field_id(db, "Firma digitale")
    ui.click("Move Firma digitale down")
    assert labels(ui.part())[-1] == "Firma digitale"
    assert ui.dom.focused == f"move-up-{moved}"
    assert [f.label for f in account_form(db, ui.app.member, db.scalar("SELECT min(id) FROM account")).fields][-2:] \
        == ["PEC", "Firma digitale"]


def test_delete_says_how_many_accounts_use_it(ui, db):
    used = db.scalar("SELECT count(*) FROM account_field_value WHERE field_id = ?", (field_id(db, "PEC"),))
    ui.click("Delete PEC")
    assert by_role(ui.dialog(), "alertdialog", "Delete field “PEC”?")
    assert ui.confirm() == f"“PEC” is used on {used} accounts; its values there will be deleted."
    assert ui.announced() == "Field “PEC” deleted."
    assert "PEC" not in labels(ui.part())


def test_deleting_an_unused_contact_field_says_so(ui):
    ui.click("Delete Professione")
    assert ui.confirm() == "“Professione” is not used on any contact yet; it will be deleted."
    assert labels(ui.part(), "Contact fields") == ["Telefono ufficio"]


def test_markup_in_a_label_renders_as_text(ui):
    ui.click("Add account field")
    ui.submit("field", label=MARKUP, type="text", options="")
    part = ui.part()
    assert labels(part)[-1] == MARKUP
    html = render(part)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert by_role(part, "button", f"Move {MARKUP} up")


def test_italian_names_the_part_in_italian(ui):
    ui.app.lang = "it"
    part = ui.part()
    assert by_role(part, "region", "Campi personalizzati")
    assert by_role(part, "list", "Campi dell'account") and by_role(part, "list", "Campi del contatto")
    assert by_role(part, "button", "Aggiungi campo dell'account")


def test_an_employee_gets_no_part(db):
    with pytest.raises(AccessDenied):
        Harness(db, FieldSettings, member="Laura").part()
