"""Exports: the SQLite file for owners and admins; clients CSV of visible accounts, formula-safe."""

import csv
import io
import sqlite3

import pytest

from app.domain.errors import AccessDenied
from app.services.export import export_clients_csv, export_sqlite, safe_cell
from app.services.notes import add_note
from tests.conftest import _demo_db, member_named


@pytest.fixture(scope="module")
def db():
    return _demo_db(40)


def test_the_sqlite_file_opens_elsewhere_with_the_same_data(db, tmp_path):
    path = tmp_path / "export.sqlite"
    path.write_bytes(export_sqlite(db, member_named(db, "Giulia")))
    other = sqlite3.connect(path)
    for table in ("account", "contact", "note", "document", "team_history"):
        assert other.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == db.scalar(f"SELECT count(*) FROM {table}")
    assert other.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("name", ["Laura", "Paolo", "Sara", "Tom"])
def test_only_owner_and_admins_take_the_whole_dataset(db, name):
    with pytest.raises(AccessDenied):
        export_sqlite(db, member_named(db, name))


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_the_template_columns_and_one_row_per_linked_contact(db):
    text = export_clients_csv(db, member_named(db, "Giulia"))
    assert next(csv.reader(io.StringIO(text))) == [
        "Account name", "Account type", "Tags", "Team members", "First name", "Last name", "Email",
        "Additional emails", "Phone", "Street", "City", "State", "Postal code", "Country", "Contact description"]
    assert len(rows(text)) == db.scalar("SELECT count(*) FROM account_contact")
    assert {r["Account type"] for r in rows(text)} <= {"Individual", "Company", "Other"}


def test_csv_lists_only_accounts_the_member_may_see(db):
    sara = member_named(db, "Sara")
    names = {r["Account name"] for r in rows(export_clients_csv(db, sara))}
    assert names == {n for (n,) in db.all("SELECT name FROM account WHERE id IN (SELECT account_id FROM account_team"
                                          " WHERE member_id = ?)", (sara.id,))}


@pytest.mark.parametrize("text, safe", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+39 333", "'+39 333"),
                                        ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
                                        ("\rx", "'\rx"), ("Rossi", "Rossi"), (None, "")])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(text, safe):
    assert safe_cell(text) == safe


def test_hostile_text_stays_text_in_the_csv(db):
    giulia = member_named(db, "Giulia")
    account = db.scalar("SELECT min(id) FROM account")
    add_note(db, giulia, account, "=cmd|' /C calc'!A0")  # notes are not exported, but names are:
    db.execute("UPDATE contact SET first_name = '=1+1' WHERE id = (SELECT min(id) FROM contact)")
    first_names = [r["First name"] for r in rows(export_clients_csv(db, giulia))]
    assert "'=1+1" in first_names and "=1+1" not in first_names
