"""F-MORE-2: a database damaged in storage is never wiped; the user exports what is readable or starts fresh.

The stored file is damaged the way a disk or a browser bug would: some of its pages are
overwritten with garbage in IndexedDB (tests.e2e.stored_files), then the page is reloaded.
The damaged copy set aside goes to a store of its own, kept by Emscripten's IDBFS (one record
per file of the `FILE_DATA` store in the `/kept` database).
"""

from __future__ import annotations

import base64
import re
import sqlite3

from playwright.sync_api import Page, expect

from tests.e2e.conftest import BOOT_TIMEOUT_MS
from tests.e2e.pages import go_to_clients, reload, showing_total
from tests.e2e.stored_files import damage, stored

DB_KEY = "/data/fascicolo.sqlite"
PAGE_SIZE = 4096
DEMO = 300
DAMAGED_TITLE = "The data stored on this device is damaged. It has been kept as it is; nothing was deleted."
EXPORT = "Export what can be read"
START_FRESH = "Start fresh (keep the damaged copy)"

_OPEN = """const open = (name = '/kept') => new Promise((ok, ko) => {
  const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
const ask = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });"""
READ = _OPEN + """
async (key) => {
  const db = await open();
  try {
    const entry = await ask(db.transaction('FILE_DATA').objectStore('FILE_DATA').get(key));
    // Files the app wrote itself may be stored as Int8Array: read the bytes as bytes.
    const bytes = new Uint8Array(entry.contents.buffer, entry.contents.byteOffset, entry.contents.length);
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192)
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    return btoa(text);
  } finally { db.close(); }
}"""
KEYS = _OPEN + """
async (name) => {
  const db = await open(name);
  try { return await ask(db.transaction('FILE_DATA').objectStore('FILE_DATA').getAllKeys()); }
  finally { db.close(); }
}"""
def saved(page: Page) -> None:
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()


def damaged_notice(page: Page):
    return page.get_by_role("alert").filter(has=page.get_by_role("heading", name=DAMAGED_TITLE, exact=True))


def wait_damaged(page: Page) -> None:
    page.wait_for_selector("html[data-app-state=error]", state="attached", timeout=BOOT_TIMEOUT_MS)
    notice = damaged_notice(page)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("You can export what can still be read, or start fresh")
    expect(notice.get_by_role("button", name=EXPORT, exact=True)).to_be_visible()
    expect(notice.get_by_role("button", name=START_FRESH, exact=True)).to_be_visible()
    expect(page.get_by_role("table", name="Clients")).to_have_count(0)


def account_pages(stored: bytes, tmp_path) -> list[int]:
    """The leaf pages of the `account` table, in the order its rows are read (SQLite's dbstat)."""
    path = tmp_path / "stored.sqlite"
    path.write_bytes(stored)
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT pageno FROM dbstat WHERE name = 'account' AND pagetype = 'leaf' ORDER BY path")
        return [row[0] for row in rows]
    finally:
        db.close()


def damage_the_stored_database(page: Page, tmp_path) -> None:
    """Once the demo firm is saved, fill one page of the account table in the middle with garbage.

    The page is found in the stored file itself: the demo data changes from day to day, and so
    does where each table's pages lie.
    """
    saved(page)
    leaves = account_pages(stored(page)[DB_KEY][0], tmp_path)
    assert len(leaves) >= 3, leaves
    first = leaves[len(leaves) // 2] - 1  # dbstat counts pages from 1
    damage(page, DB_KEY, first * PAGE_SIZE, (first + 1) * PAGE_SIZE)


# As after a crash: the page never said it closed cleanly, so the next start reads every page.
UNCLEAN = "localStorage.removeItem('fascicolo.closed-at')"


def restart_after_a_crash(page: Page) -> None:
    page.add_init_script(UNCLEAN)
    page.reload()


def test_a_damaged_database_offers_what_can_be_read_and_is_never_wiped(page: Page, tmp_path) -> None:
    damage_the_stored_database(page, tmp_path)
    restart_after_a_crash(page)
    wait_damaged(page)

    with page.expect_download() as info:
        damaged_notice(page).get_by_role("button", name=EXPORT, exact=True).click()
    assert re.fullmatch(r"fascicolo-recovered-\d{4}-\d{2}-\d{2}\.sqlite", info.value.suggested_filename)
    path = tmp_path / "recovered.sqlite"
    info.value.save_as(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    accounts = db.execute("SELECT count(*) FROM account").fetchone()[0]
    assert 0 < accounts < DEMO
    assert db.execute("SELECT count(*) FROM member").fetchone()[0] == 6
    db.close()

    page.reload()  # nothing chosen: the damaged file is still there, and so are the choices
    wait_damaged(page)
    assert DB_KEY in stored(page)


def test_start_fresh_keeps_the_damaged_copy_and_the_app_then_starts_normally(page: Page, tmp_path) -> None:
    damage_the_stored_database(page, tmp_path)
    restart_after_a_crash(page)
    wait_damaged(page)
    damaged = stored(page)[DB_KEY][0]

    damaged_notice(page).get_by_role("button", name=START_FRESH, exact=True).click()
    expect(page.locator("html")).to_have_attribute("data-app-state", "ready", timeout=BOOT_TIMEOUT_MS)
    expect(damaged_notice(page)).to_have_count(0)
    go_to_clients(page)
    assert showing_total(page) == DEMO
    saved(page)
    assert DB_KEY in stored(page)
    # Kept in a store of its own, which the app does not read at start (it could be 250 MB).
    kept = [k for k in page.evaluate(KEYS, "/kept") if not k.endswith("-wal")]
    assert len(kept) == 1 and kept[0].startswith("/kept/fascicolo-damaged-"), kept
    assert base64.b64decode(page.evaluate(READ, kept[0])) == damaged  # the damaged copy, byte for byte

    reload(page)  # asserts the app starts normally
    go_to_clients(page)
    assert showing_total(page) == DEMO
