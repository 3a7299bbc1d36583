"""The account's photo, or its initials when there is none (F-INFO-b)."""

import base64

from app.domain.photos import mime_of
from app.ui.html import Element, h


def avatar(alt: str, initials: str, photo: bytes | None) -> Element:
    kind = mime_of(photo)
    if kind:
        # A data URL built here from the stored bytes; escaped as an attribute like any value.
        src = f"data:{kind};base64,{base64.b64encode(photo).decode('ascii')}"
        return h("img", {"class": "account-photo", "src": src, "alt": alt,
                         "width": "64", "height": "64"})
    return h("span", {"class": "account-initials", "aria-hidden": "true"}, initials)
