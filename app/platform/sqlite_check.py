"""SQLite's checks of a chosen file (integrity, links), run by a worker while the page checks its
records (assets/sqlite-check.mjs): an app.services.checked_elsewhere.CheckedElsewhere."""

from __future__ import annotations

from typing import Any

import js  # type: ignore[import-not-found]
from pyodide.ffi import create_proxy, jsnull, to_js  # type: ignore[import-not-found]

from app.services.checked_elsewhere import NotChecked

WORKER_URL = "./assets/sqlite-check.mjs"


class WorkerCheck:
    """One file's check in its own worker, ended (and its memory given back) once answered."""

    def __init__(self, file: Any) -> None:
        self._answer: Any = None
        self._failed: str | None = None
        self._worker: Any = None
        self._proxies: list[Any] = []
        try:
            self._worker = js.Worker.new(WORKER_URL, to_js({"type": "module"}, dict_converter=js.Object.fromEntries))
            self._listen("message", self._answered)
            self._listen("error", lambda _event: self._fail("the worker could not start"))
            self._worker.postMessage(file)
        except Exception as error:  # noqa: BLE001 - no worker: the page checks its own copy
            self._fail(str(error))

    def _listen(self, kind: str, handler: Any) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        self._worker.addEventListener(kind, proxy)

    def _answered(self, event: Any) -> None:
        data = event.data.to_py()
        if "failed" in data:
            self._fail(str(data["failed"]))
        else:
            self._answer = data
            self._stop()

    def _fail(self, why: str) -> None:
        self._failed = why
        self._stop()

    def _stop(self) -> None:
        # Its memory (a copy of the file) goes back at once; the listeners go with close().
        if self._worker is not None:
            self._worker.terminate()

    def ready(self) -> bool:
        return self._answer is not None or self._failed is not None

    def problem(self) -> str | None:
        if self._failed is not None:
            raise NotChecked(self._failed)
        problem = self._answer["problem"]
        return None if problem is None or problem is jsnull else str(problem)   # JS null: no damage

    def broken_links(self) -> frozenset[str]:
        return frozenset(str(table) for table in self._answer["broken"])

    def close(self) -> None:
        """Done with: the worker ends, answered or not (the import was cancelled)."""
        self._stop()
        self._worker = None
        for proxy in self._proxies:
            proxy.destroy()
        self._proxies = []


def check_elsewhere(file: Any) -> WorkerCheck:
    return WorkerCheck(file)
