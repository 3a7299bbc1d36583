"""The clients list query: visible accounts, filtered, sorted and paged, with their cells."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Visibility
from app.domain.listing import ClientQuery, SortKey
from app.store.db import Database, placeholders


@dataclass(frozen=True)
class ClientRow:
    id: int
    name: str
    type: str
    tag_ids: tuple[int, ...]
    team_ids: tuple[int, ...]
    email: str | None


def _where(scope: Visibility, query: ClientQuery) -> tuple[str, list]:
    clauses, params = [], []
    if not scope.all_accounts:
        clauses.append("a.id IN (SELECT account_id FROM account_team WHERE member_id = ?)")
        params.append(scope.member_id)
    if query.type is not None:
        clauses.append("a.type = ?")
        params.append(query.type.value)
    if query.tag_id is not None:
        clauses.append("a.id IN (SELECT account_id FROM account_tag WHERE tag_id = ?)")
        params.append(query.tag_id)
    if query.member_id is not None:
        clauses.append("a.id IN (SELECT account_id FROM account_team WHERE member_id = ?)")
        params.append(query.member_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_clients(db: Database, scope: Visibility, query: ClientQuery) -> tuple[list[ClientRow], int]:
    """One page of rows and the total number of matching accounts."""
    where, params = _where(scope, query)
    total = db.scalar(f"SELECT count(*) FROM account a{where}", params)
    direction = "DESC" if query.descending else "ASC"
    order = f"a.name_sort {direction}, a.id {direction}"
    if query.sort is SortKey.TYPE:
        order = f"a.type {direction}, a.name_sort, a.id"
    rows = db.all(f"SELECT a.id, a.name, a.type FROM account a{where} ORDER BY {order}"
                  " LIMIT ? OFFSET ?", [*params, query.page_size, query.offset])
    ids = [r["id"] for r in rows]
    tags, team, emails = _cells(db, ids)
    return [ClientRow(r["id"], r["name"], r["type"], tuple(tags.get(r["id"], ())),
                      tuple(team.get(r["id"], ())), emails.get(r["id"])) for r in rows], total


def _cells(db: Database, ids: list[int]) -> tuple[dict, dict, dict]:
    if not ids:
        return {}, {}, {}
    marks = placeholders(len(ids))
    tags: dict[int, list[int]] = {}
    for r in db.all(f"SELECT account_id, tag_id FROM account_tag WHERE account_id IN ({marks})", ids):
        tags.setdefault(r[0], []).append(r[1])
    team: dict[int, list[int]] = {}
    for r in db.all(f"SELECT account_id, member_id FROM account_team WHERE account_id IN ({marks})",
                    ids):
        team.setdefault(r[0], []).append(r[1])
    emails = {r[0]: r[1] for r in db.all(
        "SELECT ac.account_id, e.address FROM account_contact ac"
        " JOIN contact_email e ON e.contact_id = ac.contact_id AND e.is_primary"
        f" WHERE ac.is_primary AND ac.account_id IN ({marks})", ids)}
    return tags, team, emails
