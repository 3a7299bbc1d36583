"""Filters of the clients list: type, tag and team member (F-FIND-2)."""

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.accounts import AccountType
from app.domain.listing import ClientQuery
from app.i18n import Translator
from app.services.views import ClientPage
from app.ui.components.select_field import select_field
from app.ui.html import Element, Handler, h


@dataclass(frozen=True)
class FilterHandlers:
    type_change: Handler
    tag_change: Handler
    member_change: Handler
    clear: Callable


def client_filters(t: Translator, page: ClientPage, query: ClientQuery, on: FilterHandlers) -> Element:
    types = [("", t("clients.filter.any_type"))] + [(k.value, t(f"type.{k.value}")) for k in AccountType]
    tags = [("", t("clients.filter.any_tag"))] + [(str(tag.id), tag.name) for tag in page.tags]
    members = [("", t("clients.filter.any_member"))] + [(str(m.id), m.name) for m in page.members]
    filtered = query.type or query.tag_id or query.member_id
    return h("div", {"class": "filters"},
             select_field("filter-type", t("clients.filter.type"), types,
                          query.type.value if query.type else "", on.type_change),
             select_field("filter-tag", t("clients.filter.tag"), tags, str(query.tag_id or ""),
                          on.tag_change),
             select_field("filter-member", t("clients.filter.member"), members,
                          str(query.member_id or ""), on.member_change),
             h("button", {"type": "button", "class": "link-button", "on_click": on.clear},
               t("clients.filter.clear")) if filtered else None)
