"""Overview section queries: newest first, limits, status filters, and index searches only."""

from datetime import datetime, timedelta

import pytest

from app.domain import activities as act
from app.store import activities, documents, sections
from app.store.sections import SECTIONS
from tests.store.helpers import add_account, add_member

T0 = datetime(2026, 1, 1, 9, 0)


@pytest.fixture
def account(db):
    owner = add_member(db, "Giulia")
    other = add_member(db, "Sara")
    account_id = add_account(db, "Rossi, Mario", [("Mario", "Rossi", "mario@rossi.it")])
    return db, account_id, owner, other


def add(db, *records):
    with db.transaction():
        activities.insert_records(db, records)


def test_documents_newest_first_limited_with_per_member_new_state(account):
    db, acc, owner, other = account
    add(db, *(act.Document(account_id=acc, name=f"d{i}.pdf", source="client", by_name="Mario Rossi",
                           created_at=T0 + timedelta(days=i)) for i in range(7)))
    rows = sections.fetch(db, "documents", acc, owner, limit=5)
    assert [r["name"] for r in rows] == ["d6.pdf", "d5.pdf", "d4.pdf", "d3.pdf", "d2.pdf"]
    assert sections.count(db, "documents", acc, owner) == 7
    with db.transaction():
        documents.mark_viewed(db, rows[0]["id"], owner, T0)
    assert [r["is_new"] for r in sections.fetch(db, "documents", acc, owner, 2)] == [0, 1]
    assert [r["is_new"] for r in sections.fetch(db, "documents", acc, other, 2)] == [1, 1]


def test_oldest_first_and_offset(account):
    db, acc, owner, _ = account
    add(db, *(act.EmailMessage(account_id=acc, subject=f"s{i}", to_address="m@r.it", status="sent",
                               sent_at=T0 + timedelta(hours=i)) for i in range(4)))
    rows = sections.fetch(db, "emails", acc, owner, limit=2, offset=1, newest_first=False)
    assert [r["subject"] for r in rows] == ["s1", "s2"]


def test_tasks_only_planned_or_in_progress(account):
    db, acc, owner, _ = account
    add(db, *(act.Task(account_id=acc, title=status, status=status, created_at=T0)
              for status in ("planned", "in_progress", "done")))
    assert sorted(r["title"] for r in sections.fetch(db, "tasks", acc, owner, 5)) == ["in_progress", "planned"]


def test_unpaid_invoices_and_credit(account):
    db, acc, owner, _ = account
    day = T0.date()
    add(db, act.Invoice(account_id=acc, number="1", issued_on=day, due_on=day, amount_cents=100, paid_cents=100),
        act.Invoice(account_id=acc, number="2", issued_on=day, due_on=day, amount_cents=100, paid_cents=40),
        act.Invoice(account_id=acc, number="3", issued_on=day, due_on=day, amount_cents=100),
        act.Credit(account_id=acc, amount_cents=70, created_at=T0),
        act.Credit(account_id=acc, amount_cents=-10, note="used", created_at=T0))
    assert sorted(r["number"] for r in sections.fetch(db, "invoices", acc, owner, 5)) == ["2", "3"]
    assert sections.credit_cents(db, acc) == 60


def test_jobs_only_current_and_approvals_only_pending(account):
    db, acc, owner, _ = account
    add(db, act.Job(account_id=acc, name="A", pipeline="P", stage="S", active=True, created_at=T0),
        act.Job(account_id=acc, name="B", pipeline="P", stage="S", active=False, created_at=T0),
        act.Approval(account_id=acc, document_name="X", status="pending", requested_at=T0),
        act.Approval(account_id=acc, document_name="Y", status="approved", requested_at=T0))
    assert [r["name"] for r in sections.fetch(db, "jobs", acc, owner, 5)] == ["A"]
    assert [r["document_name"] for r in sections.fetch(db, "approvals", acc, owner, 5)] == ["X"]


def test_chats_show_who_replied_and_when(account):
    db, acc, owner, _ = account
    with db.transaction():
        activities.insert_chat_thread(db, act.ChatThread(account_id=acc, subject="Q", messages=(
            act.ChatMessage(from_client=False, sender_name="Giulia", body="a?", sent_at=T0),
            act.ChatMessage(from_client=True, sender_name="Mario", body="b", sent_at=T0 + timedelta(hours=1)),
            act.ChatMessage(from_client=False, sender_name="Giulia", body="c?", sent_at=T0 + timedelta(hours=2)),
        )))
    rows = sections.fetch(db, "chats", acc, owner, 5)
    assert [(r["body"], r["replied_by"]) for r in rows] == [("c?", None), ("a?", "Mario")]


def test_signatures_pending_with_signers_in_order(account):
    db, acc, owner, _ = account
    contact = db.scalar("SELECT contact_id FROM account_contact WHERE account_id = ?", (acc,))
    with db.transaction():
        done = activities.insert_signature_request(db, act.SignatureRequest(
            account_id=acc, document_name="done.pdf", sent_at=T0,
            signers=(act.Signer(contact_id=contact, position=1, signed_at=T0),)))
        open_ = activities.insert_signature_request(db, act.SignatureRequest(
            account_id=acc, document_name="open.pdf", sent_at=T0,
            signers=(act.Signer(contact_id=contact, position=1),)))
    assert [r["id"] for r in sections.fetch(db, "signatures", acc, owner, 5)] == [open_]
    assert done != open_
    assert [s["name"] for s in sections.signers(db, [open_])[open_]] == ["Mario Rossi"]


def test_login_activity_lists_every_contact_with_never_last(account):
    db, acc, owner, _ = account
    add_account(db, "Other", [("Ugo", "Neri", "ugo@neri.it")])
    ugo = db.scalar("SELECT id FROM contact WHERE first_name = 'Ugo'")
    with db.transaction():
        db.execute("INSERT INTO account_contact (account_id, contact_id) VALUES (?, ?)", (acc, ugo))
        activities.insert_login_events(db, [act.LoginEvent(contact_id=ugo, at=T0)])
    rows = sections.fetch(db, "logins", acc, owner, 5)
    assert [(r["contact"], r["at"]) for r in rows] == [("Ugo Neri", T0.isoformat()), ("Mario Rossi", None)]


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_every_section_query_searches_by_index(demo, name):
    for detail in sections.query_plans(demo, name):
        assert not detail.startswith("SCAN"), f"{name}: {detail}"
