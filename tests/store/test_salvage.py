"""A damaged stored database: recognised at start, never changed, and rescued row by row."""

import hashlib
import sqlite3
from datetime import date

import pytest

from app.demo.generator import build_demo
from app.store import open_store
from app.store.salvage import open_checked, salvage

PAGE = 4096


@pytest.fixture(scope="module")
def healthy(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("db") / "healthy.sqlite"
    db = open_store(str(path))
    build_demo(db, accounts=300, today=date(2026, 11, 26))
    data = db.serialize()   # the file alone, whole (as a checkpointed file is)
    db.close()
    return data


def garbled(data: bytes, first_page: int, last_page: int) -> bytes:
    broken = bytearray(data)
    for i in range(first_page * PAGE, min(len(broken), last_page * PAGE)):
        broken[i] = (i * 7) % 256
    return bytes(broken)


def opened(data: bytes) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    return conn


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - test table names


def test_a_healthy_file_opens(tmp_path, healthy):
    path = tmp_path / "f.sqlite"
    path.write_bytes(healthy)
    db = open_checked(str(path))
    assert db is not None and db.scalar("SELECT count(*) FROM account") == 300


@pytest.mark.parametrize("pages", [(300, 320), (2, 6), (0, 1)], ids=["data pages", "schema pages", "header"])
def test_a_damaged_file_is_recognised_and_left_as_it_was(tmp_path, healthy, pages):
    path = tmp_path / "f.sqlite"
    path.write_bytes(garbled(healthy, *pages))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert open_checked(str(path)) is None
    salvage(str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_salvage_keeps_every_row_it_can_still_read(tmp_path, healthy):
    # Two leaf pages of the account table, wherever the schema's other tables put them.
    leaves = [r[0] for r in opened(healthy).execute(
        "SELECT pageno FROM dbstat WHERE name = 'account' AND pagetype = 'leaf' ORDER BY pageno")]
    first = leaves[len(leaves) // 2] - 1   # garbled() counts pages from 0, dbstat from 1
    path = tmp_path / "f.sqlite"
    path.write_bytes(garbled(healthy, first, first + 2))
    rescued = opened(salvage(str(path)))
    assert rescued.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert count(rescued, "member") == 6
    assert 0 < count(rescued, "account") < 300
    # The rescued file is a database of ours: the app can import it, and its search works.
    assert count(rescued, "account_search") == count(rescued, "account")
    assert rescued.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_salvage_of_an_unreadable_file_gives_an_empty_database_of_ours(tmp_path):
    path = tmp_path / "f.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    rescued = opened(salvage(str(path)))
    assert count(rescued, "account") == 0 and count(rescued, "member") == 0


def leaf_pages(data: bytes, table: str) -> list[int]:
    """The page numbers (from 1) holding the table's rows, in order."""
    conn = opened(data)
    return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'"
                                       " ORDER BY path", (table,))]


def test_salvage_steps_over_a_damaged_page_and_reads_on(tmp_path, healthy):
    leaves = leaf_pages(healthy, "account")
    middle = leaves[len(leaves) // 2]
    path = tmp_path / "f.sqlite"
    path.write_bytes(garbled(healthy, middle - 1, middle))   # one page of accounts, in the middle
    assert open_checked(str(path)) is None
    rescued = opened(salvage(str(path)))
    ids = [r[0] for r in rescued.execute("SELECT id FROM account ORDER BY id")]
    assert 0 < len(ids) < 300
    assert ids[0] == 1 and ids[-1] == 300   # the accounts after the damaged page are there too
    assert count(rescued, "contact") == count(opened(healthy), "contact")   # other tables whole


def test_salvage_reads_the_changes_still_in_the_wal(tmp_path, healthy):
    """A stored database is a main file and its -wal: salvage reads both, and changes neither."""
    path = tmp_path / "f.sqlite"
    path.write_bytes(healthy)
    db = open_store(str(path))
    with db.transaction():
        db.execute("UPDATE account SET name = 'Ultima Modifica Srl' WHERE id = 7")
    files = {p: p.read_bytes() for p in (path, tmp_path / "f.sqlite-wal")}   # as the tab left them
    db.close()
    for p, data in files.items():
        p.write_bytes(data)
    rescued = opened(salvage(str(path)))
    assert rescued.execute("SELECT name FROM account WHERE id = 7").fetchone()[0] == "Ultima Modifica Srl"
    assert {p: p.read_bytes() for p in files} == files


def test_with_nothing_stored_yet_a_new_database_opens(tmp_path):
    db = open_checked(str(tmp_path / "new.sqlite"))
    assert db is not None and db.scalar("SELECT count(*) FROM account") == 0
