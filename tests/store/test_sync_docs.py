"""A record's rows → its document → rows on another device → the same document (#12)."""

from __future__ import annotations

import itertools

import pytest

from app.demo.generator import build_demo
from app.domain.access import Visibility
from app.domain.sync_ids import parse_doc_id
from app.store import open_store, search, sync_outbox
from app.store.sync_apply import apply_record, delete_record, local_id
from app.store.sync_docs import TABLE_OF, Missing, record_doc, uid_of
from app.store.sync_schema import RECORDS
from tests.conftest import TODAY

# In the order a first pull applies them: what others refer to comes first.
KINDS = list(RECORDS.values())


def minting():
    counter = itertools.count(1)
    return lambda: f"01ARYZ6S41{next(counter):016d}"   # well-formed, predictable uids


@pytest.fixture(scope="module")
def device_a():
    db = open_store()
    build_demo(db, accounts=25, today=TODAY)
    with db.transaction():   # the demo has no history of firm changes: one, as set-up writes
        db.execute("INSERT INTO firm_event (at, actor_id, action, subject) VALUES"
                   " ('2026-11-26T09:00:00', 1, 'member_added', 'Sara Test')")
    return db


def docs_of(db, kind: str, mint) -> list:
    ids = [r[0] for r in db.all(f"SELECT id FROM {TABLE_OF[kind]} ORDER BY id")]  # noqa: S608
    return [record_doc(db, kind, row_id, mint) for row_id in ids]


def test_every_record_arrives_whole_on_another_device(device_a):
    mint, device_b = minting(), open_store()
    sent = {kind: docs_of(device_a, kind, mint) for kind in KINDS}
    with sync_outbox.applying(device_b):
        for kind in KINDS:
            for doc in sent[kind]:
                apply_record(device_b, doc)
    for kind in KINDS:
        assert sent[kind], f"the demo firm has no {kind}: the round trip proves nothing for it"
        arrived = {doc.id: doc for doc in docs_of(device_b, kind, mint)}
        assert arrived == {doc.id: doc for doc in sent[kind]}, kind
    name = device_a.scalar("SELECT name FROM account ORDER BY id LIMIT 1")
    assert name in [hit.name for hit in search.search(device_b, name, Visibility(all_accounts=True))]


def test_documents_refer_to_records_by_uid_and_carry_their_parts(device_a):
    mint = minting()
    account = device_a.scalar("SELECT account_id FROM account_tag LIMIT 1")
    doc = record_doc(device_a, "account", account, mint)
    assert parse_doc_id(doc.id)[0] == "account"
    assert doc.body["tags"] and all(local_id(device_a, "tag", uid) for uid in doc.body["tags"])
    note = device_a.scalar("SELECT id FROM note LIMIT 1")
    body = record_doc(device_a, "note", note, mint).body
    assert body["account_id"] == uid_of(device_a, "account", device_a.scalar(
        "SELECT account_id FROM note WHERE id = ?", (note,)))


def test_a_tag_made_on_two_devices_is_one_document():
    one, other = open_store(), open_store()
    for db, name in ((one, "VIP"), (other, "vip")):
        with db.transaction():
            db.execute("INSERT INTO tag (name, color) VALUES (?, '#aa0000')", (name,))
    assert record_doc(one, "tag", 1).id == record_doc(other, "tag", 1).id


def test_applying_the_same_document_twice_changes_nothing(device_a):
    mint, device_b = minting(), open_store()
    member = docs_of(device_a, "member", mint)[0]
    with sync_outbox.applying(device_b):
        first = apply_record(device_b, member)
        again = apply_record(device_b, member)
    assert first == again and device_b.scalar("SELECT count(*) FROM member") == 1


def test_a_reference_to_a_record_not_here_yet_is_said_and_nothing_is_written(device_a):
    mint, device_b = minting(), open_store()
    note = docs_of(device_a, "note", mint)[0]
    with pytest.raises(Missing), sync_outbox.applying(device_b):
        apply_record(device_b, note)
    assert device_b.scalar("SELECT count(*) FROM note") == 0


def test_a_record_deleted_on_another_device_goes_with_its_parts(device_a):
    mint, device_b = minting(), open_store()
    with sync_outbox.applying(device_b):
        for kind in ("member", "tag", "field", "account"):
            for doc in docs_of(device_a, kind, mint):
                apply_record(device_b, doc)
    account = device_b.scalar("SELECT account_id FROM account_tag LIMIT 1")
    uid = device_b.scalar("SELECT uid FROM account WHERE id = ?", (account,))
    with sync_outbox.applying(device_b):
        delete_record(device_b, "account", uid)
    assert device_b.scalar("SELECT count(*) FROM account_tag WHERE account_id = ?", (account,)) == 0
    assert local_id(device_b, "account", uid) is None
