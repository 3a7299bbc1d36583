"""Changing the firm's tags (Settings): rename, recolour, delete, and how many accounts carry each."""

from __future__ import annotations

from app.domain.firm import Tag
from app.store.db import Database


def get_tag(db: Database, tag_id: int) -> Tag | None:
    row = db.one("SELECT id, name, color FROM tag WHERE id = ?", (tag_id,))
    return None if row is None else Tag(id=row["id"], name=row["name"], color=row["color"])


def update_tag(db: Database, tag: Tag) -> None:
    """Name and colour; the accounts carrying it keep it (they link to the id)."""
    db.execute("UPDATE tag SET name = ?, color = ? WHERE id = ?", (tag.name, tag.color, tag.id))


def delete_tag(db: Database, tag_id: int) -> None:
    """The tag and, by cascade, its place on every account."""
    db.execute("DELETE FROM tag WHERE id = ?", (tag_id,))


def count_accounts(db: Database, tag_id: int) -> int:
    return db.scalar("SELECT count(*) FROM account_tag WHERE tag_id = ?", (tag_id,))


def account_counts(db: Database) -> dict[int, int]:
    """Tag id -> how many accounts carry it (tags on no account are absent)."""
    rows = db.all("SELECT tag_id, count(*) AS n FROM account_tag GROUP BY tag_id")
    return {r["tag_id"]: r["n"] for r in rows}
