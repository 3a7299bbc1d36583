"""Entry point in the browser: wire everything, start the router; nothing else."""

from __future__ import annotations

import asyncio
import traceback
from datetime import date

from app.demo.generator import build_demo
from app.i18n import Translator
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
        db = open_store()
        build_demo(db, accounts=300, today=date.today())
        dom.mark("data-ready")
        App(db, dom).start()
        dom.mark("rendered")
        dom.set_app_state("ready")
    except Exception as error:  # noqa: BLE001 - a start-up failure must be visible
        traceback.print_exc()
        dom.show_startup_error(f"{type(error).__name__}: {error}")
