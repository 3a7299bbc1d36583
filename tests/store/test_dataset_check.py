"""An SQLite file checked on a private copy: its schema exactly ours, SQLite's integrity check a
table at a time, its records read a slice at a time, its derived data emptied."""

import pytest

from app.domain.dataset import RECORD_LISTS, row_fields
from app.store import dataset as store
from app.store import dataset_check as check
from app.store.db import Database
from app.store.schema import MIGRATIONS
from tests.conftest import _demo_db
from tests.store.test_dataset import as_version_1


@pytest.fixture(scope="module")
def demo() -> Database:
    return _demo_db(20)


@pytest.fixture
def copy(demo) -> Database:
    return check.open_copy(demo.serialize())


def test_our_file_is_of_the_current_version_and_one_of_the_first_of_the_first(demo, copy):
    assert check.schema_version(copy) == len(MIGRATIONS)
    assert check.schema_version(check.open_copy(as_version_1(demo).serialize())) == 1


@pytest.mark.parametrize("sql", [
    "UPDATE sqlite_schema SET sql = replace(sql, ' CHECK (progress BETWEEN 0 AND 100)', '') WHERE name = 'organizer'",
    "UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') WHERE name = 'note'",
    "UPDATE sqlite_schema SET sql = replace(sql, 'ON DELETE CASCADE', '') WHERE name = 'note'",
    "UPDATE sqlite_schema SET sql = replace(sql, '(name_sort, id)', '(name_sort)') WHERE name = 'account_by_name'",
    "DELETE FROM sqlite_schema WHERE name = 'account_search_docsize'",
])
def test_a_schema_that_differs_in_anything_is_another_schema(demo, sql):
    edited = Database.from_bytes(demo.serialize())
    edited.execute("PRAGMA writable_schema = ON")
    edited.execute(sql)
    with pytest.raises(store.OtherSchema):
        check.schema_version(check.open_copy(edited.serialize()))


def test_sqlite_statistics_are_no_part_of_the_schema_and_are_dropped(copy):
    copy.execute("ANALYZE")
    assert check.schema_version(copy) == len(MIGRATIONS)
    check.clear_derived(copy)
    assert copy.scalar("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'") == 0


def test_the_integrity_check_of_a_table_sees_a_row_breaking_a_check(copy):
    assert all(check.integrity_problem(copy, t) is None for t in check.stored_tables(copy))
    copy.execute("PRAGMA ignore_check_constraints = ON")
    copy.execute("UPDATE organizer SET progress = 101 WHERE id = (SELECT min(id) FROM organizer)")
    fresh = check.open_copy(copy.serialize())   # the copy turns CHECKs back on
    assert check.integrity_problem(fresh, "organizer") == "CHECK constraint failed in organizer"
    assert check.integrity_problem(fresh, "note") is None


def test_every_table_kept_in_pages_is_checked(copy):
    tables = check.stored_tables(copy)
    assert set(store.TABLES.values()) <= set(tables) and "account_search_data" in tables
    assert "account_search" not in tables   # a virtual table: its pages are its shadow tables'


@pytest.mark.parametrize("name", RECORD_LISTS)
def test_slices_read_every_record_once_in_the_files_order(demo, name):
    whole = [tuple(r) for r in demo.all(store._select(name))]
    fields = row_fields(name)
    read, after, sizes = [], None, []
    while (part := store.read_slice(demo, name, fields, after, 7)) is not None:
        rows = list(zip(*(part.values[f] for f in fields), strict=True))
        assert len(rows) == part.size <= 7 and store.keys_of(demo, part)[-1] == part.last
        read += rows
        after, sizes = part.last, [*sizes, part.size]
    assert read == whole


def test_a_slice_read_without_columns_still_knows_its_records(demo):
    part = store.read_slice(demo, "account_team", (), None, 10)
    assert part.values == {} and part.size == 10
    assert store.keys_of(demo, part) == [tuple(r) for r in demo.all(
        "SELECT account_id, member_id FROM account_team ORDER BY account_id, member_id LIMIT 10")]
    low, high, nulls = check.ranges(demo, part, ["member_id"])["member_id"]
    assert (low, high, nulls) == tuple(demo.one(
        "SELECT min(member_id), max(member_id), 0 FROM (SELECT member_id FROM account_team"
        " ORDER BY account_id, member_id LIMIT 10)"))


def test_a_rewritten_value_that_clashes_is_rejected(copy):
    first, second = (tuple(r) for r in copy.all("SELECT id, email FROM member ORDER BY id LIMIT 2"))
    with pytest.raises(store.Rejected, match="member.email"):
        check.rewrite(copy, "members", "email", [(first[1], (second[0],))])
    check.rewrite(copy, "members", "email", [("new@studio.it", (second[0],))])
    assert copy.scalar("SELECT email FROM member WHERE id = ?", (second[0],)) == "new@studio.it"


def test_what_is_derived_from_the_records_is_emptied(copy):
    check.clear_derived(copy)
    assert copy.scalar("SELECT count(*) FROM account_search") == 0
    assert copy.scalar("SELECT count(*) FROM account") == 20
    for table in check._ours(len(MIGRATIONS)).derived:
        assert copy.scalar(f"SELECT count(*) FROM {table}") == 0
    assert check.schema_version(copy) == len(MIGRATIONS)   # still exactly ours


def test_integer_columns_of_strict_tables_can_be_summed_up(copy):
    assert check.range_columns(copy, "notes") == {"id", "account_id", "author_id"}
    assert check.range_columns(copy, "members") >= {"view_all_accounts", "active"}


def test_an_indexed_integer_columns_range_comes_from_its_index(copy):
    copy.execute("UPDATE note SET account_id = (SELECT max(id) FROM account) WHERE id = (SELECT min(id) FROM note)")
    found = check.indexed_ranges(copy, "notes", ("id", "account_id", "author_id"))
    assert set(found) == {"id", "account_id"}   # author_id has no index of its own: read slice by slice
    assert found["account_id"] == (copy.scalar("SELECT min(account_id) FROM note"),
                                   copy.scalar("SELECT max(id) FROM account"), False)
    assert found["id"][:2] == tuple(copy.one("SELECT min(id), max(id) FROM note"))
