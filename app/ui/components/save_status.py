"""Whether every change is stored on this device: Saving…, Saved, or why not (with a retry)."""

from app.i18n import Translator
from app.ui.html import Element, Handler, h


def save_status(t: Translator, state: str, detail: str | None, on_retry: Handler) -> Element:
    if state == "failed":
        return h("div", {"class": "save-state failed"},
                 h("p", {"role": "status"}, t("storage.failed", detail=detail or "?")),
                 h("button", {"type": "button", "on_click": on_retry}, t("storage.retry")))
    text = t("storage.saving") if state == "saving" else t("storage.saved")
    return h("div", {"class": f"save-state {state}"}, h("p", {"role": "status"}, text))
