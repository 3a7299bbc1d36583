"""The connection owner: migrations, foreign keys, all-or-nothing transactions, commit hooks."""

import sqlite3

import pytest

from app.store import open_store
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
