"""Ids that name one record on every device (#12)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.sync_ids import UID_LENGTH, derived_uid, doc_id, link_doc_id, new_uid, parse_doc_id, tag_uid

NOW_MS = 1_796_246_521_183   # 2026-12-02


def test_uids_made_later_sort_later_and_never_repeat():
    earlier, later = new_uid(NOW_MS), new_uid(NOW_MS + 1)
    assert earlier < later and len(earlier) == len(later) == UID_LENGTH
    assert len({new_uid(NOW_MS) for _ in range(1000)}) == 1000


def test_a_uid_is_the_ulid_of_its_time_and_randomness():
    # The ULID spec's own example: time 1469918176385 with zero randomness.
    assert new_uid(1_469_918_176_385, lambda n: bytes(n)) == "01ARYZ6S410000000000000000"
    with pytest.raises(ValueError):
        new_uid(1 << 48)


def test_two_devices_making_the_same_tag_name_it_alike():
    assert tag_uid("VIP") == tag_uid("  vip ") == tag_uid("Vip")
    assert tag_uid("Città") == tag_uid("citta")     # the app already compares tag names folded
    assert tag_uid("VIP") != tag_uid("VIP clients")
    assert derived_uid("tag", "vip") != derived_uid("field", "vip")


def test_a_link_is_one_document_per_account_and_contact():
    account, contact = new_uid(NOW_MS), new_uid(NOW_MS + 5)
    assert link_doc_id(account, contact) == f"link:{account}:{contact}"
    assert parse_doc_id(link_doc_id(account, contact)) == ("link", (account, contact))
    assert parse_doc_id(doc_id("account", account)) == ("account", (account,))


@pytest.mark.parametrize("document_id", ["_design/rules", "account:", "account:123", "account:" + "a" * 26,
                                         ":" + "0" * 26, "acc0unt:" + "0" * 26])
def test_documents_that_are_not_ours_are_told_apart(document_id):
    with pytest.raises(ValueError):
        parse_doc_id(document_id)


@settings(max_examples=100, deadline=None)
@given(name=st.text(max_size=30), kind=st.sampled_from(["tag", "field"]))
def test_derived_uids_are_well_formed(name, kind):
    uid = derived_uid(kind, name)
    assert parse_doc_id(doc_id(kind, uid)) == (kind, (uid,))
