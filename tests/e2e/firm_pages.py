"""Page helpers for a firm of one's own: set-up, signing in and out, Settings.

Like pages.py, every element is found by role and accessible name, and each helper waits,
through Playwright's `expect`, for what a person would see once the step is done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import app_error, dialog, nav_link, save_dialog

FIRM, FIRST, LAST, EMAIL = "Studio Verdi", "Anna", "Verdi", "anna@verdi.it"
OWNER = f"{FIRST} {LAST}"
PASSPHRASE = "correct horse battery"
STARTER_TAGS = ("Contabilità ordinaria", "Contabilità semplificata", "Forfettario", "Paghe",
                "Dichiarativi", "Nuovo cliente")
STARTER_ACCOUNT_FIELDS = ("Regime fiscale", "Inizio mandato", "Periodicità IVA", "Codice ATECO")
RIGHTS = ("View all accounts", "Manage accounts", "Export clients")


# The demo and Set up my firm -------------------------------------------------------------
def demo_notice(page: Page) -> Locator:
    return page.get_by_role("region", name="This is a demo firm.", exact=True)


def open_set_up(page: Page) -> Locator:
    demo_notice(page).get_by_role("button", name="Set up my firm", exact=True).click()
    form = dialog(page, "Set up my firm")
    expect(form).to_be_visible()
    return form


def fill_set_up(form: Locator, firm: str = FIRM, first: str = FIRST, last: str = LAST, email: str = EMAIL,
                passphrase: str = PASSPHRASE, repeat: str | None = None, starter: bool = True) -> None:
    for label, value in (("Firm name", firm), ("First name", first), ("Last name", last), ("Email", email),
                         ("Passphrase", passphrase),
                         ("Repeat passphrase", passphrase if repeat is None else repeat)):
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_role("checkbox", name="Start with tags and fields an Italian practice uses").set_checked(starter)


def set_up_firm(page: Page, firm: str = FIRM, first: str = FIRST, last: str = LAST, email: str = EMAIL,
                passphrase: str = PASSPHRASE, starter: bool = True) -> None:
    """From the demo: a firm of one's own, signed in as its owner, on the (empty) clients list."""
    form = open_set_up(page)
    fill_set_up(form, firm, first, last, email, passphrase, starter=starter)
    form.get_by_role("button", name="Create firm", exact=True).click()
    expect(form).to_be_hidden()
    expect_signed_in(page, f"{first} {last}")
    expect(page.get_by_role("heading", level=1, name="Clients", exact=True)).to_be_visible()


# Who is signed in ------------------------------------------------------------------------
def sidebar(page: Page) -> Locator:
    return page.get_by_role("complementary")


def expect_signed_in(page: Page, full_name: str) -> None:
    side = sidebar(page)
    expect(side.get_by_text("Signed in as", exact=True)).to_be_visible()
    expect(side.get_by_text(full_name, exact=True)).to_be_visible()
    expect(side.get_by_role("button", name="Sign out", exact=True)).to_be_visible()
    expect(side.get_by_role("combobox", name="Signed in as")).to_have_count(0)
    expect(app_error(page)).to_have_count(0)


def sign_in_heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1, name="Sign in", exact=True)


def member_choice(page: Page) -> Locator:
    return page.get_by_role("combobox", name="Member", exact=True)


def offered_members(page: Page) -> list[str]:
    expect(sign_in_heading(page)).to_be_visible()
    return [o.strip() for o in member_choice(page).get_by_role("option").all_inner_texts()]


def sign_in_alert(page: Page) -> Locator:
    """The sign-in form's alert once it says something (it is there, empty, before)."""
    return page.get_by_role("main").get_by_role("alert").filter(has_text=re.compile(r"\S"))


def try_sign_in(page: Page, member: str, passphrase: str) -> None:
    """Fill in the sign-in page and press Sign in; the caller waits for the outcome."""
    expect(sign_in_heading(page)).to_be_visible()
    member_choice(page).select_option(label=member)
    page.get_by_label("Passphrase", exact=True).fill(passphrase)
    page.get_by_role("button", name="Sign in", exact=True).click()


def sign_in(page: Page, member: str, passphrase: str = PASSPHRASE) -> None:
    """Sign in; the clients list shows (or `Choose your passphrase`, for a first passphrase)."""
    try_sign_in(page, member, passphrase)
    expect(sign_in_heading(page)).to_have_count(0)
    expect_signed_in(page, member)


def sign_out(page: Page) -> None:
    sidebar(page).get_by_role("button", name="Sign out", exact=True).click()
    expect(sign_in_heading(page)).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)


def choose_passphrase(page: Page, passphrase: str) -> None:
    form = dialog(page, "Choose your passphrase")
    expect(form).to_be_visible()
    form.get_by_label("New passphrase", exact=True).fill(passphrase)
    form.get_by_label("Repeat passphrase", exact=True).fill(passphrase)
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


# Forms -----------------------------------------------------------------------------------
def expect_refused(form: Locator, label: str, message: str) -> None:
    """The field is marked invalid and its message is shown beside it (its description)."""
    field = form.get_by_label(label, exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile(re.escape(message)))
    error_id = field.get_attribute("aria-describedby").split()[-1]
    expect(form.locator(f"[id='{error_id}']")).to_have_text(message)


def save(form: Locator, button: str = "Save") -> None:
    form.get_by_role("button", name=button, exact=True).click()
    expect(form).to_be_hidden()


def confirm(page: Page, says: str | re.Pattern | None = None) -> None:
    ask = page.get_by_role("alertdialog")
    expect(ask).to_be_visible()
    if says is not None:
        expect(ask).to_contain_text(says)
    ask.get_by_role("button", name="Confirm", exact=True).click()
    expect(ask).to_be_hidden()


# Settings --------------------------------------------------------------------------------
def open_settings(page: Page) -> None:
    nav_link(page, "Settings").click()
    expect(page.get_by_role("heading", level=1, name="Settings", exact=True)).to_be_visible()
    expect(part(page, "Firm history")).to_be_visible()


def part(page: Page, name: str) -> Locator:
    return page.get_by_role("region", name=name, exact=True)


def button(page: Page, name: str) -> Locator:
    return page.get_by_role("button", name=name, exact=True)


def members_table(page: Page) -> Locator:
    return part(page, "Team members").get_by_role("table", name="Team members", exact=True)


def member_rows(page: Page) -> dict[str, dict[str, str]]:
    """{full name: {column: text}} of the Team members table."""
    table = members_table(page)
    expect(table).to_be_visible()
    headers = ("Name", "Email", "Role", "Rights", "Status")
    where = {h: table.get_by_role("columnheader", name=h, exact=True).evaluate("th => th.cellIndex")
             for h in headers}
    found = {}
    for row in table.get_by_role("row").filter(has=table.page.get_by_role("cell")).all():
        cells = [c.strip() for c in row.get_by_role("cell").all_inner_texts()]
        found[cells[where["Name"]]] = {h: cells[where[h]] for h in headers}
    return found


def fill_member(form: Locator, first: str, last: str, email: str, role: str | None,
                rights: Iterable[str]) -> None:
    form.get_by_label("First name", exact=True).fill(first)
    form.get_by_label("Last name", exact=True).fill(last)
    form.get_by_label("Email", exact=True).fill(email)
    if role is not None:
        form.get_by_label("Role", exact=True).select_option(label=role)
    wanted = set(rights)
    for right in RIGHTS:
        form.get_by_role("checkbox", name=right, exact=True).set_checked(right in wanted)


def add_member(page: Page, first: str, last: str, email: str, role: str = "Employee",
               rights: Iterable[str] = (), passphrase: str = "first passphrase 1") -> None:
    """Settings › Add member; waits for the new row in Team members."""
    button(page, "Add member").click()
    form = dialog(page, "Add member")
    expect(form).to_be_visible()
    fill_member(form, first, last, email, role, rights)
    form.get_by_label("Passphrase", exact=True).fill(passphrase)
    save(form)
    expect(members_table(page).get_by_role("row").filter(has_text=f"{first} {last}")).to_have_count(1)


def edit_member(page: Page, full_name: str) -> Locator:
    button(page, f"Edit {full_name}").click()
    form = dialog(page, "Edit member")
    expect(form).to_be_visible()
    return form


def list_items(page: Page, list_name: str) -> Locator:
    return page.get_by_role("list", name=list_name, exact=True).get_by_role("listitem")


def item_names(page: Page, list_name: str) -> list[str]:
    """The names in a Settings list (Tags, Account fields, Contact fields), in the order shown."""
    edits = list_items(page, list_name).get_by_role("button", name=re.compile(r"^Edit "))
    return [name.removeprefix("Edit ") for name in edits.evaluate_all("bs => bs.map(b => b.ariaLabel)")]


def new_tag(page: Page, name: str, colour: str | None = None) -> Locator:
    """Open `New tag` and fill it in; returns the dialog (the caller saves or expects a refusal)."""
    button(page, "New tag").click()
    form = dialog(page, "Tag")
    expect(form).to_be_visible()
    form.get_by_label("Name", exact=True).fill(name)
    if colour:
        form.get_by_label("Colour", exact=True).fill(colour)
    return form


def custom_field(page: Page, add: str, label: str, kind: str = "Text", options: str = "") -> Locator:
    """Open `Add account field`/`Add contact field` and fill it in; returns the dialog."""
    button(page, add).click()
    form = dialog(page, "Custom field")
    expect(form).to_be_visible()
    form.get_by_label("Label", exact=True).fill(label)
    form.get_by_label("Type", exact=True).select_option(label=kind)
    form.get_by_label("Options", exact=True).fill(options)
    return form


def history_lines(page: Page) -> Locator:
    return part(page, "Firm history").get_by_role("listitem")


# Accounts of a new firm -----------------------------------------------------------------
def new_account(page: Page, first: str = "Mario", last: str = "Rossi", email: str = "mario@rossi.it") -> str:
    """`New account` on the clients list, an individual; returns its name once its profile shows."""
    nav_link(page, "Clients").click()
    page.get_by_role("button", name="New account", exact=True).click()
    form = dialog(page, "New account")
    expect(form).to_be_visible()
    form.get_by_label("Account type", exact=True).select_option(label="Individual")
    form.get_by_label("First name", exact=True).fill(first)
    form.get_by_label("Last name", exact=True).fill(last)
    form.get_by_label("Email", exact=True).fill(email)
    save_dialog(form)
    name = f"{last}, {first}"
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return name
