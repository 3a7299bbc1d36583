"""F-MORE-1: a new account can start with a contact the firm already has (no duplicate person)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.pages import showing_total


def test_new_account_with_an_existing_contact_links_the_same_person(page: Page) -> None:
    total = showing_total(page)
    first_row_email = page.get_by_role("table", name="Clients").get_by_role("row").nth(1) \
        .get_by_role("cell").nth(4).inner_text().strip()
    page.get_by_role("button", name="New account").click()
    dialog = page.get_by_role("dialog", name="New account")
    dialog.get_by_label("Account type").select_option(label="Company")
    dialog.get_by_label("Account name").fill("Nuova Impresa S.r.l.")
    dialog.get_by_label("Find contact").fill(first_row_email)
    dialog.get_by_role("radio").first.check()
    dialog.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1, name="Nuova Impresa S.r.l.")).to_be_visible()
    contacts = page.get_by_role("region", name="Contacts")
    expect(contacts).to_contain_text(first_row_email)
    # The same person now also has the new account: its contact page lists it.
    contacts.get_by_role("listitem").first.get_by_role("link").first.click()
    expect(page.get_by_role("link", name="Nuova Impresa S.r.l.")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clients").click()
    expect(page.get_by_text(f"of {total + 1}")).to_be_visible()
