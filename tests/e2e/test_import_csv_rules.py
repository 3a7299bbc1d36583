"""CSV client import, its rules: reusing what exists, refusing bad files, HTML as text, who may import.

Helpers come from test_import_csv.py; every test boots the demo firm (300 accounts) afresh.
"""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    DEMO_ACCOUNTS,
    assert_inert,
    contact_card,
    contact_names,
    download,
    names,
    open_data_page,
    option_names,
    sign_in_as,
)
from tests.e2e.test_import_csv import (
    choose_csv,
    clients_total,
    csv_bytes,
    csv_input,
    done,
    open_found,
    preview,
    preview_rows,
    report,
    run_import,
    valid_only,
)

TEMPLATE = ["Account name", "Account type", "Tags", "Team members", "First name", "Last name", "Email",
            "Additional emails", "Phone", "Street", "City", "State", "Postal code", "Country",
            "Contact description"]
AMBIGUOUS = "Not imported: Account name: Several accounts have this name: link this contact by hand."
PAYLOAD = "<img src=x onerror=alert(1)>"
BAD_CHARS = 'Must not contain < > : " / \\ | ? *'
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
       b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def exported_rows(page: Page, tmp_path) -> tuple[bytes, list[dict[str, str]]]:
    data = download(page, "Export clients CSV", tmp_path)
    return data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_an_existing_account_receives_an_existing_contact_once(page: Page, tmp_path) -> None:
    # An account from the Clients list that no other account shares its name with.
    account = next(n for n in names(page) if option_names(page, n).count(n) == 1)
    open_data_page(page)
    _, rows = exported_rows(page, tmp_path)
    on_account = {r["Email"] for r in rows if r["Account name"] == account}
    assert on_account, account
    other = next(r for r in rows if r["Account name"] != account and r["Email"] not in on_account)
    person = f"{other['First name']} {other['Last name']}"
    line = [account, other["First name"], other["Last name"], other["Email"]]
    data = csv_bytes([["Account name", "First name", "Last name", "Email"], line, line])

    choose_csv(page, data)

    assert preview_rows(page) == [
        ["2", account, person, "Added to the existing account (existing contact)"],
        ["3", account, person, "Repeats line 2: skipped"]]

    run_import(page)

    expect(report(page)).to_contain_text(done(0, 0, linked=1, receiving=1))
    expect(report(page).get_by_role("heading", name="Rows skipped as repeats")).to_be_visible()
    expect(report(page).get_by_role("listitem")).to_have_text(["Line 3 repeats line 2."])
    assert clients_total(page) == DEMO_ACCOUNTS
    open_found(page, account)
    assert person in contact_names(page), (person, contact_names(page))
    expect(contact_card(page, person)).to_contain_text(other["Email"])

    # The same file a second time finds the contact already there.
    open_data_page(page)
    choose_csv(page, data)
    assert preview_rows(page)[0] == ["2", account, person, "Already there: skipped (existing contact)"]


def test_unreadable_files_are_refused_beside_the_input_and_change_nothing(page: Page) -> None:
    big = b"Account name,First name,Last name\r\n" + b"Grande Srl,Mario,Rossi\r\n" * 930_000
    assert 21 * 1024 * 1024 < len(big) < 22 * 1024 * 1024
    bad_files = (
        ("empty.csv", b"", "This file is empty."),
        ("logo.png", PNG, "This is not a text file. Save the sheet as “CSV UTF-8” and choose that file."),
        ("latin1.csv", "Account name;First name;Last name\r\nCaffè Nicolò;Nicolò;Rossi\r\n".encode("latin-1"),
         "This file is not in UTF-8."),
        ("quotes.csv", b'Account name,First name,Last name\r\n"Bar Sport,Mario,Rossi\r\n',
         "A quoted cell is never closed: check the quotes in the file."),
        ("big.csv", big, "This file is larger than 20 MB: it was not read."),
    )
    for name, data, message in bad_files:
        open_data_page(page)
        csv_input(page).set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": data}])

        expect(csv_input(page)).to_have_accessible_description(re.compile(re.escape(message)))
        expect(csv_input(page)).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#" + csv_input(page).get_attribute("aria-describedby").split()[-1])).to_contain_text(
            message)
        expect(page.get_by_text(re.compile(r"^Reading "))).to_have_count(0)
        expect(preview(page)).to_have_count(0)
        expect(report(page)).to_have_count(0)
        assert clients_total(page) == DEMO_ACCOUNTS, name

    # A readable file afterwards clears the message.
    open_data_page(page)
    choose_csv(page, csv_bytes([["Account name", "First name", "Last name"], ["Bar Sport", "Mario", "Rossi"]]))
    expect(preview(page)).to_be_visible()
    expect(csv_input(page)).not_to_have_attribute("aria-invalid", "true")
    expect(csv_input(page)).not_to_have_accessible_description(re.compile("larger than"))


def test_html_in_names_and_descriptions_is_imported_as_plain_text(page: Page, fired: list[str]) -> None:
    person = f"{PAYLOAD} {PAYLOAD}"
    data = csv_bytes([["Account name", "First name", "Last name", "Email", "Contact description"],
                      ["Delta Testo Puro Srl", PAYLOAD, PAYLOAD, "delta@testo.example", PAYLOAD],
                      [PAYLOAD, "Eva", "Rossi", "eva.rossi@testo.example", ""]])
    open_data_page(page)
    choose_csv(page, data)

    assert preview_rows(page) == [["2", "Delta Testo Puro Srl", person, "New account"],
                                  ["3", PAYLOAD, "Eva Rossi", f"Not imported: Account name: {BAD_CHARS}"]]
    expect(preview(page)).to_contain_text(f"e.g. {PAYLOAD}")   # the first row's sample beside the mapping
    valid_only(page).check()
    run_import(page)

    expect(report(page)).to_contain_text(done(1, 1))
    expect(report(page).get_by_role("listitem")).to_have_text([f"Line 3: Account name: {BAD_CHARS}"])
    open_found(page, "Delta Testo Puro Srl")
    card = contact_card(page, person)
    expect(card.get_by_role("link", name=person, exact=True)).to_have_text(person)
    expect(card.get_by_text(PAYLOAD, exact=True)).to_have_count(1)
    assert_inert(page, fired)


def test_only_members_who_may_create_accounts_see_the_csv_import(page: Page) -> None:
    sign_in_as(page, "Paolo Greco")   # an employee allowed to create accounts
    open_data_page(page)
    expect(csv_input(page)).to_be_visible()
    expect(page.get_by_role("button", name="Download CSV template", exact=True)).to_be_visible()

    sign_in_as(page, "Sara Lombardi")   # an employee without rights
    open_data_page(page)
    expect(page.get_by_role("button", name="Export clients CSV", exact=True)).to_be_visible()
    expect(csv_input(page)).to_have_count(0)
    expect(page.get_by_text("Import clients from CSV")).to_have_count(0)
    expect(page.get_by_role("button", name="Download CSV template", exact=True)).to_have_count(0)


def test_template_has_the_fifteen_columns_and_the_own_export_adds_no_account(page: Page, tmp_path) -> None:
    open_data_page(page)
    template = download(page, "Download CSV template", tmp_path).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(template))) == [TEMPLATE]

    data, rows = exported_rows(page, tmp_path)
    choose_csv(page, data, "export.csv")

    expect(preview(page)).to_contain_text(f"File export.csv · rows: {len(rows)}")
    summary = preview(page).get_by_text(re.compile(r"^New accounts: "))
    expect(summary).to_have_text(re.compile(r"^New accounts: 0 · Rows adding a contact to an account: 0 · "))
    skipped, problems = (int(n) for n in re.search(r"Skipped: (\d+) · With problems: (\d+)$",
                                                   summary.inner_text()).groups())
    assert skipped + problems == len(rows)
    shown = preview_rows(page)
    assert {r[3] for r in shown} == {"Already there: skipped (existing contact)", AMBIGUOUS}, shown
    # The rows with problems are exactly those of the names several demo accounts share.
    shared = {r[1] for r in shown if r[3] == AMBIGUOUS}
    assert 1 <= len(shared) <= DEMO_ACCOUNTS - len({r["Account name"] for r in rows}), shared
    assert problems == sum(r["Account name"] in shared for r in rows)
    for name in shared:
        assert option_names(page, name).count(name) >= 2, name

    run_import(page)
    expect(report(page)).to_contain_text(f"Nothing was imported. Rows with problems: {problems}.")
    valid_only(page).check()
    run_import(page)
    expect(report(page)).to_contain_text(done(0, 0))
    assert clients_total(page) == DEMO_ACCOUNTS
