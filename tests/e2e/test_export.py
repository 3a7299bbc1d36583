"""F-MORE-3: the Data page's exports download files that other tools open."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ROOT
from tests.e2e.pages import download, open_data_page, sign_in_as


def test_sqlite_export_opens_with_sqlite_and_holds_the_clients(page: Page, tmp_path) -> None:
    open_data_page(page)
    data = download(page, "Export SQLite", tmp_path)
    path = tmp_path / "copy.sqlite"
    path.write_bytes(data)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM account").fetchone()[0] == 300
    assert db.execute("SELECT count(*) FROM member").fetchone()[0] == 6


def test_clients_csv_is_the_template_with_one_row_per_contact(page: Page, tmp_path) -> None:
    open_data_page(page)
    text = download(page, "Export clients CSV", tmp_path).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["Account name", "Account type", "Tags", "Team members", "First name", "Last name",
                             "Email", "Additional emails", "Phone", "Street", "City", "State", "Postal code",
                             "Country", "Contact description"]
    assert len({r["Account name"] for r in rows}) <= 300 and len(rows) >= 300
    assert all(not r["Phone"] or r["Phone"].startswith("'+") for r in rows)  # no cell runs as a formula


def test_a_restricted_member_exports_only_their_clients_and_not_the_database(page: Page, tmp_path) -> None:
    sign_in_as(page, "Sara Lombardi")
    open_data_page(page)
    expect(page.get_by_role("button", name="Export SQLite")).to_have_count(0)
    rows = list(csv.DictReader(io.StringIO(download(page, "Export clients CSV", tmp_path).decode("utf-8-sig"))))
    assert 0 < len({r["Account name"] for r in rows}) < 20
    assert all("sara.lombardi@studiobf.it" in r["Team members"] for r in rows)


def test_json_export_follows_its_schema_and_matches_the_sqlite_export(page: Page, tmp_path) -> None:
    open_data_page(page)
    document = json.loads(download(page, "Export JSON", tmp_path))
    assert (document["format"], document["version"]) == ("fascicolo-dataset", 2)
    schema = json.loads((ROOT / "docs" / "dataset.schema.json").read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in Draft202012Validator(schema).iter_errors(document)]
    assert errors == []
    assert len(document["accounts"]) == 300
    assert len(document["members"]) == 6

    path = tmp_path / "same.sqlite"
    path.write_bytes(download(page, "Export SQLite", tmp_path))
    db = sqlite3.connect(path)
    in_sqlite = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
                 for table in ("account", "contact", "note")}
    assert in_sqlite == {"account": len(document["accounts"]), "contact": len(document["contacts"]),
                         "note": len(document["notes"])}
    assert in_sqlite["note"] > 0
