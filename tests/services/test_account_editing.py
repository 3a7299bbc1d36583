"""Editing an account's details, team and fields; creating and deleting accounts (F-EDIT-1…6, F-MORE-1)."""

from datetime import datetime

import pytest

from app.domain.access import Visibility
from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType
from app.services import account_editing as editing
from app.services.contact_editing import add_contact
from app.services.guard import visible_account
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store import search
from tests.conftest import _demo_db, member_named

NOW = datetime(2026, 11, 26, 12, 0)
XSS = "<img src=x onerror=alert(1)>"
ACTIVITY = ["document", "task", "email_message", "job", "chat_thread", "invoice", "credit", "approval",
            "signature_request", "organizer", "note", "time_entry", "proposal"]
MEMBERS = ["Giulia", "Marco", "Laura", "Paolo", "Sara", "Tom"]
# (member, may edit an account on their team, may edit one off their team, may create accounts)
RIGHTS = {"Giulia": (True, True, True), "Marco": (True, True, True), "Laura": (False, False, False),
          "Paolo": (True, False, True), "Sara": (False, False, False), "Tom": (True, True, True)}


@pytest.fixture
def db():
    return _demo_db(30)


def snapshot(db):
    """Every row of every table (and the search index): equal before and after means nothing was written."""
    tables = [r[0] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'"
                                   " AND name NOT LIKE 'account_search%' ORDER BY name")]
    rows = {t: [tuple(r) for r in db.all(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}
    rows["search"] = [tuple(r) for r in db.all("SELECT rowid, name, people FROM account_search ORDER BY 1")]
    return rows


def team_account(db, member):
    return db.scalar("SELECT account_id FROM account_team WHERE member_id = ? ORDER BY account_id", (member.id,))


def hidden_account(db, member):
    return db.scalar("SELECT id FROM account WHERE id NOT IN (SELECT account_id FROM account_team"
                     " WHERE member_id = ?) ORDER BY id", (member.id,))


def form(db, account_id, **changes):
    """The edit dialog's data as it opens (the account as stored), with `changes` applied."""
    a = account_store.get_account(db, account_id)
    data = {"name": a.name, "type": a.type.value, "tag_ids": sorted(a.tag_ids),
            "team_member_ids": sorted(a.team_member_ids), "address": a.address.model_dump(),
            "custom": dict(a.custom)}
    return {**data, **changes}


def field_id(db, label, scope="account"):
    return next(f.id for f in firm_store.list_custom_fields(db, scope) if f.label == label)


def found(db, text):
    return [h.account_id for h in search.search(db, text, Visibility(all_accounts=True), limit=50)]


def test_update_saves_every_detail_as_typed(db):
    giulia = member_named(db, "Giulia")
    tags = [t.id for t in firm_store.list_tags(db)][:2]
    f = {label: field_id(db, label) for label in
         ("Codice cliente", "Regime fiscale", "Fatturato annuo", "Inizio mandato", "Firma digitale", "PEC")}
    address = {"street": XSS, "city": '"><svg onload=alert(1)>', "state": "PD", "postal_code": "35121",
               "country": "Italia"}
    custom = {f["Codice cliente"]: f"  {XSS} ", f["Regime fiscale"]: "Semplificato",
              f["Fatturato annuo"]: "1.234,50", f["Inizio mandato"]: "2025-03-01",
              f["Firma digitale"]: "true", f["PEC"]: " PEC@Rossi.IT "}
    editing.update_account(db, giulia, 1, form(db, 1, name="  Rossi   & Figli 'Snc' ", type="company",
                                               tag_ids=tags, address=address, custom=custom), now=NOW)
    a = account_store.get_account(db, 1)
    assert (a.name, a.type.value, a.tag_ids) == ("Rossi & Figli 'Snc'", "company", frozenset(tags))
    assert a.address.model_dump() == address
    assert a.custom == {f["Codice cliente"]: XSS, f["Regime fiscale"]: "Semplificato",
                        f["Fatturato annuo"]: "1234.5", f["Inizio mandato"]: "2025-03-01",
                        f["Firma digitale"]: "true", f["PEC"]: "pec@rossi.it"}
    editing.update_account(db, giulia, 1, form(db, 1, name="x" * 255))  # the longest name allowed
    assert account_store.get_account(db, 1).name == "x" * 255


def test_emptied_custom_fields_and_tags_are_cleared(db):
    giulia = member_named(db, "Giulia")
    account_id = db.scalar("SELECT account_id FROM account_tag ORDER BY 1")
    custom = {i: "" for i in account_store.get_account(db, account_id).custom}
    editing.update_account(db, giulia, account_id, form(db, account_id, tag_ids=[], custom=custom))
    a = account_store.get_account(db, account_id)
    assert a.tag_ids == frozenset() and a.custom == {}


def test_the_length_limit_applies_to_the_trimmed_name(db):
    editing.update_account(db, member_named(db, "Giulia"), 1, form(db, 1, name="  " + "x" * 254))
    assert account_store.get_account(db, 1).name == "x" * 254


BAD_DETAILS = [
    ({"name": ""}, "name", "required"), ({"name": "   "}, "name", "required"),
    ({"name": "x" * 256}, "name", "too_long"), ({"name": XSS}, "name", "bad_chars"),
    *[({"name": f"Rossi {c} Figli"}, "name", "bad_chars") for c in '<>:"/\\|?*'],
    ({"type": "person"}, "type", "option"), ({"tag_ids": [9999]}, "tag_ids", "unknown_tag"),
    ({"team_member_ids": [9999]}, "team_member_ids", "unknown_member"),
    ({"address": {"city": "x" * 2001}}, "address.city", "too_long"),
]


@pytest.mark.parametrize("changes, field, code", BAD_DETAILS)
def test_invalid_details_are_refused_and_nothing_is_written(db, changes, field, code):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.update_account(db, member_named(db, "Giulia"), 1, form(db, 1, **{"name": "Renamed", **changes}))
    assert refused.value.errors[field] == code
    assert snapshot(db) == before


@pytest.mark.parametrize("label, value, code", [
    ("Fatturato annuo", "molto", "number"), ("Inizio mandato", "2025-02-30", "date"),
    ("Inizio mandato", "01/03/2025", "date"), ("Regime fiscale", "Agricolo", "option"),
    ("Firma digitale", "yes", "option"), ("PEC", "pec@", "email"), ("Telefono studio", "12", "phone"),
    ("Codice cliente", "x" * 2001, "too_long"), ("Professione", "contact field", "unknown"),
])
def test_custom_values_of_the_wrong_type_are_refused(db, label, value, code):
    with db.transaction():
        firm_store.insert_custom_field(db, CustomFieldDefinition(
            scope=FieldScope.ACCOUNT, label="Telefono studio", type=FieldType.PHONE))
    scope = "contact" if label == "Professione" else "account"
    fid = field_id(db, label, scope)
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.update_account(db, member_named(db, "Giulia"), 1, form(db, 1, name="Renamed", custom={fid: value}))
    assert refused.value.errors == {f"custom.{fid}": code}
    assert snapshot(db) == before


def test_a_failing_write_leaves_nothing_half_saved(db, monkeypatch):
    def broken(*args):
        raise RuntimeError("disk full")
    monkeypatch.setattr(account_store, "set_custom", broken)
    before = snapshot(db)
    with pytest.raises(RuntimeError):
        editing.update_account(db, member_named(db, "Giulia"), 1, form(db, 1, name="Renamed", tag_ids=[]))
    assert snapshot(db) == before


OPERATIONS = {
    "update": lambda db, m, a: editing.update_account(db, m, a, form(db, a, name="Renamed by test")),
    "generate name": lambda db, m, a: editing.generated_account_name(db, m, a),
    "delete": lambda db, m, a: editing.delete_account(db, m, a),
}


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("on_team", [True, False], ids=["on team", "off team"])
@pytest.mark.parametrize("name", MEMBERS)
def test_who_may_change_an_account(db, name, on_team, operation):
    member = member_named(db, name)
    account_id = team_account(db, member) if on_team else hidden_account(db, member)
    allowed = RIGHTS[name][0 if on_team else 1]
    before = snapshot(db)
    if not allowed:
        with pytest.raises(AccessDenied):
            OPERATIONS[operation](db, member, account_id)
        assert snapshot(db) == before
        return
    OPERATIONS[operation](db, member, account_id)
    if operation == "update":
        assert account_store.get_account(db, account_id).name == "Renamed by test"
    if operation == "delete":
        assert account_store.get_account(db, account_id) is None


@pytest.mark.parametrize("name", MEMBERS)
def test_who_may_create_accounts(db, name):
    member = member_named(db, name)
    before = snapshot(db)
    data = {"type": "individual", "contact": {"first_name": "Mario", "last_name": "Nuovo"}}
    if not RIGHTS[name][2]:
        with pytest.raises(AccessDenied):
            editing.create_account(db, member, data)
        assert snapshot(db) == before
        return
    account_id = editing.create_account(db, member, data, now=NOW)
    assert visible_account(db, member, account_id).name == "Nuovo, Mario"


def test_team_changes_are_recorded_with_who_and_by_whom(db):
    giulia, paolo, sara = (member_named(db, n) for n in ("Giulia", "Paolo", "Sara"))
    account_id = db.scalar("SELECT account_id FROM account_team t WHERE member_id = ? AND account_id NOT IN"
                           " (SELECT account_id FROM account_team WHERE member_id = ?) AND (SELECT count(*)"
                           " FROM account_team o WHERE o.account_id = t.account_id) > 1 ORDER BY 1",
                           (paolo.id, sara.id))
    old_team = account_store.get_account(db, account_id).team_member_ids
    leaving = min(old_team - {paolo.id})
    new_team = (old_team | {sara.id}) - {leaving}
    editing.update_account(db, paolo, account_id, form(db, account_id, team_member_ids=sorted(new_team)), now=NOW)
    assert account_store.get_account(db, account_id).team_member_ids == new_team
    history = [tuple(r) for r in account_store.team_history(db, account_id)]
    assert set(history[:2]) == {("added", NOW.isoformat(), "Sara Lombardi", "Paolo Greco"),
                                ("removed", NOW.isoformat(), firm_store.get_member(db, leaving).full_name,
                                 "Paolo Greco")}
    editing.update_account(db, giulia, account_id, form(db, account_id, name="Same team"), now=NOW)
    assert len(account_store.team_history(db, account_id)) == len(history)  # unchanged team: nothing recorded


def test_generated_names_follow_the_linked_contacts(db):
    giulia = member_named(db, "Giulia")
    account_id = editing.create_account(db, giulia, {"type": "individual", "contact": {
        "first_name": "Mario", "last_name": "Rossi"}}, now=NOW)
    assert account_store.get_account(db, account_id).name == "Rossi, Mario"
    assert editing.generated_account_name(db, giulia, account_id) == "Rossi, Mario"
    add_contact(db, giulia, account_id, {"first_name": "Anna", "last_name": "Rossi"})
    assert editing.generated_account_name(db, giulia, account_id) == "Rossi, Mario & Anna"
    add_contact(db, giulia, account_id, {"first_name": "Luca", "last_name": "Bianchi"})
    assert editing.generated_account_name(db, giulia, account_id) == "Rossi, Mario & Rossi, Anna & Bianchi, Luca"
    company = editing.create_account(db, giulia, {"type": "company", "name": "Rossi Ceramiche S.r.l.",
                                                  "contact": {"first_name": "Mario", "last_name": "Rossi"}})
    assert editing.generated_account_name(db, giulia, company) == "Rossi Ceramiche S.r.l."


def test_create_links_a_new_primary_contact_and_is_searchable(db):
    giulia = member_named(db, "Giulia")
    before = account_store.count_accounts(db)
    account_id = editing.create_account(db, giulia, {"type": "other", "name": " Condominio  Aurora ", "contact": {
        "first_name": XSS, "last_name": "Verdi", "email": " Amm@Aurora.IT ", "phone": "+39 02 1234 5678",
        "description": XSS}}, now=NOW)
    assert account_store.count_accounts(db) == before + 1
    account = account_store.get_account(db, account_id)
    assert (account.name, account.type.value, account.created_at) == ("Condominio Aurora", "other", NOW)
    assert account.team_member_ids == frozenset()  # the owner sees every account anyway
    [(link, primary, contact)] = contact_store.linked_contacts(db, account_id)
    assert primary and link.description == XSS and link.signer_priority == 1
    assert (contact.first_name, contact.primary_email, contact.phones[0].number) == (XSS, "amm@aurora.it", "+390212345678")
    assert [s.email for s in link.emails] == ["amm@aurora.it"]
    assert account_id in found(db, "aurora") and account_id in found(db, "amm@aurora")


def test_create_with_an_existing_contact_keeps_one_person(db):
    giulia = member_named(db, "Giulia")
    contacts = db.scalar("SELECT count(*) FROM contact")
    account_id = editing.create_account(db, giulia, {"type": "individual", "existing_contact_id": 1})
    assert db.scalar("SELECT count(*) FROM contact") == contacts
    [(_, _, contact)] = contact_store.linked_contacts(db, account_id)
    assert contact.id == 1
    assert account_store.get_account(db, account_id).name == f"{contact.last_name}, {contact.first_name}"


def test_a_restricted_creator_is_put_on_the_team(db):
    paolo = member_named(db, "Paolo")
    account_id = editing.create_account(db, paolo, {"type": "company", "name": "Greco Impianti",
                                                    "contact": {"first_name": "Ugo", "last_name": "Greco"}}, now=NOW)
    assert account_store.get_account(db, account_id).team_member_ids == {paolo.id}
    assert visible_account(db, paolo, account_id).name == "Greco Impianti"
    assert [tuple(r) for r in account_store.team_history(db, account_id)] == [
        ("added", NOW.isoformat(), "Paolo Greco", "Paolo Greco")]
    hits = search.search(db, "greco impianti", Visibility(all_accounts=False, member_id=paolo.id))
    assert [h.account_id for h in hits] == [account_id]


@pytest.mark.parametrize("data, field, code", [
    ({"name": "X"}, "type", "required"),
    ({"type": "individual"}, "contact", "required"),
    ({"type": "individual", "name": "A/B", "existing_contact_id": 1}, "name", "bad_chars"),
    ({"type": "individual", "contact": {"first_name": "", "last_name": "Rossi"}}, "contact.first_name", "required"),
    ({"type": "individual", "contact": {"first_name": "M", "last_name": "R", "email": "m@r"}}, "contact.email", "email"),
    ({"type": "individual", "existing_contact_id": 9999}, "existing_contact_id", "unknown_contact"),
])
def test_invalid_new_accounts_are_refused_and_nothing_is_written(db, data, field, code):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.create_account(db, member_named(db, "Giulia"), data)
    assert refused.value.errors[field] == code
    assert snapshot(db) == before


def test_a_new_account_with_a_bad_phone_is_refused_with_a_field_message(db):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.create_account(db, member_named(db, "Giulia"), {"type": "individual", "contact": {
            "first_name": "Mario", "last_name": "Rossi", "phone": "12"}})
    assert refused.value.errors == {"contact.phone": "phone"}
    assert snapshot(db) == before


def test_a_restricted_creator_cannot_reuse_a_contact_he_cannot_see(db):
    paolo = member_named(db, "Paolo")
    contact_id = db.scalar("SELECT contact_id FROM account_contact WHERE account_id = ?", (hidden_account(db, paolo),))
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.create_account(db, paolo, {"type": "individual", "existing_contact_id": contact_id})
    assert refused.value.errors == {"existing_contact_id": "unknown_contact"}
    assert snapshot(db) == before


def test_delete_removes_activity_and_links_but_keeps_contacts(db):
    giulia = member_named(db, "Giulia")
    shared = db.one("SELECT contact_id, min(account_id) AS account_id FROM account_contact"
                    " GROUP BY contact_id HAVING count(*) > 1 ORDER BY contact_id")
    account_id = shared["account_id"]
    contact_ids = [r[0] for r in db.all("SELECT contact_id FROM account_contact WHERE account_id = ?", (account_id,))]
    name = account_store.get_account(db, account_id).name
    assert sum(db.scalar(f"SELECT count(*) FROM {t} WHERE account_id = ?", (account_id,)) for t in ACTIVITY) > 0
    assert account_id in found(db, name)
    assert editing.delete_account(db, giulia, account_id) == name
    assert account_store.get_account(db, account_id) is None
    for table in [*ACTIVITY, "account_contact", "email_settings", "account_team", "account_tag",
                  "team_history", "account_field_value"]:
        assert db.scalar(f"SELECT count(*) FROM {table} WHERE account_id = ?", (account_id,)) == 0, table
    assert all(contact_store.get_contact(db, c) is not None for c in contact_ids)
    assert contact_store.accounts_of_contact(db, shared["contact_id"])  # still on its other accounts
    assert account_id not in found(db, name)
    assert db.scalar("SELECT count(*) FROM account_search WHERE rowid = ?", (account_id,)) == 0
    with pytest.raises(NotFound):
        editing.delete_account(db, giulia, account_id)


def test_a_renamed_account_is_found_by_its_new_name_only(db):
    giulia = member_named(db, "Giulia")
    account_id = db.scalar("SELECT id FROM account WHERE type = 'company' ORDER BY id")
    old = account_store.get_account(db, account_id).name
    editing.update_account(db, giulia, account_id, form(db, account_id, name="Zafferano Unico"))
    assert found(db, "zafferano unico") == [account_id]
    old_hits = search.search(db, old, Visibility(all_accounts=True), limit=50)
    assert not any(h.account_id == account_id and h.matched_in_name for h in old_hits)


def test_a_new_tag_is_created_with_its_colour_and_given_to_the_account(db):
    giulia = member_named(db, "Giulia")
    account_id = team_account(db, member_named(db, "Sara"))
    editing.update_account(db, giulia, account_id, form(db, account_id, new_tag={"name": "Condominio",
                                                                                 "color": "#123abc"}))
    tag = next(t for t in firm_store.list_tags(db) if t.name == "Condominio")
    assert tag.color == "#123abc"
    assert tag.id in account_store.get_account(db, account_id).tag_ids


@pytest.mark.parametrize("new_tag, code", [({"name": "vip", "color": "#123abc"}, "duplicate_tag"),
                                           ({"name": "Nuovo", "color": "red"}, "invalid")])
def test_a_bad_new_tag_is_refused_and_nothing_is_written(db, new_tag, code):
    account_id = team_account(db, member_named(db, "Sara"))
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.update_account(db, member_named(db, "Giulia"), account_id, form(db, account_id, new_tag=new_tag))
    assert code in refused.value.errors.values()
    assert snapshot(db) == before


def test_an_empty_new_tag_row_is_ignored(db):
    account_id = team_account(db, member_named(db, "Sara"))
    tags = len(firm_store.list_tags(db))
    editing.update_account(db, member_named(db, "Giulia"), account_id,
                           form(db, account_id, new_tag={"name": "  ", "color": "#000000"}))
    assert len(firm_store.list_tags(db)) == tags


def test_a_photo_is_saved_with_the_details_and_can_be_removed(db):
    from tests.domain.test_photos import JPEG
    giulia = member_named(db, "Giulia")
    account_id = team_account(db, member_named(db, "Sara"))
    editing.update_account(db, giulia, account_id, form(db, account_id), photo=JPEG)
    assert account_store.photo(db, account_id) == JPEG
    editing.update_account(db, giulia, account_id, form(db, account_id))  # KEEP by default
    assert account_store.photo(db, account_id) == JPEG
    editing.update_account(db, giulia, account_id, form(db, account_id), photo=None)
    assert account_store.photo(db, account_id) is None


def test_a_file_that_is_not_an_image_is_refused_with_nothing_written(db):
    account_id = team_account(db, member_named(db, "Sara"))
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.update_account(db, member_named(db, "Giulia"), account_id, form(db, account_id, name="Renamed"),
                               photo=b"<svg onload=alert(1)>")
    assert refused.value.errors == {"photo": "photo_type"}
    assert snapshot(db) == before
