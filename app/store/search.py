"""Client search: an FTS5 trigram index over accent-folded names and contact emails.

Writers call `touch(db, account_ids)`; the index rows of touched accounts are rebuilt
inside the same transaction just before it commits, so the index never lags the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.access import Visibility
from app.domain.text import fold, squash
from app.store.db import Database, placeholders

_BATCH = 500


def install(db: Database) -> None:
    db.before_commit(_refresh_touched)


def touch(db: Database, account_ids: Iterable[int]) -> None:
    db.touched_accounts.update(account_ids)


def touch_contact(db: Database, contact_id: int) -> None:
    rows = db.all("SELECT account_id FROM account_contact WHERE contact_id = ?", (contact_id,))
    touch(db, (r[0] for r in rows))


def _refresh_touched(db: Database) -> None:
    ids = sorted(db.touched_accounts)
    for start in range(0, len(ids), _BATCH):
        _refresh(db, ids[start:start + _BATCH])


def _refresh(db: Database, ids: list[int]) -> None:
    marks = placeholders(len(ids))
    db.execute(f"DELETE FROM account_search WHERE rowid IN ({marks})", ids)
    people: dict[int, list[str]] = {i: [] for i in ids}
    for row in db.all(
        "SELECT ac.account_id, c.first_name, c.middle_name, c.last_name,"
        " (SELECT group_concat(address, ' ') FROM contact_email e WHERE e.contact_id = c.id)"
        f" FROM account_contact ac JOIN contact c ON c.id = ac.contact_id"
        f" WHERE ac.account_id IN ({marks})", ids,
    ):
        people[row[0]].append(" ".join(part for part in row[1:] if part))
    # A deleted account has no row here, so its index row stays deleted.
    names = db.all(f"SELECT id, name FROM account WHERE id IN ({marks})", ids)
    db.executemany(
        "INSERT INTO account_search (rowid, name, people) VALUES (?, ?, ?)",
        ((r["id"], fold(r["name"]), fold(" | ".join(people[r["id"]]))) for r in names),
    )


@dataclass(frozen=True)
class Hit:
    account_id: int
    name: str
    type: str
    matched_in_name: bool


def search(db: Database, text: str, scope: Visibility, limit: int = 10) -> list[Hit]:
    """Accounts whose name or contacts match `text`: name prefix, then name, then contacts."""
    needle = fold(squash(text))
    if not needle:
        return []
    if len(needle) >= 3:
        # A quoted FTS5 string is matched as a substring by the trigram tokenizer.
        where, params = "account_search MATCH ?", ['"' + needle.replace('"', '""') + '"']
    else:
        # Too short for trigrams: scan, escaping LIKE's wildcards.
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where = "(account_search.name LIKE ? ESCAPE '\\' OR people LIKE ? ESCAPE '\\')"
        params = [pattern, pattern]
    visible = ""
    if not scope.all_accounts:
        visible = " AND a.id IN (SELECT account_id FROM account_team WHERE member_id = ?)"
        params.append(scope.member_id)
    rows = db.all(
        "SELECT a.id, a.name, a.type,"
        " CASE WHEN substr(account_search.name, 1, length(?)) = ? THEN 0"
        "      WHEN instr(account_search.name, ?) > 0 THEN 1 ELSE 2 END AS rank"
        " FROM account_search JOIN account a ON a.id = account_search.rowid"
        f" WHERE {where}"
        f"{visible} ORDER BY rank, a.name_sort, a.id LIMIT ?",
        [needle, needle, needle, *params, limit],
    )
    return [Hit(r["id"], r["name"], r["type"], r["rank"] < 2) for r in rows]
