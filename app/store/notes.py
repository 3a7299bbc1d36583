"""Rows of the notes kept on an account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.store.db import Database


@dataclass(frozen=True)
class NoteRow:
    id: int
    account_id: int
    author_id: int
    body: str


def insert_note(db: Database, account_id: int, author_id: int, body: str, at: datetime) -> int:
    return db.execute("INSERT INTO note (account_id, body, author_id, created_at) VALUES (?, ?, ?, ?)",
                      (account_id, body, author_id, at.isoformat(timespec="seconds"))).lastrowid


def get_note(db: Database, note_id: int) -> NoteRow | None:
    row = db.one("SELECT id, account_id, author_id, body FROM note WHERE id = ?", (note_id,))
    return None if row is None else NoteRow(row["id"], row["account_id"], row["author_id"], row["body"])


def update_note(db: Database, note_id: int, body: str, at: datetime) -> None:
    db.execute("UPDATE note SET body = ?, updated_at = ? WHERE id = ?",
               (body, at.isoformat(timespec="seconds"), note_id))


def delete_note(db: Database, note_id: int) -> None:
    db.execute("DELETE FROM note WHERE id = ?", (note_id,))
