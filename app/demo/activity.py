"""Demo activity records in all thirteen categories, with varied states and dates."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from app.demo import names
from app.domain import activities as act
from app.domain.contacts import Contact
from app.domain.firm import Member
from app.store import activities as store
from app.store import documents
from app.store.db import Database


class ActivityMaker:
    def __init__(self, rng: random.Random, today: date, members: list[Member]) -> None:
        self.rng = rng
        self.today = today
        self.members = members
        self._invoice_number = 0

    def _when(self, max_days: int = 400) -> datetime:
        day = self.today - timedelta(days=self.rng.randint(0, max_days))
        return datetime.combine(day, time(self.rng.randint(8, 19), self.rng.randint(0, 59)))

    def _fill(self, template: str) -> str:
        return template.format(y=self.today.year - self.rng.randint(0, 1),
                               m=self.rng.choice(names.MONTHS))

    def for_account(self, db: Database, account_id: int, linked_ids: list[int], team: list[int],
                    people: list[Contact]) -> None:
        records = [*self._documents(account_id, people), *self._tasks(account_id, team),
                   *self._emails(account_id, people), *self._jobs(account_id),
                   *self._invoices(account_id), *self._approvals(account_id),
                   *self._organizers(account_id), *self._notes(account_id, team),
                   *self._time(account_id, team), *self._proposals(account_id)]
        store.insert_records(db, records)
        for thread in self._chats(account_id, people):
            store.insert_chat_thread(db, thread)
        for request in self._signatures(account_id, linked_ids):
            store.insert_signature_request(db, request)
        store.insert_login_events(db, self._logins(linked_ids))

    def _count(self, most: int) -> int:
        return self.rng.randint(0, most)

    def _documents(self, account_id: int, people: list[Contact]) -> list[act.Document]:
        docs = []
        for _ in range(self._count(8)):
            from_client = self.rng.random() < 0.5
            by = self.rng.choice(people).full_name if from_client else self.rng.choice(self.members).full_name
            docs.append(act.Document(account_id=account_id, name=self._fill(self.rng.choice(names.DOCUMENTS)),
                                     source="client" if from_client else "firm", by_name=by,
                                     created_at=self._when()))
        return docs

    def _tasks(self, account_id: int, team: list[int]) -> list[act.Task]:
        return [act.Task(account_id=account_id, title=self.rng.choice(names.TASKS),
                         status=self.rng.choice(list(act.TaskStatus)),
                         due_on=self.today + timedelta(days=self.rng.randint(-30, 60)),
                         assignee_id=self.rng.choice(team), created_at=self._when(120))
                for _ in range(self._count(6))]

    def _emails(self, account_id: int, people: list[Contact]) -> list[act.EmailMessage]:
        return [act.EmailMessage(account_id=account_id, subject=self._fill(self.rng.choice(names.EMAIL_SUBJECTS)),
                                 to_address=self.rng.choice(people).primary_email or "",
                                 status=self.rng.choice(list(act.EmailStatus)), sent_at=self._when(200))
                for _ in range(self._count(7))]

    def _jobs(self, account_id: int) -> list[act.Job]:
        jobs = []
        for pipeline in self.rng.sample(list(names.PIPELINES), self._count(3)):
            jobs.append(act.Job(account_id=account_id, name=f"{pipeline} {self.today.year}",
                                pipeline=pipeline, stage=self.rng.choice(names.PIPELINES[pipeline]),
                                active=self.rng.random() < 0.85, created_at=self._when(300)))
        return jobs

    def _invoices(self, account_id: int) -> list[act.Invoice | act.Credit]:
        out: list[act.Invoice | act.Credit] = []
        for _ in range(self._count(5)):
            self._invoice_number += 1
            issued = self._when(300).date()
            amount = self.rng.randrange(15_000, 450_000, 500)
            paid = self.rng.choice((0, amount, amount, amount // 2))
            out.append(act.Invoice(account_id=account_id, number=f"{issued.year}/{self._invoice_number:05d}",
                                   issued_on=issued, due_on=issued + timedelta(days=30),
                                   amount_cents=amount, paid_cents=paid))
        if self.rng.random() < 0.3:
            out.append(act.Credit(account_id=account_id, amount_cents=self.rng.randrange(5_000, 200_000, 500),
                                  note="Acconto", created_at=self._when(200)))
        return out

    def _approvals(self, account_id: int) -> list[act.Approval]:
        return [act.Approval(account_id=account_id, document_name=self._fill(self.rng.choice(names.DOCUMENTS)),
                             status=self.rng.choice(list(act.ApprovalStatus)), requested_at=self._when(120))
                for _ in range(self._count(3))]

    def _organizers(self, account_id: int) -> list[act.Organizer]:
        out = []
        for _ in range(self._count(3)):
            status = self.rng.choice(list(act.OrganizerStatus))
            progress = {"sent": 0, "completed": 100}.get(status.value, self.rng.randint(10, 90))
            out.append(act.Organizer(account_id=account_id, name=self._fill(self.rng.choice(names.ORGANIZERS)),
                                     status=status, progress=progress, sent_at=self._when(250)))
        return out

    def _notes(self, account_id: int, team: list[int]) -> list[act.Note]:
        return [act.Note(account_id=account_id, body=self.rng.choice(names.NOTES),
                         author_id=self.rng.choice(team), created_at=self._when(500))
                for _ in range(self._count(5))]

    def _time(self, account_id: int, team: list[int]) -> list[act.TimeEntry]:
        return [act.TimeEntry(account_id=account_id, member_id=self.rng.choice(team),
                              worked_on=self._when(180).date(), minutes=self.rng.randrange(15, 240, 15),
                              description=self.rng.choice(names.TIME_DESCRIPTIONS),
                              billable=self.rng.random() < 0.75)
                for _ in range(self._count(8))]

    def _proposals(self, account_id: int) -> list[act.Proposal]:
        return [act.Proposal(account_id=account_id, name=self._fill(self.rng.choice(names.PROPOSALS)),
                             kind=self.rng.choice(list(act.ProposalKind)),
                             status=self.rng.choice(list(act.ProposalStatus)), sent_at=self._when(400))
                for _ in range(self._count(2))]

    def _chats(self, account_id: int, people: list[Contact]) -> list[act.ChatThread]:
        threads = []
        for _ in range(self._count(2)):
            start = self._when(90)
            messages = []
            for i in range(self.rng.randint(1, 5)):
                from_client = i % 2 == 1
                sender = self.rng.choice(people).full_name if from_client else self.rng.choice(self.members).full_name
                lines = names.CHAT_LINES_CLIENT if from_client else names.CHAT_LINES_FIRM
                messages.append(act.ChatMessage(from_client=from_client, sender_name=sender,
                                                body=self.rng.choice(lines),
                                                sent_at=start + timedelta(hours=5 * i)))
            threads.append(act.ChatThread(account_id=account_id, subject=self.rng.choice(names.CHAT_SUBJECTS),
                                          messages=tuple(messages)))
        return threads

    def _signatures(self, account_id: int, contact_ids: list[int]) -> list[act.SignatureRequest]:
        out = []
        for _ in range(self._count(2)):
            sent = self._when(150)
            signers = tuple(act.Signer(contact_id=c, position=i + 1,
                                       signed_at=sent + timedelta(days=2) if self.rng.random() < 0.5 else None)
                            for i, c in enumerate(contact_ids))
            out.append(act.SignatureRequest(account_id=account_id, sent_at=sent, signers=signers,
                                            document_name=self._fill(self.rng.choice(names.PROPOSALS)) + ".pdf"))
        return out

    def _logins(self, contact_ids: list[int]) -> list[act.LoginEvent]:
        return [act.LoginEvent(contact_id=c, at=self._when(120), mobile=self.rng.random() < 0.3)
                for c in contact_ids for _ in range(self._count(3))]

    def mark_documents_viewed(self, db: Database) -> None:
        """Each member has opened some documents; the rest show as New for them."""
        ids = store.document_ids(db)
        at = datetime.combine(self.today, time(8))
        for member in self.members:
            for doc_id in ids:
                if self.rng.random() < 0.6:
                    documents.mark_viewed(db, doc_id, member.id, at)
