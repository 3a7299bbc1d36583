"""From the demo to a firm of one's own: the demo notice and the `Set up my firm` dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.domain.firm import Member
from app.services import firm, setup
from app.ui.components.demo_notice import demo_notice
from app.ui.components.form_dialog import form_dialog
from app.ui.components.setup_form import setup_form
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.context import Context

BANNER = "banner"


class FirmSetup:
    def __init__(self, ctx: Context, signed_in: Callable[[Member], None]) -> None:
        self.ctx = ctx
        self.signed_in = signed_in   # the owner of the new firm is signed in (the session's)

    def render_banner(self) -> None:
        """The demo notice while the demo firm is loaded; nothing otherwise."""
        demo = firm.firm_info(self.ctx.db).demo
        self.ctx.dom.mount(BANNER, demo_notice(self.ctx.t, self.open) if demo else None)

    def open(self, _event: UiEvent) -> None:
        self.ctx.dialogs.open(OpenForm(render=self._dialog, submit=self._create, values={"starter": "true"},
                                       focus="f-firm-name", opener="set-up-firm"))

    def _dialog(self, form: OpenForm) -> Element:
        t, d = self.ctx.t, self.ctx.dialogs
        return form_dialog(t, "set-up-firm-dialog", t("setup.title"), setup_form(t, form.values, d.error_text),
                           bool(form.errors), d.on_submit, d.close, d.on_key, submit_label=t("setup.create"))

    async def _create(self, data: dict[str, Any]) -> None:
        ctx = self.ctx
        owner = await setup.create_firm(ctx.db, ctx.member, data, ctx.kdf)
        # Drawn once, as the new firm's owner on its client list: the dialog, the demo's drafts
        # and previews and the old address all go before the sign-in draws.
        ctx.dialogs.discard()
        ctx.forget_screens()
        ctx.dom.replace_hash("#/clients")
        ctx.changed(message=ctx.t("setup.done", firm=firm.firm_info(ctx.db).name))
        self.signed_in(owner)
