"""Where the keyboard is after each action (#11): a redraw patches the page in place, so focus
stays on what the person used; a dialog takes focus, Esc closes it, focus goes back to its opener.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    alert_dialog,
    announced,
    clients_table,
    contact_card,
    contact_names,
    contacts_region,
    details_region,
    entries,
    filter_select,
    first_account,
    go_to_account,
    open_edit_account,
    page_heading,
    profile_tab,
    section,
    showing,
)


def test_tabs_keep_focus_and_move_with_the_arrow_keys(page: Page, site_url: str) -> None:
    go_to_account(page, site_url, 1)
    info = profile_tab(page, "Info")
    info.click()
    expect(info).to_have_attribute("aria-selected", "true")
    expect(details_region(page)).to_be_visible()
    expect(info).to_be_focused()

    page.keyboard.press("ArrowLeft")
    overview = profile_tab(page, "Overview")
    expect(overview).to_have_attribute("aria-selected", "true")
    expect(section(page, "Documents")).to_be_visible()
    expect(overview).to_be_focused()
    expect(overview).to_have_attribute("tabindex", "0")     # one stop for Tab: the selected tab
    expect(info).to_have_attribute("tabindex", "-1")
    page.keyboard.press("End")
    expect(info).to_have_attribute("aria-selected", "true")
    expect(info).to_be_focused()


def test_sorting_and_filters_keep_focus_where_the_person_is(page: Page) -> None:
    header = clients_table(page).get_by_role("columnheader", name="Name", exact=True)
    sort = header.get_by_role("button", name="Name")
    sort.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(sort).to_be_focused()

    # With the keyboard, each arrow key on a closed select applies its next option: the person
    # steps through them without being thrown out of the select.
    kind = filter_select(page, "Type")
    kind.focus()
    before = showing(page).inner_text()
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"type="))
    expect(showing(page)).not_to_have_text(before)
    expect(kind).to_be_focused()
    chosen = kind.input_value()
    page.keyboard.press("ArrowDown")
    expect(kind).not_to_have_value(chosen)
    expect(kind).to_be_focused()


def test_a_dialog_takes_focus_refuses_beside_the_field_and_gives_focus_back(page: Page, site_url: str) -> None:
    go_to_account(page, site_url, 1, "info")
    edit = details_region(page).get_by_role("button", name="Edit", exact=True)
    form = open_edit_account(page)
    name = form.get_by_label("Account name", exact=True)
    expect(name).to_be_focused()                          # the first field

    name.fill(" ")
    form.get_by_role("button", name="Save", exact=True).click()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_be_focused()                          # on what is refused

    page.keyboard.press("Escape")
    expect(form).to_be_hidden()
    expect(edit).to_be_focused()

    form = open_edit_account(page)
    form.get_by_label("Account name", exact=True).fill("Focus Returned Srl")
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form).to_be_hidden()
    expect(page_heading(page)).to_have_text("Focus Returned Srl")
    expect(edit).to_be_focused()


def test_notification_preferences_take_focus_close_with_escape_and_return_it(page: Page, site_url: str) -> None:
    def wanted(p: Page) -> bool:
        card = entries(contacts_region(p)).first
        return card.get_by_role("button", name=re.compile("^Notification preferences for ")).count() > 0
    first_account(page, site_url, "info", wanted)
    opener = entries(contacts_region(page)).first.get_by_role(
        "button", name=re.compile("^Notification preferences for ")).first
    opener.click()
    form = page.get_by_role("dialog", name=re.compile("^Notification preferences for "))
    expect(form.get_by_role("checkbox").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(form).to_be_hidden()
    expect(opener).to_be_focused()

    opener.click()
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()
    expect(opener).to_be_focused()


def test_moving_a_signer_keeps_focus_on_the_button(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: len(contact_names(p)) >= 2)
    second = contact_names(page)[1]
    up = contacts_region(page).get_by_role("button", name=f"Move {second} up in the signing order", exact=True)
    up.click()
    expect(announced(page, "Saved.")).to_be_visible()
    expect(contact_card(page, second)).to_contain_text("Signer 1")
    # Still on one of that person's move buttons (at the top there is no "up" any more: the
    # other one), not on whoever now stands where they stood.
    expect(page.locator(":focus")).to_have_attribute(
        "aria-label", re.compile(rf"^Move {re.escape(second)} (up|down) in the signing order$"))


def test_deleting_a_note_starts_on_cancel_and_leaves_focus_in_the_notes(page: Page, site_url: str) -> None:
    go_to_account(page, site_url, 1)
    notes = section(page, "Notes")
    box = notes.get_by_role("textbox", name="New note", exact=True)
    box.fill("A note to delete")
    notes.get_by_role("button", name="Add note", exact=True).click()
    expect(announced(page, "Note added.")).to_be_visible()
    expect(box).to_be_focused()
    expect(box).to_have_value("")                         # drawn empty once the note is saved

    mine = entries(notes).filter(has_text="A note to delete")
    mine.get_by_role("button", name="Delete", exact=True).click()
    confirm = alert_dialog(page)
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()   # the safe choice
    confirm.get_by_role("button", name="Confirm").click()
    expect(mine).to_have_count(0)
    expect(box).to_be_focused()


def test_skip_to_content_is_the_first_stop_and_leaves_the_address_alone(page: Page) -> None:
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content", exact=True)
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Clients")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#/clients$|/$"))   # the address (the route) stays
