"""Text rules shared by models and search: accent folding and field clean-up."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for search and sorting ("Nicolò" -> "nicolo")."""
    if text.isascii():   # most names and every email: nothing to decompose (a tenth of the cost)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def squash(text: str) -> str:
    """Trim and collapse inner runs of whitespace to one space."""
    return _SPACES.sub(" ", text).strip()
