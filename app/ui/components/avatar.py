"""The account's photo, or its initials when there is none (F-INFO-b)."""

import base64

from app.i18n import Translator
from app.ui.html import Element, h

_SIGNATURES = ((b"\x89PNG", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"RIFF", "image/webp"))


def avatar(t: Translator, name: str, initials: str, photo: bytes | None) -> Element:
    kind = next((mime for magic, mime in _SIGNATURES if photo and photo.startswith(magic)), None)
    if kind:
        # A data URL built here from the stored bytes; escaped as an attribute like any value.
        src = f"data:{kind};base64,{base64.b64encode(photo).decode('ascii')}"
        return h("img", {"class": "account-photo", "src": src, "alt": t("info.photo", name=name),
                         "width": "64", "height": "64"})
    return h("span", {"class": "account-initials", "aria-hidden": "true"}, initials)
