"""Rules of the tag and custom-field settings: options, names that must differ, type changes."""

import pytest

from app.domain.field_rules import (
    convert_values,
    label_taken,
    name_taken,
    parse_options,
    removed_options,
)
from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType


def definition(kind: FieldType, options=(), scope=FieldScope.ACCOUNT, label="Campo", id_=None):
    return CustomFieldDefinition(id=id_, scope=scope, label=label, type=kind, options=options)


def test_options_are_trimmed_and_empty_lines_dropped():
    assert parse_options("  Ordinario \n\n   \nSemplificato\r\n Forfettario  ") == (
        "Ordinario", "Semplificato", "Forfettario")
    assert parse_options("") == ()
    assert parse_options("a   b") == ("a b",)


@pytest.mark.parametrize("text", ["Sì\nsi", "IVA\niva", "Estero\nÉstero", "x\n x "])
def test_duplicate_options_are_refused_regardless_of_case_and_accents(text):
    with pytest.raises(ValueError, match="duplicate_option"):
        parse_options(text)


def test_an_overlong_option_is_refused():
    with pytest.raises(ValueError, match="too_long"):
        parse_options("ok\n" + "x" * 256)


def test_markup_in_an_option_is_kept_as_typed():
    assert parse_options("<b>uno</b>") == ("<b>uno</b>",)


@pytest.mark.parametrize("name", ["IVA", "iva", "Iva", "ÌVA"])
def test_names_are_compared_folded(name):
    assert name_taken(name, ["Iva", "Estero"])


def test_a_new_name_is_free():
    assert not name_taken("Paghe", ["Iva", "Estero"])
    assert name_taken("éstero", ["Iva", "Estero"])


def test_label_uniqueness_is_within_one_scope_and_skips_the_field_edited():
    fields = [definition(FieldType.TEXT, label="Professione", id_=1, scope=FieldScope.CONTACT),
              definition(FieldType.TEXT, label="Codice", id_=2)]
    assert label_taken("CODICE", fields, "account")
    assert not label_taken("Codice", fields, "contact")
    assert label_taken("professióne", fields, "contact")
    assert not label_taken("codice", fields, "account", except_id=2)


def test_text_to_number_converts_when_every_value_is_a_number():
    converted, failed = convert_values(definition(FieldType.NUMBER), {1: "12", 2: "1.234,50", 3: " 7 "})
    assert failed == [] and converted == {1: "12", 2: "1234.5", 3: "7"}


def test_text_to_number_names_the_values_that_do_not_convert():
    converted, failed = convert_values(definition(FieldType.NUMBER), {1: "12", 2: "abc", 3: "x1"})
    assert failed == [2, 3] and converted == {1: "12"}


def test_number_to_text_keeps_every_value():
    assert convert_values(definition(FieldType.TEXT), {1: "12", 2: "1234.5"}) == ({1: "12", 2: "1234.5"}, [])


def test_text_to_dropdown_needs_every_value_among_the_options():
    dropdown = definition(FieldType.DROPDOWN, options=("Sì", "No"))
    assert convert_values(dropdown, {1: "Sì", 2: "No"}) == ({1: "Sì", 2: "No"}, [])
    assert convert_values(dropdown, {1: "Sì", 2: "Forse"})[1] == [2]


@pytest.mark.parametrize(("kind", "value", "ok"), [
    (FieldType.DATE, "2026-01-31", True), (FieldType.DATE, "31/01/2026", False),
    (FieldType.CHECKBOX, "true", True), (FieldType.CHECKBOX, "sì", False),
    (FieldType.EMAIL, "Anna@Studio.it", True), (FieldType.EMAIL, "anna", False),
    (FieldType.PHONE, "+39 02 1234567", True), (FieldType.PHONE, "call me", False),
    (FieldType.ADDRESS, "Via Roma 1", True),
])
def test_other_types_convert_through_their_own_rule(kind, value, ok):
    converted, failed = convert_values(definition(kind), {1: value})
    assert (failed == []) is ok
    assert (1 in converted) is ok


def test_removed_options_are_those_no_longer_offered():
    assert removed_options(("A", "B", "C"), ("C", "A", "D")) == ("B",)
    assert removed_options(("A",), ("a",)) == ("A",)
    assert removed_options(("A",), ("A", "B")) == ()
