"""Exports: the SQLite file for owners and admins; clients CSV of visible accounts, formula-safe."""

import csv
import io
import sqlite3

import pytest

from app.domain.errors import AccessDenied
from app.services import export
from app.services.export import (
    WRITING,
    export_clients_csv,
    export_clients_csv_steps,
    export_sqlite,
    safe_cell,
)
from app.services.notes import add_note
from app.services.steps import run_all
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


def steps_of(db, member):
    seen = []
    return run_all(export_clients_csv_steps(db, member), seen.append), seen


@pytest.mark.parametrize("name", ["Giulia", "Sara"])
def test_the_csv_in_steps_is_the_same_however_the_accounts_are_split(db, name, monkeypatch):
    member = member_named(db, name)
    monkeypatch.setattr(export, "EXPORT_PART", 10_000)
    whole, [one] = steps_of(db, member)
    monkeypatch.setattr(export, "EXPORT_PART", 3)
    text, seen = steps_of(db, member)
    assert text == whole == export_clients_csv(db, member)
    accounts = one.total
    assert len(seen) == -(-accounts // 3) and {p.what for p in seen} == {WRITING}
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].percent == 100


def test_the_csv_keeps_the_order_by_account_name_then_primary_contact_first(db):
    giulia = member_named(db, "Giulia")
    expected = [tuple(safe_cell(v) for v in r) for r in db.all(
        "SELECT a.name, c.first_name, c.last_name FROM account a JOIN account_contact ac ON ac.account_id = a.id"
        " JOIN contact c ON c.id = ac.contact_id"
        " ORDER BY a.name_sort, a.id, ac.is_primary DESC, c.last_name, c.first_name")]
    text, _ = steps_of(db, giulia)
    assert [(r["Account name"], r["First name"], r["Last name"]) for r in rows(text)] == expected


def test_export_rights_are_checked_before_the_first_step(db):
    sara = member_named(db, "Sara")
    laura = member_named(db, "Laura")   # may see every account, but not export them
    export_clients_csv_steps(db, sara)
    with pytest.raises(AccessDenied):
        export_clients_csv_steps(db, laura)
