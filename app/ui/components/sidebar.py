"""The left sidebar: brand, search, main navigation, who is signed in, language."""

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.firm import Member
from app.i18n import LANGUAGES, Translator
from app.ui import icons
from app.ui.components.search_box import search_box
from app.ui.components.select_field import select_field
from app.ui.html import Element, Handler, h


@dataclass(frozen=True)
class SidebarHandlers:
    search_input: Handler
    search_keydown: Handler
    member_change: Handler
    language_change: Handler


def sidebar(t: Translator, firm_name: str, members: Sequence[Member], member_id: int,
            section: str, search_text: str, on: SidebarHandlers) -> Element:
    def nav_link(href: str, key: str, icon, name: str) -> Element:
        current = "page" if section == name else None
        return h("li", None, h("a", {"href": href, "aria-current": current, "class": "nav-link"},
                               icon, h("span", None, t(key))))

    member_options = [(str(m.id), m.full_name) for m in members]
    return h("div", {"class": "sidebar-inner"},
             h("div", {"class": "brand"}, icons.LOGO,
               h("div", None, h("strong", None, t("app.name")),
                 h("span", {"class": "firm-name"}, firm_name))),
             search_box(t, search_text, on.search_input, on.search_keydown),
             h("nav", {"aria-label": t("nav.main"), "class": "nav"},
               h("ul", None,
                 nav_link("#/clients", "nav.clients", icons.CLIENTS, "clients"),
                 nav_link("#/data", "nav.data", icons.DATA, "data"))),
             h("div", {"class": "sidebar-footer"},
               h("div", {"id": "save-state"}),
               select_field("member-select", t("member.label"), member_options, str(member_id),
                            on.member_change),
               _role_line(t, members, member_id),
               select_field("language-select", t("language.label"), list(LANGUAGES.items()),
                            t.lang, on.language_change)))


def _role_line(t: Translator, members: Sequence[Member], member_id: int) -> Element | None:
    member = next((m for m in members if m.id == member_id), None)
    if member is None:
        return None
    return h("p", {"class": "role-line"}, t(f"role.{member.role.value}"))
