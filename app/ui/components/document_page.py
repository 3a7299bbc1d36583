"""One document's details; opening it is what clears its "New" badge for this member."""

from app.i18n import Translator
from app.services.overview_views import DocumentView
from app.ui.html import Element, h
from app.ui.router import account_href


def document_page(t: Translator, doc: DocumentView) -> Element:
    def row(label: str, value) -> list[Element]:
        return [h("dt", None, label), h("dd", None, value)]

    return h("div", {"class": "card document"},
             h("a", {"href": account_href(doc.account_id), "class": "back"}, "‹ ", t("document.back")),
             h("h2", None, doc.name),
             h("dl", {"class": "details"},
               row(t("document.from"), t(f"status.source.{doc.source}")),
               row(t("document.by"), doc.by_name),
               row(t("document.date"), t.datetime(doc.created_at)),
               row(t("document.viewed_by"),
                   h("ul", {"class": "plain"}, [h("li", None, f"{name} · {t.datetime(at)}")
                                                for name, at in doc.viewed_by]))))
