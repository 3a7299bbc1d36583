"""Checking records column by column says what the row models say, value for value."""

import base64
import json

import pytest
from pydantic import ValidationError

from app.domain.dataset import RECORD_LISTS, Dataset, row_fields
from app.domain.dataset_columns import (
    ColumnInvalid,
    RecordInvalid,
    check_across,
    check_column,
    check_list,
    check_records,
    check_stored,
    checked_columns,
    columns_of,
    file_values,
    is_range,
    model_of,
    range_holds,
    whole_records,
)
from app.domain.dataset_rules import AcrossRecords, CustomValues
from app.services.dataset import export_json
from app.store import dataset as dataset_store
from app.store import firm as firm_store
from tests.conftest import _demo_db, member_named

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
# Values of every kind a file may hold where a field's value should be.
ODD = [None, True, False, 0, 1, -1, 2, 480, 481, 2**63, 1.5, "", " ", "x", "  padded  ", "x" * 300,
       "Nicolò 👩‍💼", "<b>", "a@b", "a@b.it", " Giulia@Studio.IT ", "+39 333 1234567", "call me",
       "2024-02-29", "2023-02-29", "2024-02-29T10:00", "2024-02-29T10:00:00.123456", "yesterday",
       "#b45309", "#B45309", "blue", "EUR", "eur", "owner", "individual", "invited", "message",
       "[]", '["message", "task"]', '["nope"]', "{}", '{"a": "b"}', "[1", [], ["message"], ["x", 1],
       {}, {"a": "b"}, {"a": 1}, base64.b64encode(PNG).decode(), PNG, b"GIF89a",
       "pbkdf2_sha256$1000$c2FsdA==$a2V5", "pbkdf2_sha256$0$c2FsdA==$a2V5"]


@pytest.fixture(scope="module")
def db():
    """A small demo with a record of every kind (a history line, a contact's custom value)."""
    db = _demo_db(8)
    firm_store.record_event(db, "2024-03-02T10:00:00", member_named(db, "Laura").id, "member_changed", "Tom",
                            {"role": "employee"})
    field = db.scalar("SELECT id FROM custom_field WHERE scope = 'contact' AND type = 'text'")
    db.execute("INSERT INTO contact_field_value VALUES ((SELECT min(id) FROM contact), ?, 'x')", (field,))
    return db


@pytest.fixture(scope="module")
def document(db) -> dict:
    return json.loads(export_json(db, member_named(db, "Giulia")))


@pytest.fixture(scope="module")
def stored(db) -> dict:
    """Every record as the database keeps it (flags as 0/1, lists as JSON text)."""
    return dataset_store.read_records(db)


def model_says(list_name: str, record: dict, field: str, strict: bool):
    """(True, value) when the model takes the record, (False, None) when it refuses the field."""
    try:
        row = model_of(list_name).model_validate(record, strict=strict)
    except ValidationError as error:
        if all(e["loc"][:1] == (field,) for e in error.errors()):
            return False, None
        return None, None   # refused for another reason (a rule across fields): not the column's
    return True, getattr(row, field)


def column_says(list_name: str, field: str, value, strict: bool):
    try:
        return True, check_column(list_name, field, [value], strict=strict)[0]
    except ColumnInvalid:
        return False, None


@pytest.mark.parametrize("strict", [True, False], ids=["json", "sqlite"])
@pytest.mark.parametrize("list_name", RECORD_LISTS)
def test_a_column_check_says_what_the_model_says(document, list_name, strict):
    base = document[list_name] if list_name == "firm" else document[list_name][0] if document[list_name] else None
    if base is None:
        pytest.fail("no record of this kind in the demo")
    for field in row_fields(list_name):
        for value in ODD:
            model = model_says(list_name, {**base, field: value}, field, strict)
            if model[0] is not None:
                assert column_says(list_name, field, value, strict) == model, (field, value)


@pytest.mark.parametrize("list_name", RECORD_LISTS)
def test_every_default_is_checked_into_itself(list_name):
    for name, info in model_of(list_name).model_fields.items():
        if not info.is_required():
            default = info.get_default(call_default_factory=True)
            assert check_column(list_name, name, [default], strict=True) == [default], name


def test_ranges_are_the_integer_rules_and_their_ends_answer_for_all():
    assert is_range("accounts", "id") and is_range("members", "active") and is_range("tasks", "assignee_id")
    assert is_range("organizers", "progress") and is_range("firm", "idle_minutes")
    assert not is_range("accounts", "name") and not is_range("firm", "id")   # Literal[1]: one value
    for low, high in [(1, 100), (0, 100), (1, 481), (-5, 3)]:
        every = all(column_says("firm", "idle_minutes", v, False)[0] for v in range(low, high + 1))
        assert range_holds("firm", "idle_minutes", low, high, False) == every
    assert range_holds("members", "active", 0, 1, False) and not range_holds("members", "active", 0, 2, False)
    assert range_holds("tasks", "assignee_id", 3, 9, True) and not range_holds("accounts", "id", 3, 9, True)


def test_a_stored_column_is_checked_once_per_distinct_value_and_names_the_first_bad_one():
    names = ["Rossi", " Bianchi ", "Rossi", "Verdi"]
    assert check_stored("contacts", "last_name", names) == {" Bianchi ": "Bianchi"}
    assert check_stored("members", "active", [0, 1, 1]) == {}
    assert check_stored("custom_fields", "options", ['["a"]', "[]", '["a"]']) == {'["a"]': ["a"], "[]": []}
    with pytest.raises(ColumnInvalid) as caught:
        check_stored("contact_emails", "address", ["a@b.it", "nope", "x@y.it", "nope"])
    assert caught.value.index == 1
    with pytest.raises(ColumnInvalid) as caught:
        check_stored("members", "view_all_accounts", [0, 1, 0, 2, 1])
    assert caught.value.index == 3


def test_records_become_columns_only_when_every_one_is_a_plain_object_of_the_list():
    tag = {"id": 1, "name": "VIP", "color": "#b45309"}
    assert columns_of("tags", [tag, tag]) == [[1, 1], ["VIP", "VIP"], ["#b45309", "#b45309"]]
    assert columns_of("custom_fields", [{"id": 1, "scope": "account", "label": "x", "type": "text"}]) == \
        [[1], ["account"], ["x"], ["text"], [[]], [0]]   # the defaults filled in
    for odd in ({**tag, "colour": "red"}, {"id": 1, "name": "VIP"}, [1, "VIP", "#b45309"], "tag", None):
        assert columns_of("tags", [tag, odd]) is None


def test_a_slice_with_a_bad_record_is_named_by_the_model(document):
    notes = [dict(n) for n in document["notes"][:5]]
    notes[3]["author_id"] = "12"   # a number in quotes: not a JSON number
    with pytest.raises(RecordInvalid) as caught:
        checked_columns("notes", notes, strict=True, start=40)
    assert caught.value.loc == ("notes", 43, "author_id") and caught.value.reason == "invalid"
    notes[3] = "a note"
    with pytest.raises(RecordInvalid) as caught:
        checked_columns("notes", notes, strict=True, start=40)
    assert caught.value.loc == ("notes", 43)
    with pytest.raises(RecordInvalid) as caught:
        checked_columns("firm", [{**document["firm"], "idle_minutes": 0}], strict=True)
    assert caught.value.loc == ("firm", "idle_minutes")


def test_a_record_with_a_rule_across_its_fields_is_checked_whole(document):
    assert whole_records("email_settings") and not whole_records("notes")
    settings = [{**document["email_settings"][0], "login": "invited", "invited_at": None}]
    with pytest.raises(RecordInvalid) as caught:
        checked_columns("email_settings", settings, strict=True, start=3)
    assert caught.value.loc == ("email_settings", 3) and caught.value.reason == "invited_at"


def _settings_columns(document, count: int) -> list[list]:
    """email_settings records as checked columns (what the import hands check_across)."""
    settings = [dict(s) for s in document["email_settings"][:count]]
    return checked_columns("email_settings", settings, strict=True)


def test_a_rule_across_fields_is_run_on_checked_columns_and_names_its_record(document):
    columns = _settings_columns(document, 4)
    check_across("email_settings", columns, start=20)   # all hold: nothing said
    fields = row_fields("email_settings")
    columns[fields.index("login")][2] = "invited"
    columns[fields.index("invited_at")][2] = None
    with pytest.raises(RecordInvalid) as caught:
        check_across("email_settings", columns, start=20)
    assert caught.value.loc == ("email_settings", 22) and caught.value.reason == "invited_at"


def test_a_rule_that_wants_more_than_the_fields_is_left_to_the_model(document, monkeypatch):
    import app.domain.dataset_columns as module

    record_of, rules = module._after_rules("email_settings")
    wants_the_model = (lambda record: record.model_dump(), *rules)   # a tuple has no model_dump
    monkeypatch.setattr(module, "_after_rules", lambda _name: (record_of, wants_the_model))
    columns = _settings_columns(document, 3)
    check_across("email_settings", columns)   # the model itself finds nothing wrong
    columns[row_fields("email_settings").index("login")][1] = "invited"
    columns[row_fields("email_settings").index("invited_at")][1] = None
    with pytest.raises(RecordInvalid) as caught:
        check_across("email_settings", columns, start=5)
    assert caught.value.loc == ("email_settings", 6)


def test_a_list_as_a_whole():
    check_list("notes", [], strict=True)
    with pytest.raises(RecordInvalid) as caught:
        check_list("members", [], strict=True)
    assert caught.value.loc == ("members",)
    with pytest.raises(RecordInvalid) as caught:
        check_list("notes", {"not": "a list"}, strict=True)
    assert caught.value.loc == ("notes",)


def test_records_checked_by_their_model_count_from_the_start_of_the_list(document):
    members = [dict(m) for m in document["members"]]
    members[2]["email"] = "not an email"
    with pytest.raises(RecordInvalid) as caught:
        check_records("members", members, strict=True, start=10)
    assert caught.value.loc == ("members", 12, "email") and caught.value.reason == "email"


@pytest.mark.parametrize("list_name", RECORD_LISTS)
def test_a_stored_column_is_written_as_the_model_writes_it(stored, list_name):
    records = [stored[list_name]] if list_name == "firm" else stored[list_name]
    assert records, "no record of this kind in the demo"
    records[0] = dict(records[0])
    if list_name == "accounts":
        records[0]["photo"] = PNG
    rows = check_records(list_name, records, strict=False)
    for field in row_fields(list_name):
        written = file_values(list_name, field, [r[field] for r in records])
        assert written == [r.model_dump(mode="json")[field] for r in rows], field


def test_the_rules_across_records_give_the_same_answer_a_slice_at_a_time(document):
    def answer(slice_size: int, change=lambda doc: None) -> str | None:
        doc = json.loads(json.dumps(document))
        change(doc)
        across = AcrossRecords()
        for name, fields in AcrossRecords.NEEDS.items():
            for start in range(0, len(doc[name]), slice_size):
                part = doc[name][start:start + slice_size]
                across.add(name, {f: [r[f] for r in part] for f in fields})
        return across.broken()

    def no_primary(doc):
        for email in doc["contact_emails"]:
            email["is_primary"] = False

    def two_owners(doc):
        doc["members"][1]["role"] = "owner"

    def inactive_on_team(doc):
        doc["members"][3]["active"] = False
        doc["account_team"].append({"account_id": 1, "member_id": doc["members"][3]["id"]})

    for size in (1, 3, 10_000):
        assert answer(size) is None
        assert answer(size, no_primary) == "primary"
        assert answer(size, two_owners) == "no_owner"
        assert answer(size, inactive_on_team) == "inactive_on_team"
    with pytest.raises(ValidationError, match="no_owner"):
        Dataset.model_validate({**document, "members": [{**m, "role": "admin"} for m in document["members"]]})


def test_a_custom_value_must_fit_its_field():
    fields = {"id": [1, 2, 3], "scope": ["account", "account", "contact"], "type": ["number", "dropdown", "text"],
              "options": [[], ["A", "B"], []]}
    custom = CustomValues(fields)
    assert custom.first_misfit("account_field_values", [1, 2, 1, 99], ["12", "A", "3.5", "anything"]) is None
    assert custom.first_misfit("account_field_values", [1, 2, 2, 1], ["12", "A", "C", "3,5"]) == 2
    assert custom.first_misfit("account_field_values", [3], ["x"]) == 0   # a contact field on an account
    assert custom.first_misfit("contact_field_values", [3, 3], ["x", " x "]) == 1   # not as the editor stores it
