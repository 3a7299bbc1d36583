"""Checks run together, so that one Save marks every bad field."""

import pytest

from app.domain.errors import InvalidInput
from app.domain.validation import every_check


def refuse(field: str, code: str):
    def check():
        raise InvalidInput({field: code})
    return check


def test_every_refusal_is_reported_at_once():
    with pytest.raises(InvalidInput) as refused:
        every_check(refuse("email", "email"), lambda: "fine", refuse("passphrase", "passphrase_short"))
    assert refused.value.errors == {"email": "email", "passphrase": "passphrase_short"}


def test_with_no_refusal_each_result_comes_back_in_order():
    assert every_check(lambda: 1, lambda: None, lambda: "x") == [1, None, "x"]
