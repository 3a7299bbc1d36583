"""Runs long work (services.steps) a slice at a time, so the page stays responsive.

Each slice runs steps for about 20 ms, then the browser paints the progress and handles
what the person did meanwhile (a click on another link is handled within ~20 ms). Between
slices the database is *held*: another write would join the work's open transaction, so it
is refused with Busy until the work ends. One piece of work runs at a time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.services.steps import Progress, Steps, Waiting
from app.store import turns
from app.store.db import Busy
from app.ui.components.work_progress import BAR_ID, CANCEL_ID, LINE_ID, WorkView, progress_line, work_progress

if TYPE_CHECKING:
    from app.ui.context import Context

REGION = "work"
SLICE_S = 0.02
# The bar is redrawn at most this often: each redraw costs the page a frame (style, layout,
# paint), and a bar moving ten times a second reads as moving.
SHOW_EVERY_S = 0.1
WAIT_S = 0.01   # between two looks at work running elsewhere (a worker's answer)


@dataclass
class Job:
    title: str
    steps: Steps[Any]
    done: Callable[[Any], None]
    cancellable: bool
    on_cancelled: Callable[[], None]
    failed: Callable[[Exception], None]
    progress: Progress = field(default_factory=lambda: Progress("work.starting"))
    cancelled: bool = False


class WorkRunner:
    def __init__(self, ctx: Context, pause: Callable[[], None] | None = None) -> None:
        self.ctx = ctx
        self.pause = pause   # lets the browser run in the middle of a long call (app.store.turns)
        self.job: Job | None = None
        self._shown_at = 0.0

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, title: str, steps: Steps[Any], done: Callable[[Any], None], cancellable: bool = True,
              on_cancelled: Callable[[], None] = lambda: None,
              failed: Callable[[Exception], None] | None = None) -> asyncio.Future:
        """Run `steps` in slices; `done` gets their result, `failed` what they raised (by default
        shown as an unexpected error). Returns the task (tests await it)."""
        if self.job is not None:
            steps.close()
            raise Busy("another task is running")
        self.job = Job(title, steps, done, cancellable, on_cancelled, failed or self.ctx.show_error)
        self._show()
        if cancellable:   # where the person is: the progress is read out, Cancel is at hand
            self.ctx.changed(focus=CANCEL_ID)
        return asyncio.ensure_future(self._drive(self.job))

    def cancel(self, _event: Any = None) -> None:
        if self.job is not None and self.job.cancellable:
            self.job.cancelled = True   # the work stops at its next turn, within one slice

    async def _drive(self, job: Job) -> None:
        try:
            while True:
                # The browser paints and handles input here; it idles while the work waits.
                await asyncio.sleep(WAIT_S if isinstance(job.progress, Waiting) else 0)
                if job.cancelled:
                    job.steps.close()    # its open transaction rolls back; nothing was committed
                    self._end()
                    job.on_cancelled()
                    return
                finished, result = self._slice(job)
                if finished:
                    break
                self._update(job)
        except Exception as error:  # noqa: BLE001 - handed on: shown next to the input, or as unexpected
            self._end()
            job.failed(error)
            return
        self._end()
        job.done(result)

    def _slice(self, job: Job) -> tuple[bool, Any]:
        """Run steps for one slice; (True, result) once the work is done."""
        db = self.ctx.db
        db.held = False
        deadline = time.perf_counter() + SLICE_S
        try:
            with turns.lending(self._turn):
                while time.perf_counter() < deadline:
                    job.progress = next(job.steps)
                    if isinstance(job.progress, Waiting):
                        break
        except StopIteration as stop:
            return True, stop.value
        finally:
            db.held = True
        return False, None

    def _turn(self) -> None:
        """The page's turn in the middle of one long SQLite call: as between slices, the
        database is held meanwhile, so nothing else writes into the work's transaction."""
        if self.pause is None:
            return
        self.ctx.db.held = True
        try:
            self.pause()
        finally:
            self.ctx.db.held = False

    def _end(self) -> None:
        self.ctx.db.held = False
        self.job = None
        on_cancel = self.ctx.dom.focused_id() == CANCEL_ID
        self.ctx.dom.mount(REGION, None)
        if on_cancel:   # not lost with the button: back to the page (what ends the work may move it on)
            self.ctx.dom.focus("page-title")

    def _view(self, job: Job) -> WorkView:
        t = self.ctx.t
        return WorkView(job.title, progress_line(t, job.progress.what, job.progress.percent),
                        job.progress.percent, job.cancellable)

    def _show(self) -> None:
        self._shown_at = time.perf_counter()
        if self.job is not None:
            self.ctx.dom.mount(REGION, work_progress(self.ctx.t, self._view(self.job), self.cancel))

    def _update(self, job: Job) -> None:
        if time.perf_counter() - self._shown_at < SHOW_EVERY_S:
            return
        self._shown_at = time.perf_counter()
        view = self._view(job)
        self.ctx.dom.set_attrs(BAR_ID, {"value": str(view.percent)})
        self.ctx.dom.set_text(LINE_ID, view.line)

    def rerender(self) -> None:
        """After a change of language: the progress in the new words."""
        self._show()
