"""The controller: holds who is signed in, the language and the screen; renders regions.

Data flows one way: a DOM event reaches a handler here, which calls a service with the
acting member, then re-renders from the view data the services return.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.domain.access import can_manage_settings
from app.domain.errors import AccessDenied, NotFound
from app.domain.firm import Firm, Member
from app.domain.passphrase import Kdf, hashlib_derive
from app.i18n import CATALOGS, DEFAULT, Translator
from app.services import firm, members, profile
from app.services.reset import MakeDemo
from app.store.db import Database
from app.ui.account_editor import AccountEditor
from app.ui.clients_screen import ClientsScreen
from app.ui.components.contact_page import contact_page
from app.ui.components.message_page import message_page
from app.ui.components.save_status import save_status
from app.ui.components.sidebar import SidebarHandlers, SidebarView, locked_sidebar, sidebar
from app.ui.dialogs import Dialogs
from app.ui.events import UiEvent
from app.ui.firm_setup import FirmSetup
from app.ui.html import h
from app.ui.language import preferred_language
from app.ui.person_editor import PersonEditor
from app.ui.profile_screen import ProfileScreen
from app.ui.router import Route, account_href, parse
from app.ui.search import SearchController
from app.ui.session import Session
from app.ui.work import WorkRunner

if TYPE_CHECKING:
    from app.services.checked_elsewhere import CheckedElsewhere
    from app.ui.data_screen import DataScreen
    from app.ui.dom_protocol import DomProtocol
    from app.ui.settings_screen import SettingsScreen

SIDEBAR, MAIN, ANNOUNCE, SAVE_STATE = "sidebar", "main", "announce", "save-state"


IDLE_CHECK_SECONDS = 10




class App:
    def __init__(self, db: Database, dom: DomProtocol, retry_save: Callable[[], None] = lambda: None,
                 make_demo: MakeDemo | None = None, kdf: Kdf | None = None,
                 pause: Callable[[], None] | None = None,
                 check_elsewhere: Callable[[Any], CheckedElsewhere] | None = None) -> None:
        self.db = db
        self.pause = pause   # lets the browser run in the middle of a long call (app.store.turns)
        # Starts SQLite's check of a chosen file in a worker (app.platform.sqlite_check).
        self.check_elsewhere = check_elsewhere
        self.make_demo = make_demo  # given by the entry point, which owns the demo generator
        self.dom = dom
        self._retry_save = retry_save
        self.kdf = kdf or Kdf(hashlib_derive)   # the browser hands in WebCrypto's
        self.save_state: tuple[str, str | None] = ("saved", None)
        self.lang = preferred_language(dom, self.firm.language)
        # None: a firm of its own, nobody signed in yet (the sign-in page shows).
        self.member: Member | None = self._initial_member() if self.firm.demo else None
        self.route = parse("")
        self.session = Session(self)
        self.firm_setup = FirmSetup(self)
        self.search = SearchController(self)
        self.clients_screen = ClientsScreen(self)
        self.profile_screen = ProfileScreen(self)
        self.dialogs = Dialogs(self)
        self.account_editor = AccountEditor(self)
        self.person_editor = PersonEditor(self)
        self.work = WorkRunner(self)   # long work in slices, with its progress and Cancel
        self._data_screen: DataScreen | None = None
        self._settings_screen: SettingsScreen | None = None
        self._shown_sidebar: SidebarView | None = None
        self._pending_message: str | None = None
        self._navigating = False

    def data_screen(self) -> DataScreen:
        """Made on the first visit to the Data page: its import code is not needed to start."""
        if self._data_screen is None:
            from app.ui.data_screen import DataScreen
            self._data_screen = DataScreen(self)
        return self._data_screen

    def settings_screen(self) -> SettingsScreen:
        if self._settings_screen is None:
            from app.ui.settings_screen import SettingsScreen
            self._settings_screen = SettingsScreen(self)
        return self._settings_screen

    @property
    def t(self) -> Translator:
        return Translator(self.lang)

    @property
    def firm(self) -> Firm:
        return firm.firm_info(self.db)

    @property
    def locked(self) -> bool:
        """A firm of its own with nobody signed in: only the sign-in page shows."""
        return self.member is None

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
        self.dom.every(IDLE_CHECK_SECONDS, self._check_idle)
        self.render_sidebar()
        self.show_route(focus=False)
        if self.locked:
            self.dom.focus("f-passphrase")   # the one thing to type on the sign-in page

    def _check_idle(self) -> None:
        if not self.locked and not self.firm.demo and self.dom.idle_seconds() >= self.firm.idle_minutes * 60:
            self.session.lock()

    # Rendering ------------------------------------------------------------------------
    def render_sidebar(self) -> None:
        handlers = SidebarHandlers(search_input=self.search.on_input,
                                   search_keydown=self.search.on_keydown,
                                   member_change=self.on_member_change,
                                   language_change=self.on_language_change,
                                   sign_out=self.session.sign_out,
                                   change_passphrase=self.session.ask_change)
        view = self._shown_sidebar = self._sidebar_view()
        if view is None:
            self.dom.mount(SIDEBAR, locked_sidebar(self.t, handlers))
            return
        self.dom.mount(SIDEBAR, sidebar(self.t, replace(view, search_text=self.search.text), handlers))
        self.search.refresh()
        self._mount_save_state()

    def _sidebar_view(self) -> SidebarView | None:
        """What the sidebar shows (None: locked), less the search text, which it keeps itself."""
        if self.locked:
            return None
        current = self.firm
        return SidebarView(current.name, tuple(members.list_members(self.db)), self.member.id,
                           _section(self.route), "", demo=current.demo, settings=can_manage_settings(self.member))

    # Saving ---------------------------------------------------------------------------
    def show_save_state(self, state: str, detail: str | None) -> None:
        self.save_state = (state, detail)
        self._mount_save_state()

    def _mount_save_state(self) -> None:
        if self.locked:
            return   # the locked sidebar has no save state: nothing can be changed there
        state, detail = self.save_state
        self.dom.mount(SAVE_STATE, save_status(self.t, state, detail, lambda _e: self._retry_save()))

    def show_reloaded_data(self) -> None:
        """Another tab saved a change, which the storage has just read: show it."""
        self.rerender()
        self.announce(self.t("storage.reloaded"))

    def refresh_member(self) -> None:
        """Read the signed-in member again: their role or rights may have changed, here or in
        another tab. One deactivated (or gone with replaced data) is signed out."""
        if self.member is None:
            return
        try:
            current = members.get_member(self.db, self.member.id)
        except NotFound:
            current = None
        if current is not None and current.active and current.email == self.member.email:
            self.member = current
        elif self.firm.demo:
            self.member = members.default_member(self.db)
        else:
            self.session.drop()

    def show_route(self, focus: bool) -> None:
        previous, self.route = self.route, parse(self.dom.location_hash())
        arrived, self._navigating = self._navigating, False   # the app itself sent the person here
        if previous != self.route:
            self.dom.mount(ANNOUNCE, None)  # a message belongs to the screen it was said on
        self.refresh_member()
        if self._sidebar_view() != self._shown_sidebar:
            # The current-page mark moved, the firm's name or members changed, or who is signed in.
            self.render_sidebar()
        self.firm_setup.render_banner()
        title = self.session.render() if self.locked else self.render_main()
        self.dom.set_document(lang=self.lang, title=f"{title} · {self.t('app.name')}")
        if self.session.must_choose_passphrase() and self.dialogs.current is None:
            self.session.ask_new_passphrase()   # nobody works on with a passphrase someone else set
        # Move focus to the new page's heading when the page changes, not when a filter,
        # sort, page or tab of the same page does (the user's place there is kept).
        moved = (previous.name, previous.account_id) != (self.route.name, self.route.account_id)
        if focus and (moved or arrived):
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
        if route.name == "settings":
            return self.settings_screen().render()
        return self._message(t("notfound.page"), t("notfound.body"))

    def _message(self, title: str, body: str) -> str:
        self.dom.mount(MAIN, message_page(title, body))
        return title

    def announce(self, text: str) -> None:
        """Say what just happened (screen readers read the polite live region)."""
        self.dom.mount(ANNOUNCE, h("p", None, text))

    def navigate(self, hash_: str, message: str | None = None) -> None:
        """Go to another screen, and say `message` once it is shown."""
        if hash_ == self.dom.location_hash():   # no hashchange event comes for the same address
            self._pending_message, self._navigating = message, True
            self.show_route(focus=True)
            return
        self._pending_message, self._navigating = message, True
        self.dom.navigate(hash_)

    def rerender_main(self) -> None:
        """Show the current screen again after a change (not while leaving it)."""
        if not self._navigating:
            self.show_route(focus=False)

    def rerender(self) -> None:
        self.refresh_member()
        self.render_sidebar()
        self.show_route(focus=False)

    # Handlers -------------------------------------------------------------------------
    def show_error(self, error: BaseException) -> None:
        """A failure outside an event handler (e.g. reading a file) is shown like any other."""
        self.dom.report_error(error)

    def after_replacing_data(self) -> None:
        self.refresh_member()  # the signed-in member may have been replaced with the firm
        self.search.forget()
        self.forget_screens()  # e.g. a CSV preview was planned against the data just replaced
        self.render_sidebar()

    def forget_screens(self) -> None:
        """What the screens kept (drafts, a CSV preview, a refused form) no longer applies."""
        self.profile_screen.forget_drafts()
        for screen in (self._data_screen, self._settings_screen):
            if screen:
                screen.forget()

    def on_member_change(self, event: UiEvent) -> None:
        if not self.firm.demo:
            return   # only the demo lets anyone act as any member
        self.member = members.get_member(self.db, int(event.value))
        self.dom.save_setting("member", str(self.member.id))
        self.forget_screens()  # an open editor belonged to the previous member
        self.dialogs.close()
        self.rerender()

    def on_language_change(self, event: UiEvent) -> None:
        self.lang = event.value if event.value in CATALOGS else DEFAULT
        self.dom.save_setting("language", self.lang)
        self.rerender()
        self.work.rerender()
        self.dom.focus("language-select")

    def open_account(self, account_id: int) -> None:
        self.dom.navigate(account_href(account_id))


def _section(route: Route) -> str:
    """The navigation entry a route belongs to."""
    return route.name if route.name in ("data", "settings") else "clients"

