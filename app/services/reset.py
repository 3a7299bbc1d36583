"""Starting over (Data page): back to the demo firm, or no clients at all. Owner and admins only."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.domain.access import can_export_dataset
from app.domain.errors import AccessDenied
from app.domain.firm import Member
from app.services.steps import Progress, Steps, run_all
from app.store import open_store
from app.store import reset as reset_store
from app.store.db import Database


def _check(actor: Member) -> None:
    # Whoever may take the whole dataset away may also replace it.
    if not can_export_dataset(actor):
        raise AccessDenied("replace the dataset")


def erase_all_clients(db: Database, actor: Member) -> None:
    """Every client, contact and record goes; the firm, its members, tags and fields stay."""
    _check(actor)
    db.replace_with(reset_store.firm_only(db))


MakeDemo = Callable[[Database], Iterator[tuple[int, int]]]


def reset_to_demo_steps(db: Database, actor: Member, make_demo: MakeDemo) -> Steps[None]:
    """Everything is replaced by a fresh demo firm, made aside (`make_demo` yields its progress)."""
    _check(actor)
    scratch = open_store()
    for made, total in make_demo(scratch):
        yield Progress("work.demo", made, total)
    db.replace_with(scratch)


def reset_to_demo(db: Database, actor: Member, make_demo: MakeDemo) -> None:
    run_all(reset_to_demo_steps(db, actor, make_demo))
