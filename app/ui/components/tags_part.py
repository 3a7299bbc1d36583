"""Settings › Tags: the firm's tags with their colour and use, and buttons to change them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.i18n import Translator
from app.services.settings_views import TagSettingsView
from app.ui.html import Element, Handler, h

TITLE_ID = "settings-tags-title"
NEW_TAG_ID = "tag-new"


def counted(t: Translator, key: str, count: int, **params: object) -> str:
    """The message `key.none`, `key.one` or `key.other` for `count` (English and Italian need these three)."""
    form = "none" if count == 0 else "one" if count == 1 else "other"
    return t(f"{key}.{form}", count=t.number(count), **params)


@dataclass(frozen=True)
class TagsHandlers:
    new: Handler
    edit: Callable[[TagSettingsView], Handler]
    delete: Callable[[TagSettingsView], Handler]


def _item(t: Translator, tag: TagSettingsView, on: TagsHandlers) -> Element:
    # The colour is a checked #rrggbb; the swatch repeats what the name says, so it is hidden from readers.
    return h("li", {"class": "settings-item"},
             h("span", {"class": "swatch", "aria-hidden": "true",
                        "style": f"--swatch: {tag.color}"}),
             h("span", {"class": "item-name"}, tag.name),
             h("span", {"class": "hint"}, counted(t, "tags.accounts", tag.accounts)),
             h("span", {"class": "item-actions"},
               h("button", {"type": "button", "id": f"edit-tag-{tag.id}", "aria-label": t("tags.edit", name=tag.name),
                            "on_click": on.edit(tag)}, t("tags.edit_button")),
               h("button", {"type": "button", "id": f"delete-tag-{tag.id}", "class": "danger",
                            "aria-label": t("tags.delete", name=tag.name), "on_click": on.delete(tag)},
                 t("tags.delete_button"))))


def tags_part(t: Translator, tags: list[TagSettingsView], on: TagsHandlers) -> Element:
    return h("section", {"class": "card settings-part", "role": "region", "aria-labelledby": TITLE_ID,
                         "id": "settings-tags"},
             h("h2", {"id": TITLE_ID}, t("tags.title")),
             h("ul", {"class": "settings-list", "aria-labelledby": TITLE_ID}, [_item(t, tag, on) for tag in tags]),
             None if tags else h("p", {"class": "hint"}, t("tags.none")),
             h("button", {"type": "button", "id": NEW_TAG_ID, "on_click": on.new}, t("tags.new")))
