"""Hash routes: every screen has a URL (`#/clients?…`, `#/accounts/<id>/<tab>`, `#/data`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from pydantic import ValidationError

from app.domain.listing import ClientQuery

TABS = ("overview", "info")


@dataclass(frozen=True)
class Route:
    name: str  # "clients" | "account" | "data" | "not_found"
    query: ClientQuery = field(default_factory=ClientQuery)
    account_id: int = 0
    tab: str = "overview"


def parse(hash_: str) -> Route:
    path, _, query = hash_.removeprefix("#").partition("?")
    parts = [p for p in path.split("/") if p]
    if not parts or parts == ["clients"]:
        return Route("clients", query=_client_query(query))
    if parts == ["data"]:
        return Route("data")
    if parts[0] == "accounts" and len(parts) in (2, 3) and parts[1].isdigit():
        tab = parts[2] if len(parts) == 3 else "overview"
        if tab in TABS and int(parts[1]) > 0:
            return Route("account", account_id=int(parts[1]), tab=tab)
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
        good = {}
        for key, value in values.items():
            try:
                ClientQuery(**{key: value})
                good[key] = value
            except ValidationError:
                pass
        return ClientQuery(**good)


def clients_href(query: ClientQuery) -> str:
    params = {"type": query.type.value if query.type else None, "tag": query.tag_id,
              "member": query.member_id,
              "sort": query.sort.value if query.sort.value != "name" else None,
              "dir": "desc" if query.descending else None,
              "page": query.page if query.page > 1 else None}
    text = urlencode({k: v for k, v in params.items() if v is not None})
    return "#/clients" + (f"?{text}" if text else "")


def account_href(account_id: int, tab: str = "overview") -> str:
    return f"#/accounts/{account_id}/{tab}"
