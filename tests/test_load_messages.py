"""The YAML reader on its own: what it returns, and that a refused file leaves it usable.

What it says about broken files (code, place, message) is pinned by the YM rule cases in
tests/rules/cases/.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renaksi.plan.findings import Problem
from renaksi.plan.load import (
    _VALUE_STARTS,
    MAX_ITEMS,
    count_items,
    decode,
    line_breaks,
    parse_yaml,
)


def _problem(text: str) -> Problem:
    root, problem = parse_yaml(text, "x.yaml")
    assert root is None
    assert problem is not None
    return problem


def test_quoted_merge_key_is_plain_text() -> None:
    root, problem = parse_yaml('a:\n  "<<": teks\n', "x.yaml")
    assert problem is None
    assert root["a"]["<<"] == "teks"


def test_reader_is_usable_after_a_refused_file() -> None:
    # A refused file once left the shared reader half-way through a document.
    deep = "a: " + "[" * 60 + "x" + "]" * 60 + "\n"
    assert _problem(deep).code == "YM06"
    root, problem = parse_yaml("a: 1\n", "ok.yaml")
    assert problem is None
    assert root == {"a": 1}


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"])
def test_every_line_break_counts_as_an_item(brk: str) -> None:
    # Both readers end a line at each of these; counting only LF let a 2 MiB file with
    # bare CR line ends hold a million values.
    text = "x:" + brk + ("-" + brk) * (MAX_ITEMS // 2)
    assert count_items(text) > MAX_ITEMS
    problem = _problem(text)
    assert problem.code == "YM06"
    assert problem.location.line == 0


def test_values_on_one_line_count() -> None:
    # Nineteen values a line in 50 000 lines fit the size limit: a second and a gigabyte.
    assert count_items("- - - [[a, b]]\n") == 7
    assert count_items("? a\n: {b: c}\n") == 4


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028", "\u2029"])
def test_directive_after_any_line_break_is_refused(brk: str) -> None:
    problem = _problem(f"# catatan{brk}%YAML 1.1{brk}---{brk}a: yes{brk}")
    assert problem.code == "YM01"
    assert (problem.location.line, problem.location.column) == (2, 1)
    assert "%YAML" in problem.message


def test_positions_count_bare_cr_line_ends() -> None:
    control = _problem("a: 1\rb: 2\rc: \x07\r")
    assert (control.code, control.location.line, control.location.column) == ("YM01", 3, 4)
    nul = decode(b"a: 1\rb: \x00\r", "x.yaml")
    assert isinstance(nul, Problem)
    assert (nul.location.line, nul.location.column) == (2, 4)
    cp1252 = decode(b"a: 1\r\nb: 2\rc: \x93\r", "x.yaml")
    assert isinstance(cp1252, Problem)
    assert (cp1252.location.line, cp1252.location.column) == (3, 4)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="\n\r-?[{,a \x85") | st.text())
def test_ascii_count_is_the_general_count(text: str) -> None:
    # ASCII text is counted in one pass; it must count what the general way counts.
    general = line_breaks(text) + sum(text.count(c) for c in _VALUE_STARTS)
    assert count_items(text) == general
