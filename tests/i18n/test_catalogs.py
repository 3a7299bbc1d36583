"""Every message exists in both languages with the same placeholders; formats follow the language."""

import string
from datetime import date

import pytest

from app.i18n import CATALOGS, Translator


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogs_have_the_same_keys():
    en, it = CATALOGS["en"].MESSAGES, CATALOGS["it"].MESSAGES
    assert set(en) - set(it) == set(), "missing in Italian"
    assert set(it) - set(en) == set(), "missing in English"


@pytest.mark.parametrize("key", sorted(CATALOGS["en"].MESSAGES))
def test_placeholders_match(key):
    assert placeholders(CATALOGS["en"].MESSAGES[key]) == placeholders(CATALOGS["it"].MESSAGES[key])


def test_no_empty_messages():
    for lang, catalog in CATALOGS.items():
        assert all(v.strip() for v in catalog.MESSAGES.values()), lang


def test_dates_numbers_and_money_follow_the_language():
    en, it = Translator("en"), Translator("it")
    assert en.date(date(2026, 3, 5)) == "Mar 5, 2026"
    assert it.date(date(2026, 3, 5)) == "5 mar 2026"
    assert en.number(1234567) == "1,234,567"
    assert it.number(1234567) == "1.234.567"
    assert en.money(123456) == "€1,234.56"
    assert it.money(123456) == "1.234,56 €"


def test_unknown_language_falls_back_to_english():
    assert Translator("fr")("nav.clients") == "Clients"


@pytest.mark.parametrize("lang", ["en", "it"])
def test_no_part_of_a_catalog_silently_replaces_another_ones_message(lang):
    """Each catalog is merged from several files: a key written twice would win in one place
    and change the words of another screen."""
    import ast
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "app" / "i18n"
    seen: dict[str, str] = {}
    for path in sorted(folder.glob(f"{lang}*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        message_dict = next(n for n in ast.walk(tree) if isinstance(n, ast.Dict))
        for key in (k.value for k in message_dict.keys if isinstance(k, ast.Constant)):
            assert key not in seen, f"{key!r} is in both {seen[key]} and {path.name}"
            seen[key] = path.name
