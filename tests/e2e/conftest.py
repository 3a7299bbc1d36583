"""End-to-end fixtures: dist/ served on 127.0.0.1, Debian's Chromium driven by Playwright.

Every test gets a fresh browser context (fresh local storage) and a page that has booted
to data-app-state="ready". After each test we check that no request left 127.0.0.1, that
the page raised no error, logged none to the console, and never showed the "Something went
wrong" notice.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from serve import make_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google at start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 "--no-first-run", "--disable-quic"]
BOOT_TIMEOUT_MS = 90_000


def serve(directory: Path) -> tuple[str, callable]:
    server = make_server(directory, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server.shutdown


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    # FASCICOLO_SITE serves another build (e.g. one made with build_site.py --out).
    dist = Path(os.environ.get("FASCICOLO_SITE", ROOT / "dist"))
    assert (dist / "index.html").exists(), f"{dist} is missing: run `make site` (make test does)"
    url, stop = serve(dist)
    yield url
    stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Records the app's "unexpected error" notice the moment it shows, even if it is dismissed later.
NOTICE_JS = """(() => {
  const unexpected = /^(Something went wrong|Si è verificato un errore)/;
  let said = false;
  new MutationObserver(() => {
    const notice = document.getElementById('notice');
    const text = notice ? notice.textContent.trim() : '';
    if (!said && unexpected.test(text)) { said = true; window.__fascicoloNotice(text); }
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();"""


@dataclass
class Watch:
    """What a page did that a user should never see: foreign requests, script errors, console
    errors, the app's "Something went wrong" notice."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", self._request)
        page.on("pageerror", lambda error: self._error(f"page error: {error}"))
        page.on("console", lambda message: self._error(f"console error: {message.text}")
                if message.type == "error" else None)
        page.expose_function("__fascicoloNotice", lambda text: self._error(f"notice shown: {text}"))
        page.add_init_script(NOTICE_JS)
        # A renderer that dies shows the user a sad tab; say so instead of "element not found".
        page.on("crash", lambda crashed: self.errors.append(f"the page crashed at {crashed.url}"))

    def _error(self, text: str) -> None:
        self.errors.append(text[:2000])

    def _request(self, request) -> None:
        url = request.url
        if not (url.startswith(self.origin) or url.startswith(("data:", "blob:"))):
            self.foreign.append(url)


def wait_ready(page: Page) -> None:
    page.wait_for_selector("html[data-app-state=ready], html[data-app-state=error]",
                           state="attached", timeout=BOOT_TIMEOUT_MS)
    state = page.evaluate("document.documentElement.dataset.appState")
    assert state == "ready", page.inner_text("main")


def open_app(browser: Browser, url: str, watch: Watch, path: str = "") -> Page:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch.attach(page)
    page.goto(url + path)
    wait_ready(page)
    return page


@pytest.fixture
def watch(site_url: str) -> Iterator[Watch]:
    watch = Watch(origin=site_url.rstrip("/"))
    yield watch
    assert watch.foreign == [], f"requests left 127.0.0.1: {watch.foreign}"
    assert watch.errors == [], f"what the page said went wrong: {watch.errors}"


@pytest.fixture
def page(browser: Browser, site_url: str, watch: Watch) -> Iterator[Page]:
    page = open_app(browser, site_url, watch)
    yield page
    page.context.close()


@pytest.fixture
def clocked(browser: Browser, site_url: str, watch: Watch) -> Iterator[Page]:
    """A fresh demo page whose clock Playwright drives (installed before the app starts)."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch.attach(page)
    page.clock.install()
    page.goto(site_url)
    wait_ready(page)
    yield page
    context.close()


@pytest.fixture
def fired(page: Page) -> Iterator[list[str]]:
    """Every JS dialog (alert, confirm…) and every request for an injected `x` image."""
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: seen.append(f"request: {r.url}") if r.url.rstrip("/").endswith("/x") else None)
    yield seen
    assert seen == [], seen


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
