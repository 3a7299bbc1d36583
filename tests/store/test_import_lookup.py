"""Reads for the CSV import: many keys at once give what the one-key reads give for each."""

import pytest

from app.domain.client_rows import account_key
from app.store import accounts, contacts, import_lookup
from tests.conftest import _demo_db


@pytest.fixture(scope="module")
def firm():
    return _demo_db(120)


def test_accounts_named_answers_each_name_as_the_one_name_read(firm):
    keys = sorted({account_key(r[0]) for r in firm.all("SELECT name FROM account")}) + ["nessuno srl"]
    found = import_lookup.accounts_named(firm, keys * 5)   # repeats and more keys than one batch
    assert len(keys) * 5 > import_lookup._BATCH
    for key in keys:
        assert found.get(key, []) == [(r["id"], r["team"]) for r in accounts.accounts_named(firm, key)]
    assert any(len(v) > 1 for v in found.values())   # the demo has accounts sharing a name


def test_contacts_with_emails_gives_the_oldest_holder_of_each_address(firm):
    addresses = [r[0] for r in firm.all("SELECT DISTINCT address FROM contact_email")]
    addresses.append("nessuno@example.com")
    found = import_lookup.contacts_with_emails(firm, addresses)
    assert found == {a: contacts.contact_with_email(firm, a) for a in addresses[:-1]}


def test_accounts_of_contacts_lists_every_link_with_its_team(firm):
    ids = [r[0] for r in firm.all("SELECT id FROM contact")]
    found = import_lookup.accounts_of_contacts(firm, ids)
    for contact_id in ids:
        expected = sorted((r["id"], r["team"]) for r in contacts.accounts_of_contact(firm, contact_id))
        assert sorted(found.get(contact_id, [])) == expected


def test_last_signer_priorities_of_accounts(firm):
    ids = [r[0] for r in firm.all("SELECT id FROM account")]
    found = import_lookup.last_signer_priorities(firm, ids)
    assert found == {i: contacts.last_signer_priority(firm, i) for i in ids if contacts.count_links(firm, i)}
