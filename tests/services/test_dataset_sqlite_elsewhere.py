"""Import dataset, SQLite file, with SQLite's integrity check run elsewhere (in the browser, a worker
with its own SQLite): the records are checked meanwhile, no verdict comes before its answer, damage
is what a damaged file is refused for, and the page checks its own copy if the check cannot run."""

import sqlite3

import pytest

from app.domain.errors import FileRefused
from app.services.checked_elsewhere import NotChecked
from app.services.dataset import prepare_import_steps
from app.services.steps import Waiting, run_all
from app.store import dataset_check
from tests.services.test_dataset import OWNER
from tests.services.test_dataset_sqlite import edited, source  # noqa: F401 - a fixture
from tests.store.test_dataset import as_version_1


class Elsewhere:
    """The worker's checks as SQLite runs them (the whole file: `PRAGMA integrity_check`, then
    `foreign_key_check`), answered after the page has asked `late` times; or, `failing`, checks
    that could not run."""

    def __init__(self, data: bytes, late: int = 3, failing: bool = False) -> None:
        self.data, self.late, self.failing = data, late, failing
        self.asked = 0
        self.closed = False

    def ready(self) -> bool:
        self.asked += 1
        return self.asked > self.late

    def _ask(self, sql: str) -> list:
        conn = sqlite3.connect(":memory:")
        conn.deserialize(self.data)
        rows = conn.execute(sql).fetchall()
        conn.close()
        return rows

    def problem(self) -> str | None:
        if self.failing:
            raise NotChecked("no worker")
        said = [r[0] for r in self._ask("PRAGMA integrity_check")]
        return None if said == ["ok"] else "; ".join(said)

    def broken_links(self) -> frozenset[str]:
        return frozenset(r[0] for r in self._ask('SELECT DISTINCT "table" FROM pragma_foreign_key_check'))

    def close(self) -> None:
        self.closed = True


def prepared(data: bytes, elsewhere: Elsewhere, seen: list | None = None):
    return run_all(prepare_import_steps(OWNER, data, elsewhere), (seen if seen is not None else []).append)


def broken_check(source) -> bytes:  # noqa: F811 - the fixture
    """A CHECK broken (written with checks off): SQLite's integrity check sees it; so would the
    invoice's model, later in the order of the lists."""
    return edited(source, "UPDATE invoice SET amount_cents = -5 WHERE id = (SELECT min(id) FROM invoice)",
                  unchecked=True)


@pytest.fixture
def no_check_here(monkeypatch):
    """The page checks the schema it reads (sqlite_schema), and no other table itself."""
    schema_only = dataset_check.integrity_problem

    def checked_here(db, table):
        assert table == "sqlite_schema", f"the page checked {table} itself"
        return schema_only(db, table)
    monkeypatch.setattr(dataset_check, "integrity_problem", checked_here)


def test_a_sound_file_is_imported_after_the_answer_and_the_page_does_not_check_it_too(source, no_check_here):  # noqa: F811
    elsewhere, seen = Elsewhere(source.serialize(), late=3), []
    assert prepared(elsewhere.data, elsewhere, seen).accounts == 40
    waits = [p for p in seen if isinstance(p, Waiting)]
    assert len(waits) == 3 and waits[0].what == "import.checking_file" and waits[0].percent == 100
    assert elsewhere.closed


def test_damage_found_elsewhere_is_why_the_file_is_refused(source, no_check_here):  # noqa: F811
    elsewhere = Elsewhere(broken_check(source))
    with pytest.raises(FileRefused) as caught:
        prepared(elsewhere.data, elsewhere)
    assert caught.value.code == "damaged"   # not the invoice's record, refused meanwhile
    assert elsewhere.asked > elsewhere.late and elsewhere.closed


def test_when_the_check_cannot_run_elsewhere_the_page_checks_its_copy(source):  # noqa: F811
    elsewhere = Elsewhere(broken_check(source), failing=True)
    with pytest.raises(FileRefused) as caught:
        prepared(elsewhere.data, elsewhere)
    assert caught.value.code == "damaged" and elsewhere.closed
    sound = Elsewhere(source.serialize(), failing=True)
    assert prepared(sound.data, sound).accounts == 40


def test_the_check_elsewhere_is_closed_on_cancel_and_on_a_refusal_before_it_is_read(source, monkeypatch):  # noqa: F811
    elsewhere = Elsewhere(source.serialize())
    steps = prepare_import_steps(OWNER, elsewhere.data, elsewhere)
    next(steps)
    next(steps)
    steps.close()   # Cancel
    assert elsewhere.closed
    monkeypatch.setattr("app.services.dataset.MAX_SQLITE_BYTES", 1000)
    refused = Elsewhere(source.serialize())
    with pytest.raises(FileRefused):
        prepared(refused.data, refused)
    assert refused.closed and refused.asked == 0


def test_the_page_refuses_what_it_finds_before_the_answer_only_once_there_is_no_damage(source, monkeypatch):  # noqa: F811
    # A bad email the models find early: still named as such, once the check found no damage.
    bad = edited(source, "UPDATE contact_email SET address = 'not-an-email' WHERE id = (SELECT min(id) FROM contact_email)")
    elsewhere = Elsewhere(bad, late=5)
    with pytest.raises(FileRefused) as caught:
        prepared(bad, elsewhere)
    assert caught.value.code == "record_invalid" and elsewhere.asked > elsewhere.late


# Links: checked elsewhere too, unless the page migrates the file first ---------------------
@pytest.fixture
def links_counted(monkeypatch) -> list[str]:
    """The tables whose links the page checks itself."""
    asked: list[str] = []
    check = dataset_check.has_broken_links

    def counted(db, table):
        asked.append(table)
        return check(db, table)
    monkeypatch.setattr(dataset_check, "has_broken_links", counted)
    return asked


def test_a_link_to_nothing_found_elsewhere_refuses_the_file_after_any_bad_record(source, links_counted):  # noqa: F811
    broken = "UPDATE note SET account_id = 999999 WHERE id = (SELECT min(id) FROM note)"
    elsewhere = Elsewhere(edited(source, broken))
    with pytest.raises(FileRefused) as caught:
        prepared(elsewhere.data, elsewhere)
    assert caught.value.code == "record_rejected"
    assert caught.value.details["where"] == "links to missing records in note"
    assert links_counted == []   # the page left them to the check elsewhere
    bad = edited(source, broken, "UPDATE task SET title = '' WHERE id = (SELECT min(id) FROM task)")
    with pytest.raises(FileRefused) as caught:
        prepared(bad, Elsewhere(bad))
    assert caught.value.details["where"] == "tasks › 1 › title"


def test_an_older_file_has_its_links_checked_here_once_migrated(source, links_counted):  # noqa: F811
    old = as_version_1(source).serialize()
    assert prepared(old, Elsewhere(old)).accounts == 40
    assert "note" in links_counted


def test_when_the_checks_cannot_run_elsewhere_the_page_checks_the_links_too(source, links_counted):  # noqa: F811
    broken = edited(source, "UPDATE note SET account_id = 999999 WHERE id = (SELECT min(id) FROM note)")
    with pytest.raises(FileRefused) as caught:
        prepared(broken, Elsewhere(broken, failing=True))
    assert caught.value.code == "record_rejected" and "note" in links_counted
