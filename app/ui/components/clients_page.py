"""The Clients screen (`#/clients`): heading, filters, table and pager."""

from collections.abc import Callable

from app.domain.listing import ClientQuery, SortKey
from app.i18n import Translator
from app.services.views import ClientPage
from app.ui.components.client_filters import FilterHandlers, client_filters
from app.ui.components.clients_table import clients_table
from app.ui.components.pager import pager
from app.ui.html import Element, Handler, h


def clients_page(t: Translator, page: ClientPage, query: ClientQuery, filters: FilterHandlers,
                 on_sort: Callable[[SortKey], Callable], on_page: Callable[[int], Callable],
                 on_new: Handler | None = None) -> Element:
    if page.rows:
        body = [clients_table(t, page.rows, query, on_sort),
                pager(t, page.first, page.last, page.total, page.page, page.pages, on_page)]
    else:
        filtered = query.type or query.tag_id or query.member_id
        none = "clients.none_yet" if page.sees_all else "clients.none_visible"
        body = [h("p", {"class": "empty"}, t("clients.empty") if filtered else t(none))]
    return h("section", {"class": "page clients-page"},
             h("header", {"class": "page-header"},
               h("h1", {"id": "page-title", "tabindex": "-1"}, t("clients.title")),
               h("button", {"type": "button", "class": "primary", "on_click": on_new}, t("new.button"))
               if page.can_create and on_new else None),
             client_filters(t, page, query, filters),
             body)
