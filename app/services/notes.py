"""Notes on an account: add, edit, delete (F-OVERVIEW-11), checked and validated here.

Anyone who may see the account may add a note; its author, and whoever may edit the
account, may change or delete it.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.access import can_change_note
from app.domain.errors import AccessDenied, NotFound
from app.domain.firm import Member
from app.domain.notes import NoteInput
from app.services.guard import visible_account
from app.store import notes as note_store
from app.store.db import Database


def add_note(db: Database, actor: Member, account_id: int, body: str,
             now: datetime | None = None) -> int:
    note = NoteInput(body=body)  # raises ValidationError before anything is written
    visible_account(db, actor, account_id)
    with db.transaction():
        return note_store.insert_note(db, account_id, actor.id, note.body, now or datetime.now())


def _changeable(db: Database, actor: Member, note_id: int) -> note_store.NoteRow:
    note = note_store.get_note(db, note_id)
    if note is None:
        raise NotFound(f"note {note_id}")
    account = visible_account(db, actor, note.account_id)
    if not can_change_note(actor, note.author_id, account.team_member_ids):
        raise AccessDenied(f"note {note_id}")
    return note


def edit_note(db: Database, actor: Member, note_id: int, body: str,
              now: datetime | None = None) -> None:
    note = NoteInput(body=body)
    _changeable(db, actor, note_id)
    with db.transaction():
        note_store.update_note(db, note_id, note.body, now or datetime.now())


def delete_note(db: Database, actor: Member, note_id: int) -> None:
    _changeable(db, actor, note_id)
    with db.transaction():
        note_store.delete_note(db, note_id)
