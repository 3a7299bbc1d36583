"""Long work never freezes the page (issue #10): it shows its progress, the page keeps working
while it runs, and Cancel leaves the data exactly as it was."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.pages import go_to_clients, open_data_page, reload, showing_total
from tests.e2e.test_import_csv import choose_csv, csv_bytes, import_button, preview

DEMO = 300

# Records every progress bar the page shows, with its name and value, as it appears or moves.
WATCH_PROGRESS = """
window.__progress = [];
new MutationObserver(() => {
  for (const bar of document.querySelectorAll('progress')) {
    const name = (document.getElementById(bar.getAttribute('aria-labelledby')) || {}).textContent;
    window.__progress.push([name, Number(bar.value)]);
  }
}).observe(document, { subtree: true, childList: true, attributes: true });
"""


def work_region(page: Page):
    return page.get_by_role("progressbar")


def many_clients(count: int) -> bytes:
    rows = [["Account name", "First name", "Last name", "Email", "City"]]
    rows += [[f"Lungo {i} Srl", "Bruno", f"Neri {i}", f"bruno.{i}@lungo.example", "Bologna"] for i in range(count)]
    return csv_bytes(rows)


def test_a_long_csv_import_shows_its_progress_lets_the_page_work_and_cancels_to_nothing(page: Page) -> None:
    page.add_init_script(WATCH_PROGRESS)
    reload(page)
    open_data_page(page)
    choose_csv(page, many_clients(20000), "lungo.csv")   # long enough to act while it runs
    expect(preview(page)).to_be_visible(timeout=60_000)
    import_button(page).click()
    bar = work_region(page)
    expect(bar).to_be_visible()
    expect(page.get_by_role("region", name="Importing clients from lungo.csv")).to_be_visible()

    # While it runs, the rest of the app answers: another page opens, with the work still shown.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clients").click()
    expect(page.get_by_role("heading", level=1, name="Clients")).to_be_visible()
    expect(bar).to_be_visible()

    page.get_by_role("button", name="Cancel").click()
    expect(bar).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    seen = page.evaluate("window.__progress")
    assert any(name == "Importing clients from lungo.csv" and 0 < value < 100 for name, value in seen), seen[-5:]
    assert showing_total(page) == DEMO      # nothing of the file was kept
    reload(page)
    go_to_clients(page)
    assert showing_total(page) == DEMO


def test_checking_a_dataset_file_shows_its_progress_then_asks(page: Page, tmp_path) -> None:
    page.add_init_script(WATCH_PROGRESS)
    reload(page)
    open_data_page(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export JSON").click()
    data = (tmp_path / "export.json")
    info.value.save_as(data)
    page.get_by_label("Import dataset").set_input_files(data)
    expect(page.get_by_role("alertdialog")).to_be_visible(timeout=60_000)
    seen = page.evaluate("window.__progress")
    assert any(name == "Checking export.json" for name, _ in seen), seen[-5:]
    page.get_by_role("alertdialog").get_by_role("button", name="Cancel").click()
    go_to_clients(page)
    assert showing_total(page) == DEMO
