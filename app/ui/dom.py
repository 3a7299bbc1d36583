"""The one module that touches the browser: DOM writes, events, location, local storage.

Regions are elements with an id that the app fills with a rendered tree. Events are
delegated: one listener per event type on the document finds the nearest element with a
`data-on-<type>` id and calls that Python handler with a `UiEvent`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import js  # type: ignore[import-not-found]  # Pyodide's bridge to the page
from pyodide.ffi import create_once_callable, create_proxy, jsnull, to_js  # type: ignore[import-not-found]

from app.ui.events import UiEvent
from app.ui.html import Handler, Node, Registry, render

EVENTS = ("click", "input", "change", "keydown", "submit")
_READ_CHUNK = 8 * 1024 * 1024


def _absent(value: Any) -> bool:
    """JS null arrives as `jsnull` (not None) in this Pyodide; undefined as None."""
    return value is None or value is jsnull


def _as_list(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


@dataclass(frozen=True)
class ChosenFile:
    name: str
    size: int   # known before reading: a file over the limit is refused unread
    _file: Any

    @property
    def blob(self) -> Any:
        """The browser's File itself, for a worker to read on its own."""
        return self._file

    async def read(self) -> bytes:
        """Its bytes, a slice at a time: copying 250 MB at once would hold the page for 0.2 s."""
        data = bytearray(self.size)
        with memoryview(data) as view:
            for start in range(0, self.size, _READ_CHUNK):
                part = js.Uint8Array.new(await self._file.slice(start, start + _READ_CHUNK).arrayBuffer())
                part.assign_to(view[start:start + part.length])
        return data

    async def head(self, size: int) -> bytes:
        return (await self._file.slice(0, size).arrayBuffer()).to_bytes()

    async def copy_to(self, path: str) -> None:
        """Into a file of the page's memory (MEMFS), a slice at a time, sized at once."""
        with open(path, "wb") as target:
            target.truncate(self.size)
            for start in range(0, self.size, _READ_CHUNK):
                part = await self._file.slice(start, start + _READ_CHUNK).arrayBuffer()
                target.seek(start)
                target.write(part.to_bytes())


class Dom:
    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._handlers: dict[str, dict[str, Handler]] = {}
        self._on_error = on_error
        self._last_activity = float(js.Date.now())   # a click or a key: what the idle lock counts from
        self._after_event: Callable[[], None] = lambda: None
        self._held: Any = None   # the element that had focus when a dialog opened
        # Proxies are kept for the page's lifetime: these listeners are never removed.
        self._proxies = [create_proxy(self._dispatch)]
        for event_type in EVENTS:
            js.document.addEventListener(event_type, self._proxies[0])

    def mount(self, region_id: str, node: Node | None) -> None:
        """Show `node` in the region (None empties it), patching what is there in place
        (assets/patch.js): focus, caret and typed values survive."""
        registry = Registry(region_id)
        markup = "" if node is None else render(node, registry)
        js.fascicoloPatch(region_id, markup)
        self._handlers[region_id] = registry.handlers

    def _dispatch(self, event: Any) -> None:
        self._last_activity = float(js.Date.now())
        target = event.target
        if _absent(target) or not hasattr(target, "closest"):
            return
        element = target.closest(f"[data-on-{event.type}]")
        if _absent(element):
            return
        key = element.getAttribute(f"data-on-{event.type}")
        region = key.split(":", 1)[0]
        handler = self._handlers.get(region, {}).get(key)
        if handler is None:
            return
        form: dict[str, str | list[str]] = {}
        if event.type == "submit":
            event.preventDefault()  # the app handles forms itself: never a page load
            for pair in getattr(js.Array, "from")(js.FormData.new(element)):
                key, value = str(pair[0]), str(pair[1])
                # A repeated name (a group of checkboxes) collects its values in a list.
                form[key] = [*_as_list(form[key]), value] if key in form else value
        ui_event = UiEvent(type=event.type, value=str(getattr(element, "value", "") or ""),
                           key=str(getattr(event, "key", "") or ""),
                           checked=bool(getattr(element, "checked", False)), form=form, raw=event)
        self._guard(lambda: handler(ui_event))

    def after_each_event(self, callback: Callable[[], None]) -> None:
        """Call `callback` once each event, hash change or timer has been handled (the render)."""
        self._after_event = callback

    def later(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the current work has given the browser back (a task). It is
        called alone, without the after-event callback: it is what draws (App's planned flush)."""
        js.setTimeout(create_once_callable(lambda: self._guard(callback, after=False)), 0)

    def report_error(self, error: BaseException) -> None:
        """Show a failure that happened outside an event handler (e.g. while reading a file)."""
        self._on_error(error)

    def set_attrs(self, element_id: str, attrs: dict[str, str | None]) -> None:
        element = js.document.getElementById(element_id)
        if _absent(element):
            return
        for name, value in attrs.items():
            if value is None:
                element.removeAttribute(name)
            else:
                element.setAttribute(name, value)

    def set_text(self, element_id: str, text: str) -> None:
        """Change one element's text in place (a progress line: focus elsewhere stays where it is)."""
        element = js.document.getElementById(element_id)
        if not _absent(element):
            element.textContent = text

    def set_value(self, element_id: str, value: str) -> None:
        element = js.document.getElementById(element_id)
        if not _absent(element):
            element.value = value

    def focus(self, element_id: str) -> None:
        element = js.document.getElementById(element_id)
        if not _absent(element):
            element.focus()

    def focused_id(self) -> str:
        """The id of the element that has the focus ("" if none has one)."""
        element = js.document.activeElement
        return "" if _absent(element) else str(element.id or "")

    def focus_first(self, *element_ids: str | None) -> None:
        """Focus the first of these elements that is on the page (an opener may be gone)."""
        for element_id in element_ids:
            element = js.document.getElementById(element_id) if element_id else None
            if not _absent(element):
                element.focus()
                return

    def focus_field_in(self, element_id: str) -> None:
        """Focus the first field or button inside the element (a dialog just opened)."""
        element = js.document.getElementById(element_id)
        if _absent(element):
            return
        first = element.querySelector("input:not([type=hidden]):not([disabled]),select,textarea,button")
        if not _absent(first):
            first.focus()

    def hold_focus(self) -> None:
        """Remember the element that has focus now (a dialog's opener), to return to it."""
        self._held = js.document.activeElement

    def return_focus(self, fallback_id: str | None = None) -> None:
        """Focus the element held, if it is still on the page; else the fallback."""
        held, self._held = self._held, None
        if not _absent(held) and held.isConnected and str(held.tagName) != "BODY":
            held.focus()
        else:
            self.focus_first(fallback_id, "page-title")

    def clear_secrets(self, element_id: str) -> None:
        """Empty the passphrase fields inside the element: a refused one is never drawn back."""
        element = js.document.getElementById(element_id)
        if not _absent(element):
            for field in element.querySelectorAll("input[type=password]"):
                field.value = ""

    def scroll_into_view(self, element_id: str) -> None:
        element = js.document.getElementById(element_id)
        if not _absent(element):
            element.scrollIntoView(js.Object.fromEntries([["block", "nearest"]]))

    def set_document(self, *, lang: str, title: str) -> None:
        js.document.documentElement.lang = lang
        js.document.title = title

    def mark(self, name: str) -> None:
        """A performance mark, read by scripts/bench.py."""
        js.performance.mark(f"fascicolo:{name}")

    def set_app_state(self, state: str) -> None:
        js.document.documentElement.dataset.appState = state

    def show_startup_error(self, detail: str) -> None:
        """Hand over to boot.js, which shows start-up failures whether Python runs or not."""
        js.window.fascicoloFail(detail)

    def browser_language(self) -> str:
        language = js.navigator.language
        return "" if _absent(language) else str(language)[:2].lower()

    def set_boot_message(self, text: str) -> None:
        element = js.document.getElementById("boot-status")
        if not _absent(element):
            element.textContent = text

    def read_image(self, element_id: str, max_px: int) -> Awaitable[bytes | None]:
        """The image chosen in a file input, scaled to fit `max_px` and encoded as JPEG.

        The file is taken now (the input may be drawn anew before the scaling ends); the
        result raises when the file is not an image the browser can decode.
        """
        element = js.document.getElementById(element_id)
        chosen = None
        if not _absent(element) and not _absent(element.files) and element.files.length:
            chosen = element.files.item(0)
        return self._scaled(chosen, max_px)

    async def _scaled(self, chosen: Any, max_px: int) -> bytes | None:
        if chosen is None:
            return None
        bitmap = await js.createImageBitmap(chosen)
        scale = min(1.0, max_px / max(bitmap.width, bitmap.height))
        width, height = max(1, round(bitmap.width * scale)), max(1, round(bitmap.height * scale))
        canvas = js.OffscreenCanvas.new(width, height)
        canvas.getContext("2d").drawImage(bitmap, 0, 0, width, height)
        options = to_js({"type": "image/jpeg", "quality": 0.85}, dict_converter=js.Object.fromEntries)
        blob = await canvas.convertToBlob(options)
        return (await blob.arrayBuffer()).to_bytes()

    def chosen_file(self, element_id: str) -> ChosenFile | None:
        """The file picked in a file input, taken from it: its name and size now, its bytes when
        asked. The input is emptied, so that picking the same file again (after a Cancel, or a
        refusal mended in the file) is a new choice: a redraw patches the page in place and
        would otherwise keep the old pick, and the browser sends no change for an unchanged one."""
        element = js.document.getElementById(element_id)
        if _absent(element) or _absent(element.files) or not element.files.length:
            return None
        picked = element.files.item(0)
        element.value = ""
        return ChosenFile(str(picked.name), int(picked.size), picked)

    def download(self, filename: str, data: bytes, mime: str) -> None:
        """Hand `data` to the browser as a file download (nothing leaves the device)."""
        blob = js.Blob.new(to_js([to_js(data)]), to_js({"type": mime}, dict_converter=js.Object.fromEntries))
        url = js.URL.createObjectURL(blob)
        link = js.document.createElement("a")
        link.href, link.download = url, filename
        js.document.body.appendChild(link)
        link.click()
        link.remove()
        js.setTimeout(create_once_callable(lambda: js.URL.revokeObjectURL(url)), 1000)

    # Location and storage -------------------------------------------------------------
    def location_hash(self) -> str:
        return str(js.location.hash)

    def navigate(self, hash_: str) -> None:
        js.location.hash = hash_

    def replace_hash(self, hash_: str) -> None:
        """Change the address without a hashchange event (and without a history entry)."""
        js.history.replaceState(jsnull, "", hash_)

    def on_hash_change(self, callback: Callable[[], None]) -> None:
        proxy = create_proxy(lambda _event: self._guard(callback))
        self._proxies.append(proxy)
        js.window.addEventListener("hashchange", proxy)

    def _guard(self, callback: Callable[[], None], after: bool = True) -> None:
        try:
            callback()
            if after:
                self._after_event()
        except Exception as error:  # noqa: BLE001 - shown to the user, never swallowed silently
            self._on_error(error)

    def every(self, seconds: float, callback: Callable[[], None]) -> None:
        """Call `callback` every `seconds` for the page's lifetime (the idle lock's clock)."""
        proxy = create_proxy(lambda: self._guard(callback))
        self._proxies.append(proxy)
        js.setInterval(proxy, int(seconds * 1000))

    def idle_seconds(self) -> float:
        """Seconds since the last click or key press on the page."""
        return (float(js.Date.now()) - self._last_activity) / 1000

    def load_setting(self, name: str) -> str | None:
        value = js.localStorage.getItem(f"fascicolo.{name}")
        return None if _absent(value) else str(value)

    def save_setting(self, name: str, value: str) -> None:
        js.localStorage.setItem(f"fascicolo.{name}", value)
