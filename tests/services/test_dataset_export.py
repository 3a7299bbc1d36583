"""Export JSON in steps writes, byte for byte, what pydantic writes for the whole Dataset."""

import base64
import json

import pytest

from app.domain.dataset import Dataset
from app.services.dataset import export_json, export_json_steps, prepare_import
from app.store import dataset as dataset_store
from app.store import firm as firm_store
from app.store.db import Database
from tests.conftest import _demo_db, member_named
from tests.services.test_dataset import HOSTILE, OWNER, PNG, with_firm_of_its_own


@pytest.fixture(scope="module")
def source() -> Database:
    db = with_firm_of_its_own(_demo_db(25))
    account = db.scalar("SELECT min(id) FROM account")
    db.execute("UPDATE account SET photo = ?, name = ? WHERE id = ?", (PNG, "Società «Ferri» 👩‍💼", account))
    db.execute("UPDATE note SET body = ? WHERE id = (SELECT min(id) FROM note)", (f"{HOSTILE}\n\t\"q\" \u2028 \x01",))
    firm_store.record_event(db, "2024-03-04T12:00:00", member_named(db, "Marco").id, "tag_changed", "VIP",
                            {"colour": "#b45309", "città": "Forlì"})
    return db


def at_once(db: Database) -> bytes:
    """The export as it was written before it came in steps: the whole Dataset, then pydantic."""
    return Dataset.model_validate(dataset_store.read_records(db)).model_dump_json(indent=1).encode("utf-8")


def test_the_document_is_the_one_written_at_once(source):
    assert export_json(source, OWNER) == at_once(source)


def test_it_is_written_a_slice_at_a_time_to_the_end(source):
    seen = []
    steps = export_json_steps(source, OWNER)
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            data = stop.value
            break
    assert data == at_once(source)
    done = [p.done for p in seen if p.total]
    assert len(done) > 10 and done == sorted(done) and seen[-1].percent == 100


def test_empty_lists_a_photo_and_the_history_read_back(source):
    doc = json.loads(export_json(source, OWNER))
    assert doc["contact_field_values"] == [] and base64.b64decode(doc["accounts"][0]["photo"]) == PNG
    assert doc["firm_events"][-1]["detail"] == {"colour": "#b45309", "città": "Forlì"}
    assert isinstance(doc["members"][0]["active"], bool)
    assert prepare_import(OWNER, export_json(source, OWNER)).accounts == 25


def test_an_empty_firm_exports_as_the_schema_says():
    db = _demo_db(1)
    assert export_json(db, OWNER) == at_once(db)
