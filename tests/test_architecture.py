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
}

# Components get view data and callbacks and return an element tree: of the app they import only
# the tree, other components, icons and links, the words (i18n), the domain's values and rules,
# and the view types the services hand them (app/services/views.py and *_views.py).
COMPONENTS_MAY_IMPORT = ("app.ui.html", "app.ui.components", "app.ui.icons", "app.ui.router", "app.i18n",
                         "app.domain")


def is_view_type(module: str) -> bool:
    return module == "app.services.views" or (module.startswith("app.services.") and module.endswith("_views"))


def imports(path: Path) -> set[str]:
    """The modules `path` imports, with `from app.ui import icons` as app.ui.icons (a package's module)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if APP.parent.joinpath(*node.module.split(".")).is_dir():
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            else:
                names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer):
    for path in (APP / layer).rglob("*.py"):
        for name in imports(path):
            bad = [f for f in FORBIDDEN[layer] if name == f or name.startswith(f + ".")]
            assert not bad, f"{path.relative_to(APP)} imports {name}"


def test_components_import_only_the_tree_words_domain_and_view_types():
    for path in (APP / "ui" / "components").rglob("*.py"):
        for name in imports(path):
            if name == "app" or not name.startswith("app."):
                continue   # the standard library, typing
            allowed = is_view_type(name) or any(name == a or name.startswith(a + ".") for a in COMPONENTS_MAY_IMPORT)
            assert allowed, f"{path.relative_to(APP)} imports {name}"


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


def test_controllers_are_given_the_context_not_the_app():
    """Each screen's controller sees app.ui.context's Context; only the session (who is signed
    in, which is the App's own state) and the entry point know the App itself."""
    knows_app = {p.name for p in (APP / "ui").glob("*.py") if "app.ui.app" in imports(p)}
    assert knows_app == {"session.py"}
