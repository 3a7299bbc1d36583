"""Rows <-> models for contacts, their emails and phones, and account–contact links."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from app.domain.access import Visibility
from app.domain.accounts import Address
from app.domain.contacts import AccountContactLink, Contact, ContactEmail, ContactPhone, EmailSettings
from app.store import search
from app.store.db import Database, placeholders


def insert_contact(db: Database, contact: Contact) -> int:
    a = contact.address
    contact_id = db.execute(
        "INSERT INTO contact (first_name, middle_name, last_name, street, city, state,"
        " postal_code, country, birth_date, tax_id, mobile_app_last_login)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (contact.first_name, contact.middle_name, contact.last_name, a.street, a.city, a.state,
         a.postal_code, a.country, _iso(contact.birth_date), contact.tax_id,
         _iso(contact.mobile_app_last_login)),
    ).lastrowid
    db.executemany("INSERT INTO contact_email (contact_id, address, is_primary) VALUES (?, ?, ?)",
                   [(contact_id, e.address, e.primary) for e in contact.emails])
    db.executemany("INSERT INTO contact_phone (contact_id, number, label) VALUES (?, ?, ?)",
                   [(contact_id, p.number, p.label) for p in contact.phones])
    db.executemany("INSERT INTO contact_field_value (contact_id, field_id, value) VALUES (?, ?, ?)",
                   [(contact_id, f, v) for f, v in sorted(contact.custom.items())])
    return contact_id


def link(db: Database, link: AccountContactLink, primary: bool = False) -> None:
    db.execute("INSERT INTO account_contact (account_id, contact_id, description, signer_priority,"
               " is_primary) VALUES (?, ?, ?, ?, ?)",
               (link.account_id, link.contact_id, link.description, link.signer_priority, primary))
    email_ids = {r["address"]: r["id"] for r in db.all(
        "SELECT id, address FROM contact_email WHERE contact_id = ?", (link.contact_id,))}
    db.executemany(
        "INSERT INTO email_settings (account_id, contact_id, email_id, login, invited_at, notify,"
        " notify_types, email_sync, can_sign) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(link.account_id, link.contact_id, email_ids[s.email], s.login.value, _iso(s.invited_at),
          s.notify, json.dumps(sorted(s.notify_types)), s.email_sync, s.can_sign)
         for s in link.emails],
    )
    search.touch(db, [link.account_id])


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _contact(row: sqlite3.Row, emails: list[sqlite3.Row], phones: list[sqlite3.Row],
             custom: dict[int, str]) -> Contact:
    return Contact(
        id=row["id"], first_name=row["first_name"], middle_name=row["middle_name"],
        last_name=row["last_name"],
        address=Address(street=row["street"], city=row["city"], state=row["state"],
                        postal_code=row["postal_code"], country=row["country"]),
        birth_date=row["birth_date"], tax_id=row["tax_id"],
        mobile_app_last_login=row["mobile_app_last_login"],
        emails=tuple(ContactEmail(id=e["id"], address=e["address"], primary=e["is_primary"])
                     for e in emails),
        phones=tuple(ContactPhone(number=p["number"], label=p["label"]) for p in phones),
        custom=custom,
    )


def contacts_by_id(db: Database, ids: list[int]) -> dict[int, Contact]:
    if not ids:
        return {}
    marks = placeholders(len(ids))
    emails: dict[int, list] = {i: [] for i in ids}
    phones: dict[int, list] = {i: [] for i in ids}
    for e in db.all(f"SELECT * FROM contact_email WHERE contact_id IN ({marks})"
                    " ORDER BY is_primary DESC, id", ids):
        emails[e["contact_id"]].append(e)
    for p in db.all(f"SELECT * FROM contact_phone WHERE contact_id IN ({marks}) ORDER BY id", ids):
        phones[p["contact_id"]].append(p)
    custom: dict[int, dict[int, str]] = {i: {} for i in ids}
    for v in db.all(f"SELECT * FROM contact_field_value WHERE contact_id IN ({marks})", ids):
        custom[v["contact_id"]][v["field_id"]] = v["value"]
    rows = db.all(f"SELECT * FROM contact WHERE id IN ({marks})", ids)
    return {r["id"]: _contact(r, emails[r["id"]], phones[r["id"]], custom[r["id"]]) for r in rows}


def linked_contacts(db: Database, account_id: int) -> list[tuple[AccountContactLink, bool, Contact]]:
    """(link, is primary, contact) for each contact of the account, unordered."""
    links = db.all("SELECT * FROM account_contact WHERE account_id = ?", (account_id,))
    contacts = contacts_by_id(db, [r["contact_id"] for r in links])
    settings: dict[int, list[EmailSettings]] = {r["contact_id"]: [] for r in links}
    for s in db.all("SELECT s.*, e.address FROM email_settings s JOIN contact_email e"
                    " ON e.id = s.email_id WHERE s.account_id = ? ORDER BY e.is_primary DESC, e.id",
                    (account_id,)):
        settings[s["contact_id"]].append(EmailSettings(
            email=s["address"], login=s["login"], invited_at=s["invited_at"],
            notify=s["notify"], notify_types=frozenset(json.loads(s["notify_types"])),
            email_sync=s["email_sync"], can_sign=s["can_sign"]))
    return [
        (AccountContactLink(account_id=account_id, contact_id=r["contact_id"],
                            description=r["description"], signer_priority=r["signer_priority"],
                            emails=tuple(settings[r["contact_id"]])),
         bool(r["is_primary"]), contacts[r["contact_id"]])
        for r in links
    ]


def get_contact(db: Database, contact_id: int) -> Contact | None:
    return contacts_by_id(db, [contact_id]).get(contact_id)


def accounts_of_contact(db: Database, contact_id: int) -> list[sqlite3.Row]:
    """Every account the contact is linked to, with the link's description and the team ids."""
    return db.all(
        "SELECT a.id, a.name, a.type, ac.description, (SELECT group_concat(member_id) FROM account_team t"
        " WHERE t.account_id = a.id) AS team FROM account_contact ac JOIN account a ON a.id = ac.account_id"
        " WHERE ac.contact_id = ? ORDER BY a.name_sort, a.id", (contact_id,))



def link_row(db: Database, account_id: int, contact_id: int) -> sqlite3.Row | None:
    return db.one("SELECT * FROM account_contact WHERE account_id = ? AND contact_id = ?",
                  (account_id, contact_id))


def count_links(db: Database, account_id: int) -> int:
    return db.scalar("SELECT count(*) FROM account_contact WHERE account_id = ?", (account_id,))


def last_signer_priority(db: Database, account_id: int) -> int:
    return db.scalar("SELECT coalesce(max(signer_priority), 0) FROM account_contact WHERE account_id = ?",
                     (account_id,))


def set_description(db: Database, account_id: int, contact_id: int, description: str) -> None:
    db.execute("UPDATE account_contact SET description = ? WHERE account_id = ? AND contact_id = ?",
               (description, account_id, contact_id))


def unlink(db: Database, account_id: int, contact_id: int) -> None:
    """Removes the link and, by cascade, the per-email settings (portal access ends)."""
    db.execute("DELETE FROM account_contact WHERE account_id = ? AND contact_id = ?",
               (account_id, contact_id))
    search.touch(db, [account_id])


def make_primary(db: Database, account_id: int, contact_id: int) -> None:
    db.execute("UPDATE account_contact SET is_primary = 0 WHERE account_id = ?", (account_id,))
    db.execute("UPDATE account_contact SET is_primary = 1 WHERE account_id = ? AND contact_id = ?",
               (account_id, contact_id))


def email_settings(db: Database, account_id: int, contact_id: int, address: str) -> sqlite3.Row | None:
    return db.one("SELECT s.*, e.address FROM email_settings s JOIN contact_email e ON e.id = s.email_id"
                  " WHERE s.account_id = ? AND s.contact_id = ? AND e.address = ?",
                  (account_id, contact_id, address))


def save_email_settings(db: Database, account_id: int, contact_id: int, s: EmailSettings) -> None:
    db.execute(
        "UPDATE email_settings SET login = ?, invited_at = ?, notify = ?, notify_types = ?,"
        " email_sync = ?, can_sign = ? WHERE account_id = ? AND contact_id = ? AND email_id ="
        " (SELECT id FROM contact_email WHERE contact_id = ? AND address = ?)",
        (s.login.value, _iso(s.invited_at), s.notify, json.dumps(sorted(s.notify_types)), s.email_sync,
         s.can_sign, account_id, contact_id, contact_id, s.email))


def set_signer_priorities(db: Database, account_id: int, contact_ids: list[int]) -> None:
    db.executemany("UPDATE account_contact SET signer_priority = ? WHERE account_id = ? AND contact_id = ?",
                   [(i + 1, account_id, c) for i, c in enumerate(contact_ids)])


def find_contacts(db: Database, text: str, scope: Visibility, limit: int = 10) -> list[Contact]:
    """Contacts whose name or an email contains `text` (accent-folded), for linking, by last
    name, first name and id; a restricted member gets those linked to an account on their
    team, or to none."""
    found = search.contact_ids(db, text, scope, limit)
    by_id = contacts_by_id(db, found)
    return [by_id[i] for i in found]


def update_contact(db: Database, contact: Contact) -> None:
    """Names, address, emails and phones. Kept emails keep their per-account settings;
    new ones get default settings on every linked account; removed ones lose theirs."""
    a = contact.address
    db.execute("UPDATE contact SET first_name = ?, middle_name = ?, last_name = ?, street = ?, city = ?,"
               " state = ?, postal_code = ?, country = ?, birth_date = ?, tax_id = ? WHERE id = ?",
               (contact.first_name, contact.middle_name, contact.last_name, a.street, a.city, a.state,
                a.postal_code, a.country, _iso(contact.birth_date), contact.tax_id, contact.id))
    _replace_emails(db, contact)
    db.execute("DELETE FROM contact_phone WHERE contact_id = ?", (contact.id,))
    db.executemany("INSERT INTO contact_phone (contact_id, number, label) VALUES (?, ?, ?)",
                   [(contact.id, p.number, p.label) for p in contact.phones])
    db.execute("DELETE FROM contact_field_value WHERE contact_id = ?", (contact.id,))
    db.executemany("INSERT INTO contact_field_value (contact_id, field_id, value) VALUES (?, ?, ?)",
                   [(contact.id, f, v) for f, v in sorted(contact.custom.items())])
    search.touch_contact(db, contact.id)


def _replace_emails(db: Database, contact: Contact) -> None:
    wanted = {e.address: e for e in contact.emails}
    existing = {r["address"]: r["id"] for r in db.all(
        "SELECT id, address FROM contact_email WHERE contact_id = ?", (contact.id,))}
    gone = [existing[a] for a in existing if a not in wanted]
    db.executemany("DELETE FROM contact_email WHERE id = ?", [(i,) for i in gone])
    db.execute("UPDATE contact_email SET is_primary = 0 WHERE contact_id = ?", (contact.id,))
    accounts = [r[0] for r in db.all("SELECT account_id FROM account_contact WHERE contact_id = ?",
                                     (contact.id,))]
    for address, email in wanted.items():
        if address in existing:
            db.execute("UPDATE contact_email SET is_primary = ? WHERE id = ?", (email.primary, existing[address]))
            continue
        email_id = db.execute("INSERT INTO contact_email (contact_id, address, is_primary) VALUES (?, ?, ?)",
                              (contact.id, address, email.primary)).lastrowid
        db.executemany("INSERT INTO email_settings (account_id, contact_id, email_id) VALUES (?, ?, ?)",
                       [(acc, contact.id, email_id) for acc in accounts])


def contact_with_email(db: Database, address: str) -> int | None:
    """The contact holding this (lower-case) address, the oldest if several do."""
    return db.scalar("SELECT contact_id FROM contact_email WHERE address = ? ORDER BY contact_id LIMIT 1",
                     (address,))
