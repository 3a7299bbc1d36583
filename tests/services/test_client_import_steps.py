"""The CSV import in steps: progress that reaches the end, the same result as at once, and a
Cancel (closing the steps) that leaves the firm's data exactly as it was."""

from datetime import datetime

import pytest

from app.domain.errors import AccessDenied, FileRefused
from app.services import client_import
from app.services.client_import import (
    CHECKING,
    IMPORTING,
    READING,
    plan_import,
    plan_import_steps,
    read_table,
    read_table_steps,
    run_import,
    run_import_steps,
)
from app.services.steps import run_all
from tests.conftest import _demo_db, member_named
from tests.services.test_client_import import TABLES, a_linked_pair, counts, csv_bytes

NOW = datetime(2026, 11, 26, 10, 30)   # accounts record when they were created: the same for both
ALL_TABLES = (*TABLES, "contact_field_value", "account_field_value", "account_search")


def snapshot(db):
    """Every row of the tables an import writes to, so that "nothing changed" means exactly that."""
    return {t: sorted(tuple(r) for r in db.all(f"SELECT * FROM {t}")) for t in ALL_TABLES}  # noqa: S608


def many_rows(count):
    return csv_bytes([(f"Cliente {i} Srl", f"Nome{i}", f"Cognome{i}", f"cliente{i}@example.com")
                      for i in range(count)])


def mixed_rows(db):
    """Rows that lean on earlier rows and on the firm's records: each kind of fate, spread out."""
    name, email = a_linked_pair(db)
    rows = [("Alfa Srl", "Mario", "Rossi", "mario@alfa.it"),        # new account
            (name, "Nuovo", "Socio", "nuovo.socio@example.com"),    # joins an existing account
            ("Alfa Srl", "Anna", "Neri", "anna@alfa.it"),           # joins the new account above
            (name, "X", "Y", email),                                # already linked
            ("Beta Srl", "Mario", "Rossi", "MARIO@alfa.it"),        # reuses the contact added above
            ("alfa  SRL", "Mario", "Rossi bis", "mario@alfa.it"),   # repeats line 2
            ("Gamma Srl", "Luca", "Bo", "non-una-mail"),            # rejected
            ("Delta Srl", "Sara", "Riva", email)]                   # reuses a contact of the firm
    return csv_bytes(rows + [(f"Fila {i} Srl", "A", f"B{i}", "") for i in range(30)])


def collect(steps):
    seen = []
    return run_all(steps, seen.append), seen


@pytest.fixture
def db():
    return _demo_db(10)


@pytest.fixture
def giulia(db):
    return member_named(db, "Giulia")


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of two rows: every reference from one row to an earlier one crosses a part."""
    monkeypatch.setattr(client_import, "CHECK_PART", 2)
    monkeypatch.setattr(client_import, "WRITE_PART", 2)


def test_reading_advances_to_the_end_and_gives_the_same_table(giulia):
    data = many_rows(2500)
    (table, mapping), seen = collect(read_table_steps(giulia, data))
    assert (table, mapping) == read_table(giulia, data)
    assert len(seen) > 1 and {p.what for p in seen} == {READING}
    assert [p.percent for p in seen] == sorted(p.percent for p in seen) and seen[-1].percent == 100


def test_the_preview_advances_to_the_end_and_gives_the_same_plan(db, giulia):
    table, mapping = read_table(giulia, many_rows(400))
    plan, seen = collect(plan_import_steps(db, giulia, table, mapping))
    assert plan == plan_import(db, giulia, table, mapping) and len(plan.rows) == 400
    assert {p.what for p in seen} == {CHECKING} and len(seen) == -(-400 // client_import.CHECK_PART)
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].percent == 100


def test_the_import_advances_to_the_end_and_reports_as_at_once(giulia):
    table, mapping = read_table(giulia, many_rows(400))
    stepped, at_once = _demo_db(10), _demo_db(10)
    report, seen = collect(run_import_steps(stepped, giulia, table, mapping, now=NOW))
    assert report == run_import(at_once, giulia, table, mapping, now=NOW) and report.accounts_added == 400
    assert snapshot(stepped) == snapshot(at_once)
    percents = [p.percent for p in seen]
    assert percents == sorted(percents) and percents[-1] == 100
    # Checking comes first, writing after, each taking its share of the bar.
    checked = [p for p in seen if p.what == CHECKING][-1]
    assert [p.what for p in seen] == [CHECKING] * seen.index(checked) + [CHECKING] + \
        [IMPORTING] * (len(seen) - seen.index(checked) - 1)
    assert 20 <= checked.percent <= 50


@pytest.mark.usefixtures("small_parts")
def test_rows_leaning_on_earlier_rows_in_other_parts_plan_and_import_as_in_one_part(giulia):
    one_part, small = _demo_db(10), _demo_db(10)
    data = mixed_rows(one_part)
    table, mapping = read_table(giulia, data)
    plan = plan_import(small, giulia, table, mapping)
    report = run_import(small, giulia, table, mapping, valid_only=True, now=NOW)
    client_import.CHECK_PART = client_import.WRITE_PART = 10_000   # undone by monkeypatch
    assert plan == plan_import(one_part, giulia, table, mapping)
    assert [r.fate for r in plan.rows[:8]] == ["new_account", "joins_existing", "joins_new", "already_linked",
                                               "new_account", "duplicate", "rejected", "new_account"]
    assert report == run_import(one_part, giulia, table, mapping, valid_only=True, now=NOW)
    assert snapshot(small) == snapshot(one_part)


def test_cancelling_the_import_half_way_leaves_the_data_as_it_was(db, giulia):
    table, mapping = read_table(giulia, many_rows(400))
    before = snapshot(db)
    steps = run_import_steps(db, giulia, table, mapping)
    progress = next(steps)
    while progress.what != IMPORTING or progress.percent < 60:
        progress = next(steps)
    assert counts(db)["account"] > len(before["account"])   # written, not yet committed
    steps.close()
    assert snapshot(db) == before
    with db.transaction():   # no transaction left open: the next one starts and commits
        pass
    report = run_import(db, giulia, table, mapping)
    assert report.accounts_added == 400 and counts(db)["account"] == len(before["account"]) + 400


def test_cancelling_the_preview_changes_nothing(db, giulia):
    table, mapping = read_table(giulia, many_rows(400))
    before = snapshot(db)
    steps = plan_import_steps(db, giulia, table, mapping)
    next(steps)
    next(steps)
    steps.close()
    assert snapshot(db) == before
    with db.transaction():
        pass
    assert len(plan_import(db, giulia, table, mapping).rows) == 400


def test_an_import_refused_for_its_rejected_rows_writes_nothing_and_opens_no_transaction(db, giulia):
    data = csv_bytes([("Alfa Srl", "Mario", "Rossi", "mario@alfa.it"),
                      ("Beta Srl", "Anna", "Neri", "anna(at)x")])
    table, mapping = read_table(giulia, data)
    before = snapshot(db)
    report, seen = collect(run_import_steps(db, giulia, table, mapping))
    assert report.imported is False and {p.what for p in seen} == {CHECKING}
    assert snapshot(db) == before


@pytest.mark.parametrize("name", ["Sara", "Laura"])
def test_rights_are_checked_before_the_first_step(db, name):
    member = member_named(db, name)
    data = many_rows(3)
    table, mapping = read_table(member_named(db, "Giulia"), data)
    for start in (lambda: read_table_steps(member, data),
                  lambda: plan_import_steps(db, member, table, mapping),
                  lambda: run_import_steps(db, member, table, mapping, valid_only=True)):
        with pytest.raises(AccessDenied):
            start()   # no step taken: the refusal comes with the call itself


def test_a_mapping_to_fix_is_refused_before_the_first_step(db, giulia):
    table, mapping = read_table(giulia, many_rows(3))
    with pytest.raises(FileRefused) as refused:
        run_import_steps(db, giulia, table, {**mapping, 2: None})
    assert refused.value.code == "mapping"
    plan, seen = collect(plan_import_steps(db, giulia, table, {**mapping, 2: None}))
    assert plan.mapping_problems == {"last_name": "required_column"} and seen == []


def test_an_unreadable_file_is_refused_when_its_bytes_are_read(giulia):
    steps = read_table_steps(giulia, b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(FileRefused) as refused:
        next(steps)
    assert refused.value.code == "binary"
