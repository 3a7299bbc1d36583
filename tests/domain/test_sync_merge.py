"""Three-way merge of a document's revisions (#12): what two devices did to one record."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.sync_merge import DELETED, Conflict, Merged, Shape, merge, resolve

ACCOUNT = Shape(sets=frozenset({"tags", "team"}))
CONTACT = Shape(keyed={"emails": "address"})
BASE = {"name": "Rossi Srl", "city": "Milano", "tags": ["T1"], "team": ["M1"],
        "custom": {"F1": "a", "F2": "b"}}


def edited(body: dict, **changes) -> dict:
    return {**body, **changes}


# Fields --------------------------------------------------------------------------------
def test_different_fields_changed_on_two_devices_both_stay():
    winner, loser = edited(BASE, name="Rossi S.r.l."), edited(BASE, city="Torino")
    assert merge(BASE, winner, loser, ACCOUNT) == Merged(edited(BASE, name="Rossi S.r.l.", city="Torino"))


def test_the_same_field_changed_to_two_values_is_a_conflict_and_the_winner_stands():
    winner, loser = edited(BASE, city="Torino"), edited(BASE, city="Roma")
    merged = merge(BASE, winner, loser, ACCOUNT)
    assert merged.body == winner
    assert merged.conflicts == (Conflict(("city",), "Torino", "Roma"),)


def test_the_same_change_on_both_devices_is_no_conflict():
    both = edited(BASE, city="Torino")
    assert merge(BASE, both, dict(both), ACCOUNT) == Merged(both)


def test_a_field_removed_on_one_side_and_left_alone_on_the_other_is_removed():
    loser = {key: value for key, value in BASE.items() if key != "city"}
    assert "city" not in merge(BASE, BASE, loser, ACCOUNT).body


def test_a_field_removed_on_one_side_and_changed_on_the_other_is_a_conflict():
    winner = {key: value for key, value in BASE.items() if key != "city"}
    merged = merge(BASE, winner, edited(BASE, city="Roma"), ACCOUNT)
    assert merged.conflicts == (Conflict(("city",), None, "Roma"),)


def test_custom_fields_merge_one_by_one():
    winner = edited(BASE, custom={"F1": "x", "F2": "b"})
    loser = edited(BASE, custom={"F1": "a", "F2": "y", "F3": "new"})
    merged = merge(BASE, winner, loser, ACCOUNT)
    assert merged == Merged(edited(BASE, custom={"F1": "x", "F2": "y", "F3": "new"}))


def test_a_conflict_inside_custom_fields_names_the_field():
    merged = merge(BASE, edited(BASE, custom={"F1": "x", "F2": "b"}), edited(BASE, custom={"F1": "z", "F2": "b"}),
                   ACCOUNT)
    assert merged.conflicts == (Conflict(("custom", "F1"), "x", "z"),)


# Sets and keyed lists --------------------------------------------------------------------
def test_tags_added_on_two_devices_are_both_kept_and_a_removal_holds():
    winner = edited(BASE, tags=["T1", "T2"])          # added T2
    loser = edited(BASE, tags=["T3"])                 # removed T1, added T3
    assert merge(BASE, winner, loser, ACCOUNT).body["tags"] == ["T2", "T3"]


def test_a_team_member_removed_on_both_devices_stays_removed():
    winner, loser = edited(BASE, team=[]), edited(BASE, team=["M2"])
    assert merge(BASE, winner, loser, ACCOUNT).body["team"] == ["M2"]


def test_emails_merge_by_address_and_a_label_changed_twice_is_a_conflict():
    base = {"emails": [{"address": "a@x.it", "label": "work"}]}
    winner = {"emails": [{"address": "a@x.it", "label": "home"}, {"address": "b@x.it", "label": "work"}]}
    loser = {"emails": [{"address": "a@x.it", "label": "other"}, {"address": "c@x.it", "label": "work"}]}
    merged = merge(base, winner, loser, CONTACT)
    assert [e["address"] for e in merged.body["emails"]] == ["a@x.it", "b@x.it", "c@x.it"]
    assert merged.conflicts == (Conflict(("emails", "a@x.it", "label"), "home", "other"),)


def test_an_email_removed_on_one_device_and_untouched_on_the_other_goes():
    base = {"emails": [{"address": "a@x.it"}, {"address": "b@x.it"}]}
    merged = merge(base, {"emails": [{"address": "a@x.it"}]}, base, CONTACT)
    assert merged == Merged({"emails": [{"address": "a@x.it"}]})


# Deletion ----------------------------------------------------------------------------------
def test_deleted_on_one_device_and_untouched_on_the_other_stays_deleted():
    assert merge(BASE, None, BASE, ACCOUNT) == Merged(None)
    assert merge(BASE, BASE, None, ACCOUNT) == Merged(None)


@pytest.mark.parametrize("winner_deleted", [True, False])
def test_deleted_on_one_device_and_edited_on_the_other_keeps_the_edit_and_says_so(winner_deleted):
    edit = edited(BASE, city="Torino")
    winner, loser = (None, edit) if winner_deleted else (edit, None)
    merged = merge(BASE, winner, loser, ACCOUNT)
    assert merged.body == edit
    assert merged.conflicts == (Conflict(DELETED, winner_deleted, not winner_deleted),)


def test_created_on_two_devices_without_a_base_merges_what_agrees():
    merged = merge(None, {"name": "VIP", "color": "red"}, {"name": "VIP", "color": "blue"})
    assert merged.body == {"name": "VIP", "color": "red"}
    assert merged.conflicts == (Conflict(("color",), "red", "blue"),)


# Resolving ---------------------------------------------------------------------------------
def test_a_chosen_value_replaces_the_field_and_leaves_the_rest():
    assert resolve(BASE, ("city",), "Roma") == edited(BASE, city="Roma")
    assert resolve(BASE, ("custom", "F1"), "z")["custom"] == {"F1": "z", "F2": "b"}
    assert "city" not in resolve(BASE, ("city",), None)
    assert BASE["city"] == "Milano"   # the body given is not changed


# Properties ----------------------------------------------------------------------------------
scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from(["", "a", "b", "Milano"]))
keys = st.sampled_from(["name", "city", "tags", "custom"])
values = st.one_of(scalars, st.lists(st.sampled_from(["T1", "T2", "T3"]), unique=True, max_size=3),
                   st.dictionaries(st.sampled_from(["F1", "F2"]), scalars, max_size=2))
bodies = st.dictionaries(keys, values, max_size=4)
sides = st.one_of(st.none(), bodies, bodies)   # None: that device deleted it
BOUNDED = settings(max_examples=150, deadline=None)


def as_sets(body: dict | None) -> dict | None:
    """Set fields compared without their order (which side's order comes first may differ)."""
    if body is None:
        return None
    return {key: (frozenset(value) if key == "tags" and isinstance(value, list) else value)
            for key, value in body.items()}


@BOUNDED
@given(base=bodies, side=sides)
def test_a_side_that_changed_nothing_gives_the_other_side_whole(base, side):
    assert merge(base, base, side, ACCOUNT) == Merged(side)
    assert merge(base, side, base, ACCOUNT) == Merged(side)
    assert merge(base, side, side, ACCOUNT) == Merged(side)


@BOUNDED
@given(base=bodies, winner=sides, loser=sides)
def test_swapping_the_sides_swaps_each_conflict_and_nothing_else(base, winner, loser):
    one, other = merge(base, winner, loser, ACCOUNT), merge(base, loser, winner, ACCOUNT)
    assert sorted(repr((c.path, c.winner, c.loser)) for c in one.conflicts) == \
        sorted(repr((c.path, c.loser, c.winner)) for c in other.conflicts)
    unresolved = {c.path[0] for c in one.conflicts}
    settled = [None if m.body is None else {k: v for k, v in as_sets(m.body).items() if k not in unresolved}
               for m in (one, other)]
    assert settled[0] == settled[1]


@BOUNDED
@given(base=bodies, winner=sides, loser=sides)
def test_merging_the_result_again_changes_nothing(base, winner, loser):
    """Applying the same changes twice is harmless: the merge is a fixed point."""
    merged = merge(base, winner, loser, ACCOUNT).body
    assert merge(base, merged, loser, ACCOUNT).body == merged
