"""The contact pickers' search (F-EDIT-7, Link contact): names and emails, accent-folded, by last name,
and only the contacts a member may see; its index follows every write."""

import pytest

from app.domain.access import Visibility
from app.domain.contacts import AccountContactLink, Contact, ContactEmail
from app.domain.text import fold
from app.store import accounts, contacts, open_store, reset, search
from app.store.db import Database
from app.store.salvage import salvage
from app.store.schema import MIGRATIONS
from tests.conftest import _demo_db
from tests.store.helpers import add_account, add_member

EVERYONE = Visibility(all_accounts=True)


def lone_contact(db, first, last, email):
    with db.transaction():
        return contacts.insert_contact(db, Contact(first_name=first, last_name=last,
                                                   emails=(ContactEmail(address=email, primary=True),)))


def picked(db, text, scope=EVERYONE, limit=10):
    return [c.full_name for c in contacts.find_contacts(db, text, scope, limit)]


@pytest.fixture
def firm(db):
    member = add_member(db)
    mine = add_account(db, "Rossi, Mario", [("Mario", "Rossi", "mario.rossi@gmail.com")], team={member})
    theirs = add_account(db, "Bianchi, Nicolò", [("Nicolò", "Bianchi", "nb@gmail.com")])
    lone_contact(db, "Anna", "Rossetti", "anna@libero.it")
    return db, Visibility(False, member), mine, theirs


def test_finds_names_and_email_fragments_accent_folded_by_last_name(firm):
    db, *_ = firm
    assert picked(db, "gmail") == ["Nicolò Bianchi", "Mario Rossi"]
    assert picked(db, "NICOLO") == picked(db, "nicolò") == ["Nicolò Bianchi"]
    assert picked(db, " ross ") == ["Anna Rossetti", "Mario Rossi"]
    assert picked(db, "mario ross") == ["Mario Rossi"]
    assert picked(db, "o", limit=2) == ["Nicolò Bianchi", "Anna Rossetti"]
    assert picked(db, "  ") == [] and picked(db, '"ro"') == []


def test_wildcards_and_quotes_are_plain_text(db):
    lone_contact(db, "Pia", "Neri", "pia_neri@100%.it")
    lone_contact(db, "Ugo", "Bassi", "ugo.bassi@x.it")
    for text in ("_", "%", "a_n", "100%", "%.it"):
        assert picked(db, text) == ["Pia Neri"], text
    assert picked(db, '"') == picked(db, 'ia"n') == [] and picked(db, "\\") == []


def test_a_restricted_member_gets_their_teams_contacts_and_unlinked_ones_only(firm):
    db, member, *_ = firm
    assert picked(db, "gmail", member) == ["Mario Rossi"]
    assert picked(db, "o", member) == ["Anna Rossetti", "Mario Rossi"]
    assert picked(db, "nb@", member) == [] and picked(db, "nb@") == ["Nicolò Bianchi"]


def test_a_contact_on_a_visible_and_an_invisible_account_is_offered(firm):
    db, member, mine, theirs = firm
    nicolo = contacts.find_contacts(db, "nicolo", EVERYONE)[0]
    with db.transaction():
        contacts.link(db, AccountContactLink(account_id=mine, contact_id=nicolo.id))
    assert picked(db, "nicolo", member) == ["Nicolò Bianchi"]
    with db.transaction():
        contacts.unlink(db, mine, nicolo.id)
    assert picked(db, "nicolo", member) == []
    with db.transaction():
        contacts.unlink(db, theirs, nicolo.id)   # linked to nothing now: anyone may pick it
    assert picked(db, "nicolo", member) == ["Nicolò Bianchi"]


def test_renamed_contacts_and_changed_emails_are_found_by_what_they_are_now(firm):
    db, *_ = firm
    anna = contacts.find_contacts(db, "anna", EVERYONE)[0]
    with db.transaction():
        contacts.update_contact(db, anna.model_copy(update={
            "last_name": "Zanetti", "emails": (ContactEmail(address="anna@pec.it", primary=True),)}))
    assert picked(db, "zanetti") == picked(db, "pec.it") == ["Anna Zanetti"]
    assert picked(db, "rossetti") == picked(db, "libero") == []
    assert picked(db, "ann") == ["Anna Zanetti"]


def test_a_rolled_back_write_leaves_the_picker_as_it_was(firm):
    db, *_ = firm
    with pytest.raises(RuntimeError):
        with db.transaction():
            contacts.insert_contact(db, Contact(first_name="Pia", last_name="Gone"))
            db.execute("DELETE FROM contact WHERE last_name = 'Rossetti'")
            raise RuntimeError
    assert picked(db, "gone") == [] and picked(db, "rossetti") == ["Anna Rossetti"]


def test_deleted_accounts_and_erased_clients_leave_nothing_behind(firm):
    db, member, _, theirs = firm
    with db.transaction():
        accounts.delete_account(db, theirs)  # its contact stays, linked to nothing
    assert picked(db, "nicolo", member) == ["Nicolò Bianchi"]
    with db.transaction():
        reset.erase_clients(db)
    assert picked(db, "o") == []
    lone_contact(db, "Ugo", "Nuovo", "ugo@nuovo.it")   # ids are used again after an erase
    assert picked(db, "o") == ["Ugo Nuovo"] and picked(db, "rossi") == []


def test_contacts_written_by_plain_inserts_are_found(db):
    # As an import or a salvage writes them: rows, with no call into the search index.
    with db.transaction():
        db.execute("INSERT INTO contact (id, first_name, last_name) VALUES (7, 'Nicolò', 'Greco')")
        db.execute("INSERT INTO contact_email (contact_id, address, is_primary) VALUES (7, 'ng@fastweb.it', 1)")
    assert picked(db, "fastweb") == picked(db, "NICOLO") == ["Nicolò Greco"]


def test_a_salvaged_database_has_its_contacts_indexed(tmp_path):
    path = tmp_path / "f.sqlite"
    original = open_store(str(path))
    add_account(original, "Greco, Nicolò", [("Nicolò", "Greco", "ng@fastweb.it")])
    lone_contact(original, "Anna", "Verdi", "anna@verdi.it")
    original.close()
    rescued = Database.from_bytes(salvage(str(path)))
    assert picked(rescued, "nicolo") == ["Nicolò Greco"] and picked(rescued, "verdi") == ["Anna Verdi"]


def test_contacts_of_a_database_from_before_the_index_are_found_once_opened(tmp_path):
    path = str(tmp_path / "old.sqlite")
    old = Database(path)
    for number, script in enumerate(MIGRATIONS[:2], start=1):
        old.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
    old.execute("INSERT INTO contact (first_name, last_name) VALUES ('Nicolò', 'Greco')")
    old.close()
    assert picked(open_store(path), "nicolo") == ["Nicolò Greco"]


# ---- Every way of reading the index gives what checking every contact would ------------

READINGS = {"as shipped": {}, "walking": {"_FEW": 3, "_SMALL_TEAM": 2}}


def every_match(db, text, scope, limit):
    """What the picker must show: every contact checked, the visible matches in order, cut."""
    needle = fold(text.strip())
    team = {r[0] for r in db.all("SELECT account_id FROM account_team WHERE member_id = ?", (scope.member_id,))}
    found = []
    for r in db.all("SELECT c.id, c.first_name, c.middle_name, c.last_name,"
                    " (SELECT group_concat(address, ' ') FROM contact_email e WHERE e.contact_id = c.id),"
                    " (SELECT group_concat(account_id) FROM account_contact ac WHERE ac.contact_id = c.id)"
                    " FROM contact c"):
        linked = {int(i) for i in r[5].split(",")} if r[5] else set()
        if needle in fold(" ".join(filter(None, r[1:5]))) and (scope.all_accounts or not linked or linked & team):
            found.append((r["last_name"], r["first_name"], r["id"]))
    return [contact_id for *_, contact_id in sorted(found)[:limit]]


@pytest.fixture(scope="module")
def unlinked_too():
    """A demo firm, a few of whose contacts are linked to nothing."""
    db = _demo_db(120)
    for i, name in enumerate(["Nicolò", "Zoe", "Ábel", "Rosa", "Ugo"]):
        lone_contact(db, name, "Sciolto", f"{name.lower()}{i}@gmail.com")
    return db


@pytest.mark.parametrize("reading", READINGS)
def test_the_picker_shows_the_first_of_every_visible_match(unlinked_too, monkeypatch, reading):
    db = unlinked_too
    for constant, value in READINGS[reading].items():
        monkeypatch.setattr(search, constant, value)
    texts = [r[0] for r in db.all("SELECT text FROM contact_search_text WHERE id % 7 = 0")]
    fragments = {t[i:i + n] for t in texts for n in (1, 2, 3, 5) for i in (0, len(t) // 2, max(len(t) - n, 0))}
    members = [r[0] for r in db.all("SELECT id FROM member WHERE role = 'employee' AND NOT view_all_accounts")]
    for text in [*sorted(fragments - {"", " "}), "NICOLÒ", "Sciolto", "GMAIL", "zzzz"]:
        for scope in (EVERYONE, *(Visibility(False, m) for m in members)):
            for limit in (1, 10):
                shown = [c.id for c in contacts.find_contacts(db, text, scope, limit)]
                assert shown == every_match(db, text, scope, limit), (text, scope, limit)
