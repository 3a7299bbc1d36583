"""Importing clients from CSV: one account per name, contacts reused by email, all or nothing."""

import csv
import io

import pytest

from app.domain.access import visibility
from app.domain.errors import AccessDenied, FileRefused
from app.services.client_import import NEW_TAG_COLOR, plan_import, read_table, run_import
from app.services.import_views import ALREADY_LINKED, DUPLICATE, JOINS_EXISTING, JOINS_NEW, NEW_ACCOUNT
from app.services.profile import account_profile, contact_page, team_history
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store.search import search
from tests.conftest import _demo_db, member_named

TEMPLATE = ("Account name", "Account type", "Tags", "Team members", "First name", "Last name", "Email",
            "Additional emails", "Phone", "Street", "City", "State", "Postal code", "Country",
            "Contact description")
TABLES = ("account", "contact", "contact_email", "contact_phone", "account_contact", "email_settings",
          "account_tag", "account_team", "tag", "team_history")


def counts(db):
    return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def csv_bytes(rows, header=("Account name", "First name", "Last name", "Email"), delimiter=","):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def plan_of(db, actor, data):
    table, mapping = read_table(actor, data)
    return plan_import(db, actor, table, mapping)


def import_bytes(db, actor, data, valid_only=False):
    table, mapping = read_table(actor, data)
    return run_import(db, actor, table, mapping, valid_only=valid_only)


def found(db, actor, text):
    return [h for h in search(db, text, visibility(actor)) if h.name == text]


def a_linked_pair(db, outside_team_of=None):
    """(account name, email of a contact on it), optionally on an account outside a member's team."""
    where = "" if outside_team_of is None else \
        " AND a.id NOT IN (SELECT account_id FROM account_team WHERE member_id = :m)"
    return tuple(db.one(
        "SELECT a.name, e.address FROM account a JOIN account_contact ac ON ac.account_id = a.id"
        " JOIN contact_email e ON e.contact_id = ac.contact_id AND e.is_primary"
        " WHERE (SELECT count(*) FROM account_contact x WHERE x.contact_id = ac.contact_id) = 1"
        f"{where} ORDER BY a.id LIMIT 1", {"m": outside_team_of}))


@pytest.fixture
def db():
    return _demo_db(10)


@pytest.fixture
def giulia(db):
    return member_named(db, "Giulia")


def test_template_rows_sharing_an_account_name_make_one_account_with_every_contact(db, giulia):
    vip = next(t for t in firm_store.list_tags(db) if t.name == "VIP")
    tags_before = len(firm_store.list_tags(db))
    data = csv_bytes([
        ("Nuova Bottega Srl", "Company", "vip;Fornitori;fornitori", "laura.conti@studiobf.it;MARCO.FERRI@studiobf.it",
         "Mario", "Rossi", "Mario.Rossi@Example.com", "mario@casa.it", "'+39 02 1234 567", "Via Roma 1",
         "Milano", "MI", "20121", "Italia", "Titolare"),
        ("nuova  BOTTEGA srl", "", "", "", "Anna", "Verdi", "anna@example.com", "", "", "", "", "", "", "", ""),
        ("Nuova Bottega Srl", "", "", "", "Luca", "Neri", "", "", "", "", "", "", "", "", "Contabile"),
    ], header=TEMPLATE)
    table, mapping = read_table(giulia, data)
    assert [mapping[i] for i in range(len(TEMPLATE))] == [
        "account_name", "account_type", "tags", "team", "first_name", "last_name", "email", "more_emails",
        "phone", "street", "city", "state", "postal_code", "country", "description"]
    assert [r.fate for r in plan_import(db, giulia, table, mapping).rows] == [NEW_ACCOUNT, JOINS_NEW, JOINS_NEW]
    report = run_import(db, giulia, table, mapping)
    assert (report.imported, report.accounts_added, report.contacts_added) == (True, 1, 3)
    [hit] = found(db, giulia, "Nuova Bottega Srl")
    profile = account_profile(db, giulia, hit.account_id)
    assert profile.type == "company" and profile.address == ("Via Roma 1", "20121 Milano MI", "Italia")
    assert profile.primary_contact.name == "Mario Rossi"
    assert [(c.name, c.description) for c in sorted(profile.contacts, key=lambda c: c.signer_priority)] == [
        ("Mario Rossi", "Titolare"), ("Anna Verdi", ""), ("Luca Neri", "Contabile")]
    assert {t.name for t in profile.tags} == {"VIP", "Fornitori"}
    assert vip.id in {t.id for t in profile.tags}
    assert len(firm_store.list_tags(db)) == tags_before + 1
    assert next(t for t in profile.tags if t.name == "Fornitori").color == NEW_TAG_COLOR
    assert {m.name for m in profile.team} == {"Laura Conti", "Marco Ferri"}
    _, history = team_history(db, giulia, hit.account_id)
    assert sorted((h.action, h.member, h.by_member) for h in history) == [
        ("added", "Laura Conti", "Giulia Bianchi"), ("added", "Marco Ferri", "Giulia Bianchi")]
    mario = contact_store.get_contact(db, profile.primary_contact.id)
    assert [(e.address, e.primary) for e in mario.emails] == [("mario.rossi@example.com", True), ("mario@casa.it", False)]
    assert [p.number for p in mario.phones] == ["+39021234567"]
    assert (mario.address.street, mario.address.city) == ("Via Roma 1", "Milano")


def test_an_italian_file_with_bom_and_semicolons_is_understood(db, giulia):
    header = ("Nome", "Cognome", "E-mail", "Telefono", "Indirizzo", "Città", "CAP", "Provincia", "Paese",
              "Ragione sociale")
    rows = [("Nicolò", "Forlì", "nicolo@esempio.it", "333 123 4567", "Via Dante 3, int. 2", "Forlì", "47121",
             "FC", "Italia", "Caffè Centrale S.n.c."),
            ("Giovanna", "D'Amico", "giovanna@esempio.it", "", "", "", "", "", "", "Caffè Centrale S.n.c.")]
    data = b"\xef\xbb\xbf" + csv_bytes(rows, header=header, delimiter=";")
    table, mapping = read_table(giulia, data)
    assert table.delimiter == ";"
    assert dict(mapping) == {0: "first_name", 1: "last_name", 2: "email", 3: "phone", 4: "street", 5: "city",
                             6: "postal_code", 7: "state", 8: "country", 9: "account_name"}
    report = run_import(db, giulia, table, mapping)
    assert (report.accounts_added, report.contacts_added) == (1, 2)
    [hit] = found(db, giulia, "Caffè Centrale S.n.c.")
    assert [h.name for h in search(db, "caffe centrale", visibility(giulia))] == ["Caffè Centrale S.n.c."]
    profile = account_profile(db, giulia, hit.account_id)
    assert profile.address == ("Via Dante 3, int. 2", "47121 Forlì FC", "Italia")
    assert profile.primary_contact.name == "Nicolò Forlì"
    assert {c.name for c in profile.contacts} == {"Nicolò Forlì", "Giovanna D'Amico"}
    page = contact_page(db, giulia, profile.primary_contact.id)
    assert page.phones == ("3331234567",) and page.emails == ("nicolo@esempio.it",)


def test_an_existing_account_name_gets_the_new_contact(db, giulia):
    name, _ = a_linked_pair(db)
    [hit] = found(db, giulia, name)
    before = account_profile(db, giulia, hit.account_id)
    accounts = db.scalar("SELECT count(*) FROM account")
    data = csv_bytes([(f"  {name.upper()} ", "Nuovo", "Socio", "nuovo.socio@example.com")])
    assert [r.fate for r in plan_of(db, giulia, data).rows] == [JOINS_EXISTING]
    report = import_bytes(db, giulia, data)
    assert (report.accounts_added, report.accounts_linked, report.contacts_added) == (0, 1, 1)
    assert db.scalar("SELECT count(*) FROM account") == accounts
    after = account_profile(db, giulia, hit.account_id)
    assert after.primary_contact == before.primary_contact
    newcomer = next(c for c in after.contacts if c.name == "Nuovo Socio")
    assert not newcomer.primary and newcomer.signer_priority == max(c.signer_priority for c in before.contacts) + 1


def test_a_known_email_reuses_the_contact_instead_of_copying_it(db, giulia):
    name, email = a_linked_pair(db)
    contacts = db.scalar("SELECT count(*) FROM contact")
    data = csv_bytes([("Ditta Nuova", "Altro", "Nome", email.upper())])
    [row] = plan_of(db, giulia, data).rows
    assert (row.fate, row.reused_contact) == (NEW_ACCOUNT, True)
    report = import_bytes(db, giulia, data)
    assert (report.contacts_added, report.contacts_reused) == (0, 1)
    assert db.scalar("SELECT count(*) FROM contact") == contacts
    assert db.scalar("SELECT count(*) FROM contact_email WHERE address = ?", (email,)) == 1
    contact_id = contact_store.contact_with_email(db, email)
    assert {a.name for a in contact_page(db, giulia, contact_id).accounts} == {name, "Ditta Nuova"}
    [hit] = found(db, giulia, "Ditta Nuova")
    assert account_profile(db, giulia, hit.account_id).primary_contact.id == contact_id


def test_a_row_already_in_the_firm_changes_nothing(db, giulia):
    name, email = a_linked_pair(db)
    before = counts(db)
    data = csv_bytes([(name, "X", "Y", email)])
    assert [r.fate for r in plan_of(db, giulia, data).rows] == [ALREADY_LINKED]
    report = import_bytes(db, giulia, data)
    assert report.imported and (report.accounts_added, report.contacts_added, report.contacts_reused) == (0, 0, 0)
    assert counts(db) == before


def test_rows_repeated_in_the_file_are_written_once(db, giulia):
    data = csv_bytes([("Studio Alfa", "Mario", "Rossi", "mario@alfa.it"),
                      ("Studio Alfa", "Anna", "Neri", ""),
                      ("studio alfa", "Mario", "Rossi Bis", "MARIO@alfa.it"),
                      ("Studio  Alfa", "anna", "NERI", "")])
    plan = plan_of(db, giulia, data)
    assert [(r.fate, r.duplicate_of) for r in plan.rows] == [
        (NEW_ACCOUNT, None), (JOINS_NEW, None), (DUPLICATE, 2), (DUPLICATE, 3)]
    report = import_bytes(db, giulia, data)
    assert [(r.line, r.duplicate_of) for r in report.duplicates] == [(4, 2), (5, 3)]
    assert (report.accounts_added, report.contacts_added) == (1, 2)
    [hit] = found(db, giulia, "Studio Alfa")
    assert sorted(c.name for c in account_profile(db, giulia, hit.account_id).contacts) == ["Anna Neri", "Mario Rossi"]


def test_an_empty_account_name_names_the_account_after_the_contact(db, giulia):
    data = csv_bytes([("", "Mario", "Rossi", "mario.rossi@nuovo.it")])
    assert [(r.account, r.fate) for r in plan_of(db, giulia, data).rows] == [("Rossi, Mario", NEW_ACCOUNT)]
    import_bytes(db, giulia, data)
    [hit] = found(db, giulia, "Rossi, Mario")
    assert account_profile(db, giulia, hit.account_id).primary_contact.name == "Mario Rossi"


def two_rows_for_one_link(db):
    """Rows the preview accepts that both link the same contact to the same new account."""
    first, second = (r[0] for r in db.all(
        "SELECT address FROM contact_email WHERE contact_id = (SELECT min(contact_id) FROM contact_email"
        " WHERE NOT is_primary) ORDER BY is_primary DESC"))
    return {"generated name written out": [("", "Mario", "Rossi", "m.rossi@nuovo.it"),
                                           ("Rossi, Mario", "Mario", "Rossi", "m.rossi@nuovo.it")],
            "two emails of one contact": [("Alfa Srl", "X", "Y", first), ("Alfa Srl", "X", "Y", second)]}


@pytest.mark.parametrize("case", ["generated name written out", "two emails of one contact"])
def test_rows_naming_one_contact_twice_for_a_new_account_import_as_previewed(db, giulia, case):
    data = csv_bytes(two_rows_for_one_link(db)[case])
    plan = plan_of(db, giulia, data)
    assert not plan.rejected
    before = counts(db)
    report = import_bytes(db, giulia, data)
    assert report.imported and report.accounts_added == plan.count(NEW_ACCOUNT) == 1
    assert counts(db)["account_contact"] == before["account_contact"] + 1


def test_one_bad_row_refuses_the_file_and_valid_only_writes_the_rest(db, giulia):
    data = csv_bytes([("Alfa Srl", "Company", "Nuovissimo", "", "Mario", "Rossi", "mario@alfa.it"),
                      ("Beta Srl", "Company", "", "", "Anna", "Neri", "anna(at)beta.it"),
                      ("Gamma Srl", "Impresa", "", "", "Luca", "Bo", "luca@gamma.it")],
                     header=TEMPLATE[:7])
    before = counts(db)
    report = import_bytes(db, giulia, data)
    assert report.imported is False and report.accounts_added == report.contacts_added == 0
    assert [(r.line, r.account, r.person, r.problems) for r in report.rejected] == [
        (3, "Beta Srl", "Anna Neri", (("email", "email"),))]
    assert counts(db) == before and found(db, giulia, "Alfa Srl") == []
    report = import_bytes(db, giulia, data, valid_only=True)
    assert report.imported and report.accounts_added == 2 and [r.line for r in report.rejected] == [3]
    assert len(found(db, giulia, "Alfa Srl")) == len(found(db, giulia, "Gamma Srl")) == 1
    assert found(db, giulia, "Beta Srl") == [] and contact_store.contact_with_email(db, "anna(at)beta.it") is None
    assert counts(db)["tag"] == before["tag"] + 1


def test_choosing_another_column_for_a_field_changes_the_preview(db, giulia):
    data = csv_bytes([("Azienda Uno", "Ditta Due", "Mario", "Rossi", "")],
                     header=("Company", "Ragione sociale", "Nome", "Cognome", "Email"))
    table, mapping = read_table(giulia, data)
    assert (mapping[0], mapping[1]) == ("account_name", None)
    assert [r.account for r in plan_import(db, giulia, table, mapping).rows] == ["Azienda Uno"]
    mapping[0], mapping[1] = None, "account_name"
    assert [r.account for r in plan_import(db, giulia, table, mapping).rows] == ["Ditta Due"]
    run_import(db, giulia, table, mapping)
    assert len(found(db, giulia, "Ditta Due")) == 1 and found(db, giulia, "Azienda Uno") == []


def test_a_required_field_left_unmapped_or_a_field_mapped_twice_stops_the_import(db, giulia):
    table, mapping = read_table(giulia, csv_bytes([("Alfa", "Mario", "Rossi", "m@alfa.it")]))
    before = counts(db)
    for change, problems in (({2: None}, {"last_name": "required_column"}),
                             ({3: "first_name"}, {"first_name": "mapped_twice"})):
        broken = {**mapping, **change}
        plan = plan_import(db, giulia, table, broken)
        assert plan.mapping_problems == problems and plan.rows == ()
        with pytest.raises(FileRefused) as refused:
            run_import(db, giulia, table, broken)
        assert refused.value.code == "mapping"
    assert counts(db) == before


def test_a_file_with_only_an_email_column_asks_for_the_names(db, giulia):
    plan = plan_of(db, giulia, b"Email\nmario@rossi.it\n")
    assert plan.mapping_problems == {"first_name": "required_column", "last_name": "required_column"}


@pytest.mark.parametrize("name", ["Sara", "Laura"])
def test_members_who_may_not_create_accounts_may_not_import(db, name):
    member = member_named(db, name)
    table, mapping = read_table(member_named(db, "Giulia"), csv_bytes([("Alfa", "Mario", "Rossi", "")]))
    for attempt in (lambda: read_table(member, csv_bytes([("Alfa", "Mario", "Rossi", "")])),
                    lambda: plan_import(db, member, table, mapping),
                    lambda: run_import(db, member, table, mapping, valid_only=True)):
        with pytest.raises(AccessDenied):
            attempt()
    assert db.scalar("SELECT count(*) FROM account WHERE name = 'Alfa'") == 0


def test_a_team_only_manager_imports_only_into_accounts_they_see(db):
    paolo = member_named(db, "Paolo")
    hidden_name, hidden_email = a_linked_pair(db, outside_team_of=paolo.id)
    data = csv_bytes([(hidden_name, "Intruso", "Uno", "intruso@example.com"),
                      ("Paolo Nuovo Srl", "Cliente", "Nascosto", hidden_email),
                      ("Paolo Nuovo Srl", "Mario", "Rossi", "mario@paolo.it", "laura.conti@studiobf.it")],
                     header=("Account name", "First name", "Last name", "Email", "Team members"))
    plan = plan_of(db, paolo, data)
    assert [(r.line, r.problems) for r in plan.rejected] == [(2, (("account_name", "account_locked"),)),
                                                             (3, (("email", "email_taken"),))]
    before = counts(db)
    assert import_bytes(db, paolo, data).imported is False and counts(db) == before
    report = import_bytes(db, paolo, data, valid_only=True)
    assert report.accounts_added == 1 and report.contacts_added == 1
    [hit] = found(db, paolo, "Paolo Nuovo Srl")
    profile = account_profile(db, paolo, hit.account_id)
    assert {m.name for m in profile.team} == {"Paolo Greco", "Laura Conti"} and profile.can_edit
    assert [c.name for c in profile.contacts] == ["Mario Rossi"]
    assert db.scalar("SELECT count(*) FROM contact_email WHERE address = ?", (hidden_email,)) == 1
    giulia = member_named(db, "Giulia")
    assert [r.fate for r in plan_of(db, giulia, data).rows][:2] == [JOINS_EXISTING, JOINS_EXISTING]
