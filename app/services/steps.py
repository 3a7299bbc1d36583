"""Long work in steps: a generator that yields its progress and returns its result.

The browser runs the steps a slice at a time and lets the page paint and handle clicks in
between (app.ui.long_work); CPython callers and tests run them at once with `run_all`.
Cancel closes the generator: work that has not committed leaves nothing behind (a scratch
database is dropped, an open transaction rolls back in its `with` block).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    what: str        # a message key saying what is being done, e.g. "work.checking"
    done: int = 0    # units done so far
    total: int = 0   # units in all; 0 while unknown

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0


class Waiting(Progress):
    """Progress while the work waits on something running elsewhere (a worker): the browser's
    runner ends its slice and lets the page idle a moment rather than ask again at once."""


Steps = Generator[Progress, None, T]


def run_all(steps: Steps[T], on_progress: Callable[[Progress], None] = lambda _p: None) -> T:
    """Every step at once (no browser to yield to); returns what the work returns."""
    while True:
        try:
            on_progress(next(steps))
        except StopIteration as stop:
            return stop.value


def chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]

