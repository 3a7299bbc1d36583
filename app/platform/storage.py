"""Durable storage in the browser, shared safely between tabs (F-MORE-2).

The database file lives in a directory mounted on Emscripten's IndexedDB file system
(IDBFS). After each commit the file is written to IndexedDB ("Saving…", then "Saved").

Tabs: every tab keeps its own copy of the database in memory. A counter in localStorage
(the generation) counts saved changes across tabs; each save raises it and tells the other
tabs over a BroadcastChannel, and they reload the file. A tab whose copy is older than the
stored generation may not write (its change would overwrite the other tab's): the app asks
`may_write()` before every change and reloads first.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

import js  # type: ignore[import-not-found]
import pyodide_js  # type: ignore[import-not-found]
from pyodide.ffi import create_once_callable, create_proxy, jsnull  # type: ignore[import-not-found]

DATA_DIR = "/data"
DB_PATH = f"{DATA_DIR}/fascicolo.sqlite"
BEFORE_IMPORT_PATH = f"{DATA_DIR}/before-import.sqlite"
GENERATION_KEY = "fascicolo.generation"
CHANNEL = "fascicolo"
DEBOUNCE_S = 0.15


async def _syncfs(populate: bool) -> None:
    """IndexedDB -> memory (populate) or memory -> IndexedDB, awaited."""
    future = asyncio.get_event_loop().create_future()

    def done(error: Any = None) -> None:
        if error is None or error is jsnull:
            future.set_result(None)
        else:
            future.set_exception(OSError(str(error)))
    pyodide_js.FS.syncfs(populate, create_once_callable(done))
    await future


class BrowserStorage:
    def __init__(self) -> None:
        # Told "saving", "saved", or "failed" with the reason; the app plugs in once it runs.
        self.on_state: Callable[[str, str | None], None] = lambda _state, _detail: None
        self._on_remote: Callable[[], None] = lambda: None
        self.generation = 0
        self.pending = False
        self._flush_task: asyncio.Task | None = None
        self._channel = js.BroadcastChannel.new(CHANNEL)
        self._proxies = [create_proxy(self._message), create_proxy(self._before_unload),
                         create_proxy(lambda _e: self.flush_soon(0))]
        self._channel.addEventListener("message", self._proxies[0])
        js.window.addEventListener("beforeunload", self._proxies[1])
        js.window.addEventListener("pagehide", self._proxies[2])

    async def open(self) -> bool:
        """Mount and load the stored files; True if a database was stored before."""
        if not os.path.isdir(DATA_DIR):
            pyodide_js.FS.mkdir(DATA_DIR)
            pyodide_js.FS.mount(pyodide_js.FS.filesystems.IDBFS, js.Object.new(), DATA_DIR)
        await _syncfs(True)
        self.generation = self.stored_generation()
        return os.path.exists(DB_PATH)

    def set_aside(self) -> str:
        """Keep a damaged database under another name; it is saved with the next change."""
        kept = f"{DATA_DIR}/fascicolo-damaged-{int(time.time())}.sqlite"
        os.rename(DB_PATH, kept)
        return kept

    def on_remote_change(self, callback: Callable[[], None]) -> None:
        self._on_remote = callback

    def stored_generation(self) -> int:
        value = js.localStorage.getItem(GENERATION_KEY)
        return 0 if value is None or value is jsnull else int(str(value))

    def may_write(self) -> bool:
        """False when another tab saved a change this tab has not loaded yet."""
        return self.stored_generation() <= self.generation

    def committed(self) -> None:
        """Called after each commit: claim the next generation, save soon."""
        self.generation = max(self.generation, self.stored_generation()) + 1
        js.localStorage.setItem(GENERATION_KEY, str(self.generation))
        self.flush_soon(DEBOUNCE_S)

    def flush_soon(self, delay: float) -> None:
        self.pending = True
        self.on_state("saving", None)
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.ensure_future(self._flush(delay))

    async def _flush(self, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await _syncfs(False)
        except OSError as error:
            self.on_state("failed", str(error))  # the data stays in memory; retry() tries again
            return
        self.pending = False
        self._channel.postMessage(self.generation)
        self.on_state("saved", None)

    def retry(self) -> None:
        self.flush_soon(0)

    async def reload(self) -> None:
        """Load what another tab saved (the caller reopens the database on the new file)."""
        await _syncfs(True)
        self.generation = self.stored_generation()

    def _message(self, event: Any) -> None:
        if int(event.data) > self.generation and not self.pending:
            self.refresh()

    def refresh(self) -> None:
        """Load the newer copy another tab saved, then tell the app (soon, not now)."""
        asyncio.ensure_future(self._reload_and_tell())

    async def _reload_and_tell(self) -> None:
        await self.reload()
        self._on_remote()

    def _before_unload(self, event: Any) -> None:
        if self.pending:  # an unsaved change: let the browser ask before leaving
            event.preventDefault()
            event.returnValue = ""


class FileBackup:
    """The data as it was before the last dataset import, kept beside the database for "Undo import".

    It is written to IndexedDB with the import's own save, so the undo survives a reload.
    """

    def keep(self, data: bytes) -> None:
        with open(BEFORE_IMPORT_PATH, "wb") as file:
            file.write(data)

    def load(self) -> bytes | None:
        try:
            with open(BEFORE_IMPORT_PATH, "rb") as file:
                return file.read()
        except FileNotFoundError:
            return None

    def drop(self) -> None:
        if os.path.exists(BEFORE_IMPORT_PATH):
            os.remove(BEFORE_IMPORT_PATH)
