"""Custom field values checked against their type (F-EDIT-6), and the per-field codes of form errors."""

import pytest

from app.domain.account_forms import AccountDetailsInput, NewAccountInput
from app.domain.contact_forms import ContactDetailsInput, NotificationInput
from app.domain.custom_fields import clean_value, clean_values
from app.domain.errors import InvalidInput
from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType
from app.domain.validation import validate

XSS = "<img src=x onerror=alert(1)>"


def field(kind: FieldType, field_id: int = 1, options=()) -> CustomFieldDefinition:
    return CustomFieldDefinition(id=field_id, scope=FieldScope.ACCOUNT, label=f"{kind.value} field",
                                 type=kind, options=options)


DROPDOWN = field(FieldType.DROPDOWN, options=("Ordinario", "Semplificato", "Forfettario"))


@pytest.mark.parametrize("kind", list(FieldType))
@pytest.mark.parametrize("raw", ["", "   ", "\n\t"])
def test_an_empty_value_means_not_filled(kind, raw):
    assert clean_value(DROPDOWN if kind is FieldType.DROPDOWN else field(kind), raw) is None


@pytest.mark.parametrize("raw, stored", [
    ("42", "42"), ("-3", "-3"), ("0.10", "0.1"), ("100", "100"), ("12,5", "12.5"),
    ("1.234,50", "1234.5"), ("1,234.50", "1234.5"), ("1 000 000", "1000000"), ("1\u00a0500,25", "1500.25"),
    (" 7 ", "7"), ("1e3", "1000"), ("0", "0"),
])
def test_numbers_are_stored_with_a_dot(raw, stored):
    assert clean_value(field(FieldType.NUMBER), raw) == stored


@pytest.mark.parametrize("raw", ["molto", "12€", "1.2.3", "1,2,3", "NaN", "Infinity", "-inf", "0x10", "1/2", XSS])
def test_text_is_not_a_number(raw):
    with pytest.raises(ValueError, match="^number$"):
        clean_value(field(FieldType.NUMBER), raw)


@pytest.mark.parametrize("raw, stored", [("2025-03-01", "2025-03-01"), (" 2024-02-29 ", "2024-02-29")])
def test_dates_are_iso_dates(raw, stored):
    assert clean_value(field(FieldType.DATE), raw) == stored


@pytest.mark.parametrize("raw", ["01/03/2025", "2025-02-30", "2023-02-29", "2025-13-01", "domani", "2025-03"])
def test_invalid_dates_are_refused(raw):
    with pytest.raises(ValueError, match="^date$"):
        clean_value(field(FieldType.DATE), raw)


def test_a_dropdown_takes_one_of_its_options():
    assert clean_value(DROPDOWN, " Semplificato ") == "Semplificato"
    for raw in ("Agricolo", "semplificato", "Ordinario, Semplificato", XSS):
        with pytest.raises(ValueError, match="^option$"):
            clean_value(DROPDOWN, raw)


@pytest.mark.parametrize("raw", ["true", "false"])
def test_a_checkbox_is_true_or_false(raw):
    assert clean_value(field(FieldType.CHECKBOX), raw) == raw


@pytest.mark.parametrize("raw", ["yes", "1", "True", "on", "vero"])
def test_other_checkbox_values_are_refused(raw):
    with pytest.raises(ValueError, match="^option$"):
        clean_value(field(FieldType.CHECKBOX), raw)


def test_emails_are_lower_cased_and_checked():
    assert clean_value(field(FieldType.EMAIL), " PEC@Rossi.IT ") == "pec@rossi.it"
    for raw in ("pec@", "@rossi.it", "pec rossi@rossi.it", "pec@rossi", "pec@@rossi.it", XSS):
        with pytest.raises(ValueError, match="^email$"):
            clean_value(field(FieldType.EMAIL), raw)


def test_phones_are_normalised_and_checked():
    assert clean_value(field(FieldType.PHONE), "+39 (02) 1234-5678") == "+390212345678"
    assert clean_value(field(FieldType.PHONE), "02 1234 5678") == "0212345678"
    for raw in ("12", "39+02 1234567", "++39 02 1234567", "1" * 21, "telefono"):
        with pytest.raises(ValueError, match="^phone$"):
            clean_value(field(FieldType.PHONE), raw)


@pytest.mark.parametrize("kind", [FieldType.TEXT, FieldType.ADDRESS])
def test_text_is_kept_as_typed_up_to_2000_characters(kind):
    for raw in (XSS, '"><svg onload=alert(1)>', "Rossi & Figli 'Snc'", "x" * 2000):
        assert clean_value(field(kind), f"  {raw} ") == raw
    with pytest.raises(ValueError, match="^too_long$"):
        clean_value(field(kind), "x" * 2001)


def test_clean_values_returns_the_filled_values_in_stored_form():
    fields = [field(FieldType.TEXT, 1), field(FieldType.NUMBER, 2), field(FieldType.DATE, 3),
              field(FieldType.CHECKBOX, 4)]
    assert clean_values(fields, {1: XSS, 2: "1.000,5", 3: "", 4: "false"}) == {1: XSS, 2: "1000.5", 4: "false"}
    assert clean_values(fields, {}) == {}


def test_clean_values_names_every_bad_field_at_once():
    fields = [field(FieldType.NUMBER, 1), field(FieldType.DATE, 2), field(FieldType.EMAIL, 3),
              field(FieldType.PHONE, 4), field(FieldType.CHECKBOX, 5), field(FieldType.TEXT, 6),
              DROPDOWN.model_copy(update={"id": 7})]
    with pytest.raises(InvalidInput) as refused:
        clean_values(fields, {1: "abc", 2: "ieri", 3: "x@", 4: "1", 5: "si", 6: "ok", 7: "Altro", 99: "?"})
    assert refused.value.errors == {"custom.1": "number", "custom.2": "date", "custom.3": "email",
                                    "custom.4": "phone", "custom.5": "option", "custom.7": "option",
                                    "custom.99": "unknown"}


# --- the per-field codes the forms show (app.domain.validation) ---

def codes_of(model, data):
    with pytest.raises(InvalidInput) as refused:
        validate(model, data)
    return refused.value.errors


def test_account_form_codes():
    assert codes_of(AccountDetailsInput, {}) == {"name": "required", "type": "required"}
    assert codes_of(AccountDetailsInput, {"name": " ", "type": "person"}) == {"name": "required", "type": "option"}
    assert codes_of(AccountDetailsInput, {"name": "x" * 256, "type": "company"}) == {"name": "too_long"}
    assert codes_of(AccountDetailsInput, {"name": "A|B", "type": "company", "tag_ids": ["uno"]}) == {
        "name": "bad_chars", "tag_ids.0": "number"}
    assert codes_of(NewAccountInput, {"type": "other", "contact": {"first_name": "A", "last_name": "B",
                                                                   "email": "a@b"}}) == {"contact.email": "email"}


def test_a_valid_account_form_is_cleaned():
    form = validate(AccountDetailsInput, {"name": "  Rossi   S.r.l. ", "type": "company", "tag_ids": [2, 1, 2],
                                          "custom": {"3": "x"}})
    assert (form.name, form.tag_ids, form.custom) == ("Rossi S.r.l.", frozenset({1, 2}), {3: "x"})


def test_contact_form_codes():
    assert codes_of(ContactDetailsInput, {"first_name": "", "last_name": "R", "emails": ["a@b.it", "bad"],
                                          "phones": ["12"], "address": {"city": "x" * 2001}}) == {
        "first_name": "required", "emails.1": "email", "phones.0": "phone", "address.city": "too_long"}
    form = validate(ContactDetailsInput, {"first_name": XSS, "last_name": " Rossi ", "emails": [" A@B.IT "],
                                          "phones": ["+39 333 1234567"]})
    assert (form.first_name, form.last_name, form.emails, form.phones) == (XSS, "Rossi", ("a@b.it",), ("+393331234567",))


def test_notification_types_must_be_known():
    assert validate(NotificationInput, {"types": ["message", "invoice"]}).types == {"message", "invoice"}
    assert set(codes_of(NotificationInput, {"types": ["message", "spam"]}).values()) == {"option"}
