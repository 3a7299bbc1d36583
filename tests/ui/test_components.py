"""Components expose the roles and names of the UI contract and show user text as text."""

import re
from dataclasses import replace

import pytest

from app.domain.listing import ClientQuery
from app.i18n import CATALOGS, Translator
from app.services.editing_views import AccountFormView, ContactChoice, CustomFieldChoice
from app.ui.components.account_form import account_form
from app.ui.components.account_info import InfoHandlers, account_info
from app.ui.components.client_filters import FilterHandlers
from app.ui.components.clients_page import clients_page
from app.ui.components.confirm_dialog import confirm_dialog
from app.ui.components.contact_card import ContactHandlers
from app.ui.components.csv_preview import PreviewHandlers, csv_preview
from app.ui.components.data_page import DataHandlers, DataPageState, data_page
from app.ui.components.existing_contact import existing_contact_results
from app.ui.components.form_dialog import form_dialog
from app.ui.components.import_report import import_report
from app.ui.components.link_contact import link_results
from app.ui.components.message_page import message_page
from app.ui.components.overview_tab import NoteHandlers, NoteState, overview_tab
from app.ui.components.profile_page import profile_page
from app.ui.components.save_status import save_status
from app.ui.components.search_box import SearchBoxView, search_box
from app.ui.components.search_results import option_id, search_results
from app.ui.components.sidebar import SidebarHandlers, SidebarView, sidebar
from app.ui.html import render, text_of
from tests.ui import samples
from tests.ui.tree import by_role, name_of, texts

EN = Translator("en")
NOOP = lambda *_: None  # noqa: E731
FILTERS = FilterHandlers(NOOP, NOOP, NOOP, NOOP)
SIDEBAR = SidebarHandlers(NOOP, NOOP, NOOP, NOOP)
NOTES = NoteHandlers(NOOP, NOOP, NOOP, lambda entry: NOOP, lambda entry: NOOP)


SECOND_PAGE = ClientQuery(page=2)


def clients(t=EN, page=samples.PAGE, query=SECOND_PAGE):
    return clients_page(t, page, query, FILTERS, lambda key: NOOP, lambda n: NOOP)


def the_sidebar(t=EN, demo=True, settings=False):
    return sidebar(t, SidebarView("Studio", samples.MEMBERS, 1, "clients", SearchBoxView("ross"), demo=demo, settings=settings),
                   SIDEBAR)


def test_clients_page_contract():
    tree = clients()
    assert by_role(tree, "heading", "Clients")
    table = by_role(tree, "table", "Clients")[0]
    assert [name_of(th, tree) for th in by_role(table, "columnheader")] == \
        ["Name", "Type", "Tags", "Team", "Email"]
    assert by_role(tree, "link", samples.ROW.name)[0].attr("href") == "#/accounts/7/overview"
    for label in ("Type", "Tag", "Team member"):
        assert by_role(tree, "combobox", label)
    assert "Showing 26–26 of 30" in text_of(tree)
    assert by_role(tree, "button", "Previous page")[0].attr("disabled") is False
    assert by_role(tree, "button", "Next page")[0].attr("disabled") is True


def test_sorted_column_announces_its_direction():
    tree = clients(query=ClientQuery(descending=True))
    headers = by_role(tree, "columnheader")
    assert headers[0].attr("aria-sort") == "descending" and headers[1].attr("aria-sort") is None


def test_empty_list_says_why():
    empty = replace(samples.PAGE, rows=(), total=0, first=0, last=0)
    assert "No clients match these filters." in text_of(clients(page=empty, query=ClientQuery(tag_id=1)))
    assert "no clients assigned" in text_of(clients(page=empty, query=ClientQuery()))


def test_sidebar_contract():
    tree = the_sidebar()
    nav = by_role(tree, "navigation", "Main")[0]
    assert [name_of(a, tree) for a in by_role(nav, "link")] == ["Clients", "Data"]
    assert by_role(nav, "link", "Clients")[0].attr("aria-current") == "page"
    assert by_role(tree, "combobox", "Search clients")
    assert [name_of(o, tree) for o in by_role(by_role(tree, "combobox", "Signed in as")[0], "option")] == \
        ["Giulia Bianchi"]
    assert [name_of(o, tree) for o in by_role(by_role(tree, "combobox", "Language")[0], "option")] == \
        ["English", "Italiano"]


def test_the_search_field_says_whether_results_show_and_which_one_is_reached():
    """Drawn whole with the sidebar, so a redraw never flips it back to collapsed."""
    def field(view):
        return by_role(search_box(EN, view, NOOP, NOOP), "combobox", "Search clients")[0]
    closed, reached = field(SearchBoxView("zzz")), field(SearchBoxView("ross", True, option_id(1)))
    assert (closed.attr("aria-expanded"), closed.attr("aria-activedescendant")) == ("false", None)
    assert (reached.attr("aria-expanded"), reached.attr("aria-activedescendant")) == ("true", option_id(1))
    assert reached.attr("value") == "ross"


def test_search_results_are_options_named_by_account_first():
    tree = search_results(EN, "ross", samples.HITS, 1, lambda account_id: NOOP)
    listbox = by_role(tree, "listbox", "Search results")[0]
    options = by_role(listbox, "option")
    assert name_of(options[0], tree).startswith(samples.ROW.name)
    assert [o.attr("aria-selected") for o in options] == ["false", "true"]
    assert "No clients match “zzz”." in text_of(search_results(EN, "zzz", (), -1, NOOP))
    assert search_results(EN, "  ", (), -1, NOOP) is None


def profile(t, tab):
    panel = account_info(t, samples.PROFILE) if tab == "info" else overview_tab(
        t, samples.OVERVIEW, NoteState(), NOTES)
    return profile_page(t, samples.PROFILE.id, samples.PROFILE.name, tab, panel)


@pytest.mark.parametrize("tab", ["overview", "info"])
def test_profile_contract(tab):
    tree = profile(EN, tab)
    assert by_role(tree, "heading", samples.ROW.name)[0].tag == "h1"
    tabs = by_role(tree, "tab")
    assert [name_of(t, tree) for t in tabs] == ["Overview", "Info"]
    assert [t.attr("aria-selected") for t in tabs] == (
        ["true", "false"] if tab == "overview" else ["false", "true"])


def test_info_tab_shows_details_and_contacts():
    tree = profile(EN, "info")
    text = text_of(tree)
    for expected in ("Account details", "Individual", samples.TAG.name, "Giulia Bianchi",
                     samples.CONTACT.name, "mario@rossi.it", "Contacts", "Synced",
                     "In use · last login Nov 20, 2026, 08:15", "125,000", "Jan 31, 2024", "Not set",
                     "Invited on Nov 2, 2026", "On: new document, new message", "Signer 1"):
        assert expected in text, expected
    assert by_role(tree, "link", samples.CONTACT.name)[0].attr("href") == "#/contacts/3"
    assert by_role(tree, "link", "History of changes")[0].attr("href") == "#/accounts/7/history"
    assert by_role(tree, "link", samples.PROFILE.related[0].name)[0].attr("href") == "#/accounts/9/info"
    contacts = by_role(tree, "list")[-1]
    assert len([li for li in by_role(contacts, "listitem")]) == 1  # one item per contact


def editing_screens(t):
    """The editing controls: Info with every button and switch, dialogs, data page, statuses."""
    contacts = ContactHandlers(*(lambda *a: NOOP,) * 6)
    info = account_info(t, samples.PROFILE, InfoHandlers(NOOP, NOOP, NOOP, NOOP, contacts))
    view = AccountFormView(values={"name": samples.ROW.name, "has_photo": True}, tags=(samples.TAG,),
                           members=(samples.GIULIA,), fields=(CustomFieldChoice(3, "Regime", "dropdown", ("A",)),),
                           can_generate_name=True)
    form = form_dialog(t, "d", t("edit.title"), account_form(t, view, view.values, {"name": "required"},
                                                             lambda n: "x" if n == "name" else None, NOOP, NOOP),
                       True, NOOP, NOOP, NOOP)
    choice = ContactChoice(3, samples.CONTACT.name, ("mario@rossi.it",))
    return [info, form, confirm_dialog(t, t("delete.title", name="x"), t("delete.body", name="x"), NOOP, NOOP, NOOP),
            link_results(t, "ross", [choice], None, lambda *a: NOOP), link_results(t, "zz", [], None, lambda *a: NOOP),
            existing_contact_results(t, "ross", [choice]), *data_screens(t),
            save_status(t, "failed", "quota", NOOP), save_status(t, "saving", None, NOOP)]


def data_screens(t):
    """The Data page with an error on each input, the CSV preview and a refused import's report."""
    state = DataPageState(whole_dataset=True, import_clients=True, dataset_error=samples.CSV_HEADERS[1],
                          csv_error="x", reading="x", can_undo=True)
    preview = csv_preview(t, "file.csv", samples.CSV_HEADERS, samples.CSV_SAMPLES, {0: "first_name", 1: None, 2: "email"},
                          samples.PLAN, False, PreviewHandlers(lambda i: NOOP, NOOP, NOOP, NOOP))
    report = import_report(t, samples.REPORT)
    return [data_page(t, state, DataHandlers(*(NOOP,) * 9), preview, report)]


def every_screen(t):
    return [clients(t), the_sidebar(t), search_results(t, "ross", samples.HITS, 0, lambda i: NOOP),
            profile(t, "overview"), profile(t, "info"),
            message_page(t("noaccess.title"), t("noaccess.body", member="Giulia Bianchi")),
            *editing_screens(t)]


def test_user_text_never_becomes_markup():
    for tree in every_screen(EN):
        assert "<img" not in render(tree)


class KeysOnly(Translator):
    """Shows keys instead of messages: any other words on screen were hard-coded."""

    def __call__(self, key, **params):
        return f"⟦{key}⟧"

    def date(self, value):
        return "⟦date⟧"  # month names come from the catalog too


def test_components_take_every_word_from_the_catalog():
    t = KeysOnly("en")
    for tree in every_screen(t):
        for text in texts(tree):
            words = re.sub(r"⟦[^⟧]*⟧", "", text)
            for data in sorted(samples.DATA_TEXT, key=len, reverse=True):
                words = words.replace(data, "")
            assert not re.search(r"[A-Za-z]{2,}", words), f"hard-coded text: {text!r}"


def test_italian_screens_show_no_english_only_messages():
    en, it = CATALOGS["en"].MESSAGES, CATALOGS["it"].MESSAGES
    english_only = {v for k, v in en.items() if v != it[k] and len(v) > 4}
    for tree in every_screen(Translator("it")):
        for text in texts(tree):
            assert text not in english_only
