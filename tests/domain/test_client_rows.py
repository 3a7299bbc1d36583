"""The client import template: matching columns to fields, and reading one row of a file."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.accounts import AccountType
from app.domain.client_rows import (
    FIELDS,
    REQUIRED,
    SYNONYMS,
    TEMPLATE_HEADERS,
    ClientRow,
    account_key,
    auto_map,
    header_key,
    mapping_errors,
    missing_required,
    read_row,
)
from app.domain.csv_table import CsvRow, parse_csv
from app.domain.errors import InvalidInput

TEMPLATE = dict(enumerate(FIELDS))


def row(line: int = 2, **cells: str) -> CsvRow:
    """A row in template column order with the given cells filled."""
    return CsvRow(line, tuple(cells.get(field, "") for field in FIELDS))


def read(csv_row: CsvRow, mapping=TEMPLATE) -> ClientRow:
    return read_row(csv_row, mapping)


def errors(csv_row: CsvRow, mapping=TEMPLATE) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        read_row(csv_row, mapping)
    return caught.value.errors


def test_template_headers_are_the_exported_columns_in_order():
    assert list(TEMPLATE_HEADERS) == list(FIELDS)
    assert list(TEMPLATE_HEADERS.values())[:6] == [
        "Account name", "Account type", "Tags", "Team members", "First name", "Last name"]
    assert TEMPLATE_HEADERS["more_emails"] == "Additional emails"
    assert TEMPLATE_HEADERS["description"] == "Contact description"
    assert set(SYNONYMS) == set(FIELDS)


@pytest.mark.parametrize(("a", "b"), [("E-mail", "email"), ("e mail", "EMAIL"), ("Città", "citta"),
                                      ("  FIRST   name ", "first_name")])
def test_header_key_ignores_case_accents_and_punctuation(a, b):
    assert header_key(a) == header_key(b)


def test_header_key_keeps_letters_and_digits_apart():
    assert header_key("Email 2") != header_key("Email")


def test_auto_map_of_the_template_headers():
    assert auto_map(list(TEMPLATE_HEADERS.values())) == TEMPLATE


def test_auto_map_of_italian_headers():
    headers = ["Nome", "Cognome", "E-mail", "Telefono", "Indirizzo", "Città", "CAP", "Provincia", "Paese",
               "Ragione sociale", "Tipo", "Etichette", "Membri del team", "Altre email", "Descrizione"]
    assert list(auto_map(headers).values()) == [
        "first_name", "last_name", "email", "phone", "street", "city", "postal_code", "state", "country",
        "account_name", "account_type", "tags", "team", "more_emails", "description"]


@pytest.mark.parametrize(("header", "field"), [
    ("  FIRST   name ", "first_name"), ("SURNAME", "last_name"), ("posta elettronica", "email"),
    ("Indirizzo e-mail", "email"), ("Cellulare", "phone"), ("tel.", "phone"), ("Zip", "postal_code"),
    ("Comune", "city"), ("Nazione", "country"), ("Azienda", "account_name"), ("Nome account", "account_name"),
    ("Ruolo", "description"), ("Email aggiuntive", "more_emails"), ("Given-Name", "first_name")])
def test_auto_map_of_synonyms_and_odd_spelling(header, field):
    assert auto_map(["Unrelated", header]) == {0: None, 1: field}


def test_no_synonym_names_two_fields():
    keys = [(header_key(h), f) for f, headers in SYNONYMS.items() for h in headers]
    assert len({k for k, _ in keys}) == len(set(keys))


def test_each_field_is_used_once_and_the_template_header_wins():
    assert auto_map(["Email", "E-mail", "Nome", "Cognome"]) == {
        0: "email", 1: None, 2: "first_name", 3: "last_name"}
    assert auto_map(["Nome", "First name", "Mail"]) == {0: None, 1: "first_name", 2: "email"}


def test_missing_required_and_mapping_errors():
    mapping = {0: "email", 1: "first_name", 2: None}
    assert missing_required(mapping) == ["last_name"]
    assert missing_required(TEMPLATE) == []
    assert mapping_errors(TEMPLATE) == {}
    assert mapping_errors({0: "email", 1: "email", 2: "first_name", 3: None}) == {
        "email": "mapped_twice", "last_name": "required_column"}
    assert mapping_errors({}) == dict.fromkeys(REQUIRED, "required_column")


def test_read_row_happy_path():
    got = read(row(7, account_name="  Rossi   S.r.l. ", account_type="Company", tags="IVA; Paghe;;iva ",
                       team="Anna@Studio.IT;anna@studio.it; luca@studio.it", first_name=" Mario ",
                       last_name="Rossi", email=" Mario.Rossi@Example.IT ",
                       more_emails="m@r.it; MARIO.ROSSI@example.it", phone="+39 333 123 4567",
                       street="Via Roma 1", city="Milano", state="MI", postal_code="20100", country="Italia",
                       description="Amministratore"), TEMPLATE)
    assert got == ClientRow(
        line=7, account_name="Rossi S.r.l.", account_type=AccountType.COMPANY, tags=("IVA", "Paghe"),
        team=("anna@studio.it", "luca@studio.it"), first_name="Mario", last_name="Rossi",
        email="mario.rossi@example.it", more_emails=("m@r.it",), phone="+393331234567", street="Via Roma 1",
        city="Milano", state="MI", postal_code="20100", country="Italia", description="Amministratore")


def test_read_row_with_only_the_names():
    got = read_row(CsvRow(3, ("Anna", "Bianchi")), {0: "first_name", 1: "last_name"})
    assert (got.account_name, got.account_type, got.email, got.phone, got.tags) == (
        "", AccountType.INDIVIDUAL, None, None, ())


def test_read_row_from_a_parsed_italian_file():
    table = parse_csv("Nome;Cognome;Cellulare;Città\nNicolò;D'Amico;'+39 333 1234567;Forlì\n".encode())
    got = read_row(table.rows[0], auto_map(table.headers))
    assert (got.first_name, got.last_name, got.phone, got.city) == ("Nicolò", "D'Amico", "+393331234567", "Forlì")


@pytest.mark.parametrize(("cell", "value"), [
    ("'=SUM(A1)", "=SUM(A1)"), ("'+39 333", "+39 333"), ("'-5", "-5"), ("'@home", "@home"),
    ("'Neill", "'Neill"), ("  '=x ", "=x"), ("''=x", "''=x"), ("'", "'")])
def test_the_export_apostrophe_is_dropped_only_before_formula_characters(cell, value):
    assert read(row(first_name="A", last_name="B", description=cell)).description == value


def test_a_protected_phone_is_read():
    assert read(row(first_name="A", last_name="B", phone="'+39 333 1234567")).phone == "+393331234567"


def test_all_problems_of_a_row_at_once():
    bad = row(account_name="Rossi/Bianchi", account_type="Ente", tags="x" * 256, team="anna@studio.it;nope",
              first_name=" ", email="mario@", more_emails="a@b.it;bad", phone="12", city="x" * 2001)
    assert errors(bad) == {"account_name": "bad_chars", "account_type": "option", "tags": "too_long",
                           "team": "email", "first_name": "required", "last_name": "required",
                           "email": "email", "more_emails": "email", "phone": "phone", "city": "too_long"}


@pytest.mark.parametrize(("cell", "kind"), [
    ("", AccountType.INDIVIDUAL), ("individual", AccountType.INDIVIDUAL), ("Persona fisica", AccountType.INDIVIDUAL),
    (" PRIVATO ", AccountType.INDIVIDUAL), ("Individuale", AccountType.INDIVIDUAL), ("persona", AccountType.INDIVIDUAL),
    ("COMPANY", AccountType.COMPANY), ("Azienda", AccountType.COMPANY), ("Società", AccountType.COMPANY),
    ("societa", AccountType.COMPANY), ("Impresa", AccountType.COMPANY), ("ditta", AccountType.COMPANY),
    ("Other", AccountType.OTHER), ("Altro", AccountType.OTHER), ("persona   fisica", AccountType.INDIVIDUAL)])
def test_account_type_synonyms(cell, kind):
    assert read(row(first_name="A", last_name="B", account_type=cell)).account_type is kind


@pytest.mark.parametrize("cell", ["Ente", "person", "S.r.l.", "companies"])
def test_unknown_account_type_is_an_option_error(cell):
    assert errors(row(first_name="A", last_name="B", account_type=cell)) == {"account_type": "option"}


def test_extra_cells_beyond_the_header_are_reported():
    full = row(first_name="A", last_name="B")
    assert errors(CsvRow(2, (*full.cells, "", "surprise"))) == {"row": "extra_cells"}
    assert read_row(CsvRow(2, (*full.cells, "", "  ")), TEMPLATE).first_name == "A"


def test_ignored_columns_are_not_read():
    mapping = {0: "first_name", 1: None, 2: "last_name"}
    assert read_row(CsvRow(2, ("Anna", "not an email", "Neri")), mapping).email is None


def test_with_a_field_chosen_twice_the_leftmost_column_counts():
    mapping = {0: "first_name", 1: "last_name", 2: "first_name"}
    assert read_row(CsvRow(2, ("Anna", "Neri", "Bice")), mapping).first_name == "Anna"


def test_account_key_ignores_case_accents_and_spacing():
    assert account_key("  Società   Rossi ") == account_key("societa rossi")
    assert account_key("Rossi") != account_key("Rossi 2")


_CELL = st.text(alphabet=st.sampled_from(list("aZè '=+-@;.\t\r\n0")) | st.characters(), max_size=30) | \
    st.sampled_from(["", "a@b.it", "Company", "Altro", "+39 333 1234567", "'=1", "x@y.it;z@w.it"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_CELL, max_size=len(FIELDS) + 3), st.integers(min_value=1, max_value=10**6))
def test_any_cells_give_a_client_row_or_a_refusal(cells, line):
    try:
        got = read_row(CsvRow(line, tuple(cells)), TEMPLATE)
    except InvalidInput as refused:
        assert refused.errors and set(refused.errors) <= {*FIELDS, "row"}
    else:
        assert isinstance(got, ClientRow) and got.line == line
        assert got.first_name and got.last_name
