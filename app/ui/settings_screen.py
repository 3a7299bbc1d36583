"""The Settings page (owner and admins): Firm, Team members, Tags, Custom fields, Firm history.

Made on the first visit (its code is not needed to start). Every part calls its services
with the member signed in; the services refuse what the member may not do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.access import can_manage_settings
from app.domain.errors import AccessDenied, InvalidInput
from app.services import firm_history, firm_settings
from app.ui.components.firm_history import firm_history as history_part
from app.ui.components.firm_part import firm_part
from app.ui.components.form_field import field_id
from app.ui.components.settings_page import settings_page
from app.ui.events import UiEvent
from app.ui.field_settings import FieldSettings
from app.ui.forms import error_for
from app.ui.member_settings import MemberSettings
from app.ui.tag_settings import TagSettings

if TYPE_CHECKING:
    from app.ui.context import Context

MAIN = "main"


class SettingsScreen:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        ctx.on_forget(self.forget)
        self.members = MemberSettings(ctx)
        self.tags = TagSettings(ctx)
        self.fields = FieldSettings(ctx)
        self.firm_values: dict | None = None     # typed values of a refused Firm form
        self.firm_errors: dict[str, str] = {}

    def forget(self) -> None:
        self.firm_values, self.firm_errors = None, {}

    def render(self) -> str:
        ctx, t = self.ctx, self.ctx.t
        if not can_manage_settings(ctx.member):
            raise AccessDenied("settings")
        firm = firm_settings.firm_form(ctx.db, ctx.member)
        values = self.firm_values if self.firm_values is not None else {
            **firm.model_dump(), "idle_minutes": str(firm.idle_minutes)}
        events, total = firm_history.history(ctx.db, ctx.member)
        ctx.dom.mount(MAIN, settings_page(
            t, firm_part(t, values, self._firm_error, bool(self.firm_errors), self._save_firm),
            self.members.part(), self.tags.part(), self.fields.part(), history_part(t, events, total)))
        return t("settings.title")

    def _firm_error(self, name: str) -> str | None:
        code = error_for(self.firm_errors, name)
        return None if code is None else self.ctx.dialogs.message(code)

    def _save_firm(self, event: UiEvent) -> None:
        try:
            firm = firm_settings.update_firm(self.ctx.db, self.ctx.member, dict(event.form))
        except InvalidInput as error:
            self.firm_values, self.firm_errors = dict(event.form), error.errors
            self.ctx.changed(focus=field_id(next(iter(error.errors))))
            return
        self.forget()
        self.ctx.changed(message=self.ctx.t("firm.saved", firm=firm.name))
