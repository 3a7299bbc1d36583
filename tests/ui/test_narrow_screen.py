"""What a phone relies on: the sidebar's Menu button and the clients table read as a table
whatever CSS makes of it (the layout itself is checked in tests/e2e/test_phone_layout.py)."""

from dataclasses import replace

import pytest

from app.i18n import Translator
from app.ui.components.search_box import SearchBoxView
from app.ui.components.sidebar import SidebarHandlers, SidebarView, sidebar
from tests.ui import samples
from tests.ui.test_components import EN, NOOP, SIDEBAR, clients
from tests.ui.tree import by_role, walk

VIEW = SidebarView("Studio", samples.MEMBERS, 1, "clients", SearchBoxView("ross"))


def by_id(tree, element_id):
    return next(e for e in walk(tree) if e.attr("id") == element_id)


@pytest.mark.parametrize("open_", [False, True])
def test_menu_button_controls_the_part_holding_navigation_and_who_is_signed_in(open_):
    tree = sidebar(EN, replace(VIEW, menu_open=open_), SIDEBAR)
    button = by_role(tree, "button", "Menu")[0]
    assert button.attr("aria-expanded") == ("true" if open_ else "false")
    menu = by_id(tree, button.attr("aria-controls"))
    assert ("open" in menu.attr("class").split()) is open_
    assert by_role(menu, "navigation", "Main") and by_role(menu, "combobox", "Signed in as")
    assert by_role(menu, "combobox", "Language")


def test_search_and_save_state_stay_outside_the_menu():
    tree = sidebar(EN, VIEW, SIDEBAR)
    menu = by_id(tree, by_role(tree, "button", "Menu")[0].attr("aria-controls"))
    assert not by_role(menu, "combobox", "Search clients") and by_role(tree, "combobox", "Search clients")
    assert not [e for e in walk(menu) if e.attr("id") == "save-state"]
    assert by_id(tree, "save-state")


def test_menu_button_calls_the_toggle_and_defaults_to_nothing():
    toggled = []
    handlers = replace(SIDEBAR, menu_toggle=toggled.append)
    button = by_role(sidebar(EN, VIEW, handlers), "button", "Menu")[0]
    button.attr("on_click")("click")
    assert toggled == ["click"]
    assert SidebarHandlers(NOOP, NOOP, NOOP, NOOP).menu_toggle("click") is None


def test_menu_button_is_named_in_italian():
    assert by_role(sidebar(Translator("it"), VIEW, SIDEBAR), "button", "Menu")


def test_clients_table_keeps_its_roles_when_css_makes_rows_cards():
    table = by_role(clients(), "table", "Clients")[0]
    assert table.attr("role") == "table"
    rows = [e for e in walk(table) if e.tag == "tr"]
    assert rows and all(r.attr("role") == "row" for r in rows)
    assert all(c.attr("role") == "cell" for c in walk(table) if c.tag == "td")
    assert all(c.attr("role") == "columnheader" for c in walk(table) if c.tag == "th")


def test_sort_bar_shows_only_sortable_headers():
    headers = by_role(clients(), "columnheader")
    sortable = ["sortable" in (h.attr("class") or "") for h in headers]
    assert sortable == [True, True, False, False, False]


def test_empty_cells_are_marked_so_a_card_leaves_them_out():
    bare = replace(samples.ROW, tags=(), team=(), email=None)
    table = by_role(clients(page=replace(samples.PAGE, rows=(bare,))), "table", "Clients")[0]
    classes = [c.attr("class") for c in walk(table) if c.tag == "td"]
    assert classes == ["name", "type", "tags none", "team none", "email none"]
