"""Every screen has a URL; links round-trip; bad parameters are dropped, not fatal."""

import pytest

from app.domain.accounts import AccountType
from app.domain.listing import ClientQuery, SortKey
from app.ui.router import account_href, clients_href, parse


@pytest.mark.parametrize("hash_, name", [
    ("", "clients"), ("#", "clients"), ("#/", "clients"), ("#/clients", "clients"),
    ("#/data", "data"), ("#/accounts/12", "account"), ("#/accounts/12/info", "account"),
    ("#/accounts/x/info", "not_found"), ("#/accounts/12/bogus", "not_found"),
    ("#/accounts/0", "not_found"), ("#/nowhere", "not_found"),
])
def test_route_names(hash_, name):
    assert parse(hash_).name == name


def test_account_routes_carry_id_and_tab():
    route = parse(account_href(42, "info"))
    assert (route.account_id, route.tab) == (42, "info")
    assert parse("#/accounts/42").tab == "overview"


def test_clients_query_round_trips():
    query = ClientQuery(type=AccountType.COMPANY, tag_id=3, member_id=5, sort=SortKey.TYPE,
                        descending=True, page=4)
    assert parse(clients_href(query)).query == query
    assert clients_href(ClientQuery()) == "#/clients"


def test_invalid_parameters_are_dropped_and_valid_ones_kept():
    query = parse("#/clients?type=planet&tag=2&page=-1&sort=zzz").query
    assert query == ClientQuery(tag_id=2)
