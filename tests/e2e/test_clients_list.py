"""The Clients list (F-FIND-2): columns, paging, sorting, filters kept in the URL."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    COLUMNS,
    DEMO_ACCOUNTS,
    choose_filter,
    clients_table,
    column,
    filter_select,
    fold,
    names,
    nav_link,
    open_client,
    page_heading,
    reload,
    rows,
    selected_option,
    showing,
    showing_total,
    table_cells,
)


def test_clients_link_opens_the_list_and_a_name_opens_the_profile(page: Page, site_url: str) -> None:
    page.goto(site_url + "#/data")
    expect(page_heading(page)).to_have_text("Data")

    nav_link(page, "Clients").click()

    expect(page).to_have_url(re.compile(r"#/clients$"))
    expect(page.get_by_role("heading", level=1, name="Clients", exact=True)).to_be_visible()
    table = clients_table(page)
    expect(table.get_by_role("columnheader")).to_have_count(len(COLUMNS))
    for header in COLUMNS:
        expect(table.get_by_role("columnheader", name=header, exact=True)).to_be_visible()
    expect(rows(page)).to_have_count(25)
    expect(showing(page)).to_have_text(f"Showing 1–25 of {DEMO_ACCOUNTS}")
    expect(page.get_by_role("button", name="Previous page", exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="Next page", exact=True)).to_be_enabled()

    name, href = open_client(page, rows(page).nth(2).get_by_role("link"))
    assert re.fullmatch(r"#/accounts/\d+/overview", href)
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(clients_table(page)).to_have_count(0)


def test_next_and_previous_page_move_through_the_list_and_the_url(page: Page, site_url: str) -> None:
    first_page = names(page)

    page.get_by_role("button", name="Next page", exact=True).click()

    expect(showing(page)).to_have_text(f"Showing 26–50 of {DEMO_ACCOUNTS}")
    expect(page).to_have_url(re.compile(r"#/clients\?(.*&)?page=2(&|$)"))
    expect(rows(page)).to_have_count(25)
    second_page = names(page)
    assert second_page[0] != first_page[0]
    assert fold(second_page[0]) >= fold(first_page[-1])  # page 2 carries on alphabetically
    expect(page.get_by_role("button", name="Previous page", exact=True)).to_be_enabled()

    reload(page)  # the page number lives in the address
    expect(showing(page)).to_have_text(f"Showing 26–50 of {DEMO_ACCOUNTS}")
    assert names(page) == second_page

    page.get_by_role("button", name="Previous page", exact=True).click()
    expect(showing(page)).to_have_text(f"Showing 1–25 of {DEMO_ACCOUNTS}")
    expect(page).not_to_have_url(re.compile(r"page=2"))
    assert names(page) == first_page

    pages = -(-DEMO_ACCOUNTS // 25)
    page.goto(f"{site_url}#/clients?page={pages}")
    first = (pages - 1) * 25 + 1
    expect(showing(page)).to_have_text(f"Showing {first}–{DEMO_ACCOUNTS} of {DEMO_ACCOUNTS}")
    expect(rows(page)).to_have_count(DEMO_ACCOUNTS - first + 1)
    expect(page.get_by_role("button", name="Next page", exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="Previous page", exact=True)).to_be_enabled()


def test_name_header_sorts_ascending_then_descending(page: Page) -> None:
    header = clients_table(page).get_by_role("columnheader", name="Name", exact=True)
    expect(header).to_have_attribute("aria-sort", "ascending")
    ascending = names(page)
    assert [fold(n) for n in ascending] == sorted(fold(n) for n in ascending)

    header.get_by_role("button", name="Name").click()

    expect(header).to_have_attribute("aria-sort", "descending")
    expect(page).to_have_url(re.compile(r"dir=desc"))
    expect(rows(page).first.get_by_role("link")).not_to_have_text(ascending[0])
    descending = names(page)
    assert [fold(n) for n in descending] == sorted((fold(n) for n in descending), reverse=True)
    assert fold(descending[0]) > fold(ascending[-1])  # the other end of the alphabet

    header.get_by_role("button", name="Name").click()

    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(rows(page).first.get_by_role("link")).to_have_text(ascending[0])
    assert names(page) == ascending


def test_type_filter_shows_only_that_type_and_survives_reload(page: Page) -> None:
    choose_filter(page, "Type", "Company")

    companies = showing_total(page)
    assert 0 < companies < DEMO_ACCOUNTS
    expect(page).to_have_url(re.compile(r"type=company"))
    assert set(column(page, "Type")) == {"Company"}

    reload(page)
    expect(selected_option(filter_select(page, "Type"))).to_have_text("Company")
    assert showing_total(page) == companies
    assert set(column(page, "Type")) == {"Company"}

    # Every account has exactly one type: the three filtered totals add up to all clients.
    choose_filter(page, "Type", "Individual")
    individuals = showing_total(page)
    assert set(column(page, "Type")) == {"Individual"}
    choose_filter(page, "Type", "Other")
    others = showing_total(page)
    assert set(column(page, "Type")) == {"Other"}
    assert companies + individuals + others == DEMO_ACCOUNTS


def test_tag_filter_shows_only_rows_with_that_tag_on_every_page(page: Page) -> None:
    choose_filter(page, "Tag", "VIP")

    tagged = showing_total(page)
    assert 25 < tagged < DEMO_ACCOUNTS, "the demo firm has more than one page of VIP clients"
    expect(page).to_have_url(re.compile(r"tag=\d+"))
    assert all("VIP" in tags for tags in column(page, "Tags"))

    page.get_by_role("button", name="Next page", exact=True).click()

    expect(showing(page)).to_have_text(f"Showing 26–{min(50, tagged)} of {tagged}")
    expect(page).to_have_url(re.compile(r"tag=\d+"))
    expect(selected_option(filter_select(page, "Tag"))).to_have_text("VIP")
    assert all("VIP" in tags for tags in column(page, "Tags"))


def test_team_member_filter_combines_with_the_tag_filter_and_survives_reload(page: Page) -> None:
    choose_filter(page, "Team member", "Paolo Greco")

    his = showing_total(page)
    assert 0 < his < DEMO_ACCOUNTS
    expect(page).to_have_url(re.compile(r"member=\d+"))
    # The cell shows initials; the full name is there for screen readers.
    assert all("Paolo Greco" in team for team in column(page, "Team"))

    choose_filter(page, "Tag", "IVA mensile")

    both = showing_total(page)
    assert 0 < both < his
    cells = table_cells(page)
    assert all("Paolo Greco" in row["Team"] and "IVA mensile" in row["Tags"] for row in cells)

    reload(page)
    expect(selected_option(filter_select(page, "Team member"))).to_have_text("Paolo Greco")
    expect(selected_option(filter_select(page, "Tag"))).to_have_text("IVA mensile")
    expect(showing(page)).to_have_text(re.compile(rf" of {both}$"))
    assert table_cells(page) == cells
