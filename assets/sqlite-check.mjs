// SQLite's integrity and link checks of a chosen file, in a worker with its own SQLite (issue #10).
//
// The check reads every page and costs a quarter of an import's time: here it runs on another
// core while the page's Python checks the records of its own copy (app/platform/sqlite_check.py
// starts this worker, app/services/dataset_sqlite.py waits for its answer before any verdict).
// The file is a private copy here and its schema can run no code. One message in: the File. One
// message out: {problem: "..."} as SQLite says it; {problem: null, broken} when the file is sound
// (broken: the tables with a link to a missing record); or {failed: "..."} when the check could
// not run (the page then checks its own copy).
import init from "../vendor/sqlite/index.mjs";

const ready = init({ print: () => {}, printErr: () => {} });   // its start-up notes are not ours to show

const WAL = 2, ROLLBACK = 1;   // bytes 18 and 19 of the header: the journal mode a file was written in

const VIRTUAL = "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'";
const BROKEN = 'SELECT DISTINCT "table" FROM pragma_foreign_key_check';
const CHUNK = 8 * 1024 * 1024;   // read a slice at a time, straight into SQLite's memory: one copy

async function check(file) {
  const sqlite3 = await ready;
  const { capi, wasm } = sqlite3;
  const db = new sqlite3.oo1.DB(":memory:", "c");
  try {
    db.exec("PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA ignore_check_constraints = OFF");
    const pointer = wasm.alloc(file.size);
    for (let at = 0; at < file.size; at += CHUNK) {
      const part = new Uint8Array(await file.slice(at, at + CHUNK).arrayBuffer());
      wasm.heap8u().set(part, pointer + at);   // the heap's view now: it may have grown
    }
    const heap = wasm.heap8u();
    // An in-memory copy cannot read a WAL file's pages: as a rollback file it reads the same ones.
    if (file.size > 19 && heap[pointer + 18] === WAL && heap[pointer + 19] === WAL) {
      heap[pointer + 18] = heap[pointer + 19] = ROLLBACK;
    }
    const rc = capi.sqlite3_deserialize(db.pointer, "main", pointer, file.size, file.size,
      capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc !== 0) throw new sqlite3.SQLite3Error(rc);
    // The search indexes are dropped unchecked, as the page drops them (their pages go to the
    // free list): checking one is checking FTS5's own index, which costs more than a table.
    for (const name of db.selectValues(VIRTUAL)) db.exec(`DROP TABLE "${name.replaceAll('"', '""')}"`);
    // The whole file: every table and index, and every page used once (the free list too).
    const said = db.selectValues("PRAGMA integrity_check(100)");
    if (said.length !== 1 || said[0] !== "ok") return { problem: said.slice(0, 3).join("; ") };
    // Then every link, as the file is: the page uses this unless it migrates the file first.
    return { problem: null, broken: db.selectValues(BROKEN) };
  } catch (error) {
    // SQLite refusing the file is damage; anything else (memory, a missing file) is not a verdict.
    const damaged = error instanceof sqlite3.SQLite3Error;
    return damaged ? { problem: String(error.message || error) } : { failed: String(error) };
  } finally {
    db.close();
  }
}

self.onmessage = async (event) => {
  try {
    self.postMessage(await check(event.data));
  } catch (error) {
    self.postMessage({ failed: String(error) });
  }
};
