"""The Info tab, read-only for now: account details and linked contacts (F-INFO)."""

from app.i18n import Translator
from app.services.views import ContactView, ProfileView
from app.ui.components.member_chip import member_chip
from app.ui.components.tag_chip import tag_chip
from app.ui.html import Child, Element, h


def _row(label: str, value: Child) -> list[Element]:
    return [h("dt", None, label), h("dd", None, value)]


def account_info(t: Translator, profile: ProfileView) -> Element:
    none = h("span", {"class": "muted"}, t("info.none"))
    primary = profile.primary_contact
    return h("div", {"class": "info"},
             h("section", {"class": "card", "aria-labelledby": "details-heading"},
               h("h2", {"id": "details-heading"}, t("info.details")),
               h("dl", {"class": "details"},
                 _row(t("info.name"), profile.name),
                 _row(t("info.type"), t(f"type.{profile.type}")),
                 _row(t("info.tags"), h("span", {"class": "chips"},
                                        [tag_chip(tag) for tag in profile.tags]) if profile.tags else none),
                 _row(t("info.team"), h("span", {"class": "chips"},
                                        [member_chip(m) for m in profile.team]) if profile.team else none),
                 _row(t("info.primary"), _contact_line(t, primary) if primary else none))),
             h("section", {"class": "card", "aria-labelledby": "contacts-heading"},
               h("h2", {"id": "contacts-heading"}, t("info.contacts")),
               h("ul", {"class": "contacts"}, [_contact_item(t, c) for c in profile.contacts])))


def _contact_line(t: Translator, contact: ContactView) -> list[Child]:
    email = contact.emails[0] if contact.emails else t("info.no_email")
    return [h("span", None, contact.name), h("span", {"class": "muted"}, f" · {email}")]


def _contact_item(t: Translator, contact: ContactView) -> Element:
    return h("li", {"class": "contact"},
             h("span", {"class": "contact-name"}, contact.name),
             h("span", {"class": "muted"}, contact.description) if contact.description else None,
             h("ul", {"class": "emails"}, [h("li", None, e) for e in contact.emails]))
