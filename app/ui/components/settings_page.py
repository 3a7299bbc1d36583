"""Settings (`#/settings`): the firm, its members, tags, custom fields and the history of changes."""

from app.i18n import Translator
from app.ui.html import Child, Element, h


def settings_page(t: Translator, *parts: Child) -> Element:
    return h("section", {"class": "page settings-page"},
             h("header", {"class": "page-header"},
               h("h1", {"id": "page-title", "tabindex": "-1"}, t("settings.title"))),
             h("div", {"class": "settings-parts"}, *parts))


def settings_part(part_id: str, title: str, *children: Child, css: str = "") -> Element:
    """One part of the page: a region named by its heading."""
    return h("section", {"class": f"card settings-part {css}".strip(), "aria-labelledby": f"{part_id}-title",
                         "id": part_id},
             h("h2", {"id": f"{part_id}-title"}, title), *children)
