"""The YAML reader on its own: what it returns, and that a refused file leaves it usable.

What it says about broken files (code, place, message) is pinned by the YM rule cases in
tests/rules/cases/.
"""

from __future__ import annotations

from renaksi.plan.findings import Problem
from renaksi.plan.load import parse_yaml


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
