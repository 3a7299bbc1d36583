"""F-MORE-3: Import dataset (JSON or SQLite) replaces the data once confirmed, durably, and can be undone.

A file that is not a sound Fascicolo export is refused with its reason next to the file input;
nothing is asked, replaced or stored. Text from an imported file is shown as text, never as HTML.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    announced,
    app_error,
    assert_inert,
    clients_table,
    download,
    go_to_account,
    nav_link,
    open_data_page,
    page_heading,
    reload,
    results,
    search_box,
    section,
)

DEMO = 300
# What Erase all data keeps: a file holding only these is a firm without clients.
FIRM_ONLY = ("format", "version", "firm", "members", "tags", "custom_fields")
PAYLOAD = "<img src=x onerror=alert(1)>"
GENERATION = "() => localStorage.getItem('fascicolo.generation')"


# Helpers ---------------------------------------------------------------------------------
def saved(page: Page) -> None:
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()


def dataset_input(page: Page):
    return page.get_by_label("Import dataset", exact=True)


def replace_dialog(page: Page):
    return page.get_by_role("alertdialog", name="Replace all data with this file?")


def choose_dataset(page: Page, name: str, data: bytes, mime: str = "application/json") -> None:
    dataset_input(page).set_input_files(files=[{"name": name, "mimeType": mime, "buffer": data}])


def ask_to_import(page: Page, name: str, data: bytes, accounts: int, contacts: int,
                  mime: str = "application/json"):
    """Choose a good file; returns the confirmation, which names the file and what it holds."""
    choose_dataset(page, name, data, mime)
    confirm = replace_dialog(page)
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text(f"{name} — accounts: {accounts}, contacts: {contacts}, members: 6.")
    return confirm


def import_dataset(page: Page, name: str, data: bytes, accounts: int, contacts: int,
                   mime: str = "application/json") -> None:
    """Choose a good file and confirm; waits for the announcement that it was imported."""
    confirm = ask_to_import(page, name, data, accounts, contacts, mime)
    confirm.get_by_role("button", name="Confirm", exact=True).click()
    expect(confirm).to_have_count(0)
    expect(page.locator("#announce")).to_have_text(f"{name} imported (accounts: {accounts}, contacts: {contacts}).")


def undo_button(page: Page):
    return page.get_by_role("button", name="Undo import", exact=True)


def expect_clients(page: Page, total: int) -> None:
    """The Clients page lists `total` clients (none: no table at all)."""
    nav_link(page, "Clients").click()
    expect(page.get_by_role("heading", level=1, name="Clients")).to_be_visible()
    if total:
        expect(page.get_by_text(re.compile(rf"^Showing 1–\d+ of {total}$"))).to_be_visible()
    else:
        expect(clients_table(page)).to_have_count(0)


def firm_name(page: Page, name: str):
    """The firm's name under the app's name in the sidebar."""
    return page.get_by_role("complementary").get_by_text(name, exact=True)


def erase_all(page: Page) -> None:
    open_data_page(page)
    page.get_by_role("button", name="Erase all data", exact=True).click()
    page.get_by_role("alertdialog").get_by_role("button", name="Confirm", exact=True).click()
    expect(announced(page, "All clients have been erased.")).to_be_visible()


def notes(page: Page):
    return section(page, "Notes")


def export_json(page: Page, tmp_path) -> tuple[bytes, dict]:
    open_data_page(page)
    data = download(page, "Export JSON", tmp_path)
    return data, json.loads(data)


def encode(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def firm_only(document: dict, name: str) -> dict:
    """The export as it would be after Erase all data, under another firm name."""
    kept = {key: (value if key in FIRM_ONLY else []) for key, value in document.items()}
    return {**kept, "firm": {**document["firm"], "name": name}}


# Round trips -------------------------------------------------------------------------------
def test_json_and_sqlite_exports_import_back_and_stay_after_a_reload(page: Page, site_url: str, tmp_path) -> None:
    json_data, document = export_json(page, tmp_path)
    sqlite_data = download(page, "Export SQLite", tmp_path)
    contacts = len(document["contacts"])
    assert len(document["accounts"]) == DEMO

    erase_all(page)
    expect_clients(page, 0)
    open_data_page(page)
    import_dataset(page, "round-trip.json", json_data, DEMO, contacts)
    expect(undo_button(page)).to_be_visible()
    expect_clients(page, DEMO)
    name = document["accounts"][0]["name"]
    search_box(page).fill(name)  # the search index was rebuilt for the imported clients
    expect(results(page).get_by_role("option", name=re.compile("^" + re.escape(name)))).to_have_count(1)
    search_box(page).fill("")
    saved(page)
    reload(page)
    expect_clients(page, DEMO)

    # A change made after the export is gone once the SQLite export is imported.
    account_id = document["accounts"][0]["id"]
    go_to_account(page, site_url, account_id)
    notes(page).get_by_label("New note").fill("Written after the export")
    notes(page).get_by_role("button", name="Add note").click()
    expect(notes(page)).to_contain_text("Written after the export")
    saved(page)
    open_data_page(page)
    import_dataset(page, "round-trip.sqlite", sqlite_data, DEMO, contacts, mime="application/vnd.sqlite3")
    saved(page)
    go_to_account(page, site_url, account_id)
    expect(page_heading(page)).to_have_text(name)
    expect(notes(page)).not_to_contain_text("Written after the export")
    reload(page)
    expect(page_heading(page)).to_have_text(name)
    expect(notes(page)).not_to_contain_text("Written after the export")
    expect_clients(page, DEMO)


def test_undo_import_puts_the_previous_data_back_durably(page: Page, tmp_path) -> None:
    _, document = export_json(page, tmp_path)
    firm = document["firm"]["name"]
    expect(firm_name(page, firm)).to_be_visible()
    import_dataset(page, "empty-firm.json", encode(firm_only(document, "Studio Importato")), 0, 0)
    expect(firm_name(page, "Studio Importato")).to_be_visible()
    expect(firm_name(page, firm)).to_have_count(0)
    saved(page)
    expect_clients(page, 0)
    reload(page)   # the data before the import was stored with it: undo is still offered

    open_data_page(page)
    undo_button(page).click()
    expect(page.locator("#announce")).to_have_text("The import has been undone: the previous data is back.")
    expect(undo_button(page)).to_have_count(0)
    expect(firm_name(page, firm)).to_be_visible()
    expect(firm_name(page, "Studio Importato")).to_have_count(0)
    expect_clients(page, DEMO)
    saved(page)
    reload(page)
    expect_clients(page, DEMO)
    expect(firm_name(page, firm)).to_be_visible()


def test_cancel_leaves_the_data_untouched(page: Page, tmp_path) -> None:
    _, document = export_json(page, tmp_path)
    generation = page.evaluate(GENERATION)
    confirm = ask_to_import(page, "empty-firm.json", encode(firm_only(document, "Studio Importato")), 0, 0)
    confirm.get_by_role("button", name="Cancel", exact=True).click()
    expect(confirm).to_have_count(0)
    expect(undo_button(page)).to_have_count(0)
    expect(firm_name(page, document["firm"]["name"])).to_be_visible()
    expect_clients(page, DEMO)
    assert page.evaluate(GENERATION) == generation  # nothing was written


def test_the_same_file_chosen_again_after_cancel_is_asked_about_again(page: Page, tmp_path) -> None:
    """A file chosen from the disk, as the file chooser does: the browser sends no change when the
    input still holds that same file, so the page must have let go of it."""
    data, _ = export_json(page, tmp_path)
    path = tmp_path / "again.json"
    path.write_bytes(data)
    for _attempt in range(2):
        dataset_input(page).set_input_files(path)
        confirm = replace_dialog(page)
        expect(confirm).to_contain_text("again.json")
        confirm.get_by_role("button", name="Cancel", exact=True).click()
        expect(confirm).to_have_count(0)
    expect_clients(page, DEMO)


# Refused files -----------------------------------------------------------------------------
def bad_files(document: dict, sqlite_data: bytes, tmp_path) -> Iterator[tuple[str, bytes, str]]:
    """(file name, bytes, a pattern of the whole message shown) for each kind of file refused."""
    yield "empty.json", b"", re.escape("This file is empty.")
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(64)
    yield "photo.png", png, re.escape("This is neither a Fascicolo JSON export nor an SQLite file.")
    yield ("hello.json", b'{"hello": 1}',
           re.escape("This JSON file is not a Fascicolo export (its format is not “fascicolo-dataset”)."))
    yield ("future.json", encode({**document, "version": 3}), re.escape(
        "This file is in format version 3; this app reads versions 1, 2. Export it again from an up-to-date Fascicolo."))
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    with db:
        db.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT)")
        db.execute("INSERT INTO foo (bar) VALUES ('baz')")
    db.close()
    yield ("other.sqlite", other.read_bytes(),
           re.escape("This SQLite file is not a Fascicolo database: its tables are different."))
    yield "truncated.sqlite", sqlite_data[:10_000], re.escape("This SQLite file is damaged and cannot be read.")


def expect_refused(page: Page, name: str, data: bytes, message: str) -> None:
    """The file is refused with `message` (a pattern) beside the input; nothing is asked or changed."""
    choose_dataset(page, name, data, "application/vnd.sqlite3" if name.endswith(".sqlite") else "application/json")
    expect(page.locator("#import-dataset-error"), name).to_have_text(re.compile(f"^{message}$"))
    expect(dataset_input(page), name).to_have_attribute("aria-invalid", "true")
    expect(dataset_input(page), name).to_have_attribute("aria-describedby", re.compile(r"\bimport-dataset-error\b"))
    expect(dataset_input(page), name).to_have_accessible_description(re.compile(message))  # hint, message
    expect(page.get_by_text(f"Reading {name}…"), name).to_have_count(0)
    expect(page.get_by_role("alertdialog"), name).to_have_count(0)
    expect(undo_button(page), name).to_have_count(0)
    expect_clients(page, DEMO)


def test_refused_files_say_why_next_to_the_input_and_change_nothing(page: Page, tmp_path) -> None:
    _, document = export_json(page, tmp_path)
    sqlite_data = download(page, "Export SQLite", tmp_path)
    saved(page)
    generation = page.evaluate(GENERATION)
    for name, data, message in bad_files(document, sqlite_data, tmp_path):
        expect_refused(page, name, data, message)
        assert page.evaluate(GENERATION) == generation, f"{name}: something was stored"
        open_data_page(page)
    reload(page)
    expect_clients(page, DEMO)


def sqlite_edited(sqlite_data: bytes, statement: str) -> bytes:
    """The export with `statement` run on it, CHECKs and links not enforced."""
    data = bytearray(sqlite_data)
    data[18:20] = b"\x01\x01"   # as a rollback file: the same pages, readable in memory
    db = sqlite3.connect(":memory:")
    db.deserialize(bytes(data))
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute(statement)
    db.commit()
    edited = db.serialize()
    db.close()
    return edited


def test_sqlite_checks_the_chosen_file_in_a_worker_and_what_it_finds_is_said_beside_the_input(page: Page, tmp_path) -> None:
    open_data_page(page)
    sqlite_data = download(page, "Export SQLite", tmp_path)
    saved(page)
    generation = page.evaluate(GENERATION)
    # SQLite's checks run in a worker of its own while the page checks the records.
    with page.expect_worker(lambda worker: worker.url.endswith("/assets/sqlite-check.mjs")):
        broken_check = "UPDATE invoice SET amount_cents = -5 WHERE id = (SELECT min(id) FROM invoice)"
        expect_refused(page, "check-broken.sqlite", sqlite_edited(sqlite_data, broken_check),
                       re.escape("This SQLite file is damaged and cannot be read."))
    open_data_page(page)
    broken_link = "UPDATE note SET account_id = 999999 WHERE id = (SELECT min(id) FROM note)"
    expect_refused(page, "link-broken.sqlite", sqlite_edited(sqlite_data, broken_link),
                   re.escape("The file was not imported: a record breaks a rule (links to missing records in note)."))
    assert page.evaluate(GENERATION) == generation


def test_a_record_broken_deep_inside_is_named_and_nothing_changes(page: Page, tmp_path) -> None:
    _, document = export_json(page, tmp_path)
    saved(page)
    generation = page.evaluate(GENERATION)
    assert len(document["invoices"]) > 40
    invoices = [dict(invoice) for invoice in document["invoices"]]
    invoices[40]["amount_cents"] = -5  # counted from 1 in the message, as people count
    message = re.escape("The file was not imported: invoices › 41 › amount_cents is not valid (") + r".+\)\."
    expect_refused(page, "broken.json", encode({**document, "invoices": invoices}), message)
    expect(app_error(page)).to_have_count(0)
    assert page.evaluate(GENERATION) == generation


# Imported text ------------------------------------------------------------------------------

def test_markup_in_an_imported_file_shows_as_text(page: Page, site_url: str, fired: list[str], tmp_path) -> None:
    _, document = export_json(page, tmp_path)
    # An account name may not hold < or > (the app's own rule): such a file is refused, named.
    renamed = [dict(a, name=PAYLOAD) if i == 0 else a for i, a in enumerate(document["accounts"])]
    open_data_page(page)
    expect_refused(page, "names.json", encode({**document, "accounts": renamed}),
                   re.escape("The file was not imported: accounts › 1 › name is not valid (Must not contain")
                   + ".*")
    assert_inert(page, fired)
    # A person's name and a note body may: they show as text.
    link = document["account_contacts"][0]
    people = [dict(c, last_name=PAYLOAD) if c["id"] == link["contact_id"] else c for c in document["contacts"]]
    at = next(i for i, n in enumerate(document["notes"]) if n["account_id"] != link["account_id"])
    note = dict(document["notes"][at], body=PAYLOAD)
    changed = {**document, "contacts": people,
               "notes": [*document["notes"][:at], note, *document["notes"][at + 1:]]}
    open_data_page(page)
    import_dataset(page, "markup.json", encode(changed), DEMO, len(document["contacts"]))
    assert_inert(page, fired)

    search_box(page).fill(PAYLOAD)   # contacts' names are searched too
    expect(results(page).get_by_role("option")).to_have_count(1)
    assert_inert(page, fired)
    search_box(page).fill("")

    page.goto(f"{site_url}#/accounts/{link['account_id']}/info")
    expect(page.get_by_text(re.compile(re.escape(PAYLOAD))).first).to_be_visible()
    expect(app_error(page)).to_have_count(0)
    assert_inert(page, fired)

    go_to_account(page, site_url, note["account_id"])
    expect(notes(page).get_by_text(PAYLOAD, exact=True)).to_be_visible()
    assert_inert(page, fired)
