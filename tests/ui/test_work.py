"""Long work in slices: its progress shows, the page may act between slices, Cancel leaves nothing."""

import asyncio
import time

import pytest

from app.services.steps import Progress, Waiting
from app.store import open_store
from app.store.db import Busy
from app.ui import work
from app.ui.app import App
from app.ui.components.work_progress import BAR_ID, LINE_ID
from tests.conftest import _demo_db
from tests.ui.fake_dom import FakeDom


@pytest.fixture
def app():
    db = _demo_db(5)
    app = App(db, FakeDom("#/data"))
    app.start()
    return app


def tag_names(db):
    return {r[0] for r in db.all("SELECT name FROM tag")}


def adding_tags(db, count, seconds_each=0.0):
    """Adds tags one step at a time inside one transaction, as an import adds its records."""
    with db.transaction():
        for i in range(count):
            db.execute("INSERT INTO tag (name, color) VALUES (?, '#123456')", (f"Step {i}",))
            time.sleep(seconds_each)
            yield Progress("work.starting", i + 1, count)
    return count


def drive(app, *actions_between):
    """Run the event loop until the work ends, doing each action once a slice has passed."""
    async def body():
        task = app.work.start("Adding tags", adding_tags(app.db, 12, 0.006), results.append,
                              on_cancelled=lambda: results.append("cancelled"))
        for action in actions_between:
            await asyncio.sleep(0.001)
            while app.work.job and app.work.job.progress.done == 0:
                await asyncio.sleep(0)
            action()
        await task
    results = []
    asyncio.run(body())
    return results


def test_the_result_arrives_and_the_progress_went_away(app):
    assert drive(app) == [12]
    assert {f"Step {i}" for i in range(12)} <= tag_names(app.db)
    assert app.dom.regions["work"] is None and not app.db.held


def test_progress_shows_while_it_runs(app, monkeypatch):
    monkeypatch.setattr(work, "SHOW_EVERY_S", 0)   # redrawn after every slice
    seen = []
    def look():
        seen.append((app.dom.one("progressbar", "Adding tags"), app.dom.attrs.get(LINE_ID, {}).get("text")))
    drive(app, look)
    bar, line = seen[0]
    assert bar.attr("id") == BAR_ID
    assert line is not None and line.endswith("% · Starting…")


def test_the_bar_is_not_redrawn_more_often_than_it_can_be_read(app, monkeypatch):
    monkeypatch.setattr(work, "SHOW_EVERY_S", 60)
    seen = []
    drive(app, lambda: seen.append(app.dom.one("progressbar", "Adding tags")))
    assert seen and LINE_ID not in app.dom.attrs and BAR_ID not in app.dom.attrs   # as first drawn


def test_between_slices_other_writes_wait_and_reads_go_on(app):
    outcome = []
    def write_meanwhile():
        assert app.db.scalar("SELECT count(*) FROM account") == 5   # the page still reads
        try:
            with app.db.transaction():
                app.db.execute("INSERT INTO tag (name, color) VALUES ('Meanwhile', '#000000')")
        except Busy:
            outcome.append("busy")
    assert drive(app, write_meanwhile) == [12]
    assert outcome == ["busy"] and "Meanwhile" not in tag_names(app.db)


def test_cancel_stops_the_work_and_rolls_it_back(app):
    before = tag_names(app.db)
    results = drive(app, lambda: app.dom.fire(app.dom.one("button", "Cancel"), "click"))
    assert results == ["cancelled"]
    assert tag_names(app.db) == before and not app.db.held
    with app.db.transaction():   # no transaction left open
        pass


def test_one_piece_of_work_at_a_time(app):
    async def body():
        task = app.work.start("First", adding_tags(app.db, 2), lambda _r: None)
        with pytest.raises(Busy):
            app.work.start("Second", adding_tags(app.db, 2), lambda _r: None)
        await task
    asyncio.run(body())


def test_cancel_has_the_focus_while_it_runs_and_the_page_gets_it_back_after(app):
    focus = []
    drive(app, lambda: focus.append(app.dom.focused))
    assert focus == ["work-cancel"] and app.dom.focused == "page-title"


def one_long_statement(db, aside):
    """A step that is one long SQLite call on a database made aside, inside the work's open transaction."""
    with db.transaction():
        db.execute("INSERT INTO tag (name, color) VALUES ('Before the long call', '#123456')")
        aside.scalar("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) "
                     "SELECT count(*) FROM n")
        yield Progress("work.starting", 1, 1)
    return "done"


def test_in_the_middle_of_a_long_call_the_page_gets_turns_and_may_not_write_into_the_work(app):
    refused = []

    def pause():   # what the page does in its turn: a click that would write
        try:
            with app.db.transaction():
                app.db.execute("INSERT INTO tag (name, color) VALUES ('From a click', '#123456')")
        except Busy:
            refused.append(True)

    app.work.pause = pause
    results = []

    async def body():
        await app.work.start("Long call", one_long_statement(app.db, open_store()), results.append)
    asyncio.run(body())
    assert results == ["done"]
    assert refused and all(refused)   # turns came, and each write in them was refused
    assert "From a click" not in tag_names(app.db) and "Before the long call" in tag_names(app.db)
    assert not app.db.held


def waiting_for(answer: dict, asked: list[int]):
    """Work that waits for an answer arriving from elsewhere (as a worker's message does)."""
    yield Progress("work.starting", 1, 2)
    while "value" not in answer:
        asked[0] += 1
        yield Waiting("work.starting", 1, 2)
    return answer["value"]


def test_work_that_waits_on_elsewhere_lets_the_page_idle_and_gets_its_answer(app):
    answer, asked, results = {}, [0], []

    async def body():
        task = app.work.start("Waiting", waiting_for(answer, asked), results.append)
        await asyncio.sleep(0.1)   # the answer comes later, from a browser event
        answer["value"] = "ok"
        await task
    asyncio.run(body())
    assert results == ["ok"] and app.dom.regions["work"] is None
    # Asked again each WAIT_S (0.01 s) at most, not over and over within a slice.
    assert 0 < asked[0] <= 0.1 / work.WAIT_S + 2


def test_cancel_while_waiting_on_elsewhere_ends_the_work(app):
    answer, asked, results = {}, [0], []

    async def body():
        task = app.work.start("Waiting", waiting_for(answer, asked), results.append,
                              on_cancelled=lambda: results.append("cancelled"))
        await asyncio.sleep(0.05)
        app.work.cancel()
        await task
    asyncio.run(body())
    assert results == ["cancelled"] and not app.work.busy
