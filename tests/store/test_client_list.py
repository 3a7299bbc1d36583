"""F-FIND-2: the clients list query filters, sorts, pages and respects visibility."""

from app.domain.access import Visibility
from app.domain.accounts import AccountType
from app.domain.firm import Tag
from app.domain.listing import ClientQuery, SortKey
from app.store import firm as firm_store
from app.store.client_list import list_clients
from tests.store.helpers import add_account, add_member

EVERYONE = Visibility(all_accounts=True)


def setup_firm(db):
    sara = add_member(db, "Sara")
    with db.transaction():
        vip = firm_store.insert_tag(db, Tag(name="VIP", color="#b45309"))
    add_account(db, "Bianchi, Anna", [("Anna", "Bianchi", "anna@b.it")], team={sara}, tags={vip})
    add_account(db, "Ávila Trasporti S.r.l.", [("Juan", "Ávila", "j@avila.es")], kind=AccountType.COMPANY)
    add_account(db, "Zeta Ltd", [], kind=AccountType.COMPANY, tags={vip})
    add_account(db, "comitato Centro", [("Ugo", "Neri", "ugo@neri.it"), ("Eva", "Neri", "eva@neri.it")],
                kind=AccountType.OTHER, team={sara})
    return sara, vip


def page_names(db, scope=EVERYONE, **query):
    rows, total = list_clients(db, scope, ClientQuery(**query))
    return [r.name for r in rows], total


def test_sorted_by_name_ignoring_case_and_accents(db):
    setup_firm(db)
    assert page_names(db)[0] == ["Ávila Trasporti S.r.l.", "Bianchi, Anna", "comitato Centro", "Zeta Ltd"]
    assert page_names(db, descending=True)[0][0] == "Zeta Ltd"


def test_sorted_by_type_then_name(db):
    setup_firm(db)
    assert page_names(db, sort=SortKey.TYPE)[0] == [
        "Ávila Trasporti S.r.l.", "Zeta Ltd", "Bianchi, Anna", "comitato Centro"]


def test_filters_by_type_tag_and_member_and_counts_matches(db):
    sara, vip = setup_firm(db)
    assert page_names(db, type="company") == (["Ávila Trasporti S.r.l.", "Zeta Ltd"], 2)
    assert page_names(db, tag_id=vip) == (["Bianchi, Anna", "Zeta Ltd"], 2)
    assert page_names(db, member_id=sara) == (["Bianchi, Anna", "comitato Centro"], 2)
    assert page_names(db, member_id=sara, tag_id=vip) == (["Bianchi, Anna"], 1)


def test_pages(db):
    setup_firm(db)
    assert page_names(db, page_size=3, page=2) == (["Zeta Ltd"], 4)
    assert page_names(db, page_size=3, page=3) == ([], 4)


def test_cells_hold_tags_team_and_the_primary_contacts_email(db):
    sara, vip = setup_firm(db)
    rows, _ = list_clients(db, EVERYONE, ClientQuery())
    by_name = {r.name: r for r in rows}
    assert by_name["Bianchi, Anna"].tag_ids == (vip,)
    assert by_name["Bianchi, Anna"].team_ids == (sara,)
    assert by_name["comitato Centro"].email == "ugo@neri.it"
    assert by_name["Zeta Ltd"].email is None


def test_restricted_member_lists_only_team_accounts(db):
    sara, _ = setup_firm(db)
    other = add_member(db, "Piero")
    assert page_names(db, Visibility(False, sara))[1] == 2
    assert page_names(db, Visibility(False, other)) == ([], 0)
