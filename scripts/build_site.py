"""Assemble dist/: a self-contained static site any static host can serve as is."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))

from app.i18n import CATALOGS  # noqa: E402 - needs the path above


def app_zip() -> bytes:
    """The `app` package as a zip, entries in a stable order with fixed dates (reproducible)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((ROOT / "app").rglob("*.py")):
            info = zipfile.ZipInfo(str(path.relative_to(ROOT)), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def boot_messages() -> str:
    keys = [k for k in CATALOGS["en"].MESSAGES if k.startswith("boot.")]
    data = {lang: {k: cat.MESSAGES[k] for k in keys} for lang, cat in CATALOGS.items()}
    # Safe inside <script type="application/json">: no "<" can close the element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DIST, help="where to build (default dist/)")
    build(parser.parse_args().out)


def build(out: Path) -> None:
    vendor = ROOT / "vendor"
    if not (vendor / "pyodide" / "pyodide.mjs").exists():
        sys.exit("build_site: vendor/ is missing; run scripts/vendor.py first (make site does)")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(vendor, out / "vendor")
    shutil.copytree(ROOT / "assets", out / "assets")
    data = app_zip()
    zip_name = f"app-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    (out / zip_name).write_bytes(data)
    (out / "main.py").write_bytes((ROOT / "main.py").read_bytes())
    toml = (ROOT / "pyscript.toml").read_text().replace("{{APP_ZIP}}", zip_name)
    (out / "pyscript.toml").write_text(toml)
    html = (ROOT / "index.html").read_text().replace("{{BOOT_MESSAGES}}", boot_messages())
    (out / "index.html").write_text(html)
    print(f"build_site: {out} ready ({zip_name})")


if __name__ == "__main__":
    main()
