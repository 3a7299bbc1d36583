"""Settings › Custom fields: the account and the contact fields in form order, with their buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.i18n import Translator
from app.services.settings_views import FieldSettingsView
from app.ui.components.tags_part import counted
from app.ui.html import Element, Handler, h

TITLE_ID = "settings-fields-title"
SCOPES = ("account", "contact")


def move_id(field_id: int, step: int) -> str:
    return f"move-{'up' if step < 0 else 'down'}-{field_id}"


@dataclass(frozen=True)
class FieldsHandlers:
    add: Callable[[str], Handler]                       # scope -> open `Custom field`
    edit: Callable[[FieldSettingsView], Handler]
    delete: Callable[[FieldSettingsView], Handler]
    move: Callable[[FieldSettingsView, int], Handler]   # step -1 up, +1 down


def _button(element_id: str, label: str, name: str, on_click: Handler, danger: bool = False) -> Element:
    return h("button", {"type": "button", "id": element_id, "aria-label": name, "class": "danger" if danger else None,
                        "on_click": on_click}, label)


def _item(t: Translator, f: FieldSettingsView, first: bool, last: bool, on: FieldsHandlers) -> Element:
    # Up is left out on the first item and down on the last: a button that does nothing only confuses.
    return h("li", {"class": "settings-item"},
             h("span", {"class": "item-name"}, f.label),
             h("span", {"class": "hint"}, t(f"fields.type.{f.type}")),
             h("span", {"class": "hint"}, counted(t, f"fields.values_{f.scope}", f.values)),
             h("span", {"class": "item-actions"},
               None if first else _button(move_id(f.id, -1), t("fields.up"), t("fields.move_up", label=f.label),
                                          on.move(f, -1)),
               None if last else _button(move_id(f.id, 1), t("fields.down"), t("fields.move_down", label=f.label),
                                         on.move(f, 1)),
               _button(f"edit-field-{f.id}", t("fields.edit_button"), t("fields.edit", label=f.label), on.edit(f)),
               _button(f"delete-field-{f.id}", t("fields.delete_button"), t("fields.delete", label=f.label),
                       on.delete(f), danger=True)))


def _scope(t: Translator, scope: str, fields: list[FieldSettingsView], on: FieldsHandlers) -> Element:
    heading = f"settings-fields-{scope}"
    return h("div", {"class": "settings-group"},
             h("h3", {"id": heading}, t(f"fields.{scope}")),
             h("ul", {"class": "settings-list", "aria-labelledby": heading},
               [_item(t, f, i == 0, i == len(fields) - 1, on) for i, f in enumerate(fields)]),
             None if fields else h("p", {"class": "hint"}, t("fields.none")),
             h("button", {"type": "button", "id": f"field-new-{scope}", "on_click": on.add(scope)},
               t(f"fields.add_{scope}")))


def fields_part(t: Translator, fields: dict[str, list[FieldSettingsView]], on: FieldsHandlers) -> Element:
    """`fields`: scope ("account", "contact") -> its fields in order."""
    return h("section", {"class": "card settings-part", "role": "region", "aria-labelledby": TITLE_ID,
                         "id": "settings-fields"},
             h("h2", {"id": TITLE_ID}, t("fields.title")),
             [_scope(t, scope, fields.get(scope, []), on) for scope in SCOPES])
