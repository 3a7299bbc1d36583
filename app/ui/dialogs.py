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
from app.ui.components.confirm_dialog import CANCEL_ID, confirm_dialog
from app.ui.components.form_field import field_id
from app.ui.context import FirstFieldIn, ToOpener
from app.ui.events import UiEvent
from app.ui.forms import error_for
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.context import Context

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
    opener: str | None = None   # where focus goes on close if what opened it is gone
    on_escape: Callable[[UiEvent], None] | None = None   # Esc closes, unless the dialog says otherwise


class Dialogs:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.current: OpenForm | None = None
        self._confirming: Element | None = None   # a confirmation, drawn as it was asked

    def error_text(self, name: str) -> str | None:
        code = error_for(self.current.errors, name) if self.current else None
        return None if code is None else self.message(code, **self.current.details.get(name, {}))

    def message(self, code: str, **params: str) -> str:
        """What a refusal code says to a person (a code without its own words is "Not valid.")."""
        t = self.ctx.t
        return t(f"error.{code}", **params) if t.has(f"error.{code}") else t("error.invalid")

    def open(self, form: OpenForm) -> None:
        """Show `form`; focus goes to its first field (or `form.focus`), and back on close."""
        self.ctx.dom.hold_focus()
        self.current = form
        self.ctx.changed(focus=form.focus or FirstFieldIn(REGION))

    def render(self) -> None:
        """Draw the open dialog (or none): Esc closes any of them."""
        form = self.current
        if form is None:
            self.ctx.dom.mount(REGION, self._confirming)
            return
        self.ctx.dom.mount(REGION, form.render(form))

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
        """The dialog stays with what was typed (a passphrase excepted) and the reasons; focus
        goes to the first field refused."""
        form.values, form.errors, form.details = dict(values), error.errors, error.details
        self.ctx.dom.clear_secrets(REGION)
        first = next(iter(error.errors), None)
        self.ctx.changed(focus=field_id(first) if first else None)

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
            self.ctx.show_error(error)
            return
        form.busy = False
        if self.current is form:
            self.finish(message)

    def finish(self, message: str | None) -> None:
        """The change is saved: close; the screen is drawn anew, focus goes back to the opener
        and what happened is said."""
        self._close_to_opener(message)

    def on_key(self, event: UiEvent) -> None:
        """Every dialog's keys: Esc closes it (or does what the dialog says instead)."""
        if event.key == "Escape" and self.current is not None:
            (self.current.on_escape or self.close)(event)

    def close(self, _event: UiEvent | None = None) -> None:
        self._close_to_opener(None)

    def _close_to_opener(self, message: str | None) -> None:
        fallback = self.current.opener if self.current else None
        self.current = self._confirming = None
        self.ctx.changed(focus=ToOpener(fallback), message=message)

    def discard(self) -> None:
        """Close whatever is open without a word (signing out): its typed input is dropped."""
        self.current = self._confirming = None
        self.ctx.changed()

    def confirm(self, title: str, body: str, action: Callable[[], str | None],
                fallback: str | None = None) -> None:
        """An alertdialog naming what will happen. Focus starts on Cancel, the safe choice;
        Confirm runs `action` and says its message; focus goes back to the opener, or to
        `fallback` when the opener went with what was confirmed (a deleted note)."""
        def on_confirm(_event: UiEvent) -> None:
            self._confirming = None
            try:
                message = action()
            except InvalidInput as error:
                message = " ".join(self.message(c) for c in error.errors.values())
            self.ctx.changed(focus=ToOpener(fallback), message=message)

        def on_key(event: UiEvent) -> None:
            if event.key == "Escape":
                self.close()

        self.ctx.dom.hold_focus()
        self.current = None
        self._confirming = confirm_dialog(self.ctx.t, title, body, on_confirm, self.close, on_key)
        self.ctx.changed(focus=CANCEL_ID)
