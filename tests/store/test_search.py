"""F-FIND-1: substring search over names and contact emails, accent- and case-insensitive."""

import pytest

from app.domain.access import Visibility
from app.domain.text import fold, squash
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


def test_prefix_then_inside_the_name_then_contacts_each_by_name(db):
    for name, people in [("Zeta Rossi", []), ("Rossi, Luca", []), ("Bar Centrale", [("Ugo", "Rossini", "u@x.it")]),
                         ("Rossetti", []), ("Grosso", []), ("Agenzia Blu", [("Rosa", "Rossi", "r@x.it")])]:
        add_account(db, name, people)
    assert names(db, "ross") == ["Rossetti", "Rossi, Luca", "Grosso", "Zeta Rossi", "Agenzia Blu", "Bar Centrale"]
    assert [h.matched_in_name for h in search.search(db, "ross", EVERYONE)] == [True] * 4 + [False] * 2
    assert names(db, "ross")[:3] == [h.name for h in search.search(db, "ross", EVERYONE, limit=3)]


def test_names_sharing_a_prefix_with_odd_characters_stay_in_their_group(db):
    for name in ("Caffè Ù", "Caffe", "Caffè", "Caffè\U0010ffff Bis", "Caff", "Cafe"):
        add_account(db, name)
    assert names(db, "caffe") == ["Caffe", "Caffè", "Caffè Ù", "Caffè\U0010ffff Bis"]
    assert names(db, "caffe\U0010ffff") == ["Caffè\U0010ffff Bis"]


# ---- Every way of reading the index gives what ranking every match would ----------------

READINGS = {"as shipped": {}, "walking": {"_FEW": 3, "_SMALL_TEAM": 2}}


def ranked_in_full(db, text, scope, limit):
    """What the search must show: every visible match ranked (prefix, name, contacts), then cut."""
    needle = fold(squash(text))
    team = {r[0] for r in db.all("SELECT account_id FROM account_team WHERE member_id = ?", (scope.member_id,))}
    found = []
    for r in db.all("SELECT a.id, a.name, a.name_sort, s.people FROM account a"
                    " JOIN account_search s ON s.rowid = a.id"):
        rank = (0 if r["name_sort"].startswith(needle) else 1 if needle in r["name_sort"]
                else 2 if needle in r["people"] else None)
        if needle and rank is not None and (scope.all_accounts or r["id"] in team):
            found.append((rank, r["name_sort"], r["id"]))
    return [account_id for *_, account_id in sorted(found)[:limit]]


def needles(db) -> list[str]:
    """Fragments of real names and contacts (1 to 6 letters, from start, middle and end),
    written as a user might, and a few that match nothing."""
    texts = [t for r in db.all("SELECT name, people FROM account_search WHERE rowid % 9 = 0") for t in r]
    found = {t[i:i + n] for t in texts for n in (1, 2, 3, 4, 6) for i in (0, len(t) // 2, max(len(t) - n, 0))}
    return sorted(found - {""}) + ["NICOLÒ", "Rossi", "GMAIL", "%", "_", "zzzz", "q@"]


@pytest.mark.parametrize("reading", READINGS)
def test_search_shows_the_first_of_every_match_ranked(demo, monkeypatch, reading):
    for constant, value in READINGS[reading].items():
        monkeypatch.setattr(search, constant, value)
    restricted = [r[0] for r in demo.all("SELECT id FROM member WHERE role = 'employee' AND NOT view_all_accounts")]
    scopes = [EVERYONE, *(Visibility(False, m) for m in restricted)]
    for text in needles(demo):
        for scope in scopes:
            for limit in (1, 8):
                shown = [hit.account_id for hit in search.search(demo, text, scope, limit)]
                assert shown == ranked_in_full(demo, text, scope, limit), (text, scope, limit)
