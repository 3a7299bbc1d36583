"""The Overview service: thirteen sections in order, at most five entries, access checked."""

import pytest

from app.domain.errors import AccessDenied
from app.services.overview import account_overview, section_page
from app.services.overview_views import SECTIONS
from tests.conftest import member_named


def busiest_account(db):
    return db.scalar("SELECT account_id FROM document GROUP BY account_id ORDER BY count(*) DESC, account_id")


def hidden_from(db, member_id):
    return db.scalar("SELECT id FROM account WHERE id NOT IN (SELECT account_id FROM account_team"
                     " WHERE member_id = ?) ORDER BY id", (member_id,))


def test_sections_in_order_with_at_most_five_entries(demo):
    view = account_overview(demo, member_named(demo, "Giulia"), busiest_account(demo))
    assert tuple(s.key for s in view.sections) == SECTIONS
    for section in view.sections:
        limit = 1000 if section.key in ("jobs", "logins") else 5
        assert len(section.entries) <= limit
        assert section.total >= len(section.entries)
        assert all(len(e.cells) == len(section.columns) for e in section.entries)
    documents = view.sections[0]
    assert documents.total > 5 and len(documents.entries) == 5


def test_new_badges_differ_per_member(demo):
    account = busiest_account(demo)
    marks = {name: [e.is_new for e in section_page(demo, member_named(demo, name), account, "documents").section.entries]
             for name in ("Giulia", "Marco")}
    assert marks["Giulia"] != marks["Marco"]


def test_view_all_pages_and_orders(demo):
    giulia = member_named(demo, "Giulia")
    account = busiest_account(demo)
    newest = section_page(demo, giulia, account, "documents")
    oldest = section_page(demo, giulia, account, "documents", newest_first=False)
    dates = [e.cells[3].value for e in newest.section.entries]
    assert dates == sorted(dates, reverse=True)
    assert [e.id for e in oldest.section.entries] == [e.id for e in reversed(newest.section.entries)]
    assert (newest.first, newest.last) == (1, newest.section.total)


def test_unknown_section_is_refused(demo):
    with pytest.raises(KeyError):
        section_page(demo, member_named(demo, "Giulia"), 1, "secrets")


@pytest.mark.parametrize("use", [lambda db, m, a: account_overview(db, m, a),
                                 lambda db, m, a: section_page(db, m, a, "notes")])
def test_members_without_access_get_nothing(demo, use):
    sara = member_named(demo, "Sara")
    with pytest.raises(AccessDenied):
        use(demo, sara, hidden_from(demo, sara.id))


def test_invoice_cells_say_whether_credit_covers_them(demo):
    giulia = member_named(demo, "Giulia")
    account = demo.scalar("SELECT i.account_id FROM invoice i JOIN credit c ON c.account_id = i.account_id"
                          " WHERE i.paid_cents < i.amount_cents ORDER BY i.account_id")
    entries = section_page(demo, giulia, account, "invoices").section.entries
    assert entries
    for entry in entries:
        assert entry.cells[5].value in ("invoice.credit_yes", "invoice.credit_no")
