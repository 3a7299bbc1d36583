"""The Clients screen's handlers: filters, sorting and paging all change the URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.listing import ClientQuery, SortKey
from app.services import clients
from app.ui.components.client_filters import FilterHandlers
from app.ui.components.clients_page import clients_page
from app.ui.events import UiEvent
from app.ui.html import Handler
from app.ui.router import clients_href

if TYPE_CHECKING:
    from app.ui.context import Context


class ClientsScreen:
    def __init__(self, ctx: Context, new_account: Handler) -> None:
        self.ctx = ctx
        self.new_account = new_account   # opens the new-account dialog (the account editor's)
        self.query = ClientQuery()

    def render(self, query: ClientQuery) -> str:
        self.query = query
        ctx, t = self.ctx, self.ctx.t
        page = clients.client_page(ctx.db, ctx.member, query)
        handlers = FilterHandlers(type_change=self._filter("type"), tag_change=self._filter("tag_id"),
                                  member_change=self._filter("member_id"), clear=self._clear)
        ctx.dom.mount("main", clients_page(t, page, query, handlers, self._sort, self._page,
                                           self.new_account))
        return t("clients.title")

    def _go(self, **changes) -> None:
        self.ctx.dom.navigate(clients_href(self.query.model_copy(update=changes)))

    def _filter(self, name: str):
        def handler(event: UiEvent) -> None:
            value = event.value or None
            if value is not None and name != "type":
                value = int(value)
            # Re-validate through the model: a filter value comes from the page.
            query = ClientQuery(**{**self.query.model_dump(), name: value, "page": 1})
            self.ctx.dom.navigate(clients_href(query))
        return handler

    def _clear(self, _event: UiEvent) -> None:
        self._go(type=None, tag_id=None, member_id=None, page=1)

    def _sort(self, key: SortKey):
        def handler(_event: UiEvent) -> None:
            descending = not self.query.descending if self.query.sort is key else False
            self._go(sort=key, descending=descending, page=1)
        return handler

    def _page(self, number: int):
        def handler(_event: UiEvent) -> None:
            self._go(page=number)
        return handler
