"""Search-as-you-type in the sidebar, with arrow keys and Enter (F-FIND-1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services import clients
from app.services.views import SearchHitView
from app.ui.components.search_box import INPUT_ID, RESULTS_REGION, SearchBoxView
from app.ui.components.search_results import option_id, search_results
from app.ui.events import UiEvent
from app.ui.router import account_href

if TYPE_CHECKING:
    from app.ui.context import Context


class SearchController:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        ctx.on_forget(self.forget)
        self.text = ""
        self.hits: list[SearchHitView] = []
        self.active = -1

    def on_input(self, event: UiEvent) -> None:
        self.text, self.active = event.value, -1   # new words: the first hit is the one reached
        self.refresh()

    def refresh(self) -> None:
        """Re-run the search and show it."""
        self.run()
        self._show()

    def run(self) -> None:
        """Re-run the search: the member or the data may have changed."""
        ctx = self.ctx
        chosen = self.hits[self.active].account_id if 0 <= self.active < len(self.hits) else None
        self.hits = clients.search_clients(ctx.db, ctx.member, self.text) if self.text.strip() else []
        # The hit the arrow keys reached stays reached when the results are drawn again.
        ids = [hit.account_id for hit in self.hits]
        self.active = ids.index(chosen) if chosen in ids else (0 if self.hits else -1)

    def box(self) -> SearchBoxView:
        """What the field says of its results, for the sidebar drawn whole."""
        return SearchBoxView(self.text, bool(self.hits), option_id(self.active) if self.active >= 0 else None)

    def show_results(self) -> None:
        ctx = self.ctx
        ctx.dom.mount(RESULTS_REGION, search_results(ctx.t, self.text, self.hits, self.active,
                                                     self._chooser))
        if self.active >= 0:
            ctx.dom.scroll_into_view(option_id(self.active))

    def _show(self) -> None:
        """The results and the field's state, between whole renders (typing, the arrow keys)."""
        self.show_results()
        box = self.box()
        self.ctx.dom.set_attrs(INPUT_ID, {"aria-expanded": "true" if box.expanded else "false",
                                          "aria-activedescendant": box.active})

    def on_keydown(self, event: UiEvent) -> None:
        if event.key in ("ArrowDown", "ArrowUp") and self.hits:
            event.prevent_default()
            step = 1 if event.key == "ArrowDown" else -1
            self.active = (self.active + step) % len(self.hits)
            self._show()
        elif event.key == "Enter" and self.active >= 0:
            event.prevent_default()
            self.choose(self.hits[self.active].account_id)
        elif event.key == "Escape":
            self.clear()

    def _chooser(self, account_id: int):
        return lambda _event: self.choose(account_id)

    def choose(self, account_id: int) -> None:
        self.clear()
        self.ctx.navigate(account_href(account_id))

    def forget(self) -> None:
        """Drop the search without drawing (the sidebar is about to be drawn anew, or locked)."""
        self.text, self.hits, self.active = "", [], -1

    def clear(self) -> None:
        self.text, self.hits, self.active = "", [], -1
        self.ctx.dom.set_value(INPUT_ID, "")
        self._show()
