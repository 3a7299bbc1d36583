"""A contact's own page: personal details and the accounts it is linked to."""

from app.i18n import Translator
from app.services.profile_views import ContactPageView
from app.ui.components.field_value import field_value
from app.ui.html import Child, Element, Handler, h
from app.ui.router import account_href


def contact_page(t: Translator, c: ContactPageView, on_edit: Handler | None = None) -> Element:
    def row(label: str, value: Child) -> list[Element]:
        return [h("dt", None, label), h("dd", None, value)]

    def lines(values) -> Child:
        return [h("span", {"class": "line"}, v) for v in values] or h("span", {"class": "muted"}, t("info.none"))

    return h("section", {"class": "page contact-page", "data-key": f"contact-{c.id}"},   # drawn anew per person
             h("header", {"class": "page-header"}, h("h1", {"id": "page-title", "tabindex": "-1"}, c.name),
               h("button", {"type": "button", "class": "edit-button", "on_click": on_edit}, t("contact.edit"))
               if c.can_edit and on_edit else None),
             h("div", {"class": "info"},
               h("section", {"class": "card", "aria-labelledby": "contact-details"},
                 h("h2", {"id": "contact-details"}, t("contact.details")),
                 h("dl", {"class": "details"},
                   row(t("contact.emails"), lines(c.emails)), row(t("contact.phones"), lines(c.phones)),
                   row(t("contact.address"), lines(c.address)),
                   row(t("contact.birth_date"), t.date(c.birth_date) if c.birth_date else lines(())),
                   row(t("contact.tax_id"), c.tax_id or lines(())),
                   [row(f.label, field_value(t, f)) for f in c.fields])),
               h("section", {"class": "card", "aria-labelledby": "contact-accounts"},
                 h("h2", {"id": "contact-accounts"}, t("contact.accounts")),
                 h("ul", {"class": "plain"}, [
                     h("li", {"class": "entry"}, h("a", {"href": account_href(a.id, "info")}, a.name),
                       h("div", {"class": "muted entry-meta"},
                         " · ".join(x for x in (t(f"type.{a.type}"), a.description) if x)))
                     for a in c.accounts]))))
