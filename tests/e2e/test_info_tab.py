"""The Info tab (F-INFO): account details, team history, related accounts, contacts.

The demo data is random but the same all day: each test looks for an account that has what
it needs and derives what it expects from what the screens show.
"""

from __future__ import annotations

import re
from collections import Counter

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import (
    MEMBERS,
    contact_names,
    details,
    entries,
    entry_texts,
    filter_select,
    first_account,
    fold,
    go_to_account,
    page_heading,
    profile_tab,
    section,
)

FIELDS = ("Codice cliente", "Regime fiscale", "Fatturato annuo", "Inizio mandato", "Firma digitale", "PEC")
TERMS = ("Account name", "Account type", "Tags", "Team members", "Primary contact", "Company address",
         *FIELDS, "QuickBooks", "Client mobile app", "Related accounts")
DATE = r"[A-Z][a-z]{2} \d{1,2}, \d{4}"
DATETIME = DATE + r", \d{2}:\d{2}"
SETTINGS = ("Login", "Notifications", "Email sync", "Signing authority")
SETTING_VALUES = (rf"No portal access|Invited on {DATE}|Active", r"Off|On|On: [a-z ,]+", "On|Off", "Yes|No")
HISTORY = re.compile(rf"^(.+) (added|removed) (.+)\n({DATETIME})$")


def account_details(page: Page) -> Locator:
    return page.get_by_role("region", name="Account details", exact=True)


def contacts(page: Page) -> Locator:
    return page.get_by_role("region", name="Contacts", exact=True)


def setting_text(definition: Locator) -> str:
    """What a contact's email setting says, without the buttons that may sit beside it."""
    text = definition.inner_text()
    for button in definition.get_by_role("button").all_inner_texts():
        text = text.replace(button, "")
    return text.strip()


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_account_details_show_every_field_of_the_firm_empty_ones_included(
        page: Page, site_url: str) -> None:
    tag_names = {t.strip() for t in filter_select(page, "Tag").get_by_role("option").all_inner_texts()[1:]}
    def wanted(p: Page) -> bool:
        shown = details(p)
        values = [shown[f] for f in FIELDS]
        return shown["Tags"] != "None" and "Not set" in values and any(v != "Not set" for v in values)
    first_account(page, site_url, "info", wanted)

    expect(profile_tab(page, "Info")).to_have_attribute("aria-selected", "true")
    expect(account_details(page).get_by_role("term")).to_have_text(list(TERMS))
    shown = details(page)
    assert shown["Account name"] == page_heading(page).inner_text().strip()
    assert shown["Account type"] in ("Individual", "Company", "Other")
    assert set(lines(shown["Tags"])) <= tag_names, shown["Tags"]
    team = [m for m in MEMBERS if m in shown["Team members"]]
    assert team, shown["Team members"]
    expect(account_details(page).get_by_role("link", name="History of changes")).to_be_visible()
    person, email = shown["Primary contact"].split(" · ")
    assert "@" in email, shown["Primary contact"]
    primary = entries(contacts(page)).filter(has=page.get_by_role("link", name=person, exact=True))
    expect(primary).to_contain_text("Primary contact")
    expect(primary).to_contain_text(email)
    assert lines(shown["Company address"]), shown

    patterns = {"Codice cliente": r".+", "Regime fiscale": r"Ordinario|Semplificato|Forfettario",
                "Fatturato annuo": r"\d{1,3}(,\d{3})*(\.\d\d)?", "Inizio mandato": DATE,
                "Firma digitale": r"Yes|No", "PEC": r"\S+@\S+\.\w+"}
    for label, pattern in patterns.items():
        assert shown[label] == "Not set" or re.fullmatch(pattern, shown[label]), (label, shown[label])
    assert shown["QuickBooks"] in ("Synced", "Not synced")
    assert re.fullmatch(rf"Not in use|In use · last login {DATETIME}", shown["Client mobile app"]), shown
    assert shown["Related accounts"] == "None" or lines(shown["Related accounts"])


def test_history_of_changes_says_who_added_or_removed_whom_and_when(page: Page, site_url: str) -> None:
    account_id = first_account(page, site_url, "history",
                               lambda p: " removed " in p.get_by_role("tabpanel").inner_text())
    go_to_account(page, site_url, account_id, "info")
    name = page_heading(page).inner_text().strip()
    team = {m for m in MEMBERS if m in details(page)["Team members"]}

    account_details(page).get_by_role("link", name="History of changes").click()

    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/history$"))
    expect(page_heading(page)).to_have_text(name)
    expect(profile_tab(page, "Info")).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_role("link", name="Back to Info")).to_be_visible()
    expect(panel.get_by_role("heading", level=2)).to_have_text("History of changes")
    added, removed = Counter(), Counter()
    for text in entry_texts(panel):
        match = HISTORY.match(text)
        assert match, text
        by, action, member, _ = match.groups()
        assert by in (*MEMBERS, "Someone") and member in MEMBERS, text
        (added if action == "added" else removed)[member] += 1
    assert sum(removed.values()) > 0
    # The history adds up to today's team: whoever was added more often than removed.
    assert {m for m in MEMBERS if added[m] > removed[m]} == team, (added, removed, team)

    panel.get_by_role("link", name="Back to Info").click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/info$"))
    expect(account_details(page)).to_be_visible()


def test_related_account_link_opens_the_account_that_shares_a_contact(page: Page, site_url: str) -> None:
    account_id = first_account(page, site_url, "info", lambda p: details(p)["Related accounts"] != "None")
    name = page_heading(page).inner_text().strip()
    people = contact_names(page)
    related = lines(details(page)["Related accounts"])
    link = account_details(page).get_by_role("link", name=related[0], exact=True)
    other_href = link.get_attribute("href")
    assert re.fullmatch(r"#/accounts/\d+/info", other_href) and other_href != f"#/accounts/{account_id}/info"

    link.click()

    expect(page).to_have_url(re.compile(re.escape(other_href) + "$"))
    expect(page_heading(page)).to_have_text(related[0])
    expect(profile_tab(page, "Info")).to_have_attribute("aria-selected", "true")
    assert details(page)["Account name"] == related[0]
    back = account_details(page).get_by_role("link", name=name, exact=True)
    expect(back.and_(page.locator(f"[href='#/accounts/{account_id}/info']"))).to_have_count(1)
    shared = [p for p in contact_names(page) if p in people]
    assert shared, (people, contact_names(page))

    # The shared contact's page lists both accounts.
    contacts(page).get_by_role("link", name=shared[0], exact=True).click()
    expect(page).to_have_url(re.compile(r"#/contacts/\d+$"))
    expect(page_heading(page)).to_have_text(shared[0])
    expect(page.get_by_role("region", name="Personal details")).to_be_visible()
    linked = page.get_by_role("region", name="Accounts", exact=True)
    for account_name, href in ((name, f"#/accounts/{account_id}/info"), (related[0], other_href)):
        expect(linked.get_by_role("link", name=account_name, exact=True).and_(
            page.locator(f"[href='{href}']"))).to_have_count(1)

    linked.get_by_role("link", name=name, exact=True).first.click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/info$"))
    expect(page_heading(page)).to_have_text(name)


def test_contacts_are_alphabetical_with_each_email_and_its_settings(page: Page, site_url: str) -> None:
    # Last name, then first name, ignoring case and accents (first names are one word).
    def key(full: str) -> tuple[str, str]:
        first, last = full.split(" ", 1)
        return fold(last), fold(first)

    def telling(p: Page) -> bool:  # three or more contacts, whose first names sort differently
        names = contact_names(p)
        return len(names) >= 3 and sorted(names) != sorted(names, key=key)
    account_id = first_account(page, site_url, "info", telling)
    name = page_heading(page).inner_text().strip()
    people = contact_names(page)
    assert people == sorted(people, key=key), people

    cards = entries(contacts(page))
    signers = []
    for index, person in enumerate(people):
        card = cards.nth(index)
        expect(card.get_by_role("link", name=person, exact=True)).to_have_attribute(
            "href", re.compile(r"^#/contacts/\d+$"))
        text = card.inner_text()
        signers.append(int(re.search(r"Signer (\d+)", text).group(1)))
        addresses = re.findall(r"^(\S+@\S+?)(?: · primary)?$", text, re.MULTILINE)
        assert addresses, text
        expect(card.get_by_role("term")).to_have_text(list(SETTINGS) * len(addresses))
        values = [setting_text(d) for d in card.get_by_role("definition").all()]
        for at, value in enumerate(values):
            assert re.fullmatch(SETTING_VALUES[at % len(SETTINGS)], value), (person, values)
    assert sorted(signers) == list(range(1, len(people) + 1)), signers

    # Every contact has a Login activity entry on the Overview tab.
    profile_tab(page, "Overview").click()
    expect(section(page, "Login activity")).to_be_visible()
    logins = [t.splitlines()[0].strip() for t in entry_texts(section(page, "Login activity"))]
    assert sorted(logins) == sorted(people), (logins, people)

    # A contact's page: the same email addresses, and this account among its accounts.
    profile_tab(page, "Info").click()
    expect(contacts(page)).to_be_visible()
    last = cards.last
    addresses = re.findall(r"^(\S+@\S+?)(?: · primary)?$", last.inner_text(), re.MULTILINE)
    last.get_by_role("link", name=people[-1], exact=True).click()
    expect(page_heading(page)).to_have_text(people[-1])
    personal = page.get_by_role("region", name="Personal details")
    terms = personal.get_by_role("term").all_inner_texts()
    shown = personal.get_by_role("definition").nth(terms.index("Email addresses")).inner_text()
    assert lines(shown) == addresses, (shown, addresses)
    linked = page.get_by_role("region", name="Accounts", exact=True)
    expect(linked.get_by_role("link", name=name, exact=True).and_(
        page.locator(f"[href='#/accounts/{account_id}/info']"))).to_have_count(1)


def test_info_tab_history_and_contact_page_in_italian(page: Page, site_url: str) -> None:
    account_id = first_account(page, site_url, "info", lambda p: "Not set" in details(p).values())
    page.get_by_role("combobox", name="Language").select_option(label="Italiano")

    region = page.get_by_role("region", name="Dettagli account", exact=True)
    expect(region.get_by_role("term").first).to_have_text("Nome account")
    expect(region.get_by_role("term")).to_contain_text(
        ["Tipo di account", "Etichette", "Membri del team", "Contatto principale", "Codice cliente",
         "QuickBooks", "App mobile del cliente", "Account collegati"])
    expect(region.get_by_text("Non impostato").first).to_be_visible()
    italian_contacts = page.get_by_role("region", name="Contatti", exact=True)
    expect(italian_contacts).to_contain_text("Firmatario 1")
    expect(italian_contacts.get_by_role("term").first).to_have_text("Accesso")
    expect(italian_contacts.get_by_role("term")).to_contain_text(
        ["Accesso", "Notifiche", "Sincronizzazione email", "Potere di firma"])

    region.get_by_role("link", name="Cronologia delle modifiche").click()
    expect(page).to_have_url(re.compile(rf"#/accounts/{account_id}/history$"))
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_role("link", name="Torna a Info")).to_be_visible()
    expect(panel.get_by_role("heading", level=2)).to_have_text("Cronologia delle modifiche")
    for text in entry_texts(panel):
        assert re.match(r"^.+ ha (aggiunto|rimosso) .+\n\d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2}$", text), text
    panel.get_by_role("link", name="Torna a Info").click()

    person = entries(italian_contacts).get_by_role("link").first
    person_name = person.inner_text().strip()
    person.click()
    expect(page_heading(page)).to_have_text(person_name)
    expect(page.get_by_role("region", name="Dati personali")).to_contain_text("Indirizzi email")
    expect(page.get_by_role("region", name="Account", exact=True).get_by_role("link").first).to_be_visible()
