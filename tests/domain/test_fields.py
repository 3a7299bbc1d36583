"""Validation rules users would expect of names, emails and phones."""

import pytest
from pydantic import ValidationError

from app.domain.accounts import Account, AccountType
from app.domain.contacts import Contact, ContactEmail, ContactPhone, EmailSettings, LoginState
from tests.conftest import TODAY


def account(name: str) -> Account:
    return Account(name=name, type=AccountType.COMPANY, created_at=f"{TODAY}T09:00:00")


def test_account_name_is_trimmed_and_inner_spaces_collapsed():
    assert account("  Rossi   S.r.l. ").name == "Rossi S.r.l."


@pytest.mark.parametrize("name", ["", "   ", "x" * 256])
def test_account_name_must_be_present_and_at_most_255_characters(name):
    with pytest.raises(ValidationError):
        account(name)


@pytest.mark.parametrize("char", list('<>:"/\\|?*'))
def test_account_name_refuses_reserved_characters(char):
    with pytest.raises(ValidationError, match="bad_chars"):
        account(f"Rossi {char} figli")


def test_account_type_must_be_known():
    with pytest.raises(ValidationError):
        Account(name="X", type="person", created_at=f"{TODAY}T09:00:00")


def test_email_is_lower_cased_and_checked():
    assert ContactEmail(address=" Mario.Rossi@Gmail.COM ", primary=True).address == "mario.rossi@gmail.com"
    for bad in ["mario", "mario@", "@gmail.com", "mario rossi@gmail.com", "mario@gmail"]:
        with pytest.raises(ValidationError):
            ContactEmail(address=bad)


def test_phone_is_normalised_and_checked():
    assert ContactPhone(number="+39 333 123 4567").number == "+393331234567"
    assert ContactPhone(number="(02) 1234-5678").number == "0212345678"
    for bad in ["12", "39+333123456", "abc"]:
        with pytest.raises(ValidationError):
            ContactPhone(number=bad)


def test_contact_needs_exactly_one_primary_email_and_no_duplicates():
    one = ContactEmail(address="a@b.it", primary=True)
    with pytest.raises(ValidationError, match="primary"):
        Contact(first_name="Mario", last_name="Rossi",
                emails=(ContactEmail(address="a@b.it"), ContactEmail(address="c@b.it")))
    with pytest.raises(ValidationError, match="duplicate_email"):
        Contact(first_name="Mario", last_name="Rossi",
                emails=(one, ContactEmail(address="A@B.IT")))
    assert Contact(first_name="Mario", last_name="Rossi", emails=(one,)).primary_email == "a@b.it"


def test_contact_full_name_includes_middle_name_only_when_present():
    assert Contact(first_name="Anna", last_name="Rossi").full_name == "Anna Rossi"
    assert Contact(first_name="Anna", middle_name="Maria", last_name="Rossi").full_name == "Anna Maria Rossi"


def test_an_invited_login_records_when():
    with pytest.raises(ValidationError, match="invited_at"):
        EmailSettings(email="a@b.it", login=LoginState.INVITED)
    settings = EmailSettings(email="a@b.it", login=LoginState.INVITED, invited_at=f"{TODAY}T10:00:00")
    assert settings.can_sign is True  # signing authority is on by default (F-INFO-CONTACTS-k)
