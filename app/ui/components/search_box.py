"""The search field at the top of the sidebar (F-FIND-1): a combobox over its results."""

from dataclasses import dataclass

from app.i18n import Translator
from app.ui import icons
from app.ui.html import Element, Handler, h

INPUT_ID = "search-input"
RESULTS_REGION = "search-results"
LISTBOX_ID = "search-listbox"


@dataclass(frozen=True)
class SearchBoxView:
    text: str = ""
    expanded: bool = False       # results are shown under the field
    active: str | None = None    # the option's id the arrow keys reached


def search_box(t: Translator, view: SearchBoxView, on_input: Handler, on_keydown: Handler) -> Element:
    return h("div", {"class": "search", "role": "search"},
             h("label", {"for": INPUT_ID, "class": "visually-hidden"}, t("search.label")),
             h("span", {"class": "search-icon"}, icons.SEARCH),
             h("input", {"id": INPUT_ID, "type": "search", "role": "combobox", "value": view.text,
                         "placeholder": t("search.placeholder"), "autocomplete": "off",
                         "spellcheck": "false", "aria-autocomplete": "list",
                         "aria-expanded": "true" if view.expanded else "false",
                         "aria-activedescendant": view.active, "aria-controls": LISTBOX_ID,
                         "on_input": on_input, "on_keydown": on_keydown}),
             h("div", {"id": RESULTS_REGION, "data-region": True}))   # filled by its own mount
