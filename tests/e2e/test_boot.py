"""Start-up: the app boots offline to ready, and a broken runtime says so visibly."""

from __future__ import annotations

import shutil

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import BOOT_TIMEOUT_MS, ROOT, serve


def test_boots_to_ready_with_the_demo_firm(page: Page) -> None:
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Clients")).to_be_visible()
    expect(page.get_by_role("table", name="Clients").get_by_role("row")).to_have_count(26)


def test_frame_and_progress_message_show_before_python_is_ready(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    # Hold the Python runtime back so the loading state can be observed.
    gate = {"open": False, "held": []}

    def hold(route) -> None:
        if gate["open"]:
            route.continue_()
        else:
            gate["held"].append(route)

    page.route("**/pyodide.asm.wasm", hold)
    page.goto(site_url)
    expect(page.get_by_role("status")).to_contain_text("Loading the Python runtime")
    assert page.evaluate("document.documentElement.dataset.appState") == "loading"
    expect(page.locator("#sidebar")).to_contain_text("Fascicolo")
    gate["open"] = True
    for route in gate["held"]:
        route.continue_()
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=BOOT_TIMEOUT_MS)
    context.close()


def test_broken_runtime_file_shows_an_error(browser: Browser, tmp_path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(ROOT / "dist", copy)
    wheel = next((copy / "vendor" / "pyodide").glob("pydantic_core-*.whl"))
    wheel.write_bytes(b"this is not a wheel")
    url, stop = serve(copy)
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("html[data-app-state=error]", state="attached", timeout=BOOT_TIMEOUT_MS)
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("Fascicolo could not start")
        expect(alert).to_be_visible()
        context.close()
    finally:
        stop()
