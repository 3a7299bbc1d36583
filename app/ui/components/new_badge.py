"""The "New" mark on a document the signed-in member has not opened yet."""

from app.i18n import Translator
from app.ui.html import Element, h


def new_badge(t: Translator) -> Element:
    return h("span", {"class": "badge-new"}, t("overview.new"))
