"""Import rules that keep data flowing one way (DESIGN.md §3)."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# layer -> app packages it must not import
FORBIDDEN = {
    "domain": ("app.store", "app.services", "app.ui", "app.demo"),
    "store": ("app.services", "app.ui", "app.demo"),
    "services": ("app.ui", "app.demo"),
    # Components get view data and callbacks: they may import the view types, no use case.
    "ui/components": ("app.store", "app.services.clients", "app.services.profile",
                      "app.services.members", "app.services.firm", "app.services.overview",
                      "app.services.notes", "app.services.guard", "app.services.documents", "app.services.dataset",
                      "app.services.client_import", "app.services.import_plan", "app.services.export",
                      "app.ui.dom", "app.ui.app"),
}


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer):
    for path in (APP / layer).rglob("*.py"):
        for name in imports(path):
            bad = [f for f in FORBIDDEN[layer] if name == f or name.startswith(f + ".")]
            assert not bad, f"{path.relative_to(APP)} imports {name}"


def test_sql_only_in_the_store():
    for path in APP.rglob("*.py"):
        if "store" in path.parts:
            continue
        text = path.read_text()
        for keyword in ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", ".execute("):
            assert keyword not in text, f"{path.relative_to(APP)} has SQL ({keyword.strip()})"


def test_only_the_dom_module_and_the_platform_touch_the_browser():
    for path in APP.rglob("*.py"):
        if path.name == "dom.py" or "platform" in path.parts or path.name == "main.py":
            continue
        assert "js" not in {n.split(".")[0] for n in imports(path)}, path.relative_to(APP)
