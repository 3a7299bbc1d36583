"""F-INFO-b: an account photo is uploaded, shown scaled down, and removed; a non-image is refused."""

from __future__ import annotations

import struct
import zlib

from playwright.sync_api import Page, expect

from tests.e2e.pages import clients_table


def png(width: int, height: int) -> bytes:
    """A real, plain red PNG made here (no file to ship)."""
    raw = b"".join(b"\x00" + bytes([200, 60, 60]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def open_edit_dialog(page: Page):
    clients_table(page).get_by_role("link").first.click()
    page.get_by_role("tab", name="Info").click()
    page.get_by_role("region", name="Account details").get_by_role("button", name="Edit").click()
    return page.get_by_role("dialog", name="Edit account details")


def test_photo_upload_scales_it_and_removal_brings_back_the_initials(page: Page) -> None:
    dialog = open_edit_dialog(page)
    dialog.get_by_label("Photo").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not an image"}])
    expect(dialog.get_by_text("not an image that can be used")).to_be_visible()

    dialog.get_by_label("Photo").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": png(900, 300)}])
    expect(dialog.get_by_role("img", name="The new photo")).to_be_visible()
    dialog.get_by_role("button", name="Save").click()

    details = page.get_by_role("region", name="Account details")
    photo = details.get_by_role("img")
    expect(photo).to_be_visible()
    name = page.get_by_role("heading", level=1).inner_text()
    expect(photo).to_have_attribute("alt", f"Photo of {name}")
    assert photo.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [256, 85]

    details.get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit account details")
    dialog.get_by_label("Remove the photo").check()
    dialog.get_by_role("button", name="Save").click()
    expect(details.get_by_role("img")).to_have_count(0)
