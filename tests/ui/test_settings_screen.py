"""The Settings page under CPython: who may open it, the Firm part, Team members and their dialogs."""

from __future__ import annotations

import asyncio

import pytest

from app.domain.passphrase import Kdf, hashlib_derive
from app.services import team
from app.ui.app import App
from app.ui.html import Element, render, text_of
from tests.conftest import MARKUP, member_named
from tests.ui.fake_dom import FakeDom
from tests.ui.tree import by_role, walk

FAST = Kdf(hashlib_derive, iterations=1000)


def open_settings(db, member: str = "Giulia") -> App:
    app = App(db, FakeDom("#/settings"), kdf=FAST)
    app.member = member_named(db, member)
    app.start()
    return app


def submit(app: App, tree: Element, **form) -> None:
    app.dom.fire(next(e for e in walk(tree) if e.tag == "form"), "submit", form=form)
    asyncio.get_event_loop().run_until_complete(asyncio.sleep(0.05))


def click(app: App, name: str) -> None:
    app.dom.fire(app.dom.one("button", name), "click")


def firm_form(app: App) -> dict[str, str]:
    firm = app.firm
    return {"name": firm.name, "street": firm.street, "city": firm.city, "postal_code": firm.postal_code,
            "province": firm.province, "country": firm.country, "vat_number": firm.vat_number,
            "language": firm.language, "idle_minutes": str(firm.idle_minutes)}


@pytest.mark.parametrize("member", ["Giulia", "Marco"])
def test_owner_and_admins_see_every_part(studio, member):
    app = open_settings(studio, member)
    for part in ("Firm", "Team members", "Tags", "Custom fields", "Firm history"):
        assert app.dom.one("region", part)
    assert "Settings" in text_of(app.dom.regions["sidebar"])


@pytest.mark.parametrize("member", ["Laura", "Paolo", "Sara", "Tom"])
def test_employees_get_no_access_and_no_link(studio, member):
    app = open_settings(studio, member)
    assert app.dom.one("heading", "No access")
    assert not by_role(app.dom.regions["sidebar"], "link", "Settings")


def test_renaming_the_firm_shows_in_the_sidebar_and_the_history(studio, loop):
    app = open_settings(studio)
    submit(app, app.dom.one("region", "Firm"), **{**firm_form(app), "name": MARKUP})
    assert MARKUP in text_of(app.dom.regions["sidebar"]) and "<img" not in render(app.dom.regions["sidebar"])
    history = text_of(app.dom.one("region", "Firm history"))
    assert "Giulia Bianchi changed the firm's settings (Firm name)" in history


def test_a_refused_firm_form_keeps_what_was_typed_and_says_why_by_the_field(studio, loop):
    app = open_settings(studio)
    submit(app, app.dom.one("region", "Firm"), **{**firm_form(app), "name": " ", "idle_minutes": "0", "city": "Bari"})
    part = render(app.dom.one("region", "Firm"))
    assert 'id="f-name" name="name" aria-invalid="true"' in part and "Required." in part
    assert 'id="f-idle-minutes" name="idle_minutes" aria-invalid="true"' in part
    assert 'value="Bari"' in part and app.firm.name == "Studio Bianchi & Ferri"
    assert app.dom.focused == "f-name"


def test_adding_a_member_with_a_taken_email_is_refused_next_to_the_field(studio, loop):
    app = open_settings(studio)
    click(app, "Add member")
    submit(app, app.dom.regions["dialog"], first_name="Nina", last_name="Neri", email="LAURA.CONTI@studiobf.it",
           role="employee", passphrase="first passphrase")
    dialog = render(app.dom.regions["dialog"])
    assert "A member already has this email address." in dialog
    assert len(team.team(studio, app.member)) == 6


def test_an_added_member_shows_in_the_table_with_the_rights_given(studio, loop):
    app = open_settings(studio)
    click(app, "Add member")
    submit(app, app.dom.regions["dialog"], first_name="Nina", last_name="Neri", email="nina@studiobf.it",
           role="employee", rights=["view_all_accounts", "export_clients"], passphrase="first passphrase")
    assert app.dom.regions["dialog"] is None
    table = text_of(app.dom.one("table", "Team members"))
    assert "Nina Neri" in table and "View all accounts, Export clients" in table
    assert "Nina Neri has been added." in text_of(app.dom.regions["announce"])


def test_deactivating_asks_first_then_offers_reactivation(studio):
    app = open_settings(studio)
    click(app, "Deactivate Laura Conti")
    dialog = app.dom.one("alertdialog", None)
    assert "no longer be able to sign in" in text_of(dialog)
    app.dom.fire(by_role(dialog, "button", "Confirm")[0], "click")
    assert app.dom.one("button", "Reactivate Laura Conti")
    assert "Laura Conti" not in text_of(by_role(app.dom.regions["sidebar"], "combobox", "Signed in as")[0])


def test_the_owner_is_offered_no_way_to_deactivate_or_reset_themselves_and_admins_cannot_touch_them(studio):
    owner_view = open_settings(studio, "Giulia")
    assert not by_role(owner_view.dom.tree(), "button", "Deactivate Giulia Bianchi")
    assert not by_role(owner_view.dom.tree(), "button", "Reset passphrase for Giulia Bianchi")
    assert owner_view.dom.one("button", "Make Marco Ferri owner")
    admin_view = open_settings(studio, "Marco")
    assert not by_role(admin_view.dom.tree(), "button", "Edit Giulia Bianchi")
    assert not by_role(admin_view.dom.tree(), "button", "Make Laura Conti owner")
