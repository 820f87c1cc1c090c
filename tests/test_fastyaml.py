"""The fast reader gives the same data and the same positions as the exact reader."""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML

from renaksi.output.messages import message
from renaksi.plan import fast_yaml
from renaksi.plan.file import locate
from renaksi.plan.findings import Severity
from renaksi.plan.load import _parser, parse_yaml
from renaksi.rules.check import CheckResult, validate

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(ROOT.glob("plans/2024/**/*.yaml")) + sorted(ROOT.glob("tests/fixtures/**/*.yaml"))

LONG = os.environ.get("RENAKSI_FUZZ", "").lower() == "long"


def examples(n: int) -> int:
    """``n`` examples normally; many more in the long profile."""
    return n * 50 if LONG else n


pytestmark = pytest.mark.skipif(
    not fast_yaml.available(), reason="ruamel.yaml.clib (the C parser) is not installed"
)


def same(fast: Any, exact: Any, path: tuple[Any, ...] = ()) -> None:
    exact_lc: Any = getattr(exact, "lc", None)
    if isinstance(exact, dict):
        assert list(fast) == list(exact), path
        for key in exact:
            assert fast.lc.key(key) == tuple(exact_lc.key(key)), (path, key)
            assert fast.lc.value(key) == tuple(exact_lc.value(key)), (path, key)
            same(fast[key], exact[key], (*path, key))
    elif isinstance(exact, list):
        assert len(fast) == len(exact), path
        for i, (a, b) in enumerate(zip(fast, exact, strict=True)):
            assert fast.lc.item(i) == tuple(exact_lc.item(i)), (path, i)
            same(a, b, (*path, i))
    elif isinstance(exact, float) and math.isnan(exact):
        assert math.isnan(fast), path
    else:
        assert fast == exact, path
        assert type(fast).__name__ == type(exact).__name__ or type(exact).__module__.startswith(
            "ruamel"
        ), (path, type(fast), type(exact))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files_read_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    exact = _parser().load(text)
    same(fast_yaml.load(text), exact)
    # The C composer too, where the line reader (renaksi.plan.line_yaml) reads first.
    same(fast_yaml.composed(text), exact)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 5\n",
        "a:\n  <<: {b: 1}\n",
        "%YAML 1.1\n---\na: yes\n",
        "a: 1\na: 2\n",
        "? [a, b]\n: 1\n",
        "a: [1, 2\n",
        "a: " + "[" * 40 + "]" * 40 + "\n",
    ],
    ids=["alias", "tag", "merge", "directive", "duplicate", "list-key", "syntax", "deep"],
)
def test_unusual_files_go_to_the_exact_reader(text: str) -> None:
    with pytest.raises(fast_yaml.NeedsExactReaderError):
        fast_yaml.load(text)


@pytest.mark.parametrize(
    "text",
    [
        "# c\r%YAML 1.1\r---\ra: yes\r",
        "x:\x85- 1\x85y: 2\x85",
        "x:\u2028- 1\u2028y: 2\u2028",
        "x:\u2029- 1\u2029y: 2\u2029",
    ],
    ids=["bare-cr", "nel", "line-separator", "paragraph-separator"],
)
def test_other_line_breaks_go_to_the_exact_reader(text: str) -> None:
    # The scans for marks at a line start see only LF; and libyaml takes NEL and the
    # separators for line breaks where the exact reader (YAML 1.2) reads them as text.
    with pytest.raises(fast_yaml.NeedsExactReaderError):
        fast_yaml.load(text)


def test_yaml_1_2_values() -> None:
    data = fast_yaml.load("a: no\nb: 08\nc: 2_718_270_000\nd: 0x1F\ne: 2024-01-02\nf: ~\n")
    assert data == {"a": "no", "b": 8, "c": 2718270000, "d": 31, "e": "2024-01-02", "f": None}
    assert type(data["d"]).__name__ == "HexInt"


_scalars = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
)
_keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
_trees = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(tree=st.dictionaries(_keys, _trees, min_size=1, max_size=5), flow=st.booleans())
def test_random_documents_read_the_same(tree: dict[str, Any], flow: bool) -> None:
    import io

    out = io.StringIO()
    writer = YAML()
    writer.default_flow_style = flow
    writer.dump(tree, out)
    text = out.getvalue()
    for read in (fast_yaml.load, fast_yaml.composed):
        try:
            fast = read(text)
        except fast_yaml.NeedsExactReaderError:
            continue  # the exact reader handles it; nothing to compare
        same(fast, _parser().load(text))


# --- The two readers agree on every input ----------------------------------------------
#
# Whichever reader reads a file, its findings and its model must be the same: otherwise a
# change elsewhere in the file (a comment with an '&', a tab) silently changes the verdict.


@contextmanager
def exact_only(text: str | None = None) -> Iterator[None]:
    """In this block the exact reader reads ``text`` (every text, when not given)."""
    fast_load = fast_yaml.load

    def load(read: str) -> Any:
        if text is None or read == text:
            raise fast_yaml.NeedsExactReaderError("exact only")
        return fast_load(read)

    with mock.patch.object(fast_yaml, "load", load):
        yield


def parsed_both_ways(text: str) -> None:
    """parse_yaml gives the same tree (values and positions) or the same problem, whether
    the fast reader reads ``text`` or it goes to the exact one."""
    fast_tree, fast_problem = parse_yaml(text, "f.yaml")
    with exact_only():
        exact_tree, exact_problem = parse_yaml(text, "f.yaml")
    assert fast_problem == exact_problem
    same(fast_tree, exact_tree)


#: Every line break the YAML specs name (1.1 has NEL, LS and PS; 1.2 only CR and LF).
LINE_BREAKS = ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]
#: Tabs, spaces and the other blanks people paste from word processors and PDFs.
BLANKS = [
    "\t",
    " ",
    "  ",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\u200b",
    "\ufeff",
    "\x0b",
    "\x0c",
]
ODD_WHITESPACE = LINE_BREAKS + BLANKS


@pytest.mark.parametrize(
    "text",
    [
        # U+2028, U+2029 and NEL are line breaks to libyaml, text to the exact reader.
        "kepala:\n  jabatan: Kepala Bidang Alpha\u2028  plt: true\n",
        "kepala:\n  jabatan: Kepala\u2029  plt: true\n",
        "kepala:\n  jabatan: Kepala\x85  plt: true\n",
        "a: b # catatan\u2028c: d\n",
        "a: b\u2028\nc: d\n",
        # Tabs libyaml accepts and the exact reader refuses.
        "a: b\t\nc: d\n",
        "a:\tb\n",
        "a:\t\n  b: 1\n",
        "a: [b,\tc]\n",
        "a: b # tab\tdalam komentar\n",
        'a: "b\tc"\n',
        # A byte order mark at the start of a line is skipped by libyaml only.
        "a: b\n\ufeffc: d\n",
        "a:\n  \ufeffb: 1\n",
        # Block scalars: a first line of spaces only; a comment right after the header.
        "a: >-\n \n  teks\n",
        "a: |\n  \n    teks\n",
        "a: >#c\n  teks\n",
        # A bare CR is a line break to both, but hid a %YAML 1.1 directive from the scan
        # that sends directives to the exact reader: "yes" was text, or true.
        "# c\r%YAML 1.1\r---\ra: yes\r",
        # What may follow a document end marker.
        "a: b\n...\n...\n  # c\n",
        # An explicit key without its ':' at the end of a file without a final line break.
        "- a\n-\n  ? b",
        # Empty values: after the ':' of a block mapping, whatever follows.
        "a:\nb: 1\n",
        "a:   \n\n  # komentar\nb: 1\n",
        "x:\n  a: # komentar\ny: 1\n",
        "a:",
        "a:   ",
        # An empty value in a flow mapping.
        "x: {a: , b: 1}\n",
        "x: [a: ]\n",
        # A comment, blank lines and a plain scalar that looks like a list.
        "n: ~\nk: []\na: #\n    -~\n    -  \n\n",
    ],
)
def test_readers_agree(text: str) -> None:
    parsed_both_ways(text)


def test_line_separator_is_a_syntax_error_with_or_without_a_comment(tmp_path: Path) -> None:
    """The reported case: a U+2028 pasted into a value, read as a line break, made
    ``plt: true`` a key of its own, so the plan validated and printed "Plt."; a comment
    with an '&' elsewhere sent the file to the exact reader and the verdict flipped."""
    folder = tmp_path / "2024"
    shutil.copytree(ROOT / "plans" / "2024", folder)
    instansi = folder / "instansi.yaml"
    original = instansi.read_text(encoding="utf-8")
    jabatan = "  jabatan: Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda\n"
    line = original[: original.index(jabatan)].count("\n") + 1
    broken = original.replace(jabatan, jabatan[:-1] + "\u2028  plt: true\n")
    for text in (broken, broken + "# lihat lampiran & catatan *terlampir*\n"):
        instansi.write_text(text, encoding="utf-8")
        result = validate([folder])
        errors = [
            (p.code, Path(p.location.file).name, p.location.line)
            for p in result.problems
            if p.severity is Severity.ERROR
        ]
        assert errors == [("YM01", "instansi.yaml", line)]


@st.composite
def odd_whitespace(draw: st.DrawFn, text: str) -> str:
    """``text`` with line breaks, tabs and other blanks inserted where they matter most:
    at the start or end of a line, after its indentation, after a ``:`` or ``-``
    indicator, or anywhere."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        piece = "".join(draw(st.lists(st.sampled_from(ODD_WHITESPACE), min_size=1, max_size=3)))
        indent = len(line) - len(line.lstrip(" "))
        indicator = max(line.find(": "), line.find("- ")) + 1 or len(line)
        at = draw(st.sampled_from([0, indent, indicator, len(line)]) | st.integers(0, len(line)))
        lines[index] = line[:at] + piece + line[at:]
    return "\n".join(lines)


@st.composite
def real_file_with_odd_whitespace(draw: st.DrawFn) -> str:
    path = draw(st.sampled_from(FILES))
    return draw(odd_whitespace(path.read_text(encoding="utf-8-sig")))


@settings(max_examples=examples(150), deadline=None)
@given(text=real_file_with_odd_whitespace())
def test_real_files_with_odd_whitespace_read_the_same(text: str) -> None:
    parsed_both_ways(text)


EXAMPLE = ROOT / "examples" / "realisasi-2024"


@pytest.fixture(scope="module")
def monitored_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """plans/2024 with the example's realisasi files in its realisasi/ folder."""
    folder = tmp_path_factory.mktemp("readers") / "2024"
    shutil.copytree(ROOT / "plans" / "2024", folder)
    shutil.copytree(EXAMPLE, folder / "realisasi")
    return folder


def seen_by_user(result: CheckResult) -> tuple[list[tuple[Any, ...]], list[str]]:
    """The findings as printed (code, place, words, related places) and every model."""
    findings = [(p.code, p.location, message(p), p.related, p.severity) for p in result.problems]
    plan = result.loads[0].plan
    models: list[BaseModel | None] = [
        plan.instansi,
        plan.pk,
        *(entry.model for entry in plan.bidang),
        *(entry.model for entry in plan.realisasi),
    ]
    return findings, [model.model_dump_json() if model else "-" for model in models]


@st.composite
def plan_file_with_odd_whitespace(draw: st.DrawFn, folder: Path) -> tuple[Path, str]:
    path = draw(st.sampled_from(sorted(folder.rglob("*.yaml"))))
    return path, draw(odd_whitespace(path.read_text(encoding="utf-8")))


@settings(max_examples=examples(40), deadline=None)
@given(data=st.data())
def test_findings_and_models_are_the_same_whichever_reader(
    monitored_plan: Path, data: st.DataObject
) -> None:
    path, text = data.draw(plan_file_with_odd_whitespace(monitored_plan))
    original = path.read_bytes()
    path.write_bytes(text.encode("utf-8"))
    try:
        fast = seen_by_user(validate([monitored_plan]))
        # Only the changed file needs both readers: the others read the same either way
        # (test_real_files_read_the_same), and the exact reader is the slow part.
        with exact_only(text):
            exact = seen_by_user(validate([monitored_plan]))
    finally:
        path.write_bytes(original)
    assert fast == exact


class _Unread:
    """A node position that fails the test when read."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"position read: {name}")


@pytest.mark.skipif(not fast_yaml.available(), reason="ruamel.yaml.clib is not installed")
def test_positions_are_read_only_when_a_finding_asks() -> None:
    # A clean file needs no position: building them for every key and item was a third
    # of the tree's conversion.
    text = "a: 1\nb:\n  - x\n  - {c: d}\n"
    root = fast_yaml._compose(fast_yaml._composer(), text)
    marks: list[tuple[Any, Any]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        marks.append((node, node.start_mark))
        node.start_mark = _Unread()
        if isinstance(node.value, list):
            for child in node.value:
                stack.extend(child if isinstance(child, tuple) else (child,))
    tree = fast_yaml.positioned_tree(root)
    assert tree == {"a": 1, "b": ["x", {"c": "d"}]}
    for node, mark in marks:
        node.start_mark = mark
    assert locate(tree, ["b", 1, "c"]) == (4, 9)
    assert locate(tree, ["b"], at_key=True) == (2, 1)


@pytest.mark.skipif(not fast_yaml.available(), reason="ruamel.yaml.clib is not installed")
def test_new_text_is_resolved_without_looking_up_the_version_again() -> None:
    # Each agency's ids and names are new text: ruamel looked up the document's version
    # and rebuilt its pattern table for them, file after file.
    from ruamel.yaml.resolver import VersionedResolver

    fast_yaml.load("a: 1\n")  # the patterns are taken once, here at the latest
    text = "baru-yang-belum-pernah-dibaca: 0x1F\nno: 08\nz: 1.5e3\nkosong: ''\n"
    with mock.patch.object(
        VersionedResolver, "processing_version", property(mock.Mock(side_effect=AssertionError))
    ):
        tree = fast_yaml.load(text)
    assert tree == {"baru-yang-belum-pernah-dibaca": 31, "no": 8, "z": 1500.0, "kosong": ""}
