"""Starting over: erase every client, or go back to the demo firm; owner and admins only."""

import pytest

from app.demo.generator import demo_steps
from app.domain.access import Visibility
from app.domain.errors import AccessDenied
from app.services.reset import erase_all_clients, reset_to_demo
from app.store import search
from app.store.db import Database
from tests.conftest import TODAY, _demo_db, member_named


def counts(db: Database) -> dict[str, int]:
    tables = ("account", "contact", "document", "note", "account_search", "member", "tag", "custom_field")
    return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def test_erase_removes_every_client_and_keeps_the_firm():
    db = _demo_db(20)
    before = counts(db)
    erase_all_clients(db, member_named(db, "Giulia"))
    after = counts(db)
    assert after["account"] == after["contact"] == after["document"] == after["note"] == 0
    assert after["account_search"] == 0 and search.search(db, "ro", Visibility(True)) == []
    assert (after["member"], after["tag"], after["custom_field"]) == (before["member"], before["tag"],
                                                                     before["custom_field"])


def test_reset_replaces_everything_with_a_fresh_demo():
    db = _demo_db(20)
    giulia = member_named(db, "Giulia")
    erase_all_clients(db, giulia)
    reset_to_demo(db, giulia, lambda d: demo_steps(d, accounts=15, today=TODAY))
    assert counts(db)["account"] == 15 and counts(db)["member"] == 6


@pytest.mark.parametrize("name", ["Laura", "Paolo", "Sara", "Tom"])
def test_only_owner_and_admins_start_over(name):
    db = _demo_db(10)
    before = counts(db)
    with pytest.raises(AccessDenied):
        erase_all_clients(db, member_named(db, name))
    with pytest.raises(AccessDenied):
        reset_to_demo(db, member_named(db, name), lambda d: demo_steps(d, accounts=5, today=TODAY))
    assert counts(db) == before


def test_a_failing_rebuild_leaves_the_old_data():
    db = _demo_db(10)
    before = counts(db)

    def broken(d):
        yield 1, 10
        raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        reset_to_demo(db, member_named(db, "Giulia"), broken)
    assert counts(db) == before
