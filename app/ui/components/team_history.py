"""Who was added to or removed from an account's team, by whom and when (F-INFO-e)."""

from app.i18n import Translator
from app.services.profile_views import HistoryEntryView
from app.ui.html import Element, h
from app.ui.router import account_href


def team_history(t: Translator, account_id: int, entries: tuple[HistoryEntryView, ...]) -> Element:
    items = [h("li", {"class": "entry"},
               h("div", None, t(f"history.{e.action}", by=e.by_member or t("history.someone"),
                                member=e.member)),
               h("div", {"class": "muted entry-meta"}, t.datetime(e.at)))
             for e in entries]
    return h("section", {"class": "card", "aria-labelledby": "history-heading"},
             h("a", {"href": account_href(account_id, "info"), "class": "back"}, "‹ ", t("history.back")),
             h("h2", {"id": "history-heading"}, t("history.title")),
             h("ul", {"class": "entries"}, items) if items else h("p", {"class": "muted"}, t("history.empty")))
