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


# Account screens (profile, overview sections, View all pages) ----------------------------
SECTIONS = ("Documents", "Tasks", "Emails", "Jobs", "Chats", "Unpaid invoices", "Approvals",
            "Signatures", "Organizers", "Login activity", "Notes", "Time entries", "Proposals & ELs")
SECTION_KEYS = ("documents", "tasks", "emails", "jobs", "chats", "invoices", "approvals",
                "signatures", "organizers", "logins", "notes", "time", "proposals")


def profile_tab(page: Page, name: str) -> Locator:
    return page.get_by_role("tablist").get_by_role("tab", name=name, exact=True)


def go_to_account(page: Page, site_url: str, account_id: int, view: str = "overview") -> None:
    """Open `#/accounts/<id>/<view>` and wait until that screen has been drawn (English UI)."""
    page.goto(f"{site_url}#/accounts/{account_id}/{view}")
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/{re.escape(view)}$"))
    expect(page.get_by_role("tablist").get_by_role("tab").first).to_have_attribute(
        "href", f"#/accounts/{account_id}/overview")
    panel = page.get_by_role("tabpanel")
    drawn = {"overview": panel.get_by_role("region", name="Documents", exact=True),
             "info": panel.get_by_role("region", name="Account details", exact=True),
             "history": panel.get_by_role("link", name="Back to Info")}
    expect(drawn.get(view, panel.get_by_role("link", name="Back to the overview"))).to_be_visible()


def first_account(page: Page, site_url: str, view: str, wanted, tries: int = DEMO_ACCOUNTS) -> int:
    """The first account id whose `view` satisfies `wanted(page)`; the page is left showing it.

    The demo data is random (though the same all day), so tests look for an account that has
    what they need instead of relying on a fixed id.
    """
    for account_id in range(1, tries + 1):
        go_to_account(page, site_url, account_id, view)
        if wanted(page):
            return account_id
    raise AssertionError(f"no demo account has what this test needs on its {view} screen")


def section(page: Page, name: str) -> Locator:
    """An Overview section: a region named by its heading."""
    return page.get_by_role("tabpanel").get_by_role("region", name=name, exact=True)


def entries(region: Locator) -> Locator:
    return region.get_by_role("listitem")


def entry_texts(region: Locator) -> list[str]:
    return [t.strip() for t in entries(region).all_inner_texts()]


def new_documents(page: Page, new: str = "New", documents: str = "Documents") -> dict[str, str]:
    """{href: name} of the Documents entries that carry the New badge, in the order shown."""
    marked = entries(section(page, documents)).filter(has=page.get_by_text(new, exact=True))
    links = marked.get_by_role("link")
    return dict(zip(links.evaluate_all("as => as.map(a => a.getAttribute('href'))"),
                    [t.strip() for t in links.all_inner_texts()], strict=True))


def document_entry(page: Page, href: str) -> Locator:
    """The Documents entry whose link goes to `href` (names repeat, addresses do not)."""
    return entries(section(page, "Documents")).filter(has=page.locator(f"a[href='{href}']"))


def view_all_table(page: Page, title: str) -> Locator:
    return page.get_by_role("tabpanel").get_by_role("table", name=title, exact=True)


def table_rows(table: Locator) -> list[list[str]]:
    """Each data row's cell texts, in the order shown."""
    data = table.get_by_role("row").filter(has=table.page.get_by_role("cell"))
    return [[c.strip() for c in row.get_by_role("cell").all_inner_texts()] for row in data.all()]


def announced(page: Page, text: str) -> Locator:
    """The polite live region once it says `text` (what a screen reader would read out)."""
    return page.locator("[aria-live=polite]").filter(has_text=text)


def contact_names(page: Page) -> list[str]:
    """The linked contacts' names in the Info tab's Contacts region, in the order shown."""
    region = page.get_by_role("region", name="Contacts", exact=True)
    return [t.strip() for t in entries(region).get_by_role("link").all_inner_texts()]


# ==== Editing helpers (accounts, contacts, XSS checks) -- added for test_edit_*.py, test_xss.py ====
def details_region(page: Page) -> Locator:
    return page.get_by_role("region", name="Account details", exact=True)


def contacts_region(page: Page) -> Locator:
    return page.get_by_role("region", name="Contacts", exact=True)


def contact_card(page: Page, full_name: str) -> Locator:
    """The Contacts listitem whose name link reads `full_name`."""
    return entries(contacts_region(page)).filter(
        has=page.get_by_role("link", name=full_name, exact=True))


def dialog(page: Page, name: str) -> Locator:
    return page.get_by_role("dialog", name=name, exact=True)


def alert_dialog(page: Page) -> Locator:
    return page.get_by_role("alertdialog")


def open_edit_account(page: Page) -> Locator:
    """Click Edit beside Account details; returns the open `Edit account details` dialog."""
    details_region(page).get_by_role("button", name="Edit", exact=True).click()
    found = dialog(page, "Edit account details")
    expect(found).to_be_visible()
    return found


def save_dialog(form: Locator, save: str = "Save") -> None:
    """Press Save and wait for the dialog to close (the change was accepted)."""
    form.get_by_role("button", name=save, exact=True).click()
    expect(form).to_be_hidden()


def go_to_clients(page: Page) -> None:
    nav_link(page, "Clients").click()
    expect(page.get_by_role("heading", level=1, name="Clients")).to_be_visible()
    expect(showing(page)).to_be_visible()


def list_row(page: Page, name: str) -> dict[str, str]:
    """The clients-list row of account `name` on the list as filtered now, paging as needed."""
    while True:
        for row in table_cells(page):
            if row["Name"] == name:
                return row
        next_page = page.get_by_role("button", name="Next page", exact=True)
        assert next_page.count() and next_page.is_enabled(), f"{name!r} is not in the list"
        before = showing(page).inner_text()
        next_page.click()
        expect(showing(page)).not_to_have_text(before)


def option_names(page: Page, text: str) -> list[str]:
    """The account names the sidebar search lists for `text` (each option is "name · type")."""
    return [o.rsplit(" · ", 1)[0] for o in search(page, text)]


def app_error(page: Page) -> Locator:
    """The notice the app shows when a handler fails: it must never appear."""
    return page.get_by_text(re.compile(r"^(Something went wrong|Si è verificato un errore)"))


def lines(text: str) -> list[str]:
    """A cell's or definition's text, one entry a line (chips, address lines)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def team_in(text: str) -> list[str]:
    """The firm members named in `text`, in the firm's order."""
    return [m for m in MEMBERS if m in text]


def choice(form: Locator, group: str, name: str) -> Locator:
    """A checkbox of a group (`Tags`, `Team members`, …) in a form."""
    return form.get_by_role("group", name=group, exact=True).get_by_role("checkbox", name=name, exact=True)


def expect_marked(form: Locator, label: str, message: str) -> None:
    """The field is marked invalid and its message, beside it, is its accessible description."""
    field = form.get_by_label(label, exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(message)
    expect(form.locator("#" + field.get_attribute("aria-describedby"))).to_have_text(message)
# ==== end of editing helpers ====


# Injected markup -----------------------------------------------------------------------------
# Any element carrying an event-handler attribute (the app itself uses data-on-*, never on*).
HANDLERS = """() => [...document.querySelectorAll('*')]
    .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML)"""


def assert_inert(page: Page, fired: list[str]) -> None:
    """Text that looked like markup stayed text: no element from it, no handler, nothing run."""
    expect(page.locator("img[onerror], svg[onload], img[src='x']")).to_have_count(0)
    assert page.evaluate(HANDLERS) == []
    assert fired == [], fired


# Data page ---------------------------------------------------------------------------------
def open_data_page(page: Page) -> None:
    nav_link(page, "Data").click()
    expect(page.get_by_role("heading", level=1, name="Data")).to_be_visible()


def download(page: Page, button: str, tmp_path) -> bytes:
    """Press a button that downloads a file; the file's bytes."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()
