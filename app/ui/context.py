"""What a screen's controller may use: the store, who acts, the words, the page, the dialogs,
and three ways to act on the screen (say, go, mark changed). Nothing else of the App.

Controllers subscribe instead of being called one by one: `on_forget` (what a screen kept,
a draft or a preview, no longer applies: another member, replaced data, signed out).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeAlias

if TYPE_CHECKING:
    from app.domain.firm import Member
    from app.domain.passphrase import Kdf
    from app.i18n import Translator
    from app.store.db import Database
    from app.ui.dialogs import Dialogs
    from app.ui.dom_protocol import DomProtocol


@dataclass(frozen=True)
class ToOpener:
    """Back to what had the focus when the dialog opened; if it is gone, `fallback`, then the
    page title. A weak request: a place asked for during the same action wins."""
    fallback: str | None = None


@dataclass(frozen=True)
class FirstFieldIn:
    """The first field or button inside an element (a dialog just opened)."""
    element_id: str


Focus: TypeAlias = "str | ToOpener | FirstFieldIn"   # a str is an element's id


class Context(Protocol):
    db: Database
    dom: DomProtocol
    dialogs: Dialogs
    kdf: Kdf

    @property
    def member(self) -> Member | None: ...

    @property
    def t(self) -> Translator: ...

    def changed(self, focus: Focus | None = None, message: str | None = None) -> None:
        """What the screen shows changed: drawn once when the event ends, then focus and say."""

    def announce(self, text: str) -> None: ...

    def navigate(self, hash_: str, message: str | None = None, focus: Focus | None = None) -> None: ...

    def show_error(self, error: BaseException) -> None: ...

    def on_forget(self, callback: Callable[[], None]) -> None: ...

    def forget_screens(self) -> None:
        """Tell every subscriber that what it kept no longer applies (the data was replaced)."""


class Forgetting:
    """The `on_forget` subscription: App tells, each subscriber drops what it kept."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[], None]] = []

    def on_forget(self, callback: Callable[[], None]) -> None:
        self._subscribers.append(callback)

    def forget_screens(self) -> None:
        for callback in self._subscribers:
            callback()
