"""The search field at the top of the sidebar (F-FIND-1): a combobox over its results."""

from app.i18n import Translator
from app.ui import icons
from app.ui.html import Element, Handler, h

INPUT_ID = "search-input"
RESULTS_REGION = "search-results"
LISTBOX_ID = "search-listbox"


def search_box(t: Translator, text: str, on_input: Handler, on_keydown: Handler) -> Element:
    return h("div", {"class": "search", "role": "search"},
             h("label", {"for": INPUT_ID, "class": "visually-hidden"}, t("search.label")),
             h("span", {"class": "search-icon"}, icons.SEARCH),
             h("input", {"id": INPUT_ID, "type": "search", "role": "combobox", "value": text,
                         "placeholder": t("search.placeholder"), "autocomplete": "off",
                         "spellcheck": "false", "aria-autocomplete": "list",
                         "aria-expanded": "false", "aria-controls": LISTBOX_ID,
                         "on_input": on_input, "on_keydown": on_keydown}),
             h("div", {"id": RESULTS_REGION, "data-region": True}))   # filled by its own mount
