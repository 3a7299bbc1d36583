"""Durable storage in the browser, shared safely between tabs (F-MORE-2).

The database files live in memory (Emscripten's MEMFS) and are kept in IndexedDB in chunks
(assets/filestore.js): a save writes only the chunks written since the last one, a few per
browser task, so the page never stops for it. The database runs in WAL mode (app.store.db), so
the save after a commit writes the end of the -wal; a checkpoint now and then folds it into the
main file (app.platform.saving says when), and the save after it writes the pages it moved.

Tabs: every tab keeps its own copy of the files in memory. The save loop counts the shared
dataset's changes in generations and tells the other tabs over a BroadcastChannel once a
change is stored; they reload it. Reloading closes the database first, then reads the files,
then opens it again: SQLite keeps the WAL index in memory, and files changed under an open
connection end up corrupt (DESIGN.md §4).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

import js  # type: ignore[import-not-found]
import pyodide_js  # type: ignore[import-not-found]
from pyodide.ffi import (  # type: ignore[import-not-found]
    JsException,
    create_once_callable,
    create_proxy,
    jsnull,
)

from app.domain.errors import StaleCopy
from app.platform.saving import IDLE_S, Claim, SaveLoop
from app.store.db import Database

DATA_DIR = "/data"
KEPT_DIR = "/kept"   # damaged copies set aside: a store of their own, never read at start
DB_PATH = f"{DATA_DIR}/fascicolo.sqlite"
# Before the chunked store, IDBFS kept /data in an IndexedDB database named after it, and the
# generation in a file beside the data: read once, then dropped (see `_from_idbfs`).
IDBFS_NAME = DATA_DIR
_IDBFS_GENERATION = f"{DATA_DIR}/generation"
_LEGACY = (f"{DATA_DIR}/before-import.sqlite", _IDBFS_GENERATION)
CLAIM_KEY, SAVED_KEY, CLOSED_KEY = "fascicolo.claim", "fascicolo.saved", "fascicolo.closed-at"
CHANNEL = "fascicolo"
KEEP_DAMAGED = 3


def _done_callback(future: asyncio.Future) -> Any:
    def done(error: Any = None) -> None:
        if error is None or error is jsnull:
            future.set_result(None)
        else:
            future.set_exception(OSError(str(error)))
    return create_once_callable(done)


async def _sync_one(path: str, populate: bool) -> None:
    """The same for the one store mounted at `path`."""
    future = asyncio.get_event_loop().create_future()
    mount = pyodide_js.FS.lookupPath(path).node.mount
    pyodide_js.FS.filesystems.IDBFS.syncfs(mount, populate, _done_callback(future))
    await future


def _mount(path: str) -> None:
    if not os.path.isdir(path):
        pyodide_js.FS.mkdir(path)
    pyodide_js.FS.mount(pyodide_js.FS.filesystems.IDBFS, js.Object.new(), path)


class LocalShared:
    """The generations every tab sees at once, in localStorage."""

    def claim(self) -> Claim:
        generation, _, at = (_get(CLAIM_KEY) or "0:0").partition(":")
        return Claim(int(generation), float(at or 0))

    def set_claim(self, claim: Claim) -> None:
        js.localStorage.setItem(CLAIM_KEY, f"{claim.generation}:{claim.at}")

    def saved(self) -> int:
        return int(_get(SAVED_KEY) or 0)

    def set_saved(self, generation: int) -> None:
        js.localStorage.setItem(SAVED_KEY, str(generation))


def _get(key: str) -> str | None:
    value = js.localStorage.getItem(key)
    return None if value is None or value is jsnull else str(value)


async def _chunked(call: Any) -> Any:
    """Await one of filestore.js's promises; its failure (quota, a closed database) as OSError."""
    try:
        return await call
    except JsException as error:
        raise OSError(str(error)) from error


async def save_files(generation: int) -> None:
    await _chunked(js.fascicoloFiles.save(pyodide_js.FS, DATA_DIR, generation))


async def load_files() -> int | None:
    """The stored files into DATA_DIR; their generation, or None when nothing is stored."""
    generation = await _chunked(js.fascicoloFiles.load(pyodide_js.FS, DATA_DIR))
    return None if generation is None or generation is jsnull else int(generation)


class IdbFiles:
    """The database files and their copy in IndexedDB."""

    def __init__(self) -> None:
        self.db: Database | None = None

    async def store(self, generation: int) -> None:
        await save_files(generation)

    def wal_bytes(self) -> int:
        return self.db.wal_bytes() if self.db else 0

    def checkpoint(self) -> None:
        if self.db is None:
            return
        self.db.checkpoint()
        if os.path.exists(self.db.wal_path):
            # Emscripten's truncate leaves the mtime alone, and IDBFS would keep the old, full -wal.
            os.utime(self.db.wal_path)


def _reserve(path: str, size: int) -> None:
    """Room for `size` bytes in the file at `path` at once (MEMFS grows a file by copying it)."""
    pyodide_js.FS.filesystems.MEMFS.expandFileStorage(pyodide_js.FS.lookupPath(path).node, size)


async def _from_idbfs() -> int | None:
    """Files an older version kept with IDBFS, moved to the chunked store (once); their generation."""
    if not await js.fascicoloFiles.exists(IDBFS_NAME):
        return None
    moving = "/moving"
    os.makedirs(moving, exist_ok=True)
    _mount(DATA_DIR)   # IDBFS names its IndexedDB database after the mount point
    await _sync_one(DATA_DIR, True)
    generation = 0
    for name in os.listdir(DATA_DIR):
        if f"{DATA_DIR}/{name}" == _IDBFS_GENERATION:
            with open(_IDBFS_GENERATION) as file:
                generation = int(file.read() or 0)
        else:   # a copy: a rename cannot leave the mount
            with open(f"{DATA_DIR}/{name}", "rb") as source, open(f"{moving}/{name}", "wb") as target:
                target.write(source.read())
    pyodide_js.FS.unmount(DATA_DIR)
    for name in os.listdir(moving):
        os.replace(f"{moving}/{name}", f"{DATA_DIR}/{name}")
    await save_files(generation)   # stored the new way before the old copy goes
    await _chunked(js.fascicoloFiles.drop(pyodide_js.FS, IDBFS_NAME))
    return generation


class BrowserStorage:
    def __init__(self) -> None:
        self.files = IdbFiles()
        self._channel = js.BroadcastChannel.new(CHANNEL)
        self.loop = SaveLoop(self.files, LocalShared(), self._channel.postMessage)
        self._on_remote: Callable[[], None] = lambda: None
        self._last_commit = time.monotonic()
        self._proxies = [create_proxy(self._message), create_proxy(self._before_unload),
                         create_proxy(self._page_hide)]
        self._channel.addEventListener("message", self._proxies[0])
        js.window.addEventListener("beforeunload", self._proxies[1])
        js.window.addEventListener("pagehide", self._proxies[2])

    async def open(self) -> bool:
        """Mount and load the stored files; True if the last session ended cleanly (no full check needed)."""
        os.makedirs(DATA_DIR, exist_ok=True)
        generation = await load_files()
        if generation is None:
            generation = await _from_idbfs()
        for path in _LEGACY:   # an older version's undo copy: its data is also in the database
            if os.path.exists(path):
                os.remove(path)
        self.loop.loaded(generation or 0)
        return _get(CLOSED_KEY) == str(self.loop.generation)

    def attach(self, db: Database) -> None:
        """Save `db` after each of its commits; refuse its writes while another tab is ahead."""
        self.files.db = db
        db.reserve = _reserve
        db.on_commit(self._committed)
        db.write_guard = self._fresh_enough
        asyncio.ensure_future(self._checkpoint_when_idle())

    def _committed(self) -> None:
        self._last_commit = time.monotonic()
        self.loop.committed()

    def _fresh_enough(self) -> None:
        if not self.loop.may_write():
            self.refresh()
            raise StaleCopy("another tab saved a newer copy")

    @property
    def pending(self) -> bool:
        return self.loop.pending

    def retry(self) -> None:
        self.loop.save_soon(0)

    async def set_aside(self) -> str:
        """Move a damaged database to a store of its own (kept, never loaded at start)."""
        _mount(KEPT_DIR)
        await _sync_one(KEPT_DIR, True)
        kept = f"{KEPT_DIR}/fascicolo-damaged-{int(time.time())}.sqlite"
        for source, target in ((DB_PATH, kept), (f"{DB_PATH}-wal", f"{kept}-wal")):
            if os.path.exists(source):
                with open(source, "rb") as file, open(target, "wb") as copy:
                    copy.write(file.read())
                os.remove(source)
        for old in sorted(n for n in os.listdir(KEPT_DIR) if not n.endswith("-wal"))[:-KEEP_DAMAGED]:
            for name in (old, f"{old}-wal"):
                if os.path.exists(f"{KEPT_DIR}/{name}"):
                    os.remove(f"{KEPT_DIR}/{name}")
        await _sync_one(KEPT_DIR, False)   # the copy is stored before the database leaves /data
        await save_files(self.loop.generation)
        pyodide_js.FS.unmount(KEPT_DIR)   # out of memory again
        return kept

    def on_remote_change(self, callback: Callable[[], None]) -> None:
        self._on_remote = callback

    def _message(self, event: Any) -> None:
        # Not while long work holds the database: its commit asks the guard, which reloads then.
        if int(event.data) > self.loop.generation and not self.loop.pending and not self.files.db.held:
            self.refresh()

    def refresh(self) -> None:
        """Load the newer copy another tab saved, then tell the app (soon, not now)."""
        asyncio.ensure_future(self._reload_and_tell())

    async def _reload_and_tell(self) -> None:
        db = self.files.db
        if db.closed:
            return   # a reload is already on its way
        db.close_for_reload()   # closed first, and without a checkpoint (NO_CKPT_ON_CLOSE)
        try:
            generation = await load_files()
        finally:
            db.reopen()
        self.loop.loaded(generation or 0)
        self._on_remote()

    async def _checkpoint_when_idle(self) -> None:
        while True:
            await asyncio.sleep(IDLE_S)
            if time.monotonic() - self._last_commit >= IDLE_S and not self.files.db.closed:
                await self.loop.checkpoint_if_idle()

    def _before_unload(self, event: Any) -> None:
        if self.loop.pending:  # an unsaved change: let the browser ask before leaving
            event.preventDefault()
            event.returnValue = ""

    def _page_hide(self, _event: Any) -> None:
        if self.loop.pending:
            self.loop.leaving()
        else:
            js.localStorage.setItem(CLOSED_KEY, str(self.loop.generation))
