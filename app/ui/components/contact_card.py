"""A linked contact on the Info tab: name (a link), role here, and each email's settings.

With `on` (the member may edit), each setting is a switch and the actions are buttons;
without it, the same information is plain text.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from app.i18n import Translator
from app.services.profile_views import ContactView, EmailView
from app.ui.html import Child, Element, Handler, h
from app.ui.router import contact_href


@dataclass(frozen=True)
class ContactHandlers:
    edit_description: Callable[[ContactView], Handler]
    unlink: Callable[[ContactView], Handler]
    switch: Callable[[int, str, str], Handler]       # (contact id, email, setting)
    resend: Callable[[int, str], Handler]
    preferences: Callable[[int, EmailView], Handler]
    move: Callable[[ContactView, int], Handler]     # -1: earlier in the signing order


def switch_id(contact_id: int, email: str, setting: str) -> str:
    """A stable id for a switch, so focus can return to it after the page is drawn again."""
    digest = hashlib.sha1(email.encode()).hexdigest()[:10]
    return f"sw-{contact_id}-{setting}-{digest}"


def contact_card(t: Translator, contact: ContactView, on: ContactHandlers | None = None) -> Element:
    badges = [h("span", {"class": "pill"}, t("contact.primary")) if contact.primary else None,
              h("span", {"class": "pill muted-pill"}, t("contact.signer", n=contact.signer_priority))]
    actions = h("div", {"class": "entry-actions"},
                h("button", {"type": "button", "class": "link-button",
                             "on_click": on.edit_description(contact)}, t("contacts.edit_description")),
                h("button", {"type": "button", "class": "link-button danger-link",
                             "on_click": on.unlink(contact)}, t("contacts.unlink")),
                h("button", {"type": "button", "class": "link-button", "on_click": on.move(contact, -1),
                             "aria-label": t("contacts.move_up", name=contact.name)}, "↑"),
                h("button", {"type": "button", "class": "link-button", "on_click": on.move(contact, 1),
                             "aria-label": t("contacts.move_down", name=contact.name)}, "↓")) if on else None
    return h("li", {"class": "contact", "data-key": f"contact-{contact.id}"},   # moves with its person
             h("div", {"class": "contact-head"},
               h("a", {"href": contact_href(contact.id), "class": "contact-name"}, contact.name), badges),
             h("p", {"class": "muted contact-role"}, contact.description) if contact.description else None,
             actions,
             h("div", {"class": "emails"}, [_email(t, contact.id, e, on) for e in contact.emails]))


def _email(t: Translator, contact_id: int, email: EmailView, on: ContactHandlers | None) -> Element:
    def row(label: str, text: str, setting: str, on_value: bool, extra: Child = None) -> list[Element]:
        control = h("input", {"type": "checkbox", "role": "switch", "checked": on_value,
                              "id": switch_id(contact_id, email.address, setting),
                              "aria-label": t(f"switch.{setting}", email=email.address),
                              "on_change": on.switch(contact_id, email.address, setting)}) if on else None
        return [h("dt", None, label), h("dd", None, h("label", {"class": "switch"}, control, text), extra)]

    login = {"off": t("login.off"), "active": t("login.active")}.get(
        email.login, t("login.invited", date=t.date(email.invited_at)) if email.invited_at else "")
    resend = h("button", {"type": "button", "class": "link-button", "on_click": on.resend(contact_id, email.address)},
               t("invite.resend", email=email.address)) if on and email.login == "invited" else None
    prefs = h("button", {"type": "button", "class": "link-button", "on_click": on.preferences(contact_id, email)},
              t("notify.preferences", email=email.address)) if on and email.notify else None
    return h("div", {"class": "email"},
             h("p", {"class": "email-address"}, email.address,
               h("span", {"class": "muted"}, f" · {t('contact.primary_email')}") if email.primary else None),
             h("dl", {"class": "settings"},
               row(t("email.login"), login, "login", email.login != "off", resend),
               row(t("email.notifications"), _notify_text(t, email), "notify", email.notify, prefs),
               row(t("email.sync"), t("value.on" if email.email_sync else "value.off"), "email_sync",
                   email.email_sync),
               row(t("email.signing"), t("value.yes" if email.can_sign else "value.no"), "can_sign",
                   email.can_sign)))


def _notify_text(t: Translator, email: EmailView) -> str:
    if not email.notify:
        return t("notify.off")
    if email.notify_types:
        return t("notify.on", types=", ".join(t(f"notify.{k}") for k in email.notify_types))
    return t("notify.on_none")
