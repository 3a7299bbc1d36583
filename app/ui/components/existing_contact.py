"""In "New account": start the account with a contact the firm already has, found by name or email."""

from collections.abc import Sequence

from app.i18n import Translator
from app.services.editing_views import ContactChoice
from app.ui.html import Element, Handler, h

EXISTING_RESULTS = "existing-contact-results"


def existing_contact_picker(t: Translator, on_input: Handler, error: str | None) -> Element:
    return h("fieldset", {"class": "form-field group", "aria-labelledby": "existing-legend"},
             h("legend", {"id": "existing-legend"}, t("new.existing")),
             h("label", {"for": "f-find-existing"}, t("contacts.find")),
             h("input", {"id": "f-find-existing", "type": "search", "name": "find_existing", "autocomplete": "off",
                         "aria-describedby": "f-find-existing-hint", "on_input": on_input}),
             h("p", {"id": "f-find-existing-hint", "class": "hint"}, t("new.existing_hint")),
             h("p", {"class": "field-error"}, error) if error else None,
             h("div", {"id": EXISTING_RESULTS, "data-region": True}))   # filled by its own mount


def existing_contact_results(t: Translator, text: str, found: Sequence[ContactChoice]) -> Element | None:
    """Radio buttons, one per contact found; the one chosen is sent with the form."""
    if not text.strip():
        return None
    if not found:
        return h("p", {"class": "muted", "role": "status"}, t("contacts.no_match"))
    return h("div", {"class": "choices column"}, [
        h("label", {"class": "choice"},
          h("input", {"type": "radio", "name": "existing_contact_id", "value": str(c.id)}),
          c.name, h("span", {"class": "muted"}, " · " + " · ".join(c.emails)) if c.emails else None)
        for c in found])
