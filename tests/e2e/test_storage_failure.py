"""F-MORE-2: when the browser refuses to store (quota), the app says so, keeps the data, and retries."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# Lets the test make IndexedDB refuse writes, as a full disk or an exceeded quota would.
FAIL_WRITES = """
(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__failStorage) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return put.apply(this, args);
  };
})();
"""


def stored_then_reloaded_with_failing_storage(page: Page) -> None:
    # Reloading while the demo firm is still being saved would ask first (beforeunload).
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    page.add_init_script(FAIL_WRITES)
    page.reload()
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=90_000)


def test_a_failed_save_is_shown_the_data_kept_and_a_retry_saves_it(page: Page) -> None:
    stored_then_reloaded_with_failing_storage(page)
    status = page.get_by_role("status").filter(has_text="Saved")
    expect(status).to_be_visible()

    page.evaluate("window.__failStorage = true")
    page.get_by_role("table", name="Clients").get_by_role("link").first.click()
    notes = page.get_by_role("region", name="Notes")
    notes.get_by_label("New note").fill("Written while the disk is full")
    notes.get_by_role("button", name="Add note").click()
    expect(page.get_by_role("status").filter(has_text="Not saved")).to_be_visible()
    expect(notes).to_contain_text("Written while the disk is full")  # still here, in this tab

    page.evaluate("window.__failStorage = false")
    page.get_by_role("button", name="Try saving again").click()
    expect(status).to_be_visible()
    page.reload()
    page.wait_for_selector("html[data-app-state=ready]", state="attached", timeout=90_000)
    expect(page.get_by_role("region", name="Notes")).to_contain_text("Written while the disk is full")


def test_leaving_with_a_save_pending_asks_first(page: Page) -> None:
    stored_then_reloaded_with_failing_storage(page)
    page.evaluate("window.__failStorage = true")  # the save cannot finish: it stays pending
    page.get_by_role("table", name="Clients").get_by_role("link").first.click()
    notes = page.get_by_role("region", name="Notes")
    notes.get_by_label("New note").fill("Not yet stored")
    notes.get_by_role("button", name="Add note").click()
    expect(page.get_by_role("status").filter(has_text="Not saved")).to_be_visible()
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()  # stay: the change is still in this tab
    expect(notes).to_contain_text("Not yet stored")
