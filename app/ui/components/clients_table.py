"""The table of clients: name (a link to the profile), type, tags, team, email.

On a narrow screen CSS lays each row out as a card. The explicit table roles keep it a
table for screen readers there: Safari drops a table's semantics once its display changes.
"""

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
    return h("th", {"scope": "col", "role": "columnheader", "aria-sort": state, "class": "sortable"},
             h("button", {"type": "button", "class": "sort", "on_click": on_sort(key)},
               label, h("span", {"aria-hidden": "true", "class": "arrow"}, arrow)))


def clients_table(t: Translator, rows: tuple[ClientRowView, ...], query: ClientQuery,
                  on_sort: Callable[[SortKey], Callable]) -> Element:
    return h("table", {"class": "clients client-cards", "role": "table", "aria-label": t("clients.title")},
             h("thead", {"role": "rowgroup"}, h("tr", {"role": "row"},
               _sortable(t, SortKey.NAME, t("clients.col.name"), query, on_sort),
               _sortable(t, SortKey.TYPE, t("clients.col.type"), query, on_sort),
               _header(t("clients.col.tags")),
               _header(t("clients.col.team")),
               _header(t("clients.col.email")))),
             h("tbody", {"role": "rowgroup"}, [_row(t, row) for row in rows]))


def _header(label: str) -> Element:
    return h("th", {"scope": "col", "role": "columnheader"}, label)


def _cell(css: str, content) -> Element:
    return h("td", {"role": "cell", "class": css}, content)


def _row(t: Translator, row: ClientRowView) -> Element:
    return h("tr", {"role": "row"},
             _cell("name", h("a", {"href": account_href(row.id)}, row.name)),
             _cell("type", t(f"type.{row.type}")),
             _cell("tags" if row.tags else "tags none", h("span", {"class": "chips"}, [tag_chip(tag) for tag in row.tags])),
             _cell("team" if row.team else "team none",
                   h("span", {"class": "chips"}, [member_chip(m, compact=True) for m in row.team])),
             _cell("email" if row.email else "email none", row.email or ""))
