"""The element tree escapes every string by construction; handlers become data ids."""

import pytest

from app.ui.html import Raw, Registry, h, render, text_of

HOSTILE = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "</script><script>x()</script>",
           "&amp; &lt;"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_children_are_escaped(text):
    markup = render(h("p", None, text))
    assert "<img" not in markup and "<svg" not in markup and "<script" not in markup
    assert markup.startswith("<p>") and markup.endswith("</p>")


@pytest.mark.parametrize("text", HOSTILE)
def test_attribute_values_are_escaped(text):
    markup = render(h("a", {"title": text, "href": "#/x"}, "x"))
    assert markup.count('"') == 4  # only the quotes around the two values
    assert "<" not in markup[1:-4].replace("</a", "")


def test_booleans_none_and_nested_children():
    markup = render(h("input", {"disabled": True, "hidden": False, "value": None}))
    assert markup == "<input disabled>"
    assert render(h("ul", None, [h("li", None, str(i)) for i in range(2)], None, 3)) == \
        "<ul><li>0</li><li>1</li>3</ul>"


def test_handlers_are_registered_not_inlined():
    calls = []
    registry = Registry("main")
    markup = render(h("button", {"on_click": calls.append}, "Go"), registry)
    assert markup == '<button data-on-click="main:0">Go</button>'
    registry.handlers["main:0"]("event")
    assert calls == ["event"]


def test_raw_markup_is_kept_and_has_no_text():
    node = h("span", None, Raw("<svg></svg>"), "label")
    assert render(node) == "<span><svg></svg>label</span>"
    assert text_of(node) == "label"


@pytest.mark.parametrize("tag, attrs", [("scr ipt", {}), ("p", {"onclick x": "1"}), ("p", {'a"b': 1})])
def test_tag_and_attribute_names_are_checked(tag, attrs):
    with pytest.raises(ValueError):
        h(tag, attrs)
