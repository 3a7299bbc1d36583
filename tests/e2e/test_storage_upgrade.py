"""Data stored by an earlier version is carried over (issue #10's chunked store).

Before the chunked store (assets/filestore.js), Emscripten's IDBFS kept the database files,
one record per file in the `FILE_DATA` store of an IndexedDB database named `/data`, with the
generation in a file beside them. A firm upgrading must find its data as it left it.
"""

from __future__ import annotations

import base64

from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_ready
from tests.e2e.pages import go_to_clients, showing_total
from tests.e2e.stored_files import stored
from tests.e2e.test_persistence import add_note, first_account, notes, saved

DB_KEY, WAL_KEY = "/data/fascicolo.sqlite", "/data/fascicolo.sqlite-wal"

# The files as the earlier version left them, and nothing in the chunked store.
AS_BEFORE = """async ([files, generation]) => {
  const ask = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error);
                                               r.onblocked = () => ko(new Error('blocked')); });
  await ask(indexedDB.deleteDatabase('fascicolo-files'));
  const open = indexedDB.open('/data', 21);
  open.onupgradeneeded = () => open.result.createObjectStore('FILE_DATA').createIndex('timestamp', 'timestamp');
  const db = await ask(open);
  const tx = db.transaction('FILE_DATA', 'readwrite');
  const store = tx.objectStore('FILE_DATA');
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  for (const [key, b64] of Object.entries(files)) store.put({ timestamp: new Date(), mode: 33206, contents: bytes(b64) }, key);
  store.put({ timestamp: new Date(), mode: 33206, contents: new TextEncoder().encode(String(generation)) },
            '/data/generation');
  await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = tx.onabort = () => ko(tx.error); });
  db.close();
}"""
DATABASES = "async () => (await indexedDB.databases()).map((db) => db.name)"


def test_data_stored_by_the_earlier_version_is_found_and_moved_to_the_new_store(page: Page) -> None:
    saved(page)
    path = first_account(page)
    add_note(page, "Written before the upgrade")
    saved(page)
    files = {key: base64.b64encode(data).decode() for key, (data, _stamps) in stored(page).items()
             if key in (DB_KEY, WAL_KEY)}
    generation = int(page.evaluate("localStorage.getItem('fascicolo.saved')"))
    page.evaluate(AS_BEFORE, [files, generation])
    assert "fascicolo-files" not in page.evaluate(DATABASES)

    page.reload()
    wait_ready(page)
    page.goto(page.url.split("#")[0] + "#" + path)
    expect(notes(page)).to_contain_text("Written before the upgrade")
    saved(page)
    # Moved: in the new store, and the old copy gone once the new one was written.
    assert "/data" not in page.evaluate(DATABASES)
    assert DB_KEY in stored(page)

    add_note(page, "Written after the upgrade")
    saved(page)
    page.reload()
    wait_ready(page)
    page.goto(page.url.split("#")[0] + "#" + path)
    expect(notes(page)).to_contain_text("Written before the upgrade")
    expect(notes(page)).to_contain_text("Written after the upgrade")
    go_to_clients(page)
    assert showing_total(page) == 300
