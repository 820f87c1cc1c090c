"""What the loader says about broken files: located, Indonesian, and naming what was written."""

from __future__ import annotations

from pathlib import Path

from renaksi.output.messages import message
from renaksi.plan.findings import Problem
from renaksi.plan.load import decode, parse_yaml, read_document


def _problem(text: str) -> Problem:
    root, problem = parse_yaml(text, "x.yaml")
    assert root is None
    assert problem is not None
    return problem


def test_duplicate_key_names_the_line_of_the_first_key() -> None:
    text = "sub:\n  id: a\n  nama: A\n  pagu: 1\n  pagu: 2\n"
    problem = _problem(text)
    assert problem.code == "YM02"
    assert (problem.location.line, problem.location.column) == (5, 3)
    assert [(r.line, r.column) for r in problem.related] == [(4, 3)]
    assert "yang pertama di baris 4" in message(problem)


def test_tag_is_shown_as_written() -> None:
    problem = _problem('a: !!python/object/apply:os.system ["echo hi"]\n')
    assert problem.code == "YM05"
    assert "!!python/object/apply:os.system" in message(problem)
    assert "tag:yaml.org" not in message(problem)


def test_merge_key_without_alias_is_refused() -> None:
    problem = _problem("a:\n  b: 1\n  <<: {b: 2}\n")
    assert problem.code == "YM04"
    assert (problem.location.line, problem.location.column) == (3, 3)


def test_quoted_merge_key_is_plain_text() -> None:
    root, problem = parse_yaml('a:\n  "<<": teks\n', "x.yaml")
    assert problem is None
    assert root["a"]["<<"] == "teks"


def test_unclosed_bracket_points_where_it_was_opened() -> None:
    problem = _problem("a: 1\nb: [1, 2\nc: 3\n")
    assert problem.code == "YM01"
    assert (problem.location.line, problem.location.column) == (2, 4)
    assert "daftar '[...]' tidak ditutup" in message(problem)


def test_reader_is_usable_after_a_refused_file() -> None:
    # A refused file once left the shared reader half-way through a document.
    deep = "a: " + "[" * 60 + "x" + "]" * 60 + "\n"
    assert _problem(deep).code == "YM06"
    root, problem = parse_yaml("a: 1\n", "ok.yaml")
    assert problem is None
    assert root == {"a": 1}


def test_utf16_without_bom_is_named() -> None:
    problem = decode("tahun: 2024\n".encode("utf-16-le"), "x.yaml")
    assert isinstance(problem, Problem)
    assert problem.code == "YM03"
    assert "UTF-16" in message(problem)


def test_windows_1252_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("nama: Rapat\nketerangan: \u201crapat\u201d\n".encode("cp1252"))
    _, problems = read_document(path)
    [problem] = problems
    assert problem.code == "YM03"
    assert (problem.location.line, problem.location.column) == (2, 13)
    assert "0x93" in message(problem)
