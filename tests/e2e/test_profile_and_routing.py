"""The account profile (F-FIND-3, F-INFO) and the addresses of screens: deep links, reload, history."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import open_app
from tests.e2e.pages import (
    MEMBERS,
    details,
    filter_select,
    nav_link,
    open_client,
    page_heading,
    reload,
    rows,
    table_cells,
)


def tab(page: Page, name: str):
    return page.get_by_role("tablist").get_by_role("tab", name=name, exact=True)


def test_profile_shows_the_name_tabs_and_the_same_details_as_the_list(page: Page) -> None:
    tag_names = [t.strip() for t in filter_select(page, "Tag").get_by_role("option").all_inner_texts()[1:]]
    # A client with tags and team members, so every detail has something to compare.
    index, row = next((i, r) for i, r in enumerate(table_cells(page))
                      if r["Tags"] and any(m in r["Team"] for m in MEMBERS))
    name, href = open_client(page, rows(page).nth(index).get_by_role("link"))

    expect(page).to_have_url(re.compile(r"#/accounts/\d+/overview$"))
    expect(page_heading(page)).to_have_text(row["Name"])
    expect(page.get_by_role("tablist").get_by_role("tab")).to_have_count(2)
    expect(tab(page, "Overview")).to_have_attribute("aria-selected", "true")
    expect(tab(page, "Info")).to_have_attribute("aria-selected", "false")

    tab(page, "Info").click()

    expect(page).to_have_url(re.compile(re.escape(href.replace("/overview", "/info")) + "$"))
    expect(tab(page, "Info")).to_have_attribute("aria-selected", "true")
    expect(page_heading(page)).to_have_text(name)  # the name stays in the menu bar
    shown = details(page)
    assert shown["Account name"] == name
    assert shown["Account type"] == row["Type"]
    tags = [t for t in tag_names if t in row["Tags"]]
    assert tags and all(t in shown["Tags"] for t in tags), (row, shown)
    team = [m for m in MEMBERS if m in row["Team"]]
    assert team and all(m in shown["Team members"] for m in team), (row, shown)
    assert not any(m in shown["Team members"] for m in MEMBERS if m not in team), (row, shown)
    assert row["Email"] in shown["Primary contact"]

    contacts = page.get_by_role("region", name="Contacts")
    expect(contacts.get_by_role("heading", name="Contacts")).to_be_visible()
    expect(contacts.get_by_role("listitem").first).to_be_visible()
    expect(contacts).to_contain_text(row["Email"])
    primary_person = shown["Primary contact"].split(row["Email"])[0].strip(" ·")
    expect(contacts).to_contain_text(primary_person)


def test_deep_link_to_the_info_tab_opens_in_a_new_browser_and_survives_reload(
        page: Page, browser: Browser, site_url: str, watch) -> None:
    link = rows(page).nth(7).get_by_role("link")
    name, href = link.inner_text().strip(), link.get_attribute("href")
    info = href.replace("/overview", "/info")

    other = open_app(browser, site_url, watch, info)
    try:
        expect(page_heading(other)).to_have_text(name)
        expect(tab(other, "Info")).to_have_attribute("aria-selected", "true")
        assert details(other)["Account name"] == name

        reload(other)

        expect(other).to_have_url(re.compile(re.escape(info) + "$"))
        expect(page_heading(other)).to_have_text(name)
        expect(tab(other, "Info")).to_have_attribute("aria-selected", "true")
        assert details(other)["Account name"] == name
    finally:
        other.context.close()


def test_back_and_forward_move_between_list_profile_and_info_tab(page: Page) -> None:
    name, _ = open_client(page, rows(page).nth(4).get_by_role("link"))
    tab(page, "Info").click()
    expect(page.get_by_role("region", name="Account details")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile(r"/overview$"))
    expect(tab(page, "Overview")).to_have_attribute("aria-selected", "true")
    expect(page_heading(page)).to_have_text(name)

    page.go_back()
    expect(page_heading(page)).to_have_text("Clients")
    expect(page.get_by_role("table", name="Clients")).to_be_visible()

    page.go_forward()
    expect(page_heading(page)).to_have_text(name)
    expect(tab(page, "Overview")).to_have_attribute("aria-selected", "true")

    page.go_forward()
    expect(tab(page, "Info")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("region", name="Account details")).to_be_visible()
    expect(page_heading(page)).to_have_text(name)


def test_unknown_addresses_say_not_found_and_data_has_its_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "#/no/such/page")
    expect(page_heading(page)).to_have_text(re.compile(r"not found", re.IGNORECASE))
    expect(page.get_by_role("table")).to_have_count(0)

    page.goto(site_url + "#/accounts/999999/overview")
    expect(page_heading(page)).to_have_text(re.compile(r"not found", re.IGNORECASE))
    expect(page.get_by_role("tablist")).to_have_count(0)

    nav_link(page, "Data").click()

    expect(page).to_have_url(re.compile(r"#/data$"))
    expect(page.get_by_role("heading", level=1, name="Data", exact=True)).to_be_visible()
    expect(nav_link(page, "Data")).to_have_attribute("aria-current", "page")
    expect(nav_link(page, "Clients")).not_to_have_attribute("aria-current", "page")
