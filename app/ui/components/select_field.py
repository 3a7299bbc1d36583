"""A labelled drop-down list: the one way the app renders a <select>."""

from collections.abc import Sequence

from app.ui.html import Element, Handler, h


def select_field(field_id: str, label: str, options: Sequence[tuple[str, str]], selected: str,
                 on_change: Handler, css: str = "field") -> Element:
    """`options` are (value, shown text) pairs."""
    return h("div", {"class": css},
             h("label", {"for": field_id}, label),
             h("select", {"id": field_id, "on_change": on_change},
               [h("option", {"value": value, "selected": value == selected}, text)
                for value, text in options]))
