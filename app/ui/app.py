"""The controller: holds who is signed in, the language and the screen; renders regions.

Data flows one way: a DOM event reaches a handler here, which calls a service with the
acting member, then re-renders from the view data the services return.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.domain.access import can_manage_settings
from app.domain.errors import NotFound
from app.domain.firm import Firm, Member
from app.domain.passphrase import Kdf, hashlib_derive
from app.i18n import CATALOGS, DEFAULT, Translator
from app.services import firm, members
from app.services.reset import MakeDemo
from app.store.db import Database
from app.ui.components.save_status import save_status
from app.ui.components.search_box import SearchBoxView
from app.ui.components.sidebar import SidebarHandlers, SidebarView, locked_sidebar, sidebar
from app.ui.context import FirstFieldIn, Focus, Forgetting, ToOpener
from app.ui.dialogs import Dialogs
from app.ui.events import UiEvent
from app.ui.firm_setup import FirmSetup
from app.ui.html import h
from app.ui.language import preferred_language
from app.ui.router import Route, parse
from app.ui.screens import Screens
from app.ui.search import SearchController
from app.ui.session import Session
from app.ui.work import WorkRunner

if TYPE_CHECKING:
    from app.services.checked_elsewhere import CheckedElsewhere
    from app.ui.dom_protocol import DomProtocol

SIDEBAR, MAIN, ANNOUNCE, SAVE_STATE, SKIP = "sidebar", "main", "announce", "save-state", "skip"


IDLE_CHECK_SECONDS = 10


class App(Forgetting):
    """The app's state (who, which language, which screen) and its one render path; it is the
    Context (app.ui.context) every screen's controller is given, and nothing more of it."""

    def __init__(self, db: Database, dom: DomProtocol, retry_save: Callable[[], None] = lambda: None,
                 make_demo: MakeDemo | None = None, kdf: Kdf | None = None,
                 pause: Callable[[], None] | None = None,
                 check_elsewhere: Callable[[Any], CheckedElsewhere] | None = None) -> None:
        super().__init__()
        self.db = db
        self.dom = dom
        self._retry_save = retry_save
        self.kdf = kdf or Kdf(hashlib_derive)   # the browser hands in WebCrypto's
        self.save_state: tuple[str, str | None] = ("saved", None)
        self.lang = preferred_language(dom, self.firm.language)
        # None: a firm of its own, nobody signed in yet (the sign-in page shows).
        self.member: Member | None = self._initial_member() if self.firm.demo else None
        self.route = parse("")
        self.dialogs = Dialogs(self)
        self.session = Session(self)
        self.firm_setup = FirmSetup(self, self.session.signed_in)
        self.search = SearchController(self)
        self.work = WorkRunner(self, pause)   # long work in slices, with its progress and Cancel
        self.screens = Screens(self, self.work, make_demo, check_elsewhere)
        self._navigating = False
        self.menu_open = False
        self._stale = False
        self._flush_planned = False
        self._focus_after: Focus | None = None
        self._message_after: str | None = None
        self._said = 0

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
        self.db.on_commit(self.changed)   # any change, by any handler, is drawn once (flush)
        self.dom.after_each_event(self.flush)
        self.dom.on_hash_change(lambda: self.show_route(focus=True))
        self.dom.every(IDLE_CHECK_SECONDS, self._check_idle)
        self.show_route(focus=False)
        if self.locked:
            self.dom.focus("f-passphrase")   # the one thing to type on the sign-in page

    def _check_idle(self) -> None:
        if not self.locked and not self.firm.demo and self.dom.idle_seconds() >= self.firm.idle_minutes * 60:
            self.session.lock()

    # The one render path ---------------------------------------------------------------
    def changed(self, focus: Focus | None = None, message: str | None = None) -> None:
        """What the screen shows has changed (the data, or a screen's own state). It is drawn
        once, when the event has been handled (`flush`); then `focus` takes the focus and
        `message` is said. Every commit calls this."""
        self._stale = True
        if not (isinstance(focus, ToOpener) and self._focus_after):
            # Back to the opener is the fallback: a place asked for during the action wins.
            self._focus_after = focus or self._focus_after
        self._message_after = message or self._message_after
        if not self._flush_planned:   # a change outside an event (an await's end) is drawn too
            self._flush_planned = True
            self.dom.later(self._planned_flush)

    def _planned_flush(self) -> None:
        self._flush_planned = False
        self.flush()

    def flush(self) -> None:
        """Draw what changed, once. Not while the address changes: its screen draws itself."""
        if self._navigating:
            return
        if self._stale:
            try:
                self.render()
            except BaseException:
                self._focus_after = self._message_after = None   # they belonged to that render
                raise
        self._after_render()

    def _after_render(self) -> None:
        focus, self._focus_after = self._focus_after, None
        message, self._message_after = self._message_after, None
        if isinstance(focus, ToOpener):
            self.dom.return_focus(focus.fallback)
        elif isinstance(focus, FirstFieldIn):
            self.dom.focus_field_in(focus.element_id)
        elif focus:
            self.dom.focus(focus)
        if message:
            self.announce(message)

    def render(self) -> str:
        """Everything visible, from the state as it is: sidebar (with the search results and
        the save state), banner, main, the open dialog and long work. Returns the page title."""
        self._stale = False
        self.dom.mark("render-start")   # scripts/bench_scale.py times a whole profile's redraw
        self.refresh_member()
        self.dom.mount(SKIP, h("a", {"href": "#main", "class": "skip-link", "on_click": self._skip},
                               self.t("app.skip")))
        self.render_sidebar()
        self.firm_setup.render_banner()
        title = self.session.render() if self.locked else self.screens.render(self.route)
        self.dom.set_document(lang=self.lang, title=f"{title} · {self.t('app.name')}")
        self.dialogs.render()
        self.work.rerender()
        self.dom.mark("render-end")
        return title

    def _skip(self, event: UiEvent) -> None:
        """To the page's heading, where its content starts (the address stays: it routes)."""
        event.prevent_default()
        self.dom.focus("page-title")

    def _toggle_menu(self, _event: UiEvent) -> None:
        """The narrow screen's menu (a wide one always shows the sidebar whole)."""
        self.menu_open = not self.menu_open
        self.changed()

    def render_sidebar(self) -> None:
        handlers = SidebarHandlers(search_input=self.search.on_input,
                                   search_keydown=self.search.on_keydown,
                                   member_change=self.on_member_change,
                                   language_change=self.on_language_change,
                                   sign_out=self.session.sign_out,
                                   change_passphrase=self.session.ask_change,
                                   menu_toggle=self._toggle_menu)
        view = self._sidebar_view()
        if view is None:
            self.dom.mount(SIDEBAR, locked_sidebar(self.t, handlers))
            return
        self.search.run()
        self.dom.mount(SIDEBAR, sidebar(self.t, replace(view, search=self.search.box(),
                                                        menu_open=self.menu_open), handlers))
        self.search.show_results()
        self._mount_save_state()

    def _sidebar_view(self) -> SidebarView | None:
        """What the sidebar shows (None: locked), less the search box, which the search keeps."""
        if self.locked:
            return None
        current = self.firm
        return SidebarView(current.name, tuple(members.list_members(self.db)), self.member.id,
                           _section(self.route), SearchBoxView(), demo=current.demo, settings=can_manage_settings(self.member))

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
        self.changed(message=self.t("storage.reloaded"))

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
        """The address changed (or the app sent the person to the one it shows): draw its screen."""
        previous, self.route = self.route, parse(self.dom.location_hash())
        arrived, self._navigating = self._navigating, False   # the app itself sent the person here
        if previous != self.route:
            self.dom.mount(ANNOUNCE, None)  # a message belongs to the screen it was said on
            self.menu_open = False          # a link in the menu was followed: the page shows
        self.refresh_member()
        if self.session.must_choose_passphrase() and self.dialogs.current is None:
            self.session.ask_new_passphrase()   # nobody works on with a passphrase someone else set
        self.render()
        # Move focus to the new page's heading when the page changes, not when a filter,
        # sort, page or tab of the same page does (the user's place there is kept).
        moved = (previous.name, previous.account_id) != (self.route.name, self.route.account_id)
        if focus and (moved or arrived) and self._focus_after is None:
            self.dom.focus("page-title")
        self._after_render()

    def announce(self, text: str) -> None:
        """Say what just happened (screen readers read the polite live region). A new element
        each time: the same words twice ("Saved.") are a change to read out again."""
        self._said += 1
        self.dom.mount(ANNOUNCE, h("p", {"data-key": f"said-{self._said}"}, text))

    def navigate(self, hash_: str, message: str | None = None, focus: Focus | None = None) -> None:
        """Go to another screen; once it is shown, say `message` and focus `focus` (else its title)."""
        self._message_after, self._focus_after, self._navigating = message, focus, True
        if parse(hash_) == parse(self.dom.location_hash()):   # a hashchange may not come: drawn here
            self.dom.replace_hash(hash_)
            self.show_route(focus=True)
            return
        self.dom.navigate(hash_)

    # Handlers -------------------------------------------------------------------------
    def show_error(self, error: BaseException) -> None:
        """A failure outside an event handler (e.g. reading a file) is shown like any other."""
        self.dom.report_error(error)

    def on_member_change(self, event: UiEvent) -> None:
        if not self.firm.demo:
            return   # only the demo lets anyone act as any member
        self.member = members.get_member(self.db, int(event.value))
        self.dom.save_setting("member", str(self.member.id))
        self.forget_screens()  # an open editor belonged to the previous member
        self.dialogs.discard()
        self.changed()

    def on_language_change(self, event: UiEvent) -> None:
        self.lang = event.value if event.value in CATALOGS else DEFAULT
        self.dom.save_setting("language", self.lang)
        self.changed()


def _section(route: Route) -> str:
    """The navigation entry a route belongs to."""
    return route.name if route.name in ("data", "settings") else "clients"

