"""Long SQLite calls give the page a turn while long work lends a pause (app.store.turns)."""

import time

from app.store import open_store, turns
from app.store.db import Database

# One statement that runs for a while: SQLite counts to a few million on its own.
LONG = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n"


def timed_pauses(db: Database) -> list[float]:
    at: list[float] = []
    start = time.perf_counter()
    with turns.lending(lambda: at.append(time.perf_counter() - start)):
        assert db.scalar(LONG) == 3_000_000
    return at


def test_one_long_statement_pauses_every_so_often_while_a_pause_is_lent():
    db = open_store()
    took = time.perf_counter()
    at = timed_pauses(db)
    took = time.perf_counter() - took
    assert len(at) >= 2, (at, took)
    assert at[0] >= turns.EVERY_S   # not before its time
    gaps = [b - a for a, b in zip(at, at[1:], strict=False)]
    assert min(gaps) >= turns.EVERY_S


def test_nothing_pauses_when_no_pause_is_lent_or_after_it_is_given_back():
    db = open_store()
    calls = []
    with turns.lending(lambda: calls.append(1)):
        pass
    db.scalar(LONG)
    assert calls == []


def test_a_file_replaced_whole_is_sized_at_once_and_copied_with_turns(tmp_path, monkeypatch):
    monkeypatch.setattr(turns, "EVERY_S", 0.0)   # every look at the clock is a turn
    monkeypatch.setattr("app.store.db._COPY_PAGES", 8)
    db = Database(str(tmp_path / "f.sqlite"))
    other = open_store()
    with other.transaction():
        other.execute("INSERT INTO firm (id, name) VALUES (1, 'Imported')")
        other.executemany("INSERT INTO tag (name, color) VALUES (?, '#123456')",
                          [(f"Tag {i} " + "x" * 500,) for i in range(400)])
    reserved = []
    db.reserve = lambda path, size: reserved.append((path, size))
    pauses = []
    with turns.lending(lambda: pauses.append(1)):
        db.replace_with(other)
    size = other.scalar("PRAGMA page_count") * other.scalar("PRAGMA page_size")
    assert reserved == [(str(tmp_path / "f.sqlite.new"), size)]
    assert len(pauses) >= size // (8 * 4096)   # at least one per backup step
    assert db.scalar("SELECT name FROM firm") == "Imported"
    assert db.scalar("SELECT count(*) FROM tag WHERE name LIKE 'Tag %'") == 400
    assert db.integrity_ok()
