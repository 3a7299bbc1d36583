"""The only place with SQL. `open_store` gives a migrated database with its search index wired."""

from __future__ import annotations

from app.store import search
from app.store.db import Database
from app.store.schema import migrate


def open_store(path: str = ":memory:") -> Database:
    db = Database(path)
    migrate(db)
    search.install(db)
    return db
