"""Reads for exports: one row per linked contact of the visible accounts (the CSV template)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from app.domain.access import Visibility
from app.store.db import Database, placeholders


def account_ids(db: Database, scope: Visibility) -> list[int]:
    """The visible accounts in the export's order (by name), to read their rows a part at a time."""
    visible = "" if scope.all_accounts else \
        " WHERE a.id IN (SELECT account_id FROM account_team WHERE member_id = ?)"
    params = () if scope.all_accounts else (scope.member_id,)
    return [r[0] for r in db.all(f"SELECT a.id FROM account a{visible} ORDER BY a.name_sort, a.id", params)]


def client_rows(db: Database, ids: Sequence[int]) -> list[sqlite3.Row]:
    """One row per linked contact of these accounts, in the export's order.

    Rows of consecutive parts of `account_ids` follow one another in the order of the whole.
    """
    if not ids:
        return []
    return db.all(
        "SELECT a.id AS account_id, a.name AS account, a.type,"
        " (SELECT group_concat(t.name, ';') FROM account_tag x JOIN tag t ON t.id = x.tag_id"
        "   WHERE x.account_id = a.id) AS tags,"
        " (SELECT group_concat(m.email, ';') FROM account_team x JOIN member m ON m.id = x.member_id"
        "   WHERE x.account_id = a.id) AS team,"
        " c.first_name, c.last_name, c.street, c.city, c.state, c.postal_code, c.country, ac.description,"
        " (SELECT address FROM contact_email e WHERE e.contact_id = c.id AND e.is_primary) AS email,"
        " (SELECT group_concat(address, ';') FROM contact_email e WHERE e.contact_id = c.id"
        "   AND NOT e.is_primary) AS more_emails,"
        " (SELECT number FROM contact_phone p WHERE p.contact_id = c.id ORDER BY p.id LIMIT 1) AS phone"
        " FROM account a JOIN account_contact ac ON ac.account_id = a.id JOIN contact c ON c.id = ac.contact_id"
        f" WHERE a.id IN ({placeholders(len(ids))})"
        " ORDER BY a.name_sort, a.id, ac.is_primary DESC, c.last_name, c.first_name", list(ids))
