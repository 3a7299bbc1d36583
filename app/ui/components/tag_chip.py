"""A firm tag shown as a coloured label."""

from app.services.views import TagView
from app.ui.html import Element, h


def tag_chip(tag: TagView) -> Element:
    # The colour is validated as #rrggbb by the domain; it is still escaped as an attribute.
    return h("span", {"class": "tag", "style": f"--tag-color: {tag.color}"}, tag.name)
