"""From the demo to a firm of one's own: the demo notice and the `Set up my firm` dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.services import setup
from app.ui.components.demo_notice import demo_notice
from app.ui.components.form_dialog import form_dialog
from app.ui.components.setup_form import setup_form
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.app import App

BANNER = "banner"


class FirmSetup:
    def __init__(self, app: App) -> None:
        self.app = app

    def render_banner(self) -> None:
        """The demo notice while the demo firm is loaded; nothing otherwise."""
        demo = self.app.firm.demo
        self.app.dom.mount(BANNER, demo_notice(self.app.t, self.open) if demo else None)

    def open(self, _event: UiEvent) -> None:
        self.app.dialogs.open(OpenForm(render=self._dialog, submit=self._create, values={"starter": "true"},
                                       focus="f-firm-name", opener="set-up-firm"))

    def _dialog(self, form: OpenForm) -> Element:
        t, d = self.app.t, self.app.dialogs
        return form_dialog(t, "set-up-firm-dialog", t("setup.title"), setup_form(t, form.values, d.error_text),
                           bool(form.errors), d.on_submit, d.close, d.on_key, submit_label=t("setup.create"))

    async def _create(self, data: dict[str, Any]) -> None:
        owner = await setup.create_firm(self.app.db, self.app.member, data, self.app.kdf)
        self.app.session.signed_in(owner, replaced=True)
        self.app.navigate("#/clients", self.app.t("setup.done", firm=self.app.firm.name))
