"""A linked contact on the Info tab: name (a link), role here, and each email's settings."""

from app.i18n import Translator
from app.services.profile_views import ContactView, EmailView
from app.ui.html import Element, h
from app.ui.router import contact_href


def contact_card(t: Translator, contact: ContactView) -> Element:
    badges = [h("span", {"class": "pill"}, t("contact.primary")) if contact.primary else None,
              h("span", {"class": "pill muted-pill"}, t("contact.signer", n=contact.signer_priority))]
    return h("li", {"class": "contact"},
             h("div", {"class": "contact-head"},
               h("a", {"href": contact_href(contact.id), "class": "contact-name"}, contact.name),
               badges),
             h("p", {"class": "muted contact-role"}, contact.description) if contact.description else None,
             h("div", {"class": "emails"}, [_email(t, e) for e in contact.emails]))


def _email(t: Translator, email: EmailView) -> Element:
    def row(label: str, value: str) -> list[Element]:
        return [h("dt", None, label), h("dd", None, value)]

    login = {"off": t("login.off"), "active": t("login.active")}.get(
        email.login, t("login.invited", date=t.date(email.invited_at)) if email.invited_at else "")
    if not email.notify:
        notify = t("notify.off")
    elif email.notify_types:
        notify = t("notify.on", types=", ".join(t(f"notify.{k}") for k in email.notify_types))
    else:
        notify = t("notify.on_none")
    return h("div", {"class": "email"},
             h("p", {"class": "email-address"}, email.address,
               h("span", {"class": "muted"}, f" · {t('contact.primary_email')}") if email.primary else None),
             h("dl", {"class": "settings"},
               row(t("email.login"), login), row(t("email.notifications"), notify),
               row(t("email.sync"), t("value.on" if email.email_sync else "value.off")),
               row(t("email.signing"), t("value.yes" if email.can_sign else "value.no"))))
