"""An account's contacts (F-EDIT-7, F-INFO-CONTACTS): add, link, describe, unlink, reorder,
each email's settings, and a contact's own page whose changes show on every linked account.

The demo data is random but the same all day: tests look for an account that has what they need.
"""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import (
    alert_dialog,
    announced,
    app_error,
    contact_card,
    contact_names,
    contacts_region,
    details,
    dialog,
    entries,
    expect_marked,
    first_account,
    fold,
    go_to_account,
    option_names,
    page_heading,
    save_dialog,
)

TODAY = date.today()
SHOWN_TODAY = f"{TODAY:%b} {TODAY.day}, {TODAY.year}"
LAST_CONTACT = "An account keeps at least one contact: link another one before unlinking this one."


def by_surname(full: str) -> tuple[str, str]:
    first, *_, last = full.split()
    return fold(last), fold(first)


def emails_of(card: Locator) -> list[str]:
    return re.findall(r"^(\S+@\S+?)(?: · primary)?$", card.inner_text(), re.MULTILINE)


def setting(card: Locator, label: str) -> Locator:
    """The definition (state text and controls) of a per-email setting such as "Login"."""
    return card.get_by_role("definition").filter(has=card.page.get_by_role("switch", name=re.compile(
        rf"^{label} for ")))


def test_add_contact_then_edit_its_description_then_unlink_it(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: len(contact_names(p)) >= 1)
    account = page_heading(page).inner_text().strip()
    before = contact_names(page)

    contacts_region(page).get_by_role("button", name="Add contact", exact=True).click()
    form = dialog(page, "Add contact")
    values = {"First name": "Beatrice", "Middle name": "Maria", "Last name": "Abate",
              "Email": "Beatrice.Abate@Example.com", "Phone": "+39 333 123 4567",
              "Description": "Consulente del lavoro"}
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_label("Email", exact=True).fill("beatrice@")
    form.get_by_role("button", name="Save", exact=True).click()
    expect_marked(form, "Email", "Not a valid email address.")
    expect(form.get_by_label("Last name", exact=True)).to_have_value("Abate")  # what was typed stays
    assert contact_names(page) == before
    form.get_by_label("Email", exact=True).fill(values["Email"])
    save_dialog(form)

    expect(announced(page, "Beatrice Abate added.")).to_be_visible()
    people = contact_names(page)
    assert sorted(people) == sorted([*before, "Beatrice Maria Abate"]), people
    assert people == sorted(people, key=by_surname), people
    card = contact_card(page, "Beatrice Maria Abate")
    expect(card).to_contain_text("Consulente del lavoro")
    expect(card).to_contain_text(f"Signer {len(people)}")
    assert emails_of(card) == ["beatrice.abate@example.com"]
    expect(card.get_by_role("switch", name="Login for beatrice.abate@example.com")).not_to_be_checked()

    card.get_by_role("button", name="Edit description", exact=True).click()
    form = dialog(page, "Edit description")
    expect(form.get_by_label("Description", exact=True)).to_have_value("Consulente del lavoro")
    expect(form.get_by_label("Description", exact=True)).to_be_focused()
    form.get_by_label("Description", exact=True).fill("Revisore legale")
    save_dialog(form)
    expect(card).to_contain_text("Revisore legale")
    expect(card).not_to_contain_text("Consulente del lavoro")

    card.get_by_role("button", name="Unlink", exact=True).click()
    confirm = alert_dialog(page)
    expect(confirm).to_have_accessible_name("Unlink Beatrice Maria Abate?")
    expect(confirm).to_have_accessible_description(re.compile(re.escape(f"“{account}”")))
    confirm.get_by_role("button", name="Cancel", exact=True).click()
    expect(confirm).to_be_hidden()
    expect(card).to_have_count(1)

    card.get_by_role("button", name="Unlink", exact=True).click()
    alert_dialog(page).get_by_role("button", name="Confirm", exact=True).click()
    expect(announced(page, "Beatrice Maria Abate unlinked.")).to_be_visible()
    expect(card).to_have_count(0)
    assert contact_names(page) == before


def test_the_last_contact_cannot_be_unlinked(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: len(contact_names(p)) == 1)
    person = contact_names(page)[0]

    contact_card(page, person).get_by_role("button", name="Unlink", exact=True).click()
    alert_dialog(page).get_by_role("button", name="Confirm", exact=True).click()

    expect(announced(page, LAST_CONTACT)).to_be_visible()
    expect(alert_dialog(page)).to_have_count(0)
    assert contact_names(page) == [person]
    expect(app_error(page)).to_have_count(0)


def test_link_an_existing_contact_and_linking_it_twice_is_refused(page: Page, site_url: str) -> None:
    target = first_account(page, site_url, "info", lambda p: len(contact_names(p)) == 1)
    target_name, before = page_heading(page).inner_text().strip(), contact_names(page)
    other = target
    while True:  # a contact of another account, not on this one yet
        other += 1
        go_to_account(page, site_url, other, "info")
        person = contact_names(page)[0]
        if person not in before:
            break
    email = emails_of(contact_card(page, person))[0]
    go_to_account(page, site_url, target, "info")

    contacts_region(page).get_by_role("button", name="Link contact", exact=True).click()
    form = dialog(page, "Link contact")
    find = form.get_by_label("Find contact", exact=True)
    expect(find).to_be_focused()
    find.fill("nessuno-si-chiama-così")
    expect(form.get_by_text("No contact matches.")).to_be_visible()
    find.fill(email)
    choice = form.get_by_role("button", name=f"Link {person}", exact=True)
    expect(choice).to_have_count(1)
    expect(choice).to_contain_text(email)
    choice.click()

    expect(form).to_be_hidden()
    expect(announced(page, f"{person} linked.")).to_be_visible()
    assert sorted(contact_names(page)) == sorted([*before, person])
    card = contact_card(page, person)
    expect(card).to_contain_text("Signer 2")
    expect(card.get_by_role("switch", name=f"Login for {email}")).to_be_visible()

    contacts_region(page).get_by_role("button", name="Link contact", exact=True).click()
    form.get_by_label("Find contact", exact=True).fill(email)
    form.get_by_role("button", name=f"Link {person}", exact=True).click()
    expect(form.get_by_role("alert")).to_have_text("This contact is already linked to this account.")
    expect(form).to_be_visible()
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()
    assert sorted(contact_names(page)) == sorted([*before, person])

    card.get_by_role("link", name=person, exact=True).click()
    linked = page.get_by_role("region", name="Accounts", exact=True)
    for account_id in (target, other):
        expect(linked.locator(f"a[href='#/accounts/{account_id}/info']")).to_have_count(1)
    expect(linked).to_contain_text(target_name)


def test_every_per_email_switch_resend_invite_and_notification_preferences(page: Page, site_url: str) -> None:
    def wanted(p: Page) -> bool:
        card = entries(contacts_region(p)).first
        return [v.strip() for v in card.get_by_role("definition").all_inner_texts()[:3]] == [
            "No portal access", "Off", "Off"]
    first_account(page, site_url, "info", wanted)
    card = entries(contacts_region(page)).first
    email = emails_of(card)[0]
    login = card.get_by_role("switch", name=f"Login for {email}", exact=True)
    notify = card.get_by_role("switch", name=f"Notifications for {email}", exact=True)
    sync = card.get_by_role("switch", name=f"Email sync for {email}", exact=True)
    sign = card.get_by_role("switch", name=f"Signing authority for {email}", exact=True)
    resend = card.get_by_role("button", name=f"Resend invite for {email}", exact=True)
    preferences = card.get_by_role("button", name=f"Notification preferences for {email}", exact=True)
    expect(resend).to_have_count(0)
    expect(preferences).to_have_count(0)

    login.click()
    expect(login).to_be_checked()
    expect(login).to_be_focused()  # the page was drawn anew, the switch keeps focus
    expect(setting(card, "Login")).to_contain_text(f"Invited on {SHOWN_TODAY}")
    expect(announced(page, "Saved.")).to_be_visible()
    resend.click()
    expect(announced(page, re.compile(
        rf"^Invitation sent again to {re.escape(email)} on {SHOWN_TODAY}, \d\d:\d\d\.$"))).to_be_visible()

    notify.click()
    expect(notify).to_be_checked()
    expect(setting(card, "Notifications")).to_contain_text("On")
    preferences.click()
    form = dialog(page, f"Notification preferences for {email}")
    group = form.get_by_role("group", name="Notification preferences", exact=True)
    for kind in ("new document", "invoice"):
        group.get_by_role("checkbox", name=kind, exact=True).check()
    save_dialog(form)
    expect(announced(page, "Notification preferences saved.")).to_be_visible()
    expect(setting(card, "Notifications")).to_contain_text("On: new document, invoice")
    preferences.click()
    checked = group.get_by_role("checkbox", checked=True)
    expect(checked).to_have_count(2)
    expect(group.get_by_role("checkbox", name="new message", exact=True)).not_to_be_checked()
    form.get_by_role("button", name="Cancel", exact=True).click()

    sync.click()
    expect(sync).to_be_checked()
    expect(setting(card, "Email sync")).to_contain_text("On")
    was_signer = sign.is_checked()
    sign.click()
    expect(sign).to_be_checked(checked=not was_signer)
    expect(setting(card, "Signing authority")).to_contain_text("No" if was_signer else "Yes")

    login.click()
    expect(login).not_to_be_checked()
    expect(setting(card, "Login")).to_contain_text("No portal access")
    expect(resend).to_have_count(0)
    notify.click()
    expect(notify).not_to_be_checked()
    expect(preferences).to_have_count(0)
    expect(setting(card, "Notifications")).to_contain_text("Off")
    expect(sync).to_be_checked()  # the other settings stay as set
    expect(app_error(page)).to_have_count(0)


def test_contact_page_edit_shows_on_every_linked_account(page: Page, site_url: str) -> None:
    first = first_account(page, site_url, "info", lambda p: details(p)["Related accounts"] != "None")
    people = contact_names(page)
    related = details(page)["Related accounts"].splitlines()[0].strip()
    link = page.get_by_role("region", name="Account details").get_by_role("link", name=related, exact=True)
    second = int(re.search(r"/accounts/(\d+)/", link.get_attribute("href")).group(1))
    link.click()
    expect(page_heading(page)).to_have_text(related)
    person = next(p for p in contact_names(page) if p in people)
    old_emails = emails_of(contact_card(page, person))
    old_email = old_emails[0]
    _, *rest = person.split(" ")
    renamed, new_email = " ".join(["Ginevra", *rest]), "ginevra.nuova@example.net"

    contact_card(page, person).get_by_role("link", name=person, exact=True).click()
    expect(page_heading(page)).to_have_text(person)
    page.get_by_role("button", name="Edit contact", exact=True).click()
    form = dialog(page, "Edit contact")
    expect(form.get_by_label("Email 1", exact=True)).to_have_value(old_email)
    form.get_by_label("First name", exact=True).fill("Ginevra")
    form.get_by_label("Email 1", exact=True).fill("Ginevra.Nuova@Example.net")
    form.get_by_label("Add an email address", exact=True).fill("not an email")
    form.get_by_role("button", name="Save", exact=True).click()
    # Shown again as typed: the new address is now "Email N", beside its message.
    field = form.get_by_label(f"Email {len(old_emails) + 1}", exact=True)
    expect(field).to_have_value("not an email")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description("Not a valid email address.")
    field.fill("")
    save_dialog(form)

    expect(announced(page, "Contact saved.")).to_be_visible()
    expect(page_heading(page)).to_have_text(renamed)
    expect(page.get_by_role("region", name="Personal details")).to_contain_text(new_email)
    for account_id in (first, second):
        go_to_account(page, site_url, account_id, "info")
        card = contact_card(page, renamed)
        expect(card).to_have_count(1)
        assert new_email in emails_of(card) and old_email not in emails_of(card), card.inner_text()
        expect(card.get_by_role("switch", name=f"Login for {new_email}")).to_be_visible()
        expect(contact_card(page, person)).to_have_count(0)
    names = option_names(page, new_email)
    assert related in names and details(page)["Account name"] in names, names


def test_move_a_signer_up_in_the_signing_order(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: len(contact_names(p)) >= 2)
    cards = entries(contacts_region(page))
    second = cards.filter(has_text=re.compile(r"Signer 2(?!\d)"))
    person = second.get_by_role("link").inner_text().strip()
    firsts = cards.filter(has_text=re.compile(r"Signer 1(?!\d)")).get_by_role("link").inner_text().strip()

    contacts_region(page).get_by_role(
        "button", name=f"Move {person} up in the signing order", exact=True).click()

    expect(announced(page, "Saved.")).to_be_visible()
    expect(contact_card(page, person)).to_contain_text("Signer 1")
    expect(contact_card(page, firsts)).to_contain_text("Signer 2")
