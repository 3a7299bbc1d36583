"""Store rows of each overview section -> typed cells (columns and their values)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from app.domain.billing import amount_due, payable_with_credit
from app.services.overview_views import Cell


def _t(value) -> Cell:
    return Cell("text", value or "")


def _at(value: str | None) -> Cell:
    return Cell("datetime", value) if value else Cell("never", None)


def _day(value: str | None) -> Cell:
    return Cell("date", value) if value else Cell("text", "")


def documents(row: sqlite3.Row, _ctx: dict) -> tuple[Cell, ...]:
    return (_t(row["name"]), Cell("status", f"source.{row['source']}"), _t(row["by_name"]), _at(row["at"]))


def tasks(row, _ctx):
    return (_t(row["title"]), _day(row["due_on"]), _t(row["assignee"]), Cell("status", f"task.{row['status']}"))


def emails(row, _ctx):
    return (_t(row["subject"]), _at(row["at"]), Cell("status", f"email.{row['status']}"))


def jobs(row, _ctx):
    return (_t(row["name"]), _t(row["pipeline"]), _t(row["stage"]))


def chats(row, _ctx):
    replied = Cell("reply", (row["replied_by"], row["replied_at"])) if row["replied_by"] \
        else Cell("status", "chat.no_reply")
    return (_t(row["subject"]), _t(row["sender_name"]), _at(row["at"]), replied)


def invoices(row, ctx):
    due = amount_due(row["amount_cents"], row["paid_cents"])
    paid_part = "invoice.partial" if row["paid_cents"] else "invoice.unpaid"
    credit = "invoice.credit_yes" if payable_with_credit(due, ctx["credit"]) else "invoice.credit_no"
    return (_t(row["number"]), _day(row["at"]), Cell("money", row["amount_cents"]), Cell("money", due),
            Cell("status", paid_part), Cell("status", credit))


def approvals(row, _ctx):
    return (_t(row["document_name"]), _at(row["at"]), Cell("status", f"approval.{row['status']}"))


def signatures(row, ctx):
    signers = ctx["signers"].get(row["id"], [])
    waiting = [s["name"] for s in signers if s["signed_at"] is None]
    order = [f"{s['position']}. {s['name']}" for s in signers]
    return (_t(row["document_name"]), _at(row["at"]), _t(", ".join(order)), _t(", ".join(waiting)))


def organizers(row, _ctx):
    return (_t(row["name"]), _at(row["at"]), Cell("status", f"organizer.{row['status']}"),
            Cell("percent", row["progress"]))


def logins(row, _ctx):
    return (_t(row["contact"]), _at(row["at"]))


def notes(row, _ctx):
    return (_t(row["body"]), _t(row["author"]), _at(row["at"]))


def time(row, _ctx):
    return (_day(row["at"]), _t(row["member"]), Cell("minutes", row["minutes"]), _t(row["description"]),
            Cell("status", "time.billable" if row["billable"] else "time.not_billable"))


def proposals(row, _ctx):
    return (_t(row["name"]), Cell("status", f"proposal.{row['kind']}"), _at(row["at"]),
            Cell("status", f"proposal.{row['status']}"))


COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("name", "source", "by", "date"),
    "tasks": ("task", "due", "assignee", "status"),
    "emails": ("subject", "date", "status"),
    "jobs": ("job", "pipeline", "stage"),
    "chats": ("thread", "sent_by", "date", "reply"),
    "invoices": ("number", "issued", "amount", "due_amount", "status", "credit"),
    "approvals": ("document", "requested", "status"),
    "signatures": ("document", "sent", "signers", "waiting_for"),
    "organizers": ("organizer", "sent", "status", "progress"),
    "logins": ("contact", "last_login"),
    "notes": ("note", "author", "date"),
    "time": ("date", "member", "duration", "description", "billable"),
    "proposals": ("name", "kind", "sent", "status"),
}

CELLS: dict[str, Callable[[sqlite3.Row, dict], tuple[Cell, ...]]] = {
    "documents": documents, "tasks": tasks, "emails": emails, "jobs": jobs, "chats": chats,
    "invoices": invoices, "approvals": approvals, "signatures": signatures,
    "organizers": organizers, "logins": logins, "notes": notes, "time": time,
    "proposals": proposals,
}
