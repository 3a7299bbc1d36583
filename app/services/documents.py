"""Opening a document: its details, and the record that this member has now seen it."""

from __future__ import annotations

from datetime import datetime

from app.domain.errors import NotFound
from app.domain.firm import Member
from app.services.guard import visible_account
from app.services.overview_views import DocumentView
from app.store import documents as document_store
from app.store.db import Database


def open_document(db: Database, actor: Member, account_id: int, document_id: int,
                  now: datetime | None = None) -> DocumentView:
    account = visible_account(db, actor, account_id)
    row = document_store.get_document(db, document_id, actor.id)
    if row is None or row["account_id"] != account_id:
        raise NotFound(f"document {document_id}")
    if row["viewed_at"] is None:
        with db.transaction():
            document_store.mark_viewed(db, document_id, actor.id, now or datetime.now())
    viewers = tuple((v["name"], v["viewed_at"]) for v in document_store.viewers(db, document_id))
    return DocumentView(id=document_id, account_id=account_id, account_name=account.name,
                        name=row["name"], source=row["source"], by_name=row["by_name"],
                        created_at=row["created_at"], viewed_by=viewers)
