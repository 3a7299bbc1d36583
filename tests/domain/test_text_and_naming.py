"""Accent folding for search and sorting; account names generated from contacts."""

import pytest

from app.domain.naming import generated_name
from app.domain.text import fold, squash


@pytest.mark.parametrize("text, folded", [
    ("Nicolò", "nicolo"), ("CANTÙ", "cantu"), ("Zoë Müller", "zoe muller"),
    ("Nuñez", "nunez"), ("Straße", "strasse"), ("D'Angelo", "d'angelo"),
])
def test_fold_removes_case_and_accents(text, folded):
    assert fold(text) == folded


def test_squash_trims_and_collapses_whitespace():
    assert squash("  Rossi \t\n Mario  ") == "Rossi Mario"


def test_generated_names():
    assert generated_name([("Mario", "Rossi")]) == "Rossi, Mario"
    assert generated_name([("Mario", "Rossi"), ("Anna", "Rossi")]) == "Rossi, Mario & Anna"
    assert generated_name([("Mario", "Rossi"), ("Anna", "Bianchi")]) == "Rossi, Mario & Bianchi, Anna"
    with pytest.raises(ValueError):
        generated_name([])
