"""Editing an account from the UI: details, new account, delete (F-EDIT-1…6, F-MORE-1)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from app.domain.errors import InvalidInput
from app.domain.photos import THUMBNAIL_PX
from app.services import account_editing, contact_editing
from app.services.editing_views import AccountFormView
from app.ui.components.account_form import PHOTO_PREVIEW, account_form
from app.ui.components.avatar import avatar
from app.ui.components.existing_contact import (
    EXISTING_RESULTS,
    existing_contact_picker,
    existing_contact_results,
)
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, form_field
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.forms import nest
from app.ui.html import Element, h
from app.ui.router import account_href

if TYPE_CHECKING:
    from app.ui.context import Context

LISTS = ("tag_ids", "team_member_ids")


class AccountEditor:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._photo: bytes | None = None  # a photo chosen in the open dialog, already scaled
        self._photo_loading = False

    # Edit account details ----------------------------------------------------------------
    def edit(self, account_id: int):
        def handler(_event: UiEvent) -> None:
            view = account_editing.account_form(self.ctx.db, self.ctx.member, account_id)
            self._photo = None
            self.ctx.dialogs.open(OpenForm(
                render=lambda form: self._edit_dialog(account_id, view, form),
                submit=lambda data: self._save(account_id, view, data),
                values=dict(view.values), focus="f-name"))
        return handler

    def _edit_dialog(self, account_id: int, view: AccountFormView, form: OpenForm) -> Element:
        t, dialogs = self.ctx.t, self.ctx.dialogs
        body = account_form(t, view, form.values, form.errors, dialogs.error_text, self._generate(account_id),
                            self._choose_photo)
        return form_dialog(t, "edit-account", t("edit.title"), body, bool(form.errors),
                           dialogs.on_submit, dialogs.close, dialogs.on_key)

    def _generate(self, account_id: int):
        def handler(_event: UiEvent) -> None:
            name = account_editing.generated_account_name(self.ctx.db, self.ctx.member, account_id)
            self.ctx.dom.set_value("f-name", name)
        return handler

    def _choose_photo(self, _event: UiEvent) -> None:
        self._photo_loading = True  # at once: a Save in the same moment must see it
        asyncio.ensure_future(self._load_photo(self.ctx.dom.read_image("f-photo", THUMBNAIL_PX)))

    async def _load_photo(self, scaled: Awaitable[bytes | None]) -> None:
        t = self.ctx.t
        try:
            self._photo = await scaled
        except Exception:  # noqa: BLE001 - the browser could not decode it: say so by the field
            self._photo = None
            self.ctx.dom.mount(PHOTO_PREVIEW, h("p", {"class": "field-error"}, t("error.photo_type")))
            return
        finally:
            self._photo_loading = False
        preview = avatar(t("edit.photo_preview"), "", self._photo) if self._photo else None
        self.ctx.dom.mount(PHOTO_PREVIEW, preview)

    def _save(self, account_id: int, view: AccountFormView, form: dict[str, Any]) -> str:
        if self._photo_loading:  # never save without the photo the person just chose
            raise InvalidInput({"photo": "photo_loading"})
        photo: Any = account_editing.KEEP
        if form.get("remove_photo") == "true":
            photo = None
        elif self._photo is not None:
            photo = self._photo
        data = nest({k: v for k, v in form.items() if k not in ("photo_file", "remove_photo")}, LISTS)
        custom = data.setdefault("custom", {})
        for field in view.fields:
            if field.type == "checkbox":  # an unticked box sends nothing: it means "no"
                custom.setdefault(str(field.id), "false")
        account_editing.update_account(self.ctx.db, self.ctx.member, account_id, data, photo=photo)
        self._photo = None
        return self.ctx.t("edit.saved")

    # New account ---------------------------------------------------------------------------
    def new_account(self, _event: UiEvent) -> None:
        self.ctx.dialogs.open(OpenForm(render=self._new_dialog, submit=self._create,
                                       values={"type": "individual"}, focus="f-type"))

    def _new_dialog(self, form: OpenForm) -> Element:
        t, dialogs = self.ctx.t, self.ctx.dialogs
        types = tuple((k, t(f"type.{k}")) for k in ("individual", "company", "other"))

        def field(name: str, label: str, **kw) -> Element:
            return form_field(Field(name, label, str(form.values.get(name) or ""),
                                    error=dialogs.error_text(name), **kw))
        body = [field("type", t("info.type"), kind="select", options=types),
                field("name", t("info.name"), hint=t("new.name_hint")),
                existing_contact_picker(t, self._find_existing, dialogs.error_text("existing_contact_id")),
                field("contact.first_name", t("new.first_name")), field("contact.last_name", t("new.last_name")),
                field("contact.email", t("new.email"), kind="email"), field("contact.phone", t("new.phone"), kind="tel")]
        return form_dialog(t, "new-account", t("new.title"), body, bool(form.errors), dialogs.on_submit,
                           dialogs.close, dialogs.on_key, submit_label=t("form.save"))

    def _find_existing(self, event: UiEvent) -> None:
        text = event.value
        found = contact_editing.find_contacts(self.ctx.db, self.ctx.member, None, text) if text.strip() else []
        self.ctx.dom.mount(EXISTING_RESULTS, existing_contact_results(self.ctx.t, text, found))

    def _create(self, form: dict[str, Any]) -> None:
        data = nest({k: v for k, v in form.items() if k != "find_existing"})
        data["name"] = data.get("name") or None
        contact = data.get("contact", {})
        contact["email"] = contact.get("email") or None
        if data.get("existing_contact_id"):
            data.pop("contact", None)  # an existing contact was chosen: the new-person fields are not used
        else:
            data.pop("existing_contact_id", None)
        account_id = account_editing.create_account(self.ctx.db, self.ctx.member, data)
        name = account_editing.account_name(self.ctx.db, self.ctx.member, account_id)
        self.ctx.navigate(account_href(account_id, "info"), self.ctx.t("new.created", name=name))
        return None

    # Delete --------------------------------------------------------------------------------
    def delete(self, account_id: int, name: str):
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            self.ctx.dialogs.confirm(t("delete.title", name=name), t("delete.body", name=name),
                                     lambda: self._delete(account_id))
        return handler

    def _delete(self, account_id: int) -> None:
        name = account_editing.delete_account(self.ctx.db, self.ctx.member, account_id)
        self.ctx.navigate("#/clients", self.ctx.t("delete.done", name=name))
