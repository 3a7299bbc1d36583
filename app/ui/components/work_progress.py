"""Long work under way: what it is, how far it has got, and Cancel while nothing is committed yet."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import Translator
from app.ui.html import Element, Handler, h

BAR_ID, LINE_ID, CANCEL_ID = "work-bar", "work-line", "work-cancel"


@dataclass(frozen=True)
class WorkView:
    title: str            # e.g. "Importing clients.json"
    line: str             # e.g. "42% · Checking records…"
    percent: int
    cancellable: bool


def progress_line(t: Translator, what: str, percent: int) -> str:
    return f"{t('work.percent', percent=percent)} · {t(what)}"


def work_progress(t: Translator, view: WorkView, on_cancel: Handler) -> Element:
    # The bar and the line change in place as the work goes on (app.ui.work), so a focused
    # Cancel button keeps its focus; the region is polite so the title is heard once.
    return h("section", {"class": "work card", "aria-labelledby": "work-title"},
             h("h2", {"id": "work-title"}, view.title),
             h("progress", {"id": BAR_ID, "max": "100", "value": str(view.percent),
                            "aria-labelledby": "work-title", "aria-describedby": LINE_ID}),
             h("p", {"id": LINE_ID, "class": "work-line"}, view.line),
             h("button", {"type": "button", "id": CANCEL_ID, "on_click": on_cancel}, t("work.cancel"))
             if view.cancellable else None)
