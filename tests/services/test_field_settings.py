"""Settings › Custom fields: owner and admins define, change, reorder and delete the firm's fields."""

import json

import pytest

from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.services import field_settings as fields
from app.services.account_editing import account_form
from app.services.contact_editing import contact_fields
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
            for t in ("custom_field", "account_field_value", "contact_field_value", "firm_event")}


def field(db, actor, label, scope="account"):
    return next(f for f in fields.list_fields(db, actor, scope) if f.label == label)


def values(db, field_id):
    return dict(db.all("SELECT account_id, value FROM account_field_value WHERE field_id = ?", (field_id,)))


def set_values(db, field_id, by_account):
    with db.transaction():
        for account_id, value in by_account.items():
            db.execute("INSERT OR REPLACE INTO account_field_value (account_id, field_id, value) VALUES (?, ?, ?)",
                       (account_id, field_id, value))


def events(db):
    return [(r["action"], r["subject"], json.loads(r["detail"])) for r in reversed(db.all(
        "SELECT action, subject, detail FROM firm_event ORDER BY id DESC"))]


def account_ids(db, n):
    return [r[0] for r in db.all("SELECT id FROM account ORDER BY id LIMIT ?", (n,))]


def only_values(db, field_id, by_account):
    """The field holds exactly these values."""
    with db.transaction():
        db.execute("DELETE FROM account_field_value WHERE field_id = ?", (field_id,))
    set_values(db, field_id, by_account)


def data(f, **changes):
    return {"label": f.label, "type": f.type, "options": "\n".join(f.options), **changes}


# Rights ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ADMINS)
def test_owner_and_admin_may_do_everything(db, name):
    actor = member_named(db, name)
    new_id = fields.create_field(db, actor, "contact", {"label": "Hobby", "type": "text", "options": ""})
    fields.update_field(db, actor, new_id, {"label": "Passioni", "type": "text"})
    fields.move_field(db, actor, new_id, -1)
    assert [f.label for f in fields.list_fields(db, actor, "contact")][-2] == "Passioni"
    assert fields.delete_field(db, actor, new_id) == "Passioni"


@pytest.mark.parametrize("name", EMPLOYEES)
@pytest.mark.parametrize("action", ["list", "create", "update", "move", "delete"])
def test_every_employee_is_refused_whatever_their_rights(db, giulia, name, action):
    actor = member_named(db, name)
    target = field(db, giulia, "Codice cliente").id
    before = snapshot(db)
    calls = {"list": lambda: fields.list_fields(db, actor, "account"),
             "create": lambda: fields.create_field(db, actor, "account", {"label": "X", "type": "text"}),
             "update": lambda: fields.update_field(db, actor, target, {"label": "Y", "type": "text"}),
             "move": lambda: fields.move_field(db, actor, target, 1),
             "delete": lambda: fields.delete_field(db, actor, target)}
    with pytest.raises(AccessDenied):
        calls[action]()
    assert snapshot(db) == before


# Listing ------------------------------------------------------------------------------
def test_list_gives_each_scope_in_order_with_value_counts(db, giulia):
    account = fields.list_fields(db, giulia, "account")
    assert [f.label for f in account] == ["Codice cliente", "Regime fiscale", "Fatturato annuo",
                                          "Inizio mandato", "Firma digitale", "PEC"]
    assert account[1].options == ("Ordinario", "Semplificato", "Forfettario")
    for f in account:
        assert f.values == len(values(db, f.id)) and f.scope == "account"
    assert [f.label for f in fields.list_fields(db, giulia, "contact")] == ["Professione", "Telefono ufficio"]


def test_an_unknown_scope_is_refused(db, giulia):
    with pytest.raises(InvalidInput) as refused:
        fields.list_fields(db, giulia, "invoice")
    assert refused.value.errors == {"scope": "option"}


# Create -------------------------------------------------------------------------------
def test_a_new_account_field_goes_last_and_reaches_the_account_form(db, giulia):
    new_id = fields.create_field(db, giulia, "account", {"label": "Banca", "type": "dropdown",
                                                         "options": " Intesa \n\nUniCredit\n"})
    listed = fields.list_fields(db, giulia, "account")
    assert listed[-1].id == new_id and listed[-1].options == ("Intesa", "UniCredit") and listed[-1].values == 0
    form = account_form(db, giulia, account_ids(db, 1)[0])
    assert form.fields[-1].label == "Banca" and form.fields[-1].options == ("Intesa", "UniCredit")
    assert events(db)[-1] == ("field_created", "Banca", {"scope": "account", "type": "dropdown"})


def test_a_new_contact_field_reaches_the_contact_form(db, giulia):
    fields.create_field(db, giulia, "contact", {"label": "Codice fiscale", "type": "text"})
    assert [f.label for f in contact_fields(db)][-1] == "Codice fiscale"


@pytest.mark.parametrize("kind", ["text", "number", "date", "dropdown", "checkbox", "email", "phone", "address"])
def test_every_type_may_be_created(db, giulia, kind):
    fields.create_field(db, giulia, "contact", {"label": "Nuovo", "type": kind, "options": "A\nB"})
    created = field(db, giulia, "Nuovo", "contact")
    assert created.type == kind
    assert created.options == (("A", "B") if kind == "dropdown" else ())


@pytest.mark.parametrize(("scope", "data", "errors"), [
    ("account", {"label": "", "type": "text"}, {"label": "required"}),
    ("account", {"type": "text"}, {"label": "required"}),
    ("account", {"label": "x" * 256, "type": "text"}, {"label": "too_long"}),
    ("account", {"label": "codice CLIENTE", "type": "text"}, {"label": "duplicate_field"}),
    ("account", {"label": "Pèc", "type": "text"}, {"label": "duplicate_field"}),
    ("contact", {"label": "professione", "type": "text"}, {"label": "duplicate_field"}),
    ("account", {"label": "Nuovo", "type": "colour"}, {"type": "option"}),
    ("account", {"label": "Nuovo"}, {"type": "option"}),
    ("account", {"label": "Nuovo", "type": "dropdown", "options": "\n  \n"}, {"options": "options_required"}),
    ("account", {"label": "Nuovo", "type": "dropdown", "options": "Sì\nsi"}, {"options": "duplicate_option"}),
    ("account", {"label": "", "type": "dropdown", "options": ""}, {"label": "required", "options": "options_required"}),
    ("invoice", {"label": "Nuovo", "type": "text"}, {"scope": "option"}),
])
def test_create_refusals_write_nothing(db, giulia, scope, data, errors):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        fields.create_field(db, giulia, scope, data)
    assert refused.value.errors == errors
    assert snapshot(db) == before


def test_the_same_label_may_be_used_in_the_other_scope(db, giulia):
    fields.create_field(db, giulia, "contact", {"label": "Codice cliente", "type": "text"})
    assert field(db, giulia, "Codice cliente", "contact")


def test_markup_in_a_label_is_stored_as_typed(db, giulia):
    fields.create_field(db, giulia, "account", {"label": MARKUP, "type": "text"})
    assert field(db, giulia, MARKUP).label == MARKUP


# Rename and change --------------------------------------------------------------------
def test_rename_keeps_the_values_and_records_the_old_label(db, giulia):
    f = field(db, giulia, "Codice cliente")
    held = values(db, f.id)
    fields.update_field(db, giulia, f.id, data(f, label="Codice interno"))
    assert values(db, f.id) == held
    assert events(db)[-1] == ("field_renamed", "Codice interno", {"old": "Codice cliente"})


def test_renaming_to_its_own_label_in_another_case_is_allowed(db, giulia):
    f = field(db, giulia, "PEC")
    fields.update_field(db, giulia, f.id, data(f, label="Pec"))
    assert field(db, giulia, "Pec").id == f.id


def test_an_update_that_changes_nothing_writes_nothing(db, giulia):
    f = field(db, giulia, "Regime fiscale")
    before = snapshot(db)
    fields.update_field(db, giulia, f.id, data(f, options="Ordinario\n Semplificato \nForfettario\n"))
    assert snapshot(db) == before


def test_text_to_number_converts_values_to_their_canonical_form(db, giulia):
    f = field(db, giulia, "Codice cliente")
    a, b = account_ids(db, 2)
    only_values(db, f.id, {a: "12", b: "1.234,50"})
    fields.update_field(db, giulia, f.id, data(f, type="number"))
    assert field(db, giulia, "Codice cliente").type == "number"
    assert values(db, f.id) == {a: "12", b: "1234.5"}
    assert events(db)[-1] == ("field_changed", "Codice cliente", {"scope": "account", "type": "number"})


def test_text_to_number_is_refused_when_a_value_does_not_convert(db, giulia):
    f = field(db, giulia, "Codice cliente")   # the demo's codes look like "C1234"
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        fields.update_field(db, giulia, f.id, data(f, type="number", label="Codice"))
    assert refused.value.errors == {"type": "type_change_loses_values"}
    assert refused.value.details["type"]["count"] == str(f.values)
    assert snapshot(db) == before


def test_the_refusal_counts_only_the_values_that_do_not_convert(db, giulia):
    f = field(db, giulia, "Codice cliente")
    a, b, c = account_ids(db, 3)
    only_values(db, f.id, {a: "12", b: "abc", c: "x"})
    with pytest.raises(InvalidInput) as refused:
        fields.update_field(db, giulia, f.id, data(f, type="number"))
    assert refused.value.details["type"]["count"] == "2"


def test_number_to_text_keeps_every_value(db, giulia):
    f = field(db, giulia, "Fatturato annuo")
    held = values(db, f.id)
    fields.update_field(db, giulia, f.id, data(f, type="text"))
    assert values(db, f.id) == held and field(db, giulia, "Fatturato annuo").type == "text"


def test_text_to_dropdown_when_every_value_is_an_option(db, giulia):
    f = field(db, giulia, "Codice cliente")
    a, b = account_ids(db, 2)
    only_values(db, f.id, {a: "Sì", b: "No"})
    fields.update_field(db, giulia, f.id, data(f, type="dropdown", options="Sì\nNo\nForse"))
    assert field(db, giulia, "Codice cliente").options == ("Sì", "No", "Forse")
    assert values(db, f.id) == {a: "Sì", b: "No"}


def test_text_to_dropdown_is_refused_when_a_value_is_not_an_option(db, giulia):
    f = field(db, giulia, "Codice cliente")
    a, b = account_ids(db, 2)
    only_values(db, f.id, {a: "Sì", b: "Boh"})
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        fields.update_field(db, giulia, f.id, data(f, type="dropdown", options="Sì\nNo"))
    assert refused.value.errors == {"type": "type_change_loses_values"}
    assert refused.value.details["type"]["count"] == "1"
    assert snapshot(db) == before


def test_a_field_without_values_changes_type_freely(db, giulia):
    f = field(db, giulia, "Professione", "contact")
    fields.update_field(db, giulia, f.id, data(f, type="date"))
    assert field(db, giulia, "Professione", "contact").type == "date"


def test_dropdown_to_text_drops_the_options_and_keeps_the_values(db, giulia):
    f = field(db, giulia, "Regime fiscale")
    held = values(db, f.id)
    fields.update_field(db, giulia, f.id, data(f, type="text"))
    changed = field(db, giulia, "Regime fiscale")
    assert (changed.type, changed.options) == ("text", ()) and values(db, f.id) == held


def test_adding_an_option_is_a_change(db, giulia):
    f = field(db, giulia, "Regime fiscale")
    fields.update_field(db, giulia, f.id, data(f, options="Ordinario\nSemplificato\nForfettario\nAgricolo"))
    assert field(db, giulia, "Regime fiscale").options[-1] == "Agricolo"
    assert events(db)[-1][0] == "field_changed"


def test_removing_an_unused_option_is_allowed(db, giulia):
    f = field(db, giulia, "Regime fiscale")
    only_values(db, f.id, {account_ids(db, 1)[0]: "Ordinario"})
    fields.update_field(db, giulia, f.id, data(f, options="Ordinario"))
    assert field(db, giulia, "Regime fiscale").options == ("Ordinario",)


def test_removing_an_option_in_use_names_who_uses_it(db, giulia):
    f = field(db, giulia, "Regime fiscale")
    ids = account_ids(db, 7)
    only_values(db, f.id, dict.fromkeys(ids, "Forfettario"))
    names = sorted((db.scalar("SELECT name FROM account WHERE id = ?", (i,)) for i in ids), key=str.lower)
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        fields.update_field(db, giulia, f.id, data(f, options="Ordinario\nSemplificato"))
    assert refused.value.errors == {"options": "option_in_use"}
    assert refused.value.details["options"] == {"option": "Forfettario", "names": ", ".join(names[:5]) + ", …"}
    assert snapshot(db) == before


def test_removing_an_option_a_contact_uses_names_the_contact(db, giulia):
    new_id = fields.create_field(db, giulia, "contact", {"label": "Canale", "type": "dropdown",
                                                         "options": "Email\nTelefono"})
    contact = db.one("SELECT id, first_name, last_name FROM contact ORDER BY id")
    with db.transaction():
        db.execute("INSERT INTO contact_field_value (contact_id, field_id, value) VALUES (?, ?, 'Telefono')",
                   (contact["id"], new_id))
    with pytest.raises(InvalidInput) as refused:
        fields.update_field(db, giulia, new_id, {"label": "Canale", "type": "dropdown", "options": "Email"})
    assert refused.value.details["options"]["names"] == f"{contact['first_name']} {contact['last_name']}"
    assert field(db, giulia, "Canale", "contact").values == 1


@pytest.mark.parametrize(("changes", "errors"), [
    ({"label": ""}, {"label": "required"}),
    ({"label": "PEC"}, {"label": "duplicate_field"}),
    ({"type": "money"}, {"type": "option"}),
    ({"options": ""}, {"options": "options_required"}),
    ({"options": "A\na"}, {"options": "duplicate_option"}),
])
def test_update_refusals_write_nothing(db, giulia, changes, errors):
    f = field(db, giulia, "Regime fiscale")
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        fields.update_field(db, giulia, f.id, data(f, **changes))
    assert refused.value.errors == errors
    assert snapshot(db) == before


def test_unknown_fields_are_not_found(db, giulia):
    for call in (lambda: fields.update_field(db, giulia, 999, {"label": "X", "type": "text"}),
                 lambda: fields.move_field(db, giulia, 999, 1), lambda: fields.delete_field(db, giulia, 999)):
        with pytest.raises(NotFound):
            call()


# Reorder ------------------------------------------------------------------------------
def labels(db, actor, scope="account"):
    return [f.label for f in fields.list_fields(db, actor, scope)]


def test_move_up_and_down_renumbers_positions(db, giulia):
    f = field(db, giulia, "Fatturato annuo")
    fields.move_field(db, giulia, f.id, -1)
    assert labels(db, giulia)[:3] == ["Codice cliente", "Fatturato annuo", "Regime fiscale"]
    assert [v.position for v in fields.list_fields(db, giulia, "account")] == list(range(6))
    fields.move_field(db, giulia, f.id, 1)
    fields.move_field(db, giulia, f.id, 1)
    assert labels(db, giulia)[2:4] == ["Inizio mandato", "Fatturato annuo"]
    assert events(db)[-1] == ("field_moved", "Fatturato annuo", {"scope": "account", "position": "4"})


def test_moving_past_an_end_changes_nothing(db, giulia):
    first, *_, last = fields.list_fields(db, giulia, "account")
    before = snapshot(db)
    fields.move_field(db, giulia, first.id, -1)
    fields.move_field(db, giulia, last.id, 1)
    assert snapshot(db) == before


def test_moves_stay_within_the_scope_and_reach_the_form(db, giulia):
    f = field(db, giulia, "PEC")
    fields.move_field(db, giulia, f.id, -1)
    assert labels(db, giulia, "contact") == ["Professione", "Telefono ufficio"]
    form = account_form(db, giulia, account_ids(db, 1)[0])
    assert [c.label for c in form.fields][-2:] == ["PEC", "Firma digitale"]


def test_a_step_other_than_one_is_refused(db, giulia):
    with pytest.raises(InvalidInput):
        fields.move_field(db, giulia, field(db, giulia, "PEC").id, 2)


# Delete -------------------------------------------------------------------------------
def test_delete_takes_the_values_and_records_how_many(db, giulia):
    f = field(db, giulia, "Inizio mandato")
    assert f.values > 0
    assert fields.delete_field(db, giulia, f.id) == "Inizio mandato"
    assert values(db, f.id) == {}
    assert "Inizio mandato" not in labels(db, giulia)
    assert events(db)[-1] == ("field_deleted", "Inizio mandato", {"values": str(f.values), "scope": "account"})


def test_every_problem_is_named_at_once(db, giulia):
    with pytest.raises(InvalidInput) as refused:
        fields.create_field(db, giulia, "account", {"label": "PEC", "type": "money"})
    assert refused.value.errors == {"label": "duplicate_field", "type": "option"}
