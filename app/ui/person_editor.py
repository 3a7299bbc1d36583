"""Editing a contact's personal data from its page; the change shows on every account (F-DATA-2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.errors import InvalidInput
from app.services import contact_editing
from app.ui.components.account_form import custom_field
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, form_field
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.forms import nest
from app.ui.html import Element, h

if TYPE_CHECKING:
    from app.ui.context import Context


def _numbered(values: dict[str, Any], prefix: str) -> list[tuple[int, str]]:
    """(form index, text) of the filled `prefix.N` fields: an emptied field is a removal."""
    found = []
    for key, value in values.items():
        if key.startswith(prefix + ".") and key[len(prefix) + 1:].isdigit() and str(value).strip():
            found.append((int(key[len(prefix) + 1:]), str(value)))
    return sorted(found)


class PersonEditor:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def edit(self, contact_id: int):
        def handler(_event: UiEvent) -> None:
            values = contact_editing.contact_form(self.ctx.db, self.ctx.member, contact_id)
            self.ctx.dialogs.open(OpenForm(render=self._dialog, submit=lambda data: self._save(contact_id, data),
                                           values=values, focus="f-first-name"))
        return handler

    def _dialog(self, form: OpenForm) -> Element:
        t, d, values = self.ctx.t, self.ctx.dialogs, form.values

        def field(name: str, label: str, **kw) -> Element:
            return form_field(Field(name, label, str(values.get(name) or ""), error=d.error_text(name), **kw))

        emails = _numbered(values, "emails")
        phones = _numbered(values, "phones")
        primary_options = tuple((str(i), text) for i, text in emails) or (("0", "—"),)
        body = [field("first_name", t("new.first_name")), field("middle_name", t("contacts.middle_name")),
                field("last_name", t("new.last_name")),
                h("p", {"class": "hint"}, t("contact.remove_hint")),
                [field(f"emails.{i}", t("contact.email_n", n=n + 1), kind="email") for n, (i, _) in enumerate(emails)],
                field(f"emails.{_next(emails)}", t("contact.new_email"), kind="email"),
                field("primary", t("contact.primary_choice"), kind="select", options=primary_options),
                [field(f"phones.{i}", t("contact.phone_n", n=n + 1), kind="tel") for n, (i, _) in enumerate(phones)],
                field(f"phones.{_next(phones)}", t("contact.new_phone"), kind="tel"),
                [field(f"address.{p}", t(f"edit.{p}")) for p in ("street", "city", "state", "postal_code", "country")],
                field("tax_id", t("contact.tax_id")),
                [custom_field(f, values, d.error_text) for f in contact_editing.contact_fields(self.ctx.db)]]
        return form_dialog(t, "edit-contact", t("contact.edit_title"), body, bool(form.errors),
                           d.on_submit, d.close, d.on_key)

    def _save(self, contact_id: int, form: dict[str, Any]) -> str:
        emails, phones = _numbered(form, "emails"), _numbered(form, "phones")
        primary = str(form.get("primary", ""))
        data = {k: v for k, v in nest(form).items() if k not in ("emails", "phones", "primary")}
        custom = data.setdefault("custom", {})
        for f in contact_editing.contact_fields(self.ctx.db):
            if f.type == "checkbox":  # an unticked box sends nothing: it means "no"
                custom.setdefault(str(f.id), "false")
        data["emails"] = [text for _, text in emails]
        data["phones"] = [text for _, text in phones]
        data["primary"] = next((n for n, (i, _) in enumerate(emails) if str(i) == primary), 0)
        try:
            contact_editing.update_contact(self.ctx.db, self.ctx.member, contact_id, data)
        except InvalidInput as error:  # point each message at the field the person typed in
            raise InvalidInput({_form_key(k, emails, phones): v for k, v in error.errors.items()}) from None
        return self.ctx.t("contact.saved")


def _next(items: list[tuple[int, str]]) -> int:
    return max((i for i, _ in items), default=-1) + 1


def _form_key(key: str, emails: list[tuple[int, str]], phones: list[tuple[int, str]]) -> str:
    parts = key.split(".")
    if len(parts) >= 2 and parts[0] in ("emails", "phones") and parts[1].isdigit():
        items = emails if parts[0] == "emails" else phones
        position = int(parts[1])
        if position < len(items):
            return f"{parts[0]}.{items[position][0]}"
    return key
