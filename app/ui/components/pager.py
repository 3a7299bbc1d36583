"""Paging through a long list: "Showing A–B of N" with previous and next buttons."""

from collections.abc import Callable

from app.i18n import Translator
from app.ui.html import Element, h


def pager(t: Translator, first: int, last: int, total: int, page: int, pages: int,
          on_page: Callable[[int], Callable]) -> Element:
    return h("div", {"class": "pager"},
             h("p", {"class": "showing", "aria-live": "polite"},
               t("clients.showing", first=t.number(first), last=t.number(last),
                 total=t.number(total))),
             h("div", {"class": "pager-buttons"},
               h("button", {"type": "button", "disabled": page <= 1,
                            "on_click": on_page(page - 1)},
                 h("span", {"aria-hidden": "true"}, "‹ "), t("paging.previous")),
               h("span", {"class": "page-of"}, t("paging.page", page=t.number(page),
                                                 pages=t.number(pages))),
               h("button", {"type": "button", "disabled": page >= pages,
                            "on_click": on_page(page + 1)},
                 t("paging.next"), h("span", {"aria-hidden": "true"}, " ›"))))
