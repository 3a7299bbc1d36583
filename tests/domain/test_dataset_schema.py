"""docs/dataset.schema.json: generated from the models, and true of the files the app writes."""

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from app.domain.dataset import VERSION
from app.services.dataset import export_json
from scripts.dataset_schema import SCHEMA_PATH, schema_text
from tests.conftest import _demo_db, member_named


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def document() -> dict:
    db = _demo_db(25)
    return json.loads(export_json(db, member_named(db, "Giulia")))


def test_the_committed_schema_is_up_to_date():
    committed = SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "docs/dataset.schema.json is out of date: run `python scripts/dataset_schema.py` and commit it")


def test_the_schema_names_the_format_and_version():
    schema = json.loads(schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"]["const"] == "fascicolo-dataset"
    assert schema["properties"]["version"]["const"] == VERSION == 2
    assert schema["$id"].endswith("/dataset-2.schema.json")
    assert schema["additionalProperties"] is False


def test_an_exported_demo_document_is_valid(validator, document):
    assert document["accounts"] and document["notes"] and document["invoices"]
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def test_a_photo_is_written_as_base64_text_the_schema_accepts(validator, document):
    changed = copy.deepcopy(document)
    changed["accounts"][0]["photo"] = "iVBORw0KGgoAAAAN"
    assert list(validator.iter_errors(changed)) == []


@pytest.mark.parametrize("where, key, value", [
    ("accounts", "type", "person"),
    ("tasks", "status", "finished"),
    ("members", "role", "superuser"),
    ("proposals", "kind", "contract"),
    ("members", "passphrase_hash", "a passphrase in clear"),
])
def test_a_value_outside_its_choices_is_invalid(validator, document, where, key, value):
    changed = copy.deepcopy(document)
    changed[where][0][key] = value
    errors = list(validator.iter_errors(changed))
    assert errors and list(errors[0].absolute_path) == [where, 0, key]


@pytest.mark.parametrize("path", [(), ("firm",), ("notes", 3), ("contacts", 1)])
def test_an_unknown_key_anywhere_is_invalid(validator, document, path):
    changed = copy.deepcopy(document)
    target = changed
    for step in path:
        target = target[step]
    target["colour"] = "blue"
    errors = list(validator.iter_errors(changed))
    assert errors and "colour" in errors[0].message


@pytest.mark.parametrize("key, value", [("version", 1), ("version", 3), ("format", "other-crm"), ("members", [])])
def test_a_document_of_another_kind_is_invalid(validator, document, key, value):
    changed = copy.deepcopy(document)
    changed[key] = value
    assert not validator.is_valid(changed)


@pytest.mark.parametrize("name", ["time_entries", "firm_events"])
def test_a_missing_record_list_is_invalid(validator, document, name):
    changed = copy.deepcopy(document)
    del changed[name]
    assert not validator.is_valid(changed)


def test_a_hash_and_a_history_line_are_valid(validator, document):
    changed = copy.deepcopy(document)
    changed["members"][0].update(passphrase_hash="pbkdf2_sha256$600000$c2FsdA==$a2V5", must_change_passphrase=True)
    changed["firm_events"] = [{"id": 1, "at": "2024-01-02T03:04:05", "actor_id": None, "action": "firm_created",
                               "subject": "Studio", "detail": {"name": "Studio"}}]
    assert list(validator.iter_errors(changed)) == []
