"""What the Settings screens show, as the services hand it to their components."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TagSettingsView:
    id: int
    name: str
    color: str
    accounts: int   # how many accounts carry it


@dataclass(frozen=True)
class FieldSettingsView:
    id: int
    scope: str
    label: str
    type: str
    options: tuple[str, ...]
    position: int
    values: int   # how many accounts/contacts hold a value


@dataclass(frozen=True)
class EventView:
    at: str
    actor: str          # the member's name; "" when made by the app itself (e.g. a set-up)
    action: str
    subject: str
    detail: dict[str, str]
