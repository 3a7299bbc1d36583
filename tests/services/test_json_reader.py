"""Reading JSON a value at a time agrees with json.loads, whatever the spacing, the key order or
where the pieces of bytes are cut; and refuses what json.loads refuses."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.json_reader import JsonReader, NotJson, NotUtf8, events

leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
values = st.recursive(leaves, lambda kids: st.lists(kids, max_size=4)
                      | st.dictionaries(st.text(max_size=6), kids, max_size=4), max_leaves=25)
# Lists of objects, as a dataset has them: strings holding "}," and nested objects included.
records = st.lists(st.dictionaries(st.sampled_from(["id", "name", "detail", "x}", '"q']),
                                   st.integers() | st.text(alphabet='ab},{[]" \\\n', max_size=8) | values,
                                   max_size=4), max_size=30)
documents = st.dictionaries(st.text(max_size=8), records | values, max_size=6)
layouts = st.sampled_from([{}, {"indent": 1}, {"indent": 4}, {"indent": "\t"}, {"separators": (",", ":")},
                           {"separators": (" ,\r\n", " :  ")}, {"ensure_ascii": False}])


def read(text: str | bytes, piece: int, batch: int = 7):
    data = text.encode("utf-8") if isinstance(text, str) else text
    reader = JsonReader(data, piece)
    reader.batch = batch
    document = {}
    for event in events(reader):
        if event[0] == "other":
            return event[1]
        if event[0] == "member":
            document[event[1]] = event[2]
        elif event[0] == "list":
            document[event[1]] = []
        elif event[0] == "items":
            assert 0 < len(event[2]) <= batch
            document[event[1]] += event[2]
    return document


@settings(max_examples=150, deadline=None)
@given(document=documents | values, layout=layouts, piece=st.sampled_from([1, 2, 5, 64, 1 << 20]))
def test_it_reads_what_json_loads_reads(document, layout, piece):
    text = json.dumps(document, **layout)
    assert read(text, piece) == json.loads(text)


@settings(max_examples=60, deadline=None)
@given(document=documents, piece=st.sampled_from([1, 3, 1 << 20]))
def test_a_repeated_key_is_given_as_written_and_the_last_counts_as_in_json_loads(document, piece):
    text = json.dumps(document)
    doubled = text[:-1] + (", " if document else "") + text[1:]
    assert read(doubled.encode(), piece) == json.loads(doubled)


def test_spacing_and_order_of_a_real_document_do_not_matter():
    doc = {"format": "f", "version": 2, "firm": {"id": 1, "name": "Studio, \"Bianchi\" },{"},
           "notes": [{"id": i, "body": "},\n  {" * (i % 3), "detail": {"a": [i, {"b": "}"}]}} for i in range(200)]}
    for text in (json.dumps(doc), json.dumps(doc, indent=1), json.dumps(dict(reversed(doc.items())), indent=2),
                 json.dumps(doc, separators=(",", ":")), "\ufeff" + json.dumps(doc), json.dumps(doc) + " \r\n\t"):
        for piece in (1, 7, 100, 1 << 20):
            assert read(text, piece, batch=13) == json.loads(text.removeprefix("\ufeff"))


@pytest.mark.parametrize("text", [
    "", "   ", "{", '{"a"', '{"a":', '{"a": [1', '{"a": [1,', '{"a": [1, 2,]}', '{"a": [1 2]}', '{"a": 1,}',
    '{"a": 1} x', '{"a": 1}{}', "[1, 2", "[1,]", "123 4", '"x" "y"', "{,}", '{"a": [{"b": 1},]}', "{1: 2}",
    '{"a": [{"b": 1},,{"c": 2}]}', '{"a": [{"b": "}, {"}]', "nul", "[" * 5000 + "]" * 5000,
])
def test_what_json_loads_refuses_is_refused(text):
    with pytest.raises((ValueError, RecursionError)):   # too deep: the old import said not_dataset too
        json.loads(text)
    for piece in (1, 4, 1 << 20):
        with pytest.raises(NotJson):
            read(text, piece)


def test_every_cut_of_a_document_is_refused():
    text = json.dumps({"format": "f", "version": 2, "notes": [{"id": 1, "body": "a"}, {"id": 22, "body": "b"}],
                       "n": 12345})
    for end in range(len(text)):
        with pytest.raises(NotJson):
            read(text[:end], 3)


def test_bytes_that_are_not_utf8_are_said_so():
    with pytest.raises(NotUtf8):
        read('{"format": "Città"}'.encode("latin-1"), 4)


def test_a_long_list_comes_in_batches_of_the_size_asked():
    text = json.dumps({"notes": [{"id": i} for i in range(1000)]})
    reader = JsonReader(text.encode(), 64)
    reader.batch = 10
    sizes = []
    for event in events(reader):
        if event[0] == "items":
            sizes.append(len(event[2]))
            if len(sizes) == 3:
                reader.batch = 100
    assert sizes[:4] == [10, 10, 10, 100] and sum(sizes) == 1000
