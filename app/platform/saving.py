"""When and what to save, apart from how (no browser here, so CPython tests can drive it).

Generations count the changes of the one dataset the tabs of a browser share. A tab *claims*
the next generation when it commits (so other tabs know not to write over it) and marks it
*saved* once IndexedDB holds it. The two are kept apart: "Saved" is shown, and other tabs are
told, only for what is stored; a commit that lands while a save is in flight is saved by the
same loop before it stops.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

DEBOUNCE_S = 0.15
ABANDONED_S = 30.0            # a claim not saved for this long was left by a tab that went away
CHECKPOINT_BYTES = 4 * 1024 * 1024
BULK_BYTES = 1024 * 1024      # one save's worth of change this big was an import, an erase, a demo firm
IDLE_CHECKPOINT_BYTES = 256 * 1024
IDLE_S = 45.0


@dataclass(frozen=True)
class Claim:
    generation: int
    at: float   # seconds since the epoch; refreshed while its tab is still saving


class Shared(Protocol):
    """What every tab of the browser sees at once (localStorage in the browser)."""

    def claim(self) -> Claim: ...
    def set_claim(self, claim: Claim) -> None: ...
    def saved(self) -> int: ...
    def set_saved(self, generation: int) -> None: ...


class Files(Protocol):
    """The database files and their copy in IndexedDB."""

    async def store(self, generation: int) -> None: ...   # memory -> IndexedDB, with the generation
    def wal_bytes(self) -> int: ...
    def checkpoint(self) -> None: ...


def should_checkpoint(wal_bytes: int, grown: int = 0, idle: bool = False) -> bool:
    """Fold the -wal into the main file when it is big, right after bulk work (`grown` since the
    last save), or when the page is idle and the -wal is not small.

    A checkpoint makes the next save write the main file whole (≈ 200 ms at 53 MB), so not often;
    a big -wal makes every later save and the next start slower.
    """
    return (wal_bytes >= CHECKPOINT_BYTES or grown >= BULK_BYTES
            or (idle and wal_bytes >= IDLE_CHECKPOINT_BYTES))


class SaveLoop:
    def __init__(self, files: Files, shared: Shared, tell_others: Callable[[int], None],
                 clock: Callable[[], float] = time.time, debounce: float = DEBOUNCE_S) -> None:
        self.files, self.shared, self._tell_others, self._clock = files, shared, tell_others, clock
        self._debounce = debounce   # commits in quick succession share one save
        # Told "saving", "saved", or "failed" with the reason.
        self.on_state: Callable[[str, str | None], None] = lambda _state, _detail: None
        self.generation = 0   # the change this tab's copy holds
        self.stored = 0       # the change IndexedDB holds, as far as this tab knows
        self._task: asyncio.Task | None = None
        self._wal_at_last_save = 0

    @property
    def pending(self) -> bool:
        return self.stored < self.generation

    def loaded(self, generation: int) -> None:
        """The copy just read from IndexedDB holds `generation`."""
        self.generation = self.stored = generation
        if generation > self.shared.saved():   # the tab that stored it went away before saying so
            self.shared.set_saved(generation)

    def may_write(self) -> bool:
        """False while another tab holds a newer change, stored or on its way there."""
        if self.shared.saved() > self.generation:
            return False
        claim = self.shared.claim()
        return claim.generation <= self.generation or self._clock() - claim.at > ABANDONED_S

    def committed(self) -> None:
        """After each commit: claim the next generation, then save soon."""
        self.generation = max(self.generation, self.shared.claim().generation, self.shared.saved()) + 1
        self.shared.set_claim(Claim(self.generation, self._clock()))
        self.save_soon(self._debounce)

    def save_soon(self, delay: float, checkpoint: bool = True) -> Awaitable[None]:
        """Save what is not stored yet; one loop at a time, which saves every commit made meanwhile."""
        if self._task is None or self._task.done():
            self.on_state("saving", None)
            self._task = asyncio.ensure_future(self._save(delay, checkpoint))
        return self._task

    async def _save(self, delay: float, checkpoint: bool) -> None:
        await asyncio.sleep(delay)
        while True:
            target = self.generation
            wal = self.files.wal_bytes()
            if checkpoint and should_checkpoint(wal, wal - self._wal_at_last_save):
                self.files.checkpoint()
            try:
                await self.files.store(target)
            except OSError as error:
                self.on_state("failed", str(error))   # the data stays in memory; retry() tries again
                return
            self.stored, self._wal_at_last_save = target, self.files.wal_bytes()
            self.shared.set_saved(max(target, self.shared.saved()))
            if self.generation == target:
                break
            self.shared.set_claim(Claim(self.generation, self._clock()))   # still saving: not abandoned
        self._tell_others(target)
        self.on_state("saved", None)

    def leaving(self) -> None:
        """The page is going away (pagehide) with a change not stored: one last try, and the
        claim is let go at once, or this very tab, reloaded, would wait 30 s to write again."""
        if self.pending:
            self.save_soon(0, checkpoint=False)   # a checkpoint now could be cut off half saved
            claim = self.shared.claim()
            if claim.generation == self.generation:
                self.shared.set_claim(Claim(claim.generation, 0.0))

    async def checkpoint_if_idle(self) -> None:
        """Called when the page has been idle a while: fold a middling -wal in, then save."""
        if not self.pending and should_checkpoint(self.files.wal_bytes(), idle=True):
            self.files.checkpoint()
            await self.save_soon(0)   # the same generation, now in the main file
