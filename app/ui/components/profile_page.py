"""An account's profile: menu bar, then the chosen tab's panel."""

from app.i18n import Translator
from app.services.views import ProfileView
from app.ui.components.account_info import account_info
from app.ui.components.profile_header import profile_header, tab_id
from app.ui.html import Element, h


def profile_page(t: Translator, profile: ProfileView, tab: str) -> Element:
    panel = account_info(t, profile) if tab == "info" else h(
        "p", {"class": "placeholder"}, t("overview.coming"))
    return h("section", {"class": "page profile-page"},
             profile_header(t, profile.id, profile.name, tab),
             h("div", {"id": "tab-panel", "role": "tabpanel", "aria-labelledby": tab_id(tab),
                       "class": "tab-panel"}, panel))
