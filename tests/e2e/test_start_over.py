"""Data page: Erase all data and Reset to demo data, each confirmed first."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.pages import reload, sign_in_as


def open_data_page(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Data").click()
    expect(page.get_by_role("heading", level=1, name="Data")).to_be_visible()


def test_erase_then_reset_to_demo(page: Page) -> None:
    open_data_page(page)
    page.get_by_role("button", name="Erase all data").click()
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_contain_text("Erase every client?")
    confirm.get_by_role("button", name="Cancel").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clients").click()
    expect(page.get_by_text("of 300")).to_be_visible()  # cancelled: nothing erased

    open_data_page(page)
    page.get_by_role("button", name="Erase all data").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("All clients have been erased.")).to_be_visible()
    page.get_by_role("combobox", name="Search clients").fill("ross")
    expect(page.get_by_text("No clients match")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clients").click()
    expect(page.get_by_role("table", name="Clients")).to_have_count(0)

    open_data_page(page)
    page.get_by_role("button", name="Reset to demo data").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("The demo firm has been loaded.")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clients").click()
    expect(page.get_by_text("of 300")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()  # stored, then:
    reload(page)   # the start takes seconds: wait for the app, then for the list
    expect(page.get_by_text("of 300")).to_be_visible()


def test_only_owner_and_admins_can_start_over(page: Page) -> None:
    sign_in_as(page, "Tom Walker")
    open_data_page(page)
    expect(page.get_by_role("button", name="Erase all data")).to_have_count(0)
    expect(page.get_by_role("button", name="Reset to demo data")).to_have_count(0)
