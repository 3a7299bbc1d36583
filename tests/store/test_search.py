"""F-FIND-1: substring search over names and contact emails, accent- and case-insensitive."""

import pytest

from app.domain.access import Visibility
from app.store import search
from tests.store.helpers import add_account, add_member

EVERYONE = Visibility(all_accounts=True)


@pytest.fixture
def firm(db):
    ids = {
        "rossi": add_account(db, "Rossi, Mario", [("Mario", "Rossi", "mario.rossi@gmail.com")]),
        "nicolo": add_account(db, "Bianchi, Nicolò", [("Nicolò", "Bianchi", "nb@libero.it")]),
        "panificio": add_account(db, "Panificio Rossi", [("Anna", "Verdi", "anna@panificio.it")]),
        "cento": add_account(db, "100% Bio_Market", [("Luca", "Neri", "luca@bio.it")]),
    }
    return db, ids


def names(db, text, scope=EVERYONE):
    return [hit.name for hit in search.search(db, text, scope)]


def test_finds_substrings_of_the_name_in_any_case(firm):
    db, _ = firm
    assert names(db, "ROSS") == ["Rossi, Mario", "Panificio Rossi"]
    assert names(db, "ificio") == ["Panificio Rossi"]


def test_name_prefix_ranks_before_substring(firm):
    db, _ = firm
    assert names(db, "rossi")[0] == "Rossi, Mario"


def test_accents_are_folded_both_ways(firm):
    db, _ = firm
    assert names(db, "nicolo") == ["Bianchi, Nicolò"]
    assert names(db, "NICOLÒ") == ["Bianchi, Nicolò"]


def test_finds_contact_names_and_email_fragments(firm):
    db, _ = firm
    assert names(db, "gmail") == ["Rossi, Mario"]
    assert names(db, "verdi") == ["Panificio Rossi"]
    assert names(db, "anna@pan") == ["Panificio Rossi"]


def test_short_queries_match_and_wildcards_are_literal(firm):
    db, _ = firm
    assert names(db, "%") == ["100% Bio_Market"]
    assert names(db, "o_") == ["100% Bio_Market"]
    assert "Rossi, Mario" in names(db, "ro")


def test_quotes_and_fts_syntax_are_plain_text(firm):
    db, _ = firm
    assert names(db, 'ro"ss') == []
    assert names(db, "rossi OR bianchi") == []
    assert names(db, "   ") == []


def test_index_follows_writes_and_ignores_rolled_back_ones(firm):
    db, _ = firm
    add_account(db, "Zanetti Immobiliare", [("Pia", "Zanetti", "pia@zanetti.it")])
    assert names(db, "zanetti") == ["Zanetti Immobiliare"]
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.execute("UPDATE account SET name = 'Gone' WHERE name = 'Zanetti Immobiliare'")
            search.touch(db, [db.scalar("SELECT id FROM account WHERE name = 'Gone'")])
            raise RuntimeError
    assert names(db, "zanetti") == ["Zanetti Immobiliare"]


def test_restricted_member_finds_only_team_accounts(firm):
    db, ids = firm
    member_id = add_member(db)
    with db.transaction():
        db.execute("INSERT INTO account_team (account_id, member_id) VALUES (?, ?)",
                   (ids["panificio"], member_id))
    assert names(db, "rossi", Visibility(False, member_id)) == ["Panificio Rossi"]


def test_limit_caps_the_results(firm):
    db, _ = firm
    assert len(search.search(db, "i", EVERYONE, limit=2)) == 2
