"""F-MORE-2: changes survive reloads and browser restarts; two tabs never lose each other's work."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Watch, wait_ready


def notes(page: Page):
    return page.get_by_role("region", name="Notes")


def add_note(page: Page, text: str) -> None:
    notes(page).get_by_label("New note").fill(text)
    notes(page).get_by_role("button", name="Add note").click()
    expect(notes(page)).to_contain_text(text)


def saved(page: Page) -> None:
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()


def first_account(page: Page) -> str:
    """Open the first client's overview; returns its URL hash."""
    page.get_by_role("table", name="Clients").get_by_role("link").first.click()
    expect(notes(page)).to_be_visible()
    return page.url.split("#", 1)[1]


def test_a_change_survives_a_reload_and_the_demo_is_not_loaded_again(page: Page) -> None:
    first_account(page)
    add_note(page, "Kept after reload")
    saved(page)
    page.get_by_role("tab", name="Info").click()
    page.get_by_role("region", name="Account details").get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit account details")
    dialog.get_by_label("City").fill("Forlì")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("region", name="Account details")).to_contain_text("Forlì")
    saved(page)

    page.reload()
    wait_ready(page)
    expect(page.get_by_role("region", name="Account details")).to_contain_text("Forlì")
    page.get_by_role("tab", name="Overview").click()
    expect(notes(page)).to_contain_text("Kept after reload")


def test_two_tabs_see_each_others_changes_and_keep_both(browser: Browser, site_url: str, watch: Watch) -> None:
    context = browser.new_context()
    tab_a = context.new_page()
    watch.attach(tab_a)
    tab_a.goto(site_url)
    wait_ready(tab_a)
    path = first_account(tab_a)
    saved(tab_a)
    tab_b = context.new_page()
    watch.attach(tab_b)
    tab_b.goto(site_url + "#" + path)
    wait_ready(tab_b)

    add_note(tab_a, "Written in tab A")
    expect(notes(tab_b)).to_contain_text("Written in tab A", timeout=5000)  # shown without a reload
    add_note(tab_b, "Written in tab B")
    expect(notes(tab_a)).to_contain_text("Written in tab B", timeout=5000)
    saved(tab_a)
    saved(tab_b)

    for tab in (tab_a, tab_b):
        tab.reload()
        wait_ready(tab)
        expect(notes(tab)).to_contain_text("Written in tab A")
        expect(notes(tab)).to_contain_text("Written in tab B")
    context.close()


def test_a_change_survives_closing_and_restarting_the_browser(browser: Browser, site_url: str, tmp_path) -> None:
    profile = tmp_path / "profile"

    def start():  # a browser with a profile directory on disk, as a person's browser has
        return browser.browser_type.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    context = start()
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(site_url)
    wait_ready(page)
    path = first_account(page)
    add_note(page, "Kept after a restart")
    saved(page)
    context.close()

    context = start()
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(site_url + "#" + path)
    wait_ready(page)
    expect(notes(page)).to_contain_text("Kept after a restart")
    context.close()
