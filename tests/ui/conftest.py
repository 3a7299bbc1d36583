"""Fixtures of the controller tests."""

from __future__ import annotations

import asyncio

import pytest


@pytest.fixture
def loop():
    """An event loop of the test's own, for handlers that start tasks (passphrase hashing)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)
