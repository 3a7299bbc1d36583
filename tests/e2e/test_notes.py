"""Notes on the Overview tab (F-OVERVIEW-11): add with validation, edit, delete, access.

Notes are written in the Notes section itself; a polite live region says what happened.
"""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import (
    announced,
    entries,
    entry_texts,
    first_account,
    go_to_account,
    page_heading,
    rows,
    section,
    sign_in_as,
    table_cells,
    table_rows,
    view_all_table,
)

HOSTILE = "<img src=x onerror=alert(1)>"


def notes(page: Page) -> Locator:
    return section(page, "Notes")


def note(page: Page, text: str) -> Locator:
    """The note entry showing `text` (its body is the entry's first line)."""
    return entries(notes(page)).filter(has_text=text)


def add_note(page: Page, text: str) -> None:
    notes(page).get_by_role("textbox", name="New note", exact=True).fill(text)
    notes(page).get_by_role("button", name="Add note", exact=True).click()
    expect(note(page, text)).to_have_count(1)


def account_with_notes(page: Page, site_url: str) -> int:
    """An account with notes, none of them dated today (a new note must come out newest)."""
    today = date.today()
    shown_today = f"{today:%b} {today.day}, {today.year},"
    def wanted(p: Page) -> bool:
        texts = entry_texts(notes(p))
        return bool(texts) and not any(shown_today in t for t in texts)
    return first_account(page, site_url, "overview", wanted)


def test_empty_note_is_refused_then_a_valid_note_is_added_first_with_its_author(
        page: Page, site_url: str) -> None:
    account_id = account_with_notes(page, site_url)
    before = entry_texts(notes(page))
    box = notes(page).get_by_role("textbox", name="New note", exact=True)

    box.fill("   ")
    notes(page).get_by_role("button", name="Add note").click()

    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_accessible_description("Write something first.")
    error_id = box.get_attribute("aria-describedby")
    expect(notes(page).locator(f"#{error_id}")).to_have_text("Write something first.")
    expect(notes(page).get_by_role("alert")).to_have_text(re.compile(r"^Please correct \w"))
    expect(box).to_be_focused()
    assert entry_texts(notes(page)) == before
    expect(announced(page, "Note added.")).to_have_count(0)

    text = "Called about the VAT return; documents by Friday."
    box.fill(text)
    notes(page).get_by_role("button", name="Add note").click()

    expect(entries(notes(page)).first).to_contain_text(text)
    expect(entries(notes(page)).first).to_contain_text("Giulia Bianchi ·")
    expect(announced(page, "Note added.")).to_be_visible()
    expect(box).to_have_value("")
    expect(box).not_to_have_attribute("aria-invalid", "true")
    expect(notes(page).get_by_role("alert")).to_have_count(0)  # an empty alert is not shown
    expect(notes(page).get_by_text("Write something first.")).to_have_count(0)
    expect(entries(notes(page))).to_have_count(min(5, len(before) + 1))
    assert entry_texts(notes(page))[1:] == before[:4]  # the others follow, newest first

    # The full list has it first too, with its author.
    notes(page).get_by_role("link", name="View all Notes").click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/notes$"))
    table = view_all_table(page, "Notes")
    expect(table.get_by_role("row").nth(1)).to_contain_text(text)
    assert table_rows(table)[0][:2] == [text, "Giulia Bianchi"]


def test_own_note_can_be_edited_cancelled_and_deleted_after_confirmation(
        page: Page, site_url: str) -> None:
    account_with_notes(page, site_url)
    add_note(page, "Ask for the 2025 bank statements.")
    total = entries(notes(page)).count()
    mine = note(page, "Ask for the 2025 bank statements.")

    mine.get_by_role("button", name="Edit", exact=True).click()
    editor = notes(page).get_by_role("textbox", name="Edit note", exact=True)
    expect(editor).to_be_focused()
    expect(editor).to_have_value("Ask for the 2025 bank statements.")
    editor.fill("")
    notes(page).get_by_role("button", name="Save", exact=True).click()
    expect(editor).to_have_attribute("aria-invalid", "true")
    expect(editor).to_have_accessible_description("Write something first.")

    editor.fill("Ask for the 2024 and 2025 bank statements.")
    notes(page).get_by_role("button", name="Save", exact=True).click()

    expect(announced(page, "Note saved.")).to_be_visible()
    expect(editor).to_have_count(0)
    edited = note(page, "Ask for the 2024 and 2025 bank statements.")
    expect(edited).to_contain_text("Giulia Bianchi ·")
    expect(note(page, "Ask for the 2025 bank statements.")).to_have_count(0)
    expect(entries(notes(page))).to_have_count(total)

    # Cancel leaves the text as it was.
    edited.get_by_role("button", name="Edit").click()
    editor.fill("Something else entirely")
    notes(page).get_by_role("button", name="Cancel", exact=True).click()
    expect(editor).to_have_count(0)
    expect(edited).to_have_count(1)
    expect(note(page, "Something else entirely")).to_have_count(0)

    # Delete asks first; Cancel keeps the note, Confirm removes it.
    edited.get_by_role("button", name="Delete", exact=True).click()
    dialog = page.get_by_role("alertdialog", name="Delete this note?")
    expect(dialog).to_contain_text("Ask for the 2024 and 2025 bank statements.")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()   # the safe choice first
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(edited).to_have_count(1)

    edited.get_by_role("button", name="Delete", exact=True).click()
    dialog.get_by_role("button", name="Confirm").click()

    expect(dialog).to_have_count(0)
    expect(announced(page, "Note deleted.")).to_be_visible()
    expect(edited).to_have_count(0)
    expect(entries(notes(page))).to_have_count(total - 1)


def test_note_with_markup_is_shown_as_text_and_never_run(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    account_id = account_with_notes(page, site_url)

    add_note(page, HOSTILE)

    expect(entries(notes(page)).first).to_contain_text(HOSTILE)
    expect(notes(page).get_by_role("img")).to_have_count(0)
    expect(notes(page).locator("img")).to_have_count(0)
    notes(page).get_by_role("link", name="View all Notes").click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/notes$"))
    table = view_all_table(page, "Notes")
    expect(table.get_by_role("row").nth(1)).to_contain_text(HOSTILE)
    expect(table.locator("img")).to_have_count(0)
    assert dialogs == []  # and the `watch` fixture checks that no script error was raised


def account_hidden_from_sara(page: Page, site_url: str) -> tuple[int, str]:
    """(id, name) of a client, not on Sara Lombardi's team, with documents and notes."""
    for index, row in enumerate(table_cells(page)):
        if "Sara Lombardi" in row["Team"]:
            continue
        href = rows(page).nth(index).get_by_role("link", name=row["Name"], exact=True).get_attribute("href")
        account_id = int(re.search(r"#/accounts/(\d+)/", href).group(1))
        go_to_account(page, site_url, account_id)
        if entries(section(page, "Documents")).count() and entries(notes(page)).count():
            return account_id, row["Name"]
        page.go_back()
        expect(rows(page).first).to_be_visible()
    raise AssertionError("no client on the first page fits")


def test_member_without_access_cannot_reach_an_accounts_notes_or_documents(
        page: Page, site_url: str) -> None:
    account_id, account_name = account_hidden_from_sara(page, site_url)
    document = entries(section(page, "Documents")).get_by_role("link").first
    document_name, document_href = document.inner_text().strip(), document.get_attribute("href")
    note_bodies = [t.splitlines()[0] for t in entry_texts(notes(page))]

    sign_in_as(page, "Sara Lombardi")

    for path in (f"#/accounts/{account_id}/notes", document_href, f"#/accounts/{account_id}/documents"):
        page.goto(site_url + "#/clients")  # somewhere else first, so each refusal is drawn anew
        expect(page_heading(page)).to_have_text("Clients")
        page.goto(site_url + path)
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        expect(page_heading(page)).to_have_text("No access")
        main = page.get_by_role("main")
        expect(main.get_by_role("textbox", name="New note")).to_have_count(0)
        expect(main.get_by_role("table")).to_have_count(0)
        expect(main.get_by_role("tablist")).to_have_count(0)
        for text in (account_name, document_name, *note_bodies):
            expect(main).not_to_contain_text(text)

    # The same addresses open for a member who may see every account.
    sign_in_as(page, "Laura Conti")
    expect(page_heading(page)).to_have_text(account_name)
    expect(view_all_table(page, "Documents").get_by_role("link", name=document_name).first).to_be_visible()


def test_notes_form_speaks_italian(page: Page, site_url: str) -> None:
    account_with_notes(page, site_url)
    page.get_by_role("combobox", name="Language").select_option(label="Italiano")
    region = section(page, "Note")
    box = region.get_by_role("textbox", name="Nuova nota", exact=True)

    region.get_by_role("button", name="Aggiungi nota").click()

    expect(box).to_have_accessible_description("Scrivi qualcosa prima di salvare.")
    expect(region.get_by_role("alert")).to_have_text(re.compile(r"^Correggi \w"))
    box.fill("Richiamare dopo le ferie.")
    region.get_by_role("button", name="Aggiungi nota").click()
    expect(announced(page, "Nota aggiunta.")).to_be_visible()
    added = entries(region).filter(has_text="Richiamare dopo le ferie.")
    expect(added.get_by_role("button", name="Modifica")).to_be_visible()
    added.get_by_role("button", name="Elimina").click()
    page.get_by_role("alertdialog", name="Eliminare questa nota?").get_by_role(
        "button", name="Conferma").click()
    expect(announced(page, "Nota eliminata.")).to_be_visible()
    expect(added).to_have_count(0)
