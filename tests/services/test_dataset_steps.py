"""The steps both imports end with: every link checked, the derived data made again."""

import pytest

from app.domain.access import Visibility
from app.services.dataset_steps import Phase, links_steps, reindex_steps
from app.services.steps import run_all
from app.store import dataset as dataset_store
from app.store import dataset_check, search
from tests.conftest import _demo_db


def test_a_phase_moves_its_share_of_the_bar():
    phase = Phase("import.indexing", 100, 50, 200)
    assert [phase.at(d, 10).done for d in (0, 5, 10)] == [100, 125, 150]
    assert phase.at(3, 0).done == 150


def test_links_to_nothing_are_named_by_table():
    db = _demo_db(5)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE note SET account_id = 9999 WHERE id = (SELECT min(id) FROM note)")
    db.execute("UPDATE task SET account_id = 9999 WHERE id = (SELECT min(id) FROM task)")
    rows = {name: dataset_store.count_records(db, name) for name in ("tasks", "notes", "accounts")}
    with pytest.raises(dataset_store.Rejected, match="^links to missing records in note, task$"):
        run_all(links_steps(db, rows, Phase("import.checking_links", 0, 10, 10)))


def test_the_search_index_is_made_again_a_slice_at_a_time():
    db = _demo_db(30)
    name = db.scalar("SELECT name FROM account ORDER BY id LIMIT 1 OFFSET 7")
    contact = db.one("SELECT id, last_name FROM contact ORDER BY id LIMIT 1 OFFSET 3")
    with db.transaction():
        dataset_check.clear_derived(db)
        db.execute("UPDATE account SET name_sort = 'x'")
    seen = []
    run_all(reindex_steps(db, (30, db.scalar("SELECT count(*) FROM contact")),
                          Phase("import.indexing", 0, 100, 100)), seen.append)
    assert len(seen) >= 2 and seen[-1].done == 100   # accounts, then contacts
    assert db.scalar("SELECT count(*) FROM account_search") == 30
    assert db.all("SELECT 1 FROM account WHERE name_sort = 'x'") == []
    assert search.search(db, name, Visibility(all_accounts=True))
    assert contact[0] in search.contact_ids(db, contact[1], Visibility(all_accounts=True))
    assert db.scalar("SELECT count(*) FROM contact_search_text") == db.scalar("SELECT count(*) FROM contact")
