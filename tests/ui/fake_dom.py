"""A stand-in for app.ui.dom.Dom under CPython: keeps rendered trees, fires handlers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.ui.events import UiEvent
from app.ui.html import Element, Node
from tests.ui.tree import by_role


@dataclass(frozen=True)
class FakeFile:
    """A file picked in a file input (app.ui.dom.ChosenFile's stand-in)."""

    name: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def blob(self) -> bytes:
        return self.data   # what a check elsewhere is handed (the browser hands its File)

    async def read(self) -> bytes:
        return self.data

    async def head(self, size: int) -> bytes:
        return self.data[:size]

    async def copy_to(self, path: str) -> None:
        with open(path, "wb") as target:
            target.write(self.data)


class FakeDom:
    def __init__(self, hash_: str = "", settings: dict[str, str] | None = None,
                 browser_lang: str = "en") -> None:
        self.regions: dict[str, Node | None] = {}
        self.attrs: dict[str, dict[str, str | None]] = {}
        self.hash = hash_
        self.settings = dict(settings or {})
        self.focused: str | None = None
        self.title = ""
        self.lang = ""
        self.state = "loading"
        self._browser_lang = browser_lang
        self._on_hash: Callable[[], None] | None = None
        self.files: dict[str, FakeFile] = {}              # file input id -> the file picked
        self.images: dict[str, bytes] = {}                # file input id -> the image picked, as read
        self.downloads: list[tuple[str, bytes, str]] = []
        self.timers: list[Callable[[], None]] = []   # what `every` asked to call; a test calls them
        self.idle = 0.0                               # seconds without activity, as a test sets it
        self.held: str | None = None                  # the focus a dialog's opening held
        self.cleared: list[str] = []                  # where passphrase fields were emptied
        self._after_event: Callable[[], None] = lambda: None
        self.pending: list[Callable[[], None]] = []   # what `later` was given
        self.marks: list[str] = []                    # the performance marks, in order

    # The Dom interface used by the app -------------------------------------------------
    def mount(self, region_id: str, node: Node | None) -> None:
        self.regions[region_id] = node

    def chosen_file(self, element_id: str) -> FakeFile | None:
        return self.files.pop(element_id, None)   # taken, as the browser's input is emptied

    async def _image(self, element_id: str) -> bytes | None:
        return self.images.get(element_id)

    def read_image(self, element_id: str, max_px: int) -> Awaitable[bytes | None]:
        return self._image(element_id)   # scaled as the browser would have it: a test gives it so

    def download(self, filename: str, data: bytes, mime: str) -> None:
        self.downloads.append((filename, data, mime))

    def report_error(self, error: BaseException) -> None:
        raise error  # a test sees the failure itself

    def set_attrs(self, element_id: str, attrs: dict[str, str | None]) -> None:
        self.attrs.setdefault(element_id, {}).update(attrs)

    def set_text(self, element_id: str, text: str) -> None:
        self.attrs.setdefault(element_id, {})["text"] = text

    def set_value(self, element_id: str, value: str) -> None:
        self.attrs.setdefault(element_id, {})["value"] = value

    def focus(self, element_id: str) -> None:
        self.focused = element_id

    def focused_id(self) -> str:
        return self.focused or ""

    def focus_first(self, *element_ids: str | None) -> None:
        from tests.ui.tree import walk
        present = {e.attr("id") for e in walk(self.tree())}
        self.focused = next((i for i in element_ids if i and i in present), self.focused)

    def focus_field_in(self, element_id: str) -> None:
        from tests.ui.tree import walk
        region = self.regions.get(element_id)
        fields = [e for e in walk(region) if e.tag in ("input", "select", "textarea", "button")
                  and e.attr("type") != "hidden"] if region is not None else []
        if fields:
            self.focused = fields[0].attr("id") or f"<first of {element_id}>"

    def hold_focus(self) -> None:
        self.held = self.focused

    def return_focus(self, fallback_id: str | None = None) -> None:
        held, self.held = self.held, None
        self.focus_first(held, fallback_id, "page-title")

    def clear_secrets(self, element_id: str) -> None:
        self.cleared.append(element_id)

    def after_each_event(self, callback: Callable[[], None]) -> None:
        self._after_event = callback

    def later(self, callback: Callable[[], None]) -> None:
        try:   # after an await (a file read): the event loop's next turn, as a browser task
            asyncio.get_running_loop().call_soon(callback)
        except RuntimeError:
            self.pending.append(callback)

    def settle(self) -> None:
        """What the browser does once a task ends: the callbacks `later` was given run."""
        while self.pending:
            self.pending.pop(0)()

    def scroll_into_view(self, element_id: str) -> None:
        pass

    def set_document(self, *, lang: str, title: str) -> None:
        self.lang, self.title = lang, title

    def set_app_state(self, state: str) -> None:
        self.state = state

    def mark(self, name: str) -> None:
        self.marks.append(name)

    def browser_language(self) -> str:
        return self._browser_lang

    def location_hash(self) -> str:
        return self.hash

    def navigate(self, hash_: str) -> None:
        self.hash = hash_
        if self._on_hash:
            self._handled(self._on_hash)

    def on_hash_change(self, callback: Callable[[], None]) -> None:
        self._on_hash = callback

    def replace_hash(self, hash_: str) -> None:
        self.hash = hash_

    def every(self, seconds: float, callback: Callable[[], None]) -> None:
        self.timers.append(lambda: self._handled(callback))

    def _handled(self, callback: Callable[[], None]) -> None:
        """As the page runs a handler: then the one render, then what waited for it."""
        callback()
        self._after_event()
        self.settle()

    def idle_seconds(self) -> float:
        return self.idle

    def load_setting(self, name: str) -> str | None:
        return self.settings.get(name)

    def save_setting(self, name: str, value: str) -> None:
        self.settings[name] = value

    # Acting as a user ------------------------------------------------------------------
    def tree(self) -> Element:
        """Every region in one tree (regions nest in the page; here side by side)."""
        from app.ui.html import h
        return h("div", None, *(n for n in self.regions.values() if n is not None))

    def one(self, role: str, name: str | None = None) -> Element:
        found = by_role(self.tree(), role, name)
        assert len(found) == 1, f"{len(found)} elements with role {role!r} and name {name!r}"
        return found[0]

    def fire(self, element: Element, event_type: str, **fields) -> UiEvent:
        event = UiEvent(type=event_type, **fields)
        self._handled(lambda: element.attr(f"on_{event_type}")(event))
        return event
