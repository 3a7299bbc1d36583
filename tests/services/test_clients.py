"""The list and search services show each member exactly the accounts they may see."""

import pytest

from app.domain.listing import ClientQuery
from app.services.clients import client_page, search_clients
from app.store import accounts
from tests.conftest import member_named


@pytest.mark.parametrize("first_name", ["Giulia", "Marco", "Laura", "Tom"])
def test_owner_admin_and_view_all_employees_see_every_account(demo, first_name):
    assert client_page(demo, member_named(demo, first_name), ClientQuery()).total == 300


@pytest.mark.parametrize("first_name", ["Paolo", "Sara"])
def test_other_employees_see_only_their_team_accounts(demo, first_name):
    member = member_named(demo, first_name)
    page = client_page(demo, member, ClientQuery(page_size=200))
    assert 0 < page.total < 300
    for row in page.rows:
        assert member.id in accounts.team_ids(demo, row.id)
        assert member.id in {m.id for m in row.team}


def test_page_view_data(demo):
    page = client_page(demo, member_named(demo, "Giulia"), ClientQuery(page=2))
    assert (page.first, page.last, page.total, page.page, page.pages) == (26, 50, 300, 2, 12)
    assert len(page.rows) == 25
    assert [t.name for t in page.tags] == sorted((t.name for t in page.tags), key=str.lower)


def test_a_page_past_the_end_shows_the_last_page(demo):
    page = client_page(demo, member_named(demo, "Giulia"), ClientQuery(page=99))
    assert (page.page, page.first, page.last) == (12, 276, 300)


def test_search_hides_accounts_the_member_cannot_see(demo):
    sara = member_named(demo, "Sara")
    visible = {r.id for r in client_page(demo, sara, ClientQuery()).rows}
    hidden = client_page(demo, member_named(demo, "Giulia"), ClientQuery()).rows
    target = next(r for r in hidden if r.id not in visible)
    everyone = [h.account_id for h in search_clients(demo, member_named(demo, "Giulia"), target.name, 50)]
    assert target.id in everyone
    assert target.id not in [h.account_id for h in search_clients(demo, sara, target.name, 50)]
