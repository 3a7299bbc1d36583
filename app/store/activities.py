"""Writes of the thirteen kinds of activity record (reads come with the profile issue)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from app.domain import activities as act
from app.store.db import Database

Row = Callable[[Any], Sequence[Any]]

# Flat records: model type -> (table, columns, model -> row values).
_FLAT: dict[type, tuple[str, tuple[str, ...], Row]] = {
    act.Document: ("document", ("account_id", "name", "source", "by_name", "created_at"),
                   lambda r: (r.account_id, r.name, r.source.value, r.by_name, r.created_at.isoformat())),
    act.Task: ("task", ("account_id", "title", "status", "due_on", "assignee_id", "created_at"),
               lambda r: (r.account_id, r.title, r.status.value, _iso(r.due_on), r.assignee_id,
                          r.created_at.isoformat())),
    act.EmailMessage: ("email_message", ("account_id", "subject", "to_address", "status", "sent_at"),
                       lambda r: (r.account_id, r.subject, r.to_address, r.status.value,
                                  r.sent_at.isoformat())),
    act.Job: ("job", ("account_id", "name", "pipeline", "stage", "active", "created_at"),
              lambda r: (r.account_id, r.name, r.pipeline, r.stage, r.active, r.created_at.isoformat())),
    act.Invoice: ("invoice", ("account_id", "number", "issued_on", "due_on", "amount_cents",
                              "paid_cents"),
                  lambda r: (r.account_id, r.number, r.issued_on.isoformat(), r.due_on.isoformat(),
                             r.amount_cents, r.paid_cents)),
    act.Credit: ("credit", ("account_id", "amount_cents", "note", "created_at"),
                 lambda r: (r.account_id, r.amount_cents, r.note, r.created_at.isoformat())),
    act.Approval: ("approval", ("account_id", "document_name", "status", "requested_at"),
                   lambda r: (r.account_id, r.document_name, r.status.value, r.requested_at.isoformat())),
    act.Organizer: ("organizer", ("account_id", "name", "status", "progress", "sent_at"),
                    lambda r: (r.account_id, r.name, r.status.value, r.progress, r.sent_at.isoformat())),
    act.Note: ("note", ("account_id", "body", "author_id", "created_at", "updated_at"),
               lambda r: (r.account_id, r.body, r.author_id, r.created_at.isoformat(),
                          _iso(r.updated_at))),
    act.TimeEntry: ("time_entry", ("account_id", "member_id", "worked_on", "minutes", "description",
                                   "billable"),
                    lambda r: (r.account_id, r.member_id, r.worked_on.isoformat(), r.minutes,
                               r.description, r.billable)),
    act.Proposal: ("proposal", ("account_id", "name", "kind", "status", "sent_at"),
                   lambda r: (r.account_id, r.name, r.kind.value, r.status.value, r.sent_at.isoformat())),
}


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def insert_records(db: Database, records: Iterable[Any]) -> None:
    """Insert flat records of any of the kinds above, grouped by kind for executemany."""
    groups: dict[type, list] = {}
    for record in records:
        groups.setdefault(type(record), []).append(record)
    for kind, items in groups.items():
        table, columns, row = _FLAT[kind]
        marks = ", ".join("?" * len(columns))
        db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                       [row(r) for r in items])


def insert_chat_thread(db: Database, thread: act.ChatThread) -> int:
    thread_id = db.execute("INSERT INTO chat_thread (account_id, subject) VALUES (?, ?)",
                           (thread.account_id, thread.subject)).lastrowid
    db.executemany("INSERT INTO chat_message (thread_id, from_client, sender_name, body, sent_at)"
                   " VALUES (?, ?, ?, ?, ?)",
                   [(thread_id, m.from_client, m.sender_name, m.body, m.sent_at.isoformat())
                    for m in thread.messages])
    return thread_id


def insert_signature_request(db: Database, request: act.SignatureRequest) -> int:
    request_id = db.execute(
        "INSERT INTO signature_request (account_id, document_name, sent_at) VALUES (?, ?, ?)",
        (request.account_id, request.document_name, request.sent_at.isoformat())).lastrowid
    db.executemany("INSERT INTO signature_signer (request_id, contact_id, position, signed_at)"
                   " VALUES (?, ?, ?, ?)",
                   [(request_id, s.contact_id, s.position, _iso(s.signed_at)) for s in request.signers])
    return request_id


def insert_login_events(db: Database, events: Iterable[act.LoginEvent]) -> None:
    db.executemany("INSERT INTO login_event (contact_id, at, mobile) VALUES (?, ?, ?)",
                   [(e.contact_id, e.at.isoformat(), e.mobile) for e in events])


def document_ids(db: Database) -> list[int]:
    return [r[0] for r in db.all("SELECT id FROM document ORDER BY id")]
