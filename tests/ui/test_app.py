"""The controller under CPython: routing, member switch, search keys, language, focus."""

import pytest

from app.ui.app import App
from app.ui.html import text_of
from tests.conftest import member_named
from tests.ui.fake_dom import FakeDom
from tests.ui.tree import by_role, name_of


@pytest.fixture
def start(demo):
    def started(hash_: str = "", browser_lang: str = "en", **settings) -> FakeDom:
        dom = FakeDom(hash_, settings, browser_lang)
        App(demo, dom).start()
        return dom
    return started


def main_text(dom: FakeDom) -> str:
    return text_of(dom.regions["main"])


def test_opens_on_the_clients_list(start):
    dom = start()
    assert dom.one("heading", "Clients").tag == "h1"
    assert "Showing 1–25 of 300" in main_text(dom)
    assert dom.title == "Clients · Fascicolo" and dom.lang == "en"


def test_next_page_changes_the_url_and_keeps_focus_on_the_page(start):
    dom = start("#/clients")
    dom.fire(dom.one("button", "Next page"), "click")
    assert dom.hash == "#/clients?page=2"
    assert "Showing 26–50 of 300" in main_text(dom)
    assert dom.focused is None


def test_filter_resets_to_first_page(start):
    dom = start("#/clients?page=3")
    dom.fire(dom.one("combobox", "Type"), "change", value="company")
    assert dom.hash == "#/clients?type=company"


def test_switching_member_limits_the_list_and_is_remembered(start, demo):
    dom = start()
    sara = member_named(demo, "Sara")
    dom.fire(dom.one("combobox", "Signed in as"), "change", value=str(sara.id))
    assert dom.settings["member"] == str(sara.id)
    assert "of 300" not in main_text(dom) and "Showing 1–" in main_text(dom)


def test_no_access_page_for_an_account_outside_the_team(start, demo):
    sara = member_named(demo, "Sara")
    hidden = demo.scalar("SELECT id FROM account WHERE id NOT IN (SELECT account_id FROM account_team"
                         " WHERE member_id = ?) ORDER BY id", (sara.id,))
    dom = start(f"#/accounts/{hidden}/info", member=str(sara.id))
    assert dom.one("heading", "No access")
    name = demo.scalar("SELECT name FROM account WHERE id = ?", (hidden,))
    assert name not in main_text(dom)


def test_search_arrows_and_enter_open_the_chosen_account(start):
    dom = start()
    box = dom.one("combobox", "Search clients")
    dom.fire(box, "input", value="rossi")
    listbox = dom.one("listbox", "Search results")
    names = [name_of(o, listbox) for o in by_role(listbox, "option")]
    assert len(names) >= 3
    assert dom.fire(box, "keydown", key="ArrowDown").default_prevented
    assert dom.attrs["search-input"]["aria-activedescendant"] == "search-option-1"
    dom.fire(box, "keydown", key="ArrowUp")
    dom.fire(box, "keydown", key="ArrowUp")  # wraps to the last option
    assert dom.attrs["search-input"]["aria-activedescendant"] == f"search-option-{len(names) - 1}"
    dom.fire(box, "keydown", key="Enter")
    assert dom.hash.startswith("#/accounts/") and dom.hash.endswith("/overview")
    heading = by_role(dom.regions["main"], "heading")[0]
    assert names[-1].startswith(text_of(heading))
    assert dom.focused == "page-title"
    assert dom.attrs["search-input"]["value"] == "" and dom.regions["search-results"] is None


def test_escape_closes_the_results(start):
    dom = start()
    box = dom.one("combobox", "Search clients")
    dom.fire(box, "input", value="ross")
    dom.fire(box, "keydown", key="Escape")
    assert dom.regions["search-results"] is None
    assert dom.attrs["search-input"]["aria-expanded"] == "false"


def test_language_switch_translates_and_is_remembered(start):
    dom = start()
    dom.fire(dom.one("combobox", "Language"), "change", value="it")
    assert dom.settings["language"] == "it" and dom.lang == "it"
    assert dom.one("heading", "Clienti")
    assert "Visualizzati 1–25 di 300" in main_text(dom)


def test_browser_language_is_used_until_one_is_chosen(start):
    assert start(browser_lang="it").one("heading", "Clienti")
    assert start(browser_lang="fr").one("heading", "Clients")
    assert start(browser_lang="it", language="en").one("heading", "Clients")


def test_an_open_note_editor_closes_when_the_member_changes(start, demo):
    account = demo.scalar("SELECT account_id FROM note ORDER BY account_id")
    dom = start(f"#/accounts/{account}/overview")
    edit = [b for b in by_role(dom.regions["main"], "button", "Edit")][0]
    dom.fire(edit, "click")
    assert "Edit note" in text_of(dom.regions["main"])
    laura = member_named(demo, "Laura")
    dom.fire(dom.one("combobox", "Signed in as"), "change", value=str(laura.id))
    assert "Edit note" not in text_of(dom.regions["main"])


def test_a_missing_document_says_so(start, demo):
    account = demo.scalar("SELECT min(id) FROM account")
    dom = start(f"#/accounts/{account}/documents/999999")
    assert dom.one("heading", "Document not found")
