"""The connection owner: migrations, foreign keys, all-or-nothing transactions, commit hooks."""

import sqlite3

import pytest

from app.store import open_store
from app.store.db import Busy, Database
from app.store.schema import MIGRATIONS, migrate
from tests.store.helpers import add_account


def test_migrations_set_user_version_and_run_once(db):
    assert db.scalar("PRAGMA user_version") == len(MIGRATIONS)
    assert migrate(db) == len(MIGRATIONS)  # a second run changes nothing
    assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'account'") == 1


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        with db.transaction():
            db.execute("INSERT INTO account_tag (account_id, tag_id) VALUES (99, 99)")


def test_failed_transaction_writes_nothing(db):
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.execute("INSERT INTO tag (name, color) VALUES ('VIP', '#000000')")
            raise RuntimeError("boom")
    assert db.scalar("SELECT count(*) FROM tag") == 0


def test_nested_transactions_join_the_outer_one_and_hooks_run_once_after_commit(db):
    commits = []
    db.on_commit(lambda: commits.append(db.scalar("SELECT count(*) FROM tag")))
    with db.transaction():
        db.execute("INSERT INTO tag (name, color) VALUES ('A', '#000000')")
        with db.transaction():
            db.execute("INSERT INTO tag (name, color) VALUES ('B', '#000000')")
        assert commits == []
    assert commits == [2]


def test_hooks_do_not_run_after_a_rollback(db):
    commits = []
    db.on_commit(lambda: commits.append(1))
    with pytest.raises(ValueError):
        with db.transaction():
            raise ValueError
    assert commits == []


def test_deleting_an_account_removes_its_links_but_keeps_contacts():
    db = open_store()
    account_id = add_account(db, "Rossi, Mario", [("Mario", "Rossi", "mario@rossi.it")])
    with db.transaction():
        db.execute("DELETE FROM account WHERE id = ?", (account_id,))
    assert db.scalar("SELECT count(*) FROM account_contact") == 0
    assert db.scalar("SELECT count(*) FROM email_settings") == 0
    assert db.scalar("SELECT count(*) FROM contact") == 1


# A database file: WAL with exclusive locking and manual checkpoints (DESIGN.md §4) ------------

def file_db(tmp_path, name="f.sqlite"):
    db = open_store(str(tmp_path / name))
    with db.transaction():
        db.execute("INSERT INTO firm (id, name) VALUES (1, 'Studio')")
    db.checkpoint()
    return db


def rename_firm(db, name):
    with db.transaction():
        db.execute("UPDATE firm SET name = ? WHERE id = 1", (name,))


def test_a_commit_writes_the_wal_only_until_a_checkpoint(tmp_path):
    db = file_db(tmp_path)
    main = (tmp_path / "f.sqlite").read_bytes()
    rename_firm(db, "Studio Rossi")
    assert (tmp_path / "f.sqlite").read_bytes() == main   # the save after this commit skips the main file
    assert 0 < db.wal_bytes() < 64 * 1024
    assert not (tmp_path / "f.sqlite-shm").exists()      # exclusive locking: no shared memory file
    db.checkpoint()
    assert db.wal_bytes() == 0 and (tmp_path / "f.sqlite").read_bytes() != main


def test_a_file_and_its_wal_left_by_a_closed_tab_open_with_every_commit(tmp_path):
    db = file_db(tmp_path)
    rename_firm(db, "Studio Rossi")
    # What IndexedDB holds when the page went away without closing anything: both files as they were.
    (tmp_path / "copy.sqlite").write_bytes((tmp_path / "f.sqlite").read_bytes())
    (tmp_path / "copy.sqlite-wal").write_bytes((tmp_path / "f.sqlite-wal").read_bytes())
    reopened = open_store(str(tmp_path / "copy.sqlite"))
    assert reopened.scalar("SELECT name FROM firm") == "Studio Rossi"
    assert reopened.integrity_ok()


def test_the_bytes_of_a_wal_database_open_on_their_own(tmp_path):
    """Export and undo copies: a WAL file's bytes say WAL, which SQLite refuses without its -wal."""
    db = file_db(tmp_path)
    rename_firm(db, "Studio Rossi")   # still in the -wal
    copy = Database.from_bytes(db.serialize())
    assert copy.scalar("SELECT name FROM firm") == "Studio Rossi"
    plain = sqlite3.connect(":memory:")
    plain.deserialize(db.serialize())   # any tool can read the exported file
    assert plain.execute("SELECT name FROM firm").fetchone()[0] == "Studio Rossi"


@pytest.mark.parametrize("where", ["memory", "file"])
def test_replace_keeps_the_previous_data_until_the_next_change(tmp_path, where):
    db = file_db(tmp_path) if where == "file" else open_store()
    if where == "memory":
        with db.transaction():
            db.execute("INSERT INTO firm (id, name) VALUES (1, 'Studio')")
    other = open_store()
    with other.transaction():
        other.execute("INSERT INTO firm (id, name) VALUES (1, 'Imported')")
    db.replace_with(other, keep_previous=True)
    assert db.scalar("SELECT name FROM firm") == "Imported" and db.previous_kept()
    db.restore_previous()
    assert db.scalar("SELECT name FROM firm") == "Studio" and not db.previous_kept()
    db.replace_with(other, keep_previous=True)
    rename_firm(db, "Imported and changed")
    assert not db.previous_kept()   # undoing now would lose that change
    assert db.integrity_ok()


def test_replacing_a_file_writes_no_wal_and_survives_a_reopen(tmp_path):
    db = file_db(tmp_path)
    rename_firm(db, "Old, in the wal")
    other = open_store()
    with other.transaction():
        other.execute("INSERT INTO firm (id, name) VALUES (1, 'Imported')")
    db.replace_with(other, keep_previous=True)
    assert db.wal_bytes() == 0
    db.close()
    assert open_store(str(tmp_path / "f.sqlite")).scalar("SELECT name FROM firm") == "Imported"
    previous = open_store(str(tmp_path / "f.sqlite.previous"))
    assert previous.scalar("SELECT name FROM firm") == "Old, in the wal"   # checkpointed before the swap


def test_while_long_work_holds_the_database_other_writes_are_refused(db):
    db.held = True
    with pytest.raises(Busy), db.transaction():
        pass
    db.held = False
    with db.transaction():
        pass


def test_while_the_files_are_reloaded_the_database_says_busy_then_reads_the_new_file(tmp_path):
    db = file_db(tmp_path)
    db.close_for_reload()
    with pytest.raises(Busy):
        db.scalar("SELECT name FROM firm")
    other = open_store(str(tmp_path / "f.sqlite"))   # what another tab stored, read in meanwhile
    rename_firm(other, "Written elsewhere")
    other.close()
    db.reopen()
    assert not db.closed and db.scalar("SELECT name FROM firm") == "Written elsewhere"


def test_a_transaction_refused_by_the_guard_at_its_end_writes_nothing(db):
    """Long work's transaction spans many slices: another tab may have saved meanwhile."""
    stale = []

    def guard():
        if stale:
            raise RuntimeError("another tab saved a newer copy")
    db.write_guard = guard
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("INSERT INTO tag (name, color) VALUES ('Half done', '#000000')")
        stale.append(True)   # the other tab's save lands while the work runs
    assert db.scalar("SELECT count(*) FROM tag WHERE name = 'Half done'") == 0


def test_a_checkpoint_asked_for_while_long_work_holds_its_transaction_waits_for_the_next_save(tmp_path):
    db = file_db(tmp_path)
    rename_firm(db, "Studio Rossi")
    wal = db.wal_bytes()
    with db.transaction():
        db.execute("UPDATE firm SET name = 'Half way' WHERE id = 1")
        db.checkpoint()   # an idle timer or a save coming between two slices: no error, nothing folded
        assert db.wal_bytes() == wal
    db.checkpoint()
    assert db.wal_bytes() == 0 and db.scalar("SELECT name FROM firm") == "Half way"
