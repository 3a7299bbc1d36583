"""Firm settings (F-FIRM-1, F-FIRM-2): the firm's name, tags, custom fields, and the idle lock."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.firm_pages import (
    OWNER,
    PASSPHRASE,
    STARTER_ACCOUNT_FIELDS,
    button,
    confirm,
    custom_field,
    expect_refused,
    expect_signed_in,
    item_names,
    list_items,
    new_account,
    new_tag,
    open_settings,
    part,
    save,
    set_up_firm,
    sidebar,
    sign_in,
    sign_in_heading,
)
from tests.e2e.pages import (
    app_error,
    assert_inert,
    choice,
    details,
    dialog,
    filter_select,
    go_to_clients,
    nav_link,
    open_edit_account,
    profile_tab,
    save_dialog,
)

TAG, RENAMED_TAG = "Antiriciclaggio", "Antiriciclaggio 2025"
FIELD, RENAMED_FIELD = "Tipo contabilità", "Contabilità"


def tag_options(page: Page) -> list[str]:
    return [o.strip() for o in filter_select(page, "Tag").get_by_role("option").all_inner_texts()]


def test_rename_the_firm_and_manage_its_tags(page: Page, fired: list[str]) -> None:
    set_up_firm(page)
    open_settings(page)
    firm = part(page, "Firm")
    renamed = "Studio <b>Verdi</b> & Associati <img src=x onerror=alert(1)>"
    firm.get_by_role("textbox", name="Firm name", exact=True).fill(renamed)
    firm.get_by_role("button", name="Save", exact=True).click()
    expect(sidebar(page).get_by_text(renamed, exact=True)).to_be_visible()
    expect(firm.get_by_role("textbox", name="Firm name", exact=True)).to_have_value(renamed)
    assert_inert(page, fired)

    # A new tag; the same name in other case and accents is the same tag.
    save(new_tag(page, TAG, "#0f766e"))
    expect(page.get_by_role("list", name="Tags", exact=True).get_by_role("listitem").filter(
        has_text=TAG)).to_contain_text("On no account")
    form = new_tag(page, "PAGHÈ")
    form.get_by_role("button", name="Save", exact=True).click()
    expect_refused(form, "Name", "A tag with this name already exists.")
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()
    assert item_names(page, "Tags").count("Paghe") == 1
    assert "PAGHÈ" not in item_names(page, "Tags")

    # It is offered on accounts and in the clients list's Tag filter.
    new_account(page)
    profile_tab(page, "Info").click()
    form = open_edit_account(page)
    choice(form, "Tags", TAG).check()
    save_dialog(form)
    expect(page.get_by_role("region", name="Account details", exact=True)).to_contain_text(TAG)
    go_to_clients(page)
    assert TAG in tag_options(page)

    # Renamed, then deleted: the confirmation says how many accounts carry it.
    open_settings(page)
    button(page, f"Edit {TAG}").click()
    form = dialog(page, "Tag")
    expect(form.get_by_label("Name", exact=True)).to_have_value(TAG)
    form.get_by_label("Name", exact=True).fill(RENAMED_TAG)
    save(form)
    expect(button(page, f"Edit {RENAMED_TAG}")).to_be_visible()
    assert TAG not in item_names(page, "Tags")
    button(page, f"Delete {RENAMED_TAG}").click()
    confirm(page, f"“{RENAMED_TAG}” is on 1 account; it will be removed from it.")
    expect(button(page, f"Edit {RENAMED_TAG}")).to_have_count(0)
    go_to_clients(page)
    assert RENAMED_TAG not in tag_options(page)
    assert TAG not in tag_options(page)
    expect(app_error(page)).to_have_count(0)


def test_custom_fields_are_added_renamed_moved_and_deleted(page: Page) -> None:
    set_up_firm(page)
    open_settings(page)
    assert item_names(page, "Account fields") == list(STARTER_ACCOUNT_FIELDS)

    form = custom_field(page, "Add account field", FIELD, "Dropdown", options="")
    form.get_by_role("button", name="Save", exact=True).click()
    expect_refused(form, "Options", "A dropdown needs at least one option.")
    form.get_by_label("Options", exact=True).fill("Ordinaria\nSemplificata\n")
    save(form)
    expect(button(page, f"Edit {FIELD}")).to_be_visible()
    assert item_names(page, "Account fields") == [*STARTER_ACCOUNT_FIELDS, FIELD]

    save(custom_field(page, "Add contact field", "Ruolo in azienda"))
    expect(button(page, "Edit Ruolo in azienda")).to_be_visible()
    assert item_names(page, "Contact fields") == ["Professione", "Ruolo in azienda"]

    # On an account: "Not set" on the Info tab, a drop-down in Edit account details.
    new_account(page)
    profile_tab(page, "Info").click()
    assert details(page)[FIELD] == "Not set"
    form = open_edit_account(page)
    drop_down = form.get_by_label(FIELD, exact=True)
    options = [o.strip() for o in drop_down.get_by_role("option").all_inner_texts()]
    assert {"Ordinaria", "Semplificata"} <= set(options), options
    drop_down.select_option(label="Semplificata")
    save_dialog(form)
    expect(page.get_by_role("region", name="Account details", exact=True)).to_contain_text("Semplificata")
    assert details(page)[FIELD] == "Semplificata"

    # Renamed and moved.
    open_settings(page)
    button(page, f"Edit {FIELD}").click()
    form = dialog(page, "Custom field")
    expect(form.get_by_label("Options", exact=True)).to_have_value("Ordinaria\nSemplificata")
    form.get_by_label("Label", exact=True).fill(RENAMED_FIELD)
    save(form)
    expect(button(page, f"Edit {RENAMED_FIELD}")).to_be_visible()
    expect(button(page, f"Move {RENAMED_FIELD} down")).to_have_count(0)   # the last one
    button(page, f"Move {RENAMED_FIELD} up").click()
    expect(button(page, f"Move {RENAMED_FIELD} down")).to_be_visible()
    *first, last = STARTER_ACCOUNT_FIELDS
    assert item_names(page, "Account fields") == [*first, RENAMED_FIELD, last]
    button(page, "Move Regime fiscale down").click()
    expect(button(page, "Move Regime fiscale up")).to_be_visible()
    assert item_names(page, "Account fields")[:2] == ["Inizio mandato", "Regime fiscale"]
    button(page, f"Move {RENAMED_FIELD} down").click()
    expect(button(page, f"Move {RENAMED_FIELD} down")).to_have_count(0)
    assert item_names(page, "Account fields")[-2:] == [last, RENAMED_FIELD]

    # Deleted: the confirmation says how many values go with it.
    button(page, f"Delete {RENAMED_FIELD}").click()
    confirm(page, f"“{RENAMED_FIELD}” is used on 1 account; its value there will be deleted.")
    expect(button(page, f"Edit {RENAMED_FIELD}")).to_have_count(0)
    assert RENAMED_FIELD not in item_names(page, "Account fields")
    history = part(page, "Firm history")
    expect(history).to_contain_text(f"{OWNER} deleted custom field “{RENAMED_FIELD}” and its values (1)")
    expect(history).to_contain_text(f"{OWNER} renamed custom field “{RENAMED_FIELD}” (was “{FIELD}”)")

    go_to_clients(page)
    page.get_by_role("table", name="Clients").get_by_role("link").first.click()
    profile_tab(page, "Info").click()
    assert RENAMED_FIELD not in details(page)
    assert FIELD not in details(page)
    expect(app_error(page)).to_have_count(0)


def test_idle_lock_asks_to_sign_in_again_and_discards_the_open_dialog(clocked: Page) -> None:
    page = clocked
    set_up_firm(page, starter=False)
    open_settings(page)
    form = new_tag(page, "Mai salvato")

    page.clock.fast_forward("14:00")            # not yet: the firm locks after 15 minutes
    expect(form).to_be_visible()
    expect(sign_in_heading(page)).to_have_count(0)

    page.clock.fast_forward("02:00")
    expect(sign_in_heading(page)).to_be_visible()
    expect(form).to_have_count(0)
    expect(page.get_by_text("Locked after a period without activity")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page).to_have_title("Sign in · Fascicolo")

    sign_in(page, OWNER, PASSPHRASE)
    expect_signed_in(page, OWNER)
    expect(dialog(page, "Tag")).to_have_count(0)
    nav_link(page, "Settings").click()
    expect(page.get_by_role("heading", level=1, name="Settings", exact=True)).to_be_visible()
    expect(page.get_by_role("list", name="Tags", exact=True).get_by_role("listitem")).to_have_count(0)

    # The firm's own idle time holds from the next check on.
    firm = part(page, "Firm")
    firm.get_by_label("Lock after (minutes without activity)", exact=True).fill("2")
    firm.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The settings of Studio Verdi are saved.")).to_be_visible()
    page.clock.fast_forward("01:30")
    expect(sign_in_heading(page)).to_have_count(0)
    page.clock.fast_forward("01:00")
    expect(sign_in_heading(page)).to_be_visible()
    expect(app_error(page)).to_have_count(0)


def field_type_shown(page: Page, label: str) -> Locator:
    return list_items(page, "Account fields").filter(has_text=label)


def test_changes_that_would_lose_values_are_refused_next_to_the_field_and_change_nothing(page: Page) -> None:
    open_settings(page)   # the demo firm: its fields hold values
    button(page, "Edit Codice cliente").click()   # values such as "C1234": not numbers
    form = dialog(page, "Custom field")
    form.get_by_label("Type", exact=True).select_option(label="Number")
    form.get_by_role("button", name="Save", exact=True).click()
    kind = form.get_by_label("Type", exact=True)
    expect(kind).to_have_attribute("aria-invalid", "true")
    expect(kind).to_have_accessible_description(re.compile(r"Values that do not fit the new type: \d+\."))
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(field_type_shown(page, "Codice cliente")).to_contain_text("Text")

    button(page, "Edit Regime fiscale").click()   # "Forfettario" is chosen on some accounts
    form = dialog(page, "Custom field")
    form.get_by_label("Options", exact=True).fill("Ordinario\nSemplificato")
    form.get_by_role("button", name="Save", exact=True).click()
    options = form.get_by_label("Options", exact=True)
    expect(options).to_have_attribute("aria-invalid", "true")
    expect(options).to_have_accessible_description(re.compile(r"“Forfettario” is in use \(.+\)"))
    form.get_by_role("button", name="Cancel", exact=True).click()

    button(page, "Edit Fatturato annuo").click()   # numbers convert to text: allowed
    form = dialog(page, "Custom field")
    form.get_by_label("Type", exact=True).select_option(label="Text")
    save(form)
    expect(field_type_shown(page, "Fatturato annuo")).to_contain_text("Text")
    expect(app_error(page)).to_have_count(0)
