"""English and Italian interface (F-MORE-5): the choice applies everywhere and is remembered."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import DEMO_ACCOUNTS, column, reload, selected_option, showing

ITALIAN_COLUMNS = ("Nome", "Tipo", "Etichette", "Team", "Email")


def language(page: Page, name: str = "Language"):
    return page.get_by_role("combobox", name=name, exact=True)


def expect_italian(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.get_by_role("heading", level=1, name="Clienti", exact=True)).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Clienti", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="Cerca clienti", exact=True)).to_be_visible()
    expect(showing(page)).to_have_text(f"Visualizzati 1–25 di {DEMO_ACCOUNTS}")
    expect(selected_option(language(page, "Lingua"))).to_have_text("Italiano")
    expect(page).to_have_title(re.compile(r"^Clienti\b"))
    types = set(column(page, "Tipo", ITALIAN_COLUMNS))
    assert {"Persona fisica", "Società"} <= types, types
    assert not types & {"Individual", "Company", "Other"}, types


def test_italian_translates_the_interface_survives_reload_and_switches_back(page: Page) -> None:
    expect(language(page).get_by_role("option")).to_have_text(["English", "Italiano"])
    expect(selected_option(language(page))).to_have_text("English")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    language(page).select_option(label="Italiano")
    expect_italian(page)

    reload(page)
    expect_italian(page)

    language(page, "Lingua").select_option(label="English")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1, name="Clients", exact=True)).to_be_visible()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Clients")).to_be_visible()
    expect(page.get_by_role("combobox", name="Search clients", exact=True)).to_be_visible()
    expect(showing(page)).to_have_text(f"Showing 1–25 of {DEMO_ACCOUNTS}")
    types = set(column(page, "Type"))
    assert {"Individual", "Company"} <= types, types


def test_italian_paging_filters_and_profile(page: Page) -> None:
    language(page).select_option(label="Italiano")
    expect(showing(page)).to_have_text(f"Visualizzati 1–25 di {DEMO_ACCOUNTS}")

    page.get_by_role("button", name="Pagina successiva").click()
    expect(showing(page)).to_have_text(f"Visualizzati 26–50 di {DEMO_ACCOUNTS}")

    page.get_by_role("combobox", name="Tipo", exact=True).select_option(label="Società")
    expect(showing(page)).to_have_text(re.compile(r"^Visualizzati 1–25 di \d+$"))
    assert set(column(page, "Tipo", ITALIAN_COLUMNS)) == {"Società"}

    page.get_by_role("table").get_by_role("link").first.click()
    expect(page.get_by_role("tab", name="Panoramica")).to_have_attribute("aria-selected", "true")
    page.get_by_role("tab", name="Info").click()
    region = page.get_by_role("region", name="Dettagli account")
    expect(region).to_contain_text("Tipo di account")
    expect(region).to_contain_text("Società")
