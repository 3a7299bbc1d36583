"""The database as record lists and back: every table read, rebuilt with its search index, checked."""

import pytest

from app.domain.access import Visibility
from app.domain.dataset import FORMAT, RECORD_LISTS, VERSION, Dataset, row_fields
from app.store import dataset as store
from app.store import dataset_check as check
from app.store import firm as firm_store
from app.store import search
from app.store.db import Database
from app.store.schema import MIGRATIONS
from tests.conftest import _demo_db, member_named

HASH = "pbkdf2_sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U="


@pytest.fixture(scope="module")
def demo() -> Database:
    db = _demo_db(30)
    giulia = member_named(db, "Giulia")
    firm_store.set_passphrase(db, giulia.id, HASH, must_change=True)
    firm_store.record_event(db, "2024-05-06T07:08:09", giulia.id, "firm_changed", "Studio", {"name": "Studio"})
    firm_store.record_event(db, "2024-05-06T07:08:10", None, "firm_created", "")
    return db


def as_version_1(db: Database) -> Database:
    """A copy of `db` as the first version of the app wrote it: the schema of its migration,
    exactly (no firm_event, none of the new columns), holding the same records."""
    old = Database()
    old.executescript(MIGRATIONS[0])
    old.execute("PRAGMA user_version = 1")
    old.execute("PRAGMA foreign_keys = OFF")
    tables = [r[0] for r in old.all("SELECT name FROM pragma_table_list WHERE type = 'table'"
                                    " AND schema = 'main' AND name NOT LIKE 'sqlite%'")]   # not the index's
    for table in tables:
        columns = ", ".join(r[1] for r in old.all("SELECT * FROM pragma_table_info(?)", (table,)))
        rows = [tuple(r) for r in db.all(f"SELECT {columns} FROM {table}")]
        if rows:
            old.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(rows[0]))})", rows)
    old.executemany("INSERT INTO account_search (rowid, name, people) VALUES (?, ?, ?)",
                    [tuple(r) for r in db.all("SELECT rowid, name, people FROM account_search")])
    old.execute("PRAGMA foreign_keys = ON")
    return old


@pytest.fixture(scope="module")
def records(demo) -> dict:
    return store.read_records(demo)


def rebuilt(records: dict, **changes) -> Database:
    return store.build(Dataset.model_validate({**records, **changes}))


def test_every_list_holds_every_row_of_its_table(demo, records):
    assert (records["format"], records["version"]) == (FORMAT, VERSION)
    assert set(records) == {"format", "version", *RECORD_LISTS}
    assert records["firm"]["name"] and set(records["firm"]) == set(row_fields("firm"))
    for name in RECORD_LISTS[1:]:
        count = demo.scalar(f"SELECT count(*) FROM {store.TABLES[name]}")
        assert len(records[name]) == count, name
        assert all(set(row) == set(row_fields(name)) for row in records[name]), name
    assert records["accounts"] and records["notes"] and records["document_views"] and records["firm_events"]


def test_reading_twice_gives_the_same_records_in_the_same_order(demo, records):
    assert store.read_records(demo) == records


def test_built_database_holds_exactly_the_records(records):
    assert store.read_records(rebuilt(records)) == records


def test_built_database_can_be_searched(records):
    db = rebuilt(records)
    assert db.scalar("SELECT count(*) FROM account_search") == len(records["accounts"])
    assert db.scalar("SELECT count(DISTINCT rowid) FROM account_search") == len(records["accounts"])
    account = records["accounts"][7]
    hits = search.search(db, account["name"], Visibility(all_accounts=True))
    assert account["id"] in [hit.account_id for hit in hits]
    email = records["contact_emails"][0]["address"]
    assert search.search(db, email, Visibility(all_accounts=True))


def test_built_database_is_a_complete_store(records):
    db = rebuilt(records)
    assert db.integrity_ok()
    assert db.all("PRAGMA foreign_key_check") == []
    assert check.records_of_file(db.serialize()) == records


def test_a_duplicate_member_email_is_rejected(records):
    members = [dict(m) for m in records["members"]]
    members[2]["email"] = members[1]["email"]
    with pytest.raises(store.Rejected, match="member.email"):
        rebuilt(records, members=members)


def test_a_note_on_a_missing_account_is_rejected(records):
    notes = [dict(n) for n in records["notes"]]
    notes[4]["account_id"] = 987_654
    with pytest.raises(store.Rejected, match="note"):
        rebuilt(records, notes=notes)


def test_a_contact_link_to_a_missing_account_is_rejected(records):
    links = [dict(link) for link in records["account_contacts"]]
    links[-1]["account_id"] = 555_555
    with pytest.raises(store.Rejected, match="account_contact"):
        rebuilt(records, account_contacts=links)


def test_a_duplicate_account_id_is_rejected(records):
    accounts = [dict(a) for a in records["accounts"]]
    accounts[3]["id"] = accounts[2]["id"]
    with pytest.raises(store.Rejected, match="account.id"):
        rebuilt(records, accounts=accounts)


def test_a_record_breaking_a_table_rule_is_rejected(records):
    # Two primary contacts for one account: the schema allows one.
    links = [dict(link) for link in records["account_contacts"]]
    first = next(link for link in links if link["is_primary"])
    linked = {link["contact_id"] for link in links if link["account_id"] == first["account_id"]}
    links.append({**first, "contact_id": next(c["id"] for c in records["contacts"] if c["id"] not in linked)})
    with pytest.raises(store.Rejected, match="account_contact"):
        rebuilt(records, account_contacts=links)


def test_our_own_file_reads_back_as_the_same_records(demo, records):
    assert check.records_of_file(demo.serialize()) == records


@pytest.mark.parametrize("tail", [b"\xff" * 300, b"", b"\x00" * 5000, bytes(range(256)) * 40])
def test_garbage_after_the_sqlite_magic_is_damaged(tail):
    with pytest.raises(store.Damaged):
        check.records_of_file(b"SQLite format 3\x00" + tail)


def test_a_truncated_file_is_damaged(demo):
    data = demo.serialize()
    with pytest.raises(store.Damaged):
        check.records_of_file(data[: len(data) // 3])


def test_an_overwritten_page_is_damaged(demo):
    data = bytearray(demo.serialize())
    data[8192:12288] = b"\xa5" * 4096
    with pytest.raises(store.Damaged):
        check.records_of_file(bytes(data))


def test_a_garbled_table_definition_is_damaged(demo):
    data = bytearray(demo.serialize())
    at = data.find(b"CREATE TABLE member")
    data[at + 12] = 0xFF  # SQLite cannot parse the schema; its error message quotes the byte
    with pytest.raises(store.Damaged):
        check.records_of_file(bytes(data))


@pytest.mark.parametrize("version", range(len(MIGRATIONS) + 1))
def test_a_database_with_other_tables_is_another_schema(version):
    other = Database()
    other.executescript(f"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
                        f"INSERT INTO customers (name) VALUES ('Rossi');PRAGMA user_version = {version};")
    with pytest.raises(store.OtherSchema):
        check.records_of_file(other.serialize())


@pytest.mark.parametrize("version", [0, 99])
def test_our_tables_with_an_unknown_schema_version_are_another_schema(demo, version):
    copy = Database.from_bytes(demo.serialize())
    copy.execute(f"PRAGMA user_version = {version}")
    with pytest.raises(store.OtherSchema):
        check.records_of_file(copy.serialize())



def test_passphrase_hashes_and_the_history_are_read_as_stored(records):
    giulia = next(m for m in records["members"] if m["first_name"] == "Giulia")
    assert (giulia["passphrase_hash"], giulia["must_change_passphrase"]) == (HASH, 1)
    assert [e["detail"] for e in records["firm_events"]] == ['{"name": "Studio"}', "{}"]
    assert records["firm_events"][1]["actor_id"] is None


def test_a_history_line_of_no_actor_or_one_of_a_member_is_linked_and_one_of_nobody_rejected(records):
    events = [dict(e) for e in records["firm_events"]]
    assert store.read_records(rebuilt(records, firm_events=events))["firm_events"] == records["firm_events"]
    events[1]["actor_id"] = 424_242
    with pytest.raises(store.Rejected, match="firm_event"):
        rebuilt(records, firm_events=events)


def test_a_file_of_the_first_version_is_migrated(demo, records):
    migrated = check.records_of_file(as_version_1(demo).serialize())
    # Before version 2 a device held only the demo firm, and every member could export clients.
    assert migrated["firm"]["demo"] == 1 and migrated["firm"]["name"] == records["firm"]["name"]
    assert all((m["export_clients"], m["active"], m["passphrase_hash"], m["must_change_passphrase"])
               == (1, 1, None, 0) for m in migrated["members"])
    assert migrated["firm_events"] == []
    assert {k: v for k, v in migrated.items() if k not in ("firm", "members", "firm_events")} == {
        k: v for k, v in records.items() if k not in ("firm", "members", "firm_events")}


def test_a_first_version_file_missing_a_column_is_another_schema(demo):
    old = as_version_1(demo)
    old.execute("ALTER TABLE contact DROP COLUMN tax_id")
    with pytest.raises(store.OtherSchema):
        check.records_of_file(old.serialize())


def test_a_first_version_file_with_a_table_of_the_next_version_is_another_schema(demo):
    old = as_version_1(demo)
    old.execute("CREATE TABLE firm_event (id INTEGER PRIMARY KEY)")
    with pytest.raises(store.OtherSchema):
        check.records_of_file(old.serialize())


def test_sqlite_statistics_tables_do_not_make_another_schema(demo, records):
    analysed = Database.from_bytes(demo.serialize())
    analysed.execute("ANALYZE")
    assert analysed.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") == 1
    assert check.records_of_file(analysed.serialize()) == records
