"""Changing an account's contacts from the Info tab (F-EDIT-7, F-INFO-CONTACTS)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.contacts import NotificationType
from app.domain.errors import InvalidInput
from app.services import contact_editing
from app.services.profile_views import ContactView, EmailView
from app.ui.components.account_form import custom_field
from app.ui.components.contact_card import ContactHandlers
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, checkbox_group, form_field
from app.ui.components.link_contact import RESULTS_REGION, link_contact_dialog, link_results
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.forms import nest
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.context import Context


class ContactEditor:
    def __init__(self, ctx: Context, account_id: int, account_name: str) -> None:
        self.ctx = ctx
        self.account_id = account_id
        self.account_name = account_name
        self.search_text = ""

    def handlers(self) -> ContactHandlers:
        return ContactHandlers(edit_description=self.edit_description, unlink=self.unlink, switch=self.switch,
                               resend=self.resend, preferences=self.preferences, move=self.move)

    def _field(self, form: OpenForm, name: str, label: str, **kw) -> Element:
        return form_field(Field(name, label, str(form.values.get(name) or ""),
                                error=self.ctx.dialogs.error_text(name), **kw))

    def _dialog(self, dialog_id: str, title: str, form: OpenForm, body) -> Element:
        d = self.ctx.dialogs
        return form_dialog(self.ctx.t, dialog_id, title, body, bool(form.errors), d.on_submit, d.close, d.on_key)

    # Description, unlink ---------------------------------------------------------------------
    def edit_description(self, contact: ContactView):
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            self.ctx.dialogs.open(OpenForm(
                render=lambda form: self._dialog("edit-description", t("contacts.edit_description"), form,
                                                 self._field(form, "description", t("contacts.description"))),
                submit=lambda data: self._save_description(contact, data),
                values={"description": contact.description}, focus="f-description"))
        return handler

    def _save_description(self, contact: ContactView, data: dict[str, Any]) -> str:
        contact_editing.edit_description(self.ctx.db, self.ctx.member, self.account_id, contact.id,
                                         str(data.get("description", "")))
        return self.ctx.t("contacts.saved")

    def unlink(self, contact: ContactView):
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            self.ctx.dialogs.confirm(
                t("contacts.unlink_title", name=contact.name),
                t("contacts.unlink_body", name=contact.name, account=self.account_name),
                lambda: self._unlink(contact))
        return handler

    def _unlink(self, contact: ContactView) -> str:
        contact_editing.unlink_contact(self.ctx.db, self.ctx.member, self.account_id, contact.id)
        return self.ctx.t("contacts.unlinked", name=contact.name)

    # Link an existing contact, add a new one ----------------------------------------------------
    def link(self, _event: UiEvent) -> None:
        d = self.ctx.dialogs
        self.search_text = ""
        d.open(OpenForm(render=lambda form: link_contact_dialog(self.ctx.t, self._search, d.close, d.on_key),
                        submit=lambda data: None, focus="f-find"))
        self._show_results(None)

    def _show_results(self, error: str | None) -> None:
        found = contact_editing.find_contacts(self.ctx.db, self.ctx.member, self.account_id, self.search_text) \
            if self.search_text.strip() else []
        self.ctx.dom.mount(RESULTS_REGION, link_results(self.ctx.t, self.search_text, found, error, self._choose))

    def _search(self, event: UiEvent) -> None:
        self.search_text = event.value
        self._show_results(None)

    def _choose(self, contact_id: int, name: str):
        def handler(_event: UiEvent) -> None:
            try:
                contact_editing.link_contact(self.ctx.db, self.ctx.member, self.account_id, contact_id)
            except InvalidInput as error:
                self._show_results(" ".join(self.ctx.dialogs.message(c) for c in error.errors.values()))
                return
            self.ctx.dialogs.finish(self.ctx.t("contacts.linked", name=name))
        return handler

    def add(self, _event: UiEvent) -> None:
        t = self.ctx.t
        fields = (("first_name", t("new.first_name"), "text"), ("middle_name", t("contacts.middle_name"), "text"),
                  ("last_name", t("new.last_name"), "text"), ("email", t("new.email"), "email"),
                  ("more_emails", t("contacts.more_emails"), "text"),
                  ("phone", t("new.phone"), "tel"), ("description", t("contacts.description"), "text"),
                  *((f"address.{p}", t(f"edit.{p}"), "text")
                    for p in ("street", "city", "state", "postal_code", "country")))
        custom = contact_editing.contact_fields(self.ctx.db)
        self.ctx.dialogs.open(OpenForm(
            render=lambda form: self._dialog("add-contact", t("contacts.add"), form, [
                [self._field(form, n, label, kind=k) for n, label, k in fields],
                [custom_field(f, form.values, self.ctx.dialogs.error_text, t("edit.choose")) for f in custom]]),
            submit=self._add, focus="f-first-name"))

    def _add(self, data: dict[str, Any]) -> str:
        data = nest(data)
        data["email"] = data.get("email") or None
        data["more_emails"] = [e.strip() for e in str(data.get("more_emails", "")).replace(",", ";").split(";")
                               if e.strip()]
        contact_editing.add_contact(self.ctx.db, self.ctx.member, self.account_id, data)
        name = " ".join(str(data.get(k, "")).strip() for k in ("first_name", "last_name"))
        return self.ctx.t("contacts.added", name=name)

    # Per-email settings ----------------------------------------------------------------------
    def switch(self, contact_id: int, email: str, setting: str):
        def handler(event: UiEvent) -> None:
            db, member = self.ctx.db, self.ctx.member
            if setting == "login":
                contact_editing.set_login(db, member, self.account_id, contact_id, email, event.checked)
            else:
                contact_editing.set_switch(db, member, self.account_id, contact_id, email, setting, event.checked)
            self.ctx.changed(message=self.ctx.t("contacts.saved"))
        return handler

    def move(self, contact: ContactView, step: int):
        def handler(_event: UiEvent) -> None:
            contact_editing.move_signer(self.ctx.db, self.ctx.member, self.account_id, contact.id, step)
            self.ctx.changed(message=self.ctx.t("contacts.saved"))
        return handler

    def resend(self, contact_id: int, email: str):
        def handler(_event: UiEvent) -> None:
            when = contact_editing.resend_invite(self.ctx.db, self.ctx.member, self.account_id, contact_id, email)
            self.ctx.changed(message=self.ctx.t("invite.sent", email=email, when=self.ctx.t.datetime(when)))
        return handler

    def preferences(self, contact_id: int, email: EmailView):
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            options = tuple((k.value, t(f"notify.{k.value}")) for k in NotificationType)
            self.ctx.dialogs.open(OpenForm(
                render=lambda form: self._dialog("notify-prefs", t("notify.preferences", email=email.address), form,
                                                 checkbox_group("types", t("notify.title"), options,
                                                                set(email.notify_types),
                                                                self.ctx.dialogs.error_text("types"))),
                submit=lambda data: self._save_preferences(contact_id, email.address, data)))
        return handler

    def _save_preferences(self, contact_id: int, email: str, data: dict[str, Any]) -> str:
        types = nest(data, ("types",))["types"]
        contact_editing.set_notification_types(self.ctx.db, self.ctx.member, self.account_id, contact_id,
                                               email, types)
        return self.ctx.t("notify.saved")
