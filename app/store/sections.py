"""Reads of the thirteen overview sections (F-OVERVIEW): one query shape for all of them.

Each section is a `Section`: what to select, from where, for which account, ordered by
which date. `fetch` serves the overview (five newest) and the "View all" pages (any page,
either order) with the same SQL, and every query is an index search on the account.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.store.db import Database, placeholders

MEMBER_NAME = "(SELECT first_name || ' ' || last_name FROM member WHERE id = {col})"


@dataclass(frozen=True)
class Section:
    select: str
    source: str
    where: str
    date: str


SECTIONS: dict[str, Section] = {
    "documents": Section(
        "d.id, d.name, d.source, d.by_name, d.created_at AS at, dv.viewed_at IS NULL AS is_new",
        "document d LEFT JOIN document_view dv ON dv.document_id = d.id AND dv.member_id = :member",
        "d.account_id = :account", "d.created_at"),
    "tasks": Section(
        f"t.id, t.title, t.status, t.due_on, t.created_at AS at, {MEMBER_NAME.format(col='t.assignee_id')}"
        " AS assignee", "task t",
        "t.account_id = :account AND t.status IN ('planned', 'in_progress')", "t.created_at"),
    "emails": Section("e.id, e.subject, e.to_address, e.status, e.sent_at AS at", "email_message e",
                      "e.account_id = :account", "e.sent_at"),
    "jobs": Section("j.id, j.name, j.pipeline, j.stage, j.created_at AS at", "job j",
                    "j.account_id = :account AND j.active", "j.created_at"),
    "chats": Section(
        "m.id, t.subject, m.sender_name, m.body, m.sent_at AS at,"
        " r.sender_name AS replied_by, r.sent_at AS replied_at",
        "chat_thread t JOIN chat_message m ON m.thread_id = t.id AND NOT m.from_client"
        " LEFT JOIN chat_message r ON r.id = (SELECT x.id FROM chat_message x WHERE x.thread_id = t.id"
        " AND x.from_client AND x.sent_at > m.sent_at ORDER BY x.sent_at LIMIT 1)",
        "t.account_id = :account", "m.sent_at"),
    "invoices": Section("i.id, i.number, i.issued_on AS at, i.due_on, i.amount_cents, i.paid_cents",
                        "invoice i", "i.account_id = :account AND i.paid_cents < i.amount_cents",
                        "i.issued_on"),
    "approvals": Section("a.id, a.document_name, a.status, a.requested_at AS at", "approval a",
                         "a.account_id = :account AND a.status = 'pending'", "a.requested_at"),
    "signatures": Section(
        "s.id, s.document_name, s.sent_at AS at", "signature_request s",
        "s.account_id = :account AND EXISTS (SELECT 1 FROM signature_signer g"
        " WHERE g.request_id = s.id AND g.signed_at IS NULL)", "s.sent_at"),
    "organizers": Section("o.id, o.name, o.status, o.progress, o.sent_at AS at", "organizer o",
                          "o.account_id = :account", "o.sent_at"),
    "logins": Section(
        "c.id, c.first_name || ' ' || c.last_name AS contact,"
        " (SELECT max(le.at) FROM login_event le WHERE le.contact_id = c.id) AS at",
        "account_contact ac JOIN contact c ON c.id = ac.contact_id", "ac.account_id = :account", "at"),
    "notes": Section(
        f"n.id, n.body, n.author_id, {MEMBER_NAME.format(col='n.author_id')} AS author,"
        " n.created_at AS at, n.updated_at", "note n", "n.account_id = :account", "n.created_at"),
    "time": Section(
        f"te.id, te.worked_on AS at, {MEMBER_NAME.format(col='te.member_id')} AS member,"
        " te.minutes, te.description, te.billable", "time_entry te", "te.account_id = :account",
        "te.worked_on"),
    "proposals": Section("p.id, p.name, p.kind, p.status, p.sent_at AS at", "proposal p",
                         "p.account_id = :account", "p.sent_at"),
}


def _sql(section: Section, newest_first: bool) -> str:
    direction = "DESC" if newest_first else "ASC"
    # NULL dates (a contact who never logged in) go last either way.
    return (f"SELECT {section.select} FROM {section.source} WHERE {section.where}"
            f" ORDER BY {section.date} IS NULL, {section.date} {direction}, 1 {direction}"
            " LIMIT :limit OFFSET :offset")


def fetch(db: Database, name: str, account_id: int, member_id: int, limit: int, offset: int = 0,
          newest_first: bool = True) -> list[sqlite3.Row]:
    params = {"account": account_id, "member": member_id, "limit": limit, "offset": offset}
    return db.all(_sql(SECTIONS[name], newest_first), params)


def count(db: Database, name: str, account_id: int, member_id: int) -> int:
    section = SECTIONS[name]
    return db.scalar(f"SELECT count(*) FROM {section.source} WHERE {section.where}",
                     {"account": account_id, "member": member_id})


def query_plans(db: Database, name: str) -> list[str]:
    """EXPLAIN QUERY PLAN details of the section's page query (for the index tests)."""
    params = {"account": 1, "member": 1, "limit": 5, "offset": 0}
    return [r["detail"] for r in db.all("EXPLAIN QUERY PLAN " + _sql(SECTIONS[name], True), params)]


def signers(db: Database, request_ids: list[int]) -> dict[int, list[sqlite3.Row]]:
    """Signers of each signature request, in signing order, with their names."""
    out: dict[int, list[sqlite3.Row]] = {i: [] for i in request_ids}
    if not request_ids:
        return out
    for row in db.all(
        "SELECT g.request_id, g.position, g.signed_at, c.first_name || ' ' || c.last_name AS name"
        f" FROM signature_signer g JOIN contact c ON c.id = g.contact_id"
        f" WHERE g.request_id IN ({placeholders(len(request_ids))}) ORDER BY g.request_id, g.position",
        request_ids,
    ):
        out[row["request_id"]].append(row)
    return out


def credit_cents(db: Database, account_id: int) -> int:
    """Credit the account holds: money paid in advance, not yet used."""
    return db.scalar("SELECT coalesce(sum(amount_cents), 0) FROM credit WHERE account_id = ?",
                     (account_id,))
