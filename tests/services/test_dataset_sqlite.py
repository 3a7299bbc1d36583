"""Import dataset, SQLite file: SQLite's checks first, then the models'; the checked copy is the new
data, its derived data made again; refusals name the first problem; Cancel leaves nothing."""

import json
import sqlite3

import pytest

from app.domain.access import Visibility
from app.i18n import CATALOGS
from app.services.dataset import (
    apply_import,
    apply_import_steps,
    export_json,
    prepare_import,
    prepare_import_steps,
)
from app.services.pace import Pace
from app.services.steps import run_all
from app.store import dataset_check, open_store, search
from app.store.db import Database
from tests.conftest import _demo_db
from tests.services.test_dataset import OWNER, refusal, with_firm_of_its_own
from tests.store.test_dataset import as_version_1


@pytest.fixture(scope="module")
def source() -> Database:
    return with_firm_of_its_own(_demo_db(40))


@pytest.fixture(scope="module")
def document(source) -> dict:
    return json.loads(export_json(source, OWNER))


@pytest.fixture
def target() -> Database:
    return _demo_db(5)


def edited(source: Database, *statements: str, unchecked: bool = False, schema: bool = False) -> bytes:
    """The source's file with `statements` run on a copy (CHECKs off, or the schema writable)."""
    copy = Database.from_bytes(source.serialize())
    copy.execute(f"PRAGMA ignore_check_constraints = {'ON' if unchecked else 'OFF'}")
    copy.execute(f"PRAGMA writable_schema = {'ON' if schema else 'OFF'}")
    copy.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        copy.execute(statement)
    return copy.serialize()


def imported(data: bytes) -> Database:
    fresh = open_store()
    apply_import(fresh, OWNER, prepare_import(OWNER, data))
    return fresh


def nth_id(source: Database, table: str, n: int) -> int:
    return source.scalar(f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET ?", (n,))


def test_a_bad_email_is_named_where_the_exported_list_has_it(target, source):
    email = nth_id(source, "contact_email", 6)
    refused = refusal(target, edited(source, f"UPDATE contact_email SET address = 'not-an-email' WHERE id = {email}"))
    assert refused.code == "record_invalid" and refused.details == {"where": "contact_emails › 7 › address",
                                                                   "reason": "email"}


def test_the_first_problem_in_the_order_of_the_lists_and_records_is_named(target, source):
    data = edited(source, f"UPDATE note SET created_at = 'later' WHERE id = {nth_id(source, 'note', 2)}",
                  f"UPDATE account SET created_at = 'soon' WHERE id = {nth_id(source, 'account', 30)}",
                  f"UPDATE account SET name = 'a/b' WHERE id = {nth_id(source, 'account', 20)}")
    assert refusal(target, data).details["where"] == "accounts › 21 › name"


@pytest.mark.parametrize("statement, where", [
    ("UPDATE member SET view_all_accounts = 2 WHERE id = (SELECT max(id) FROM member)", "members › 6 › view_all_accounts"),
    ("UPDATE custom_field SET position = position WHERE 0", None),
    ("UPDATE note SET author_id = -1 WHERE id = (SELECT min(id) FROM note)", "notes › 1 › author_id"),
    # An indexed column: its range is asked of the index, and the record still named.
    ("UPDATE document SET account_id = 0 WHERE id = (SELECT id FROM document ORDER BY id LIMIT 1 OFFSET 5)",
     "documents › 6 › account_id"),
    ("UPDATE tag SET color = 'blue' WHERE id = (SELECT min(id) FROM tag)", "tags › 1 › color"),
    ("UPDATE custom_field SET options = '[\"A\", ' WHERE id = (SELECT max(id) FROM custom_field)",
     "custom_fields › 8 › options"),
    ("UPDATE member SET passphrase_hash = 'plain' WHERE id = (SELECT min(id) FROM member)",
     "members › 1 › passphrase_hash"),
    ("UPDATE account SET photo = x'474946383961' WHERE id = (SELECT min(id) FROM account)", "accounts › 1 › photo"),
    ("UPDATE email_settings SET login = 'invited', invited_at = NULL WHERE (account_id, email_id) ="
     " (SELECT account_id, email_id FROM email_settings ORDER BY account_id, contact_id, email_id LIMIT 1 OFFSET 2)",
     "email_settings › 3"),
])
def test_what_a_schema_cannot_say_the_models_check(target, source, statement, where):
    if where is None:
        assert prepare_import(OWNER, edited(source, statement)).accounts == 40
        return
    refused = refusal(target, edited(source, statement))
    assert refused.code == "record_invalid" and refused.details["where"] == where


def test_a_custom_value_that_does_not_fit_its_field_is_named(target, source, document):
    field = next(f for f in document["custom_fields"] if f["type"] == "number" and f["scope"] == "account")
    index = next(i for i, v in enumerate(document["account_field_values"]) if v["field_id"] == field["id"])
    value = document["account_field_values"][index]
    data = edited(source, f"UPDATE account_field_value SET value = 'twelve' WHERE account_id = {value['account_id']}"
                          f" AND field_id = {field['id']}")
    assert refusal(target, data).details["where"] == f"account_field_values › {index + 1} › value"


def test_a_rule_across_records_is_checked(target, source):
    refused = refusal(target, edited(source, "UPDATE member SET role = 'admin' WHERE role = 'owner'"))
    assert refused.code == "record_invalid" and refused.details == {"where": "–", "reason": "no_owner"}


def test_a_link_to_nothing_is_refused_after_any_bad_record(target, source):
    broken = f"UPDATE note SET account_id = 999999 WHERE id = {nth_id(source, 'note', 3)}"
    refused = refusal(target, edited(source, broken))
    assert refused.code == "record_rejected" and refused.details["where"] == "links to missing records in note"
    bad = f"UPDATE task SET title = '' WHERE id = {nth_id(source, 'task', 0)}"
    assert refusal(target, edited(source, broken, bad)).details["where"] == "tasks › 1 › title"


def test_what_the_models_tidy_comes_in_tidied_as_it_always_has(source):
    contact = nth_id(source, "contact", 4)
    field = nth_id(source, "custom_field", 0)
    data = edited(source, f"UPDATE contact SET last_name = '  De   Luca ' WHERE id = {contact}",
                  f"UPDATE custom_field SET options = '[\"Sì\",\"No\"]' WHERE id = {field}")
    fresh = imported(data)
    assert fresh.scalar("SELECT last_name FROM contact WHERE id = ?", (contact,)) == "De Luca"
    assert fresh.scalar("SELECT options FROM custom_field WHERE id = ?", (field,)) == '["Sì", "No"]'
    assert fresh.integrity_ok()


def test_a_tidied_value_that_clashes_with_another_is_refused(target, source):
    first, second = (nth_id(source, "member", i) for i in (1, 2))
    email = source.scalar("SELECT email FROM member WHERE id = ?", (first,))
    data = edited(source, f"UPDATE member SET email = ' {email.upper()} ' WHERE id = {second}")
    refused = refusal(target, data)
    assert refused.code == "record_rejected" and "member.email" in refused.details["where"]


def test_the_search_index_and_sort_names_are_made_again_not_taken_from_the_file(source):
    account = nth_id(source, "account", 9)
    name = source.scalar("SELECT name FROM account WHERE id = ?", (account,))
    data = edited(source, f"UPDATE account SET name_sort = 'aaaa' WHERE id = {account}",
                  f"UPDATE account_search SET name = 'zzzcrafted', people = 'zzzcrafted' WHERE rowid = {account}",
                  "DELETE FROM account_search WHERE rowid = (SELECT max(id) FROM account)",
                  "ANALYZE")
    fresh = imported(data)
    everyone = Visibility(all_accounts=True)
    assert search.search(fresh, "zzzcrafted", everyone) == []
    assert account in [hit.account_id for hit in search.search(fresh, name, everyone)]
    assert fresh.scalar("SELECT count(*) FROM account_search") == 40
    assert fresh.all("SELECT id FROM account WHERE name_sort = 'aaaa'") == []
    assert fresh.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") == 0
    contact = fresh.one("SELECT id, last_name FROM contact ORDER BY id LIMIT 1")
    assert contact[0] in search.contact_ids(fresh, contact[1], everyone)


@pytest.mark.parametrize("change, code", [
    # Our column names, a CHECK less: not our schema.
    ("UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (type IN (''individual'', ''company'', ''other''))', '')"
     " WHERE name = 'account'", "other_schema"),
    ("UPDATE sqlite_schema SET sql = replace(sql, 'color TEXT NOT NULL', 'color TEXT') WHERE name = 'tag'",
     "other_schema"),
    ("CREATE TRIGGER wipe AFTER INSERT ON note BEGIN DELETE FROM account; END", "other_schema"),
    # A name SQLite keeps for itself is no free pass: only its own statistics are left aside.
    ("INSERT INTO sqlite_schema VALUES ('trigger', 'sqlite_wipe', 'note', 0,"
     " 'CREATE TRIGGER sqlite_wipe AFTER INSERT ON note BEGIN DELETE FROM account; END')", "other_schema"),
    ("CREATE INDEX note_by_body ON note (body)", "other_schema"),
    ("DROP TABLE account_search", "other_schema"),
    ("PRAGMA user_version = 0", "other_schema"),
])
def test_a_file_whose_schema_is_not_exactly_ours_is_refused(target, source, change, code):
    schema = "sqlite_schema" in change
    assert refusal(target, edited(source, change, schema=schema)).code == code


def test_a_row_that_breaks_a_check_or_a_strict_type_is_damage(target, source):
    data = edited(source, "UPDATE invoice SET amount_cents = -5 WHERE id = (SELECT min(id) FROM invoice)",
                  unchecked=True)
    assert refusal(target, data).code == "damaged"
    assert dataset_check.integrity_problem(Database.from_bytes(data), "invoice") == "CHECK constraint failed in invoice"
    # A text where a STRICT table has an integer: written while the table's definition said otherwise.
    strict = source.scalar("SELECT sql FROM sqlite_schema WHERE name = 'credit'")
    copy = Database.from_bytes(source.serialize())
    copy.execute("PRAGMA writable_schema = ON")
    copy.execute("UPDATE sqlite_schema SET sql = ? WHERE name = 'credit'", (strict.replace(") STRICT", ")"),))
    loose = Database.from_bytes(copy.serialize())
    loose.execute("UPDATE credit SET amount_cents = 'lots' WHERE id = (SELECT min(id) FROM credit)")
    loose.execute("PRAGMA writable_schema = ON")
    loose.execute("UPDATE sqlite_schema SET sql = ? WHERE name = 'credit'", (strict,))
    assert refusal(target, loose.serialize()).code == "damaged"


def test_text_that_is_not_utf8_is_damage(target, source):
    data = edited(source, "UPDATE note SET body = CAST(x'c328' AS TEXT) WHERE id = (SELECT min(id) FROM note)")
    assert refusal(target, data).code == "damaged"


def test_a_file_of_another_page_size_is_refused(tmp_path, target, source):
    path = tmp_path / "other.sqlite"
    path.write_bytes(source.serialize())
    other = sqlite3.connect(path)
    other.executescript("PRAGMA page_size = 8192; VACUUM;")
    other.close()
    assert refusal(target, path.read_bytes()).code == "other_schema"


def test_a_file_of_the_first_version_comes_in_migrated(source, document):
    fresh = imported(as_version_1(source).serialize())
    after = json.loads(export_json(fresh, OWNER))
    assert after["firm_events"] == [] and after["firm"]["demo"] is True
    assert after["accounts"] == document["accounts"] and after["notes"] == document["notes"]
    assert all(m["export_clients"] and m["active"] for m in after["members"])


def steps_of(data: bytes) -> list:
    return list(prepare_import_steps(OWNER, data))


def test_progress_moves_forward_to_the_end_in_words_of_both_languages(source):
    seen = steps_of(source.serialize())
    percents = [p.percent for p in seen]
    assert len(seen) > 40 and percents == sorted(percents) and percents[-1] == 100
    for lang in ("en", "it"):
        assert {p.what for p in seen} <= set(CATALOGS[lang].MESSAGES)


def test_cancelling_at_any_step_leaves_nothing_behind(monkeypatch, source, target):
    before = export_json(target, OWNER)
    copies = []

    def recorded(data):
        copies.append(opened(data))
        return copies[-1]
    opened = dataset_check.open_copy
    monkeypatch.setattr(dataset_check, "open_copy", recorded)
    data = source.serialize()
    total = len(steps_of(data))
    for stop in (1, 2, total // 4, total // 2, total - 3, total - 1):
        steps = prepare_import_steps(OWNER, data)
        for _ in range(stop):
            next(steps)
        steps.close()
        with pytest.raises(sqlite3.ProgrammingError):   # the private copy is gone
            copies[-1].execute("SELECT 1")
    with target.transaction():   # no transaction was left open
        pass
    assert export_json(target, OWNER) == before


@pytest.fixture
def small_slices(monkeypatch):
    """Slices of 10 records, so that a list's later slices read its repeating columns as
    their distinct values (as a firm's size does)."""
    from app.services import sqlite_records
    monkeypatch.setattr(sqlite_records, "Pace", lambda: Pace(first=10, most=10))
    monkeypatch.setattr(sqlite_records, "_SAMPLE", 5)


def test_a_repeated_value_in_a_later_slice_is_checked_and_named_at_its_record(target, source, small_slices):
    late = source.scalar("SELECT count(*) FROM task") - 3
    data = edited(source, "UPDATE task SET title = 'Call back'",
                  f"UPDATE task SET title = '' WHERE id = {nth_id(source, 'task', late)}")
    refused = refusal(target, data)
    assert refused.details == {"where": f"tasks › {late + 1} › title", "reason": refused.details["reason"]}
    assert refused.code == "record_invalid"


def test_a_repeated_value_tidied_in_a_later_slice_comes_in_tidied_only_there(source, small_slices):
    contacts = source.scalar("SELECT count(*) FROM contact")
    late = nth_id(source, "contact", contacts - 2)
    data = edited(source, "UPDATE contact SET first_name = 'Anna'",
                  f"UPDATE contact SET first_name = '  Anna  Maria ' WHERE id = {late}")
    fresh = imported(data)
    assert [r[0] for r in fresh.all("SELECT id FROM contact WHERE first_name = 'Anna Maria'")] == [late]
    assert fresh.scalar("SELECT count(*) FROM contact WHERE first_name = 'Anna'") == contacts - 1
    assert fresh.integrity_ok()


def test_the_search_index_is_made_once_confirmed_then_the_file_written(source, tmp_path):
    prepared = prepare_import(OWNER, source.serialize())
    assert prepared.scratch.scalar("SELECT count(*) FROM account_search") == 0   # a declined import pays nothing
    fresh = open_store(str(tmp_path / "fascicolo.sqlite"))
    seen = []
    run_all(apply_import_steps(fresh, OWNER, prepared), seen.append)
    whats = [p.what for p in seen]
    assert whats == sorted(whats, key=["import.indexing", "work.replacing"].index) and len(set(whats)) == 2
    assert [p.percent for p in seen] == sorted(p.percent for p in seen) and seen[-1].percent == 100
    assert fresh.scalar("SELECT count(*) FROM account_search") == 40


# The page copies a chosen SQLite file into a file of its memory and imports from there -----
def on_disk(tmp_path, data: bytes, name: str = "chosen.sqlite"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def imported_from(path):
    fresh = open_store()
    apply_import(fresh, OWNER, prepare_import(OWNER, path))
    return fresh


def test_a_copy_on_disk_imports_as_its_bytes_do_and_is_removed(tmp_path, source, document):
    path = on_disk(tmp_path, source.serialize())
    assert json.loads(export_json(imported_from(path), OWNER)) == document
    assert not path.exists()   # ~ the file's size in the page's memory: gone once copied


def test_a_copy_on_disk_that_says_wal_is_read_as_a_file_on_its_own(tmp_path, source, document):
    path = on_disk(tmp_path, source.serialize())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()   # checkpointed: the main file holds everything, and says WAL
    assert path.read_bytes()[18:20] == b"\x02\x02"
    (tmp_path / "chosen.sqlite-wal").unlink(missing_ok=True)
    assert json.loads(export_json(imported_from(path), OWNER)) == document


def test_copies_on_disk_of_another_page_size_or_of_garbage_are_refused_and_removed(tmp_path, target, source):
    other = on_disk(tmp_path, source.serialize(), "other.sqlite")
    conn = sqlite3.connect(other)
    conn.executescript("PRAGMA page_size = 8192; VACUUM;")
    conn.close()
    garbage = on_disk(tmp_path, b"SQLite format 3\x00" + bytes(range(256)) * 64, "garbage.sqlite")
    assert refusal(target, other).code == "other_schema"
    assert refusal(target, garbage).code == "damaged"
    assert not other.exists() and not garbage.exists()


def test_a_copy_on_disk_refused_before_it_is_read_is_removed_too(tmp_path, monkeypatch, target, source):
    monkeypatch.setattr("app.services.dataset.MAX_SQLITE_BYTES", 1000)
    path = on_disk(tmp_path, source.serialize())
    assert refusal(target, path).code == "too_large"
    assert not path.exists()
