"""Firm history: every change made in Settings, who made it and when (newest first)."""

from collections.abc import Sequence

from app.i18n import Translator
from app.services.settings_views import EventView
from app.ui.components.settings_page import settings_part
from app.ui.html import Element, h


def _words(t: Translator, detail: dict[str, str]) -> dict[str, str]:
    """Stored details are names (admin, view_all_accounts, vat_number): said in the reader's language."""
    said = dict(detail)

    def each(prefix: str, text: str) -> str:
        return ", ".join(t(f"{prefix}.{v}") if t.has(f"{prefix}.{v}") else v for v in text.split(",") if v.strip())

    if "role" in said:
        said["role"] = each("role", said["role"])
    if "rights" in said:
        said["rights"] = each("right", said["rights"]) or t("members.no_rights")
    if "fields" in said:
        said["fields"] = each("firm", said["fields"].replace(" ", ""))
    return said


def _line(t: Translator, event: EventView) -> Element:
    key = f"firm_history.{event.action}"
    params = {**_words(t, event.detail), "subject": event.subject}
    try:
        what = t(key, **params) if t.has(key) else event.action
    except KeyError:   # a line written by a later version, with other details
        what = event.action
    return h("li", {"class": "history-line"},
             h("time", {"datetime": event.at}, t.datetime(event.at)), " · ",
             h("strong", None, event.actor or t("firm_history.app")), " ", what)


def firm_history(t: Translator, events: Sequence[EventView], total: int) -> Element:
    shown = (h("ol", {"class": "history-list", "aria-labelledby": "settings-history-title"},
               [_line(t, e) for e in events]) if events else h("p", {"class": "muted"}, t("firm_history.empty")))
    more = h("p", {"class": "muted"}, t("firm_history.more", shown=len(events), total=total)) if total > len(events) else None
    return settings_part("settings-history", t("firm_history.title"), shown, more)
