"""Shared by the Settings, sign-in and set-up tests: a writable demo firm and a fast KDF."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

from app.domain.passphrase import Kdf, hashlib_derive
from app.services import team
from app.store import firm as firm_store
from app.store.db import Database
from tests.conftest import member_named

# 1000 iterations: the same PBKDF2, fast enough for a unit test (production uses 600,000).
FAST_KDF = Kdf(hashlib_derive, iterations=1000)
NOW = datetime(2026, 11, 26, 10, 30)
PASSPHRASE = "correct horse battery"
# The tables a Settings change writes to: compared whole to prove nothing was half-written.
TABLES = ("firm", "member", "firm_event", "account_team", "team_history", "tag", "custom_field")


def run(coroutine):
    return asyncio.run(coroutine)


def snapshot(db: Database, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple]]:
    return {t: sorted(tuple(r) for r in db.all(f"SELECT * FROM {t}")) for t in tables}  # noqa: S608


def events(db: Database) -> list[dict]:
    """The firm's history, oldest first, as plain dicts."""
    return [{"at": r["at"], "actor_id": r["actor_id"], "action": r["action"], "subject": r["subject"],
             "detail": json.loads(r["detail"] or "{}")}
            for r in db.all("SELECT * FROM firm_event ORDER BY id")]


def fresh(db: Database, member_id: int):
    """The member as stored now."""
    return firm_store.get_member(db, member_id)


def deactivated_admin(db: Database):
    """Marco, deactivated by the owner: the object a tab still holding him would act with."""
    marco = member_named(db, "Marco")
    team.deactivate(db, member_named(db, "Giulia"), marco.id, NOW)
    return fresh(db, marco.id)


def new_member_data(**changes) -> dict:
    data = {"first_name": "Nina", "last_name": "Rossi", "email": "nina.rossi@studiobf.it",
            "role": "employee", "rights": ["view_all_accounts"], "passphrase": PASSPHRASE}
    return {**data, **changes}


def add_nina(db: Database, **changes) -> int:
    """A new employee added by the owner, with the first passphrase PASSPHRASE."""
    return run(team.add_member(db, member_named(db, "Giulia"), new_member_data(**changes), FAST_KDF, NOW))
