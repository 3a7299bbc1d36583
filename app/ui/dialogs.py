"""The dialog region: open one form or confirmation at a time, close it, keep its state.

Screens hand a `render(values, errors)` function and a `submit(form)` function; a submit
that raises InvalidInput re-renders the dialog with the typed values and the messages.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.domain.errors import InvalidInput
from app.ui.components.confirm_dialog import CONFIRM_ID, confirm_dialog
from app.ui.events import UiEvent
from app.ui.forms import error_for
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.app import App

REGION = "dialog"


@dataclass
class OpenForm:
    render: Callable[[OpenForm], Element]
    submit: Callable[[dict[str, Any]], str | None]   # returns the message to announce
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    focus: str | None = None
    details: dict[str, dict[str, str]] = field(default_factory=dict)
    busy: bool = False   # an asynchronous submit (a passphrase being hashed) is under way
    opener: str | None = None   # the element that opened it: focus goes back there on close


class Dialogs:
    def __init__(self, app: App) -> None:
        self.app = app
        self.current: OpenForm | None = None

    def error_text(self, name: str) -> str | None:
        code = error_for(self.current.errors, name) if self.current else None
        return None if code is None else self.message(code, **self.current.details.get(name, {}))

    def message(self, code: str, **params: str) -> str:
        """What a refusal code says to a person (a code without its own words is "Not valid.")."""
        t = self.app.t
        return t(f"error.{code}", **params) if t.has(f"error.{code}") else t("error.invalid")

    def open(self, form: OpenForm) -> None:
        self.current = form
        self._show()
        if form.focus:
            self.app.dom.focus(form.focus)

    def _show(self) -> None:
        self.app.dom.mount(REGION, self.current.render(self.current))

    def on_submit(self, event: UiEvent) -> None:
        form = self.current
        if form is None or form.busy:
            return
        try:
            message = form.submit(event.form)
        except InvalidInput as error:
            self._refused(form, event.form, error)
            return
        if inspect.isawaitable(message):
            form.busy = True
            asyncio.ensure_future(self._finish_later(form, event.form, message))
            return
        self.finish(message)

    def _refused(self, form: OpenForm, values: dict[str, Any], error: InvalidInput) -> None:
        form.values, form.errors, form.details = dict(values), error.errors, error.details
        self._show()

    async def _finish_later(self, form: OpenForm, values: dict[str, Any], pending: Awaitable[str | None]) -> None:
        try:
            message = await pending
        except InvalidInput as error:
            form.busy = False
            if self.current is form:
                self._refused(form, values, error)
            return
        except Exception as error:  # noqa: BLE001 - shown, never swallowed
            form.busy = False
            self.app.show_error(error)
            return
        form.busy = False
        if self.current is form:
            self.finish(message)

    def finish(self, message: str | None) -> None:
        """The change is saved: close, show the screen anew, say what happened."""
        opener = self.current.opener if self.current else None
        self.current = None
        self.app.dom.mount(REGION, None)
        self.app.rerender_main()
        self.app.dom.focus_first(opener, "page-title")
        if message:
            self.app.announce(message)

    def on_key(self, event: UiEvent) -> None:
        if event.key == "Escape":
            self.close()

    def close(self, _event: UiEvent | None = None) -> None:
        opener = self.current.opener if self.current else None
        self.current = None
        self.app.dom.mount(REGION, None)
        self.app.dom.focus_first(opener, "page-title")

    def discard(self) -> None:
        """Close whatever is open without a word (signing out): its typed input is dropped."""
        self.current = None
        self.app.dom.mount(REGION, None)

    def confirm(self, title: str, body: str, action: Callable[[], str | None]) -> None:
        """An alertdialog naming what will happen; Confirm runs `action` and says its message."""
        def on_confirm(_event: UiEvent) -> None:
            self.app.dom.mount(REGION, None)
            self.app.dom.focus("page-title")
            try:
                message = action()
            except InvalidInput as error:
                self.app.rerender_main()
                self.app.announce(" ".join(self.message(c) for c in error.errors.values()))
                return
            self.app.rerender_main()
            if message:
                self.app.announce(message)

        self.current = None
        self.app.dom.mount(REGION, confirm_dialog(self.app.t, title, body, on_confirm, self.close, self.on_key))
        self.app.dom.focus(CONFIRM_ID)
