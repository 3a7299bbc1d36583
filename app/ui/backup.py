"""Where the data before a dataset import waits for "Undo import"."""

from __future__ import annotations

from typing import Protocol


class Backup(Protocol):
    def keep(self, data: bytes) -> None: ...
    def load(self) -> bytes | None: ...
    def drop(self) -> None: ...


class MemoryBackup:
    """For tests and as a fallback; the browser keeps the copy in a file (app.platform.storage)."""

    def __init__(self) -> None:
        self._data: bytes | None = None

    def keep(self, data: bytes) -> None:
        self._data = data

    def load(self) -> bytes | None:
        return self._data

    def drop(self) -> None:
        self._data = None
