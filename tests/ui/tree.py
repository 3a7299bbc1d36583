"""Query element trees the way a person with a screen reader would: by role and name."""

from __future__ import annotations

from collections.abc import Iterator

from app.ui.html import Element, Node, text_of

_IMPLICIT = {"a": "link", "button": "button", "table": "table", "th": "columnheader",
             "select": "combobox", "nav": "navigation", "ul": "list", "li": "listitem",
             "h1": "heading", "h2": "heading", "h3": "heading", "tr": "row", "option": "option",
             "progress": "progressbar"}


def role_of(element: Element) -> str | None:
    if element.tag == "input" and element.attr("type") == "checkbox":
        return element.attr("role") or "checkbox"
    if element.tag == "section" and (element.attr("aria-labelledby") or element.attr("aria-label")):
        return element.attr("role") or "region"   # a named section is a region, as browsers say
    return element.attr("role") or _IMPLICIT.get(element.tag)


def walk(node: Node) -> Iterator[Element]:
    if isinstance(node, Element):
        yield node
        for child in node.children:
            yield from walk(child)


def name_of(element: Element, tree: Node) -> str:
    label = element.attr("aria-label")
    if label is not None:
        return label
    labelled_by = element.attr("aria-labelledby")
    if labelled_by:
        ids = labelled_by.split()
        return " ".join(text_of(e) for i in ids for e in walk(tree) if e.attr("id") == i)
    if element.tag in ("select", "input"):
        for other in walk(tree):
            if other.tag == "label" and other.attr("for") == element.attr("id"):
                return text_of(other)
    return " ".join(spoken(element).split())


def spoken(node: Node) -> str:
    """Text a screen reader reads: skips aria-hidden parts."""
    if isinstance(node, str):
        return node
    if not isinstance(node, Element) or node.attr("aria-hidden") == "true":
        return ""
    return "".join(spoken(c) for c in node.children)


def by_role(tree: Node, role: str, name: str | None = None) -> list[Element]:
    return [e for e in walk(tree) if role_of(e) == role and (name is None or name_of(e, tree) == name)]


def texts(node: Node) -> Iterator[str]:
    """Every text node in the tree."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, Element):
        for child in node.children:
            yield from texts(child)
