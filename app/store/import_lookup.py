"""Reads for the CSV client import: the firm's accounts and contacts that a file's rows name.

Each read takes the keys of many rows at once (one query per batch, not one per row), so that
checking a file of 10,000 rows costs a few dozen queries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from app.store.db import Database, placeholders

K = TypeVar("K")
_BATCH = 500   # values bound per IN list, well under SQLite's limit on bound parameters


def _batches(keys: Sequence[K]) -> Iterator[list[K]]:
    unique = list(dict.fromkeys(keys))   # a key repeated in two batches would be answered twice
    for start in range(0, len(unique), _BATCH):
        yield unique[start:start + _BATCH]


def accounts_named(db: Database, name_keys: Sequence[str]) -> dict[str, list[tuple[int, str | None]]]:
    """Folded name -> [(account id, team ids as "1,4")], oldest first; names without an account left out.

    The same answer as `accounts.accounts_named` for each key.
    """
    found: dict[str, list[tuple[int, str | None]]] = {}
    for part in _batches(name_keys):
        for row in db.all(
                "SELECT a.name_sort, a.id, (SELECT group_concat(member_id) FROM account_team t"
                f" WHERE t.account_id = a.id) FROM account a WHERE a.name_sort IN ({placeholders(len(part))})"
                " ORDER BY a.id", part):
            found.setdefault(row[0], []).append((row[1], row[2]))
    return found


def contacts_with_emails(db: Database, addresses: Sequence[str]) -> dict[str, int]:
    """Lower-case address -> the contact holding it (the oldest if several do), as
    `contacts.contact_with_email` answers for each; addresses nobody holds are left out."""
    found: dict[str, int] = {}
    for part in _batches(addresses):
        found.update(db.all(
            "SELECT address, min(contact_id) FROM contact_email"
            f" WHERE address IN ({placeholders(len(part))}) GROUP BY address", part))
    return found


def accounts_of_contacts(db: Database, contact_ids: Sequence[int]) -> dict[int, list[tuple[int, str | None]]]:
    """Contact id -> [(account id, team ids as "1,4")] of every account it is linked to; a contact
    on no account is left out."""
    found: dict[int, list[tuple[int, str | None]]] = {}
    for part in _batches(contact_ids):
        for row in db.all(
                "SELECT ac.contact_id, ac.account_id, (SELECT group_concat(member_id) FROM account_team t"
                " WHERE t.account_id = ac.account_id) FROM account_contact ac"
                f" WHERE ac.contact_id IN ({placeholders(len(part))})", part):
            found.setdefault(row[0], []).append((row[1], row[2]))
    return found


def last_signer_priorities(db: Database, account_ids: Sequence[int]) -> dict[int, int]:
    """Account id -> the highest signer priority of its contacts (accounts without contacts left out)."""
    found: dict[int, int] = {}
    for part in _batches(account_ids):
        found.update(db.all(
            "SELECT account_id, max(signer_priority) FROM account_contact"
            f" WHERE account_id IN ({placeholders(len(part))}) GROUP BY account_id", part))
    return found
