"""A JSON document read a value at a time, so that a large one never blocks the page (issue #10).

`json.loads` of a 95 MB export is one call of seconds. Here the bytes are decoded a piece at a
time, and the top level is walked by hand: each member of the top object, and each element
of a list member, is one call of Python's own decoder (`raw_decode`), so what is accepted and
what each value becomes is exactly what `json.loads` says, whatever the spacing or key order.
"""

from __future__ import annotations

import codecs
import json
import json.scanner
import re
from collections.abc import Iterator
from typing import Any

PIECE = 1 << 20   # bytes decoded at a time
_SPACE = re.compile(r"[ \t\n\r]*")   # JSON's whitespace, as json.loads skips it
_NUMBER_GOES_ON = frozenset("0123456789.eE+-")
_DECODER = json.JSONDecoder()   # json.loads's own settings
_SCAN = json.scanner.make_scanner(_DECODER)   # what raw_decode calls, without its wrapping


class NotJson(ValueError):
    """The text is not one JSON value."""


class NotUtf8(ValueError):
    """The bytes are not UTF-8 text."""


class JsonReader:
    def __init__(self, data: bytes, piece: int = PIECE) -> None:
        self._data = data
        self._piece = piece
        self._read = 0   # bytes decoded so far
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._text = ""
        self._pos = 0
        self._started = False   # inside a list, past its first element
        self._width = 32.0      # characters per element of the list, as last seen
        self._ahead: list[Any] = []   # elements decoded ahead of those asked for
        # At most this many elements of a list per "items" event; the caller may change it.
        self.batch = 1000

    @property
    def bytes_read(self) -> int:
        return self._read

    def _more(self, at_least: int) -> bool:
        """Decode at least `at_least` more bytes, keeping what is not read yet; False at the end."""
        if self._read >= len(self._data):
            return False
        end = min(len(self._data), self._read + at_least)
        try:
            text = self._decoder.decode(self._data[self._read:end], end == len(self._data))
        except UnicodeDecodeError:
            raise NotUtf8("not UTF-8") from None
        self._read = end
        self._text = self._text[self._pos:] + text
        self._pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end)."""
        while True:
            self._pos = _SPACE.match(self._text, self._pos).end()
            if self._pos < len(self._text):
                return self._text[self._pos]
            if not self._more(self._piece):
                return ""

    def take(self, char: str) -> bool:
        """Step over `char` if it comes next."""
        if self.peek() != char:
            return False
        self._pos += 1
        return True

    def expect(self, char: str) -> None:
        if not self.take(char):
            raise NotJson(f"expecting {char!r}")

    def value(self) -> Any:
        """The next value, whole."""
        self.peek()
        want = self._piece
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self._pos)
            except json.JSONDecodeError as error:
                if self._more(want):   # the value may go on past what is decoded
                    want *= 2
                    continue
                raise NotJson(str(error)) from None
            except RecursionError:
                raise NotJson("nested too deeply") from None
            if not _ended(value, self._text, end) and self._more(want):
                want *= 2
                continue
            self._pos = end
            return value

    def elements(self, limit: int) -> tuple[list[Any], bool]:
        """Up to `limit` elements of the list being read (its "[" read), and whether its "]"
        came after them."""
        values, self._ahead = self._ahead[:limit], self._ahead[limit:]
        if not values and not self._started and self.take("]"):
            return values, True
        self._started = True
        batches = True
        while len(values) < limit:
            if batches:
                batch = self._batch(limit - len(values))
                if batch:
                    room = limit - len(values)
                    values += batch[:room]
                    self._ahead = batch[room:]   # decoded ahead of what was asked: given next time
                    continue
                batches = False   # not here: one at a time, for the rest of this call
            values.append(self._element())
            if self._separator():
                self._started = False
                return values, True
        return values, False

    def _batch(self, wanted: int) -> list[Any]:
        """Many objects at once, in one call of the decoder: the text up to the last "}," within
        reach, as a list. Decoded, that can only be whole elements: a cut inside a string, or
        inside an element, or past the list's "]", is not a JSON list, and gives [] (then the
        caller reads one element at a time)."""
        reach = max(64, int(wanted * self._width))
        if len(self._text) - self._pos <= reach:
            self._more(max(self._piece, reach))
        text, start = self._text, self._pos
        cut = text.rfind("},", start, start + reach)
        if cut < start:
            return []
        try:
            batch = _DECODER.decode("[" + text[start:cut + 1] + "]")
        except (ValueError, RecursionError):
            return []
        self._pos = cut + 2   # past the element's "," as well
        self._width = (cut + 1 - start) / len(batch)
        return batch

    def _element(self) -> Any:
        text = self._text
        start = _SPACE.match(text, self._pos).end()
        try:
            value, end = _SCAN(text, start)
        except (StopIteration, json.JSONDecodeError, RecursionError):
            value, end = None, len(text)   # read again below, which says what is wrong (or reads on)
        if _ended(value, text, end):
            self._pos = end
            return value
        self._pos = start
        return self.value()

    def _separator(self) -> bool:
        """Step over the "," after an element (False) or the list's "]" (True)."""
        text = self._text
        at = _SPACE.match(text, self._pos).end()
        if at < len(text) and text[at] in ",]":
            self._pos = at + 1
            return text[at] == "]"
        self._pos = at
        if self.take(","):
            return False
        self.expect("]")
        return True

    def end(self) -> None:
        if self.peek():
            raise NotJson("extra data after the document")


def _ended(value: Any, text: str, end: int) -> bool:
    """Whether a value decoded from the text read so far surely ends there: it is followed by
    something, and a number by something that cannot go on with it ("0." of "0.5", "12" of "123")."""
    if end >= len(text):
        return False
    return not (type(value) in (int, float) and text[end] in _NUMBER_GOES_ON)


def events(reader: JsonReader) -> Iterator[tuple[Any, ...]]:
    """The document as it is read, for a top-level object: ("member", key, value) for a member
    that is not a list; ("list", key), then ("items", key, values) for its elements a batch at
    a time (up to `reader.batch` each), then ("end", key) for one that is. Anything
    else: ("other", value). Keys come as written, repeated ones too. Raises NotJson or NotUtf8."""
    if reader.peek() != "{":
        value = _elements(reader) if reader.take("[") else reader.value()
        reader.end()
        yield ("other", value)
        return
    reader.expect("{")
    if not reader.take("}"):
        while True:
            if reader.peek() != '"':
                raise NotJson("expecting a key")
            key = reader.value()
            reader.expect(":")
            if reader.take("["):
                yield ("list", key)
                ended = False
                while not ended:
                    values, ended = reader.elements(reader.batch)
                    if values:
                        yield ("items", key, values)
                yield ("end", key)
            else:
                yield ("member", key, reader.value())
            if not reader.take(","):
                reader.expect("}")
                break
    reader.end()


def _elements(reader: JsonReader) -> list[Any]:
    values, ended = [], False
    while not ended:
        more, ended = reader.elements(10_000)
        values += more
    return values
