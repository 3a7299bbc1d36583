"""The Overview tab (F-OVERVIEW-1 … 13): thirteen sections, their "View all" pages, New badges.

The demo data is random but the same all day: each test looks for an account that has what
it needs and derives what it expects from what the screens show.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import (
    SECTION_KEYS,
    SECTIONS,
    document_entry,
    entries,
    entry_texts,
    first_account,
    new_documents,
    profile_tab,
    section,
    selected_option,
    sign_in_as,
    table_rows,
    view_all_table,
)

COLUMNS = {
    "Documents": ("Name", "From", "By", "Date"),
    "Tasks": ("Task", "Due", "Assignee", "Status"),
    "Emails": ("Subject", "Date", "Status"),
    "Jobs": ("Job", "Pipeline", "Stage"),
    "Chats": ("Conversation", "Sent by", "Date", "Reply"),
    "Unpaid invoices": ("Invoice", "Issued", "Amount", "Amount due", "Status", "Credit"),
    "Approvals": ("Document", "Requested", "Status"),
    "Signatures": ("Document", "Sent", "Signers, in order", "Still to sign"),
    "Organizers": ("Organizer", "Sent", "Status", "Progress"),
    "Login activity": ("Contact", "Last login"),
    "Notes": ("Note", "Author", "Date"),
    "Time entries": ("Date", "Member", "Duration", "Description", "Billable"),
    "Proposals & ELs": ("Name", "Kind", "Sent", "Status"),
}
EMPTY = {
    "Documents": "No documents", "Tasks": "No planned or in-progress tasks", "Emails": "No emails",
    "Jobs": "No current jobs", "Chats": "No chat messages", "Unpaid invoices": "No unpaid invoices",
    "Approvals": "No documents waiting for approval",
    "Signatures": "No documents waiting for a signature", "Organizers": "No organizers",
    "Login activity": "No contacts", "Notes": "No notes", "Time entries": "No time entries",
    "Proposals & ELs": "No proposals or engagement letters",
}
SHOW_ALL = ("Jobs", "Login activity")  # every current job, every contact; the others show five
SECTIONS_IT = ("Documenti", "Attività", "Email", "Pratiche", "Chat", "Fatture non pagate",
               "Approvazioni", "Firme", "Questionari", "Accessi", "Note", "Tempi registrati",
               "Proposte e lettere d'incarico")
EURO = r"€\d{1,3}(?:,\d{3})*\.\d{2}"
EURO_IT = r"\d{1,3}(?:\.\d{3})*,\d{2} €"


def links_of(table) -> list[str]:
    return table.get_by_role("link").evaluate_all("as => as.map(a => a.getAttribute('href'))")


def rich_account(page: Page, site_url: str) -> int:
    """An account with more than five documents, one of them New for the signed-in member,
    and unpaid invoices."""
    def wanted(p: Page) -> bool:
        documents = section(p, "Documents")
        return (documents.get_by_text(re.compile(r"^\d+ in all$")).count() == 1
                and bool(new_documents(p)) and entries(section(p, "Unpaid invoices")).count() > 0)
    return first_account(page, site_url, "overview", wanted)


def test_overview_shows_thirteen_sections_in_order_each_with_entries_or_words(
        page: Page, site_url: str) -> None:
    account_id = rich_account(page, site_url)

    expect(profile_tab(page, "Overview")).to_have_attribute("aria-selected", "true")
    regions = page.get_by_role("tabpanel").get_by_role("region")
    expect(regions).to_have_count(len(SECTIONS))
    for index, (name, key) in enumerate(zip(SECTIONS, SECTION_KEYS, strict=True)):
        region = regions.nth(index)
        expect(region).to_have_accessible_name(name)
        expect(region.get_by_role("heading", level=2)).to_have_text(name)
        link = region.get_by_role("link", name=f"View all {name}", exact=True)
        expect(link).to_have_attribute("href", f"#/accounts/{account_id}/{key}")
        count = entries(region).count()
        if name not in SHOW_ALL:
            assert count <= 5, (name, count)
        if count == 0:
            expect(region.get_by_text(EMPTY[name], exact=True)).to_be_visible()

    documents = section(page, "Documents")
    expect(entries(documents)).to_have_count(5)
    assert int(documents.get_by_text(re.compile(r"^\d+ in all$")).inner_text().split()[0]) > 5
    for entry in entries(documents).all():
        expect(entry.get_by_role("link")).to_have_count(1)
        expect(entry).to_contain_text(re.compile(r"(Uploaded by the client|Shared by the firm) · "))
    assert new_documents(page)

    invoices = entry_texts(section(page, "Unpaid invoices"))
    for text in invoices:
        assert len(re.findall(EURO, text)) == 2, text  # the amount, and what is still due
        assert ("Can be paid with credit" in text) != ("Credit not enough" in text), text
        assert re.search(r"· (Unpaid|Partially paid) ·", text), text
    for text in entry_texts(section(page, "Tasks")):
        assert re.search(r"· (Planned|In progress)$", text), text
    for text in entry_texts(section(page, "Approvals")):
        assert text.endswith("· Waiting for approval"), text
    for text in entry_texts(section(page, "Login activity")):
        assert re.search(r"\n(Never|[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2})$", text), text


def test_every_view_all_page_lists_the_whole_section_with_its_columns_and_leads_back(
        page: Page, site_url: str) -> None:
    account_id = rich_account(page, site_url)

    for name, key in zip(SECTIONS, SECTION_KEYS, strict=True):
        shown = entry_texts(section(page, name))
        section(page, name).get_by_role("link", name=f"View all {name}", exact=True).click()

        expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/{key}$"))
        panel = page.get_by_role("tabpanel")
        expect(panel.get_by_role("link", name="Back to the overview")).to_be_visible()
        expect(panel.get_by_role("heading", level=2)).to_have_text(name)
        expect(profile_tab(page, "Overview")).to_have_attribute("aria-selected", "true")
        expect(selected_option(page.get_by_role("combobox", name="Order"))).to_have_text("Newest first")
        table = view_all_table(page, name)
        if not shown:
            expect(panel.get_by_text(EMPTY[name], exact=True)).to_be_visible()
            expect(table).to_have_count(0)
        else:
            expect(table.get_by_role("columnheader")).to_have_text(list(COLUMNS[name]))
            rows = table_rows(table)
            total = len(rows)
            expect(panel.get_by_text(f"Showing 1–{total} of {total}", exact=True)).to_be_visible()
            expect(panel.get_by_role("button", name="Previous page")).to_be_disabled()
            assert len(shown) == (total if name in SHOW_ALL else min(5, total)), (name, shown, rows)
            # The overview shows the newest entries, with the same values as the full list.
            for entry, row in zip(shown, rows, strict=False):
                first = row[0].removesuffix("New") if key == "documents" else row[0]
                assert entry.startswith(first), (name, entry, row)
                assert all(cell in entry for cell in row[1:]), (name, entry, row)
        panel.get_by_role("link", name="Back to the overview").click()
        expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/overview$"))
        expect(section(page, name)).to_be_visible()


def test_view_all_order_puts_the_oldest_first_in_the_address_and_the_rows(
        page: Page, site_url: str) -> None:
    account_id = rich_account(page, site_url)
    section(page, "Documents").get_by_role("link", name="View all Documents").click()
    table = view_all_table(page, "Documents")
    expect(table.get_by_role("row")).not_to_have_count(0)
    newest_first = table_rows(table)
    hrefs = links_of(table)  # documents are told apart by their addresses: names repeat
    assert len(newest_first) > 5

    page.get_by_role("combobox", name="Order").select_option(label="Oldest first")

    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/documents\?order=asc$"))
    expect(table.get_by_role("link").first).to_have_attribute("href", hrefs[-1])
    expect(selected_option(page.get_by_role("combobox", name="Order"))).to_have_text("Oldest first")
    assert links_of(table) == hrefs[::-1]
    assert table_rows(table) == newest_first[::-1]

    page.go_back()
    expect(table.get_by_role("link").first).to_have_attribute("href", hrefs[0])
    expect(selected_option(page.get_by_role("combobox", name="Order"))).to_have_text("Newest first")
    assert table_rows(table) == newest_first


def test_opening_a_document_clears_its_new_badge_for_that_member_only(page: Page, site_url: str) -> None:
    # A document that neither the owner nor Laura Conti (who sees every account) has opened.
    other = "Laura Conti"
    def new_for_both(p: Page) -> bool:
        if not new_documents(p):
            return False
        sign_in_as(p, other)
        theirs = new_documents(p)
        sign_in_as(p, "Giulia Bianchi")
        return any(href in theirs for href in new_documents(p))
    account_id = first_account(page, site_url, "overview", new_for_both)
    sign_in_as(page, other)
    theirs = new_documents(page)
    sign_in_as(page, "Giulia Bianchi")
    href, name = next((h, n) for h, n in new_documents(page).items() if h in theirs)
    expect(document_entry(page, href).get_by_text("New", exact=True)).to_be_visible()

    document_entry(page, href).get_by_role("link", name=name, exact=True).click()

    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_role("link", name="Back to the overview")).to_be_visible()
    expect(panel.get_by_role("heading", level=2)).to_have_text(name)
    terms = panel.get_by_role("term").all_inner_texts()
    viewers = panel.get_by_role("definition").nth(terms.index("Viewed by")).get_by_role("listitem")
    expect(viewers.filter(has_text=re.compile(r"^Giulia Bianchi · "))).to_have_count(1)
    expect(viewers.filter(has_text=re.compile(rf"^{other} · "))).to_have_count(0)
    panel.get_by_role("link", name="Back to the overview").click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/overview$"))
    expect(document_entry(page, href)).to_be_visible()
    expect(document_entry(page, href).get_by_text("New", exact=True)).to_have_count(0)

    sign_in_as(page, other)
    expect(document_entry(page, href).get_by_text("New", exact=True)).to_be_visible()

    # Back to the owner: still opened, and on the full list too.
    sign_in_as(page, "Giulia Bianchi")
    expect(document_entry(page, href)).to_be_visible()
    expect(document_entry(page, href).get_by_text("New", exact=True)).to_have_count(0)
    section(page, "Documents").get_by_role("link", name="View all Documents").click()
    table = view_all_table(page, "Documents")
    row = table.get_by_role("row").filter(has=page.locator(f"a[href='{href}']"))
    expect(row.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(row.get_by_text("New", exact=True)).to_have_count(0)
    sign_in_as(page, other)
    expect(row.get_by_text("New", exact=True)).to_be_visible()


def test_overview_and_view_all_in_italian(page: Page, site_url: str) -> None:
    account_id = rich_account(page, site_url)

    page.get_by_role("combobox", name="Language").select_option(label="Italiano")

    expect(profile_tab(page, "Panoramica")).to_have_attribute("aria-selected", "true")
    regions = page.get_by_role("tabpanel").get_by_role("region")
    for index, name in enumerate(SECTIONS_IT):
        expect(regions.nth(index)).to_have_accessible_name(name)
        expect(regions.nth(index).get_by_role("link", name=f"Vedi tutto: {name}")).to_have_text("Vedi tutto")
    expect(page.get_by_role("tabpanel")).not_to_contain_text("View all")
    assert new_documents(page, "Nuovo", "Documenti")
    assert not new_documents(page, "New", "Documenti")
    for text in entry_texts(section(page, "Fatture non pagate")):
        assert len(re.findall(EURO_IT, text)) == 2, text
        assert ("Pagabile con il credito" in text) != ("Credito insufficiente" in text), text

    section(page, "Fatture non pagate").get_by_role("link", name="Vedi tutto: Fatture non pagate").click()

    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/invoices$"))
    table = view_all_table(page, "Fatture non pagate")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Fattura", "Emessa", "Importo", "Da pagare", "Stato", "Credito"])
    rows = table_rows(table)
    expect(page.get_by_text(f"Visualizzati 1–{len(rows)} di {len(rows)}", exact=True)).to_be_visible()
    assert all(re.fullmatch(EURO_IT, row[2]) and re.fullmatch(EURO_IT, row[3]) for row in rows), rows
    expect(selected_option(page.get_by_role("combobox", name="Ordine"))).to_have_text("Prima i più recenti")
    page.get_by_role("link", name="Torna alla panoramica").click()
    expect(section(page, "Fatture non pagate")).to_be_visible()

    page.get_by_role("combobox", name="Lingua").select_option(label="English")
    expect(section(page, "Unpaid invoices")).to_be_visible()
    expect(section(page, "Documents").get_by_role("link", name="View all Documents")).to_be_visible()
