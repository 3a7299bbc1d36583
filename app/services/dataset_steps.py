"""Steps both kinds of import end with: SQLite's check of every link, a table at a time, and
what is derived from the records (sort names, search indexes) made again, a slice of records
per step, so that no step blocks the page for long (issue #10)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.services.pace import Pace
from app.services.steps import Progress, Steps
from app.store import dataset as dataset_store
from app.store import dataset_check
from app.store.db import Database


@dataclass(frozen=True)
class Phase:
    """A part of the work, given `width` units of a progress bar of `total` from `start`."""

    what: str
    start: int
    width: int
    total: int

    def at(self, done: int, of: int) -> Progress:
        return Progress(self.what, self.start + (self.width * done // of if of else self.width), self.total)


def links_steps(db: Database, rows: dict[str, int], phase: Phase) -> Steps[None]:
    """Every link of every record checked by SQLite (`rows`: list name -> records in it)."""
    broken, done, total = [], 0, sum(rows.values())
    for name, count in rows.items():
        table = dataset_store.TABLES[name]
        if dataset_check.has_broken_links(db, table):
            broken.append(table)
        done += count
        yield phase.at(done, total)
    refused = links_refusal(broken)
    if refused is not None:
        raise refused


def links_refusal(tables: Iterable[str]) -> dataset_store.Rejected | None:
    """The refusal of a file whose `tables` hold links to missing records (None: there are none)."""
    broken = sorted(set(tables))
    return dataset_store.Rejected("links to missing records in " + ", ".join(broken)) if broken else None


def reindex_steps(db: Database, counts: Sequence[int], phase: Phase) -> Steps[None]:
    """The derived data of every account, then of every contact (`counts`: how many of each),
    emptied first. One transaction: the new data is private until it replaces the old, and
    FTS5 builds its index far faster in one than in a commit per slice."""
    pace, done, total = Pace(), 0, sum(counts)
    with db.transaction():
        for reindex in (dataset_store.reindex_accounts, dataset_store.reindex_contacts):
            after = 0
            while True:
                after, count = reindex(db, after, pace.start())
                if not count:
                    break
                pace.done(count)
                done += count
                yield phase.at(done, total)
