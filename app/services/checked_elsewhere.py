"""Work done elsewhere while the page goes on: SQLite's check of an imported file, in a worker
(app.platform.sqlite_check), awaited by app.services.dataset_sqlite."""

from __future__ import annotations

from typing import Protocol


class NotChecked(Exception):
    """The check elsewhere could not run (no worker, no memory for it): it is run here instead."""


class CheckedElsewhere(Protocol):
    """SQLite's checks of the same file, running elsewhere (app.platform.sqlite_check): its
    integrity, then its links."""

    def ready(self) -> bool: ...

    def problem(self) -> str | None:
        """Once ready: the damage as SQLite words it, None if there is none. Raises NotChecked."""

    def broken_links(self) -> frozenset[str]:
        """Once ready, with no damage: the tables whose rows link to a record that is not there
        (as the file is, before any migration)."""

    def close(self) -> None:
        """Done with it, answered or not."""
