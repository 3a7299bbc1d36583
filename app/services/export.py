"""Taking the firm's data away (F-MORE-3): the SQLite file, and clients as CSV."""

from __future__ import annotations

import csv
import io

from app.domain.access import can_export_clients, can_export_dataset, visibility
from app.domain.client_rows import FORMULA_START, TEMPLATE_HEADERS
from app.domain.errors import AccessDenied
from app.domain.firm import Member
from app.services.steps import Progress, Steps, chunks, run_all
from app.store import export as export_store
from app.store.db import Database

CSV_COLUMNS = tuple(TEMPLATE_HEADERS.values())   # the import template (UI-CONTRACT.md)
_TYPES = {"individual": "Individual", "company": "Company", "other": "Other"}


def export_sqlite(db: Database, actor: Member) -> bytes:
    if not can_export_dataset(actor):
        raise AccessDenied("export the dataset")
    return db.serialize()


def safe_cell(value: str | None) -> str:
    """A spreadsheet must not run a cell as a formula: such cells start with an apostrophe."""
    text = value or ""
    return "'" + text if text.startswith(FORMULA_START) else text


def clients_csv_template() -> str:
    """The header row alone: a file to fill in for `Import clients from CSV`."""
    return ",".join(CSV_COLUMNS) + "\r\n"


# Accounts per step: about 5 ms under CPython (one query for their rows, then the CSV lines).
EXPORT_PART = 200
WRITING = "work.csv_writing"


def export_clients_csv_steps(db: Database, actor: Member) -> Steps[str]:
    """The accounts the actor may see, one row per linked contact, in the import template."""
    if not can_export_clients(actor):
        raise AccessDenied("export clients")
    return _writing(db, actor)


def _writing(db: Database, actor: Member) -> Steps[str]:
    ids = export_store.account_ids(db, visibility(actor))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for done, part in enumerate(chunks(ids, EXPORT_PART)):
        writer.writerows([safe_cell(v) for v in (
            r["account"], _TYPES[r["type"]], r["tags"], r["team"], r["first_name"], r["last_name"], r["email"],
            r["more_emails"], r["phone"], r["street"], r["city"], r["state"], r["postal_code"], r["country"],
            r["description"])] for r in export_store.client_rows(db, part))
        yield Progress(WRITING, min(len(ids), (done + 1) * EXPORT_PART), len(ids))
    return out.getvalue()


def export_clients_csv(db: Database, actor: Member) -> str:
    return run_all(export_clients_csv_steps(db, actor))
