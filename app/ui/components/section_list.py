"""A "View all" page: every entry of one section for one account, paged and ordered by date."""

from collections.abc import Callable

from app.i18n import Translator
from app.services.overview_views import SectionPageView
from app.ui.components.cell import cell_text
from app.ui.components.new_badge import new_badge
from app.ui.components.pager import pager
from app.ui.components.select_field import select_field
from app.ui.html import Element, Handler, h
from app.ui.router import account_href, document_href


def section_list(t: Translator, view: SectionPageView, on_order: Handler,
                 on_page: Callable[[int], Handler]) -> Element:
    section = view.section
    title = t(f"section.{section.key}")
    order = [("desc", t("list.newest_first")), ("asc", t("list.oldest_first"))]
    if section.entries:
        body = [_table(t, view, title),
                pager(t, view.first, view.last, section.total, view.page, view.pages, on_page)]
    else:
        body = [h("p", {"class": "muted empty-section"}, t(f"empty.{section.key}"))]
    return h("div", {"class": "section-list"},
             h("a", {"href": account_href(view.account_id), "class": "back"}, "‹ ", t("list.back")),
             h("div", {"class": "list-header"},
               h("h2", {"id": "list-title"}, title),
               select_field("list-order", t("list.order"), order,
                            "desc" if view.newest_first else "asc", on_order)),
             body)


def _table(t: Translator, view: SectionPageView, title: str) -> Element:
    section = view.section
    return h("table", {"class": "list", "aria-label": title},
             h("thead", None, h("tr", None, [h("th", {"scope": "col"}, t(f"col.{c}"))
                                             for c in section.columns])),
             h("tbody", None, [
                 h("tr", None, [
                     h("td", None,
                       h("a", {"href": document_href(view.account_id, e.id)}, cell_text(t, c))
                       if i == 0 and section.key == "documents" else cell_text(t, c),
                       new_badge(t) if i == 0 and e.is_new else None)
                     for i, c in enumerate(e.cells)])
                 for e in section.entries]))
