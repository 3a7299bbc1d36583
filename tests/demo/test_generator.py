"""The demo firm: deterministic, realistic, with every role and all thirteen record kinds."""

from app.demo.generator import build_demo
from app.domain.firm import Right, Role
from app.store import firm as firm_store
from app.store import open_store
from tests.conftest import TODAY

ACTIVITY_TABLES = ["document", "task", "email_message", "job", "chat_message", "invoice",
                   "approval", "signature_request", "organizer", "login_event", "note",
                   "time_entry", "proposal"]


def dump(db):
    return list(db._conn.iterdump())


def test_same_seed_and_day_give_the_same_data():
    a, b = open_store(), open_store()
    build_demo(a, accounts=40, seed=3, today=TODAY)
    build_demo(b, accounts=40, seed=3, today=TODAY)
    assert dump(a) == dump(b)


def test_members_cover_every_role_and_right(demo):
    members = firm_store.list_members(demo)
    roles = [m.role for m in members]
    assert roles.count(Role.OWNER) == 1 and Role.ADMIN in roles
    employees = [m for m in members if m.role is Role.EMPLOYEE]
    assert any(m.rights == {Right.VIEW_ALL_ACCOUNTS} for m in employees)
    assert any(m.rights == {Right.MANAGE_ACCOUNTS} for m in employees)
    assert any(Right.EXPORT_CLIENTS not in m.rights for m in employees)
    # Sees only their team's accounts (and may take those away as a spreadsheet).
    restricted = [m for m in employees if m.rights == {Right.EXPORT_CLIENTS}]
    assert len(restricted) >= 1
    count = demo.scalar("SELECT count(*) FROM account_team WHERE member_id = ?", (restricted[0].id,))
    assert 3 <= count <= 10


def test_every_activity_kind_is_present(demo):
    for table in ACTIVITY_TABLES:
        assert demo.scalar(f"SELECT count(*) FROM {table}") > 50, table


def test_contacts_are_shared_between_accounts_and_families_share_a_surname(demo):
    shared = demo.scalar("SELECT count(*) FROM (SELECT contact_id FROM account_contact"
                         " GROUP BY contact_id HAVING count(*) > 1)")
    assert shared >= 10
    assert demo.scalar("SELECT count(*) FROM account WHERE name LIKE '%, % & %'") >= 10


def test_account_types_and_accented_names(demo):
    types = dict(demo.all("SELECT type, count(*) FROM account GROUP BY type"))
    assert set(types) == {"individual", "company", "other"}
    assert demo.scalar("SELECT count(*) FROM account WHERE name LIKE '%ò%' OR name LIKE '%ù%'") > 0


def test_every_account_has_a_primary_contact_with_an_email(demo):
    assert demo.scalar("SELECT count(*) FROM account a WHERE NOT EXISTS (SELECT 1 FROM account_contact"
                       " ac WHERE ac.account_id = a.id AND ac.is_primary)") == 0


def test_size_is_a_parameter():
    db = open_store()
    build_demo(db, accounts=25, today=TODAY)
    assert db.scalar("SELECT count(*) FROM account") == 25
    assert db.scalar("SELECT count(*) FROM account_search") == 25
