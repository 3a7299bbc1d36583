"""Starting over (Data page): back to the demo firm, or no clients at all. Owner and admins only."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.access import can_export_dataset
from app.domain.errors import AccessDenied
from app.domain.firm import Member
from app.store import reset as reset_store
from app.store.db import Database


def _check(actor: Member) -> None:
    # Whoever may take the whole dataset away may also replace it.
    if not can_export_dataset(actor):
        raise AccessDenied("replace the dataset")


def erase_all_clients(db: Database, actor: Member) -> None:
    """Every client, contact and record goes; the firm, its members, tags and fields stay."""
    _check(actor)
    with db.transaction():
        reset_store.erase_clients(db)


def reset_to_demo(db: Database, actor: Member, build_demo: Callable[[Database], None]) -> None:
    """Everything is replaced by a fresh demo firm (made by `build_demo`), in one transaction."""
    _check(actor)
    with db.transaction():
        reset_store.erase_everything(db)
        build_demo(db)
