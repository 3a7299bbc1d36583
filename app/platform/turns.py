"""The browser's turn in the middle of a long synchronous call (app.store.turns lends it)."""

from __future__ import annotations

import asyncio

from pyodide.ffi import can_run_sync, run_sync  # type: ignore[import-not-found]


def browser_pause() -> None:
    """Let the browser paint and handle input, then carry on where the call was.

    Pyodide suspends the whole call stack, SQLite's C frames included, on a JS promise (JSPI);
    only possible inside an asyncio task started from the event loop, as long work is."""
    if can_run_sync():
        run_sync(asyncio.sleep(0))
