"""Team members (F-FIRM-3): adding, rights, first passphrase, deactivating, resetting, ownership."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.firm_pages import (
    OWNER,
    PASSPHRASE,
    add_member,
    button,
    choose_passphrase,
    confirm,
    edit_member,
    expect_refused,
    expect_signed_in,
    fill_member,
    history_lines,
    member_rows,
    offered_members,
    open_settings,
    save,
    set_up_firm,
    sign_in,
    sign_in_heading,
    sign_out,
)
from tests.e2e.pages import app_error, dialog, nav_link, page_heading, rows

ELENA, ELENA_EMAIL = "Elena Neri", "elena@neri.it"
FIRST_PASS, ELENA_PASS = "first passphrase 1", "elena's own passphrase"
RESET_PASS = "a reset passphrase"


def clients_list(page: Page) -> None:
    expect(page_heading(page)).to_have_text("Clients")


def test_an_employee_signs_in_chooses_a_passphrase_and_gets_the_rights_given(page: Page, site_url: str) -> None:
    set_up_firm(page)
    open_settings(page)
    add_member(page, "Elena", "Neri", ELENA_EMAIL, passphrase=FIRST_PASS)
    elena = member_rows(page)[ELENA]
    assert (elena["Email"], elena["Role"], elena["Rights"], elena["Status"]) == (
        ELENA_EMAIL, "Employee", "Their team's accounts only", "Active"), elena

    # The same address in other case is the same person.
    button(page, "Add member").click()
    form = dialog(page, "Add member")
    fill_member(form, "Elena", "Bis", "ELENA@Neri.it", "Admin", ())
    form.get_by_label("Passphrase", exact=True).fill(FIRST_PASS)
    form.get_by_role("button", name="Save", exact=True).click()
    expect_refused(form, "Email", "A member already has this email address.")
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()
    assert sorted(member_rows(page)) == [OWNER, ELENA]

    # First sign-in: the passphrase someone else set is replaced at once.
    sign_out(page)   # from Settings: the next person starts on the clients list (test below)
    assert sorted(offered_members(page)) == [OWNER, ELENA]
    sign_in(page, ELENA, FIRST_PASS)
    choose = dialog(page, "Choose your passphrase")
    expect(choose).to_be_visible()
    choose.get_by_label("New passphrase", exact=True).fill("short")
    choose.get_by_label("Repeat passphrase", exact=True).fill("short")
    choose.get_by_role("button", name="Save", exact=True).click()
    expect_refused(choose, "New passphrase", "At least 10 characters.")
    choose_passphrase(page, ELENA_PASS)
    expect_signed_in(page, ELENA)

    # No rights: no Settings, only her team's accounts (none yet), no New account.
    clients_list(page)
    expect(nav_link(page, "Clients")).to_be_visible()
    expect(nav_link(page, "Settings")).to_have_count(0)
    expect(rows(page)).to_have_count(0)
    expect(page.get_by_text("You have no clients assigned to you yet.")).to_be_visible()
    expect(button(page, "New account")).to_have_count(0)
    page.goto(site_url + "#/settings")
    expect(page_heading(page)).to_have_text("No access")
    expect(page.get_by_role("region", name="Team members")).to_have_count(0)

    # The owner gives her rights; they hold from her next sign-in.
    sign_out(page)
    sign_in(page, OWNER, PASSPHRASE)
    open_settings(page)
    form = edit_member(page, ELENA)
    expect(form.get_by_label("Passphrase", exact=True)).to_have_count(0)
    expect(form.get_by_label("Email", exact=True)).to_have_value(ELENA_EMAIL)
    fill_member(form, "Elena", "Neri", ELENA_EMAIL, "Employee", ("Manage accounts", "View all accounts"))
    save(form)
    expect(page.get_by_role("row").filter(has_text=ELENA)).to_contain_text("View all accounts, Manage accounts")
    nav_link(page, "Clients").click()
    clients_list(page)
    sign_out(page)
    sign_in(page, ELENA, ELENA_PASS)
    expect(dialog(page, "Choose your passphrase")).to_have_count(0)
    clients_list(page)
    expect(button(page, "New account")).to_be_visible()
    expect(nav_link(page, "Settings")).to_have_count(0)

    # Deactivated: not offered at sign-in; reactivated: offered again.
    sign_out(page)
    sign_in(page, OWNER, PASSPHRASE)
    open_settings(page)
    expect(button(page, f"Deactivate {OWNER}")).to_have_count(0)   # nobody deactivates themselves
    button(page, f"Deactivate {ELENA}").click()
    confirm(page, "will no longer be able to sign in")
    expect(page.get_by_role("row").filter(has_text=ELENA)).to_contain_text("Deactivated")
    expect(button(page, f"Deactivate {ELENA}")).to_have_count(0)
    sign_out(page)
    assert offered_members(page) == [OWNER]
    sign_in(page, OWNER, PASSPHRASE)
    open_settings(page)
    button(page, f"Reactivate {ELENA}").click()
    expect(button(page, f"Deactivate {ELENA}")).to_be_visible()
    assert member_rows(page)[ELENA]["Status"] == "Active"

    # A reset passphrase is replaced at the next sign-in, like a first one.
    button(page, f"Reset passphrase for {ELENA}").click()
    form = dialog(page, f"Reset passphrase for {ELENA}")
    form.get_by_label("New passphrase", exact=True).fill(RESET_PASS)
    save(form)
    nav_link(page, "Clients").click()
    clients_list(page)
    sign_out(page)
    assert sorted(offered_members(page)) == [OWNER, ELENA]
    sign_in(page, ELENA, RESET_PASS)
    choose = dialog(page, "Choose your passphrase")
    expect(choose).to_be_visible()
    choose.get_by_label("New passphrase", exact=True).press("Escape")   # nobody works on without
    expect(sign_in_heading(page)).to_be_visible()
    expect(choose).to_have_count(0)
    sign_in(page, ELENA, RESET_PASS)
    choose_passphrase(page, "elena's second passphrase")
    expect_signed_in(page, ELENA)

    sign_out(page)
    sign_in(page, OWNER, PASSPHRASE)
    open_settings(page)
    history = [re.sub(r"^.*? · ", "", t.strip()) for t in history_lines(page).all_inner_texts()]
    for line in (f"{OWNER} added {ELENA} as Employee", f"{OWNER} deactivated {ELENA}",
                 f"{OWNER} reactivated {ELENA}", f"{OWNER} reset the passphrase of {ELENA}",
                 f"{ELENA} changed their own passphrase"):
        assert line in history, (line, history)
    rights = {f"{OWNER} changed {ELENA}: Employee, rights: {a}, {b}"
              for a, b in (("View all accounts", "Manage accounts"), ("Manage accounts", "View all accounts"))}
    assert rights & set(history), history
    expect(app_error(page)).to_have_count(0)


def test_the_owner_hands_ownership_to_an_admin(page: Page) -> None:
    set_up_firm(page)
    open_settings(page)
    add_member(page, "Marco", "Bruni", "marco@bruni.it", role="Admin")
    marco = member_rows(page)["Marco Bruni"]
    assert (marco["Role"], marco["Rights"]) == ("Admin", "Everything"), marco

    button(page, "Make Marco Bruni owner").click()
    ask = page.get_by_role("alertdialog", name="Make Marco Bruni the owner?")
    expect(ask).to_contain_text("you become an admin")
    confirm(page)

    expect(page.get_by_role("row").filter(has_text="marco@bruni.it")).to_contain_text("Owner")
    roles = {name: row["Role"] for name, row in member_rows(page).items()}
    assert roles == {OWNER: "Admin", "Marco Bruni": "Owner"}, roles
    expect(button(page, "Make Marco Bruni owner")).to_have_count(0)
    expect(button(page, f"Make {OWNER} owner")).to_have_count(0)   # only the owner hands it on
    expect(button(page, "Deactivate Marco Bruni")).to_have_count(0)  # the owner stays
    expect(history_lines(page).first).to_contain_text(f"{OWNER} handed ownership to Marco Bruni")
    expect(nav_link(page, "Settings")).to_be_visible()   # an admin keeps Settings
    expect(app_error(page)).to_have_count(0)


def test_signing_in_after_someone_signed_out_of_settings_shows_the_clients_list(page: Page) -> None:
    set_up_firm(page, starter=False)
    open_settings(page)
    add_member(page, "Elena", "Neri", ELENA_EMAIL, passphrase=FIRST_PASS)
    sign_out(page)
    sign_in(page, ELENA, FIRST_PASS)
    choose_passphrase(page, ELENA_PASS)
    expect(page_heading(page)).to_have_text("Clients")
    expect(page_heading(page)).not_to_have_text("No access")
