"""A document's details, and who has viewed it (the per-member "New" badge)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from app.store.db import Database


def get_document(db: Database, document_id: int, member_id: int) -> sqlite3.Row | None:
    return db.one("SELECT d.*, dv.viewed_at FROM document d LEFT JOIN document_view dv"
                  " ON dv.document_id = d.id AND dv.member_id = ? WHERE d.id = ?",
                  (member_id, document_id))


def mark_viewed(db: Database, document_id: int, member_id: int, at: datetime) -> None:
    db.execute("INSERT OR IGNORE INTO document_view (document_id, member_id, viewed_at) VALUES (?, ?, ?)",
               (document_id, member_id, at.isoformat(timespec="seconds")))


def viewers(db: Database, document_id: int) -> list[sqlite3.Row]:
    return db.all("SELECT m.first_name || ' ' || m.last_name AS name, dv.viewed_at FROM document_view dv"
                  " JOIN member m ON m.id = dv.member_id WHERE dv.document_id = ? ORDER BY dv.viewed_at",
                  (document_id,))
