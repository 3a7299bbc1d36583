"""Dataset format versions: a version-1 file still imports (as version 2 reads it), version 2 keeps
the firm of its own (passphrase hashes, inactive members, letterhead, history), later ones are refused."""

import json

import pytest

from app.domain.firm import Right
from app.services.dataset import export_json, prepare_import
from app.store import firm as firm_store
from app.store import open_store
from app.store.db import Database
from tests.conftest import _demo_db
from tests.services.test_dataset import OWNER, a_hash, dump, import_file, refusal, with_firm_of_its_own

NEW_FIRM_KEYS = ("street", "city", "postal_code", "province", "country", "vat_number", "language",
                 "idle_minutes", "demo")
NEW_MEMBER_KEYS = ("export_clients", "active", "passphrase_hash", "must_change_passphrase")


@pytest.fixture(scope="module")
def source() -> Database:
    return with_firm_of_its_own(_demo_db(20))


@pytest.fixture(scope="module")
def document(source) -> bytes:
    return export_json(source, OWNER)


@pytest.fixture
def version_1(document) -> dict:
    """The same firm as the first version of the format wrote it."""
    doc = json.loads(document)
    del doc["firm_events"]
    for key in NEW_FIRM_KEYS:
        del doc["firm"][key]
    for member in doc["members"]:
        for key in NEW_MEMBER_KEYS:
            del member[key]
    return {**doc, "version": 1}


@pytest.fixture
def target() -> Database:
    return _demo_db(5)


def by_name(doc: dict, first_name: str) -> dict:
    return next(m for m in doc["members"] if m["first_name"] == first_name)


def test_a_version_1_document_imports_as_version_2_reads_it(version_1, document):
    fresh = open_store()
    import_file(fresh, dump(version_1))
    after = json.loads(export_json(fresh, OWNER))
    assert after["version"] == 2 and after["firm_events"] == []
    # Not the demo, no letterhead yet: the firm's settings take their defaults.
    assert after["firm"] == {"id": 1, "name": version_1["firm"]["name"], "currency": "EUR", "street": "",
                             "city": "", "postal_code": "", "province": "", "country": "", "vat_number": "",
                             "language": "", "idle_minutes": 15, "demo": False}
    assert not firm_store.get_firm(fresh).demo
    # Every member was active and could export clients; nobody had a passphrase.
    for member in after["members"]:
        assert (member["active"], member["export_clients"], member["passphrase_hash"],
                member["must_change_passphrase"]) == (True, True, None, False)
    assert all(m.active and not m.has_passphrase and Right.EXPORT_CLIENTS in m.rights
               for m in firm_store.list_members(fresh, include_inactive=True))
    # Everything else comes across as it was.
    untouched = [name for name in version_1 if name not in ("version", "firm", "members")]
    assert {n: after[n] for n in untouched} == {n: version_1[n] for n in untouched}


def test_a_version_1_import_exports_again_as_a_stable_version_2_document(version_1):
    fresh = open_store()
    import_file(fresh, dump(version_1))
    exported = export_json(fresh, OWNER)
    again = open_store()
    import_file(again, exported)
    assert export_json(again, OWNER) == exported


@pytest.mark.parametrize("path, key, value, where", [
    (("members", 2), "passphrase_hash", None, "members › 3 › passphrase_hash"),
    (("members", 0), "active", True, "members › 1 › active"),
    (("firm",), "demo", False, "firm › demo"),
    (("firm",), "vat_number", "IT123", "firm › vat_number"),
    ((), "firm_events", [], "firm_events"),
])
def test_a_version_1_document_with_a_key_of_version_2_is_refused_naming_it(target, version_1, path, key,
                                                                             value, where):
    record = version_1
    for step in path:
        record = record[step]
    record[key] = value
    refused = refusal(target, dump(version_1))
    assert refused.code == "record_invalid" and refused.details["where"] == where


def test_a_version_1_document_is_checked_like_any_other(target, version_1):
    version_1["members"][1]["colour"] = "blue"
    refused = refusal(target, dump(version_1))
    assert refused.code == "record_invalid" and refused.details["where"] == "members › 2 › colour"
    del version_1["members"]
    refused = refusal(target, dump(version_1))
    assert refused.code == "record_invalid" and refused.details["where"] == "members"


def test_a_version_2_round_trip_keeps_the_firm_of_its_own(document):
    doc = json.loads(document)
    giulia, laura, tom = by_name(doc, "Giulia"), by_name(doc, "Laura"), by_name(doc, "Tom")
    assert giulia["passphrase_hash"].startswith("pbkdf2_sha256$1000$") and not giulia["must_change_passphrase"]
    assert laura["must_change_passphrase"] and laura["passphrase_hash"] != giulia["passphrase_hash"]
    assert not tom["active"]
    assert doc["firm"]["vat_number"] == "IT04871230960" and doc["firm"]["city"] == "Milano"
    assert [e["action"] for e in doc["firm_events"]] == ["firm_created", "member_changed", "member_deactivated"]
    assert doc["firm_events"][0]["actor_id"] is None
    assert doc["firm_events"][1]["detail"] == {"role": "employee", "città": "Forlì «centro»"}

    fresh = open_store()
    import_file(fresh, document)
    assert export_json(fresh, OWNER) == document
    assert firm_store.passphrase_hash(fresh, giulia["id"]) == giulia["passphrase_hash"]
    assert not firm_store.get_member(fresh, tom["id"]).active
    assert firm_store.get_member(fresh, laura["id"]).must_change_passphrase
    assert firm_store.count_firm_events(fresh) == 3


def test_a_version_2_sqlite_file_carries_everything_as_is(source, document):
    fresh = open_store()
    import_file(fresh, source.serialize())
    assert export_json(fresh, OWNER) == document
    assert firm_store.get_firm(fresh).demo   # the demo stays the demo


def test_a_changed_letterhead_and_settings_come_back(target, document):
    doc = json.loads(document)
    doc["firm"].update(street="Corso Garibaldi 7", province="FC", language="it", idle_minutes=480, demo=False)
    fresh = open_store()
    import_file(fresh, dump(doc))
    assert json.loads(export_json(fresh, OWNER))["firm"] == doc["firm"]
    for key, value in (("idle_minutes", 0), ("idle_minutes", 481), ("language", "de"), ("demo", 1)):
        changed = json.loads(document)
        changed["firm"][key] = value
        refused = refusal(target, dump(changed))
        assert refused.code == "record_invalid" and refused.details["where"] == f"firm › {key}"


@pytest.mark.parametrize("value", [
    "my secret passphrase",
    "pbkdf2_sha256$$c2FsdA==$a2V5",
    "md5$1000$c2FsdA==$a2V5",
    "pbkdf2_sha256$1000$c2FsdA=$a2V5",
    "pbkdf2_sha256$99999999$c2FsdA==$a2V5",
    "pbkdf2_sha256$1000$c2FsdA==$a2V5$extra",
])
def test_a_malformed_passphrase_hash_is_refused_naming_the_record(target, document, value):
    doc = json.loads(document)
    doc["members"][3]["passphrase_hash"] = value
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and refused.details["where"] == "members › 4 › passphrase_hash"
    assert value not in str(refused) and value not in json.dumps(refused.details)


def test_a_well_formed_hash_is_taken_as_it_is(document):
    doc = json.loads(document)
    doc["members"][3]["passphrase_hash"] = a_hash("another passphrase")
    fresh = open_store()
    import_file(fresh, dump(doc))
    assert firm_store.passphrase_hash(fresh, doc["members"][3]["id"]) == doc["members"][3]["passphrase_hash"]


def test_a_malformed_hash_in_an_sqlite_file_is_refused_naming_the_record(target, source):
    copy = Database.from_bytes(source.serialize())
    copy.execute("UPDATE member SET passphrase_hash = 'plain text' WHERE id = (SELECT min(id) FROM member)")
    refused = refusal(target, copy.serialize())
    assert refused.code == "record_invalid" and refused.details["where"] == "members › 1 › passphrase_hash"


@pytest.mark.parametrize("version", [3, 0, 99])
def test_another_version_is_refused(target, document, version):
    doc = json.loads(document)
    doc["version"] = version
    refused = refusal(target, dump(doc))
    assert refused.code == "version" and refused.details == {"found": str(version), "supported": "1, 2"}


def test_a_prepared_version_1_import_counts_its_records(version_1):
    prepared = prepare_import(OWNER, dump(version_1))
    assert (prepared.accounts, prepared.members) == (20, len(version_1["members"]))
