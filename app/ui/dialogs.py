"""The dialog region: open one form or confirmation at a time, close it, keep its state.

Screens hand a `render(values, errors)` function and a `submit(form)` function; a submit
that raises InvalidInput re-renders the dialog with the typed values and the messages.
"""

from __future__ import annotations

from collections.abc import Callable
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


class Dialogs:
    def __init__(self, app: App) -> None:
        self.app = app
        self.current: OpenForm | None = None

    def error_text(self, name: str) -> str | None:
        code = error_for(self.current.errors, name) if self.current else None
        return None if code is None else self.message(code)

    def message(self, code: str) -> str:
        """What a refusal code says to a person (a code without its own words is "Not valid.")."""
        t = self.app.t
        return t(f"error.{code}") if t.has(f"error.{code}") else t("error.invalid")

    def open(self, form: OpenForm) -> None:
        self.current = form
        self._show()
        if form.focus:
            self.app.dom.focus(form.focus)

    def _show(self) -> None:
        self.app.dom.mount(REGION, self.current.render(self.current))

    def on_submit(self, event: UiEvent) -> None:
        form = self.current
        if form is None:
            return
        try:
            message = form.submit(event.form)
        except InvalidInput as error:
            form.values, form.errors = dict(event.form), error.errors
            self._show()
            return
        self.finish(message)

    def finish(self, message: str | None) -> None:
        """The change is saved: close, show the screen anew, say what happened."""
        self.close()
        self.app.rerender_main()
        if message:
            self.app.announce(message)

    def on_key(self, event: UiEvent) -> None:
        if event.key == "Escape":
            self.close()

    def close(self, _event: UiEvent | None = None) -> None:
        self.current = None
        self.app.dom.mount(REGION, None)
        self.app.dom.focus("page-title")

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
