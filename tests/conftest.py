"""Shared fixtures for the CPython unit tests."""

from __future__ import annotations

from datetime import date

import pytest

from app.demo.generator import build_demo
from app.domain.firm import Member
from app.store import firm as firm_store
from app.store import open_store
from app.store.db import Database

TODAY = date(2026, 11, 26)
ADMINS = ["Giulia", "Marco"]                    # the demo's owner and an admin
EMPLOYEES = ["Laura", "Paolo", "Sara", "Tom"]   # view all / manage / export only / all three
MARKUP = "<img src=x onerror=alert(1)>"          # what a name must show as text, never run


@pytest.fixture
def db() -> Database:
    """An empty, migrated database."""
    database = open_store()
    yield database
    database.close()


@pytest.fixture
def studio() -> Database:
    """A demo firm of 20 accounts of the test's own, to write to."""
    database = _demo_db(20)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo() -> Database:
    """The 300-account demo firm, built once; tests must not write to it."""
    return _demo_db(300)


def _demo_db(accounts: int) -> Database:
    database = open_store()
    build_demo(database, accounts=accounts, seed=7, today=TODAY)
    return database


def member_named(database: Database, first_name: str) -> Member:
    return next(m for m in firm_store.list_members(database) if m.first_name == first_name)


def pytest_collection_modifyitems(items):
    """End-to-end tests run last: Playwright's sync API keeps an event loop running in this
    thread until the session ends, and unit tests run their coroutines with loops of their own."""
    items.sort(key=lambda item: "/e2e/" in str(item.fspath))
