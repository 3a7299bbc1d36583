"""Import dataset, JSON document: read and checked a batch of records at a time, whatever the
layout or key order; the first problem named as when the whole document was read at once;
Cancel rolls the new database back and drops it."""

import json
import random
import sqlite3

import pytest

from app.domain.access import Visibility
from app.i18n import CATALOGS
from app.services.dataset import export_json, prepare_import, prepare_import_steps
from app.store import dataset as dataset_store
from app.store import search
from app.store.db import Database
from tests.conftest import _demo_db
from tests.services.test_dataset import OWNER, dump, import_file, refusal, with_firm_of_its_own


@pytest.fixture(scope="module")
def source() -> Database:
    return with_firm_of_its_own(_demo_db(30))


@pytest.fixture(scope="module")
def document(source) -> bytes:
    return export_json(source, OWNER)


@pytest.fixture
def doc(document) -> dict:
    return json.loads(document)


@pytest.fixture
def target() -> Database:
    return _demo_db(5)


def comes_back(data: bytes, document: bytes) -> None:
    """The document imports, and the imported data exports as the document; both searches work."""
    fresh = dataset_store.new_scratch()
    import_file(fresh, data)
    assert export_json(fresh, OWNER) == document
    everyone = Visibility(all_accounts=True)
    account, contact = fresh.one("SELECT name FROM account ORDER BY id"), fresh.one("SELECT id, last_name FROM contact")
    assert search.search(fresh, account[0], everyone) and contact[0] in search.contact_ids(fresh, contact[1], everyone)


def shuffled(doc: dict, seed: int) -> dict:
    rng = random.Random(seed)
    def mixed(record):
        items = list(record.items())
        rng.shuffle(items)
        return dict(items)
    keys = list(doc)
    rng.shuffle(keys)
    return {k: [mixed(r) for r in doc[k]] if isinstance(doc[k], list) else doc[k] for k in keys}


@pytest.mark.parametrize("layout", [
    {}, {"indent": 4}, {"separators": (",", ":")}, {"indent": "\t", "ensure_ascii": True},
])
def test_any_layout_reads_as_the_same_document(document, doc, layout):
    comes_back(json.dumps(doc, ensure_ascii=layout.pop("ensure_ascii", False), **layout).encode(), document)


def test_line_breaks_a_byte_order_mark_and_any_key_order_read_the_same(document, doc):
    comes_back(b"\xef\xbb\xbf" + document.replace(b"\n", b"\r\n") + b"\r\n", document)
    for seed in range(3):
        comes_back(dump(shuffled(doc, seed)), document)
    last = {k: v for k, v in doc.items() if k not in ("format", "version")} | {"version": 2, "format": doc["format"]}
    comes_back(dump(last), document)   # what it is, said last: read whole, then checked


def test_a_key_given_twice_is_refused(target, document):
    assert refusal(target, document[:-2] + b', "notes": []\n}').code == "not_dataset"


@pytest.mark.parametrize("cut", [10, 500, 0.5, -200, -3, -1])
def test_a_cut_document_is_not_a_dataset(target, document, cut):
    end = int(len(document) * cut) if isinstance(cut, float) else cut
    assert refusal(target, document[:end]).code == "not_dataset"


@pytest.mark.parametrize("tail", [b"x", b"{}", b',"a": 1}', b"\x00"])
def test_anything_after_the_document_is_not_a_dataset(target, document, tail):
    assert refusal(target, document + tail).code == "not_dataset"


def test_a_problem_is_named_in_the_order_of_the_lists_whatever_the_documents_order(target, doc):
    doc["notes"][2]["body"] = 12
    doc["accounts"][3]["type"] = "person"
    reordered = {"notes": doc.pop("notes"), **doc}
    assert refusal(target, dump(reordered)).details["where"] == "accounts › 4 › type"


def test_a_bad_record_is_named_before_a_duplicate_met_earlier(target, doc):
    doc["members"][2]["id"] = doc["members"][1]["id"]
    doc["proposals"][-1]["kind"] = "contract"
    refused = refusal(target, dump(doc))
    assert refused.code == "record_invalid" and refused.details["where"] == f"proposals › {len(doc['proposals'])} › kind"
    doc["proposals"][-1]["kind"] = "proposal"
    refused = refusal(target, dump(doc))
    assert refused.code == "record_rejected" and "member.id" in refused.details["where"]


def test_custom_values_read_before_their_fields_are_checked_all_the_same(target, doc):
    field = next(f for f in doc["custom_fields"] if f["type"] == "number")
    index = next(i for i, v in enumerate(doc["account_field_values"]) if v["field_id"] == field["id"])
    doc["account_field_values"][index]["value"] = "twelve"
    reordered = {"account_field_values": doc.pop("account_field_values"), **doc}
    assert refusal(target, dump(reordered)).details["where"] == f"account_field_values › {index + 1} › value"


def test_a_missing_list_or_an_unknown_one_is_named(target, doc):
    del doc["tasks"]
    assert refusal(target, dump(doc)).details == {"where": "tasks", "reason": "required"}
    doc["tasks"], doc["colours"] = [], ["blue"]
    assert refusal(target, dump(doc)).details == {"where": "colours", "reason": "invalid"}


def test_a_list_that_is_not_one_is_named(target, doc):
    doc["notes"] = {"1": doc["notes"][0]}
    assert refusal(target, dump(doc)).details["where"] == "notes"
    doc["notes"], doc["firm"] = [], [doc["firm"]]
    assert refusal(target, dump(doc)).details["where"] == "firm"


def test_a_version_1_document_listing_its_records_before_its_version_comes_in(doc):
    del doc["firm_events"]
    for key in ("street", "city", "postal_code", "province", "country", "vat_number", "language", "idle_minutes",
                "demo"):
        del doc["firm"][key]
    for member in doc["members"]:
        for key in ("export_clients", "active", "passphrase_hash", "must_change_passphrase"):
            del member[key]
    last = {k: v for k, v in doc.items() if k not in ("format", "version")} | {"format": doc["format"], "version": 1}
    assert prepare_import(OWNER, dump(last)).accounts == 30


def test_progress_moves_forward_to_the_end_in_words_of_both_languages(document):
    seen = list(prepare_import_steps(OWNER, document))
    percents = [p.percent for p in seen]
    assert len(seen) > 20 and percents == sorted(percents) and percents[-1] == 100
    for lang in ("en", "it"):
        assert {p.what for p in seen} <= set(CATALOGS[lang].MESSAGES)


def test_cancelling_at_any_step_rolls_back_and_drops_the_new_data(monkeypatch, document, target):
    before = export_json(target, OWNER)
    made = []

    def recorded():
        made.append(new_scratch())
        return made[-1]
    new_scratch = dataset_store.new_scratch
    monkeypatch.setattr(dataset_store, "new_scratch", recorded)
    total = len(list(prepare_import_steps(OWNER, document)))
    for stop in (1, total // 3, total // 2, total - 2):
        made.clear()
        steps = prepare_import_steps(OWNER, document)
        for _ in range(stop):
            next(steps)
        steps.close()
        assert len(made) == (stop > 1)   # the first steps only look at the bytes
        for scratch in made:
            with pytest.raises(sqlite3.ProgrammingError):
                scratch.execute("SELECT 1")
    with target.transaction():
        pass
    assert export_json(target, OWNER) == before
