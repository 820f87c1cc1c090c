"""The line reader reads what it reads exactly as the exact reader does, positions too.

renaksi.plan.line_yaml takes plan-shaped YAML only and hands everything else on
(NeedsExactReaderError). These tests generate text of that shape with every odd piece
that could make the two readers part (indicators, quotes, comments, resolution look-alikes,
folded and literal text, indentation), and require: whatever the line reader accepts, the
exact reader reads to the same tree with the same positions.
"""

from __future__ import annotations

import math
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renaksi.plan import fast_yaml, line_yaml, yaml_tree
from renaksi.plan.load import _parser
from test_fastyaml import parsed_both_ways, same

ROOT = Path(__file__).resolve().parents[1]
ALL_FILES = sorted(
    {
        *ROOT.glob("plans/**/*.yaml"),
        *ROOT.glob("examples/**/*.yaml"),
        *ROOT.glob("tests/fixtures/**/*.yaml"),
    }
)
LONG = os.environ.get("RENAKSI_FUZZ", "").lower() == "long"


def exact(text: str) -> Any:
    return _parser().load(text)


def agrees(text: str) -> bool:
    """Whether the line reader took ``text``; when it did, it read it as the exact one."""
    try:
        fast = line_yaml.load(text)
    except fast_yaml.NeedsExactReaderError:
        return False
    same(fast, exact(text))
    return True


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files(path: Path) -> None:
    agrees(path.read_text(encoding="utf-8-sig"))


def test_the_plans_are_read_line_by_line() -> None:
    # The point of the reader: the plans as written take the fast way, not the C composer.
    for path in sorted(ROOT.glob("plans/**/*.yaml")):
        assert agrees(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  - x\n  - y: 1\n    z: [1, -2, 0x1F]\n",
        "a:\n- 1\n- b: 2\nc: ~\n",
        "a: >-\n  satu\n  dua\n\n  tiga\n\n\nb: |\n  x\n\n  y\nc: >\n  z\n",
        "a: 'it''s'\nb: \"# x\"  # c\nc: x#y\nd: x # y\ne:\n\nf: ''\n",
        "# c\n\na:   # c\n  # c\n  b: no\n  c: 08\n  d: 2024-01-02\n  e: .5\n  f: null\n",
        "- a\n-   b: 1\n    c: 2\n- [ ]\n- []\n- [a b,  c ]\n",
        "a: \u00a0x\u00a0\nb: é 😀 x\nc: x: y\n",
    ],
)
def test_shapes(text: str) -> None:
    try:
        line_yaml.load(text)
    except fast_yaml.NeedsExactReaderError:
        # The exact reader refuses it too (in its own words: any of its errors).
        with pytest.raises(Exception):  # noqa: B017, PT011
            exact(text)
        return
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: b\n  c\n",  # a plain value over two lines
        "a: 'x\n  y'\n",
        'a: "x\\ty"\n',
        "a: [1,\n  2]\n",
        "a: {b: 1}\n",
        "a: >2\n   x\n",
        "a: |\n  x\n    y\n",
        "a: >-\n\n  x\n",
        "- - a\n",
        "-\n  a: 1\n",
        "a: &x 1\n",
        "a: *x\n",
        "a: !t 1\n",
        "? a\n: 1\n",
        "a: 1\na: 2\n",
        "null: 1\n",
        "a: 1",  # no final line break
        "a: b\r\n",
        "a:\tb\n",
        "  a: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: =\n",
        "a: " + "9" * 5000 + "\n",  # more digits than Python turns into an integer
        "a: -\n",
        "a: [-]\n",
        "- -\n",
        # YAML caps an implicit key at 1024 characters: the other readers refuse longer.
        "k" * 1025 + ": 1\n",
        "a:\n  " + "k" * 1025 + ": 1\n",
        "- " + "k" * 1025 + ": 1\n",
    ],
)
def test_other_shapes_go_on(text: str) -> None:
    with pytest.raises(fast_yaml.NeedsExactReaderError):
        line_yaml.load(text)


# --- Generated plan-shaped text --------------------------------------------------------

_ODD_TEXT = st.text(alphabet=" -:#'\"[]{},&*!|>%@`?~.0_9aXy\u00a0é\u2003😀", max_size=8)
_WORDS = st.sampled_from(
    [
        "",
        "~",
        "null",
        "Null",
        "true",
        "False",
        "no",
        "yes",
        "08",
        "0x1F",
        "0o17",
        "0b11",
        "1_000",
        "-1",
        "-1.5e3",
        ".inf",
        "-.inf",
        ".nan",
        "1.5",
        "2024-01-02",
        "2024-1-2",
        "12:30",
        "a: b",
        "a:b",
        "a:",
        "a #b",
        "a#b",
        "#x",
        "-x",
        "- x",
        "-",
        "-.",
        "-1",
        "--",
        "x -",
        "Rp 1.000,00",
        "a, b",
        "IV/a",
        "19690325 199103 2 004",
        "=",
        "<<",
        "!x",
        "&x",
        "*x",
        "%",
        "|",
        ">",
        "'x'",
        '"x"',
        "it's",
        "x\u00a0",
        "\u00a0x",
        "[a]",
        "{a}",
        "a [b]",
    ]
)
_SCALARS = _WORDS | _WORDS | _ODD_TEXT
_GOOD_KEYS = ["a", "b", "c", "d", "e", "nama", "x_1", "_k", "No", "Yes"]
_KEYS = st.sampled_from(_GOOD_KEYS * 4 + ["null", "true", "a-b", "1a", "a b"])
_COMMENTS = st.sampled_from(["", "", "", " # c", "  #c", "#c", " #", " # a: b"])


@st.composite
def _scalar(draw: st.DrawFn) -> str:
    text = draw(_SCALARS)
    style = draw(st.sampled_from(["plain", "plain", "double", "single", "raw-double"]))
    if style == "double":
        return '"' + text.replace("\\", "").replace('"', "") + '"'
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "raw-double":
        return '"' + text + '"'
    return text


@st.composite
def _flow(draw: st.DrawFn) -> str:
    items = draw(st.lists(_SCALARS, max_size=4))
    space = draw(st.sampled_from(["", " ", "  "]))
    joiner = draw(st.sampled_from([", ", ",", " , "]))
    return "[" + space + joiner.join(items) + space + "]"


@st.composite
def _block_text(draw: st.DrawFn, indent: int) -> list[str]:
    header = draw(st.sampled_from([">", ">-", "|", "|-", ">+", "|2", ">- # c", "> "]))
    width = indent + draw(st.integers(0, 3))
    lines = [header]
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "text", "blank", "spaces", "deeper", "comment"]))
        if kind == "text":
            lines.append(" " * width + draw(_SCALARS).strip() + draw(st.sampled_from(["", " "])))
        elif kind == "blank":
            lines.append("")
        elif kind == "spaces":
            lines.append(" " * draw(st.integers(1, width + 2)))
        elif kind == "deeper":
            lines.append(" " * (width + 1) + "x")
        else:
            lines.append(" " * width + "# not a comment")
    return lines


@st.composite
def _node(draw: st.DrawFn, indent: int, depth: int) -> tuple[str, list[str]]:
    """A value: what follows ``key:`` or ``-`` on its line, and the lines below."""
    kind = draw(
        st.sampled_from(
            ["scalar", "scalar", "scalar", "flow", "block", "empty", "map", "seq"]
            if depth < 3
            else ["scalar", "flow", "empty"]
        )
    )
    if kind == "scalar":
        return " " + draw(_scalar()) + draw(_COMMENTS), []
    if kind == "flow":
        return " " + draw(_flow()) + draw(_COMMENTS), []
    if kind == "empty":
        return draw(st.sampled_from(["", " ", " # c"])), []
    if kind == "block":
        lines = draw(_block_text(indent + 1))
        return " " + lines[0], lines[1:]
    steps = [0, 1, 2, 2, 4] if kind == "seq" else [1, 2]
    step = draw(st.sampled_from(steps))
    return draw(_COMMENTS), draw(_block(indent + step, depth + 1, kind))


@st.composite
def _block(draw: st.DrawFn, indent: int, depth: int, kind: str) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    keys = draw(st.lists(_KEYS, min_size=1, max_size=4, unique=draw(st.integers(0, 4)) > 0))
    for key in keys:
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", pad + "# c", "  # c", " " * (indent + 3)])))
        head, below = draw(_node(indent + 2 if kind == "seq" else indent, depth))
        if kind == "map":
            lines.append(f"{pad}{key}:{head}")
            lines.extend(below)
        elif draw(st.booleans()):  # an entry holding a mapping: "- key: value"
            spaces = draw(st.sampled_from([" ", " ", "   "]))
            inner, below = draw(_node(indent + 1 + len(spaces), depth))
            lines.append(f"{pad}-{spaces}{key}:{inner}")
            lines.extend(below)
        else:
            lines.append(f"{pad}-{head}")
            lines.extend(below)
    return lines


@st.composite
def plan_shaped(draw: st.DrawFn) -> str:
    lines = draw(_block(0, 0, draw(st.sampled_from(["map", "map", "seq"]))))
    if draw(st.integers(0, 7)) == 0:  # a stray indentation change anywhere
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = " " * draw(st.integers(1, 3)) + lines[at]
    return "\n".join(lines) + "\n"


@settings(max_examples=3000 if LONG else 300, deadline=None)
@given(text=plan_shaped())
def test_generated_text_reads_the_same(text: str) -> None:
    try:
        fast = line_yaml.load(text)
    except fast_yaml.NeedsExactReaderError:
        return
    same(fast, exact(text))


@settings(max_examples=400 if LONG else 60, deadline=None)
@given(text=plan_shaped())
def test_generated_text_gives_the_same_findings(text: str) -> None:
    # The whole reading path (size checks, the three readers, the wording of problems).
    try:
        fast_yaml.load(text)
    except fast_yaml.NeedsExactReaderError:
        return  # read by the exact reader either way (its values need not compare equal)
    parsed_both_ways(text)


_PLAIN_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1)


@settings(max_examples=2000 if LONG else 300, deadline=None)
@given(
    text=_PLAIN_TEXT
    | st.from_regex(r"[-+]?[0-9][0-9_]{0,20}", fullmatch=True)
    | st.from_regex(r"[0-9]{4000,5000}", fullmatch=True)
)
def test_plain_text_shortcuts_resolve_as_the_patterns_do(text: str) -> None:
    # Plain text whose first character no pattern starts with is text without a look-up,
    # and ASCII digits are an integer without one: both must be what the look-up says.
    if text[0] not in line_yaml._resolvable():
        assert yaml_tree.plain_tag(text) == yaml_tree._STR
    try:
        reference = yaml_tree.typed(yaml_tree.plain_tag(text), text)
    except yaml_tree.NeedsExactReaderError:
        with pytest.raises(yaml_tree.NeedsExactReaderError):
            line_yaml._plain(text)
        return
    fast = line_yaml._plain(text)
    assert type(fast) is type(reference)
    assert fast == reference or (math.isnan(fast) and math.isnan(reference))


@settings(max_examples=1000 if LONG else 200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_readable_ascii_shortcut_is_the_search(text: str) -> None:
    for sample in (text, text.encode("ascii", "ignore").decode("ascii")):
        assert line_yaml._readable(sample) == (line_yaml._OUTSIDE.search(sample) is None)


def test_a_key_of_1024_characters_is_still_a_key() -> None:
    same(line_yaml.load("k" * 1024 + ": 1\n"), exact("k" * 1024 + ": 1\n"))


@pytest.mark.parametrize("levels", ["[0, 1, 2, 3, 4]", "[01, 02, 03]", "[1_0, 2_0]", "[0x1, 2]"])
def test_scale_levels_written_as_numbers_read_alike_on_every_path(
    tmp_path: Path, levels: str
) -> None:
    # The exact reader gives 0, 01 and 1_0 as ruamel's ScalarInt, the line reader as int:
    # the verdict on a scale's levels must not depend on which reader read the file (a
    # document end marker "..." sends a file to the exact reader).
    from renaksi.rules.check import validate

    example = Path(__file__).resolve().parent.parent / "examples" / "perwakilan-2024"
    verdicts = []
    for marker in ("", "...\n"):
        plan = tmp_path / f"plan{len(marker)}"
        shutil.copytree(example, plan)
        path = plan / "instansi.yaml"
        text = path.read_text(encoding="utf-8") + f"  - nama: indeks\n    nilai: {levels}\n"
        path.write_text(text + marker, encoding="utf-8")
        found = validate([plan]).problems
        verdicts.append(sorted((p.code, p.location.line, p.message) for p in found))
    assert verdicts[0] == verdicts[1]
    hex_refused = any(code == "SC03" for code, _, _ in verdicts[0])
    assert hex_refused == ("0x" in levels)


def test_the_refused_characters_are_every_character_but_the_accepted_ones() -> None:
    # line_yaml._OUTSIDE names the refused characters (cheap to compile); it must refuse
    # exactly what is outside LF and the printable ranges both readers take alike.
    accepted = re.compile(
        "[\n -~\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )
    for code in range(0x110000):
        char = chr(code)
        assert bool(line_yaml._OUTSIDE.match(char)) != bool(accepted.match(char)), hex(code)
