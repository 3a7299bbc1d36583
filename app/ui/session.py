"""Who is signed in to a firm of its own: the sign-in page, the first-sign-in passphrase,
changing one's own, signing out, and the lock after a period without activity (F-FIRM-2).

The demo firm skips all of this: its `Signed in as` switcher is free. Failed attempts are
counted per member on this device (kept across reloads) and each one doubles the wait before
the next.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING

from app.domain.firm import Member
from app.domain.passphrase import retry_delay
from app.services import signin
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, form_field
from app.ui.components.passphrase_fields import passphrase_fields
from app.ui.components.sign_in_page import SignInState, sign_in_page
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.html import Element
from app.ui.language import preferred_language

if TYPE_CHECKING:
    from app.ui.app import App


MAIN = "main"
WAITS = "sign-in-waits"
LAST_MEMBER = "last-member"


class Session:
    def __init__(self, app: App) -> None:
        self.app = app
        self.alert: str | None = None
        self.chosen = ""
        self.busy = False
        self.place_of: int | None = None   # who the idle lock locked out (their page is kept for them)

    # The sign-in page -------------------------------------------------------------------
    def render(self) -> str:
        t = self.app.t
        members = [(str(m.id), m.full_name) for m in signin.sign_in_choices(self.app.db)]
        offered = {value for value, _ in members}
        # Who signed in last on this device is offered first (one fewer choice for them).
        last = self.app.dom.load_setting(LAST_MEMBER)
        chosen = next((c for c in (self.chosen, last) if c in offered), members[0][0] if members else "")
        state = SignInState(self.app.firm.name, members, chosen, self.alert, self.busy)
        self.app.dom.mount(MAIN, sign_in_page(t, state, self.on_submit))
        return t("signin.title")

    def on_submit(self, event: UiEvent) -> None:
        if self.busy:
            return
        member_id, passphrase = str(event.form.get("member") or ""), str(event.form.get("passphrase") or "")
        self.chosen = member_id
        wait = self._waits().get(member_id, (0, 0.0))[1] - time.time()
        if wait > 0:
            self._refuse(self.app.t("signin.wait", seconds=int(wait) + 1))
            return
        if not member_id.isdigit():
            return
        self.busy, self.alert = True, None
        self.app.changed()
        asyncio.ensure_future(self._check(int(member_id), passphrase))

    async def _check(self, member_id: int, passphrase: str) -> None:
        try:
            member = await signin.sign_in(self.app.db, member_id, passphrase, self.app.kdf)
        except signin.SignInRefused:
            self.busy = False
            self._refuse(self.app.t("signin.refused", seconds=self._failed(str(member_id))))
            return
        except Exception as error:  # noqa: BLE001 - shown, never swallowed
            self.busy = False
            self.app.changed()
            self.app.show_error(error)
            return
        self.busy, self.alert, self.chosen = False, None, ""
        waits = self._waits()
        waits.pop(str(member_id), None)
        self._keep(waits)
        self.app.dom.save_setting(LAST_MEMBER, str(member_id))
        self.signed_in(member)

    # Wrong attempts: member id -> (how many in a row, when the next try is allowed), on the device
    # so that a reload does not start the wait over.
    def _waits(self) -> dict[str, tuple[int, float]]:
        try:
            return {k: (int(v[0]), float(v[1])) for k, v in json.loads(self.app.dom.load_setting(WAITS) or "{}").items()}
        except (ValueError, TypeError, IndexError, AttributeError):
            return {}

    def _keep(self, waits: dict[str, tuple[int, float]]) -> None:
        self.app.dom.save_setting(WAITS, json.dumps(waits))

    def _failed(self, member_id: str) -> int:
        """Count one more wrong attempt; returns the seconds to wait before the next."""
        waits = self._waits()
        failures = waits.get(member_id, (0, 0.0))[0] + 1
        delay = retry_delay(failures)
        waits[member_id] = (failures, time.time() + delay)
        self._keep(waits)
        return delay

    def _refuse(self, text: str) -> None:
        self.app.dom.mount("announce", None)   # "You have signed out" no longer applies
        self.alert = text
        self.app.dom.clear_secrets(MAIN)   # a refused passphrase is never drawn back
        self.app.changed(focus="f-passphrase")

    # Passphrases --------------------------------------------------------------------------
    def ask_new_passphrase(self) -> None:
        """First sign-in (or after a reset): the passphrase someone else set is replaced now."""
        self.app.dialogs.open(OpenForm(render=self._choose_dialog, submit=self._choose, focus="f-passphrase",
                                       on_escape=self.sign_out))

    def _choose_dialog(self, form: OpenForm) -> Element:
        t, d = self.app.t, self.app.dialogs
        body = [passphrase_fields(t, d.error_text, t("passphrase.new"), t("passphrase.repeat"))]
        # Cancel signs out: nobody works on with a passphrase that someone else knows.
        return form_dialog(t, "choose-passphrase", t("passphrase.choose_title"), body, bool(form.errors),
                           d.on_submit, self.sign_out, d.on_key)

    async def _choose(self, data: dict) -> str:
        await signin.choose_passphrase(self.app.db, self.app.member, data, self.app.kdf)
        self.app.refresh_member()
        return self.app.t("passphrase.saved")

    def ask_change(self, _event: UiEvent) -> None:
        self.app.dialogs.open(OpenForm(render=self._change_dialog, submit=self._change, focus="f-current"))

    def _change_dialog(self, form: OpenForm) -> Element:
        t, d = self.app.t, self.app.dialogs
        body = [form_field(Field("current", t("passphrase.current"), kind="password", error=d.error_text("current"),
                                       autocomplete="current-password")),
                passphrase_fields(t, d.error_text, t("passphrase.new"), t("passphrase.repeat"))]
        return form_dialog(t, "change-passphrase", t("passphrase.change_title"), body, bool(form.errors),
                           d.on_submit, d.close, d.on_key)

    async def _change(self, data: dict) -> str:
        await signin.change_passphrase(self.app.db, self.app.member, data, self.app.kdf)
        return self.app.t("passphrase.saved")

    # Coming in and leaving ------------------------------------------------------------------
    def signed_in(self, member: Member) -> None:
        app = self.app
        if self.place_of not in (None, member.id):
            app.dom.replace_hash("#/clients")   # the page was the previous person's
        self.place_of = None
        app.member = member
        app.lang = preferred_language(app.dom, app.firm.language)
        app.changed(focus="page-title")   # unless a new passphrase is asked for first:
        app.show_route(focus=False)        # drawn from the address, which asks for it

    def must_choose_passphrase(self) -> bool:
        m = self.app.member
        return m is not None and not self.app.firm.demo and (m.must_change_passphrase or not m.has_passphrase)

    def sign_out(self, _event: UiEvent | None = None) -> None:
        self._signed_out(self.app.t("signin.signed_out"))

    def lock(self) -> None:
        """No activity for the firm's idle time: unsaved form input is discarded, not saved."""
        if self.app.member is not None and not self.app.firm.demo:
            self._signed_out(self.app.t("signin.locked"), keep_place=True)

    def _signed_out(self, message: str, keep_place: bool = False) -> None:
        """After an idle lock the same person signing in again comes back where they were;
        anyone else, and anyone after a Sign out, starts on the clients list."""
        app = self.app
        self.place_of = app.member.id if keep_place and app.member else None
        self.drop()
        if not keep_place:
            app.dom.replace_hash("#/clients")
        app.changed(focus="f-passphrase", message=message)

    def drop(self) -> None:
        """Nobody is signed in now: whatever was being typed is discarded, not saved half-done."""
        self.app.member = None
        self.app.dialogs.discard()
        self.app.forget_screens()
