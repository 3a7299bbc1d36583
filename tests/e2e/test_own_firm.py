"""A firm of one's own (F-FIRM-1, F-FIRM-2): set up from the demo, refused set-ups, signing in."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.firm_pages import (
    EMAIL,
    FIRM,
    OWNER,
    PASSPHRASE,
    STARTER_TAGS,
    demo_notice,
    expect_refused,
    expect_signed_in,
    fill_set_up,
    member_choice,
    member_rows,
    new_account,
    offered_members,
    open_set_up,
    open_settings,
    set_up_firm,
    sidebar,
    sign_in_alert,
    sign_in_heading,
    try_sign_in,
)
from tests.e2e.pages import (
    DEMO_ACCOUNTS,
    app_error,
    assert_inert,
    filter_select,
    go_to_clients,
    member_select,
    nav_link,
    reload,
    rows,
    showing,
    showing_total,
)

CLIENT = "Rossi, Mario"
REFUSED = "The member and passphrase do not match. You can try again in {} s."
TOO_SOON = re.compile(r"^Too many wrong attempts: wait \d+ s before trying again\.$")


def test_set_up_my_firm_replaces_the_demo_with_an_empty_firm_owned_by_me(page: Page) -> None:
    expect(demo_notice(page)).to_be_visible()
    expect(member_select(page)).to_be_visible()   # the demo's free switcher
    assert showing_total(page) == DEMO_ACCOUNTS

    set_up_firm(page)

    expect(demo_notice(page)).to_have_count(0)
    expect(sidebar(page).get_by_text(FIRM, exact=True)).to_be_visible()
    expect(sidebar(page).get_by_role("button", name="Change passphrase", exact=True)).to_be_visible()
    for link in ("Clients", "Data", "Settings"):
        expect(nav_link(page, link)).to_be_visible()
    expect(rows(page)).to_have_count(0)
    expect(showing(page)).to_have_count(0)
    tags = [o.strip() for o in filter_select(page, "Tag").get_by_role("option").all_inner_texts()]
    assert set(STARTER_TAGS) <= set(tags), tags
    expect(app_error(page)).to_have_count(0)

    open_settings(page)
    expect(page.get_by_role("region", name="Firm", exact=True).get_by_role(
        "textbox", name="Firm name", exact=True)).to_have_value(FIRM)
    owner = member_rows(page)[OWNER]
    assert (owner["Email"], owner["Role"], owner["Status"]) == (EMAIL, "Owner", "Active"), owner
    expect(page.get_by_role("region", name="Firm history", exact=True)).to_contain_text(
        f"{OWNER} set up the firm “{FIRM}”")


def test_my_firm_survives_a_reload_and_asks_who_signs_in(clocked: Page) -> None:
    page = clocked
    set_up_firm(page)
    assert new_account(page) == CLIENT
    go_to_clients(page)
    expect(rows(page)).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()   # stored, then:

    reload(page)

    expect(sign_in_heading(page)).to_be_visible()
    expect(page).to_have_title("Sign in · Fascicolo")
    assert offered_members(page) == [OWNER]
    expect(page.get_by_label("Passphrase", exact=True)).to_have_attribute("type", "password")
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page.get_by_role("combobox", name="Search clients")).to_have_count(0)
    expect(demo_notice(page)).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Rossi")

    try_sign_in(page, OWNER, "wrong horse battery")
    expect(sign_in_alert(page)).to_have_text(REFUSED.format(1))
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Rossi")

    try_sign_in(page, OWNER, PASSPHRASE)    # at once: the right passphrase must wait too
    expect(sign_in_alert(page)).to_have_text(TOO_SOON)
    expect(sign_in_heading(page)).to_be_visible()

    page.clock.fast_forward("00:02")
    try_sign_in(page, OWNER, "wrong again, sorry")
    expect(sign_in_alert(page)).to_have_text(REFUSED.format(2))  # the wait doubles

    page.clock.fast_forward("00:03")
    try_sign_in(page, OWNER, PASSPHRASE)
    expect(page.get_by_role("heading", level=1, name="Clients", exact=True)).to_be_visible()
    expect_signed_in(page, OWNER)
    expect(rows(page).get_by_role("link", name=CLIENT, exact=True)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Clients · Fascicolo$"))


def test_set_up_refuses_what_is_wrong_and_creates_nothing(page: Page, fired: list[str]) -> None:
    form = open_set_up(page)
    fill_set_up(form, first="", last="  ", email="anna@verdi", passphrase="too short")
    form.get_by_role("button", name="Create firm", exact=True).click()
    expect_refused(form, "Passphrase", "At least 10 characters.")
    expect_refused(form, "Email", "Not a valid email address.")
    expect_refused(form, "First name", "Required.")
    expect_refused(form, "Last name", "Required.")
    expect(form.get_by_label("Firm name", exact=True)).not_to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label("Passphrase", exact=True)).to_have_value("")   # never drawn back

    fill_set_up(form, passphrase=PASSPHRASE, repeat="correct horse battery!")
    form.get_by_role("button", name="Create firm", exact=True).click()
    expect_refused(form, "Repeat passphrase", "The two passphrases differ.")
    expect(form.get_by_label("Email", exact=True)).not_to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label("Passphrase", exact=True)).not_to_have_attribute("aria-invalid", "true")

    fill_set_up(form, firm="")
    form.get_by_role("button", name="Create firm", exact=True).click()
    expect_refused(form, "Firm name", "Required.")

    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()
    expect(demo_notice(page)).to_be_visible()
    expect(member_select(page)).to_be_visible()
    assert showing_total(page) == DEMO_ACCOUNTS
    reload(page)   # nothing was stored either
    expect(demo_notice(page)).to_be_visible()
    assert showing_total(page) == DEMO_ACCOUNTS

    markup = "<img src=x onerror=alert(1)>"
    form = open_set_up(page)
    fill_set_up(form, firm=markup)
    form.get_by_role("button", name="Create firm", exact=True).click()
    expect(form).to_be_hidden()
    expect_signed_in(page, OWNER)
    expect(sidebar(page).get_by_text(markup, exact=True)).to_be_visible()
    expect(member_choice(page)).to_have_count(0)
    assert_inert(page, fired)
    expect(app_error(page)).to_have_count(0)
