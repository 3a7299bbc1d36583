"""Sidebar search (F-FIND-1): as you type, by name, contact or email, with the keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    PROFILE_URL,
    choose_filter,
    fold,
    open_client,
    options,
    page_heading,
    results,
    rows,
    search,
    search_box,
    table_cells,
)


def opened_name(page: Page) -> str:
    """The name in the heading of the profile that was just opened."""
    expect(page).to_have_url(PROFILE_URL)
    expect(page_heading(page)).not_to_have_text("Clients")
    return page_heading(page).inner_text().strip()


def test_a_name_fragment_in_any_case_finds_accounts_with_prefix_matches_first(page: Page) -> None:
    found = search(page, "ROSS")

    expect(search_box(page)).to_have_attribute("aria-expanded", "true")
    assert found, "no result for ROSS"
    assert found[0].startswith("Rossi"), found
    # Names starting with the text, then names containing it, then matches on contacts only.
    rank = [0 if f.startswith("Ross") else 1 if "ross" in fold(f) else 2 for f in found]
    assert rank == sorted(rank), found


def test_part_of_a_contacts_email_finds_the_account(page: Page) -> None:
    row = table_cells(page)[3]
    local, domain = row["Email"].split("@")
    assert local and domain, row

    # The whole local part and "@": only the email address can match this.
    found = search(page, f"{local}@{domain[:3]}".upper())
    assert any(f.startswith(row["Name"]) for f in found), (row, found)

    # A slice from the middle of the address works as well.
    found = search(page, row["Email"][2:-2])
    assert any(f.startswith(row["Name"]) for f in found), (row, found)


def test_a_linked_contacts_name_finds_the_account(page: Page) -> None:
    choose_filter(page, "Type", "Company")
    company, _ = open_client(page, rows(page).first.get_by_role("link"))
    page.get_by_role("tab", name="Info").click()
    contacts = page.get_by_role("region", name="Contacts").get_by_role("listitem")
    expect(contacts.first).to_be_visible()
    person = contacts.first.inner_text().splitlines()[0].strip()
    assert person and fold(person) not in fold(company), (person, company)

    found = search(page, person)

    assert any(f.startswith(company) for f in found), (person, company, found)


def test_accents_are_ignored_and_clicking_a_result_opens_it(page: Page) -> None:
    found = search(page, "nicolo")

    accented = [f for f in found if "Nicolò" in f]
    assert accented, f"'nicolo' should find names written with ò: {found}"

    options(page).filter(has_text="Nicolò").first.click()

    name = opened_name(page)
    assert accented[0].startswith(name) and "Nicolò" in name, (name, accented)
    expect(results(page)).to_have_count(0)


def test_arrow_keys_move_the_selection_and_enter_opens_it(page: Page) -> None:
    found = search(page, "Rossi")
    assert len(found) >= 3 and found[0] != found[1], found
    box, listed = search_box(page), options(page)

    expect(listed.nth(0)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", listed.nth(0).get_attribute("id"))

    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")

    expect(listed.nth(1)).to_have_attribute("aria-selected", "true")
    expect(listed.nth(0)).to_have_attribute("aria-selected", "false")
    expect(listed.nth(2)).to_have_attribute("aria-selected", "false")
    expect(box).to_have_attribute("aria-activedescendant", listed.nth(1).get_attribute("id"))

    box.press("Enter")

    name = opened_name(page)
    assert found[1].startswith(name), (name, found)
    assert not found[0].startswith(name), "Enter opened the first result, not the selected one"
    expect(box).to_have_value("")
    expect(results(page)).to_have_count(0)


def test_text_that_matches_nothing_says_so(page: Page) -> None:
    found = search(page, "Zyxwvq")

    assert found == []
    expect(page.get_by_text(re.compile(r"No clients match"))).to_be_visible()
    expect(results(page)).to_have_count(0)
    expect(search_box(page)).to_have_attribute("aria-expanded", "false")
