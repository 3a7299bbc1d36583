"""The page the UI talks to is one interface: Dom in the browser and FakeDom in the tests both
have every method of DomProtocol, with the same parameters (Dom is read from its source: it
imports the browser's `js`, which CPython has not)."""

import ast
import inspect
from pathlib import Path

from app.ui import dom_protocol
from app.ui.dom_protocol import ChosenFileProtocol, DomProtocol
from tests.ui.fake_dom import FakeDom, FakeFile

DOM_SOURCE = Path(dom_protocol.__file__).with_name("dom.py")


def members(protocol: type) -> dict[str, list[str]]:
    """Each method's (or property's) parameter names, `self` left out."""
    found = {}
    for name, value in vars(protocol).items():
        if name.startswith("_"):
            continue
        function = value.fget if isinstance(value, property) else value
        if callable(function):
            found[name] = [p for p in inspect.signature(function).parameters if p != "self"]
    return found


def of_source(class_name: str) -> dict[str, list[str]]:
    tree = ast.parse(DOM_SOURCE.read_text())
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name]
    found = {}
    for node in cls.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = []   # a dataclass field: read like a property
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
            args = node.args
            names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
            found[node.name] = [n for n in names if n != "self"] + ([args.vararg.arg] if args.vararg else [])
    return found


def of_class(cls: type) -> dict[str, list[str]]:
    found = {}
    for name, value in inspect.getmembers(cls):
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            found[name] = []
        elif inspect.isfunction(value):
            found[name] = [p for p in inspect.signature(value).parameters if p != "self"]
    return found


def test_the_browsers_dom_and_the_tests_fake_are_both_what_the_ui_asks_for():
    wanted = members(DomProtocol)
    assert len(wanted) > 20
    for name, implementation in (("Dom", of_source("Dom")), ("FakeDom", of_class(FakeDom))):
        for method, parameters in wanted.items():
            assert method in implementation, f"{name} has no {method}"
            assert implementation[method] == parameters, f"{name}.{method}{tuple(implementation[method])}"


def test_a_chosen_file_is_the_same_in_the_browser_and_in_the_tests():
    wanted = members(ChosenFileProtocol)
    fake = {**of_class(FakeFile), **{f: [] for f in FakeFile.__dataclass_fields__}}
    for name, implementation in (("ChosenFile", of_source("ChosenFile")), ("FakeFile", fake)):
        for member, parameters in wanted.items():
            assert member in implementation, f"{name} has no {member}"
            assert implementation[member] == parameters, f"{name}.{member}{tuple(implementation[member])}"
