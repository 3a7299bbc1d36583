"""Reading uploaded CSV bytes: what is accepted, how rows and lines come out, and each refusal."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.csv_table import (
    MAX_CSV_BYTES,
    PART_CHARS,
    PART_RECORDS,
    CsvRow,
    CsvTable,
    parse_csv,
    parse_csv_steps,
)
from app.domain.errors import InvalidInput


def refusal(data: bytes) -> str:
    with pytest.raises(InvalidInput) as caught:
        parse_csv(data)
    return caught.value.errors["file"]


def test_reads_header_rows_and_delimiter():
    table = parse_csv(b"First name,Last name\nMario,Rossi\nAnna,Bianchi\n")
    assert table == CsvTable(("First name", "Last name"),
                             (CsvRow(2, ("Mario", "Rossi")), CsvRow(3, ("Anna", "Bianchi"))), ",")


def test_a_utf8_bom_is_dropped_and_accents_survive():
    with_bom = parse_csv("\ufeffNome,Città\nNicolò,Forlì\n".encode())
    assert with_bom.headers == ("Nome", "Città")
    assert with_bom.rows[0].cells == ("Nicolò", "Forlì")
    assert parse_csv("Nome,Città\nNicolò,Forlì\n".encode()) == with_bom


def test_semicolon_is_chosen_when_the_header_has_more_of_them():
    table = parse_csv("Nome;Cognome;Città\nMario;Rossi;Roma, Lazio\n".encode())
    assert table.delimiter == ";"
    assert table.rows[0].cells == ("Mario", "Rossi", "Roma, Lazio")


def test_comma_wins_a_tie_and_separators_inside_quotes_are_not_counted():
    assert parse_csv(b"a;b,c\n1,2\n").delimiter == ","
    table = parse_csv(b'"Rossi; Bianchi; Verdi",Name\nx,y\n')
    assert table.delimiter == ","
    assert table.headers == ("Rossi; Bianchi; Verdi", "Name")


def test_quoted_separators_and_line_breaks_keep_later_line_numbers_right():
    data = b'Name,Note\nMario,"first line\nsecond, line\nthird"\nAnna,"a ""quote"""\nLuca,x\n'
    table = parse_csv(data)
    assert [r.line for r in table.rows] == [2, 5, 6]
    assert table.rows[0].cells == ("Mario", "first line\nsecond, line\nthird")
    assert table.rows[1].cells == ("Anna", 'a "quote"')


def test_crlf_line_endings_count_as_one_line_each():
    table = parse_csv(b'Name,Note\r\nMario,"two\r\nlines"\r\nAnna,x\r\n')
    assert [r.line for r in table.rows] == [2, 4]
    assert table.rows[0].cells == ("Mario", "two\r\nlines")
    assert table.rows[1].cells == ("Anna", "x")


def test_blank_rows_are_skipped_without_shifting_line_numbers():
    table = parse_csv(b"\n\nName,Surname\n\n , \nMario,Rossi\n,\nAnna,Bianchi")
    assert table.headers == ("Name", "Surname")
    assert [(r.line, r.cells) for r in table.rows] == [(6, ("Mario", "Rossi")), (8, ("Anna", "Bianchi"))]


def test_headers_are_trimmed_short_rows_padded_long_rows_kept():
    table = parse_csv(b"  Name ,Surname,Email\nMario\nAnna,Bianchi,a@b.it,extra\n")
    assert table.headers == ("Name", "Surname", "Email")
    assert table.rows[0].cells == ("Mario", "", "")
    assert table.rows[1].cells == ("Anna", "Bianchi", "a@b.it", "extra")


def test_cells_are_not_trimmed():
    assert parse_csv(b"Name\n  Mario \n").rows[0].cells == ("  Mario ",)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", b",,\n , \n"])
def test_nothing_to_read_is_empty(data):
    assert refusal(data) == "empty"


def test_too_large_is_refused_before_reading():
    assert refusal(b"a" * (MAX_CSV_BYTES + 1)) == "too_large"


def test_a_file_of_exactly_the_limit_is_read():
    line = b"x," + b"y" * 99_997 + b"\n"   # long lines: the test stays fast
    rows, rest = divmod(MAX_CSV_BYTES - 4, len(line))
    data = b"a,b\n" + line * rows + b"z" * rest
    assert len(data) == MAX_CSV_BYTES
    assert len(parse_csv(data).rows) == rows + 1


def test_png_bytes_are_binary():
    assert refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00") == "binary"


def test_utf16_is_binary_because_of_its_nul_bytes():
    assert refusal("Nome,Cognome\nMario,Rossi\n".encode("utf-16")) == "binary"


def test_latin1_bytes_are_not_utf8():
    assert refusal(b"Nome,Citt\xe0\nMario,Roma\n") == "not_utf8"


@pytest.mark.parametrize("data", [b'Name,Note\nMario,"never closed\nAnna,x\n', b'Name\n"closed"then text\n'])
def test_broken_quotes_are_refused(data):
    assert refusal(data) == "unbalanced_quotes"


def test_a_header_alone_has_no_rows():
    assert refusal(b"Name,Surname\n\n,\n") == "no_rows"


@pytest.mark.parametrize("header", [b"Name,Email, name ", b"Email,EMAIL"])
def test_duplicate_headers_are_refused(header):
    assert refusal(header + b"\nx,y,z\n") == "duplicate_header"


def test_several_empty_headers_are_not_duplicates():
    assert parse_csv(b"Name,,\nMario,x,y\n").headers == ("Name", "", "")


def _parses_or_refuses(data: bytes) -> None:
    try:
        assert isinstance(parse_csv(data), CsvTable)
    except InvalidInput as refused:
        assert set(refused.errors) == {"file"}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_table_or_a_refusal(data):
    _parses_or_refuses(data)


_CSV_TEXT = st.text(alphabet=st.sampled_from(list('ab ,;"\r\n\t\'\ufeffè')) | st.characters(), max_size=200)


@settings(max_examples=200, deadline=None)
@given(_CSV_TEXT)
def test_any_text_gives_a_table_or_a_refusal(text):
    _parses_or_refuses(text.encode("utf-8"))


def _steps(data: bytes) -> tuple[list[tuple[int, int]], CsvTable]:
    steps, seen = parse_csv_steps(data), []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as done:
            return seen, done.value


def test_a_big_file_is_read_in_parts_that_advance_to_the_end():
    rows = PART_RECORDS * 2 + 500
    data = ("Name,Note\n" + "".join(f'Mario {i},"two\nlines"\n' for i in range(rows))).encode()
    seen, table = _steps(data)
    assert table == parse_csv(data) and len(table.rows) == rows
    assert len(seen) == 3   # two full parts (the header counts as a record), then the rest
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == seen[-1][1] == len(data.decode())
    assert table.rows[-1].line == 2 * rows   # lines still counted across parts


def test_long_rows_make_parts_of_bounded_size():
    data = b"Name\n" + (b"x" * 1000 + b"\n") * 1000   # 1 MB in far fewer rows than a part holds
    seen, table = _steps(data)
    assert len(table.rows) == 1000
    gaps = [b - a for (a, _), (b, _) in zip([(0, 0), *seen], seen, strict=False)]
    assert len(seen) > 3 and max(gaps) <= PART_CHARS + 1001


def test_a_refusal_in_a_later_part_comes_when_that_part_is_read():
    data = b"Name\n" + b"Mario\n" * (PART_RECORDS * 2) + b'"never closed\n'
    steps = parse_csv_steps(data)
    next(steps)
    next(steps)
    with pytest.raises(InvalidInput) as caught:
        next(steps)
    assert caught.value.errors == {"file": "unbalanced_quotes"}
