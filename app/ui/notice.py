"""Shows an unexpected error to the user instead of failing silently."""

from __future__ import annotations

import traceback

from app.domain.errors import StaleCopy
from app.i18n import Translator
from app.store.db import Busy
from app.ui.components.notice import notice
from app.ui.dom import Dom
from app.ui.html import h

REGION = "notice"


def show_error(dom: Dom, error: BaseException) -> None:
    traceback.print_exception(error)
    t = Translator(dom.load_setting("language") or dom.browser_language())
    if isinstance(error, StaleCopy):
        text = t("storage.stale")  # the other tab's data arrives within a moment
    elif isinstance(error, Busy):
        text = t("work.busy")   # an import running in steps, or another tab's copy being read
    else:
        text = t("error.unexpected", detail=f"{type(error).__name__}: {error}")
    dom.mount(REGION, notice(text, t("notice.dismiss"), lambda _e: dom.mount(REGION, h("div"))))
