"""The controller: holds who is signed in, the language and the screen; renders regions.

Data flows one way: a DOM event reaches a handler here, which calls a service with the
acting member, then re-renders from the view data the services return.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.domain.errors import AccessDenied, NotFound
from app.domain.firm import Member
from app.i18n import CATALOGS, DEFAULT, Translator
from app.services import firm, members, profile, reset
from app.store.db import Database
from app.ui.account_editor import AccountEditor
from app.ui.backup import Backup, MemoryBackup
from app.ui.clients_screen import ClientsScreen
from app.ui.components.contact_page import contact_page
from app.ui.components.message_page import message_page
from app.ui.components.save_status import save_status
from app.ui.components.sidebar import SidebarHandlers, sidebar
from app.ui.dialogs import Dialogs
from app.ui.events import UiEvent
from app.ui.html import h
from app.ui.person_editor import PersonEditor
from app.ui.profile_screen import ProfileScreen
from app.ui.router import Route, account_href, parse
from app.ui.search import SearchController

if TYPE_CHECKING:
    from app.ui.data_screen import DataScreen
    from app.ui.dom import Dom  # the browser-only module; tests pass a stand-in

SIDEBAR, MAIN, ANNOUNCE, SAVE_STATE = "sidebar", "main", "announce", "save-state"


def preferred_language(dom: Dom) -> str:
    """The language chosen on this device, else the browser's if we have it, else English."""
    for lang in (dom.load_setting("language"), dom.browser_language()):
        if lang in CATALOGS:
            return lang
    return DEFAULT


class App:
    def __init__(self, db: Database, dom: Dom, retry_save: Callable[[], None] = lambda: None,
                 demo_firm: Callable[[Database], None] | None = None, backup: Backup | None = None) -> None:
        self.db = db
        self._demo_firm = demo_firm  # given by the entry point, which owns the demo generator
        self.dom = dom
        self._retry_save = retry_save
        self.save_state: tuple[str, str | None] = ("saved", None)
        self.lang = preferred_language(dom)
        self.member = self._initial_member()
        self.route = parse("")
        self.search = SearchController(self)
        self.clients_screen = ClientsScreen(self)
        self.profile_screen = ProfileScreen(self)
        self.dialogs = Dialogs(self)
        self.account_editor = AccountEditor(self)
        self.person_editor = PersonEditor(self)
        self.backup = backup or MemoryBackup()   # the data before the last dataset import
        # Undo import is offered until the next change: undoing later would throw that change away.
        # (The import's own commit drops the older copy before the new one is kept.)
        db.on_commit(self.backup.drop)
        self._data_screen: DataScreen | None = None
        self._pending_message: str | None = None
        self._navigating = False

    def data_screen(self) -> DataScreen:
        """Made on the first visit to the Data page: its import code is not needed to start."""
        if self._data_screen is None:
            from app.ui.data_screen import DataScreen
            self._data_screen = DataScreen(self)
        return self._data_screen

    @property
    def t(self) -> Translator:
        return Translator(self.lang)

    def _initial_member(self) -> Member:
        saved = self.dom.load_setting("member")
        if saved and saved.isdigit():
            try:
                return members.get_member(self.db, int(saved))
            except NotFound:
                pass
        return members.default_member(self.db)

    def start(self) -> None:
        self.dom.on_hash_change(lambda: self.show_route(focus=True))
        self.render_sidebar()
        self.show_route(focus=False)

    # Rendering ------------------------------------------------------------------------
    def render_sidebar(self) -> None:
        section = "data" if self.route.name == "data" else "clients"
        handlers = SidebarHandlers(search_input=self.search.on_input,
                                   search_keydown=self.search.on_keydown,
                                   member_change=self.on_member_change,
                                   language_change=self.on_language_change)
        self.dom.mount(SIDEBAR, sidebar(self.t, firm.firm_info(self.db).name,
                                        members.list_members(self.db), self.member.id, section,
                                        self.search.text, handlers))
        self.search.refresh()
        self._mount_save_state()

    # Saving ---------------------------------------------------------------------------
    def show_save_state(self, state: str, detail: str | None) -> None:
        self.save_state = (state, detail)
        self._mount_save_state()

    def _mount_save_state(self) -> None:
        state, detail = self.save_state
        self.dom.mount(SAVE_STATE, save_status(self.t, state, detail, lambda _e: self._retry_save()))

    def reload_data(self) -> None:
        """Another tab saved a change: read the database again and show it."""
        self.db.reopen()
        self.rerender()
        self.announce(self.t("storage.reloaded"))

    def show_route(self, focus: bool) -> None:
        previous, self.route = self.route, parse(self.dom.location_hash())
        self._navigating = False
        if previous != self.route:
            self.dom.mount(ANNOUNCE, None)  # a message belongs to the screen it was said on
        if (previous.name == "data") != (self.route.name == "data"):
            self.render_sidebar()  # the current-page mark in the navigation moved
        title = self.render_main()
        self.dom.set_document(lang=self.lang, title=f"{title} · {self.t('app.name')}")
        # Move focus to the new page's heading when the page changes, not when a filter,
        # sort, page or tab of the same page does (the user's place there is kept).
        moved = (previous.name, previous.account_id) != (self.route.name, self.route.account_id)
        if focus and moved:
            self.dom.focus("page-title")
        if self._pending_message:
            self.announce(self._pending_message)
            self._pending_message = None

    def render_main(self) -> str:
        """Render the current route into the main region; returns the page's title."""
        t, route = self.t, self.route
        try:
            return self._render_route(route)
        except AccessDenied:
            return self._message(t("noaccess.title"), t("noaccess.body", member=self.member.full_name))
        except NotFound:
            key = {"contact": "contact.not_found", "document": "document.not_found"}.get(route.name,
                                                                                        "notfound.title")
            body = t("document.not_found_body") if route.name == "document" else t("notfound.body")
            return self._message(t(key), body)

    def _render_route(self, route: Route) -> str:
        t = self.t
        if route.name == "clients":
            return self.clients_screen.render(route.query)
        if route.name in ("account", "section", "document", "history"):
            return self.profile_screen.render(route)
        if route.name == "contact":
            view = profile.contact_page(self.db, self.member, route.account_id)
            self.dom.mount(MAIN, contact_page(t, view, self.person_editor.edit(view.id)))
            return view.name
        if route.name == "data":
            return self.data_screen().render()
        return self._message(t("notfound.page"), t("notfound.body"))

    def _message(self, title: str, body: str) -> str:
        self.dom.mount(MAIN, message_page(title, body))
        return title

    def announce(self, text: str) -> None:
        """Say what just happened (screen readers read the polite live region)."""
        self.dom.mount(ANNOUNCE, h("p", None, text))

    def navigate(self, hash_: str, message: str | None = None) -> None:
        """Go to another screen, and say `message` once it is shown."""
        self._pending_message, self._navigating = message, True
        self.dom.navigate(hash_)

    def rerender_main(self) -> None:
        """Show the current screen again after a change (not while leaving it)."""
        if not self._navigating:
            self.show_route(focus=False)

    def rerender(self) -> None:
        self.render_sidebar()
        self.show_route(focus=False)

    # Handlers -------------------------------------------------------------------------
    def ask_reset(self, _event: UiEvent) -> None:
        t = self.t
        self.dialogs.confirm(t("data.reset_title"), t("data.reset_body"), self._reset)

    def _reset(self) -> str:
        reset.reset_to_demo(self.db, self.member, self._demo_firm)
        self.after_replacing_data()
        return self.t("data.reset_done")

    def ask_erase(self, _event: UiEvent) -> None:
        t = self.t
        self.dialogs.confirm(t("data.erase_title"), t("data.erase_body"), self._erase)

    def _erase(self) -> str:
        reset.erase_all_clients(self.db, self.member)
        self.after_replacing_data()
        return self.t("data.erase_done")

    def show_error(self, error: BaseException) -> None:
        """A failure outside an event handler (e.g. reading a file) is shown like any other."""
        self.dom.report_error(error)

    def after_replacing_data(self) -> None:
        try:  # the signed-in member may have been replaced with the firm
            self.member = members.get_member(self.db, self.member.id)
        except NotFound:
            self.member = members.default_member(self.db)
        self.search.clear()
        if self._data_screen:   # a CSV preview was planned against the data just replaced
            self._data_screen.forget()
        self.render_sidebar()

    def on_member_change(self, event: UiEvent) -> None:
        self.member = members.get_member(self.db, int(event.value))
        self.dom.save_setting("member", str(self.member.id))
        self.profile_screen.forget_drafts()  # an open editor belonged to the previous member
        if self._data_screen:
            self._data_screen.forget()
        self.dialogs.close()
        self.rerender()

    def on_language_change(self, event: UiEvent) -> None:
        self.lang = event.value if event.value in CATALOGS else DEFAULT
        self.dom.save_setting("language", self.lang)
        self.rerender()
        self.dom.focus("language-select")

    def open_account(self, account_id: int) -> None:
        self.dom.navigate(account_href(account_id))

