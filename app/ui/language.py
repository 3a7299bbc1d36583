"""Which language the UI speaks on this device."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import CATALOGS, DEFAULT

if TYPE_CHECKING:
    from app.ui.dom_protocol import DomProtocol


def preferred_language(dom: DomProtocol, firm_language: str = "") -> str:
    """The language chosen on this device, else the firm's, else the browser's, else English."""
    for lang in (dom.load_setting("language"), firm_language, dom.browser_language()):
        if lang in CATALOGS:
            return lang
    return DEFAULT
