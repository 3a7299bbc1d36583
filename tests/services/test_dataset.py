"""Export JSON / Import dataset / Undo (F-MORE-3): exact round trips, rights, and every refusal."""

import asyncio
import base64
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain.access import Visibility
from app.domain.dataset import FORMAT, RECORD_LISTS, row_fields
from app.domain.errors import AccessDenied, FileRefused, StaleCopy
from app.domain.firm import Member, Role
from app.domain.passphrase import Kdf, hash_passphrase, hashlib_derive
from app.i18n import CATALOGS
from app.services.dataset import (
    MAX_DATASET_BYTES,
    PreparedImport,
    apply_import,
    can_undo_import,
    check_size,
    export_json,
    prepare_import,
    undo_import,
)
from app.store import firm as firm_store
from app.store import open_store
from app.store.db import Database
from app.store.search import search
from tests.conftest import _demo_db, member_named

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
HOSTILE = "<script>alert(1)</script>"
# Who exports and imports: only the role matters, and the target may have no members yet.
OWNER = Member(id=1, first_name="Giulia", last_name="Bianchi", email="giulia.bianchi@studiobf.it", role=Role.OWNER)


# Few iterations: the format only needs a hash of the right shape, not a slow one.
FAST = Kdf(hashlib_derive, iterations=1000)


def a_hash(passphrase: str) -> str:
    return asyncio.run(hash_passphrase(passphrase, FAST))


def with_firm_of_its_own(db: Database) -> Database:
    """What the demo lacks: passphrases (one to change), an inactive member, a history of changes."""
    laura, tom = member_named(db, "Laura"), member_named(db, "Tom")
    firm_store.set_passphrase(db, member_named(db, "Giulia").id, a_hash("giulia's passphrase"), must_change=False)
    firm_store.set_passphrase(db, laura.id, a_hash("temporary passphrase"), must_change=True)
    firm_store.update_member(db, tom.model_copy(update={"active": False}))
    db.execute("DELETE FROM account_team WHERE member_id = ?", (tom.id,))   # as deactivating does
    firm_store.record_event(db, "2024-03-01T09:30:00", None, "firm_created", "Studio Bianchi & Ferri")
    firm_store.record_event(db, "2024-03-02T10:00:00", laura.id, "member_changed", "Tom Rossi",
                            {"role": "employee", "città": "Forlì «centro»"})
    firm_store.record_event(db, "2024-03-03T11:15:00", laura.id, "member_deactivated", HOSTILE)
    return db


@pytest.fixture(scope="module")
def source() -> Database:
    return with_firm_of_its_own(_demo_db(100))


@pytest.fixture(scope="module")
def document(source) -> bytes:
    return export_json(source, OWNER)


@pytest.fixture
def target() -> Database:
    return _demo_db(12)


def dump(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def import_file(db: Database, data: bytes) -> bytes:
    """What the Import button does: check the whole file, then replace the data."""
    return apply_import(db, OWNER, prepare_import(OWNER, data))


def refusal(db: Database, data: bytes) -> FileRefused:
    before = export_json(db, OWNER)
    with pytest.raises(FileRefused) as caught:
        import_file(db, data)
    assert export_json(db, OWNER) == before, "a refused file changed the data"
    return caught.value


def test_json_round_trip_into_an_empty_store_is_byte_identical(document):
    fresh = open_store()
    import_file(fresh, document)
    assert export_json(fresh, OWNER) == document


def test_sqlite_file_round_trip_gives_the_same_document(source, document):
    fresh = open_store()
    doc = json.loads(document)
    prepared = prepare_import(OWNER, source.serialize())
    assert (prepared.accounts, prepared.contacts, prepared.members) == (100, len(doc["contacts"]), 6)
    apply_import(fresh, OWNER, prepared)
    assert export_json(fresh, OWNER) == document


def test_photos_accents_and_markup_come_back_exactly(document):
    doc = json.loads(document)
    doc["accounts"][0]["photo"] = base64.b64encode(PNG).decode("ascii")
    doc["contacts"][1]["last_name"] = HOSTILE   # account names may not hold < or > (see below)
    doc["contacts"][0]["first_name"] = "Nicolò 👩‍💼"
    doc["notes"][0]["body"] = f"{HOSTILE}\n<img src=x onerror=alert(2)> & \"quotes\""
    fresh = open_store()
    import_file(fresh, dump(doc))
    assert json.loads(export_json(fresh, OWNER)) == doc
    assert fresh.scalar("SELECT photo FROM account WHERE id = ?", (doc["accounts"][0]["id"],)) == PNG
    assert fresh.scalar("SELECT last_name FROM contact WHERE id = ?", (doc["contacts"][1]["id"],)) == HOSTILE
    assert fresh.scalar("SELECT body FROM note WHERE id = ?", (doc["notes"][0]["id"],)).startswith(HOSTILE)


def test_import_replaces_everything_and_undo_puts_it_back(target, document):
    before = export_json(target, OWNER)
    saves = []
    target.on_commit(lambda: saves.append("saved"))
    prepared = prepare_import(OWNER, document)
    assert isinstance(prepared, PreparedImport) and saves == []
    apply_import(target, OWNER, prepared)
    assert saves == ["saved"] and can_undo_import(target)
    assert target.scalar("SELECT count(*) FROM account") == 100
    wanted = json.loads(document)["accounts"][50]
    assert wanted["id"] in [hit.account_id for hit in search(target, wanted["name"], Visibility(True))]
    assert export_json(target, OWNER) == document
    undo_import(target, OWNER)
    assert saves == ["saved", "saved"] and not can_undo_import(target)
    assert export_json(target, OWNER) == before
    assert target.scalar("SELECT count(*) FROM account_search") == 12


def test_an_import_refused_by_the_write_guard_changes_nothing(target, document):
    before = export_json(target, OWNER)
    prepared = prepare_import(OWNER, document)

    def stale():
        raise StaleCopy("another tab saved")
    target.write_guard = stale
    with pytest.raises(StaleCopy):
        apply_import(target, OWNER, prepared)
    target.write_guard = lambda: None
    assert export_json(target, OWNER) == before


def test_an_admin_may_export_and_import(target, document):
    marco = member_named(target, "Marco")
    apply_import(target, marco, prepare_import(marco, document))
    assert export_json(target, marco) == document


@pytest.mark.parametrize("name", ["Laura", "Paolo", "Sara", "Tom"])
def test_employees_may_not_export_import_or_undo(target, document, name):
    employee = member_named(target, name)
    before = export_json(target, OWNER)
    prepared = prepare_import(OWNER, document)
    for attempt in (lambda: export_json(target, employee), lambda: prepare_import(employee, document),
                    lambda: apply_import(target, employee, prepared),
                    lambda: undo_import(target, employee)):
        with pytest.raises(AccessDenied):
            attempt()
    assert export_json(target, OWNER) == before


@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"  \r\n\t  ", "empty"),
    (PNG, "not_dataset"),
    (b"{not json at all", "not_dataset"),
    ('{"format": "fascicolo-dataset", "firm": "Città"}'.encode("latin-1"), "not_utf8"),
    (b'{"hello": 1}', "not_ours"),
    (b"[1, 2]", "not_ours"),
    (b'"fascicolo-dataset"', "not_ours"),
    (b'{"format": "other-crm", "version": 1}', "not_ours"),
])
def test_a_file_that_is_not_a_dataset_is_refused(target, data, code):
    assert refusal(target, data).code == code


def test_a_newer_version_is_refused_naming_it(target, document):
    doc = json.loads(document)
    doc["version"] = 3
    refused = refusal(target, dump(doc))
    assert refused.code == "version"
    assert refused.details["found"] == "3" and refused.details["supported"] == "1, 2"


@pytest.mark.parametrize("list_name, index, key, value", [
    ("invoices", 40, "amount_cents", -5),
    ("contacts", 100, "birth_date", "31/02/2020"),
    ("contacts", 100, "birth_date", "2020-02-31"),
    ("notes", 7, "colour", "blue"),
    ("notes", 7, "²", "x"),
    ("accounts", 3, "type", "person"),
    ("accounts", 1, "name", HOSTILE),          # the app's own rule for account names
    ("accounts", 1, "name", "x" * 300),
    ("contact_emails", 2, "address", "not-an-email"),
    ("contact_phones", 2, "number", "call me"),
    ("members", 0, "first_name", ""),
    ("tasks", 9, "created_at", "yesterday"),
    ("accounts", 5, "photo", base64.b64encode(b"GIF89a").decode()),
    ("invoices", 3, "amount_cents", "12000"),   # JSON's own types only: a number in quotes is text
    ("members", 1, "view_all_accounts", 1),
    ("accounts", 2, "id", True),
    ("members", 2, "passphrase_hash", "correct horse battery staple"),   # a passphrase, never stored as one
    ("members", 2, "passphrase_hash", "pbkdf2_sha256$0$c2FsdA==$a2V5"),
    ("members", 2, "passphrase_hash", "pbkdf2_sha256$600_000$c2FsdA==$a2V5"),
    ("members", 2, "passphrase_hash", "pbkdf2_sha256$1000$not base64$a2V5"),
    ("members", 2, "must_change_passphrase", "yes"),
    ("firm_events", 1, "at", "last week"),
    ("firm_events", 1, "detail", ["role", "employee"]),
    ("firm_events", 0, "action", ""),
    pytest.param("email_settings", 5, "notify_types", "[" * 50_000 + "]" * 50_000, id="deeply-nested-json-text"),
])
def test_one_broken_record_deep_inside_is_named(target, document, list_name, index, key, value):
    doc = json.loads(document)
    doc[list_name][index][key] = value
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid"
    # Records are counted from 1, as people do: invoices[40] is "invoices › 41 › amount_cents".
    assert refused.details["where"] == f"{list_name} › {index + 1} › {key}"


@pytest.mark.parametrize("version", [True, 1.0, "1", 2.0, "2"])
def test_a_version_that_only_looks_like_1_or_2_is_refused(target, document, version):
    doc = json.loads(document)
    doc["version"] = version
    assert refusal(target, dump(doc)).code == "version"


def test_a_contact_whose_emails_have_no_primary_is_refused(target, document):
    doc = json.loads(document)
    for email in doc["contact_emails"]:
        if email["contact_id"] == doc["contact_emails"][0]["contact_id"]:
            email["is_primary"] = False
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and refused.details["reason"] == "primary"


def test_an_invitation_without_its_time_is_refused(target, document):
    doc = json.loads(document)
    doc["email_settings"][3].update(login="invited", invited_at=None)
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and refused.details["where"] == "email_settings › 4"


def test_a_contact_field_value_on_an_account_is_refused(target, document):
    doc = json.loads(document)
    contact_field = next(f for f in doc["custom_fields"] if f["scope"] == "contact" and f["type"] == "text")
    doc["account_field_values"][0]["field_id"] = contact_field["id"]
    doc["account_field_values"][0]["value"] = "x"
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and refused.details["where"] == "account_field_values › 1 › value"


def test_a_dataset_without_an_owner_is_refused(target, document):
    doc = json.loads(document)
    for member in doc["members"]:
        member["role"] = "admin" if member["role"] == "owner" else member["role"]
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and "no_owner" in str(refused)


def test_a_dataset_whose_owner_is_inactive_is_refused(target, document):
    doc = json.loads(document)
    for member in doc["members"]:
        member["active"] = member["active"] and member["role"] != "owner"
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and "no_owner" in str(refused)


def test_a_dataset_with_two_owners_is_refused(target, document):
    doc = json.loads(document)
    next(m for m in doc["members"] if m["role"] == "admin")["role"] = "owner"
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and "no_owner" in str(refused)


def test_a_deactivated_member_still_on_a_team_is_refused(target, document):
    doc = json.loads(document)
    inactive = next(m for m in doc["members"] if not m["active"])
    doc["account_team"].append({"account_id": doc["accounts"][0]["id"], "member_id": inactive["id"]})
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and "inactive_on_team" in str(refused)


@pytest.mark.parametrize("field_type, bad", [
    ("number", "twelve"), ("dropdown", "Not an option"), ("checkbox", "yes"), ("date", "2020-13-01"),
    ("email", "not an email"), ("text", "  padded  "),
])
def test_a_custom_value_that_does_not_fit_its_field_is_refused(target, document, field_type, bad):
    doc = json.loads(document)
    field_ids = {f["id"] for f in doc["custom_fields"] if f["type"] == field_type}
    index = next(i for i, v in enumerate(doc["account_field_values"]) if v["field_id"] in field_ids)
    doc["account_field_values"][index]["value"] = bad
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid"
    assert refused.details["where"] == f"account_field_values › {index + 1} › value"


@pytest.mark.parametrize("list_name, key, value", [
    ("notes", "account_id", 999_999), ("tasks", "assignee_id", 4242), ("chat_messages", "thread_id", 31337),
    ("firm_events", "actor_id", 777),
])
def test_a_link_to_a_missing_record_is_refused(target, document, list_name, key, value):
    doc = json.loads(document)
    doc[list_name][-1][key] = value
    assert refusal(target, dump(doc)).code == "record_rejected"


@pytest.mark.parametrize("list_name, key", [("accounts", "id"), ("members", "email"), ("tags", "name"),
                                            ("firm_events", "id")])
def test_a_duplicate_is_refused(target, document, list_name, key):
    doc = json.loads(document)
    doc[list_name][2][key] = doc[list_name][1][key]
    assert refusal(target, dump(doc)).code == "record_rejected"


def test_sqlite_files_not_of_ours_or_damaged_are_refused(target, source):
    foreign = Database()
    foreign.executescript("CREATE TABLE customers (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;")
    assert refusal(target, foreign.serialize()).code == "other_schema"
    newer = Database.from_bytes(source.serialize())
    newer.execute("PRAGMA user_version = 99")
    assert refusal(target, newer.serialize()).code == "other_schema"
    data = source.serialize()
    assert refusal(target, data[: len(data) // 2]).code == "damaged"
    assert refusal(target, data[:16] + b"\x5a" * 4000).code == "damaged"
    garbled = bytearray(data)
    garbled[8192:16384] = b"\xa5" * 8192
    assert refusal(target, bytes(garbled)).code == "damaged"


def test_an_sqlite_file_with_a_garbled_table_definition_is_damaged(target, source):
    data = bytearray(source.serialize())
    data[data.find(b"CREATE TABLE note") + 12] = 0xFF
    assert refusal(target, bytes(data)).code == "damaged"


def test_a_bad_row_in_an_sqlite_file_is_named(target, source):
    copy = Database.from_bytes(source.serialize())
    copy.execute("UPDATE invoice SET issued_on = '31/02/2020' WHERE id = (SELECT min(id) FROM invoice)")
    refused = refusal(target, copy.serialize())
    assert refused.code == "record_invalid" and refused.details["where"] == "invoices › 1 › issued_on"


def test_a_file_over_the_limit_is_refused_before_reading():
    check_size(MAX_DATASET_BYTES)
    with pytest.raises(FileRefused) as caught:
        check_size(MAX_DATASET_BYTES + 1)
    assert caught.value.code == "too_large" and caught.value.details["limit"] == "600"


# Property tests: whatever the file, the answer is a checked import or a FileRefused.

@pytest.fixture(scope="module")
def small() -> Database:
    return with_firm_of_its_own(_demo_db(8))


def imported_or_refused(small: Database, data: bytes) -> None:
    """What the Import button does with any file, on a copy of `small`: refused with a reason
    the page can say and the data exactly as it was; or imported whole, and then Export gives a
    document that imports again."""
    target = Database.from_bytes(small.serialize())
    before = export_json(target, OWNER)
    try:
        import_file(target, data)
    except FileRefused as refused:
        assert f"file.{refused.code}" in CATALOGS["en"].MESSAGES, refused.code
        assert export_json(target, OWNER) == before, "a refused file changed the data"
        return
    assert isinstance(prepare_import(OWNER, export_json(target, OWNER)), PreparedImport)


leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(leaves, lambda kids: st.lists(kids, max_size=4)
                           | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=20)
ours = st.fixed_dictionaries(
    {"format": st.just(FORMAT), "version": st.sampled_from([1, 2, 3, "1", None, True, 1.0])},
    optional={name: st.lists(st.dictionaries(st.sampled_from(row_fields(name)), json_values), max_size=3)
              if name != "firm" else json_values for name in RECORD_LISTS})


@settings(max_examples=100, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(b"SQLite format 3\x00".__add__),
                      st.text(max_size=100).map(str.encode)))
def test_any_bytes_are_imported_or_refused(small, data):
    imported_or_refused(small, data)


@settings(max_examples=100, deadline=None)
@given(value=st.one_of(json_values, ours), ascii_only=st.booleans())
def test_any_json_is_imported_or_refused(small, value, ascii_only):
    imported_or_refused(small, json.dumps(value, ensure_ascii=ascii_only).encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(choice=st.data())
def test_a_real_document_with_one_value_changed_is_imported_or_refused(small, choice):
    doc = json.loads(export_json(small, OWNER))
    name = choice.draw(st.sampled_from([n for n in RECORD_LISTS if doc[n]]))
    record = doc[name] if name == "firm" else choice.draw(st.sampled_from(doc[name]))
    key = choice.draw(st.sampled_from(row_fields(name)) | st.text(max_size=6))
    record[key] = choice.draw(json_values)
    imported_or_refused(small, dump(doc))


@settings(max_examples=60, deadline=None)
@given(flips=st.lists(st.tuples(st.integers(min_value=16), st.integers(1, 255)), min_size=1, max_size=8))
@example(flips=[(59, 9)])   # a text encoding SQLite reads as UTF-8: the database made of it could not be opened
def test_an_sqlite_file_with_flipped_bytes_is_imported_or_refused(small, flips):
    data = bytearray(small.serialize())
    for position, mask in flips:
        data[position % len(data)] ^= mask
    imported_or_refused(small, bytes(data))


def test_an_sqlite_file_bigger_than_the_browser_can_store_whole_is_refused_before_any_check(
        source, document, monkeypatch):
    from app.services import dataset as service
    data = source.serialize()
    monkeypatch.setattr(service, "MAX_SQLITE_BYTES", len(data) - 1)
    with pytest.raises(FileRefused) as caught:
        service.prepare_import(OWNER, data)
    assert caught.value.code == "too_large"
    assert service.prepare_import(OWNER, document).accounts > 0   # a JSON document is not held to it
