"""The outbox (#12): every write of a replicated record is recorded once sync is on, none while
changes from the server are applied, and none at all for a firm without sync."""

from __future__ import annotations

import pytest

from app.store import open_store, sync_outbox
from app.store.dataset import TABLES
from app.store.sync_outbox import Entry
from app.store.sync_schema import PAIRS, PARTS, RECORDS
from tests.store.helpers import add_account, add_member


@pytest.fixture
def db():
    db = open_store()
    sync_outbox.turn_on(db)
    return db


def kinds(db) -> list[tuple[str, int, int]]:
    return [(e.kind, e.row_id, e.other_id) for e in sync_outbox.pending(db)]


def contact_of(db, account_id: int) -> int:
    return db.scalar("SELECT contact_id FROM account_contact WHERE account_id = ?", (account_id,))


def test_a_firm_without_sync_records_nothing():
    db = open_store()
    add_account(db, "Rossi Srl", [("Anna", "Rossi", "anna@rossi.it")])
    assert not sync_outbox.is_on(db) and sync_outbox.pending(db) == []


def test_a_new_account_is_one_entry_per_document_it_touched(db):
    member = add_member(db)
    sync_outbox.sent(db, sync_outbox.pending(db))
    account = add_account(db, "Rossi Srl", [("Anna", "Rossi", "anna@rossi.it")], team={member})
    contact = contact_of(db, account)
    assert kinds(db) == [("account", account, 0), ("contact", contact, 0), ("link", account, contact)]


def test_a_change_inside_a_document_records_its_document_once(db):
    account = add_account(db, "Rossi Srl", [("Anna", "Rossi", "anna@rossi.it")])
    contact = contact_of(db, account)
    sync_outbox.sent(db, sync_outbox.pending(db))
    with db.transaction():
        db.execute("INSERT INTO contact_phone (contact_id, number) VALUES (?, '02 123')", (contact,))
        db.execute("UPDATE contact_email SET address = 'a@rossi.it' WHERE contact_id = ?", (contact,))
        db.execute("UPDATE contact SET city = 'Milano' WHERE id = ?", (contact,))
    assert kinds(db) == [("contact", contact, 0)]


def test_a_deleted_record_keeps_the_uid_it_had(db):
    account = add_account(db, "Rossi Srl")
    with db.transaction():
        db.execute("UPDATE account SET uid = '01ARYZ6S410000000000000000' WHERE id = ?", (account,))
    sync_outbox.sent(db, sync_outbox.pending(db))
    with db.transaction():
        db.execute("DELETE FROM account WHERE id = ?", (account,))
    assert sync_outbox.pending(db) == [Entry("account", account, 0, "01ARYZ6S410000000000000000")]


def test_changes_applied_from_the_server_are_not_recorded(db):
    sync_outbox.sent(db, sync_outbox.pending(db))
    with sync_outbox.applying(db):
        db.execute("INSERT INTO tag (name, color) VALUES ('VIP', '#aa0000')")
    assert sync_outbox.pending(db) == []
    with db.transaction():   # and recording is back once they are written
        db.execute("UPDATE tag SET color = '#00aa00'")
    assert [e.kind for e in sync_outbox.pending(db)] == ["tag"]


def test_a_failed_apply_leaves_recording_on(db):
    with pytest.raises(RuntimeError), sync_outbox.applying(db):
        raise RuntimeError("the batch was refused")
    assert db.scalar("SELECT applying FROM sync_state") == 0


def test_every_replicated_table_is_watched_and_the_local_ones_are_not(db):
    """A table added later without its triggers would never reach the other devices."""
    watched = {r["tbl_name"] for r in db.all("SELECT tbl_name FROM sqlite_schema WHERE type = 'trigger'"
                                              " AND name LIKE 'sync\\_%' ESCAPE '\\'")}
    local = {"login_event"}   # the client portal's, per device (docs/sync.md)
    assert watched == set(TABLES.values()) - local
    assert watched == {*RECORDS, *PARTS, *PAIRS, "firm"}
