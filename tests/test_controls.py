"""One definition of the characters that must show, not act: the same set for documents
(``<U+202E>``) and for terminals and CI logs (``\\x1b``)."""

from __future__ import annotations

import pytest

from renaksi.output.messages import message
from renaksi.plan.findings import Location, Problem, Severity
from renaksi.text.controls import HIDDEN, one_line, show_controls, visible
from renaksi.text.markdown import escape_markdown

HIDDEN_CHARS = [
    "\x00",  # NUL
    "\x07",  # BEL
    "\x0b",  # vertical tab
    "\x1b",  # ESC: starts terminal escape sequences
    "\x7f",  # DEL
    "\x85",  # C1 next line
    "\x9b",  # C1 CSI
    "\u061c",  # Arabic letter mark
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202a",  # LRE
    "\u202e",  # RLO: reverses what follows
    "\u2066",  # LRI
    "\u2069",  # PDI
]


@pytest.mark.parametrize("char", HIDDEN_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_output_reveals_the_same_characters(char: str) -> None:
    code = f"{ord(char):04X}"
    assert show_controls(f"a{char}b") == f"a<U+{code}>b"
    shown = visible(f"a{char}b")
    assert shown == (f"a\\x{ord(char):02x}b" if ord(char) < 256 else f"a<U+{code}>b")
    assert one_line(f"a{char}b") == shown
    assert char not in escape_markdown(f"a{char}b")
    problem = Problem("X01", "x", Severity.ERROR, Location("f.yaml"), f"nilai a{char}b")
    assert char not in message(problem)


@pytest.mark.parametrize("text", ["tab\there", "two\nlines", "Rp 2.718.270.000", "Pegawai ✓"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert show_controls(text) == text
    assert visible(text) == text
    assert one_line(text) == (text if "\n" not in text else "two\\nlines")
    assert HIDDEN.search(text) is None


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_carriage_return_is_a_line_end(ending: str) -> None:
    # Never a bare CR on a terminal (it would overwrite the line); a line break in a document.
    assert visible(f"satu{ending}dua\x1b") == "satu\ndua\\x1b"
    assert show_controls(f"satu{ending}dua") == "satu\ndua"
    assert escape_markdown(f"satu{ending}dua") == "satu dua"


def test_values_that_are_not_text_pass_through() -> None:
    assert show_controls(5) == 5
    assert show_controls(None) is None


BREAKS = {
    "\n": "\\n",
    "\r\n": "\\r\\n",
    "\r": "\\r",
    "\u2028": "<U+2028>",  # line separator
    "\u2029": "<U+2029>",  # paragraph separator
    "\x85": "\\x85",  # NEL
    "\x0b": "\\x0b",  # VT
    "\x0c": "\\x0c",  # FF
    "\x1c": "\\x1c",  # file separator (Python breaks lines there)
}


@pytest.mark.parametrize("brk", BREAKS, ids=lambda b: "+".join(f"U+{ord(c):04X}" for c in b))
def test_one_line_shows_every_line_break(brk: str) -> None:
    shown = one_line(f"a{brk}::error file=x::palsu")
    assert shown == f"a{BREAKS[brk]}::error file=x::palsu"
    assert len(shown.splitlines()) == 1
