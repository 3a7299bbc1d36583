"""Start-up and query benchmarks. Prints figures; asserts nothing (the machine is noisy).

Browser part (headless Debian Chromium, site served on 127.0.0.1), median of --runs:
  bare Pyodide boot + `import sqlite3`, cold (new context) and warm (reload), and the app
  to data-app-state="ready", cold and warm, with the app's own marks and the ratio
  app / bare from the same run; search-as-you-type latency in the page; on the Data page, a
  1,000-row CSV import and a JSON export and re-import of the whole dataset; PBKDF2 (600,000
  iterations) through WebCrypto, and the set-up and sign-in of a firm of its own.
Browser at scale (scripts/bench_scale.py), per --browser-sizes: a demo firm of N clients
(cached in .cache/bench/) imported through the Data page into a persistent profile, then the
save after one edit, warm start, search, opening a profile, a 10,000-row CSV import, memory.
Store part (CPython): demo build, list page, count and search at 1k / 10k / 100k accounts.

    .venv/bin/python scripts/bench.py [--runs 3] [--sizes 1000,10000,100000] [--csv-rows 1000]
                                      [--browser-sizes 10000,50000] [--skip-browser]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_site import build  # noqa: E402
from serve import make_server  # noqa: E402

BARE = """<!doctype html><html data-app-state="loading"><script type="module">
import { loadPyodide } from "./vendor/pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: "./vendor/pyodide/" });
py.runPython("import sqlite3");
document.documentElement.dataset.appState = "ready";
</script></html>"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def timed_load(page, url: str, reload: bool = False) -> float:
    start = time.perf_counter()
    page.reload() if reload else page.goto(url)
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=120_000)
    return time.perf_counter() - start


def marks(page) -> dict[str, float]:
    entries = page.evaluate("performance.getEntriesByType('mark').map(m => [m.name, m.startTime])")
    return {name.split(":", 1)[1]: at / 1000 for name, at in entries if name.startswith("fascicolo:")}


def search_ms(page, text: str) -> float:
    return page.evaluate("""(text) => {
        const input = document.getElementById('search-input');
        const start = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return performance.now() - start;
    }""", text)


def _until(page, action, locator) -> float:
    start = time.perf_counter()
    action()
    locator.wait_for(timeout=300_000)
    return time.perf_counter() - start


def import_figures(page, rows: int = 1000, json: bool = True) -> dict[str, float]:
    """The Data page in the browser: a CSV of `rows` new clients, then (with `json`) the whole dataset in JSON."""
    page.goto(page.url.split("#")[0] + "#/data")
    page.get_by_role("heading", level=1, name="Data").wait_for()
    lines = ["Account name,First name,Last name,Email,Phone,City"]
    lines += [f"Bench {i} Srl,Anna,Rossi {i},anna.{i}@bench.example,+39 02 555 {i:04d},Milano" for i in range(rows)]
    csv_file = {"name": "bench.csv", "mimeType": "text/csv", "buffer": "\n".join(lines).encode()}
    figures = {f"CSV {rows} rows: to preview (s)": _until(
        page, lambda: page.get_by_label("Import clients from CSV").set_input_files(files=[csv_file]),
        page.get_by_role("region", name="Import preview"))}
    figures[f"CSV {rows} rows: import (s)"] = _until(
        page, lambda: page.get_by_role("button", name="Import", exact=True).click(),
        page.get_by_role("region", name="Import report"))
    if not json:
        return figures
    with page.expect_download() as download:
        start = time.perf_counter()
        page.get_by_role("button", name="Export JSON").click()
    figures["export JSON (s)"] = time.perf_counter() - start
    data = Path(download.value.path()).read_bytes()
    json_file = {"name": "bench.json", "mimeType": "application/json", "buffer": data}
    figures["import JSON: to confirmation (s)"] = _until(
        page, lambda: page.get_by_label("Import dataset").set_input_files(files=[json_file]),
        page.get_by_role("alertdialog"))
    figures["import JSON: replace (s)"] = _until(
        page, lambda: page.get_by_role("button", name="Confirm").click(), page.get_by_role("button", name="Undo import"))
    return figures


PBKDF2_JS = """async () => {
  const t = performance.now();
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("correct horse battery"),
                                            "PBKDF2", false, ["deriveBits"]);
  await crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(16),
                                  iterations: 600000}, key, 256);
  return performance.now() - t;
}"""


def passphrase_figures(page) -> dict[str, float]:
    """PBKDF2-HMAC-SHA256 at 600,000 iterations through WebCrypto (Pyodide has no hashlib.pbkdf2_hmac),
    then the app's own set-up and sign-in, each including one such hash."""
    figures = {"WebCrypto PBKDF2 600k in the page (ms)": page.evaluate(PBKDF2_JS)}
    passphrase = "correct horse battery"
    page.get_by_role("button", name="Set up my firm").click()
    dialog = page.get_by_role("dialog", name="Set up my firm")
    for label, value in (("Firm name", "Studio Bench"), ("First name", "Anna"), ("Last name", "Verdi"),
                         ("Email", "anna@bench.example")):
        dialog.get_by_label(label, exact=True).fill(value)
    dialog.get_by_label("Passphrase", exact=True).fill(passphrase)
    dialog.get_by_label("Repeat passphrase").fill(passphrase)
    figures["set up my firm: Create firm to signed in (s)"] = _until(
        page, lambda: dialog.get_by_role("button", name="Create firm").click(),
        page.get_by_role("button", name="Sign out"))
    page.get_by_role("status").filter(has_text="Saved").wait_for()   # stored before the reload
    page.reload()
    page.get_by_role("heading", level=1, name="Sign in").wait_for()
    page.get_by_label("Passphrase").fill(passphrase)
    figures["sign in: button to signed in (s)"] = _until(
        page, lambda: page.get_by_role("button", name="Sign in").click(), page.get_by_role("button", name="Sign out"))
    return figures


def browser_figures(url: str, runs: int, csv_rows: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    figures: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(runs):
            for label, path in (("bare", "bare.html"), ("app", "")):
                context = browser.new_context()
                page = context.new_page()
                figures.setdefault(f"{label} cold", []).append(timed_load(page, url + path))
                if label == "app":
                    for name, at in marks(page).items():
                        figures.setdefault(f"  app cold: {name} at", []).append(at)
                if label == "app":   # a reload before the first save of the demo firm fails to start (StaleCopy)
                    page.get_by_role("status").filter(has_text="Saved").wait_for(timeout=120_000)
                figures.setdefault(f"{label} warm", []).append(timed_load(page, url + path, reload=True))
                if label == "app":
                    for text in ("r", "ross", "gmail", "nicolo"):
                        figures.setdefault(f"search '{text}' (ms)", []).append(search_ms(page, text))
                    for name, seconds in {**import_figures(page, csv_rows), **passphrase_figures(page)}.items():
                        figures.setdefault(name, []).append(seconds)
                context.close()
        browser.close()
    return figures


def store_figures(sizes: list[int]) -> dict[str, list[float] | str]:
    from app.demo.generator import build_demo
    from app.store import open_store

    figures: dict[str, list[float] | str] = {}
    for size in sizes:
        db = open_store()
        start = time.perf_counter()
        build_demo(db, accounts=size, today=date(2026, 11, 26))
        figures[f"{size:>6} accounts: build demo (s)"] = [time.perf_counter() - start]
        for label, times in {**query_times(db), **transfer_times(db)}.items():
            figures[f"{size:>6} accounts: {label}"] = times
        db.close()
    return figures


def query_times(db) -> dict[str, list[float]]:
    from app.domain.access import Visibility
    from app.domain.listing import ClientQuery
    from app.services.overview import account_overview
    from app.services.profile import account_profile
    from app.store import client_list, search
    from app.store import firm as firm_store

    everyone, sara = Visibility(True), Visibility(False, 5)  # member 5: the restricted employee
    owner = firm_store.list_members(db)[0]
    last = db.scalar("SELECT max(id) FROM account")
    deep = max(1, last // 200)  # a page deep in the list of companies (about a quarter of all)
    actions = {
        "list page 1 (ms)": lambda: client_list.list_clients(db, everyone, ClientQuery()),
        f"list page {deep}, type filter (ms)":
            lambda: client_list.list_clients(db, everyone, ClientQuery(type="company", page=deep)),
        "list, restricted member (ms)": lambda: client_list.list_clients(db, sara, ClientQuery()),
        "search 'ross' (ms)": lambda: search.search(db, "ross", everyone),
        "search 'gmail' (ms)": lambda: search.search(db, "gmail", everyone),
        "search 'ro' (ms)": lambda: search.search(db, "ro", everyone),
        "open a profile: overview (ms)": lambda: account_overview(db, owner, last),
        "open a profile: info (ms)": lambda: account_profile(db, owner, last),
    }
    result = {}
    for label, action in actions.items():
        times = []
        for _ in range(5):
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
        result[label] = times
    return result


def transfer_times(db) -> dict[str, list[float] | str]:
    """Moving the data in and out: one run each (they are seconds, not milliseconds)."""
    from app.domain.csv_table import MAX_CSV_BYTES
    from app.services import client_import, dataset, export, reset
    from app.store import firm as firm_store
    from app.store import open_store

    owner = firm_store.list_members(db)[0]
    result: dict[str, list[float] | str] = {}

    def timed(label, action):
        start = time.perf_counter()
        value = action()
        result[label] = [time.perf_counter() - start]
        return value

    document = timed("export JSON (s)", lambda: dataset.export_json(db, owner))
    target = open_store()
    size = len(document)
    if size <= dataset.MAX_DATASET_BYTES:
        prepared = timed("import JSON: check in full (s)", lambda: dataset.prepare_import(owner, document))
        timed("import JSON: replace the data (s)", lambda: dataset.apply_import(target, owner, prepared))
    else:   # the app refuses it unread: so does the bench
        result["import JSON"] = (f"not timed: {size / 2**20:.0f} MiB, over the import cap "
                                 f"({dataset.MAX_DATASET_BYTES // 2**20} MiB)")
    text = timed("export clients CSV (s)", lambda: export.export_clients_csv(db, owner)).encode()
    if len(text) <= MAX_CSV_BYTES:
        reset.erase_all_clients(target, owner)
        table, mapping = client_import.read_table(owner, text)
        timed("import clients CSV: preview (s)", lambda: client_import.plan_import(target, owner, table, mapping))
        timed("import clients CSV: import (s)",
              lambda: client_import.run_import(target, owner, table, mapping, valid_only=True))
    else:
        result["import clients CSV"] = (f"not timed: {len(text) / 2**20:.0f} MiB, over the import cap "
                                        f"({MAX_CSV_BYTES // 2**20} MiB)")
    target.close()
    return result


def report(figures: dict[str, list[float] | str]) -> None:
    for name, values in figures.items():
        if isinstance(values, str):
            print(f"{name:<48} {values}")
            continue
        spread = f"  (min {min(values):.3f}, max {max(values):.3f}, n={len(values)})" if len(values) > 1 else ""
        print(f"{name:<48} {statistics.median(values):9.3f}{spread}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--csv-rows", type=int, default=1000, help="rows of the CSV imported in the browser")
    parser.add_argument("--browser-sizes", default="10000,50000",
                        help='firm sizes (clients) for the browser scale run; "" skips it')
    args = parser.parse_args()
    browser_sizes = [int(s) for s in args.browser_sizes.split(",") if s.strip()]
    if not args.skip_browser:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(site)
            (site / "bare.html").write_text(BARE)
            server = make_server(site, 0)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_port}/"
            figures = browser_figures(url, args.runs, args.csv_rows)
            print("Browser (seconds unless marked; median of runs)")
            report(figures)
            if figures:   # --runs 0: the scale run alone
                med = {k: statistics.median(v) for k, v in figures.items()}
                print(f"{'ratio app / bare, cold':<48} {med['app cold'] / med['bare cold']:9.2f}")
                print(f"{'ratio app / bare, warm':<48} {med['app warm'] / med['bare warm']:9.2f}", flush=True)
            if browser_sizes:
                import bench_scale

                bench_scale.run(url, browser_sizes, sys.modules[__name__])
            server.shutdown()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        print("\nStore under CPython (median of 5 unless one value)")
        report(store_figures(sizes))


if __name__ == "__main__":
    main()
