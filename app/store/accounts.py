"""Rows <-> models for accounts, their tags, team and custom-field values."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from app.domain.accounts import Account, Address
from app.domain.text import fold
from app.store import search
from app.store.db import Database


def insert_account(db: Database, account: Account) -> int:
    a = account.address
    account_id = db.execute(
        "INSERT INTO account (name, name_sort, type, street, city, state, postal_code, country,"
        " quickbooks, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (account.name, fold(account.name), account.type.value, a.street, a.city, a.state,
         a.postal_code, a.country, account.quickbooks.value, account.created_at.isoformat()),
    ).lastrowid
    db.executemany("INSERT INTO account_tag (account_id, tag_id) VALUES (?, ?)",
                   [(account_id, t) for t in sorted(account.tag_ids)])
    db.executemany("INSERT INTO account_team (account_id, member_id) VALUES (?, ?)",
                   [(account_id, m) for m in sorted(account.team_member_ids)])
    db.executemany("INSERT INTO account_field_value (account_id, field_id, value) VALUES (?, ?, ?)",
                   [(account_id, f, v) for f, v in sorted(account.custom.items())])
    search.touch(db, [account_id])
    return account_id


def record_team_change(db: Database, account_id: int, member_id: int, action: str,
                       by_member_id: int | None, at: datetime) -> None:
    db.execute("INSERT INTO team_history (account_id, member_id, action, by_member_id, at)"
               " VALUES (?, ?, ?, ?, ?)", (account_id, member_id, action, by_member_id, at.isoformat()))


def _account(db: Database, row: sqlite3.Row) -> Account:
    account_id = row["id"]
    tags = db.all("SELECT tag_id FROM account_tag WHERE account_id = ?", (account_id,))
    custom = db.all("SELECT field_id, value FROM account_field_value WHERE account_id = ?",
                    (account_id,))
    return Account(
        id=account_id, name=row["name"], type=row["type"], quickbooks=row["quickbooks"],
        created_at=datetime.fromisoformat(row["created_at"]),
        address=Address(street=row["street"], city=row["city"], state=row["state"],
                        postal_code=row["postal_code"], country=row["country"]),
        tag_ids=frozenset(r[0] for r in tags),
        team_member_ids=team_ids(db, account_id),
        custom={r[0]: r[1] for r in custom},
    )


def get_account(db: Database, account_id: int) -> Account | None:
    row = db.one("SELECT * FROM account WHERE id = ?", (account_id,))
    return None if row is None else _account(db, row)


def team_ids(db: Database, account_id: int) -> frozenset[int]:
    rows = db.all("SELECT member_id FROM account_team WHERE account_id = ?", (account_id,))
    return frozenset(r[0] for r in rows)


def count_accounts(db: Database) -> int:
    return db.scalar("SELECT count(*) FROM account")


def team_history(db: Database, account_id: int) -> list[sqlite3.Row]:
    """Who was added to or removed from the team, by whom and when, newest first."""
    return db.all(
        "SELECT h.action, h.at, m.first_name || ' ' || m.last_name AS member,"
        " b.first_name || ' ' || b.last_name AS by_member FROM team_history h"
        " JOIN member m ON m.id = h.member_id LEFT JOIN member b ON b.id = h.by_member_id"
        " WHERE h.account_id = ? ORDER BY h.at DESC, h.id DESC", (account_id,))


def related_accounts(db: Database, account_id: int) -> list[sqlite3.Row]:
    """Other accounts sharing at least one contact with this one, with their team ids."""
    return db.all(
        "SELECT a.id, a.name, (SELECT group_concat(member_id) FROM account_team t"
        " WHERE t.account_id = a.id) AS team FROM account a WHERE a.id IN ("
        " SELECT y.account_id FROM account_contact x JOIN account_contact y"
        " ON y.contact_id = x.contact_id AND y.account_id != x.account_id WHERE x.account_id = ?)"
        " ORDER BY a.name_sort, a.id", (account_id,))


def photo(db: Database, account_id: int) -> bytes | None:
    return db.scalar("SELECT photo FROM account WHERE id = ?", (account_id,))


def update_details(db: Database, account: Account) -> None:
    """Name, type and address of an existing account (tags, team, fields: their own calls)."""
    a = account.address
    db.execute("UPDATE account SET name = ?, name_sort = ?, type = ?, street = ?, city = ?, state = ?,"
               " postal_code = ?, country = ? WHERE id = ?",
               (account.name, fold(account.name), account.type.value, a.street, a.city, a.state,
                a.postal_code, a.country, account.id))
    search.touch(db, [account.id])


def set_tags(db: Database, account_id: int, tag_ids: frozenset[int]) -> None:
    db.execute("DELETE FROM account_tag WHERE account_id = ?", (account_id,))
    db.executemany("INSERT INTO account_tag (account_id, tag_id) VALUES (?, ?)",
                   [(account_id, t) for t in sorted(tag_ids)])


def set_team(db: Database, account_id: int, member_ids: frozenset[int]) -> None:
    db.execute("DELETE FROM account_team WHERE account_id = ?", (account_id,))
    db.executemany("INSERT INTO account_team (account_id, member_id) VALUES (?, ?)",
                   [(account_id, m) for m in sorted(member_ids)])


def set_custom(db: Database, account_id: int, values: dict[int, str]) -> None:
    db.execute("DELETE FROM account_field_value WHERE account_id = ?", (account_id,))
    db.executemany("INSERT INTO account_field_value (account_id, field_id, value) VALUES (?, ?, ?)",
                   [(account_id, f, v) for f, v in sorted(values.items())])


def set_photo(db: Database, account_id: int, photo: bytes | None) -> None:
    db.execute("UPDATE account SET photo = ? WHERE id = ?", (photo, account_id))


def delete_account(db: Database, account_id: int) -> None:
    """The account and, by cascade, its links, settings, history and activity records."""
    db.execute("DELETE FROM account WHERE id = ?", (account_id,))
    search.touch(db, [account_id])


def account_ids_of_member(db: Database, member_id: int) -> list[int]:
    return [r[0] for r in db.all("SELECT account_id FROM account_team WHERE member_id = ?", (member_id,))]


def accounts_named(db: Database, name_key: str) -> list[sqlite3.Row]:
    """Accounts whose folded name is `name_key`, with their team ids ("1,4")."""
    return db.all("SELECT a.id, (SELECT group_concat(member_id) FROM account_team t WHERE t.account_id = a.id)"
                  " AS team FROM account a WHERE a.name_sort = ? ORDER BY a.id", (name_key,))
