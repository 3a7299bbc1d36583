"""What IndexedDB holds of the database files, read the way assets/filestore.js keeps them.

The `fascicolo-files` database: in `meta`, under "files", each file's id, size and the
generation that last wrote each chunk (its stamps); in `chunks`, the bytes under [id, index].
Read here on their own, without the app's code, so that a test checks what is really stored.
Files are named as the app names them: "/data/fascicolo.sqlite".
"""

from __future__ import annotations

import base64

from playwright.sync_api import Page

DATA = "/data/"

_OPEN = """const ask = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
const open = () => ask(indexedDB.open('fascicolo-files'));
const CHUNK = 256 * 1024;
const base64 = (bytes) => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
  return btoa(text);
};
const whole = async (store, entry) => {
  const bytes = new Uint8Array(entry.size);
  for (let k = 0; k < entry.stamps.length; k++) bytes.set(await ask(store.get([entry.id, k])), k * CHUNK);
  return bytes;
};"""

STORED = _OPEN + """
async () => {
  const db = await open();
  try {
    const tx = db.transaction(['chunks', 'meta']);
    const meta = await ask(tx.objectStore('meta').get('files'));
    const out = {};
    for (const [name, entry] of Object.entries(meta ? meta.files : {}))
      out['/data/' + name] = { data: base64(await whole(tx.objectStore('chunks'), entry)), stamps: entry.stamps };
    return out;
  } finally { db.close(); }
}"""

# Overwrite [start, end) of a stored file with garbage, its stamps left as they were: the app's
# copy in memory then looks unchanged, so it does not write those chunks back.
DAMAGE = _OPEN + """
async ([name, start, end]) => {
  const db = await open();
  try {
    const tx = db.transaction(['chunks', 'meta'], 'readwrite');
    const entry = (await ask(tx.objectStore('meta').get('files'))).files[name];
    if (entry.size < end) throw new Error('the stored file is only ' + entry.size + ' bytes');
    const chunks = tx.objectStore('chunks');
    for (let k = Math.floor(start / CHUNK); k <= Math.floor((end - 1) / CHUNK); k++) {
      const bytes = await ask(chunks.get([entry.id, k]));
      for (let i = Math.max(start, k * CHUNK); i < Math.min(end, (k + 1) * CHUNK); i++) bytes[i - k * CHUNK] = (i * 7) % 256;
      chunks.put(bytes, [entry.id, k]);
    }
    await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = tx.onabort = () => ko(tx.error); });
  } finally { db.close(); }
}"""


def stored(page: Page) -> dict[str, tuple[bytes, tuple[int, ...]]]:
    """Each stored file's bytes and stamps (which change only where a save wrote the file)."""
    return {key: (base64.b64decode(value["data"]), tuple(value["stamps"]))
            for key, value in page.evaluate(STORED).items()}


def damage(page: Page, key: str, start: int, end: int) -> None:
    page.evaluate(DAMAGE, [key.removeprefix(DATA), start, end])
