"""The Firm part of Settings, the firm's history of changes, and who may export clients."""

from datetime import timedelta

import pytest

from app.domain.errors import AccessDenied, InvalidInput
from app.services import firm_history, team
from app.services.export import export_clients_csv
from app.services.firm_settings import firm_form, update_firm
from app.store import firm as firm_store
from tests.conftest import ADMINS, EMPLOYEES, MARKUP, member_named
from tests.services.conftest import NOW, deactivated_admin, events, snapshot


def form_data(db, **changes):
    """What the form sends back: the firm as shown, with the changes typed."""
    firm = firm_store.get_firm(db)
    data = firm.model_dump(exclude={"currency", "demo"})
    return {**data, **changes}


def actor(db, name):
    return deactivated_admin(db) if name == "deactivated admin" else member_named(db, name)


DENIED = [*EMPLOYEES, "deactivated admin"]


# Rights -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ADMINS)
def test_owner_and_admin_see_and_change_the_firm(studio, name):
    member = member_named(studio, name)
    assert firm_form(studio, member).name == "Studio Bianchi & Ferri"
    after = update_firm(studio, member, form_data(studio, name="Studio Bianchi Ferri & Associati"), NOW)
    assert firm_store.get_firm(studio) == after
    assert after.name == "Studio Bianchi Ferri & Associati"
    line = events(studio)[-1]
    assert (line["action"], line["actor_id"], line["subject"]) == ("firm_changed", member.id, after.name)
    assert firm_history.history(studio, member)[0][0].actor == member.full_name


@pytest.mark.parametrize("name", DENIED)
def test_employees_and_deactivated_admins_neither_see_nor_change_the_firm(studio, name):
    member = actor(studio, name)
    before = snapshot(studio)
    with pytest.raises(AccessDenied):
        firm_form(studio, member)
    with pytest.raises(AccessDenied):
        update_firm(studio, member, form_data(studio, name="Taken over"), NOW)
    with pytest.raises(AccessDenied):
        firm_history.history(studio, member)
    assert snapshot(studio) == before


@pytest.mark.parametrize("name, allowed", [("Giulia", True), ("Marco", True), ("Laura", False),
                                           ("Paolo", False), ("Sara", True), ("Tom", True)])
def test_clients_csv_only_with_the_export_right(demo, name, allowed):
    member = member_named(demo, name)
    if allowed:
        assert export_clients_csv(demo, member).startswith("Account name,")
    else:
        with pytest.raises(AccessDenied):
            export_clients_csv(demo, member)


# Changing the firm --------------------------------------------------------------------------

def test_the_history_names_the_fields_changed(studio):
    update_firm(studio, member_named(studio, "Giulia"),
                form_data(studio, city="Torino", vat_number="IT00000000001", idle_minutes=30), NOW)
    line = events(studio)[-1]
    assert set(line["detail"]["fields"].split(", ")) == {"city", "vat_number", "idle_minutes"}
    assert line["at"] == NOW.isoformat()
    firm = firm_store.get_firm(studio)
    assert (firm.city, firm.vat_number, firm.idle_minutes, firm.street) == (
        "Torino", "IT00000000001", 30, "Via della Moscova 18")


def test_saving_without_a_change_records_nothing(studio):
    before = snapshot(studio)
    update_firm(studio, member_named(studio, "Marco"), form_data(studio), NOW)
    assert snapshot(studio) == before


def test_the_firm_stays_the_demo_after_a_change(studio):
    update_firm(studio, member_named(studio, "Giulia"), form_data(studio, language="it"), NOW)
    assert firm_store.get_firm(studio).demo is True


@pytest.mark.parametrize("changes", [{"idle_minutes": 1}, {"idle_minutes": 480}, {"language": ""},
                                     {"language": "en"}, {"language": "it"}, {"name": MARKUP}])
def test_accepted_values_are_kept_as_typed(studio, changes):
    update_firm(studio, member_named(studio, "Giulia"), form_data(studio, **changes), NOW)
    firm = firm_store.get_firm(studio)
    assert {k: getattr(firm, k) for k in changes} == changes


@pytest.mark.parametrize("changes, field, code", [
    ({"name": ""}, "name", "required"), ({"name": "   "}, "name", "required"),
    ({"idle_minutes": 0}, "idle_minutes", "invalid"), ({"idle_minutes": 481}, "idle_minutes", "invalid"),
    ({"idle_minutes": "soon"}, "idle_minutes", "number"),
    ({"language": "fr"}, "language", "option"), ({"language": "EN"}, "language", "option"),
])
def test_bad_values_are_refused_and_nothing_is_written(studio, changes, field, code):
    before = snapshot(studio)
    with pytest.raises(InvalidInput) as refused:
        update_firm(studio, member_named(studio, "Giulia"), form_data(studio, **changes), NOW)
    assert refused.value.errors == {field: code}
    assert snapshot(studio) == before


# The firm's history -------------------------------------------------------------------------

def test_the_history_is_newest_first_with_who_did_it(studio):
    giulia, marco = member_named(studio, "Giulia"), member_named(studio, "Marco")
    update_firm(studio, giulia, form_data(studio, city="Torino"), NOW)
    team.deactivate(studio, marco, member_named(studio, "Paolo").id, NOW + timedelta(minutes=1))
    update_firm(studio, marco, form_data(studio, city="Genova"), NOW + timedelta(minutes=2))
    lines, total = firm_history.history(studio, giulia)
    assert total == 3
    assert [(v.action, v.actor) for v in lines] == [
        ("firm_changed", "Marco Ferri"), ("member_deactivated", "Marco Ferri"), ("firm_changed", "Giulia Bianchi")]
    assert lines[0].at == (NOW + timedelta(minutes=2)).isoformat()
    assert lines[1].subject == "Paolo Greco"


def test_lines_made_in_the_same_second_keep_their_order(studio):
    giulia = member_named(studio, "Giulia")
    for name in ("Studio A", "Studio B", "Studio C"):
        update_firm(studio, giulia, form_data(studio, name=name), NOW)
    lines, _total = firm_history.history(studio, giulia)
    assert [(v.subject, v.at) for v in lines] == [(n, NOW.isoformat()) for n in ("Studio C", "Studio B", "Studio A")]
    assert [v.detail for v in lines] == [{"fields": "name"}] * 3


def test_the_history_shows_a_page_and_the_count(studio):
    giulia = member_named(studio, "Giulia")
    for minutes in range(5):
        update_firm(studio, giulia, form_data(studio, idle_minutes=10 + minutes), NOW + timedelta(minutes=minutes))
    lines, total = firm_history.history(studio, giulia, limit=2)
    assert total == 5
    assert [v.at for v in lines] == [(NOW + timedelta(minutes=m)).isoformat() for m in (4, 3)]


def test_a_deactivated_members_lines_keep_their_name(studio):
    giulia, marco = member_named(studio, "Giulia"), member_named(studio, "Marco")
    update_firm(studio, marco, form_data(studio, city="Torino"), NOW)
    team.deactivate(studio, giulia, marco.id, NOW + timedelta(minutes=1))
    lines, _total = firm_history.history(studio, giulia)
    assert lines[-1].actor == "Marco Ferri"
