"""Text that looks like HTML or script is stored as typed and shown as text everywhere (issue 4).

Each payload goes into every free-text field that accepts it; the page must show it literally
(list, search, profile, contact page, dialogs, notes) while no element built from it exists,
no script runs (no dialog event) and nothing fetches the `x` image. Account names refuse
`< >` by rule: that refusal is checked instead.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    alert_dialog,
    announced,
    assert_inert,
    choose_filter,
    contact_card,
    contacts_region,
    details,
    details_region,
    dialog,
    entries,
    first_account,
    go_to_clients,
    lines,
    list_row,
    open_edit_account,
    page_heading,
    profile_tab,
    results,
    save_dialog,
    search_box,
    section,
)

PAYLOADS = ("<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>')
BAD_CHARS = 'Must not contain < > : " / \\ | ? *'


@pytest.mark.parametrize("payload", PAYLOADS, ids=("img", "svg"))
def test_contact_names_and_description_show_literally(page: Page, site_url: str, fired: list[str],
                                                      payload: str) -> None:
    search_box(page).fill(payload)
    expect(page.get_by_text(f"No clients match “{payload}”.", exact=True)).to_be_visible()
    assert_inert(page, fired)
    first_account(page, site_url, "info", lambda p: details(p)["Account type"] == "Company")
    account = page_heading(page).inner_text().strip()
    person = f"{payload} {payload}"

    contacts_region(page).get_by_role("button", name="Add contact", exact=True).click()
    form = dialog(page, "Add contact")
    for label in ("First name", "Last name", "Description"):
        form.get_by_label(label, exact=True).fill(payload)
    save_dialog(form)
    expect(announced(page, f"{payload} {payload} added.")).to_be_visible()
    card = contact_card(page, person)
    expect(card.get_by_role("link", name=person, exact=True)).to_have_text(person)
    expect(card.get_by_text(payload, exact=True)).to_be_visible()  # the description
    assert_inert(page, fired)

    card.get_by_role("button", name="Edit description", exact=True).click()
    form = dialog(page, "Edit description")
    expect(form.get_by_label("Description", exact=True)).to_have_value(payload)
    form.get_by_label("Description", exact=True).fill(f"{payload} (2)")
    save_dialog(form)
    expect(card.get_by_text(f"{payload} (2)", exact=True)).to_be_visible()
    card.get_by_role("button", name="Unlink", exact=True).click()
    expect(alert_dialog(page)).to_have_accessible_name(f"Unlink {person}?")
    expect(alert_dialog(page).get_by_role("heading")).to_have_text(f"Unlink {person}?")
    assert_inert(page, fired)
    alert_dialog(page).get_by_role("button", name="Cancel", exact=True).click()

    search_box(page).fill(payload)  # the search finds accounts by their contacts' names
    expect(results(page).get_by_role("option", name=re.compile("^" + re.escape(account)))).to_have_count(1)
    assert_inert(page, fired)
    search_box(page).fill("")

    # The contact's own page and its edit dialog: middle name, address, tax id, a custom text field.
    card.get_by_role("link", name=person, exact=True).click()
    expect(page_heading(page)).to_have_text(person)
    page.get_by_role("button", name="Edit contact", exact=True).click()
    form = dialog(page, "Edit contact")
    expect(form.get_by_label("First name", exact=True)).to_have_value(payload)
    for label in ("Middle name", "Street", "City", "Tax ID", "Professione"):
        form.get_by_label(label, exact=True).fill(payload)
    save_dialog(form)
    expect(page_heading(page)).to_have_text(f"{payload} {payload} {payload}")
    personal = page.get_by_role("region", name="Personal details")
    expect(personal.get_by_role("definition").filter(has_text=payload)).to_have_count(3)
    terms = personal.get_by_role("term").all_inner_texts()
    shown = dict(zip(terms, personal.get_by_role("definition").all_inner_texts(), strict=True))
    assert lines(shown["Address"]) == [payload, payload], shown
    assert shown["Tax ID"] == shown["Professione"] == payload, shown
    assert_inert(page, fired)

    # The Link contact search lists it by name, as text too.
    page.get_by_role("region", name="Accounts", exact=True).get_by_role("link").first.click()
    expect(page_heading(page)).to_have_text(account)
    contacts_region(page).get_by_role("button", name="Link contact", exact=True).click()
    dialog(page, "Link contact").get_by_label("Find contact", exact=True).fill(payload)
    choice = dialog(page, "Link contact").get_by_role("button", name=f"Link {payload} {payload} {payload}")
    expect(choice).to_contain_text(f"{payload} {payload} {payload}")
    assert_inert(page, fired)
    dialog(page, "Link contact").get_by_role("button", name="Cancel", exact=True).click()

    # New account, starting from an existing contact: the choice is labelled with the name as text.
    go_to_clients(page)
    page.get_by_role("button", name="New account", exact=True).click()
    dialog(page, "New account").get_by_label("Find contact", exact=True).fill(payload)
    expect(dialog(page, "New account").get_by_role(
        "radio", name=f"{payload} {payload} {payload}", exact=True)).to_have_count(1)
    assert_inert(page, fired)


@pytest.mark.parametrize("payload", PAYLOADS, ids=("img", "svg"))
def test_address_codice_cliente_and_new_tag_show_literally(page: Page, site_url: str, fired: list[str],
                                                           payload: str) -> None:
    first_account(page, site_url, "info", lambda p: True)
    name = page_heading(page).inner_text().strip()
    form = open_edit_account(page)
    fields = ("Street", "City", "State", "Postal code", "Country", "Codice cliente", "New tag")
    for label in fields:
        form.get_by_label(label, exact=True).fill(payload)
    save_dialog(form)

    shown = details(page)
    assert lines(shown["Company address"]) == [payload, f"{payload} {payload} {payload}", payload], shown
    assert shown["Codice cliente"] == payload
    assert payload in lines(shown["Tags"])
    expect(details_region(page).get_by_text(payload, exact=True)).to_have_count(4)  # street, country, …
    assert_inert(page, fired)

    form = open_edit_account(page)
    for label in fields[:-1]:
        expect(form.get_by_label(label, exact=True)).to_have_value(payload)
    expect(form.get_by_role("group", name="Tags").get_by_role("checkbox", name=payload, exact=True)).to_be_checked()
    assert_inert(page, fired)
    form.get_by_role("button", name="Cancel", exact=True).click()

    details_region(page).get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("tabpanel").get_by_role("heading", name="History of changes")).to_be_visible()
    assert_inert(page, fired)

    go_to_clients(page)
    choose_filter(page, "Tag", payload)
    assert payload in lines(list_row(page, name)["Tags"])
    assert_inert(page, fired)


@pytest.mark.parametrize("payload", PAYLOADS, ids=("img", "svg"))
def test_note_text_shows_literally(page: Page, site_url: str, fired: list[str], payload: str) -> None:
    first_account(page, site_url, "overview", lambda p: True)
    notes = section(page, "Notes")
    notes.get_by_role("textbox", name="New note", exact=True).fill(payload)
    notes.get_by_role("button", name="Add note", exact=True).click()
    entry = entries(notes).filter(has_text=payload)
    expect(entry.get_by_text(payload, exact=True)).to_be_visible()
    assert_inert(page, fired)

    entry.get_by_role("button", name="Edit", exact=True).click()
    expect(notes.get_by_role("textbox", name="Edit note", exact=True)).to_have_value(payload)
    notes.get_by_role("button", name="Cancel", exact=True).click()
    entry.get_by_role("button", name="Delete", exact=True).click()
    expect(alert_dialog(page)).to_have_accessible_description(f"“{payload}” will be deleted. This cannot be undone.")
    assert_inert(page, fired)
    alert_dialog(page).get_by_role("button", name="Cancel", exact=True).click()

    notes.get_by_role("link", name="View all Notes").click()
    table = page.get_by_role("tabpanel").get_by_role("table")
    expect(table.get_by_role("cell", name=payload, exact=True)).to_have_count(1)
    profile_tab(page, "Info").click()
    assert_inert(page, fired)


def test_account_names_refuse_angle_brackets_with_their_message(page: Page, site_url: str,
                                                                fired: list[str]) -> None:
    first_account(page, site_url, "info", lambda p: True)
    before = details(page)
    form = open_edit_account(page)
    name = form.get_by_label("Account name", exact=True)
    for payload in PAYLOADS:
        name.fill(payload)
        form.get_by_role("button", name="Save", exact=True).click()
        expect(name).to_have_attribute("aria-invalid", "true")
        expect(name).to_have_accessible_description(BAD_CHARS)
        expect(name).to_have_value(payload)
        assert_inert(page, fired)
    form.get_by_role("button", name="Cancel", exact=True).click()
    assert details(page) == before

    # A new account named after a contact whose name looks like HTML: the generated name is
    # refused the same way, the typed names are kept, and a plain name lets it through.
    go_to_clients(page)
    page.get_by_role("button", name="New account", exact=True).click()
    form = dialog(page, "New account")
    form.get_by_label("First name", exact=True).fill(PAYLOADS[0])
    form.get_by_label("Last name", exact=True).fill(PAYLOADS[1])
    form.get_by_role("button", name="Save", exact=True).click()
    name = form.get_by_label("Account name", exact=True)
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description(re.compile(re.escape(BAD_CHARS)))
    expect(form.get_by_label("First name", exact=True)).to_have_value(PAYLOADS[0])
    expect(form.get_by_label("Last name", exact=True)).to_have_value(PAYLOADS[1])
    name.fill("Famiglia Ospite")
    save_dialog(form)
    expect(page_heading(page)).to_have_text("Famiglia Ospite")
    person = f"{PAYLOADS[0]} {PAYLOADS[1]}"
    expect(contacts_region(page).get_by_role("link", name=person, exact=True)).to_have_text(person)
    assert details(page)["Primary contact"] == f"{person} · No email address"
    assert_inert(page, fired)
