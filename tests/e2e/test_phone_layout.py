"""A phone 390 px wide: no screen scrolls sideways, its main controls are on screen, and the
sidebar folds into a top bar whose Menu button shows the navigation and who is signed in."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.e2e.firm_pages import set_up_firm, sign_in_heading, sign_out
from tests.e2e.pages import (
    first_account,
    go_to_account,
    member_select,
    nav_link,
    open_data_page,
    page_heading,
    rows,
    search_box,
)

PHONE = {"width": 390, "height": 844}


def on_phone(page: Page) -> None:
    page.set_viewport_size(PHONE)


def menu_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Menu", exact=True)


def assert_no_sideways_scroll(page: Page) -> None:
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"the page is {width} px wide on a {inner} px screen"


def assert_across_screen(control: Locator) -> None:
    """Shown, and not cut by either side of the screen (it may be further down)."""
    expect(control).to_be_visible()
    control.scroll_into_view_if_needed()
    box = control.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box


def assert_screen_fits(page: Page, heading: str | None = None) -> None:
    assert_no_sideways_scroll(page)
    title = page_heading(page)
    if heading is not None:
        expect(title).to_have_text(heading)
    assert_across_screen(title)
    assert_across_screen(search_box(page))
    assert_across_screen(menu_button(page))


def test_clients_list_fits_and_the_menu_opens_and_closes(page: Page):
    on_phone(page)
    assert_screen_fits(page, "Clients")
    assert_across_screen(rows(page).first.get_by_role("link").first)
    expect(member_select(page)).to_be_hidden()        # the first screen shows clients, not dropdowns
    expect(menu_button(page)).to_have_attribute("aria-expanded", "false")

    menu_button(page).click()
    expect(menu_button(page)).to_have_attribute("aria-expanded", "true")
    expect(member_select(page)).to_be_visible()
    expect(page.get_by_role("combobox", name="Language", exact=True)).to_be_visible()
    menu = page.locator(f"#{menu_button(page).get_attribute('aria-controls')}")
    expect(menu.get_by_role("combobox", name="Signed in as")).to_be_visible()
    assert_no_sideways_scroll(page)

    nav_link(page, "Data").click()                    # going somewhere folds the menu again
    expect(page_heading(page)).to_have_text("Data")
    expect(menu_button(page)).to_have_attribute("aria-expanded", "false")
    expect(member_select(page)).to_be_hidden()


def test_profile_tabs_and_contact_fit(page: Page, site_url: str):
    on_phone(page)
    account_id = first_account(page, site_url, "info", lambda p: p.get_by_role("button", name="Edit").count() > 0)
    name = page_heading(page).inner_text().strip()
    assert_screen_fits(page, name)
    assert page_heading(page).bounding_box()["width"] > 100, "the account name is squeezed"
    assert_across_screen(page.get_by_role("region", name="Account details").get_by_role("button", name="Edit"))
    assert_across_screen(page.get_by_role("tab", name="Overview", exact=True))

    go_to_account(page, site_url, account_id, "overview")
    assert_screen_fits(page, name)
    assert page_heading(page).bounding_box()["width"] > 100, "the account name is squeezed"
    assert_across_screen(page.get_by_role("tab", name="Info", exact=True))

    go_to_account(page, site_url, account_id, "info")
    contact = page.get_by_role("region", name="Contacts").get_by_role("listitem").first.get_by_role("link").first
    contact_name = contact.inner_text().strip()
    contact.click()
    assert_screen_fits(page, contact_name)


def test_data_and_settings_fit(page: Page):
    on_phone(page)
    menu_button(page).click()
    open_data_page(page)
    assert_screen_fits(page, "Data")
    assert_across_screen(page.get_by_role("button", name="Export clients CSV"))

    menu_button(page).click()
    nav_link(page, "Settings").click()
    assert_screen_fits(page, "Settings")
    assert_across_screen(page.get_by_role("textbox", name="Firm name"))


def test_edit_dialog_fits_with_its_buttons_in_reach(page: Page, site_url: str):
    on_phone(page)
    first_account(page, site_url, "info", lambda p: p.get_by_role("button", name="Edit").count() > 0)
    page.get_by_role("region", name="Account details").get_by_role("button", name="Edit").click()
    form = page.get_by_role("dialog", name="Edit account details")
    expect(form).to_be_visible()
    assert_no_sideways_scroll(page)
    box = form.bounding_box()
    assert box["width"] <= PHONE["width"] - 24 and box["height"] <= PHONE["height"], box
    for name in ("Save", "Cancel"):   # in view without scrolling the form
        button = form.get_by_role("button", name=name, exact=True).bounding_box()
        assert button["y"] + button["height"] <= PHONE["height"], (name, button)
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()


def test_sign_in_page_fits(page: Page):
    set_up_firm(page)          # at desktop width, where the helper sees the whole sidebar
    sign_out(page)
    on_phone(page)
    expect(sign_in_heading(page)).to_be_visible()
    assert_no_sideways_scroll(page)
    assert_across_screen(page.get_by_role("textbox", name="Passphrase"))
    assert_across_screen(page.get_by_role("button", name="Sign in", exact=True))
    assert_across_screen(page.get_by_role("combobox", name="Language", exact=True))
