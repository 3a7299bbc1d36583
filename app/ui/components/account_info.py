"""The Info tab: account details and linked contacts, in alphabetical order (F-INFO)."""

from dataclasses import dataclass

from app.i18n import Translator
from app.services.profile_views import ProfileView
from app.ui.components.avatar import avatar
from app.ui.components.contact_card import ContactHandlers, contact_card
from app.ui.components.field_value import field_value
from app.ui.components.member_chip import member_chip
from app.ui.components.tag_chip import tag_chip
from app.ui.html import Child, Element, Handler, h
from app.ui.router import account_href


def _row(label: str, value: Child) -> list[Element]:
    return [h("dt", None, label), h("dd", None, value)]


@dataclass(frozen=True)
class InfoHandlers:
    edit: Handler
    delete: Handler
    link: Handler
    add: Handler
    contacts: ContactHandlers


def account_info(t: Translator, profile: ProfileView, on: InfoHandlers | None = None) -> Element:
    """`on` is given only to members who may edit the account: without it, no edit controls."""
    buttons = h("div", {"class": "card-actions"},
                h("button", {"type": "button", "on_click": on.link}, t("contacts.link")),
                h("button", {"type": "button", "on_click": on.add}, t("contacts.add"))) if on else None
    return h("div", {"class": "info"}, _details(t, profile, on),
             h("section", {"class": "card", "aria-labelledby": "contacts-heading"},
               h("div", {"class": "card-head"}, h("h2", {"id": "contacts-heading"}, t("info.contacts")), buttons),
               h("ul", {"class": "contacts"},
                 [contact_card(t, c, on.contacts if on else None) for c in profile.contacts])))


def _details(t: Translator, p: ProfileView, on: InfoHandlers | None) -> Element:
    none = h("span", {"class": "muted"}, t("info.none"))
    app_use = t("app.installed", when=t.datetime(p.mobile_app_last_login)) if p.mobile_app_last_login \
        else t("app.not_installed")
    return h("section", {"class": "card", "aria-labelledby": "details-heading"},
             h("div", {"class": "details-head"}, avatar(t("info.photo", name=p.name), p.initials, p.photo),
               h("h2", {"id": "details-heading"}, t("info.details")),
               h("button", {"type": "button", "class": "edit-button", "on_click": on.edit}, t("edit.button"))
               if on else None),
             h("dl", {"class": "details"},
               _row(t("info.name"), p.name),
               _row(t("info.type"), t(f"type.{p.type}")),
               _row(t("info.tags"), h("span", {"class": "chips"}, [tag_chip(x) for x in p.tags]) if p.tags else none),
               _row(t("info.team"), [h("span", {"class": "chips"}, [member_chip(m) for m in p.team]) if p.team else none,
                                     h("a", {"href": account_href(p.id, "history"), "class": "history-link"},
                                       t("info.history"))]),
               _row(t("info.primary"), _primary(t, p)),
               _row(t("info.address"), [h("span", {"class": "line"}, line) for line in p.address] or none),
               [_row(f.label, field_value(t, f)) for f in p.fields],
               _row(t("info.quickbooks"), t(f"qb.{p.quickbooks}")),
               _row(t("info.mobile_app"), app_use),
               _row(t("info.related"), h("ul", {"class": "plain"}, [
                   h("li", None, h("a", {"href": account_href(r.id, "info")}, r.name)) for r in p.related])
                   if p.related else none)),
             h("div", {"class": "danger-zone"},
               h("button", {"type": "button", "class": "danger", "on_click": on.delete}, t("delete.button")))
             if on else None)


def _primary(t: Translator, p: ProfileView) -> Child:
    contact = p.primary_contact
    if contact is None:
        return h("span", {"class": "muted"}, t("info.none"))
    email = contact.emails[0].address if contact.emails else t("info.no_email")
    return [h("span", None, contact.name), h("span", {"class": "muted"}, f" · {email}")]
