"""Editing an account (F-EDIT-1…6, F-MORE-1): details, photo, tags, team, new and deleted accounts.

The demo data is random but the same all day: each test looks for an account that has what it
needs and derives what it expects from what the screens show (never reloading: data lives in the page).
"""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    MEMBERS,
    alert_dialog,
    announced,
    app_error,
    choice,
    choose_filter,
    contact_card,
    contact_names,
    contacts_region,
    details,
    details_region,
    dialog,
    expect_marked,
    first_account,
    go_to_account,
    go_to_clients,
    lines,
    list_row,
    open_edit_account,
    option_names,
    page_heading,
    rows,
    save_dialog,
    showing_total,
    sign_in_as,
    team_in,
)

TODAY = date.today()
DATETIME_TODAY = rf"{TODAY:%b} {TODAY.day}, {TODAY.year}, \d\d:\d\d"


def test_every_detail_field_is_saved_and_shown_on_the_profile_list_and_search(
        page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: details(p)["Account type"] == "Individual")
    before = details(page)
    old_name = before["Account name"]
    old_hits = option_names(page, old_name).count(old_name)
    email = before["Primary contact"].split(" · ")[1]
    new_name, new_tag = "Zenit Consulenze S.r.l.", "Cliente storico"

    typed = {"Account name": new_name, "New tag": new_tag, "Colour of the new tag": "#0f766e",
             "Street": "Via dei Mille 7", "City": "Torino", "State": "TO", "Postal code": "10123",
             "Country": "Italia", "Codice cliente": "CL-2026-042", "Fatturato annuo": "1.234,50",
             "Inizio mandato": "2024-02-29", "PEC": "Studio.Zenit@PEC.example.it"}
    form = open_edit_account(page)
    expect(form.get_by_label("Account name", exact=True)).to_have_value(old_name)
    for label, value in typed.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_label("Account type", exact=True).select_option(label="Company")
    regime = form.get_by_label("Regime fiscale", exact=True)
    other = [o for o in regime.get_by_role("option").all_inner_texts()[1:] if o != before["Regime fiscale"]]
    regime.select_option(label=other[0])
    form.get_by_role("checkbox", name="Firma digitale", exact=True).set_checked(before["Firma digitale"] != "Yes")
    save_dialog(form)

    expect(announced(page, "Account details saved.")).to_be_visible()
    expect(page_heading(page)).to_have_text(new_name)
    after = details(page)
    expected = {"Account name": new_name, "Account type": "Company", "Codice cliente": "CL-2026-042",
                "Regime fiscale": other[0], "Fatturato annuo": "1,234.50", "Inizio mandato": "Feb 29, 2024",
                "Firma digitale": "No" if before["Firma digitale"] == "Yes" else "Yes",
                "PEC": "studio.zenit@pec.example.it"}  # e-mail addresses are lower-cased
    assert {k: after[k] for k in expected} == expected
    assert lines(after["Company address"]) == ["Via dei Mille 7", "10123 Torino TO", "Italia"], after
    assert new_tag in lines(after["Tags"]), after["Tags"]
    expect(details_region(page).get_by_text(new_tag, exact=True)).to_have_attribute(
        "style", re.compile("#0f766e"))
    assert team_in(after["Team members"]) == team_in(before["Team members"])

    form = open_edit_account(page)  # opens with what was saved; a company keeps its own name
    expect(form.get_by_label("Fatturato annuo", exact=True)).to_have_value("1234.5")
    expect(choice(form, "Tags", new_tag)).to_be_checked()
    expect(form.get_by_role("button", name="Generate from contacts")).to_have_count(0)
    form.get_by_role("button", name="Cancel", exact=True).click()

    # The list (filtered by the new tag) and the search show the new name at once.
    go_to_clients(page)
    choose_filter(page, "Tag", new_tag)
    expect(rows(page)).to_have_count(1)
    row = list_row(page, new_name)
    assert row["Type"] == "Company" and new_tag in lines(row["Tags"]) and row["Email"] == email, row
    assert option_names(page, "Zenit Consulenze") == [new_name]
    assert option_names(page, old_name).count(old_name) == old_hits - 1
    expect(app_error(page)).to_have_count(0)


def test_tag_and_team_changes_show_on_profile_list_and_in_the_history(page: Page, site_url: str) -> None:
    def wanted(p: Page) -> bool:
        shown = details(p)
        return shown["Tags"] != "None" and 1 <= len(team_in(shown["Team members"])) < 4
    account_id = first_account(page, site_url, "info", wanted)
    name = page_heading(page).inner_text().strip()
    before = details(page)
    tags, team = lines(before["Tags"]), team_in(before["Team members"])
    dropped_tag, leaving = tags[0], team[0]
    joining = next(m for m in MEMBERS if m not in team)

    form = open_edit_account(page)
    names = lines(form.get_by_role("group", name="Tags", exact=True).inner_text())[1:]  # after the legend
    added_tag = next(t for t in names if t not in tags)
    for member in MEMBERS:  # the dialog ticks exactly today's team
        expect(choice(form, "Team members", member)).to_be_checked(checked=member in team)
    choice(form, "Tags", dropped_tag).uncheck()
    choice(form, "Tags", added_tag).check()
    choice(form, "Team members", leaving).uncheck()
    choice(form, "Team members", joining).check()
    save_dialog(form)

    after = details(page)
    expected_tags = [t for t in tags if t != dropped_tag] + [added_tag]
    assert sorted(lines(after["Tags"])) == sorted(expected_tags), after["Tags"]
    expected_team = sorted({*team, joining} - {leaving}, key=MEMBERS.index)
    assert team_in(after["Team members"]) == expected_team, after["Team members"]

    details_region(page).get_by_role("link", name="History of changes").click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/history$"))
    panel = page.get_by_role("tabpanel")
    for action, member in (("added", joining), ("removed", leaving)):
        entry = panel.get_by_role("listitem").filter(
            has_text=re.compile(rf"^Giulia Bianchi {action} {member}\s*{DATETIME_TODAY}$"))
        expect(entry).to_have_count(1)

    go_to_clients(page)
    choose_filter(page, "Tag", added_tag)
    choose_filter(page, "Team member", joining)
    row = list_row(page, name)
    assert sorted(lines(row["Tags"])) == sorted(expected_tags), row
    assert team_in(row["Team"]) == expected_team, row


def test_invalid_input_is_marked_beside_each_field_and_nothing_is_saved(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: details(p)["Fatturato annuo"] != "Not set")
    before = details(page)
    form = open_edit_account(page)
    form.get_by_label("Account name", exact=True).fill("   ")
    form.get_by_label("City", exact=True).fill("Città che non resta")
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form.get_by_role("alert")).to_have_text("Please correct what is marked below.")
    expect_marked(form, "Account name", "Required.")

    form.get_by_label("Account name", exact=True).fill("Nome che non resta")
    bad = {"Fatturato annuo": ("abc", "Not a number."), "PEC": ("pec@", "Not a valid email address.")}
    for label, (value, _) in bad.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_role("button", name="Save", exact=True).click()
    for label, (value, message) in bad.items():
        expect_marked(form, label, message)
        expect(form.get_by_label(label, exact=True)).to_have_value(value)  # what was typed is kept
    expect(form.get_by_role("alert")).to_have_text("Please correct what is marked below.")
    for label, value in (("Account name", "Nome che non resta"), ("City", "Città che non resta")):
        expect(form.get_by_label(label, exact=True)).to_have_value(value)
        expect(form.get_by_label(label, exact=True)).not_to_have_attribute("aria-invalid", "true")

    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()
    assert details(page) == before
    expect(announced(page, "Account details saved.")).to_have_count(0)
    assert option_names(page, "Nome che non resta") == []


def test_one_save_marks_every_bad_field_at_once(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: True)
    form = open_edit_account(page)
    form.get_by_label("Account name", exact=True).fill("")
    form.get_by_label("Fatturato annuo", exact=True).fill("abc")
    form.get_by_role("button", name="Save", exact=True).click()
    expect_marked(form, "Account name", "Required.")
    expect_marked(form, "Fatturato annuo", "Not a number.")


def png(width: int, height: int) -> bytes:
    """A plain-colour PNG image of the given size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress(b"".join(b"\0" + b"\x2a\x6f\x97" * width for _ in range(height)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_photo_is_uploaded_scaled_down_and_removed(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: details_region(p).get_by_role("img").count() == 0)
    photo = details_region(page).get_by_role("img", name=f"Photo of {page_heading(page).inner_text().strip()}")
    form = open_edit_account(page)
    field = form.get_by_label("Photo", exact=True)
    field.set_input_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not an image"})
    expect(form.get_by_text("This file is not an image that can be used (PNG, JPEG or WebP).")).to_be_visible()
    field.set_input_files({"name": "logo.png", "mimeType": "image/png", "buffer": png(1200, 800)})
    expect(form.get_by_role("img", name="The new photo")).to_be_visible()
    save_dialog(form)

    expect(photo).to_be_visible()
    assert photo.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [256, 171]  # kept small
    form = open_edit_account(page)
    form.get_by_role("checkbox", name="Remove the photo", exact=True).check()
    save_dialog(form)
    expect(photo).to_have_count(0)


def test_save_pressed_right_after_choosing_a_photo_keeps_the_photo(page: Page, site_url: str) -> None:
    first_account(page, site_url, "info", lambda p: details_region(p).get_by_role("img").count() == 0)
    form = open_edit_account(page)
    # Choose the file and press Save at once (as on a slow device, before scaling ends).
    form.get_by_label("Photo", exact=True).evaluate("""(input, bytes) => {
        const files = new DataTransfer();
        files.items.add(new File([new Uint8Array(bytes)], "logo.png", {type: "image/png"}));
        input.files = files.files;
        input.dispatchEvent(new Event("change", {bubbles: true}));
        input.form.requestSubmit(); }""", list(png(600, 400)))
    # The save waits for the photo: the dialog says so and stays open, nothing is lost.
    expect(form.get_by_text("The photo is still being prepared")).to_be_visible()
    expect(form.get_by_role("img", name="The new photo")).to_be_visible()
    save_dialog(form)
    expect(details_region(page).get_by_role("img", name=re.compile("^Photo of "))).to_be_visible()


def test_new_account_opens_its_info_tab_and_the_list_grows(page: Page) -> None:
    total = showing_total(page)
    page.get_by_role("button", name="New account", exact=True).click()
    form = dialog(page, "New account")
    expect(form.get_by_label("Account type", exact=True)).to_have_value("individual")
    form.get_by_role("button", name="Save", exact=True).click()  # no contact at all: refused
    for label in ("First name", "Last name"):
        expect_marked(form, label, "Required.")

    values = {"First name": "Ottavia", "Last name": "Quercioli", "Email": "Ottavia.Quercioli@Example.org",
              "Phone": "+39 011 555 0101"}
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    save_dialog(form)

    expect(page).to_have_url(re.compile(r"#/accounts/\d+/info$"))
    expect(page_heading(page)).to_have_text("Quercioli, Ottavia")
    expect(announced(page, "Account “Quercioli, Ottavia” created.")).to_be_visible()
    shown = details(page)
    assert (shown["Account type"], contact_names(page)) == ("Individual", ["Ottavia Quercioli"])
    assert shown["Primary contact"] == "Ottavia Quercioli · ottavia.quercioli@example.org"
    expect(contact_card(page, "Ottavia Quercioli")).to_contain_text("ottavia.quercioli@example.org")
    assert option_names(page, "Quercioli") == ["Quercioli, Ottavia"]

    go_to_clients(page)
    assert showing_total(page) == total + 1
    assert list_row(page, "Quercioli, Ottavia")["Email"] == "ottavia.quercioli@example.org"


def test_delete_account_asks_naming_it_then_removes_it_but_keeps_its_contacts(page: Page, site_url: str) -> None:
    total = showing_total(page)
    link = rows(page).first.get_by_role("link")
    name, href = link.inner_text().strip(), link.get_attribute("href")
    hits = option_names(page, name).count(name)
    account_id = int(re.search(r"/accounts/(\d+)/", href).group(1))
    go_to_account(page, site_url, account_id, "info")
    person = contacts_region(page).get_by_role("link").first
    person_name, person_href = person.inner_text().strip(), person.get_attribute("href")

    delete = details_region(page).get_by_role("button", name="Delete account", exact=True)
    delete.click()
    confirm = alert_dialog(page)
    expect(confirm).to_have_accessible_name(f"Delete “{name}”?")
    expect(confirm).to_have_accessible_description(re.compile(re.escape(f"The account “{name}”")))
    confirm.get_by_role("button", name="Cancel", exact=True).click()
    expect(confirm).to_be_hidden()
    expect(page_heading(page)).to_have_text(name)

    delete.click()
    alert_dialog(page).get_by_role("button", name="Confirm", exact=True).click()

    expect(page).to_have_url(re.compile(r"#/clients$"))
    expect(announced(page, f"Account “{name}” deleted.")).to_be_visible()
    assert showing_total(page) == total - 1
    expect(page.get_by_role("table", name="Clients").locator(f"a[href='{href}']")).to_have_count(0)
    assert option_names(page, name).count(name) == hits - 1
    page.goto(site_url + person_href)
    expect(page_heading(page)).to_have_text(person_name)
    expect(page.get_by_role("region", name="Accounts", exact=True).locator(
        f"a[href='#/accounts/{account_id}/info']")).to_have_count(0)


@pytest.mark.parametrize(("member", "may_edit"),
                         [("Laura Conti", False), ("Sara Lombardi", False), ("Paolo Greco", True)])
def test_only_members_who_may_edit_see_edit_controls(page: Page, site_url: str, member: str,
                                                     may_edit: bool) -> None:
    """Laura sees every account but changes none; Sara has no rights; Paolo manages his team's."""
    first_account(page, site_url, "info", lambda p: member in details(p)["Team members"]
                  and "Resend invite" in contacts_region(p).inner_text())
    account = page.url.split("#")[1]
    person_href = contacts_region(page).get_by_role("link").first.get_attribute("href")
    sign_in_as(page, member)

    page.goto(f"{site_url}#{account}")
    expect(details_region(page)).to_be_visible()
    expect(contacts_region(page).get_by_text("Signing authority").first).to_be_visible()
    expect(details_region(page).get_by_role("button", name="Edit", exact=True)).to_have_count(int(may_edit))
    expect(details_region(page).get_by_role("button", name="Delete account")).to_have_count(int(may_edit))
    controls = contacts_region(page).get_by_role("button").or_(contacts_region(page).get_by_role("switch"))
    if may_edit:
        for name in ("Link contact", "Add contact", "Edit description", "Unlink", "Resend invite for"):
            expect(contacts_region(page).get_by_role("button", name=name).first).to_be_visible()
        expect(contacts_region(page).get_by_role("switch", name=re.compile("^Login for ")).first).to_be_enabled()
    else:
        expect(controls).to_have_count(0)
        expect(page.get_by_role("main").get_by_role("checkbox")).to_have_count(0)
    go_to_clients(page)
    expect(page.get_by_role("button", name="New account")).to_have_count(int(may_edit))
    page.goto(f"{site_url}{person_href}")
    expect(page.get_by_role("region", name="Personal details")).to_be_visible()
    expect(page.get_by_role("button", name="Edit contact")).to_have_count(int(may_edit))


def test_edit_dialog_in_italian_with_generated_name_message_and_saved_value(page: Page, site_url: str) -> None:
    def wanted(p: Page) -> bool:  # one contact, "First Last": its generated name is "Last, First"
        people = contact_names(p)
        return details(p)["Account type"] != "Company" and len(people) == 1 and len(people[0].split()) == 2
    first_account(page, site_url, "info", wanted)
    first, last = contact_names(page)[0].split()
    page.get_by_role("combobox", name="Language").select_option(label="Italiano")
    region = page.get_by_role("region", name="Dettagli account", exact=True)
    region.get_by_role("button", name="Modifica", exact=True).click()
    form = dialog(page, "Modifica dettagli account")
    for label in ("Tipo di account", "Nuova etichetta", "Via", "Città", "CAP", "Paese"):
        expect(form.get_by_label(label, exact=True)).to_be_visible()
    expect(form.get_by_role("group").filter(has_text="Membri del team")).to_have_count(1)
    expect(form.get_by_role("button", name="Annulla", exact=True)).to_be_visible()
    form.get_by_label("Nome account", exact=True).fill("Da generare")
    form.get_by_role("button", name="Genera dai contatti", exact=True).click()
    expect(form.get_by_label("Nome account", exact=True)).to_have_value(f"{last}, {first}")

    form.get_by_label("Fatturato annuo", exact=True).fill("abc")
    form.get_by_role("button", name="Salva", exact=True).click()
    expect(form.get_by_role("alert")).to_have_text("Correggi quanto segnalato qui sotto.")
    expect(form.get_by_label("Fatturato annuo", exact=True)).to_have_accessible_description("Non è un numero.")

    form.get_by_label("Fatturato annuo", exact=True).fill("1.234,50")
    save_dialog(form, "Salva")
    expect(announced(page, "Dettagli dell'account salvati.")).to_be_visible()
    expect(page_heading(page)).to_have_text(f"{last}, {first}")
    expect(region.get_by_role("definition").filter(has_text=re.compile(r"^1\.234,50$"))).to_have_count(1)
