"""The table of clients: name (a link to the profile), type, tags, team, email."""

from collections.abc import Callable

from app.domain.listing import ClientQuery, SortKey
from app.i18n import Translator
from app.services.views import ClientRowView
from app.ui.components.member_chip import member_chip
from app.ui.components.tag_chip import tag_chip
from app.ui.html import Element, h
from app.ui.router import account_href


def _sortable(t: Translator, key: SortKey, label: str, query: ClientQuery,
              on_sort: Callable[[SortKey], Callable]) -> Element:
    active = query.sort is key
    state = ("descending" if query.descending else "ascending") if active else None
    arrow = ("↓" if query.descending else "↑") if active else ""
    return h("th", {"scope": "col", "aria-sort": state},
             h("button", {"type": "button", "class": "sort", "on_click": on_sort(key)},
               label, h("span", {"aria-hidden": "true", "class": "arrow"}, arrow)))


def clients_table(t: Translator, rows: tuple[ClientRowView, ...], query: ClientQuery,
                  on_sort: Callable[[SortKey], Callable]) -> Element:
    return h("table", {"class": "clients", "aria-label": t("clients.title")},
             h("thead", None, h("tr", None,
               _sortable(t, SortKey.NAME, t("clients.col.name"), query, on_sort),
               _sortable(t, SortKey.TYPE, t("clients.col.type"), query, on_sort),
               h("th", {"scope": "col"}, t("clients.col.tags")),
               h("th", {"scope": "col"}, t("clients.col.team")),
               h("th", {"scope": "col"}, t("clients.col.email")))),
             h("tbody", None, [_row(t, row) for row in rows]))


def _row(t: Translator, row: ClientRowView) -> Element:
    return h("tr", None,
             h("td", {"class": "name"}, h("a", {"href": account_href(row.id)}, row.name)),
             h("td", None, t(f"type.{row.type}")),
             h("td", None, h("span", {"class": "chips"}, [tag_chip(tag) for tag in row.tags])),
             h("td", None, h("span", {"class": "chips"},
                             [member_chip(m, compact=True) for m in row.team])),
             h("td", {"class": "email"}, row.email or ""))
