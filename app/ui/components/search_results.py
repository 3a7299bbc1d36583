"""The list of accounts matching the search text, as a listbox of options."""

from collections.abc import Callable, Sequence

from app.i18n import Translator
from app.services.views import SearchHitView
from app.ui.components.search_box import LISTBOX_ID
from app.ui.html import Element, h


def option_id(index: int) -> str:
    return f"search-option-{index}"


def search_results(t: Translator, text: str, hits: Sequence[SearchHitView], active: int,
                   on_choose: Callable[[int], Callable]) -> Element | None:
    if not text.strip():
        return None
    if not hits:
        return h("p", {"class": "search-empty", "role": "status"}, t("search.none", text=text.strip()))
    return h("ul", {"id": LISTBOX_ID, "role": "listbox", "aria-label": t("search.results"),
                    "class": "search-list"},
             [h("li", {"id": option_id(i), "role": "option", "class": "search-option",
                       "aria-selected": "true" if i == active else "false",
                       "on_click": on_choose(hit.account_id)},
                h("span", {"class": "search-name"}, hit.name),
                h("span", {"class": "search-type"}, " · " + t(f"type.{hit.type}")))
              for i, hit in enumerate(hits)])
