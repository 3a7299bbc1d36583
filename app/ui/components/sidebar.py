"""The left sidebar: brand, search, main navigation, who is signed in, language.

In the demo firm anyone may act as any member (`Signed in as`); in a firm of its own the
sidebar names the member signed in, with `Sign out`. Locked, it shows the brand alone.
On a narrow screen (CSS) it is a top bar: brand, save state, search and a `Menu` button
that shows or hides the rest (`menu_open`); on a wide one the button is hidden.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.firm import Member
from app.i18n import LANGUAGES, Translator
from app.ui import icons
from app.ui.components.search_box import SearchBoxView, search_box
from app.ui.components.select_field import select_field
from app.ui.html import Element, Handler, h

MENU_ID = "sidebar-menu"
MENU_BUTTON_ID = "menu-button"   # for the controller to give focus back after a re-render


def _ignore(_event) -> None:
    """The default menu toggle, for callers that do not offer one yet."""


@dataclass(frozen=True)
class SidebarHandlers:
    search_input: Handler
    search_keydown: Handler
    member_change: Handler
    language_change: Handler
    sign_out: Handler | None = None
    change_passphrase: Handler | None = None
    menu_toggle: Handler = _ignore


@dataclass(frozen=True)
class SidebarView:
    firm_name: str
    members: Sequence[Member]      # whom the demo's switcher offers
    member_id: int
    section: str                   # the navigation entry marked current
    search: SearchBoxView
    demo: bool = True
    settings: bool = False         # may open Settings
    menu_open: bool = False        # the narrow screen's menu is shown


def sidebar(t: Translator, view: SidebarView, on: SidebarHandlers) -> Element:
    def nav_link(href: str, key: str, icon, name: str) -> Element:
        current = "page" if view.section == name else None
        return h("li", None, h("a", {"href": href, "aria-current": current, "class": "nav-link"},
                               icon, h("span", None, t(key))))

    # The save state sits in the top bar so that a phone shows it with the menu closed.
    return h("div", {"class": "sidebar-inner"},
             h("div", {"class": "sidebar-top"},
               _brand(t, view.firm_name),
               h("div", {"id": "save-state", "data-region": True}),   # filled by its own mount
               _menu_button(t, view.menu_open, on.menu_toggle)),
             search_box(t, view.search, on.search_input, on.search_keydown),
             h("div", {"id": MENU_ID, "class": "sidebar-menu open" if view.menu_open else "sidebar-menu"},
               h("nav", {"aria-label": t("nav.main"), "class": "nav"},
                 h("ul", None,
                   nav_link("#/clients", "nav.clients", icons.CLIENTS, "clients"),
                   nav_link("#/data", "nav.data", icons.DATA, "data"),
                   nav_link("#/settings", "nav.settings", icons.SETTINGS, "settings") if view.settings else None)),
               h("div", {"class": "sidebar-footer"},
                 _who(t, view, on),
                 _language(t, on))))


def _menu_button(t: Translator, menu_open: bool, on_toggle: Handler) -> Element:
    return h("button", {"type": "button", "id": MENU_BUTTON_ID, "class": "menu-button", "aria-controls": MENU_ID,
                        "aria-expanded": "true" if menu_open else "false", "on_click": on_toggle},
             h("span", {"class": "menu-icon", "aria-hidden": "true"}), t("nav.menu"))


def locked_sidebar(t: Translator, on: SidebarHandlers) -> Element:
    """Before signing in: nothing of the firm but the language to read the sign-in page in."""
    return h("div", {"class": "sidebar-inner locked"}, _brand(t, ""),
             h("div", {"class": "sidebar-footer"}, _language(t, on)))


def _brand(t: Translator, firm_name: str) -> Element:
    return h("div", {"class": "brand"}, icons.LOGO,
             h("div", None, h("strong", None, t("app.name")),
               h("span", {"class": "firm-name"}, firm_name) if firm_name else None))


def _language(t: Translator, on: SidebarHandlers) -> Element:
    return select_field("language-select", t("language.label"), list(LANGUAGES.items()), t.lang,
                        on.language_change)


def _who(t: Translator, view: SidebarView, on: SidebarHandlers) -> list[Element | None]:
    member = next((m for m in view.members if m.id == view.member_id), None)
    role = h("p", {"class": "role-line"}, t(f"role.{member.role.value}")) if member else None
    if view.demo:
        options = [(str(m.id), m.full_name) for m in view.members]
        return [select_field("member-select", t("member.label"), options, str(view.member_id), on.member_change),
                role]
    return [h("div", {"class": "signed-in"},
              h("span", {"class": "signed-in-label"}, t("member.label")),
              h("strong", {"id": "signed-in-name"}, member.full_name if member else "")),
            role,
            h("div", {"class": "sidebar-buttons"},
              h("button", {"type": "button", "class": "sidebar-button", "on_click": on.change_passphrase},
                t("passphrase.change")),
              h("button", {"type": "button", "class": "sidebar-button", "id": "sign-out", "on_click": on.sign_out},
                t("signin.sign_out")))]
