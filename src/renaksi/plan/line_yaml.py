"""Plan files as people write them, read line by line: the fastest of the three readers.

Almost every plan file is block YAML of one shape: ``key: value`` lines, ``- `` entries
(``- key: value`` opening a mapping), one-line plain or quoted values, one-line flow lists
of plain values (``bulan: [1, 2]``) and folded or literal text (``alasan: >-``), with
comments and blank lines between. Reading that shape here, in a few string operations a
line, costs a fraction of the C composer's way (renaksi.plan.fast_yaml), which builds a
Python node object, two marks and several Python calls for every scalar before the tree
is even made.

Anything outside that shape raises :class:`~renaksi.plan.fast_yaml.NeedsExactReaderError`
and the file goes on to the C composer (and from there, if need be, to the exact reader):
a line that is neither a key nor an entry, a plain value that runs onto the next line or
holds ``: ``, a quoted value with an escape or over several lines, nested or multi-line
flow collections, block scalars with indicators, more-indented or leading blank lines,
an empty entry, any character the readers treat differently (tabs, CR, NEL, the Unicode
separators, a byte order mark) or refuse (control characters), a file that does not end
with a line break. So this reader never has to word an error: it only reads what it
reads exactly as the exact reader does, values (YAML 1.2 resolution, dates as text) and
positions alike. tests/test_fastyaml.py holds it to the exact reader.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from renaksi.plan.yaml_tree import (
    _STR,
    MAX_DEPTH,
    NeedsExactReaderError,
    PosDict,
    PosList,
    plain_tag,
    resolver_patterns,
    typed,
)

#: A key this reader takes: a plain identifier, its ``:``, then spaces or the line end.
#: YAML caps an implicit key at 1024 characters (both other readers refuse a longer one).
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,1023}):(?: +|$)(.*)")
#: What this reader refuses anywhere in a file: every character but LF and the printable
#: ones both readers take alike (no tab, CR, NEL, U+2028, U+2029 or byte order mark).
#: Written as the refused characters, not as the negation of the allowed ranges: the
#: regular expression compiler took some 4 ms at every start to optimise those ranges.
#: tests/test_line_yaml.py holds the two spellings equal on every code point.
_OUTSIDE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: A single-quoted scalar on one line (``''`` is a quote).
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
#: Characters that start something other than a plain scalar (``-`` is checked apart).
_INDICATORS = frozenset("?:,[]{}#&*!|>'\"%@`")
#: Characters that start a value read by :meth:`_Reader.inline` (or refused there).
_NOT_PLAIN = _INDICATORS | {"-"}
#: Characters that make a flow list item more than plain text.
_FLOW_SPECIAL = re.compile(r"""[\[{}#:"'?&*!|>%@`]""")
_BLOCK_HEADERS = (">", ">-", "|", "|-")
_NUMBER_START = "0123456789."


class _MapPlaces:
    """Where a mapping and its keys and values start: 0-based (line, column), the same
    ``.lc`` interface as the round-trip containers (see renaksi.plan.file.locate)."""

    __slots__ = ("_places", "col", "line")

    def __init__(self, line: int, col: int, places: dict[str, tuple[int, int, int, int]]):
        self.line = line
        self.col = col
        self._places = places

    def key(self, key: Any) -> tuple[int, int]:
        place = self._places[key]
        return (place[0], place[1])

    def value(self, key: Any) -> tuple[int, int]:
        place = self._places[key]
        return (place[2], place[3])


class _SeqPlaces:
    """Where a sequence and its items start (see :class:`_MapPlaces`)."""

    __slots__ = ("_places", "col", "line")

    def __init__(self, line: int, col: int, places: list[tuple[int, int]]):
        self.line = line
        self.col = col
        self._places = places

    def item(self, index: int) -> tuple[int, int]:
        return self._places[index]


@cache
def _resolvable() -> frozenset[str]:
    """The first characters of plain text that YAML 1.2 may read as something other than
    text (digits, signs, ``.``, ``~``, the letters of ``true``, ``false``, ``null``...), as
    ruamel's patterns say: plain text starting with any other character is text, without
    a look-up. A table with patterns for any first character would make every character
    one; this reader then leaves every file to the next (tests/test_line_yaml.py would
    fail on the plans)."""
    table = resolver_patterns()
    if None in table:
        raise NeedsExactReaderError("patterns for any first character")
    return frozenset(key for key in table if key)


def _plain(text: str) -> Any:
    """A one-line plain scalar as YAML 1.2 resolves it (dates stay text)."""
    if text.isdigit() and text.isascii() and len(text) < 19:  # a count, a year: an integer
        return int(text)
    tag = plain_tag(text)
    return text if tag == _STR else typed(tag, text)


def _plain_text(rest: str) -> str:
    """The text of the one-line plain scalar that starts ``rest`` (a comment cut off)."""
    cut = rest.find(" #")
    text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
    if ": " in text or text[-1] == ":":
        raise NeedsExactReaderError("mapping in a value")
    return text


def _signed(text: str) -> bool:
    """Whether ``text``, starting with ``-``, is a plain scalar such as ``-1`` or ``-.5``
    (and not an entry, ``- x``, or a lone ``-``, which this reader leaves alone)."""
    return len(text) > 1 and text[1] in _NUMBER_START


def _after(rest: str, end: int) -> None:
    """Refuse anything but spaces and a comment after a value that ends at ``end``."""
    tail = rest[end:]
    tail_text = tail.lstrip(" ")
    if tail_text and not (tail_text[0] == "#" and len(tail_text) < len(tail)):
        raise NeedsExactReaderError("text after a value")


class _Reader:
    """One file's lines, the line read next and the nesting depth."""

    __slots__ = ("at", "depth", "lines")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0
        self.depth = 0

    def skip(self) -> int:
        """Move past blank and comment lines; the indentation of the line reached, or -1
        at the end of the file."""
        lines, at = self.lines, self.at
        end = len(lines)
        while at < end:
            line = lines[at]
            text = line.lstrip(" ")
            if text and text[0] != "#":
                self.at = at
                return len(line) - len(text)
            at += 1
        self.at = end
        return -1

    def block(self, indent: int) -> PosDict | PosList:
        """The mapping or sequence whose first line (the current one) is at ``indent``."""
        row = self.at
        text = self.lines[row][indent:]
        if text[:2] == "- " or text == "-":
            return self.sequence(indent)
        return self.mapping(indent, text, row)

    def mapping(self, col: int, text: str, row: int, known: re.Match[str] | None = None) -> PosDict:
        """The block mapping whose first key starts ``text``, at (``row``, ``col``);
        ``known``: :data:`_KEY`'s match of ``text``, when the caller has made it.

        The common lines (a one-line plain value, the next key after blank or comment
        lines) are read in this loop: a call per line was most of the reading time."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise NeedsExactReaderError("deep")
        out = PosDict()
        places: dict[str, tuple[int, int, int, int]] = {}
        out.lc = _MapPlaces(row, col, places)
        lines, end, resolvable = self.lines, len(self.lines), _resolvable()
        match = known or _KEY.match(text)
        while True:
            key, rest = match.groups() if match else ("", "")
            if not key or key in out or (key[0] in resolvable and plain_tag(key) != _STR):
                raise NeedsExactReaderError("not a key, a key twice or a key not text")
            self.at = row + 1
            if not rest or rest[0] == "#":
                value, vrow, vcol = self.below(col, row, col + len(key) + 1)
            else:
                vrow, vcol = row, col + len(text) - len(rest)
                first = rest[0]
                if first in _NOT_PLAIN:
                    value = self.inline(rest, row, vcol, col, block_text=True)
                else:  # _plain_text, inline: a call for every value of every file
                    cut = rest.find(" #")
                    value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
                    if ": " in value or value[-1] == ":":
                        raise NeedsExactReaderError("mapping in a value")
                    if first in resolvable:
                        value = _plain(value)
            out[key] = value
            places[key] = (row, col, vrow, vcol)
            at = self.at
            while at < end:
                line = lines[at]
                text = line.lstrip(" ")
                if text and text[0] != "#":
                    break
                at += 1
            else:  # the end of the file ends the mapping
                self.at = end
                break
            self.at = at
            indent = len(line) - len(text)
            if indent != col:
                if indent < col:
                    break
                raise NeedsExactReaderError("indentation")
            row = at
            match = _KEY.match(text)
        self.depth -= 1
        return out

    def below(self, col: int, row: int, empty_col: int) -> tuple[Any, int, int]:
        """The value of a key at column ``col`` with nothing after its ``:``: the block
        on the lines below, or an empty value (placed right after the ``:``)."""
        indent = self.skip()
        if indent > col:
            start = self.at
            return self.block(indent), start, indent
        if indent == col:
            text = self.lines[self.at][col:]
            if text[:2] == "- " or text == "-":  # a list at the key's own column
                start = self.at
                return self.sequence(col), start, col
        return None, row, empty_col

    def sequence(self, col: int) -> PosList:
        """The block sequence whose first ``-`` is the current line's, at ``col``."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise NeedsExactReaderError("deep")
        row = self.at
        out = PosList()
        places: list[tuple[int, int]] = []
        out.lc = _SeqPlaces(row, col, places)
        lines, resolvable = self.lines, _resolvable()
        while True:
            line = lines[row]
            if line[col : col + 2] != "- ":
                raise NeedsExactReaderError("empty entry")
            text = line[col + 2 :].lstrip(" ")
            if not text or text[0] == "#":
                raise NeedsExactReaderError("entry on the next line")
            icol = len(line) - len(text)
            self.at = row + 1
            first = text[0]
            match = _KEY.match(text)
            if match:  # matched once, for both questions (a call for each entry)
                out.append(self.mapping(icol, text, row, match))
            elif first in _NOT_PLAIN:
                out.append(self.inline(text, row, icol, col, block_text=False))
            else:
                value = _plain_text(text)
                out.append(_plain(value) if first in resolvable else value)
            places.append((row, icol))
            indent = self.skip()
            if indent < col:
                break
            if indent > col:
                raise NeedsExactReaderError("indentation")
            row = self.at
            if lines[row][col : col + 2] != "- ":
                break  # the next key of the mapping this list is the value of
        self.depth -= 1
        return out

    def inline(self, rest: str, row: int, col: int, parent: int, *, block_text: bool) -> Any:
        """The value that starts ``rest`` at (``row``, ``col``), in a block at column
        ``parent``; block text (``>-``) only where ``block_text``."""
        first = rest[0]
        if first == '"':
            end = rest.find('"', 1)
            if end < 0 or "\\" in rest[1:end]:
                raise NeedsExactReaderError("quoted")
            _after(rest, end + 1)
            return rest[1:end]
        if first == "'":
            single = _SINGLE.match(rest)
            if single is None:
                raise NeedsExactReaderError("quoted")
            _after(rest, single.end())
            return single.group(1).replace("''", "'")
        if first == "[":
            return self.flow(rest, row, col)
        if first in "|>":
            if not block_text:
                raise NeedsExactReaderError("block text in a list")
            return self.block_text(rest, parent)
        if first in _INDICATORS or (first == "-" and not _signed(rest)):
            raise NeedsExactReaderError("indicator")
        return _plain(_plain_text(rest))

    def flow(self, rest: str, row: int, col: int) -> PosList:
        """A one-line flow list of plain values, ``[1, 2]``."""
        close = rest.find("]")
        if close < 0:
            raise NeedsExactReaderError("flow")
        _after(rest, close + 1)
        inner = rest[1:close]
        if _FLOW_SPECIAL.search(inner):
            raise NeedsExactReaderError("flow")
        out = PosList()
        places: list[tuple[int, int]] = []
        out.lc = _SeqPlaces(row, col, places)
        if not inner.strip(" "):
            return out
        at = col + 1
        for part in inner.split(","):
            text = part.strip(" ")
            if not text or (text[0] == "-" and not _signed(text)):
                raise NeedsExactReaderError("flow")
            places.append((row, at + len(part) - len(part.lstrip(" "))))
            out.append(_plain(text))
            at += len(part) + 1
        return out

    def block_text(self, rest: str, parent: int) -> str:
        """Folded (``>``, ``>-``) or literal (``|``, ``|-``) text on the lines below, for a
        key at column ``parent``: lines at one indentation, blank lines between."""
        header = rest.rstrip(" ")
        if header not in _BLOCK_HEADERS:
            raise NeedsExactReaderError("block header")
        lines, at = self.lines, self.at
        end = len(lines)
        first = lines[at] if at < end else ""
        width = len(first) - len(first.lstrip(" "))
        if width == len(first) or width <= parent:
            raise NeedsExactReaderError("block start")
        parts: list[str] = []
        while at < end:
            line = lines[at]
            text = line.lstrip(" ")
            indent = len(line) - len(text)
            if not text:
                if indent > width:
                    raise NeedsExactReaderError("spaces in block text")
                parts.append("")
            elif indent < width:
                break
            elif indent > width:
                raise NeedsExactReaderError("more indented")
            else:
                parts.append(text)
            at += 1
        self.at = at
        while parts[-1] == "":
            parts.pop()
        value = "\n".join(parts) if header[0] == "|" else _folded(parts)
        return value if header[-1] == "-" else value + "\n"


def _folded(parts: list[str]) -> str:
    """Lines folded: one line break becomes a space, n blank lines n line breaks."""
    out = [parts[0]]
    blank = 0
    for part in parts[1:]:
        if not part:
            blank += 1
            continue
        out.append("\n" * blank if blank else " ")
        out.append(part)
        blank = 0
    return "".join(out)


#: The ASCII characters both readers take alike: LF and the printable ones.
_ASCII_READABLE = bytes([10, *range(32, 127)])


def _readable(text: str) -> bool:
    """Whether every character of ``text`` is one both readers take alike. For ASCII
    text (most plan files), by deleting the allowed bytes: ten times faster than the
    search, which only non-ASCII text needs."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _ASCII_READABLE)
    return _OUTSIDE.search(text) is None


def load(text: str) -> Any:
    """Read ``text`` line by line, or raise NeedsExactReaderError."""
    if not text.endswith("\n") or not _readable(text):
        raise NeedsExactReaderError("characters")
    lines = text.split("\n")
    lines.pop()
    reader = _Reader(lines)
    if reader.skip() != 0:
        raise NeedsExactReaderError("start")
    root = reader.block(0)
    if reader.skip() != -1:
        raise NeedsExactReaderError("end")
    return root
