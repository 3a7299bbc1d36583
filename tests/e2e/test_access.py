"""Who sees which clients (F-ACCESS-1, F-ACCESS-3): the list, search and profiles per member."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    DEMO_ACCOUNTS,
    MEMBERS,
    clear_search,
    column,
    member_select,
    nav_link,
    page_heading,
    reload,
    rows,
    search,
    selected_option,
    showing,
    showing_total,
    sign_in_as,
    table_cells,
)


def expect_total(page: Page, total: int) -> None:
    expect(showing(page)).to_have_text(re.compile(rf" of {total}$"))


def test_signed_in_as_lists_the_members_and_who_sees_every_client(page: Page) -> None:
    assert sorted(member_select(page).get_by_role("option").all_inner_texts()) == sorted(MEMBERS)
    expect(selected_option(member_select(page))).to_have_text("Giulia Bianchi")  # the owner
    expect_total(page, DEMO_ACCOUNTS)

    for member in ("Marco Ferri", "Laura Conti", "Tom Walker"):  # admin, and view-all rights
        sign_in_as(page, member)
        expect_total(page, DEMO_ACCOUNTS)

    # Managing accounts is not seeing them all: an employee sees the clients on his team.
    sign_in_as(page, "Paolo Greco")
    expect(showing(page)).not_to_have_text(re.compile(rf" of {DEMO_ACCOUNTS}$"))
    assert 0 < showing_total(page) < DEMO_ACCOUNTS
    assert all("Paolo Greco" in team for team in column(page, "Team"))


def test_employee_without_rights_sees_only_her_clients(page: Page, site_url: str) -> None:
    # A client Sara Lombardi is not on the team of, as the owner sees it.
    hidden = next(r for r in table_cells(page) if "Sara Lombardi" not in r["Team"])
    href = rows(page).get_by_role("link", name=hidden["Name"], exact=True).first.get_attribute("href")
    assert any(f.startswith(hidden["Name"]) for f in search(page, hidden["Name"]))
    clear_search(page)

    sign_in_as(page, "Sara Lombardi")

    expect(showing(page)).not_to_have_text(re.compile(rf" of {DEMO_ACCOUNTS}$"))
    total = showing_total(page)
    assert 0 < total < 20
    expect(rows(page)).to_have_count(total)
    theirs = table_cells(page)
    assert all("Sara Lombardi" in r["Team"] for r in theirs), theirs
    assert hidden["Name"] not in [r["Name"] for r in theirs]

    assert not any(f.startswith(hidden["Name"]) for f in search(page, hidden["Name"]))
    clear_search(page)

    page.goto(site_url + href)
    expect(page_heading(page)).to_have_text("No access")
    expect(page.get_by_role("heading", name=hidden["Name"])).to_have_count(0)
    expect(page.get_by_role("main")).not_to_contain_text(hidden["Name"])
    expect(page.get_by_role("tablist")).to_have_count(0)

    # An employee with the right to view all accounts opens the same address.
    sign_in_as(page, "Laura Conti")
    expect(page_heading(page)).to_have_text(hidden["Name"])
    nav_link(page, "Clients").click()
    expect_total(page, DEMO_ACCOUNTS)


def test_signed_in_member_survives_reload(page: Page) -> None:
    sign_in_as(page, "Sara Lombardi")
    expect(showing(page)).not_to_have_text(re.compile(rf" of {DEMO_ACCOUNTS}$"))
    theirs = table_cells(page)

    reload(page)

    expect(selected_option(member_select(page))).to_have_text("Sara Lombardi")
    expect_total(page, len(theirs))
    assert table_cells(page) == theirs
