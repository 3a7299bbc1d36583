"""The Data page's controller under CPython: a dataset import, its undo, and a CSV import."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.ui.app import App
from app.ui.components.data_page import CSV_INPUT, DATASET_INPUT
from app.ui.html import Element, text_of
from tests.conftest import _demo_db, member_named
from tests.ui.fake_dom import FakeDom, FakeFile
from tests.ui.tree import by_role, walk


@pytest.fixture
def db():
    return _demo_db(20)   # its own firm: these tests replace the data


@pytest.fixture
def dom(db) -> FakeDom:
    dom = FakeDom("#/data")
    App(db, dom).start()
    return dom


def by_id(dom: FakeDom, element_id: str) -> Element:
    return next(e for e in walk(dom.tree()) if e.attr("id") == element_id)


def settle(action) -> None:
    """Do `action` and let the app finish what it started after it (reading a file, importing)."""
    async def run() -> None:
        action()
        for _ in range(10_000):   # until the file is read and the long work it started has ended
            await asyncio.sleep(0)
            if len(asyncio.all_tasks()) == 1:
                break
    # In a thread of its own: Playwright's tests leave an event loop running in this one.
    with ThreadPoolExecutor(1) as worker:
        worker.submit(asyncio.run, run()).result()


def pick(dom: FakeDom, input_id: str, name: str, data: bytes) -> None:
    """Choose a file and let the app read it (reading is asynchronous in the browser)."""
    dom.files[input_id] = FakeFile(name, data)
    settle(lambda: dom.fire(by_id(dom, input_id), "change"))


def import_now(dom: FakeDom) -> None:
    settle(lambda: dom.fire(dom.one("button", "Import"), "click"))


def accounts(db) -> int:
    return db.scalar("SELECT count(*) FROM account")


def exported_json(dom: FakeDom) -> bytes:
    settle(lambda: dom.fire(dom.one("button", "Export JSON"), "click"))
    name, data, mime = dom.downloads[-1]
    assert name.endswith(".json") and mime == "application/json"
    return data


def test_dataset_import_asks_first_then_can_be_undone_until_the_next_change(db, dom):
    document = exported_json(dom)
    dom.fire(dom.one("button", "Erase all data"), "click")
    dom.fire(dom.one("button", "Confirm"), "click")
    assert accounts(db) == 0
    pick(dom, DATASET_INPUT, "back.json", document)
    dialog = dom.one("alertdialog")
    assert "back.json — accounts: 20" in text_of(dialog) and accounts(db) == 0   # nothing yet
    settle(lambda: dom.fire(dom.one("button", "Confirm"), "click"))
    assert accounts(db) == 20 and "back.json imported" in text_of(dom.regions["announce"])
    dom.fire(dom.one("button", "Undo import"), "click")
    assert accounts(db) == 0 and "previous data is back" in text_of(dom.regions["announce"])
    assert not [e for e in walk(dom.tree()) if text_of(e) == "Undo import"]


def test_undo_is_no_longer_offered_once_something_else_changed(db, dom):
    pick(dom, DATASET_INPUT, "same.json", exported_json(dom))
    settle(lambda: dom.fire(dom.one("button", "Confirm"), "click"))
    assert dom.one("button", "Undo import")
    dom.fire(dom.one("button", "Erase all data"), "click")
    dom.fire(dom.one("button", "Confirm"), "click")
    assert not [e for e in walk(dom.tree()) if text_of(e) == "Undo import"]


def test_a_refused_dataset_says_why_next_to_its_input_and_asks_nothing(db, dom):
    pick(dom, DATASET_INPUT, "x.json", b'{"hello": 1}')
    field = by_id(dom, DATASET_INPUT)
    assert field.attr("aria-invalid") == "true" and "import-dataset-error" in field.attr("aria-describedby")
    assert "not a Fascicolo export" in text_of(by_id(dom, "import-dataset-error"))
    assert dom.regions.get("dialog") is None and accounts(db) == 20


def test_csv_preview_follows_the_mapping_and_the_import_reports(db, dom):
    data = b"Col A;Col B;Col C\nMario;Zeta;mario@zeta.it\nAnna;Zeta;bad-address\n"
    pick(dom, CSV_INPUT, "c.csv", data)
    preview = dom.one("region", "Import preview")
    assert "Required: choose the column that holds it." in text_of(preview)
    for header, field in (("Col A", "first_name"), ("Col B", "last_name"), ("Col C", "email")):
        settle(lambda h=header, f=field: dom.fire(dom.one("combobox", f"Map column {h}"), "change", value=f))
    assert "New account" in text_of(dom.one("region", "Import preview"))
    import_now(dom)
    assert "Nothing was imported" in text_of(dom.one("region", "Import report")) and accounts(db) == 20
    dom.fire(dom.one("checkbox"), "change", checked=True)
    import_now(dom)
    report = text_of(dom.one("region", "Import report"))
    assert "New accounts: 1" in report and "Line 3: Email: Not a valid email address." in report
    assert accounts(db) == 21 and dom.focused == "import-report-title"


def test_a_csv_over_the_limit_is_refused_unread(db, dom, monkeypatch):
    monkeypatch.setattr("app.services.client_import.MAX_CSV_BYTES", 10)
    pick(dom, CSV_INPUT, "big.csv", b"First name,Last name\nMario,Rossi\n")
    assert "larger than 0 MB" in text_of(by_id(dom, "import-csv-error"))
    assert not [e for e in walk(dom.tree()) if e.attr("role") == "region"]


def test_a_member_who_may_not_create_accounts_has_no_imports(db):
    dom = FakeDom("#/data", {"member": str(member_named(db, "Sara").id)})
    App(db, dom).start()
    ids = {e.attr("id") for e in walk(dom.tree())}
    assert CSV_INPUT not in ids and DATASET_INPUT not in ids


def test_choosing_another_file_closes_the_previous_preview(db, dom):
    pick(dom, CSV_INPUT, "good.csv", b"First name,Last name\nMario,Rossi\n")
    assert dom.one("region", "Import preview")
    pick(dom, CSV_INPUT, "empty.csv", b"")
    assert "This file is empty." in text_of(by_id(dom, "import-csv-error"))
    assert not by_role(dom.tree(), "region", "Import preview")


def test_import_says_it_is_running_and_takes_no_second_click(db, dom):
    pick(dom, CSV_INPUT, "c.csv", b"First name,Last name\nMario,Rossi\nAnna,Bo\n")
    seen = {}

    def click_twice() -> None:
        dom.fire(dom.one("button", "Import"), "click")
        seen["text"] = text_of(dom.one("region", "Import preview"))
        seen["disabled"] = dom.one("button", "Import").attr("disabled")
        dom.fire(dom.one("button", "Import"), "click")   # while the first one runs: ignored
    settle(click_twice)
    assert "Importing 2 rows…" in seen["text"] and seen["disabled"] is True
    assert accounts(db) == 22 and "New accounts: 2" in text_of(dom.one("region", "Import report"))


def test_mapping_changes_made_while_the_rows_are_checked_are_all_followed(db, dom):
    data = b"Col A;Col B;Col C\nMario;Zeta;mario@zeta.it\n"
    pick(dom, CSV_INPUT, "c.csv", data)

    def change_all_at_once():
        for header, field in (("Col A", "first_name"), ("Col B", "last_name"), ("Col C", "email")):
            dom.fire(dom.one("combobox", f"Map column {header}"), "change", value=field)
    settle(change_all_at_once)   # the second and third come while the first is being checked
    assert "New account" in text_of(dom.one("region", "Import preview"))
    assert dom.regions["work"] is None
