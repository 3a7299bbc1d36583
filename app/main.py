"""Entry point in the browser: wire everything, start the router; nothing else."""

from __future__ import annotations

import asyncio
import traceback
from datetime import date

from app.demo.generator import build_demo
from app.domain.errors import StaleCopy
from app.i18n import Translator
from app.platform.storage import DB_PATH, BrowserStorage
from app.services.firm import is_set_up
from app.store import open_store
from app.ui.app import App, preferred_language
from app.ui.dom import Dom
from app.ui.notice import show_error


async def main() -> None:
    dom = Dom(on_error=lambda error: show_error(dom, error))
    dom.mark("python-started")
    try:
        t = Translator(preferred_language(dom))
        dom.set_boot_message(t("boot.data"))
        await asyncio.sleep(0)  # let the browser paint the message before the heavy part
        app: App | None = None
        storage = BrowserStorage(on_state=lambda state, detail: app and app.show_save_state(state, detail))
        await storage.open()
        db = open_store(DB_PATH)
        if not db.integrity_ok():
            # Never wipe: the damaged file stays where it is for a later export or repair.
            dom.show_startup_error(t("storage.damaged"))
            return
        db.on_commit(storage.committed)
        db.write_guard = lambda: _fresh_enough(storage)
        if not is_set_up(db):
            demo_firm(db)  # the first start on this device
        dom.mark("data-ready")
        app = App(db, dom, retry_save=storage.retry, demo_firm=demo_firm)
        if storage.pending:  # the demo firm just written is still on its way to IndexedDB
            app.save_state = ("saving", None)
        storage.on_remote_change(app.reload_data)
        app.start()
        dom.mark("rendered")
        dom.set_app_state("ready")
    except Exception as error:  # noqa: BLE001 - a start-up failure must be visible
        traceback.print_exc()
        dom.show_startup_error(f"{type(error).__name__}: {error}")


def demo_firm(db) -> None:
    """The demo firm, made the same way at first start and by "Reset to demo data"."""
    build_demo(db, accounts=300, today=date.today())


def _fresh_enough(storage: BrowserStorage) -> None:
    if not storage.may_write():
        storage.refresh()
        raise StaleCopy("another tab saved a newer copy")
