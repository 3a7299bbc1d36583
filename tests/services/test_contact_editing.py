"""An account's contacts: link, add, unlink, edit; per-email login, invites, switches (F-EDIT-7)."""

import json
from datetime import datetime

import pytest

from app.domain.access import Visibility
from app.domain.contacts import Contact, ContactEmail
from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.services import contact_editing as editing
from app.store import contacts as contact_store
from app.store import search
from tests.conftest import _demo_db, member_named
from tests.services.test_account_editing import MEMBERS, RIGHTS, hidden_account, snapshot, team_account

T1, T2 = datetime(2026, 11, 26, 9, 30), datetime(2026, 11, 27, 16, 45)
XSS = "<img src=x onerror=alert(1)>"
settings = contact_store.email_settings  # (db, account, contact, address) -> row or None


@pytest.fixture
def db():
    return _demo_db(30)


def giulia(db):
    return member_named(db, "Giulia")


def found(db, text):
    return {h.account_id for h in search.search(db, text, Visibility(all_accounts=True), limit=50)}


def new_contact(db, account_id, first="Alfa", email="alfa@test.it"):
    return editing.add_contact(db, giulia(db), account_id, {"first_name": first, "last_name": "Prova", "email": email})


def orphan(db, first="Orfeo", email="orfeo@test.it"):
    with db.transaction():
        return contact_store.insert_contact(db, Contact(first_name=first, last_name="Solo",
                                                        emails=(ContactEmail(address=email, primary=True),)))


def shared_contact(db):
    """(contact, an account where it is one of several contacts, another account it is on, its email)."""
    row = db.one(
        "SELECT ac.contact_id, ac.account_id, (SELECT min(o.account_id) FROM account_contact o WHERE"
        " o.contact_id = ac.contact_id AND o.account_id != ac.account_id) AS other, e.address FROM account_contact ac"
        " JOIN contact_email e ON e.contact_id = ac.contact_id AND e.is_primary WHERE (SELECT count(*) FROM"
        " account_contact n WHERE n.account_id = ac.account_id) > 1 AND (SELECT count(*) FROM account_contact s"
        " WHERE s.contact_id = ac.contact_id) > 1 ORDER BY ac.contact_id, ac.account_id")
    return row["contact_id"], row["account_id"], row["other"], row["address"]


def single_contact_account(db):
    return db.scalar("SELECT account_id FROM account_contact GROUP BY account_id HAVING count(*) = 1 ORDER BY 1")


def test_a_description_is_stored_as_typed_for_that_account_only(db):
    contact, account, other, _ = shared_contact(db)
    kept = contact_store.link_row(db, other, contact)["description"]
    editing.edit_description(db, giulia(db), account, contact, f"  {XSS} ")
    assert contact_store.link_row(db, account, contact)["description"] == XSS
    assert contact_store.link_row(db, other, contact)["description"] == kept
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.edit_description(db, giulia(db), account, contact, "x" * 2001)
    assert refused.value.errors == {"description": "too_long"}
    assert snapshot(db) == before


def test_unlinking_ends_portal_access_on_that_account_only(db):
    contact, account, other, email = shared_contact(db)
    for account_id in (account, other):
        editing.set_login(db, giulia(db), account_id, contact, email, False)
        editing.set_login(db, giulia(db), account_id, contact, email, True, now=T1)
    assert account in found(db, email)
    editing.unlink_contact(db, giulia(db), account, contact)
    assert contact_store.link_row(db, account, contact) is None
    assert settings(db, account, contact, email) is None
    assert db.scalar("SELECT count(*) FROM email_settings WHERE account_id = ? AND contact_id = ?",
                     (account, contact)) == 0
    assert settings(db, other, contact, email)["login"] == "invited"
    assert contact_store.get_contact(db, contact) is not None
    assert account not in found(db, email) and other in found(db, email)


def test_unlinking_the_primary_contact_promotes_the_next_signer(db):
    account = db.scalar("SELECT account_id FROM account_contact GROUP BY account_id HAVING count(*) >= 3 ORDER BY 1")
    primary = db.scalar("SELECT contact_id FROM account_contact WHERE account_id = ? AND is_primary", (account,))
    editing.unlink_contact(db, giulia(db), account, primary)
    rows = db.all("SELECT contact_id, is_primary FROM account_contact WHERE account_id = ?"
                  " ORDER BY signer_priority, contact_id", (account,))
    assert [r["is_primary"] for r in rows] == [1] + [0] * (len(rows) - 1)


def test_the_last_contact_cannot_be_unlinked(db):
    account = single_contact_account(db)
    contact = db.scalar("SELECT contact_id FROM account_contact WHERE account_id = ?", (account,))
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.unlink_contact(db, giulia(db), account, contact)
    assert refused.value.errors == {"contact": "last_contact"}
    assert snapshot(db) == before
    with pytest.raises(NotFound):
        editing.unlink_contact(db, giulia(db), account, orphan(db))


def test_linking_an_existing_contact_and_refusing_it_twice(db):
    account = single_contact_account(db)
    contact, _, _, email = shared_contact(db)
    editing.link_contact(db, giulia(db), account, contact, f" {XSS} ")
    link = contact_store.link_row(db, account, contact)
    assert (link["description"], link["signer_priority"], link["is_primary"]) == (XSS, 2, 0)
    s = settings(db, account, contact, email)
    assert (s["login"], s["notify"], s["email_sync"], s["can_sign"]) == ("off", 0, 0, 1)
    assert account in found(db, email)
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.link_contact(db, giulia(db), account, contact)
    assert refused.value.errors == {"contact": "already_linked"}
    assert snapshot(db) == before


def test_a_contact_linked_after_an_unlink_becomes_the_last_signer(db):
    account = db.scalar("SELECT account_id FROM account_contact GROUP BY account_id HAVING count(*) >= 3 ORDER BY 1")
    first = db.scalar("SELECT contact_id FROM account_contact WHERE account_id = ? ORDER BY signer_priority", (account,))
    editing.unlink_contact(db, giulia(db), account, first)
    newest = orphan(db)
    editing.link_contact(db, giulia(db), account, newest)
    order = db.all("SELECT contact_id, signer_priority FROM account_contact WHERE account_id = ?"
                   " ORDER BY signer_priority, contact_id", (account,))
    assert len({r[1] for r in order}) == len(order) and order[-1][0] == newest


def test_linking_contacts_the_member_cannot_see_is_refused(db):
    paolo = member_named(db, "Paolo")
    account = team_account(db, paolo)
    hidden = db.scalar("SELECT contact_id FROM account_contact WHERE contact_id NOT IN (SELECT contact_id FROM"
                       " account_contact JOIN account_team t USING (account_id) WHERE t.member_id = ?)", (paolo.id,))
    before = snapshot(db)
    for contact in (hidden, 9999):
        with pytest.raises(NotFound):
            editing.link_contact(db, paolo, account, contact)
    assert snapshot(db) == before
    editing.link_contact(db, paolo, account, orphan(db))  # a contact on no account is free to link


def test_adding_a_contact_stores_it_as_typed_and_links_it(db):
    account = single_contact_account(db)
    contact = editing.add_contact(db, giulia(db), account, {
        "first_name": XSS, "middle_name": '"><svg onload=alert(1)>', "last_name": " D'Angelo ",
        "email": " Nuova.Persona@Example.IT ", "phone": "+39 333 123 4567", "description": XSS})
    c = contact_store.get_contact(db, contact)
    assert (c.first_name, c.middle_name, c.last_name) == (XSS, '"><svg onload=alert(1)>', "D'Angelo")
    assert (c.primary_email, c.phones[0].number) == ("nuova.persona@example.it", "+393331234567")
    link = contact_store.link_row(db, account, contact)
    assert (link["description"], link["is_primary"], link["signer_priority"]) == (XSS, 0, 2)
    assert settings(db, account, contact, "nuova.persona@example.it")["login"] == "off"
    assert account in found(db, "nuova.persona@example")


@pytest.mark.parametrize("changes, field, code", [
    ({"first_name": "  "}, "first_name", "required"), ({"last_name": ""}, "last_name", "required"),
    ({"first_name": "x" * 256}, "first_name", "too_long"), ({"email": "mario@rossi"}, "email", "email"),
    ({"email": "mario rossi@x.it"}, "email", "email"), ({"description": "x" * 2001}, "description", "too_long"),
])
def test_invalid_new_contacts_are_refused_and_nothing_is_written(db, changes, field, code):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.add_contact(db, giulia(db), 1, {"first_name": "Mario", "last_name": "Rossi", **changes})
    assert refused.value.errors[field] == code
    assert snapshot(db) == before


def test_a_new_contact_with_a_bad_phone_is_refused_with_a_field_message(db):
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.add_contact(db, giulia(db), 1, {"first_name": "Mario", "last_name": "Rossi", "phone": "12"})
    assert refused.value.errors == {"phone": "phone"}
    assert snapshot(db) == before


def details(contact, **changes):
    return {"first_name": contact.first_name, "middle_name": contact.middle_name, "last_name": contact.last_name,
            "emails": [e.address for e in contact.emails], "phones": [p.number for p in contact.phones],
            "address": contact.address.model_dump(), "tax_id": contact.tax_id, **changes}


def test_contact_changes_show_on_every_linked_account(db):
    contact, account, other, email = shared_contact(db)
    editing.set_login(db, giulia(db), account, contact, email, False)
    editing.set_login(db, giulia(db), account, contact, email, True, now=T1)
    c = contact_store.get_contact(db, contact)
    editing.update_contact(db, giulia(db), contact, details(
        c, first_name=XSS, emails=[email, " Nuovo@Mail.IT "], primary=1, phones=["+39 (333) 111-2222"],
        address={"street": '"><svg onload=alert(1)>'}))
    for account_id in (account, other):
        [(_, _, shown)] = [x for x in contact_store.linked_contacts(db, account_id) if x[2].id == contact]
        assert (shown.first_name, shown.primary_email, shown.phones[0].number) == (XSS, "nuovo@mail.it", "+393331112222")
        assert shown.address.street == '"><svg onload=alert(1)>'
        assert settings(db, account_id, contact, "nuovo@mail.it")["login"] == "off"  # a new address starts off
        assert account_id in found(db, "nuovo@mail.it")
    assert settings(db, account, contact, email)["invited_at"] == T1.isoformat()  # a kept address keeps its access
    editing.update_contact(db, giulia(db), contact, details(c, emails=["altro@mail.it"]))
    for account_id in (account, other):
        assert settings(db, account_id, contact, email) is None
        assert settings(db, account_id, contact, "nuovo@mail.it") is None
        assert account_id not in found(db, "nuovo@mail.it") and account_id in found(db, "altro@mail.it")


@pytest.mark.parametrize("changes, field, code", [
    ({"emails": ["ok@mail.it", "not-an-email"]}, "emails.1", "email"),
    ({"emails": ["Doppio@Mail.it", "doppio@mail.it"]}, "emails", "duplicate_email"),
    ({"phones": ["12"]}, "phones.0", "phone"), ({"phones": ["39+333 1234567"]}, "phones.0", "phone"),
    ({"emails": ["ok@mail.it"], "primary": 3}, "primary", "option"),
    ({"last_name": " "}, "last_name", "required"), ({"tax_id": "x" * 2001}, "tax_id", "too_long"),
])
def test_invalid_contact_details_are_refused_and_nothing_is_written(db, changes, field, code):
    contact = contact_store.get_contact(db, 1)
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.update_contact(db, giulia(db), 1, details(contact, **changes))
    assert refused.value.errors[field] == code
    assert snapshot(db) == before


def test_editing_contact_details_keeps_the_birth_date(db):
    contact = contact_store.get_contact(db, 1)
    assert contact.birth_date is not None
    editing.update_contact(db, giulia(db), 1, details(contact, first_name="Renamed"))
    assert contact_store.get_contact(db, 1).birth_date == contact.birth_date


def test_login_invites_with_the_time_and_resend_records_a_new_one(db):
    account = single_contact_account(db)
    contact = new_contact(db, account)
    with pytest.raises(InvalidInput) as refused:
        editing.resend_invite(db, giulia(db), account, contact, "alfa@test.it", now=T2)
    assert refused.value.errors == {"login": "not_invited"}
    editing.set_login(db, giulia(db), account, contact, "alfa@test.it", True, now=T1)
    assert tuple(settings(db, account, contact, "alfa@test.it"))[3:5] == ("invited", T1.isoformat())
    editing.set_login(db, giulia(db), account, contact, "alfa@test.it", True, now=T2)  # already invited
    assert settings(db, account, contact, "alfa@test.it")["invited_at"] == T1.isoformat()
    assert editing.resend_invite(db, giulia(db), account, contact, "alfa@test.it", now=T2) == T2
    assert settings(db, account, contact, "alfa@test.it")["invited_at"] == T2.isoformat()
    editing.set_login(db, giulia(db), account, contact, "alfa@test.it", False)
    assert tuple(settings(db, account, contact, "alfa@test.it"))[3:5] == ("off", None)
    with pytest.raises(NotFound):
        editing.set_login(db, giulia(db), account, contact, "nobody@test.it", True)


def test_an_accepted_login_is_not_re_invited(db):
    row = db.one("SELECT s.account_id, s.contact_id, e.address, s.invited_at FROM email_settings s"
                 " JOIN contact_email e ON e.id = s.email_id WHERE s.login = 'active' ORDER BY 1, 2")
    editing.set_login(db, giulia(db), row[0], row[1], row[2], True, now=T2)
    assert tuple(settings(db, row[0], row[1], row[2]))[3:5] == ("active", row[3])
    with pytest.raises(InvalidInput):
        editing.resend_invite(db, giulia(db), row[0], row[1], row[2], now=T2)


@pytest.mark.parametrize("setting, default", [("notify", 0), ("email_sync", 0), ("can_sign", 1)])
def test_switches_apply_to_one_email_on_one_account(db, setting, default):
    account, second = single_contact_account(db), 2
    contact = new_contact(db, account)
    editing.link_contact(db, giulia(db), second, contact)
    for on in (not default, bool(default)):
        editing.set_switch(db, giulia(db), account, contact, "alfa@test.it", setting, on)
        assert settings(db, account, contact, "alfa@test.it")[setting] == on
        assert settings(db, second, contact, "alfa@test.it")[setting] == default
    with pytest.raises(InvalidInput) as refused:
        editing.set_switch(db, giulia(db), account, contact, "alfa@test.it", "login", True)
    assert refused.value.errors == {"setting": "option"}


def test_notification_types_are_validated(db):
    account = single_contact_account(db)
    contact = new_contact(db, account)
    editing.set_notification_types(db, giulia(db), account, contact, "alfa@test.it", ["invoice", "message", "invoice"])
    assert json.loads(settings(db, account, contact, "alfa@test.it")["notify_types"]) == ["invoice", "message"]
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.set_notification_types(db, giulia(db), account, contact, "alfa@test.it", ["message", "spam"])
    assert set(refused.value.errors.values()) == {"option"}
    assert snapshot(db) == before


def test_signers_are_reordered_only_with_exactly_the_linked_contacts(db):
    account = db.scalar("SELECT account_id FROM account_contact GROUP BY account_id HAVING count(*) >= 3 ORDER BY 1")
    ids = [r[0] for r in db.all("SELECT contact_id FROM account_contact WHERE account_id = ?"
                                " ORDER BY signer_priority", (account,))]
    editing.reorder_signers(db, giulia(db), account, ids[::-1])
    assert [r[0] for r in db.all("SELECT contact_id FROM account_contact WHERE account_id = ?"
                                 " ORDER BY signer_priority", (account,))] == ids[::-1]
    before = snapshot(db)
    for order in (ids[:-1], ids + [ids[0]], [*ids[:-1], 9999], []):
        with pytest.raises(InvalidInput) as refused:
            editing.reorder_signers(db, giulia(db), account, order)
        assert refused.value.errors == {"order": "option"}
    assert snapshot(db) == before


def test_finding_contacts_to_link_respects_visibility(db):
    paolo = member_named(db, "Paolo")
    account = team_account(db, paolo)
    free = orphan(db, first="Nicolò", email="nicolo@test.it")
    assert [c.id for c in editing.find_contacts(db, paolo, account, "NICOLO")] == [free]
    assert [c.id for c in editing.find_contacts(db, giulia(db), account, "nicolo@test")] == [free]
    hidden = contact_store.get_contact(db, db.scalar(
        "SELECT contact_id FROM account_contact WHERE account_id = ?", (hidden_account(db, paolo),)))
    mine = {c.id for c in editing.find_contacts(db, paolo, account, hidden.primary_email)}
    everyone = {c.id for c in editing.find_contacts(db, giulia(db), account, hidden.primary_email)}
    assert hidden.id in everyone and hidden.id not in mine


OPERATIONS = {
    "edit description": lambda db, m, a, c: editing.edit_description(db, m, a, c["alfa"], "note"),
    "unlink": lambda db, m, a, c: editing.unlink_contact(db, m, a, c["beta"]),
    "link": lambda db, m, a, c: editing.link_contact(db, m, a, c["orphan"]),
    "add": lambda db, m, a, c: editing.add_contact(db, m, a, {"first_name": "Gamma", "last_name": "Prova"}),
    "update": lambda db, m, a, c: editing.update_contact(db, m, c["alfa"], {"first_name": "A", "last_name": "B"}),
    "login": lambda db, m, a, c: editing.set_login(db, m, a, c["alfa"], "alfa@test.it", False),
    "resend": lambda db, m, a, c: editing.resend_invite(db, m, a, c["alfa"], "alfa@test.it", now=T2),
    "switch": lambda db, m, a, c: editing.set_switch(db, m, a, c["alfa"], "alfa@test.it", "email_sync", True),
    "types": lambda db, m, a, c: editing.set_notification_types(db, m, a, c["alfa"], "alfa@test.it", ["task"]),
    "reorder": lambda db, m, a, c: editing.reorder_signers(db, m, a, c["order"]),
    "find": lambda db, m, a, c: editing.find_contacts(db, m, a, "prova"),
}


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("on_team", [True, False], ids=["on team", "off team"])
@pytest.mark.parametrize("name", MEMBERS)
def test_who_may_change_an_accounts_contacts(db, name, on_team, operation):
    member = member_named(db, name)
    account = team_account(db, member) if on_team else hidden_account(db, member)
    ids = {"alfa": new_contact(db, account), "beta": new_contact(db, account, "Beta", "beta@test.it"),
           "orphan": orphan(db)}
    editing.set_login(db, giulia(db), account, ids["alfa"], "alfa@test.it", True, now=T1)
    ids["order"] = [r[0] for r in db.all("SELECT contact_id FROM account_contact WHERE account_id = ?"
                                         " ORDER BY signer_priority DESC", (account,))]
    before = snapshot(db)
    if RIGHTS[name][0 if on_team else 1]:
        OPERATIONS[operation](db, member, account, ids)
        assert operation == "find" or snapshot(db) != before
        return
    with pytest.raises(AccessDenied):
        OPERATIONS[operation](db, member, account, ids)
    assert snapshot(db) == before


def test_a_contact_on_no_account_is_edited_by_those_who_may_edit_any_account(db):
    contact_id = orphan(db)
    data = {"first_name": "Orfeo", "last_name": "Nuovo", "emails": ["orfeo@test.it"], "primary": 0}
    editing.update_contact(db, giulia(db), contact_id, data)
    assert contact_store.get_contact(db, contact_id).last_name == "Nuovo"
    with pytest.raises(AccessDenied):
        editing.update_contact(db, member_named(db, "Sara"), contact_id, data)


def test_moving_a_signer_swaps_it_with_its_neighbour(db):
    account = single_contact_account(db)
    first = contact_store.linked_contacts(db, account)[0][2].id
    second = new_contact(db, account)
    editing.move_signer(db, giulia(db), account, second, -1)
    order = sorted(contact_store.linked_contacts(db, account), key=lambda item: item[0].signer_priority)
    assert [c.id for _, _, c in order] == [second, first]
    editing.move_signer(db, giulia(db), account, second, -1)  # already first: stays
    assert sorted(contact_store.linked_contacts(db, account), key=lambda i: i[0].signer_priority)[0][2].id == second


def contact_field(db, label):
    return db.scalar("SELECT id FROM custom_field WHERE scope = 'contact' AND label = ?", (label,))


def test_contact_custom_fields_are_checked_saved_and_kept_when_left_out(db):
    contact_id = orphan(db)
    job, phone = contact_field(db, "Professione"), contact_field(db, "Telefono ufficio")
    base = {"first_name": "Orfeo", "last_name": "Solo", "emails": ["orfeo@test.it"], "primary": 0}
    editing.update_contact(db, giulia(db), contact_id, {**base, "custom": {job: "Notaio", phone: "02 1234 5678"}})
    assert contact_store.get_contact(db, contact_id).custom == {job: "Notaio", phone: "0212345678"}
    with pytest.raises(InvalidInput) as refused:
        editing.update_contact(db, giulia(db), contact_id, {**base, "custom": {phone: "call me"}})
    assert refused.value.errors == {f"custom.{phone}": "phone"}
    editing.update_contact(db, giulia(db), contact_id, base)  # no "custom": values stay
    assert contact_store.get_contact(db, contact_id).custom[job] == "Notaio"


def test_a_new_contact_can_have_more_emails_an_address_and_custom_fields(db):
    account = single_contact_account(db)
    job = contact_field(db, "Professione")
    contact_id = editing.add_contact(db, giulia(db), account, {
        "first_name": "Bice", "last_name": "Neri", "email": "bice@neri.it", "more_emails": ["b.neri@studio.it"],
        "address": {"city": "Cantù", "country": "Italia"}, "custom": {job: "Architetta"}})
    contact = contact_store.get_contact(db, contact_id)
    assert [e.address for e in contact.emails] == ["bice@neri.it", "b.neri@studio.it"]
    assert contact.primary_email == "bice@neri.it"
    assert (contact.address.city, contact.custom) == ("Cantù", {job: "Architetta"})


@pytest.mark.parametrize("data, field, code", [
    ({"email": "a@b.it", "more_emails": ["a@b.it"]}, "more_emails", "duplicate_email"),
    ({"more_emails": ["not-an-email"]}, "more_emails.0", "email"),
])
def test_bad_further_emails_are_refused_by_field(db, data, field, code):
    account = single_contact_account(db)
    before = snapshot(db)
    with pytest.raises(InvalidInput) as refused:
        editing.add_contact(db, giulia(db), account, {"first_name": "Bice", "last_name": "Neri", **data})
    assert refused.value.errors.get(field) == code
    assert snapshot(db) == before
