"""Slices of long work sized to take about the same time each, on any machine (issue #10).

The browser (Pyodide) runs Python about twice as slowly as CPython, and records differ in
cost (a note of 100 kB, a link of two ids), so a fixed number of records per slice would be
either too many for the page to stay responsive or far too few to finish soon. Measuring
each slice and sizing the next one keeps every slice near the target.
"""

from __future__ import annotations

import time

TARGET_SECONDS = 0.012   # well under the ~50 ms a page may be busy without feeling stuck


class Pace:
    def __init__(self, first: int = 200, most: int = 50_000, target: float = TARGET_SECONDS) -> None:
        self.size = first
        self._most = most
        self._target = target
        self._started = 0.0

    def start(self) -> int:
        """Begin a slice; returns how many items it should hold."""
        self._started = time.perf_counter()
        return self.size

    def done(self, items: int) -> None:
        """The slice just begun is over, with `items` done: size the next one."""
        elapsed = max(time.perf_counter() - self._started, 1e-4)
        if items:
            wanted = int(items * self._target / elapsed)
            # Grow gently (one slow slice after many fast ones must stay short), shrink at once.
            self.size = max(1, min(self._most, wanted, 2 * self.size))
