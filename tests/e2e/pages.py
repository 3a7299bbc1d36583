"""Page helpers for the end-to-end tests: every element is found by role and accessible name.

These read the screen the way a user (or a screen reader) does; they never assert anything
themselves, except by waiting, through Playwright's `expect`, for what they read to be there.
"""

from __future__ import annotations

import re
import unicodedata

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import wait_ready

DEMO_ACCOUNTS = 300
MEMBERS = ("Giulia Bianchi", "Marco Ferri", "Laura Conti", "Paolo Greco", "Sara Lombardi",
           "Tom Walker")
COLUMNS = ("Name", "Type", "Tags", "Team", "Email")
SHOWING = re.compile(r"^(?:Showing|Visualizzati) (\d+)–(\d+) (?:of|di) (\d+)$")
PROFILE_URL = re.compile(r"#/accounts/(\d+)/(overview|info)$")


def fold(text: str) -> str:
    """How a person compares names alphabetically: ignoring case and accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reload(page: Page) -> None:
    page.reload()
    wait_ready(page)


# Sidebar -------------------------------------------------------------------------------
def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True)


def member_select(page: Page) -> Locator:
    return page.get_by_role("combobox", name="Signed in as", exact=True)


def sign_in_as(page: Page, member: str) -> None:
    member_select(page).select_option(label=member)
    expect(selected_option(member_select(page))).to_have_text(member)


def selected_option(select: Locator) -> Locator:
    """The option a drop-down shows as chosen."""
    return select.get_by_role("option", selected=True)


# Clients list ----------------------------------------------------------------------------
def clients_table(page: Page) -> Locator:
    return page.get_by_role("table", name="Clients")


def rows(page: Page) -> Locator:
    """The table's data rows (the header row holds column headers, not cells)."""
    return page.get_by_role("table").get_by_role("row").filter(has=page.get_by_role("cell"))


def showing(page: Page) -> Locator:
    return page.get_by_text(SHOWING)


def showing_numbers(page: Page) -> tuple[int, int, int]:
    """(first, last, total) from the "Showing A–B of N" text."""
    expect(showing(page)).to_be_visible()
    match = SHOWING.match(showing(page).inner_text().strip())
    assert match, showing(page).inner_text()
    first, last, total = (int(n) for n in match.groups())
    return first, last, total


def showing_total(page: Page) -> int:
    return showing_numbers(page)[2]


def table_cells(page: Page, headers: tuple[str, ...] = COLUMNS) -> list[dict[str, str]]:
    """Every data row as {column header: cell text}, in the order shown."""
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_count(len(headers))
    where = {h: table.get_by_role("columnheader", name=h, exact=True).evaluate("th => th.cellIndex")
             for h in headers}
    texts = rows(page).get_by_role("cell").all_inner_texts()
    width = len(headers)
    return [{h: texts[start + where[h]].strip() for h in headers}
            for start in range(0, len(texts), width)]


def column(page: Page, header: str, headers: tuple[str, ...] = COLUMNS) -> list[str]:
    return [row[header] for row in table_cells(page, headers)]


def names(page: Page) -> list[str]:
    return column(page, "Name")


def filter_select(page: Page, label: str) -> Locator:
    return page.get_by_role("combobox", name=label, exact=True)


def choose_filter(page: Page, label: str, option: str) -> None:
    """Pick a filter value and wait until the list has been redrawn with it."""
    before = showing(page).inner_text()
    filter_select(page, label).select_option(label=option)
    expect(selected_option(filter_select(page, label))).to_have_text(option)
    expect(showing(page)).not_to_have_text(before)


def open_client(page: Page, name_link: Locator) -> tuple[str, str]:
    """Click a name link in the list; returns (name, href) once the profile shows."""
    name, href = name_link.inner_text().strip(), name_link.get_attribute("href")
    name_link.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return name, href


# Search ----------------------------------------------------------------------------------
def search_box(page: Page) -> Locator:
    return page.get_by_role("combobox", name="Search clients")


def results(page: Page) -> Locator:
    return page.get_by_role("listbox", name="Search results")


def options(page: Page) -> Locator:
    return results(page).get_by_role("option")


def search(page: Page, text: str) -> list[str]:
    """Type into the search box; returns the result options' texts (empty if none match)."""
    search_box(page).fill(text)
    expect(results(page).or_(page.get_by_text("No clients match"))).to_be_visible()
    if page.get_by_text("No clients match").is_visible():
        return []
    return [t.strip() for t in options(page).all_inner_texts()]


def clear_search(page: Page) -> None:
    search_box(page).fill("")
    expect(results(page)).to_have_count(0)
    expect(page.get_by_text("No clients match")).to_have_count(0)


# Profile ---------------------------------------------------------------------------------
def page_heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def details(page: Page) -> dict[str, str]:
    """The Account details region as {term: definition}."""
    region = page.get_by_role("region", name="Account details")
    expect(region).to_be_visible()
    terms = region.get_by_role("term").all_inner_texts()
    values = region.get_by_role("definition").all_inner_texts()
    return {t.strip(): v.strip() for t, v in zip(terms, values, strict=True)}
