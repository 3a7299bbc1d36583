"""CSV client import (F-MORE-3): choose a file, check the preview and its mapping, import, read the report.

Each test boots the demo firm (300 accounts) in a fresh browser context, imports a small file
through the Data page and then looks for the result where a user would: the Clients list, the
sidebar search and the account's Info tab. The rules (reuse, bad files, HTML text, rights) are
in test_import_csv_rules.py.
"""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import (
    DEMO_ACCOUNTS,
    clients_table,
    contact_card,
    contact_names,
    details_region,
    go_to_clients,
    list_row,
    open_data_page,
    option_names,
    options,
    page_heading,
    profile_tab,
    search,
    selected_option,
    showing,
    table_rows,
)

REQUIRED = "Required: choose the column that holds it."


# Helpers (also used by test_import_csv_rules.py) ----------------------------------------
def csv_bytes(rows: list[list[str]], delimiter: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def csv_input(page: Page) -> Locator:
    return page.get_by_label("Import clients from CSV", exact=True)


def choose_csv(page: Page, data: bytes, name: str = "clients.csv") -> None:
    csv_input(page).set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": data}])


def preview(page: Page) -> Locator:
    return page.get_by_role("region", name="Import preview", exact=True)


def report(page: Page) -> Locator:
    return page.get_by_role("region", name="Import report", exact=True)


def mapping(page: Page, header: str) -> Locator:
    return preview(page).get_by_role("combobox", name=f"Map column {header}", exact=True)


def preview_table(page: Page) -> Locator:
    return preview(page).get_by_role("table").filter(
        has=page.get_by_role("columnheader", name="What happens", exact=True))


def preview_rows(page: Page) -> list[list[str]]:
    """Each listed row as [line, account, contact, what happens]."""
    expect(preview_table(page)).to_be_visible()
    return table_rows(preview_table(page))


def import_button(page: Page) -> Locator:
    return preview(page).get_by_role("button", name="Import", exact=True)


def valid_only(page: Page) -> Locator:
    return preview(page).get_by_role("checkbox", name=re.compile(r"^Import the valid rows only"))


def run_import(page: Page) -> None:
    import_button(page).click()
    expect(report(page)).to_be_visible()


def done(accounts: int, contacts: int, linked: int = 0, receiving: int = 0) -> str:
    return (f"Imported. New accounts: {accounts} · New contacts: {contacts} · Existing contacts linked: "
            f"{linked} · Existing accounts that received contacts: {receiving}")


def clients_total(page: Page) -> int:
    """The "Showing 1–25 of N" total on the Clients page (the page is left open)."""
    go_to_clients(page)
    expect(showing(page)).to_have_text(re.compile(r" of \d+$"))
    return int(showing(page).inner_text().rsplit(" ", 1)[1])


def open_found(page: Page, name: str) -> None:
    """Search for `name` in the sidebar, click its result, and show the profile's Info tab."""
    assert name in option_names(page, name), search(page, name)
    options(page).filter(has_text=re.compile(rf"^{re.escape(name)} · ")).first.click()
    expect(page_heading(page)).to_have_text(name)
    profile_tab(page, "Info").click()
    expect(page.get_by_role("region", name="Contacts", exact=True)).to_be_visible()


# Tests --------------------------------------------------------------------------------
def test_italian_semicolon_file_with_bom_maps_itself_and_creates_one_account_with_two_contacts(
        page: Page) -> None:
    data = ("\ufeffNome;Cognome;E-mail;Telefono;Città;Ragione sociale;Descrizione\r\n"
            'Lucia;Zanetti;lucia.zanetti@zeta.example;+39 02 1234 5678;"Milano; zona Navigli";'
            'Zeta Consulenze Srl;"Socia; amministratrice\r\nunica"\r\n'
            "Piero;Zanetti;piero.zanetti@zeta.example;+39 02 8765 4321;Milano;Zeta Consulenze Srl;Socio\r\n"
            ).encode()
    open_data_page(page)
    choose_csv(page, data, "clienti.csv")

    expect(preview(page)).to_be_visible()
    expect(preview(page)).to_contain_text("File clienti.csv · rows: 2")
    for header, field in (("Nome", "First name"), ("Cognome", "Last name"), ("E-mail", "Email"),
                          ("Telefono", "Phone"), ("Città", "City"), ("Ragione sociale", "Account name"),
                          ("Descrizione", "Contact description")):
        expect(selected_option(mapping(page, header))).to_have_text(field)
    # The quoted cell kept its ";" and its line break: the second row starts on line 4.
    assert preview_rows(page) == [
        ["2", "Zeta Consulenze Srl", "Lucia Zanetti", "New account"],
        ["4", "Zeta Consulenze Srl", "Piero Zanetti", "Added to the new account above"]]
    expect(valid_only(page)).to_have_count(0)

    run_import(page)

    expect(report(page)).to_contain_text(done(1, 2))
    expect(preview(page)).to_have_count(0)
    assert clients_total(page) == DEMO_ACCOUNTS + 1
    header = clients_table(page).get_by_role("columnheader", name="Name", exact=True)
    header.get_by_role("button", name="Name").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert list_row(page, "Zeta Consulenze Srl")["Email"] == "lucia.zanetti@zeta.example"

    open_found(page, "Zeta Consulenze Srl")
    assert sorted(contact_names(page)) == ["Lucia Zanetti", "Piero Zanetti"]
    expect(details_region(page)).to_contain_text("Milano; zona Navigli")  # the first row's address
    lucia = contact_card(page, "Lucia Zanetti")
    expect(lucia).to_contain_text(re.compile(r"Socia; amministratrice\s+unica"))
    expect(lucia).to_contain_text("lucia.zanetti@zeta.example")
    expect(lucia).to_contain_text("Primary contact")
    piero = contact_card(page, "Piero Zanetti")
    expect(piero).to_contain_text("piero.zanetti@zeta.example")
    expect(piero).not_to_contain_text("Primary contact")


def test_unknown_headers_are_mapped_by_hand_before_the_rows_can_be_imported(page: Page) -> None:
    data = csv_bytes([["Col A", "Col B", "Col C", "Col D"],
                      ["Nadia", "Orsini", "nadia.orsini@kappa.example", "Kappa Mappatura Sas"],
                      ["Oscar", "Orsini", "oscar.orsini@kappa.example", "Kappa Mappatura Sas"]], ";")
    open_data_page(page)
    choose_csv(page, data)

    for header in ("Col A", "Col B", "Col C", "Col D"):
        expect(selected_option(mapping(page, header))).to_have_text("Do not import")
    expect(preview(page).get_by_role("listitem")).to_have_text([f"First name: {REQUIRED}",
                                                                 f"Last name: {REQUIRED}"])
    expect(preview_table(page)).to_have_count(0)

    mapping(page, "Col A").select_option(label="First name")
    expect(selected_option(mapping(page, "Col A"))).to_have_text("First name")
    expect(preview(page).get_by_role("listitem")).to_have_text([f"Last name: {REQUIRED}"])

    # The same field for two columns is pointed out beside both of them.
    mapping(page, "Col B").select_option(label="First name")
    expect(preview(page).get_by_text("Chosen for two columns.", exact=True)).to_have_count(2)
    expect(mapping(page, "Col B")).to_have_attribute("aria-invalid", "true")
    expect(preview_table(page)).to_have_count(0)

    for header, field in (("Col B", "Last name"), ("Col C", "Email"), ("Col D", "Account name")):
        mapping(page, header).select_option(label=field)
        expect(selected_option(mapping(page, header))).to_have_text(field)
    expect(preview(page).get_by_text(REQUIRED)).to_have_count(0)
    expect(preview(page).get_by_text("Chosen for two columns.")).to_have_count(0)
    assert preview_rows(page) == [
        ["2", "Kappa Mappatura Sas", "Nadia Orsini", "New account"],
        ["3", "Kappa Mappatura Sas", "Oscar Orsini", "Added to the new account above"]]

    run_import(page)

    expect(report(page)).to_contain_text(done(1, 2))
    open_found(page, "Kappa Mappatura Sas")
    assert sorted(contact_names(page)) == ["Nadia Orsini", "Oscar Orsini"]
    expect(contact_card(page, "Nadia Orsini")).to_contain_text("nadia.orsini@kappa.example")


def test_one_bad_row_stops_the_whole_import_until_the_valid_rows_only_are_chosen(page: Page) -> None:
    account = "Gamma Tuttoonulla Srl"
    data = csv_bytes([["Account name", "First name", "Last name", "Email"],
                      [account, "Anna", "Verdi", "anna.verdi@gamma.example"],
                      [account, "Bruno", "Neri", "bruno.neri@gamma.example"],
                      [account, "Carla", "Bianco", "carla.bianco@@gamma"],
                      [account, "Dario", "Rosa", "dario.rosa@gamma.example"]])
    open_data_page(page)
    choose_csv(page, data)

    rows = preview_rows(page)
    assert [r[0] for r in rows] == ["2", "3", "4", "5"], rows
    assert rows[2] == ["4", account, "Carla Bianco", "Not imported: Email: Not a valid email address."]
    expect(valid_only(page)).to_have_accessible_name(
        "Import the valid rows only (rows with problems left out: 1)")
    expect(valid_only(page)).not_to_be_checked()

    run_import(page)

    expect(report(page)).to_contain_text("Nothing was imported. Rows with problems: 1.")
    expect(report(page).get_by_role("listitem")).to_have_text(["Line 4: Email: Not a valid email address."])
    assert clients_total(page) == DEMO_ACCOUNTS
    assert account not in option_names(page, "Gamma Tuttoonulla")

    open_data_page(page)   # the preview waits there, as it was left
    valid_only(page).check()
    run_import(page)

    expect(report(page)).to_contain_text(done(1, 3))
    expect(report(page).get_by_role("heading", name="Rows not imported")).to_be_visible()
    expect(report(page).get_by_role("listitem")).to_have_text(["Line 4: Email: Not a valid email address."])
    assert clients_total(page) == DEMO_ACCOUNTS + 1
    open_found(page, account)
    assert sorted(contact_names(page)) == ["Anna Verdi", "Bruno Neri", "Dario Rosa"]


def test_cancel_closes_the_preview_and_adds_nothing(page: Page) -> None:
    data = csv_bytes([["Account name", "First name", "Last name", "Email"],
                      ["Omega Annullata Srl", "Ugo", "Fermo", "ugo.fermo@omega.example"]])
    open_data_page(page)
    choose_csv(page, data)
    assert preview_rows(page) == [["2", "Omega Annullata Srl", "Ugo Fermo", "New account"]]

    preview(page).get_by_role("button", name="Cancel", exact=True).click()

    expect(preview(page)).to_have_count(0)
    expect(report(page)).to_have_count(0)
    expect(csv_input(page)).to_be_focused()
    assert clients_total(page) == DEMO_ACCOUNTS
    assert "Omega Annullata Srl" not in option_names(page, "Omega Annullata")


def test_the_same_file_chosen_again_after_cancel_is_previewed_again(page: Page, tmp_path) -> None:
    """Chosen from the disk, as the file chooser does: no change is sent for a file the input
    still holds, so the page must have let go of it."""
    path = tmp_path / "clients.csv"
    path.write_bytes(csv_bytes([["Account name", "First name", "Last name", "Email"],
                                ["Omega Ripresa Srl", "Ugo", "Fermo", "ugo.fermo@omega.example"]]))
    open_data_page(page)
    for _attempt in range(2):
        csv_input(page).set_input_files(path)
        assert preview_rows(page) == [["2", "Omega Ripresa Srl", "Ugo Fermo", "New account"]]
        preview(page).get_by_role("button", name="Cancel", exact=True).click()
        expect(preview(page)).to_have_count(0)
    assert clients_total(page) == DEMO_ACCOUNTS
    assert option_names(page, "ugo.fermo@omega") == []
