"""Account photos (F-INFO-b): small images of a known kind, kept in the database."""

from __future__ import annotations

MAX_BYTES = 300_000    # the browser scales photos to 256 px first; this is a safety net
THUMBNAIL_PX = 256
_KINDS = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


def mime_of(data: bytes | None) -> str | None:
    if not data:
        return None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for magic, mime in _KINDS if data.startswith(magic)), None)


def check_photo(data: bytes) -> bytes:
    """The photo as given, or ValueError("photo_type" | "photo_size")."""
    if mime_of(data) is None:
        raise ValueError("photo_type")
    if len(data) > MAX_BYTES:
        raise ValueError("photo_size")
    return data
