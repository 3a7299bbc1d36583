// The database files' durable copy in IndexedDB, kept in chunks (issue #10).
//
// Emscripten's IDBFS stores each changed file whole, in one call that blocks the page: after a
// checkpoint of a 274 MB database the page froze for more than a second. Here a file is kept
// as chunks of CHUNK bytes. Writes to the in-memory files (MEMFS) are tracked, so a save puts
// only the chunks written since the last one, a few per browser task, all in one IndexedDB
// transaction: all or nothing. Chunks belong to a file's id, not to its name, so a rename (the
// data kept aside for "Undo import") writes nothing. Another tab reads back only the chunks
// that changed. app/platform/storage.py drives this; the page gets `window.fascicoloFiles`.
(function () {
  "use strict";
  const NAME = "fascicolo-files";
  const CHUNKS = "chunks", META = "meta", META_KEY = "files";
  const CHUNK = 256 * 1024;
  const TASK_BYTES = 4 * 1024 * 1024;   // copied per task: a few milliseconds
  const TRANSIENT = /\.new$/;            // a replacement being written: never kept
  const APPEND_ONLY = /-wal$/;           // written during a save without spoiling it (see save)
  const ATTEMPTS = 5;

  let connection = null;
  let tracked = false;

  const ask = (request) => new Promise((ok, ko) => {
    request.onsuccess = () => ok(request.result);
    request.onerror = () => ko(request.error);
  });
  const finished = (tx) => new Promise((ok, ko) => {
    tx.oncomplete = () => ok();
    tx.onerror = tx.onabort = () => ko(tx.error || new Error("the save was abandoned"));
  });

  function open() {
    if (connection) return Promise.resolve(connection);
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(CHUNKS);
      request.result.createObjectStore(META);
    };
    return ask(request).then((db) => {
      db.onversionchange = () => { db.close(); connection = null; };
      connection = db;
      return db;
    });
  }

  // Every write to a kept file marks the chunks it touches.
  function track(FS) {
    if (tracked) return;
    const ops = FS.filesystems.MEMFS.ops_table.file.stream;
    const write = ops.write;
    ops.write = function (stream, buffer, offset, length, position, canOwn) {
      const kept = stream.node.kept;
      if (kept && length > 0) {
        for (let k = Math.floor(position / CHUNK); k <= Math.floor((position + length - 1) / CHUNK); k++) {
          kept.dirty.add(k);
        }
      }
      return write.call(this, stream, buffer, offset, length, position, canOwn);
    };
    tracked = true;
  }

  const count = (size) => Math.ceil(size / CHUNK);

  function localFiles(FS, dir) {
    const files = new Map();
    for (const name of FS.readdir(dir)) {
      if (name === "." || name === ".." || TRANSIENT.test(name)) continue;
      const node = FS.lookupPath(`${dir}/${name}`).node;
      if (FS.isFile(node.mode)) files.set(name, node);
    }
    return files;
  }

  function newId() {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }

  // What a save must write: for each file, the chunks written since its last save, the
  // chunks its change of size touched, or all of it if this id was never stored.
  function plan(files, meta) {
    const storedById = new Map(Object.values(meta.files).map((entry) => [entry.id, entry]));
    const entries = [];
    for (const [name, node] of files) {
      node.kept = node.kept || { id: newId(), dirty: new Set(), stamps: [] };
      const size = node.usedBytes;
      const before = storedById.get(node.kept.id);
      const taken = node.kept.dirty;
      node.kept.dirty = new Set();
      let chunks;
      if (!before) {
        chunks = [...Array(count(size)).keys()];
      } else {
        const changed = new Set([...taken].filter((k) => k < count(size)));
        const from = before.size === size ? count(size) : Math.floor(Math.min(before.size, size) / CHUNK);
        for (let k = from; k < count(size); k++) changed.add(k);
        chunks = [...changed].sort((a, b) => a - b);
      }
      entries.push({ name, node, size, taken, chunks, before });
    }
    return entries;
  }

  class Spoiled extends Error {}

  // A kept file other than the -wal written during the save: the chunks already put may not
  // match the ones still to come (a checkpoint writes the main file), so the save starts over.
  function spoiled(FS, dir, entries) {
    return entries.some((e) => FS.lookupPath(`${dir}/${e.name}`, { noent_okay: true }).node !== e.node
      || (!APPEND_ONLY.test(e.name) && e.node.kept.dirty.size > 0));
  }

  function putChunks(tx, entries, isSpoiled) {
    const chunks = tx.objectStore(CHUNKS);
    const work = entries.flatMap((e) => e.chunks.map((k) => [e, k]));
    return new Promise((ok, ko) => {
      let next = 0;
      const batch = () => {
        if (isSpoiled()) { ko(new Spoiled()); return; }
        if (next >= work.length) { ok(); return; }
        let bytes = 0, last = null;
        while (next < work.length && bytes < TASK_BYTES) {
          const [e, k] = work[next++];
          // A copy: the file's buffer may grow or move, and a view would store all of it.
          const data = e.node.contents ? e.node.contents.slice(k * CHUNK, Math.min((k + 1) * CHUNK, e.size))
            : new Uint8Array(0);
          last = chunks.put(data, [e.node.kept.id, k]);
          bytes += data.length;
        }
        last.onsuccess = batch;   // the next batch in the next task: the page runs in between
        last.onerror = () => ko(last.error);
      };
      batch();
    });
  }

  function newMeta(entries, generation) {
    const files = {};
    for (const e of entries) {
      const stamps = (e.before ? e.before.stamps : []).slice(0, count(e.size));
      while (stamps.length < count(e.size)) stamps.push(generation);
      for (const k of e.chunks) stamps[k] = generation;
      files[e.name] = { id: e.node.kept.id, size: e.size, stamps };
    }
    return { generation, files };
  }

  function dropUnused(tx, entries, meta) {
    const chunks = tx.objectStore(CHUNKS);
    const sizes = new Map(entries.map((e) => [e.node.kept.id, count(e.size)]));
    for (const entry of Object.values(meta.files)) {
      const from = sizes.has(entry.id) ? sizes.get(entry.id) : 0;
      if (from < count(entry.size)) chunks.delete(IDBKeyRange.bound([entry.id, from], [entry.id, Infinity]));
    }
  }

  async function saveOnce(FS, dir, generation) {
    const db = await open();
    const tx = db.transaction([CHUNKS, META], "readwrite");
    const done = finished(tx);
    done.catch(() => {});
    const meta = (await ask(tx.objectStore(META).get(META_KEY))) || { generation: 0, files: {} };
    const entries = plan(localFiles(FS, dir), meta);
    try {
      await putChunks(tx, entries, () => spoiled(FS, dir, entries));
      if (spoiled(FS, dir, entries)) throw new Spoiled();
      const next = newMeta(entries, generation);
      dropUnused(tx, entries, meta);
      tx.objectStore(META).put(next, META_KEY);
      await done;
      for (const e of entries) e.node.kept.stamps = next.files[e.name].stamps.slice();
    } catch (error) {
      for (const e of entries) for (const k of e.taken) e.node.kept.dirty.add(k);   // still to save
      try { tx.abort(); } catch (_) { /* already over */ }
      throw error;
    }
  }

  // Memory -> IndexedDB: every kept file of `dir`, with the generation they hold.
  async function save(FS, dir, generation) {
    track(FS);
    for (let attempt = 1; ; attempt++) {
      try {
        return await saveOnce(FS, dir, generation);
      } catch (error) {
        if (!(error instanceof Spoiled) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  function readChunks(tx, id, wanted, write) {
    const chunks = tx.objectStore(CHUNKS);
    const perTask = Math.max(1, Math.floor(TASK_BYTES / CHUNK));
    return new Promise((ok, ko) => {
      let next = 0;
      const batch = () => {
        if (next >= wanted.length) { ok(); return; }
        const part = wanted.slice(next, next + perTask);
        next += part.length;
        const requests = part.map((k) => chunks.get([id, k]));
        requests.forEach((request, i) => { request.onerror = () => ko(request.error); request.onsuccess = () => {
          if (!request.result) { ko(new Error(`a stored chunk is missing (${id}, ${part[i]})`)); return; }
          write(part[i], request.result);
          if (i === requests.length - 1) batch();
        }; });
      };
      batch();
    });
  }

  // Bring one file to its stored state: the chunks that differ, or the whole file.
  async function readFile(FS, tx, path, entry) {
    let node = FS.lookupPath(path, { noent_okay: true }).node;
    const same = node && node.kept && node.kept.id === entry.id;
    let wanted;
    if (same) {
      const local = node.kept.stamps;
      wanted = entry.stamps.map((stamp, k) => k).filter((k) =>
        k >= local.length || entry.stamps[k] !== local[k] || node.kept.dirty.has(k));
    } else {
      if (node) FS.unlink(path);
      wanted = entry.stamps.map((stamp, k) => k);
    }
    const stream = FS.open(path, same ? "r+" : "w+");
    try {
      if (!same) FS.ftruncate(stream.fd, entry.size);   // one allocation, not one per chunk
      await readChunks(tx, entry.id, wanted, (k, data) => FS.write(stream, data, 0, data.length, k * CHUNK));
      if (stream.node.usedBytes > entry.size) FS.ftruncate(stream.fd, entry.size);
    } finally {
      FS.close(stream);
    }
    node = FS.lookupPath(path).node;
    node.kept = { id: entry.id, dirty: new Set(), stamps: entry.stamps.slice() };
  }

  // IndexedDB -> memory: `dir` made what was last saved; null when nothing is stored yet.
  async function load(FS, dir) {
    track(FS);
    const db = await open();
    const tx = db.transaction([CHUNKS, META], "readonly");   // one snapshot, whatever other tabs do
    const meta = await ask(tx.objectStore(META).get(META_KEY));
    if (!meta) return null;
    for (const [name] of localFiles(FS, dir)) if (!(name in meta.files)) FS.unlink(`${dir}/${name}`);
    for (const [name, entry] of Object.entries(meta.files)) await readFile(FS, tx, `${dir}/${name}`, entry);
    return meta.generation;
  }

  async function exists(name) {
    return (await indexedDB.databases()).some((db) => db.name === name);
  }

  // Delete the IndexedDB database an earlier version kept with IDBFS, once its files are here.
  // IDBFS keeps its connection open, which would block the deletion: closed first. A tab of
  // the earlier version still open blocks it too: the deletion then ends when that tab closes.
  function drop(FS, name) {
    const cached = FS.filesystems.IDBFS.dbs;
    if (cached[name]) { cached[name].close(); delete cached[name]; }
    const request = indexedDB.deleteDatabase(name);
    return new Promise((ok, ko) => {
      request.onsuccess = request.onblocked = () => ok();
      request.onerror = () => ko(request.error);
    });
  }

  window.fascicoloFiles = { save, load, exists, drop, CHUNK, NAME };
})();
