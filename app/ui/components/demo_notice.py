"""The notice shown while the demo firm is loaded, with the way to a firm of one's own."""

from app.i18n import Translator
from app.ui.html import Element, Handler, h


def demo_notice(t: Translator, on_set_up: Handler) -> Element:
    return h("section", {"class": "demo-notice", "aria-labelledby": "demo-notice-title"},
             h("div", None,
               h("strong", {"id": "demo-notice-title"}, t("demo.title")),
               h("p", None, t("demo.body"))),
             h("button", {"type": "button", "class": "primary", "id": "set-up-firm", "on_click": on_set_up},
               t("setup.open")))
