"""The "Link contact" dialog: find an existing contact by name or email, choose it."""

from collections.abc import Callable, Sequence

from app.i18n import Translator
from app.services.editing_views import ContactChoice
from app.ui.html import Element, Handler, h

RESULTS_REGION = "link-results"


def link_results(t: Translator, text: str, found: Sequence[ContactChoice], error: str | None,
                 on_choose: Callable[[int, str], Handler]) -> Element:
    """What the search found; re-rendered on its own as the user types (the field keeps focus)."""
    if not text.strip():
        results = h("p", {"class": "hint", "id": "f-find-hint"}, t("contacts.find_hint"))
    elif not found:
        results = h("p", {"class": "muted", "role": "status"}, t("contacts.no_match"))
    else:
        results = h("ul", {"class": "plain choices-list"}, [
            h("li", None, h("button", {"type": "button", "class": "choice-button",
                                       "aria-label": t("contacts.choose", name=c.name),
                                       "on_click": on_choose(c.id, c.name)},
                            h("strong", None, c.name), h("span", {"class": "muted"}, " · ".join(c.emails))))
            for c in found])
    return h("div", None, h("div", {"role": "alert", "class": "form-summary"}, error), results)


def link_contact_dialog(t: Translator, on_input: Handler, on_cancel: Handler, on_keydown: Handler) -> Element:
    return h("div", {"class": "backdrop"},
             h("div", {"role": "dialog", "aria-modal": "true", "aria-labelledby": "link-contact-title",
                       "class": "dialog wide", "on_keydown": on_keydown},
               h("h2", {"id": "link-contact-title"}, t("contacts.link")),
               h("div", {"class": "form-field"},
                 h("label", {"for": "f-find"}, t("contacts.find")),
                 h("input", {"id": "f-find", "type": "search", "autocomplete": "off",
                             "aria-describedby": "f-find-hint", "on_input": on_input})),
               h("div", {"id": RESULTS_REGION, "data-region": True}),   # filled by its own mount
               h("div", {"class": "form-buttons"},
                 h("button", {"type": "button", "on_click": on_cancel}, t("form.cancel")))))
