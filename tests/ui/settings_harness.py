"""Drives one Settings part under CPython the way a person would: click, fill a dialog, confirm."""

from __future__ import annotations

from app.ui.app import App
from app.ui.events import UiEvent
from app.ui.html import Element, text_of
from tests.conftest import member_named
from tests.ui.fake_dom import FakeDom
from tests.ui.tree import by_role, walk


class Harness:
    def __init__(self, db, part_class, member: str = "Giulia") -> None:
        self.dom = FakeDom()
        self.app = App(db, self.dom)
        self.app.member = member_named(db, member)
        self.controller = part_class(self.app)

    def part(self) -> Element:
        """The part as the Settings screen would show it now."""
        return self.controller.part()

    def click(self, name: str, role: str = "button") -> None:
        found = by_role(self.part(), role, name)
        assert len(found) == 1, f"{len(found)} {role} named {name!r}"
        found[0].attr("on_click")(UiEvent(type="click"))
        self.handled()

    def handled(self) -> None:
        """What the page does once a handler has run: the one render, then what waited for it."""
        self.app.flush()
        self.dom.settle()

    def dialog(self) -> Element:
        region = self.dom.regions.get("dialog")
        assert region is not None, "no dialog is open"
        return region

    def control(self, label: str) -> Element:
        """The form control labelled `label` in the open dialog."""
        tree = self.dialog()
        ids = [e.attr("for") for e in walk(tree) if e.tag == "label" and text_of(e) == label]
        assert len(ids) == 1, f"no single control labelled {label!r}"
        return next(e for e in walk(tree) if e.attr("id") == ids[0] and e.tag != "label")

    def described(self, control: Element) -> str:
        """The hint and error text a screen reader reads with the control."""
        ids = (control.attr("aria-describedby") or "").split()
        return " ".join(text_of(e) for e in walk(self.dialog()) if e.attr("id") in ids)

    def submit(self, prefix: str, **values: str) -> None:
        """Submit the open dialog's form with these fields (named `<prefix>.<name>`, as the form names them)."""
        form = next(e for e in walk(self.dialog()) if e.tag == "form")
        form.attr("on_submit")(UiEvent(type="submit", form={f"{prefix}.{k}": v for k, v in values.items()}))
        self.handled()

    def confirm(self) -> str:
        """Press Confirm in the open alertdialog; returns what the dialog said."""
        dialog = by_role(self.dialog(), "alertdialog")[0]
        said = text_of(next(e for e in walk(dialog) if e.attr("id") == "dialog-body"))
        by_role(dialog, "button", "Confirm")[0].attr("on_click")(UiEvent(type="click"))
        self.handled()
        return said

    def announced(self) -> str:
        region = self.dom.regions.get("announce")
        return text_of(region) if region is not None else ""
