"""Errors the service layer raises; the UI turns each into a message a person understands."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every refusal the app explains to the user."""


class AccessDenied(DomainError):
    """The acting member may not see or change this."""


class NotFound(DomainError):
    """The record does not exist (or no longer does)."""


class InvalidInput(DomainError):
    """Input refused before anything was written: a message code for each bad field."""

    def __init__(self, errors: dict[str, str], details: dict[str, dict[str, str]] | None = None) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
        # Words that fill in a field's message, e.g. {"options": {"accounts": "Rossi, Mario"}}.
        self.details = details or {}


class StaleCopy(DomainError):
    """Another tab saved a change this tab has not loaded yet: reload, then try again."""


class FileRefused(DomainError):
    """A file to import was refused as a whole, before anything was written.

    `code` names the reason ("empty", "not_ours", …); `details` fill in its message.
    """

    def __init__(self, code: str, **details: str) -> None:
        super().__init__(code if not details else f"{code}: {details}")
        self.code = code
        self.details = details
