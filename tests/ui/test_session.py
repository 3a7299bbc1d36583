"""A firm of its own under CPython: set up from the demo, sign in and out, the first-sign-in
passphrase, the growing wait, the idle lock, and rights that the switcher can no longer take."""

from __future__ import annotations

import asyncio

import pytest

from app.demo.generator import build_demo
from app.domain.passphrase import Kdf, hashlib_derive
from app.services import team
from app.store import open_store
from app.ui.app import App
from app.ui.html import Element, render, text_of
from tests.conftest import TODAY
from tests.ui.fake_dom import FakeDom
from tests.ui.tree import by_role, walk

FAST = Kdf(hashlib_derive, iterations=1000)
PASSPHRASE = "correct horse battery"
OWNER = {"firm_name": "Studio Verdi", "first_name": "Anna", "last_name": "Verdi", "email": "anna@verdi.it",
         "passphrase": PASSPHRASE, "repeat": PASSPHRASE, "starter": "true"}


def settle() -> None:
    """Let the hashing tasks the handlers started run to their end."""
    loop = asyncio.get_event_loop()
    loop.run_until_complete(asyncio.sleep(0.05))


@pytest.fixture
def app(loop) -> App:
    db = open_store()
    build_demo(db, accounts=20, today=TODAY)
    app = App(db, FakeDom("#/clients"), kdf=FAST)
    app.start()
    return app


def submit(app: App, tree: Element, **form: str) -> None:
    app.dom.fire(next(e for e in walk(tree) if e.tag == "form"), "submit", form=form)
    settle()


def _event(kind: str, **fields):
    from app.ui.events import UiEvent
    return UiEvent(type=kind, **fields)


def click(app: App, name: str) -> None:
    app.dom.fire(app.dom.one("button", name), "click")


def set_up(app: App, **changes: str) -> None:
    click(app, "Set up my firm")
    submit(app, app.dom.regions["dialog"], **{**OWNER, **changes})


def main_text(app: App) -> str:
    return text_of(app.dom.regions["main"])


def test_set_up_replaces_the_demo_and_signs_the_owner_in(app):
    set_up(app)
    assert app.dom.regions["banner"] is None and app.dom.regions["dialog"] is None
    sidebar = text_of(app.dom.regions["sidebar"])
    assert "Studio Verdi" in sidebar and "Anna Verdi" in sidebar and "Studio Bianchi" not in sidebar
    assert not by_role(app.dom.regions["sidebar"], "combobox", "Signed in as")
    assert "Showing" not in main_text(app) or "of 0" in main_text(app)
    assert "Studio Verdi is set up" in text_of(app.dom.regions["announce"])


def test_set_up_from_another_page_draws_the_new_firms_client_list_once(app):
    app.dom.navigate("#/data")
    click(app, "Set up my firm")
    dialog, app.dom.marks = app.dom.regions["dialog"], []
    submit(app, dialog, **OWNER)
    assert app.dom.marks.count("render-start") == 1   # never the demo's page, or the dialog, again
    assert app.dom.location_hash() == "#/clients" and app.dom.title.startswith("Clients")
    assert app.dom.focused == "page-title"


def test_a_refused_set_up_marks_the_fields_and_keeps_the_demo(app):
    set_up(app, passphrase="short", repeat="other", email="not-an-email", first_name=" ")
    dialog = render(app.dom.regions["dialog"])
    for message in ("At least 10 characters.", "Not a valid email address.", "Required."):
        assert message in dialog
    assert 'value="short"' not in dialog   # a typed passphrase is never drawn back
    assert app.firm.demo and app.firm.name == "Studio Bianchi & Ferri"


def test_signing_out_locks_everything_but_the_sign_in_page(app):
    set_up(app)
    click(app, "Sign out")
    assert app.dom.one("heading", "Sign in").tag == "h1"
    assert app.dom.title == "Sign in · Fascicolo"
    assert not by_role(app.dom.regions["sidebar"], "navigation")
    app.dom.navigate("#/settings")   # an address typed by hand changes nothing
    assert app.dom.one("heading", "Sign in")


def test_a_wrong_passphrase_waits_longer_each_time_even_across_a_reload(app):
    set_up(app)
    owner_id = str(app.member.id)
    click(app, "Sign out")
    submit(app, app.dom.regions["main"], member=owner_id, passphrase="wrong wrong wrong")
    assert "do not match. You can try again in 1 s." in main_text(app)
    again = App(app.db, app.dom, kdf=FAST)   # a reload keeps the count on the device
    again.start()
    submit(app, app.dom.regions["main"], member=owner_id, passphrase=PASSPHRASE)
    assert "wait 1 s before trying again" in main_text(again)
    assert again.member is None


def test_the_right_passphrase_signs_in(app):
    set_up(app)
    owner_id = str(app.member.id)
    click(app, "Sign out")
    submit(app, app.dom.regions["main"], member=owner_id, passphrase=PASSPHRASE)
    assert app.member is not None and app.member.full_name == "Anna Verdi"
    assert app.dom.one("heading", "Clients")


def test_a_passphrase_set_by_someone_else_is_replaced_at_first_sign_in(app):
    set_up(app)
    luca = asyncio.get_event_loop().run_until_complete(team.add_member(
        app.db, app.member, {"first_name": "Luca", "last_name": "Neri", "email": "luca@verdi.it",
                             "role": "employee", "passphrase": "given by anna"}, FAST))
    click(app, "Sign out")
    submit(app, app.dom.regions["main"], member=str(luca), passphrase="given by anna")
    assert app.dom.one("dialog", "Choose your passphrase")
    submit(app, app.dom.regions["dialog"], passphrase="short", repeat="short")
    assert "At least 10 characters." in render(app.dom.regions["dialog"])
    submit(app, app.dom.regions["dialog"], passphrase="my own words here", repeat="my own words here")
    assert app.dom.regions["dialog"] is None and not app.member.must_change_passphrase
    assert "Settings" not in text_of(app.dom.regions["sidebar"])   # an employee without rights


def test_escape_in_choose_your_passphrase_signs_out(app):
    set_up(app)
    asyncio.get_event_loop().run_until_complete(team.add_member(
        app.db, app.member, {"first_name": "Luca", "last_name": "Neri", "email": "luca@verdi.it",
                             "role": "admin", "passphrase": "given by anna"}, FAST))
    luca = next(m for m in team.team(app.db, app.member) if m.first_name == "Luca")
    click(app, "Sign out")
    submit(app, app.dom.regions["main"], member=str(luca.id), passphrase="given by anna")
    dialog = app.dom.one("dialog", "Choose your passphrase")
    app.dom.fire(dialog, "keydown", key="Escape")
    assert app.member is None and app.dom.one("heading", "Sign in")


def test_the_idle_lock_discards_an_open_form(app):
    set_up(app)
    click(app, "Change passphrase")
    assert app.dom.one("dialog", "Change your passphrase")
    app.dom.idle = 14 * 60
    for tick in app.dom.timers:
        tick()
    assert app.member is not None   # not yet: the firm's default is 15 minutes
    app.dom.idle = 15 * 60
    for tick in app.dom.timers:
        tick()
    assert app.member is None and app.dom.regions["dialog"] is None
    assert app.dom.one("heading", "Sign in") and "Locked" in text_of(app.dom.regions["announce"])


def test_the_demo_never_locks_and_keeps_its_switcher(app):
    app.dom.idle = 10 * 60 * 60
    for tick in app.dom.timers:
        tick()
    assert app.member is not None and app.dom.one("combobox", "Signed in as")


def test_a_member_deactivated_in_another_tab_is_signed_out_here(app):
    set_up(app)
    asyncio.get_event_loop().run_until_complete(team.add_member(
        app.db, app.member, {"first_name": "Luca", "last_name": "Neri", "email": "luca@verdi.it",
                             "role": "admin", "passphrase": "given by anna"}, FAST))
    owner = app.member
    luca = next(m for m in team.team(app.db, owner) if m.first_name == "Luca")
    app.session.signed_in(luca)
    team.deactivate(app.db, owner, luca.id)
    app.show_reloaded_data()   # as after another tab's save (the storage reads the file, then calls this)
    app.dom.settle()
    assert app.member is None and app.dom.one("heading", "Sign in")


def test_after_sign_out_the_next_person_starts_on_the_clients_list(app):
    set_up(app)
    app.dom.navigate("#/settings")
    click(app, "Sign out")
    assert app.dom.hash == "#/clients"


def test_after_the_idle_lock_the_same_person_comes_back_to_their_page_and_nobody_else_does(app):
    set_up(app)
    owner_id = str(app.member.id)
    app.dom.navigate("#/settings")
    app.dom.idle = 16 * 60
    app.dom.timers[0]()
    assert app.dom.hash == "#/settings" and app.dom.one("heading", "Sign in")
    app.dom.idle = 0
    submit(app, app.dom.regions["main"], member=owner_id, passphrase=PASSPHRASE)
    assert app.dom.one("heading", "Settings")
    asyncio.get_event_loop().run_until_complete(team.add_member(
        app.db, app.member, {"first_name": "Luca", "last_name": "Neri", "email": "luca@verdi.it",
                             "role": "admin", "passphrase": "given by anna"}, FAST))
    luca = next(m for m in team.team(app.db, app.member) if m.first_name == "Luca")
    app.dom.idle = 16 * 60
    app.dom.timers[0]()
    submit(app, app.dom.regions["main"], member=str(luca.id), passphrase="given by anna")
    assert app.dom.hash == "#/clients"
