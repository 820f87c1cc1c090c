"""The narrative's own Markdown without markdown-it (renaksi.text.markdown.simple_html):
byte for byte what markdown-it writes, or None; and taken for real chapters."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renaksi.report.render import FILTERS, _markdown
from renaksi.text.markdown import simple_html

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "plans" / "2024" / "narasi").glob("[bk]*.md"))


def reference(text: str) -> str:
    return str(_markdown().render(text))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_the_example_chapters_take_the_fast_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert simple_html(text) == reference(text)


SAMPLES = [
    "",
    "\n\n",
    "a",
    '## 1.1 Latar\n\nPara *a* **b** ***c*** x.\nline "q" > y\n\n- a. Untuk\n  lanjut\n- b\n',
    "3. x\n4. y\n\n- a\n\n1. b\n10. c\n    d\n",
    "# h\npara\n# h2\n1. a\n1. b",
    "**“Kutipan”**\nlanjut ***x***.\n(y), z: *w*;",
    "Penutup **tebal**.\n\n#### Judul **x**\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_are_simple_and_identical(text: str) -> None:
    assert simple_html(text) == reference(text)


NOT_SIMPLE = [
    "a  \nb",  # hard break
    "a\n- b",  # a list interrupting a paragraph
    "- a\n\n- b",  # a loose list
    "- a\nb",  # a lazy continuation line
    "* a",
    "a *b",
    "a ****b****",
    "**a* b",
    "a\n===",
    "> q",
    "    code",
    "# h #",
    "[l](u)",
    "a\tb",
    "a\u00a0b",
    "a &amp; b",
    "x<y",
    "2) a",
    "- - a",
    "-a",
]


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_other_markdown_is_left_to_markdown_it(text: str) -> None:
    assert simple_html(text) is None


_WORDS = st.sampled_from(
    ["a", "Bab", "2024", "1.1", "x.", "é", "“q”", '"d"', "(p)", ">", "#", "!", ":", ",", "'s", ";"]
)
_STARS = st.sampled_from(["", "", "*", "**", "***", "****"])
_WORD = st.tuples(_STARS, _WORDS, _STARS, st.sampled_from(["", ".", ",", ":", ")"])).map("".join)
_PREFIX = st.sampled_from(
    ["", "", "", "- ", "1. ", "2. ", "10. ", "  ", "   ", "    ", " ", "# ", "## ", "#", "* ", "-"]
)
_LINE = st.tuples(
    _PREFIX, st.lists(_WORD, max_size=5).map(" ".join), st.sampled_from(["", "", " "])
).map("".join)
_DOCUMENT = st.lists(_LINE, max_size=12).map("\n".join)


@given(_DOCUMENT)
def test_generated_documents_match_markdown_it(text: str) -> None:
    fast = simple_html(text)
    if fast is not None:
        assert fast == reference(text)


# Documents mostly inside the simple part, to test its output and not only its refusals.
_EMPHASISED = st.tuples(
    st.sampled_from(["*", "**", "***"]), st.lists(_WORDS, min_size=1, max_size=3)
).map(lambda t: t[0] + " ".join(t[1]) + t[0])
_TEXT = st.lists(st.one_of(_WORDS, _EMPHASISED, _WORD), min_size=1, max_size=6).map(" ".join)


def _block(kind: str, marker: str, lines: list[str]) -> str:
    if kind == "p":
        return "\n".join(lines)
    if kind == "h":
        return f"{marker} {lines[0]}"
    return "\n".join(
        f"{marker} {line}" if i == 0 else " " * (len(marker) + 1) + line
        for i, line in enumerate(lines)
    )


_BLOCK = st.builds(
    _block,
    st.sampled_from(["p", "p", "h", "l"]),
    st.sampled_from(["#", "###", "-", "1.", "2.", "10."]),
    st.lists(_TEXT, min_size=1, max_size=3),
)
_SIMPLE_DOCUMENT = st.lists(
    st.tuples(_BLOCK, st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=6
).map(lambda blocks: "".join(b + sep for b, sep in blocks))


@given(_SIMPLE_DOCUMENT)
def test_documents_of_simple_blocks_match_markdown_it(text: str) -> None:
    fast = simple_html(text)
    if fast is not None:
        assert fast == reference(text)


@given(st.text(alphabet="ab1. -*#>\"'“(\n:é", max_size=60))
def test_any_text_of_the_marks_matches_markdown_it(text: str) -> None:
    fast = simple_html(text)
    if fast is not None:
        assert fast == reference(text)


def test_markdown_html_uses_the_fast_path() -> None:
    text = CHAPTERS[0].read_text(encoding="utf-8-sig")
    assert str(FILTERS["markdown_html"](text)) == simple_html(text)


def test_markdown_it_is_not_imported_for_simple_chapters() -> None:
    code = (
        "import sys\n"
        "from renaksi.report.render import FILTERS\n"
        f"FILTERS['markdown_html']({CHAPTERS[0].read_text(encoding='utf-8-sig')!r})\n"
        "print('markdown_it' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_refused_characters_are_the_marks_and_every_other_whitespace() -> None:
    from renaksi.text.markdown import _NOT_SIMPLE

    every = "".join(map(chr, range(0x110000)))
    reference = re.compile(r"[\\`_\[\]<&~|\x00]|[^\S \n]")
    assert set(_NOT_SIMPLE.findall(every)) == set(reference.findall(every))
