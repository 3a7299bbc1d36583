"""Which screen draws the main region for a route, with the pages for no access and not found.

The Data and Settings screens are made on their first visit: their code is not needed to start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.domain.errors import AccessDenied, NotFound
from app.services import profile
from app.ui.account_editor import AccountEditor
from app.ui.clients_screen import ClientsScreen
from app.ui.components.contact_page import contact_page
from app.ui.components.message_page import message_page
from app.ui.person_editor import PersonEditor
from app.ui.profile_screen import ProfileScreen
from app.ui.router import Route

if TYPE_CHECKING:
    from app.services.checked_elsewhere import CheckedElsewhere
    from app.services.reset import MakeDemo
    from app.ui.context import Context
    from app.ui.data_screen import DataScreen
    from app.ui.settings_screen import SettingsScreen
    from app.ui.work import WorkRunner

MAIN = "main"


class Screens:
    def __init__(self, ctx: Context, work: WorkRunner, make_demo: MakeDemo | None,
                 check_elsewhere: Callable[[Any], CheckedElsewhere] | None) -> None:
        self.ctx = ctx
        self._work, self._make_demo, self._check_elsewhere = work, make_demo, check_elsewhere
        account_editor = AccountEditor(ctx)
        self.clients = ClientsScreen(ctx, account_editor.new_account)
        self.profile = ProfileScreen(ctx, account_editor)
        self.person_editor = PersonEditor(ctx)
        self._data: DataScreen | None = None
        self._settings: SettingsScreen | None = None

    def data(self) -> DataScreen:
        if self._data is None:
            from app.ui.data_screen import DataScreen
            self._data = DataScreen(self.ctx, self._work, self._make_demo, self._check_elsewhere)
        return self._data

    def settings(self) -> SettingsScreen:
        if self._settings is None:
            from app.ui.settings_screen import SettingsScreen
            self._settings = SettingsScreen(self.ctx)
        return self._settings

    def render(self, route: Route) -> str:
        """Draw the route's screen into the main region; returns the page's title."""
        t = self.ctx.t
        try:
            return self._render(route)
        except AccessDenied:
            return self._message(t("noaccess.title"), t("noaccess.body", member=self.ctx.member.full_name))
        except NotFound:
            key = {"contact": "contact.not_found", "document": "document.not_found"}.get(route.name,
                                                                                        "notfound.title")
            body = t("document.not_found_body") if route.name == "document" else t("notfound.body")
            return self._message(t(key), body)

    def _render(self, route: Route) -> str:
        ctx, t = self.ctx, self.ctx.t
        if route.name == "clients":
            return self.clients.render(route.query)
        if route.name in ("account", "section", "document", "history"):
            return self.profile.render(route)
        if route.name == "contact":
            view = profile.contact_page(ctx.db, ctx.member, route.account_id)
            ctx.dom.mount(MAIN, contact_page(t, view, self.person_editor.edit(view.id)))
            return view.name
        if route.name == "data":
            return self.data().render()
        if route.name == "settings":
            return self.settings().render()
        return self._message(t("notfound.page"), t("notfound.body"))

    def _message(self, title: str, body: str) -> str:
        self.ctx.dom.mount(MAIN, message_page(title, body))
        return title
