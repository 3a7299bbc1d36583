"""Client search and the contact pickers' search, over accent-folded text.

account_search (FTS5 trigram) holds each account's folded name and contacts; writers call
`touch(db, account_ids)`. contact_search (FTS5 trigram) and contact_search_text hold each
contact's folded names and emails; triggers list the contacts a write changed. Both are
rebuilt inside the transaction just before it commits, so they never lag the data.

Searching costs what is shown, not what matches: each query asks for `limit` rows in the
order shown. A fragment matching few rows is ranked from the index's list of them; a common
one (or one too short for trigrams) by walking rows in the order shown until `limit` are
found, which, the fragment being common, soon happens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.access import Visibility
from app.domain.text import fold, squash
from app.store.db import Database, placeholders

_BATCH = 500
# Up to this many matches are listed from the index and ranked; beyond, rows are walked.
_FEW = 1000
# A restricted member with at most this many accounts: their accounts are searched alone
# (walking every account to find the few of theirs would cost more).
_SMALL_TEAM = 2000
# FTS5's own table of the text account_search indexes (id, c0 = name, c1 = people), read
# directly where rows are read one by one or all: 2.5 to 4 times faster than through the
# index (7 ms, not 17, to scan 50,000 accounts in CPython).
_TEXTS = "account_search_content"


def install(db: Database) -> None:
    db.before_commit(_refresh_touched)
    # A migration lists the contacts to index (the folding is Python's): an empty
    # transaction indexes them, before any search needs them.
    if db.scalar("SELECT 1 FROM contact_search_dirty LIMIT 1"):
        with db.transaction():
            pass


def touch(db: Database, account_ids: Iterable[int]) -> None:
    db.touched_accounts.update(account_ids)


def touch_contact(db: Database, contact_id: int) -> None:
    rows = db.all("SELECT account_id FROM account_contact WHERE contact_id = ?", (contact_id,))
    touch(db, (r[0] for r in rows))


def refresh_now(db: Database) -> None:
    """Bring both indexes up to the open transaction's writes so far. Long work calls it after
    each part it writes, so the commit at its end has little left to do (no long last step)."""
    _refresh_touched(db)
    db.touched_accounts.clear()


def _refresh_touched(db: Database) -> None:
    ids = sorted(db.touched_accounts)
    for start in range(0, len(ids), _BATCH):
        _refresh(db, ids[start:start + _BATCH])
    contact_ids = [r[0] for r in db.all("SELECT id FROM contact_search_dirty ORDER BY id")]
    for start in range(0, len(contact_ids), _BATCH):
        _refresh_contacts(db, contact_ids[start:start + _BATCH])
    if contact_ids:
        db.execute("DELETE FROM contact_search_dirty")


def _refresh(db: Database, ids: list[int]) -> None:
    db.execute(f"DELETE FROM account_search WHERE rowid IN ({placeholders(len(ids))})", ids)
    # A deleted account has no row here, so its index row stays deleted.
    names = db.all(f"SELECT id, name FROM account WHERE id IN ({placeholders(len(ids))})", ids)
    _insert_accounts(db, [(r[0], fold(r[1])) for r in names])


def index_new_accounts(db: Database, folded: list[tuple[int, str]]) -> None:
    """Index accounts (id, folded name) the index does not hold: one just emptied, as a dataset
    import's. Nothing to delete first, and nothing left for the commit to do."""
    for start in range(0, len(folded), _BATCH):
        _insert_accounts(db, folded[start:start + _BATCH])


def _insert_accounts(db: Database, folded: list[tuple[int, str]]) -> None:
    if not folded:
        return
    ids = [r[0] for r in folded]
    people: dict[int, list[str]] = {i: [] for i in ids}
    for row in db.all(
        "SELECT ac.account_id, c.first_name, c.middle_name, c.last_name,"
        " (SELECT group_concat(address, ' ') FROM contact_email e WHERE e.contact_id = c.id)"
        f" FROM account_contact ac JOIN contact c ON c.id = ac.contact_id"
        f" WHERE ac.account_id IN ({placeholders(len(ids))})", ids,
    ):
        people[row[0]].append(" ".join(part for part in row[1:] if part))
    db.executemany("INSERT INTO account_search (rowid, name, people) VALUES (?, ?, ?)",
                   ((i, name, fold(" | ".join(people[i]))) for i, name in folded))


def _refresh_contacts(db: Database, ids: list[int]) -> None:
    marks = placeholders(len(ids))
    db.execute(f"DELETE FROM contact_search WHERE rowid IN ({marks})", ids)
    db.execute(f"DELETE FROM contact_search_text WHERE id IN ({marks})", ids)
    _insert_contacts(db, ids)   # a deleted contact has no row, so its index rows stay deleted


def index_new_contacts(db: Database, ids: list[int]) -> None:
    """Index contacts the index does not hold (as index_new_accounts)."""
    for start in range(0, len(ids), _BATCH):
        _insert_contacts(db, ids[start:start + _BATCH])


def _insert_contacts(db: Database, ids: list[int]) -> None:
    rows = [(r[0], r[1], r[3], fold(" ".join(filter(None, r[1:5]))), r[5]) for r in db.all(
        "SELECT c.id, c.first_name, c.middle_name, c.last_name,"
        " (SELECT group_concat(address, ' ') FROM contact_email e WHERE e.contact_id = c.id),"
        " NOT EXISTS (SELECT 1 FROM account_contact ac WHERE ac.contact_id = c.id)"
        f" FROM contact c WHERE c.id IN ({placeholders(len(ids))})", ids)]
    db.executemany("INSERT INTO contact_search (rowid, text) VALUES (?, ?)", ((r[0], r[3]) for r in rows))
    db.executemany("INSERT INTO contact_search_text (id, first_name, last_name, text, free)"
                   " VALUES (?, ?, ?, ?, ?)", rows)


@dataclass(frozen=True)
class Hit:
    account_id: int
    name: str
    type: str
    matched_in_name: bool


def search(db: Database, text: str, scope: Visibility, limit: int = 10) -> list[Hit]:
    """Accounts whose name or contacts match `text`: name prefix, then name, then contacts;
    each group by name."""
    needle = fold(squash(text))
    if not needle:
        return []
    if _small_team(db, scope):
        rows = _team_hits(db, needle, scope.member_id, limit)
    else:
        rows = _ranked(db, 0, *_starting_with(needle), None, scope, limit)
        if len(rows) < limit:
            rows += _contained_hits(db, needle, scope, limit - len(rows))
    return [Hit(r["id"], r["name"], r["type"], r["rank"] < 2) for r in rows]


def _small_team(db: Database, scope: Visibility) -> bool:
    return not scope.all_accounts and db.scalar(
        "SELECT count(*) FROM (SELECT 1 FROM account_team WHERE member_id = ? LIMIT ?)",
        (scope.member_id, _SMALL_TEAM + 1)) <= _SMALL_TEAM


def _team_hits(db: Database, needle: str, member_id: int, limit: int) -> list:
    """Every match among a small team's accounts, ranked (there are few of them)."""
    return db.all(
        "SELECT a.id, a.name, a.type, CASE instr(a.name_sort, ?) WHEN 1 THEN 0 WHEN 0 THEN 2 ELSE 1 END AS rank"
        " FROM account_team t CROSS JOIN account a ON a.id = t.account_id"
        f" CROSS JOIN {_TEXTS} s ON s.id = a.id WHERE t.member_id = ?"
        " AND (instr(a.name_sort, ?) > 0 OR instr(s.c1, ?) > 0)"
        " ORDER BY rank, a.name_sort, a.id LIMIT ?", (needle, member_id, needle, needle, limit))


def _starting_with(needle: str) -> tuple[str, list]:
    """Names starting with `needle`, as a range of the name index: from it to the least string
    above all that start with it (SQLite orders text by code point)."""
    stem = needle.rstrip("\U0010ffff")
    if not stem:
        return "a.name_sort >= ?", [needle]
    code = ord(stem[-1]) + 1
    above = stem[:-1] + chr(0xE000 if 0xD800 <= code <= 0xDFFF else code)  # no lone surrogates
    return "a.name_sort >= ? AND a.name_sort < ?", [needle, above]


_IN_NAME = "instr(a.name_sort, ?) > 1"  # in the name, not at its start (those came first)
_NOT_IN_NAME = "instr(a.name_sort, ?) = 0"
_IN_PEOPLE = f"EXISTS (SELECT 1 FROM {_TEXTS} s WHERE s.id = a.id AND instr(s.c1, ?) > 0)"
_MATCHING = "SELECT rowid AS id FROM account_search WHERE account_search MATCH ?"
# Too short for trigrams: a scan (LIKE beats instr here, and the text is lower case already).
_SHORT_MATCHING = f"SELECT id FROM {_TEXTS} WHERE c0 LIKE ?1 ESCAPE '\\' OR c1 LIKE ?1 ESCAPE '\\'"


def _contained_hits(db: Database, needle: str, scope: Visibility, limit: int) -> list:
    """Names holding the needle past their start (rank 1), then accounts matched only by
    their contacts (rank 2)."""
    if len(needle) >= 3:
        names = people = _few(db, _MATCHING, _phrase(needle))
        if names is None:  # common: but perhaps not in names
            names = _few(db, _MATCHING, f"name : {_phrase(needle)}")
    else:  # the name index is walked if need be (a cheap check per entry)
        names = people = _few(db, _SHORT_MATCHING, _containing(needle))
    rows = _ranked(db, 1, _IN_NAME, [needle], names, scope, limit)
    if len(rows) < limit:
        # Listed ones match somewhere, so not in the name means in the contacts. Walked
        # ones are common among contacts: more than _FEW match, fewer than `limit` in names.
        check = (None, []) if people is not None else (_IN_PEOPLE, [needle])
        rows += _ranked(db, 2, _NOT_IN_NAME, [needle], people, scope, limit - len(rows), *check)
    return rows


def _few(db: Database, matching: str, param: str) -> str | None:
    """The ids `matching` selects, as a JSON list, if there are at most _FEW of them (else
    None: they are better walked in order)."""
    count, ids = db.one(f"SELECT count(*), group_concat(id) FROM ({matching} LIMIT ?2)", (param, _FEW + 1))
    return None if count > _FEW else f"[{ids or ''}]"


def _containing(needle: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for text containing `needle`, wildcards taken literally."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", needle) + "%"


def _phrase(needle: str) -> str:
    # A quoted FTS5 string is matched as a substring by the trigram tokenizer.
    return '"' + needle.replace('"', '""') + '"'


def _ranked(db: Database, rank: int, condition: str, params: list, ids: str | None, scope: Visibility,
            limit: int, check: str | None = None, check_params: tuple | list = ()) -> list:
    """The first `limit` accounts by name meeting `condition`, in scope and passing `check`
    (costlier: asked last): among `ids` (a JSON list), or walking the name index when None."""
    team, team_params = _on_team(scope)
    where = f"{condition} AND {team}" + (f" AND {check}" if check else "")
    params = [*params, *team_params, *check_params, limit]
    select = f"SELECT a.id, a.name, a.type, {rank} AS rank FROM account a"
    order = " ORDER BY a.name_sort, a.id LIMIT ?"
    if ids is None:
        return db.all(f"{select} INDEXED BY account_by_name WHERE {where}{order}", params)
    # NOT INDEXED: fetch these rows by id and sort them, rather than walk the name index.
    return db.all(f"{select} NOT INDEXED WHERE a.id IN (SELECT value FROM json_each(?)) AND {where}{order}",
                  [ids, *params])


def _on_team(scope: Visibility) -> tuple[str, list]:
    """A condition on `a` (the scanned account) for the scope, checked row by row."""
    if scope.all_accounts:
        return "1", []
    return "EXISTS (SELECT 1 FROM account_team t WHERE t.account_id = a.id AND t.member_id = ?)", [scope.member_id]


_CONTACTS_MATCHING = "SELECT rowid AS id FROM contact_search WHERE contact_search MATCH ?"
_CONTACT_ORDER = " ORDER BY o.last_name, o.first_name, o.id LIMIT ?"


def contact_ids(db: Database, text: str, scope: Visibility, limit: int = 10) -> list[int]:
    """Contacts whose folded names or emails contain `text`, by last name, first name and id.

    A restricted member gets those linked to an account on their team, or to none.
    """
    needle = fold(text.strip())
    if not needle:
        return []
    if _small_team(db, scope):
        rows = _team_contacts(db, needle, scope.member_id, limit)
    else:
        # Too short for trigrams, or common: the ordered text is walked (a cheap check per row).
        ids = _few(db, _CONTACTS_MATCHING, _phrase(needle)) if len(needle) >= 3 else None
        rows = _contacts_in_order(db, needle, ids, scope, limit)
    return [r[0] for r in rows]


def _team_contacts(db: Database, needle: str, member_id: int, limit: int) -> list:
    """A small team's contacts and the unlinked ones, all checked: there are few."""
    return db.all(
        "SELECT o.id FROM contact_search_text o WHERE o.id IN (SELECT ac.contact_id FROM account_team t"
        " JOIN account_contact ac ON ac.account_id = t.account_id WHERE t.member_id = ?"
        " UNION SELECT id FROM contact_search_text WHERE free)"
        f" AND instr(o.text, ?) > 0{_CONTACT_ORDER}", (member_id, needle, limit))


def _contacts_in_order(db: Database, needle: str, ids: str | None, scope: Visibility, limit: int) -> list:
    """The first `limit` contacts the scope shows: among `ids` (a JSON list, all matching), or
    walking the text in order when None."""
    visible, params = "1", []
    if not scope.all_accounts:
        visible = ("(o.free OR EXISTS (SELECT 1 FROM account_contact ac JOIN account_team t"
                   " ON t.account_id = ac.account_id WHERE ac.contact_id = o.id AND t.member_id = ?))")
        params = [scope.member_id]
    if ids is None:  # LIKE beats instr here (the text is lower case already)
        return db.all("SELECT o.id FROM contact_search_text o INDEXED BY contact_search_in_order"
                      f" WHERE o.text LIKE ? ESCAPE '\\' AND {visible}{_CONTACT_ORDER}",
                      [_containing(needle), *params, limit])
    # NOT INDEXED: fetch these rows by id and sort them, rather than walk the whole order.
    return db.all("SELECT o.id FROM contact_search_text o NOT INDEXED"
                  f" WHERE o.id IN (SELECT value FROM json_each(?)) AND {visible}{_CONTACT_ORDER}",
                  [ids, *params, limit])
