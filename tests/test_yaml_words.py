"""The YAML reader's English never reaches a user: every problem ruamel.yaml can raise has
Indonesian words (checked against ruamel's own source, so an upgrade that adds one is
noticed), broken files get located Indonesian findings, and an indentation slip is told
apart from text that needs quotes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import ruamel.yaml

from renaksi.output.messages import message
from renaksi.plan.load import parse_yaml
from renaksi.plan.yaml_words import GENERAL, PROBLEMS, syntax_message
from test_cli_words import english_in

RUAMEL = Path(ruamel.yaml.__file__).parent
ERRORS = {"ScannerError", "ParserError", "ComposerError", "ConstructorError", "ReaderError"}
#: What the f-string placeholders of ruamel's messages stand for, where the words depend on
#: it (``while scanning an {name}``); anything else is a character.
PLACEHOLDERS = {"name": "anchor", "length": "4", "node": "block"}


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                assert isinstance(value, ast.FormattedValue)
                parts.append(PLACEHOLDERS.get(ast.unparse(value.value), "'x'"))
        return "".join(parts)
    return None


def ruamel_messages() -> list[tuple[str, str, str]]:
    """(where, context, problem) of every error ruamel's reading modules raise with text."""
    found = []
    for module in ("scanner.py", "parser.py", "composer.py", "reader.py", "constructor.py"):
        tree = ast.parse((RUAMEL / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id not in ERRORS:
                continue
            # ruamel's errors take (context, context mark, problem, problem mark, note);
            # a lone "while ..." is a context whose problem is a Python exception's text.
            texts = [t for t in map(_text, node.args) if t]
            if len(texts) == 1 and texts[0].startswith("while "):
                texts.append("")
            if texts:
                context, problem = (texts[0], texts[1]) if len(texts) > 1 else ("", texts[0])
                found.append((f"{module}:{node.lineno}", context, problem))
    return found


MESSAGES = ruamel_messages()


def test_ruamel_source_was_read() -> None:
    # The source scan itself must find ruamel's messages (or the test below checks nothing).
    problems = {problem for _, _, problem in MESSAGES}
    assert len(MESSAGES) > 50
    assert "mapping values are not allowed here" in problems
    assert "expected the node content, but found 'x'" in problems


@pytest.mark.parametrize(("where", "context", "problem"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_every_ruamel_problem_has_indonesian_words(where: str, context: str, problem: str) -> None:
    words = syntax_message(problem, context).message
    assert words != GENERAL, f"{where}: {context!r} {problem!r} has no words of its own"
    assert english_in(words) == [], words


def test_an_unknown_problem_gets_a_general_indonesian_sentence() -> None:
    assert syntax_message("something new went wrong", "while doing x").message == GENERAL
    assert english_in(GENERAL) == []


def test_every_table_entry_is_used() -> None:
    # A pattern that no problem of ruamel's matches is a typo or a leftover.
    problems = [problem for _, _, problem in MESSAGES]
    problems += [
        "found character '\\t' that cannot start any token",  # what the 'x' above stands for
        "expected the node content, but found '<stream end>'",
        "found a tab character",  # older ruamel; kept for a reader installed with it
    ]
    unused = [p for p, _ in PROBLEMS if not any(re.search(p, problem) for problem in problems)]
    assert unused == []


# (YAML text, where the finding is, words it contains; None: the text is valid)
BROKEN: list[tuple[str, str, str | None]] = [
    # ruamel: "expected the node content, but found '<stream end>'", at the end of the file
    ("a:\n  - b: [\n", "x.yaml:3:1", "berkas berakhir sebelum kurung '[' atau '{' ditutup"),
    ("a:\n  b:\n    -", "x.yaml:3:6", None),  # valid: an empty item
    (
        "a: [1, 2\nb: 3\n",
        "x.yaml:1:4",
        "daftar '[...]' tidak ditutup dengan benar (dibuka di sini;",
    ),
    ("a: -\n", "x.yaml:1:4", "butir daftar ('- ') tidak boleh di sini"),
    ("a:\n  b: 1\n -\n", "x.yaml:3:2", "indentasi tidak konsisten"),
    ("a:\n  b:\n", "", None),  # valid: an empty value
    ("a: [\n", "x.yaml:2:1", "berkas berakhir sebelum kurung '[' atau '{' ditutup"),
    ("a:\n  - b: 1\n  -\n", "", None),
    ("- a\nb: 1\n", "x.yaml:2:1", "indentasi tidak konsisten"),
    ("a: |0\n  x\n", "x.yaml:1:5", "teks blok ('|' atau '>')"),
    ("a: |x\n  b\n", "x.yaml:1:5", "teks blok ('|' atau '>')"),
    ("a: &\n", "x.yaml:1:5", "anchor atau alias"),
    ("a: *\n", "x.yaml:1:5", "anchor atau alias"),
    ("a: !<x\n", "x.yaml:1:7", "tag YAML"),
    ('a: "\\x4"\n', "x.yaml:1:7", "digit heksadesimal"),
    ('a: "b\n---\n', "x.yaml:1:4", "tanda kutip belum ditutup"),
    ("%YAML 1.2\n%YAML 1.2\n---\na: 1\n", "x.yaml:2:1", "direktif YAML"),
    ("%TAG ! tag:x,2000:\n%TAG ! tag:y,2000:\n---\na: 1\n", "x.yaml:2:1", "direktif YAML"),
    ("%FOO\n---\na: 1\n", "", None),  # an unknown directive is ignored by YAML
    ("%YAML 1.2 x\n---\na: 1\n", "x.yaml:1:11", "direktif YAML"),
    ("a: 1\n... x\n", "x.yaml:2:5", "sesudah penanda akhir dokumen"),
    ("# c\n tahun: 2024\ninstansi: x\n", "x.yaml:3:1", "kunci teratas harus mulai di kolom 1"),
    ("a: {b: 1, c\n", "x.yaml:1:4", "pemetaan '{...}' tidak ditutup"),
    ("a:\n  b: ? c\n", "x.yaml:2:6", "'? ' (kunci kompleks)"),
    ("a: @b\n", "x.yaml:1:4", "karakter '@' tidak boleh mengawali nilai"),
    ("a: `b\n", "x.yaml:1:4", "karakter '`' tidak boleh mengawali nilai"),
    ("a:\n\tb: 1\n", "x.yaml:2:1", "tab tidak boleh dipakai"),
    ("a: b\n  c\n  d: e\n", "x.yaml:3:4", "tanda ':' tidak boleh di sini"),
]


@pytest.mark.parametrize(("text", "where", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_yaml_gets_a_located_indonesian_finding(
    text: str, where: str, words: str | None
) -> None:
    _root, problem = parse_yaml(text, "x.yaml")
    if words is None:
        assert problem is None
        return
    assert problem is not None
    assert problem.code == "YM01"
    shown = message(problem)
    assert words in shown, shown
    assert str(problem.location) == where
    assert english_in(shown) == [], shown


def test_the_end_of_the_file_where_a_value_was_expected() -> None:
    # ruamel: "expected the node content, but found '<stream end>'".
    words = syntax_message("expected the node content, but found '<stream end>'")
    assert words.message == "berkas berakhir sebelum nilainya ditulis"


# --- an indentation slip is not a missing quote -------------------------------------------


def _slip(text: str) -> tuple[str, str]:
    _root, problem = parse_yaml(text, "x.yaml")
    assert problem is not None
    return str(problem.location), message(problem)


def test_a_key_one_space_deeper_is_an_indentation_slip() -> None:
    where, words = _slip("kantor:\n  nama: Badan\n   kota: Samarinda\n")
    assert where == "x.yaml:3:4"  # the key, not its colon
    assert "kunci kota menjorok 3 spasi" in words
    assert "kunci nama di baris 2 (2 spasi)" in words
    assert "tanda kutip" not in words


def test_a_first_key_one_space_short_names_both_lines() -> None:
    # The short line is the first one; YAML stops at the next, correctly indented, key.
    where, words = _slip("kantor:\n nama: Badan\n  kota: Samarinda\n")
    assert where == "x.yaml:3:3"
    assert "kunci kota menjorok 2 spasi" in words
    assert "kunci nama di baris 2 (1 spasi)" in words


def test_a_slip_under_a_list_item() -> None:
    where, words = _slip("misi:\n   - nomor: 1\n      uraian: Misi\n")
    assert where == "x.yaml:3:7"
    assert "kunci uraian menjorok 6 spasi" in words
    assert "kunci nomor di baris 2 (5 spasi)" in words


@pytest.mark.parametrize(
    "text",
    [
        "formulasi: Rumus: A dibagi B\n",  # ': ' in the text itself
        "uraian: teks panjang\n  yang berlanjut: dengan titik dua\n",  # not a key
        'nama: "Badan"\n  kota: Samarinda\n',  # above is quoted: a different error
    ],
)
def test_text_with_a_colon_still_gets_the_quote_advice(text: str) -> None:
    _root, problem = parse_yaml(text, "x.yaml")
    assert problem is not None
    assert "menjorok" not in message(problem)
