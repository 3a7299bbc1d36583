"""Invoices and credit (F-OVERVIEW-6). Money is integer cents: exact, never floats."""

from __future__ import annotations


def amount_due(amount_cents: int, paid_cents: int) -> int:
    """What is still to be paid on an invoice (never negative)."""
    return max(0, amount_cents - paid_cents)


def payable_with_credit(due_cents: int, credit_cents: int) -> bool:
    """An unpaid invoice can be settled from credit when the credit covers all of it.

    Each invoice is judged on its own against the whole credit: the question the firm asks
    of one invoice is "could the client's credit pay this one?".
    """
    return 0 < due_cents <= credit_cents

