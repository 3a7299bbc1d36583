"""Notes CRUD with validation and rights; opening a document clears New for that member only."""

from datetime import datetime

import pytest
from pydantic import ValidationError

from app.domain.errors import AccessDenied, NotFound
from app.services import notes
from app.services.documents import open_document
from app.services.overview import section_page
from tests.conftest import _demo_db, member_named

NOW = datetime(2026, 11, 26, 12, 0)


@pytest.fixture
def db():
    return _demo_db(30)


def team_account(db, member):
    return db.scalar("SELECT account_id FROM account_team WHERE member_id = ? ORDER BY account_id", (member.id,))


def hidden_account(db, member):
    return db.scalar("SELECT id FROM account WHERE id NOT IN (SELECT account_id FROM account_team"
                     " WHERE member_id = ?) ORDER BY id", (member.id,))


def note_bodies(db, member, account):
    return [e.cells[0].value for e in section_page(db, member, account, "notes").section.entries]


def test_add_edit_delete(db):
    giulia = member_named(db, "Giulia")
    account = team_account(db, member_named(db, "Sara"))
    note_id = notes.add_note(db, giulia, account, "  Call back <b>Monday</b>  ", now=NOW)
    assert note_bodies(db, giulia, account)[0] == "Call back <b>Monday</b>"
    notes.edit_note(db, giulia, note_id, "Called.", now=NOW)
    assert note_bodies(db, giulia, account)[0] == "Called."
    notes.delete_note(db, giulia, note_id)
    assert "Called." not in note_bodies(db, giulia, account)
    with pytest.raises(NotFound):
        notes.delete_note(db, giulia, note_id)


@pytest.mark.parametrize("body", ["", "   \n ", "x" * 5001])
def test_invalid_notes_are_refused_and_nothing_is_written(db, body):
    giulia = member_named(db, "Giulia")
    before = db.scalar("SELECT count(*) FROM note")
    with pytest.raises(ValidationError):
        notes.add_note(db, giulia, 1, body)
    assert db.scalar("SELECT count(*) FROM note") == before


def test_members_without_access_cannot_read_or_write_notes(db):
    sara = member_named(db, "Sara")
    hidden = hidden_account(db, sara)
    with pytest.raises(AccessDenied):
        notes.add_note(db, sara, hidden, "hello")
    with pytest.raises(AccessDenied):
        section_page(db, sara, hidden, "notes")
    giulias = notes.add_note(db, member_named(db, "Giulia"), hidden, "owner's note")
    with pytest.raises(AccessDenied):
        notes.edit_note(db, sara, giulias, "changed")
    with pytest.raises(AccessDenied):
        notes.delete_note(db, sara, giulias)


def test_authors_change_their_own_notes_editors_change_any(db):
    sara, paolo = member_named(db, "Sara"), member_named(db, "Paolo")
    shared = db.scalar("SELECT a.account_id FROM account_team a JOIN account_team b ON a.account_id = b.account_id"
                       " WHERE a.member_id = ? AND b.member_id = ? ORDER BY 1", (sara.id, paolo.id))
    if shared is None:
        pytest.skip("no account shared by both in this demo size")
    paolos = notes.add_note(db, paolo, shared, "Paolo's")
    with pytest.raises(AccessDenied):
        notes.edit_note(db, sara, paolos, "Sara was here")  # no manage right, not the author
    saras = notes.add_note(db, sara, shared, "Sara's")
    notes.edit_note(db, sara, saras, "Sara's, edited")
    notes.edit_note(db, paolo, saras, "Paolo may edit it: he manages accounts")


def test_opening_a_document_clears_new_for_that_member_only(db):
    giulia, marco = member_named(db, "Giulia"), member_named(db, "Marco")
    row = db.one("SELECT d.id, d.account_id FROM document d WHERE NOT EXISTS (SELECT 1 FROM document_view v"
                 " WHERE v.document_id = d.id) ORDER BY d.id")
    def is_new(member):
        entries = section_page(db, member, row["account_id"], "documents").section.entries
        return next(e.is_new for e in entries if e.id == row["id"])
    assert is_new(giulia) and is_new(marco)
    view = open_document(db, giulia, row["account_id"], row["id"], now=NOW)
    assert [name for name, _ in view.viewed_by] == ["Giulia Bianchi"]
    assert not is_new(giulia) and is_new(marco)


def test_a_document_of_another_account_is_not_found(db):
    giulia = member_named(db, "Giulia")
    doc = db.one("SELECT id, account_id FROM document ORDER BY id")
    other = db.scalar("SELECT id FROM account WHERE id != ? ORDER BY id", (doc["account_id"],))
    with pytest.raises(NotFound):
        open_document(db, giulia, other, doc["id"])
