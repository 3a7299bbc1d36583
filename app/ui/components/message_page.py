"""A page that only says something: no access, not found, what a page will offer."""

from app.ui.html import Element, h


def message_page(title: str, body: str, css: str = "") -> Element:
    return h("section", {"class": f"page message-page {css}".strip()},
             h("h1", {"id": "page-title", "tabindex": "-1"}, title),
             h("p", None, body))
