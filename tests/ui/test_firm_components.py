"""Components of a firm of its own: sign-in, demo notice, set-up, Settings parts, the sidebar."""

import re

import pytest

from app.domain.firm import Member, Right, Role
from app.i18n import CATALOGS, Translator
from app.services.settings_views import EventView
from app.ui.components.demo_notice import demo_notice
from app.ui.components.firm_history import firm_history
from app.ui.components.firm_part import firm_part
from app.ui.components.member_form import member_form
from app.ui.components.members_table import MemberActions, members_part
from app.ui.components.setup_form import setup_form
from app.ui.components.sign_in_page import SignInState, sign_in_page
from app.ui.html import render, text_of
from tests.ui.test_components import EN, NOOP, KeysOnly, the_sidebar
from tests.ui.tree import by_role, name_of, texts

MARKUP = '<img src=x onerror="alert(1)">'
MEMBERS = [Member(id=1, first_name="Giulia", last_name="Bianchi", email="g@b.it", role=Role.OWNER),
           Member(id=2, first_name=MARKUP, last_name="Conti", email="l@b.it", role=Role.EMPLOYEE,
                  rights=frozenset({Right.VIEW_ALL_ACCOUNTS}), active=False)]
DATA = {"Studio", MARKUP, "Giulia Bianchi", f"{MARKUP} Conti", "Giulia", "Bianchi", "Conti", "g@b.it", "l@b.it",
        "Via Roma 1", "English", "Italiano"}  # language names are said in their own language


def actions(member: Member) -> MemberActions:
    return MemberActions(edit=NOOP, reset=NOOP, deactivate=NOOP if member.active else None,
                         reactivate=None if member.active else NOOP, make_owner=NOOP)


def screens(t):
    event = EventView("2026-12-01T10:00:00", f"{MARKUP} Conti", "member_changed", "Giulia Bianchi",
                      {"role": "employee", "rights": "view_all_accounts"})
    return [sign_in_page(t, SignInState("Studio", [("1", "Giulia Bianchi"), ("2", f"{MARKUP} Conti")], "1",
                                        t("signin.refused", seconds=1)), NOOP),
            demo_notice(t, NOOP),
            *setup_form(t, {"firm_name": MARKUP, "starter": "true"}, lambda name: None),
            firm_part(t, {"name": MARKUP, "street": "Via Roma 1"}, lambda name: None, False, NOOP),
            members_part(t, MEMBERS, actions, NOOP),
            *[c for c in member_form(t, {"first_name": MARKUP}, lambda name: None, new=True) if c],
            firm_history(t, [event], 3),
            the_sidebar(t, demo=False, settings=True)]


def test_sign_in_page_contract():
    tree = sign_in_page(EN, SignInState("Studio", [("1", "Giulia Bianchi")], "1", "Wrong."), NOOP)
    assert by_role(tree, "heading", "Sign in")[0].tag == "h1"
    assert [name_of(o, tree) for o in by_role(by_role(tree, "combobox", "Member")[0], "option")] == ["Giulia Bianchi"]
    passphrase = next(e for e in by_role(tree, "alert") if text_of(e) == "Wrong.")
    assert passphrase and by_role(tree, "button", "Sign in")
    assert 'type="password"' in render(tree)


def test_members_table_names_each_action_by_the_member():
    tree = members_part(EN, MEMBERS, actions, NOOP)
    table = by_role(tree, "table", "Team members")[0]
    assert [name_of(th, tree) for th in by_role(table, "columnheader")][:4] == ["Name", "Email", "Role", "Rights"]
    assert by_role(tree, "button", "Edit Giulia Bianchi") and by_role(tree, "button", "Add member")
    assert by_role(tree, "button", f"Reactivate {MARKUP} Conti")
    assert "View all accounts" in text_of(table) and "Deactivated" in text_of(table)


def test_own_firm_sidebar_names_the_member_and_offers_sign_out_and_settings():
    tree = the_sidebar(demo=False, settings=True)
    assert not by_role(tree, "combobox", "Signed in as")
    assert "Giulia Bianchi" in text_of(tree) and by_role(tree, "button", "Sign out")
    nav = by_role(tree, "navigation", "Main")[0]
    assert [name_of(a, tree) for a in by_role(nav, "link")] == ["Clients", "Data", "Settings"]


def test_history_says_role_and_rights_in_the_readers_language():
    event = EventView("2026-12-01T10:00:00", "Giulia Bianchi", "member_changed", "Laura Conti",
                      {"role": "employee", "rights": "view_all_accounts,export_clients"})
    assert "Employee, rights: View all accounts, Export clients" in text_of(firm_history(EN, [event], 1))
    italian = text_of(firm_history(Translator("it"), [event], 1))
    assert "Collaboratore" in italian and "Vede tutti gli account" in italian


def test_user_text_never_becomes_markup():
    for tree in screens(EN):
        assert "<img" not in render(tree)


def test_every_word_comes_from_the_catalog():
    for tree in screens(KeysOnly("en")):
        for text in texts(tree):
            words = re.sub(r"⟦[^⟧]*⟧", "", text)
            for data in sorted(DATA, key=len, reverse=True):
                words = words.replace(data, "")
            assert not re.search(r"[A-Za-z]{2,}", words), f"hard-coded text: {text!r}"


@pytest.mark.parametrize("lang", ["it"])
def test_italian_screens_show_no_english_only_messages(lang):
    en, it = CATALOGS["en"].MESSAGES, CATALOGS["it"].MESSAGES
    english_only = {v for k, v in en.items() if v != it[k] and len(v) > 4}
    for tree in screens(Translator(lang)):
        for text in texts(tree):
            assert text not in english_only
