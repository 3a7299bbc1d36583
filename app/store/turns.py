"""Long SQLite calls give the page a turn now and then.

Checking one table of a 250 MB file, copying it, or building its index is one SQLite call that
can run for a quarter of a second or more. While long work runs in the browser (app.ui.work),
it lends a `pause` that lets the browser paint and handle input in the middle of such a call
(Pyodide's stack switching); SQLite's progress handler, and a backup's progress, call it about
every EVERY_S. Elsewhere (CPython, the start-up) nothing is lent and nothing pauses.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

EVERY_S = 0.04   # a turn costs the page a frame (a few ms): not more often than a click needs
_OPS = 10_000   # SQLite instructions between two looks at the clock: a fraction of a millisecond


class _Lent:
    pause: Callable[[], None] | None = None
    last = 0.0


_lent = _Lent()


@contextmanager
def lending(pause: Callable[[], None]) -> Iterator[None]:
    """While inside, long SQLite calls run `pause` every EVERY_S (counted from now)."""
    before = _lent.pause, _lent.last
    _lent.pause, _lent.last = pause, time.perf_counter()
    try:
        yield
    finally:
        _lent.pause, _lent.last = before


def take_turn() -> None:
    """Pause if a pause is lent and EVERY_S has gone by since the last turn."""
    pause = _lent.pause
    if pause is not None and time.perf_counter() - _lent.last >= EVERY_S:
        pause()
        _lent.last = time.perf_counter()


def _handler() -> int:
    take_turn()
    return 0   # go on: Cancel is seen between slices, once the call is over


def install(conn: sqlite3.Connection) -> None:
    conn.set_progress_handler(_handler, _OPS)


def backup_progress(_status: int, _remaining: int, _total: int) -> None:
    take_turn()
