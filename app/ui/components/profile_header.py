"""The profile's menu bar: the account's name on the left (F-FIND-3) and the tabs."""

from app.i18n import Translator
from app.ui.html import Element, Handler, h
from app.ui.router import TABS, account_href


def tab_id(tab: str) -> str:
    return f"tab-{tab}"


def profile_header(t: Translator, account_id: int, name: str, tab: str, on_tab_key: Handler | None = None) -> Element:
    """The tabs follow the ARIA tabs pattern: one stop for Tab (the selected one), arrow keys,
    Home and End move between them (`on_tab_key`)."""
    return h("header", {"class": "menu-bar"},
             h("a", {"href": "#/clients", "class": "back"}, "‹ ", t("profile.back")),
             h("h1", {"id": "page-title", "tabindex": "-1"}, name),
             h("div", {"role": "tablist", "aria-label": t("profile.tabs"), "class": "tabs"},
               [h("a", {"role": "tab", "id": tab_id(name_), "href": account_href(account_id, name_),
                        "aria-selected": "true" if name_ == tab else "false",
                        "tabindex": "0" if name_ == tab else "-1", "on_keydown": on_tab_key,
                        "aria-controls": "tab-panel", "class": "tab"},
                  t(f"profile.{name_}"))
                for name_ in TABS]))
