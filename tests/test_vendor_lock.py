"""CPython tests run the pydantic the browser loads; every vendored file is pinned."""

import json
import re
from pathlib import Path

import pydantic
import pydantic_core

ROOT = Path(__file__).resolve().parents[1]
LOCK = json.loads((ROOT / "vendor.lock.json").read_text())


def pinned(name: str) -> str:
    return next(w["version"] for w in LOCK["wheels"] if w["name"] == name)


def test_cpython_uses_the_browsers_pydantic():
    assert pydantic.VERSION == pinned("pydantic")
    assert pydantic_core.__version__ == pinned("pydantic_core")


def test_every_pin_has_a_version_and_a_sha256():
    for entry in LOCK["npm"] + LOCK["wheels"]:
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]), entry
        assert entry["version"]


def test_wheel_file_names_match_their_versions():
    for wheel in LOCK["wheels"]:
        assert wheel["file_name"].startswith(f"{wheel['name']}-{wheel['version']}-")


def test_pouchdb_is_vendored_but_not_loaded_at_start():
    # Sync is opt-in per firm: the app loads PouchDB itself once sync is on, never at start.
    pouchdb = next(e for e in LOCK["npm"] if e["name"] == "pouchdb")
    assert pouchdb["files"] == ["dist/pouchdb.min.js", "dist/pouchdb.indexeddb.min.js", "LICENSE"]
    shell = [ROOT / "index.html", ROOT / "pyscript.toml", *sorted((ROOT / "assets").glob("*.*js"))]
    for path in shell:
        assert "pouchdb" not in path.read_text().lower(), path
