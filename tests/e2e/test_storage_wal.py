"""Storage at a firm's size (issue #10): a save writes the -wal only, and that holds up.

The database runs in WAL mode: a commit appends to `fascicolo.sqlite-wal`, the save after it
writes that small file, and the main file changes only at a checkpoint. Each test reads what
IndexedDB holds (tests.e2e.stored_files: the files in chunks, each stamped with the save that
last wrote it) to check the files themselves, and opens them with CPython's SQLite.
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Watch, wait_ready
from tests.e2e.pages import download, open_data_page
from tests.e2e.stored_files import stored
from tests.e2e.test_import_csv import choose_csv, csv_bytes, import_button, report
from tests.e2e.test_persistence import add_note, notes, saved
from tests.e2e.test_persistence import first_account as open_first_client

DB_KEY, WAL_KEY = "/data/fascicolo.sqlite", "/data/fascicolo.sqlite-wal"

def open_stored(files: dict[str, tuple[bytes, tuple[int, ...]]], folder: Path) -> sqlite3.Connection:
    """The stored database as SQLite reads it after the page went away: main file and -wal."""
    folder.mkdir(exist_ok=True)
    (folder / "f.sqlite").write_bytes(files[DB_KEY][0])
    if WAL_KEY in files:
        (folder / "f.sqlite-wal").write_bytes(files[WAL_KEY][0])
    conn = sqlite3.connect(folder / "f.sqlite")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    return conn


def test_an_edit_saved_in_the_wal_alone_survives_a_reload_and_a_killed_browser(
        browser: Browser, site_url: str, tmp_path: Path) -> None:
    profile = tmp_path / "profile"

    def start():
        context = browser.browser_type.launch_persistent_context(str(profile), executable_path=CHROMIUM,
                                                                 args=CHROMIUM_ARGS)
        return context, (context.pages[0] if context.pages else context.new_page())

    context, page = start()
    page.goto(site_url)
    wait_ready(page)
    saved(page)
    path = open_first_client(page)
    before = stored(page)
    add_note(page, "Only in the WAL")
    saved(page)
    after = stored(page)
    # The save wrote the -wal and left the main file (≈ the whole firm) where it was.
    assert after[DB_KEY] == before[DB_KEY]
    assert b"Only in the WAL" in after[WAL_KEY][0] and b"Only in the WAL" not in after[DB_KEY][0]

    page.reload()
    wait_ready(page)
    expect(notes(page)).to_contain_text("Only in the WAL")

    # Killed, as a crash or a power cut would: no page hide, no clean close of anything.
    subprocess.run(["pkill", "-KILL", "-f", f"--user-data-dir={profile}"], check=False)
    try:
        context.close()
    except Exception:  # noqa: BLE001, S110 - the browser is gone already
        pass
    context, page = start()
    page.goto(site_url + "#" + path)
    wait_ready(page)   # after an unclean end every page is checked first: the files are whole
    expect(notes(page)).to_contain_text("Only in the WAL")
    context.close()


def test_two_tabs_with_a_checkpoint_between_their_saves_keep_every_change(
        browser: Browser, site_url: str, watch: Watch, tmp_path: Path) -> None:
    context = browser.new_context()
    tab_a, tab_b = context.new_page(), context.new_page()
    for tab in (tab_a, tab_b):
        watch.attach(tab)
    tab_a.goto(site_url)
    wait_ready(tab_a)
    saved(tab_a)
    path = open_first_client(tab_a)
    tab_b.goto(site_url + "#" + path)
    wait_ready(tab_b)
    add_note(tab_a, "First, from tab A")
    saved(tab_a)
    expect(notes(tab_b)).to_contain_text("First, from tab A")

    # A bulk change in tab A: its save checkpoints, so the main file changes under tab B.
    main_before = stored(tab_a)[DB_KEY]
    open_data_page(tab_a)
    rows = [["Account name", "First name", "Last name", "Email"]]
    rows += [[f"Bulk {i} Srl", "Anna", f"Rossi {i}", f"anna.{i}@bulk.example"] for i in range(1500)]
    choose_csv(tab_a, csv_bytes(rows), "bulk.csv")
    import_button(tab_a).click()
    expect(report(tab_a)).to_be_visible()
    saved(tab_a)
    assert stored(tab_a)[DB_KEY] != main_before, "the bulk import was not checkpointed"

    expect(notes(tab_b)).to_contain_text("First, from tab A")
    add_note(tab_b, "Then from tab B")   # tab B has read the checkpointed file before writing
    saved(tab_b)
    tab_a.goto(site_url + "#" + path)
    expect(notes(tab_a)).to_contain_text("Then from tab B")
    add_note(tab_a, "Last, from tab A")
    saved(tab_a)

    conn = open_stored(stored(tab_a), tmp_path / "stored")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = {r[0] for r in conn.execute("SELECT body FROM note")}
    assert {"First, from tab A", "Then from tab B", "Last, from tab A"} <= kept
    assert conn.execute("SELECT count(*) FROM account WHERE name LIKE 'Bulk % Srl'").fetchone()[0] == 1500
    conn.close()
    for tab in (tab_a, tab_b):
        tab.reload()
        wait_ready(tab)
        expect(notes(tab)).to_contain_text("Last, from tab A")
        expect(notes(tab)).to_contain_text("Then from tab B")
    context.close()


def test_an_export_of_a_database_with_changes_in_its_wal_opens_anywhere_and_imports_back(
        page: Page, tmp_path: Path) -> None:
    saved(page)
    path = open_first_client(page)
    add_note(page, "Exported from the WAL")
    saved(page)
    open_data_page(page)
    data = download(page, "Export SQLite", tmp_path)
    assert data[18:20] == b"\x01\x01"   # a file on its own: no -wal beside it
    exported = tmp_path / "exported.sqlite"
    exported.write_bytes(data)
    conn = sqlite3.connect(exported)
    assert conn.execute("SELECT count(*) FROM note WHERE body = 'Exported from the WAL'").fetchone()[0] == 1
    accounts = conn.execute("SELECT count(*) FROM account").fetchone()[0]
    contacts = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
    conn.close()

    page.get_by_label("Import dataset").set_input_files(
        files=[{"name": "exported.sqlite", "mimeType": "application/vnd.sqlite3", "buffer": data}])
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_contain_text(f"accounts: {accounts}, contacts: {contacts}")
    confirm.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("button", name="Undo import")).to_be_visible()
    saved(page)
    page.goto(page.url.split("#")[0] + "#" + path)
    expect(notes(page)).to_contain_text("Exported from the WAL")
