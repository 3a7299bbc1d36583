"""An element tree and its serialiser. Text is escaped by construction.

Components build trees with `h(...)`; strings anywhere in a tree are text, never markup.
The only way to insert markup is `Raw`, reserved for markup the code itself wrote (icons).
Event handlers are attributes named `on_<event>`; `render` swaps each for a
`data-on-<event>` id that the DOM module dispatches to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_VOID = frozenset({"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"})

Handler = Callable[[Any], None]


@dataclass(frozen=True, slots=True)
class Raw:
    """Markup written by the app's own code (never user data)."""

    markup: str


@dataclass(frozen=True, slots=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, Any], ...]
    children: tuple[Node, ...]

    def attr(self, name: str) -> Any:
        return next((v for k, v in self.attrs if k == name), None)


Node = Element | str | Raw
Child = Node | None | Iterable["Child"]


def _flatten(children: Iterable[Child]) -> Iterable[Node]:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, (Element, str, Raw)):
            yield child
        elif isinstance(child, (int, float)):
            yield str(child)
        else:
            yield from _flatten(child)


def h(tag: str, attrs: dict[str, Any] | None = None, *children: Child) -> Element:
    if not _NAME.match(tag):
        raise ValueError(f"bad tag {tag!r}")
    items = tuple((k.replace("_", "-") if not k.startswith("on_") else k, v)
                  for k, v in (attrs or {}).items())
    for key, _ in items:
        if not _NAME.match(key) and not key.startswith("on_"):
            raise ValueError(f"bad attribute {key!r}")
    return Element(tag, items, tuple(_flatten(children)))


class Registry:
    """Collects the handlers of one rendered region, keyed by short ids."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.handlers: dict[str, Handler] = {}

    def add(self, handler: Handler) -> str:
        key = f"{self.prefix}:{len(self.handlers)}"
        self.handlers[key] = handler
        return key


def render(node: Node, registry: Registry | None = None) -> str:
    out: list[str] = []
    _render(node, registry or Registry("_"), out)
    return "".join(out)


def _render(node: Node, registry: Registry, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(escape(node, quote=False))
        return
    if isinstance(node, Raw):
        out.append(node.markup)
        return
    out.append(f"<{node.tag}")
    for key, value in node.attrs:
        if key.startswith("on_"):
            out.append(f' data-on-{key[3:]}="{registry.add(value)}"')
        elif value is True:
            out.append(f" {key}")
        elif value is not None and value is not False:
            out.append(f' {key}="{escape(str(value), quote=True)}"')
    out.append(">")
    if node.tag in _VOID:
        return
    for child in node.children:
        _render(child, registry, out)
    out.append(f"</{node.tag}>")


def text_of(node: Node) -> str:
    """The text a person reads in `node` (for tests and accessible-name checks)."""
    if isinstance(node, str):
        return node
    if isinstance(node, Raw):
        return ""
    return "".join(text_of(c) for c in node.children)
