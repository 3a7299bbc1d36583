"""The firm itself: its name and currency, shown everywhere."""

from __future__ import annotations

from app.domain.firm import Firm
from app.store import firm as firm_store
from app.store.db import Database


def firm_info(db: Database) -> Firm:
    return firm_store.get_firm(db) or Firm(name="Fascicolo")


def is_set_up(db: Database) -> bool:
    """Does this database hold a firm (else: a first start, to fill with the demo firm)."""
    return firm_store.get_firm(db) is not None
