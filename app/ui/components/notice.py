"""A message about something that went wrong after start-up, announced as an alert."""

from app.ui.html import Element, Handler, h


def notice(text: str, dismiss_label: str, on_dismiss: Handler) -> Element:
    return h("div", {"class": "notice", "role": "alert"},
             h("p", None, text),
             h("button", {"type": "button", "on_click": on_dismiss}, dismiss_label))
