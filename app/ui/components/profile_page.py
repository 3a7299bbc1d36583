"""An account's page: the menu bar with its name and tabs, then the chosen panel."""

from app.i18n import Translator
from app.ui.components.profile_header import profile_header, tab_id
from app.ui.html import Element, Handler, h


def profile_page(t: Translator, account_id: int, name: str, tab: str, panel: Element,
                 on_tab_key: Handler | None = None) -> Element:
    """`tab` is the tab shown as selected: "overview" (also for its lists) or "info"."""
    # Keyed by account: another account's page is drawn anew, never patched from this one's.
    return h("section", {"class": "page profile-page", "data-key": f"account-{account_id}"},
             profile_header(t, account_id, name, tab, on_tab_key),
             h("div", {"id": "tab-panel", "role": "tabpanel", "aria-labelledby": tab_id(tab),
                       "class": "tab-panel"}, panel))
