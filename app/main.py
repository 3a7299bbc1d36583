"""Entry point in the browser: wire everything, start the router; nothing else."""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Iterator
from datetime import date

from app.demo.generator import build_demo, demo_steps
from app.i18n import Translator
from app.platform.kdf import browser_kdf
from app.platform.sqlite_check import check_elsewhere
from app.platform.storage import DB_PATH, BrowserStorage
from app.platform.turns import browser_pause
from app.services.firm import is_set_up
from app.store import open_store
from app.store.db import Database
from app.store.salvage import open_checked, salvage
from app.ui.app import App
from app.ui.components.damaged_page import damaged_page
from app.ui.dom import Dom
from app.ui.events import UiEvent
from app.ui.language import preferred_language
from app.ui.notice import show_error


async def main() -> None:
    dom = Dom(on_error=lambda error: show_error(dom, error))
    dom.mark("python-started")
    try:
        t = Translator(preferred_language(dom))
        dom.set_boot_message(t("boot.data"))
        await asyncio.sleep(0)  # let the browser paint the message before the heavy part
        storage = BrowserStorage()
        clean = await storage.open()
        # Every page is read only after a session that did not end cleanly: at 50k clients that
        # check takes seconds, and a clean one changed nothing since the last start.
        db = open_checked(DB_PATH, check=not clean)
        if db is None:
            # Never wipe: the damaged file stays where it is; the user chooses what happens next.
            _offer_recovery(dom, t, storage)
            return
        _start(dom, storage, db)
    except Exception as error:  # noqa: BLE001 - a start-up failure must be visible
        traceback.print_exc()
        dom.show_startup_error(f"{type(error).__name__}: {error}")


def _start(dom: Dom, storage: BrowserStorage, db: Database) -> None:
    storage.attach(db)
    if not is_set_up(db):
        demo_firm(db)  # the first start on this device
    dom.mark("data-ready")
    app = App(db, dom, retry_save=storage.retry, make_demo=make_demo, kdf=browser_kdf(),
              pause=browser_pause, check_elsewhere=check_elsewhere)
    storage.loop.on_state = app.show_save_state
    if storage.pending:  # the demo firm just written is still on its way to IndexedDB
        app.save_state = ("saving", None)
    storage.on_remote_change(app.show_reloaded_data)
    app.start()
    dom.mark("rendered")
    dom.set_app_state("ready")


def _offer_recovery(dom: Dom, t: Translator, storage: BrowserStorage) -> None:
    def export(_event: UiEvent) -> None:
        name = f"fascicolo-recovered-{date.today().isoformat()}.sqlite"
        dom.download(name, salvage(DB_PATH), "application/vnd.sqlite3")

    async def start_fresh() -> None:
        await storage.set_aside()
        _start(dom, storage, open_store(DB_PATH))
        dom.focus("page-title")

    dom.mount("main", damaged_page(t, export, lambda _event: asyncio.ensure_future(start_fresh())))
    dom.set_app_state("error")
    dom.focus("page-title")


DEMO_ACCOUNTS = 300


def demo_firm(db: Database) -> None:
    """The demo firm, made at the first start on this device."""
    build_demo(db, accounts=DEMO_ACCOUNTS, today=date.today())


def make_demo(db: Database) -> Iterator[tuple[int, int]]:
    """The same demo firm in steps, for "Reset to demo data" (app.services.reset)."""
    return demo_steps(db, accounts=DEMO_ACCOUNTS, today=date.today())
