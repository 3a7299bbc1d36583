"""One render after every change (#11): whatever changed, here or in another tab, every visible
part shows it, and what the person is typing stays as typed."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Watch, wait_ready
from tests.e2e.pages import (
    announced,
    details_region,
    go_to_account,
    open_edit_account,
    options,
    page_heading,
    profile_tab,
    save_dialog,
    search_box,
    section,
)


def test_a_half_typed_note_survives_another_tabs_save(browser: Browser, site_url: str, watch: Watch) -> None:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    here, there = context.new_page(), context.new_page()
    for tab in (here, there):
        watch.attach(tab)
        tab.goto(f"{site_url}#/accounts/1/overview")
        wait_ready(tab)
    box = section(here, "Notes").get_by_role("textbox", name="New note", exact=True)
    box.click()
    box.press_sequentially("Half a thought")

    notes_there = section(there, "Notes")
    notes_there.get_by_role("textbox", name="New note", exact=True).fill("Saved in the other tab")
    notes_there.get_by_role("button", name="Add note", exact=True).click()

    expect(section(here, "Notes")).to_contain_text("Saved in the other tab")   # shown here too
    expect(box).to_have_value("Half a thought")
    expect(box).to_be_focused()
    box.press_sequentially(", finished")                  # the caret was kept at the end
    expect(box).to_have_value("Half a thought, finished")
    context.close()


def test_a_half_typed_note_survives_editing_another_note(page: Page, site_url: str) -> None:
    go_to_account(page, site_url, 1)
    notes = section(page, "Notes")
    notes.get_by_role("textbox", name="New note", exact=True).fill("First, kept")
    notes.get_by_role("button", name="Add note", exact=True).click()
    expect(announced(page, "Note added.")).to_be_visible()
    box = notes.get_by_role("textbox", name="New note", exact=True)
    box.fill("Typed, not yet added")
    notes.locator("li").filter(has_text="First, kept").get_by_role("button", name="Edit", exact=True).click()
    expect(notes.get_by_role("textbox", name="Edit note", exact=True)).to_be_focused()
    expect(box).to_have_value("Typed, not yet added")


def test_a_rename_shows_in_the_open_search_results(page: Page, site_url: str) -> None:
    go_to_account(page, site_url, 1, "info")
    old = page_heading(page).inner_text().strip()
    search_box(page).fill(old)
    names = options(page).locator(".search-name")
    expect(names.filter(has_text=re.compile(rf"^{re.escape(old)}$"))).to_have_count(1)

    form = open_edit_account(page)
    form.get_by_label("Account name", exact=True).fill(f"{old} Rinominata")
    save_dialog(form)

    expect(page_heading(page)).to_have_text(f"{old} Rinominata")
    expect(search_box(page)).to_have_value(old)          # the search is still open, as it was
    expect(names.filter(has_text=re.compile(rf"^{re.escape(old)} Rinominata$"))).to_have_count(1)
    expect(names.filter(has_text=re.compile(rf"^{re.escape(old)}$"))).to_have_count(0)


def test_keyboard_only_search_open_edit_name_save(page: Page) -> None:
    """Nothing but keys: find a client, open it, go to Info, edit its name, save."""
    box = search_box(page)
    for _ in range(10):                                  # Tab from the start of the page to the search
        page.keyboard.press("Tab")
        if box.evaluate("e => e === document.activeElement"):
            break
    expect(box).to_be_focused()
    page.keyboard.type("a")
    expect(options(page).first).to_be_visible()
    chosen = options(page).first.locator(".search-name").inner_text().strip()
    page.keyboard.press("Enter")
    expect(page_heading(page)).to_have_text(chosen)
    expect(page_heading(page)).to_be_focused()

    info = profile_tab(page, "Info")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "tab":
            break
    page.keyboard.press("ArrowRight")
    expect(info).to_have_attribute("aria-selected", "true")
    expect(info).to_be_focused()
    edit = details_region(page).get_by_role("button", name="Edit", exact=True)
    for _ in range(20):
        page.keyboard.press("Tab")
        if edit.evaluate("e => e === document.activeElement"):
            break
    expect(edit).to_be_focused()
    page.keyboard.press("Enter")
    name = page.get_by_role("dialog", name="Edit account details").get_by_label("Account name", exact=True)
    expect(name).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Solo Tastiera Srl")
    page.keyboard.press("Enter")                          # submits the form
    expect(page_heading(page)).to_have_text("Solo Tastiera Srl")
    expect(edit).to_be_focused()
    expect(announced(page, "Account details saved.")).to_be_visible()


def test_a_half_typed_note_stays_with_its_account(page: Page, site_url: str) -> None:
    go_to_account(page, site_url, 1)
    section(page, "Notes").get_by_role("textbox", name="New note", exact=True).fill("For account 1 only")
    go_to_account(page, site_url, 2)
    expect(section(page, "Notes").get_by_role("textbox", name="New note", exact=True)).to_have_value("")
