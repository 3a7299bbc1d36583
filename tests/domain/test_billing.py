"""F-OVERVIEW-6: what is due on an invoice and whether credit covers it, in exact cents."""

import pytest

from app.domain.billing import amount_due, payable_with_credit


@pytest.mark.parametrize("amount, paid, due", [(42000, 0, 42000), (42000, 21000, 21000),
                                               (42000, 42000, 0), (100, 150, 0)])
def test_amount_due(amount, paid, due):
    assert amount_due(amount, paid) == due


@pytest.mark.parametrize("due, credit, payable", [
    (21000, 21000, True), (21000, 20999, False), (1, 0, False), (0, 500, False), (10, 10**12, True),
])
def test_credit_must_cover_the_whole_amount_due(due, credit, payable):
    assert payable_with_credit(due, credit) is payable


def test_cents_add_up_exactly_where_floats_would_not():
    # 0.1 + 0.2 != 0.3 in floats; in cents 10 + 20 == 30.
    assert payable_with_credit(amount_due(30, 0), 10 + 20)
