"""Hash routes: every screen has a URL.

    #/clients?type=&tag=&member=&sort=&dir=&page=    the clients list
    #/accounts/<id>/overview | info                   a profile tab
    #/accounts/<id>/<section>?page=&order=            a "View all" list (order=asc: oldest first)
    #/accounts/<id>/documents/<document id>           one document
    #/accounts/<id>/history                           the team's history of changes
    #/contacts/<id>                                   a contact
    #/data                                            the data page
    #/settings                                        firm settings (owner and admins)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from pydantic import ValidationError

from app.domain.listing import ClientQuery
from app.services.overview_views import SECTIONS

TABS = ("overview", "info")


@dataclass(frozen=True)
class Route:
    # "clients" | "account" | "section" | "document" | "history" | "contact" | "data" | "settings" | "not_found"
    name: str
    query: ClientQuery = field(default_factory=ClientQuery)
    account_id: int = 0     # for "contact": the contact id
    tab: str = "overview"   # for "section": the section key
    item_id: int = 0        # for "document": the document id
    page: int = 1
    newest_first: bool = True


def parse(hash_: str) -> Route:
    path, _, query = hash_.removeprefix("#").partition("?")
    parts = [p for p in path.split("/") if p]
    if not parts or parts == ["clients"]:
        return Route("clients", query=_client_query(query))
    if parts == ["data"]:
        return Route("data")
    if parts == ["settings"]:
        return Route("settings")
    if parts[0] == "accounts" and len(parts) >= 2 and _positive(parts[1]):
        return _account_route(int(parts[1]), parts[2:], dict(parse_qsl(query)))
    if parts[0] == "contacts" and len(parts) == 2 and _positive(parts[1]):
        return Route("contact", account_id=int(parts[1]))
    return Route("not_found")


def _positive(text: str) -> bool:
    return text.isdigit() and int(text) > 0


def _account_route(account_id: int, rest: list[str], params: dict[str, str]) -> Route:
    if not rest or (len(rest) == 1 and rest[0] in TABS):
        return Route("account", account_id=account_id, tab=rest[0] if rest else "overview")
    if rest == ["history"]:
        return Route("history", account_id=account_id, tab="info")
    if len(rest) == 1 and rest[0] in SECTIONS:
        page = int(params["page"]) if _positive(params.get("page", "")) else 1
        return Route("section", account_id=account_id, tab=rest[0], page=page,
                     newest_first=params.get("order") != "asc")
    if len(rest) == 2 and rest[0] == "documents" and _positive(rest[1]):
        return Route("document", account_id=account_id, tab="documents", item_id=int(rest[1]))
    return Route("not_found")


def _client_query(text: str) -> ClientQuery:
    params = dict(parse_qsl(text))
    values = {"type": params.get("type"), "tag_id": params.get("tag"),
              "member_id": params.get("member"), "sort": params.get("sort"),
              "descending": params.get("dir") == "desc", "page": params.get("page")}
    values = {k: v for k, v in values.items() if v is not None}
    try:
        return ClientQuery(**values)
    except ValidationError:
        # A hand-edited or stale link: keep what is valid, drop the rest.
        return ClientQuery(**{k: v for k, v in values.items() if _valid(k, v)})


def _valid(key: str, value: object) -> bool:
    try:
        ClientQuery(**{key: value})
    except ValidationError:
        return False
    return True


def clients_href(query: ClientQuery) -> str:
    params = {"type": query.type.value if query.type else None, "tag": query.tag_id,
              "member": query.member_id,
              "sort": query.sort.value if query.sort.value != "name" else None,
              "dir": "desc" if query.descending else None,
              "page": query.page if query.page > 1 else None}
    return _with_query("#/clients", params)


def account_href(account_id: int, tab: str = "overview") -> str:
    return f"#/accounts/{account_id}/{tab}"


def section_href(account_id: int, section: str, page: int = 1, newest_first: bool = True) -> str:
    params = {"page": page if page > 1 else None, "order": None if newest_first else "asc"}
    return _with_query(f"#/accounts/{account_id}/{section}", params)


def document_href(account_id: int, document_id: int) -> str:
    return f"#/accounts/{account_id}/documents/{document_id}"


def contact_href(contact_id: int) -> str:
    return f"#/contacts/{contact_id}"


def _with_query(path: str, params: dict) -> str:
    text = urlencode({k: v for k, v in params.items() if v is not None})
    return path + (f"?{text}" if text else "")
