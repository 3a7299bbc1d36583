"""Settings › Tags from the UI: the list, the `Tag` dialog, and deleting with a confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.text import squash
from app.services import tag_settings
from app.services.settings_views import TagSettingsView
from app.ui.components.tag_dialog import COLOR, NAME, NAME_ID, tag_dialog
from app.ui.components.tags_part import TagsHandlers, counted, tags_part
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.forms import error_for
from app.ui.html import Element, Handler

if TYPE_CHECKING:
    from app.ui.context import Context

NEW_COLOR = "#4b5563"


class TagSettings:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def part(self) -> Element:
        tags = tag_settings.list_tags(self.ctx.db, self.ctx.member)
        return tags_part(self.ctx.t, tags, TagsHandlers(new=self._new, edit=self._edit, delete=self._delete))

    # The `Tag` dialog -------------------------------------------------------------------
    def _new(self, _event: UiEvent) -> None:
        self._open(None, {NAME: "", COLOR: NEW_COLOR})

    def _edit(self, tag: TagSettingsView) -> Handler:
        return lambda _event: self._open(tag.id, {NAME: tag.name, COLOR: tag.color})

    def _open(self, tag_id: int | None, values: dict[str, Any]) -> None:
        self.ctx.dialogs.open(OpenForm(render=self._dialog, submit=lambda data: self._save(tag_id, data),
                                       values=values, focus=NAME_ID))

    def _dialog(self, form: OpenForm) -> Element:
        dialogs = self.ctx.dialogs
        return tag_dialog(self.ctx.t, form.values, self._error, bool(form.errors), dialogs.on_submit,
                          dialogs.close, dialogs.on_key)

    def _error(self, name: str) -> str | None:
        # The shared words for a duplicate tag speak of the account editor ("tick it above").
        form = self.ctx.dialogs.current
        if form and error_for(form.errors, name) == "duplicate_tag":
            return self.ctx.t("tags.duplicate")
        return self.ctx.dialogs.error_text(name)

    def _save(self, tag_id: int | None, data: dict[str, Any]) -> str:
        values = {"name": data.get(NAME, ""), "color": data.get(COLOR, "")}
        if tag_id is None:
            tag_settings.create_tag(self.ctx.db, self.ctx.member, values)
        else:
            tag_settings.update_tag(self.ctx.db, self.ctx.member, tag_id, values)
        return self.ctx.t("tags.saved", name=squash(str(values["name"])))

    # Delete -----------------------------------------------------------------------------
    def _delete(self, tag: TagSettingsView) -> Handler:
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            self.ctx.dialogs.confirm(t("tags.delete_title", name=tag.name),
                                     counted(t, "tags.delete_body", tag.accounts, name=tag.name),
                                     lambda: self._deleted(tag.id))
        return handler

    def _deleted(self, tag_id: int) -> str:
        name = tag_settings.delete_tag(self.ctx.db, self.ctx.member, tag_id)
        return self.ctx.t("tags.deleted", name=name)
