"""Fetch the pinned runtime (Pyodide, PyScript, wheels), check sha256, fill vendor/.

Idempotent: downloads land in .cache/vendor/ and are reused while their hash matches.
Pyodide checks every wheel against its lock file, and the stock lock's hashes are for
Pyodide's own builds, so we write our own lock: the stock `info` block plus our wheels.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "vendor.lock.json"
CACHE = ROOT / ".cache" / "vendor"
VENDOR = ROOT / "vendor"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached(path: Path, expected: str) -> bool:
    return path.exists() and sha256(path) == expected


def check(path: Path, expected: str) -> None:
    actual = sha256(path)
    if actual != expected:
        path.unlink()
        sys.exit(f"vendor: {path.name}: sha256 {actual} does not match the pin {expected}")


def fetch_npm(entry: dict) -> Path:
    tarball = CACHE / f"{entry['name'].replace('@', '').replace('/', '-')}-{entry['version']}.tgz"
    if not cached(tarball, entry["sha256"]):
        CACHE.mkdir(parents=True, exist_ok=True)
        spec = f"{entry['name']}@{entry['version']}"
        subprocess.run(["npm", "pack", "--silent", spec, "--pack-destination", str(CACHE)],
                       check=True, stdout=subprocess.DEVNULL)
        check(tarball, entry["sha256"])
    return tarball


def unpack_npm(entry: dict, tarball: Path) -> None:
    dest = VENDOR / entry["dest"]
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            inner = member.name.removeprefix("package/")
            if member.isfile() and any(fnmatch.fnmatch(inner, pat) for pat in entry["files"]):
                data = archive.extractfile(member).read()
                (dest / Path(inner).name).write_bytes(data)


def fetch_wheel(wheel: dict) -> Path:
    path = CACHE / wheel["file_name"]
    if cached(path, wheel["sha256"]):
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
           "--only-binary=:all:", "-d", str(CACHE), f"{wheel['name']}=={wheel['version']}"]
    if "platform" in wheel:
        cmd += ["--platform", wheel["platform"], "--python-version", "3.14",
                "--implementation", "cp", "--abi", "cp314"]
    subprocess.run(cmd, check=True)
    check(path, wheel["sha256"])
    return path


def canonical(name: str) -> str:
    """Pyodide keys its lock by the normalised project name (PEP 503)."""
    return name.lower().replace("_", "-").replace(".", "-")


def write_lock(wheels: list[dict]) -> None:
    pyodide_dir = VENDOR / "pyodide"
    stock = json.loads((pyodide_dir / "pyodide-lock.json").read_text())
    packages = {
        canonical(w["name"]): {
            "name": canonical(w["name"]), "version": w["version"], "file_name": w["file_name"],
            "install_dir": "site", "sha256": w["sha256"], "package_type": "package",
            "imports": w["imports"], "depends": [canonical(d) for d in w["depends"]],
            "unvendored_tests": False,
        }
        for w in wheels
    }
    lock = {"info": stock["info"], "packages": packages}
    (pyodide_dir / "pyodide-lock.json").write_text(json.dumps(lock, indent=1))


def main() -> None:
    pins = json.loads(LOCK.read_text())
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for entry in pins["npm"]:
        unpack_npm(entry, fetch_npm(entry))
    for wheel in pins["wheels"]:
        shutil.copy2(fetch_wheel(wheel), VENDOR / "pyodide" / wheel["file_name"])
    write_lock(pins["wheels"])
    print(f"vendor: {len(pins['npm'])} npm packages and {len(pins['wheels'])} wheels checked")


if __name__ == "__main__":
    main()
