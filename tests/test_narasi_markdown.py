"""Narrative Markdown in HTML reports: rendered as Markdown while that is cheap, else shown
as plain text with a note (markdown-it took 11 s for one chapter of ``![``)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.report.rencana_aksi import MAX_NARASI_BYTES, NARASI
from renaksi.report.render import FILTERS, MAX_MARKDOWN_CHARS, MAX_MARKDOWN_MARKS

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"
NOTE = "Catatan renaksi: bab ini tidak diolah sebagai Markdown"
html = FILTERS["markdown_html"]


def test_ordinary_prose_is_markdown() -> None:
    out = str(html("Penutup **tebal** dan [tautan](https://contoh.go.id).\n"))
    assert "<strong>tebal</strong>" in out
    assert NOTE not in out


def test_at_the_bounds_it_is_still_markdown() -> None:
    # Exactly the most marks, in a chapter of exactly the most characters.
    head = "**tebal**\n\n"
    text = head + "_" * (MAX_MARKDOWN_MARKS - 4)
    text += "a" * (MAX_MARKDOWN_CHARS - len(text))
    out = str(html(text))
    assert "<strong>tebal</strong>" in out
    assert NOTE not in out


def test_too_many_marks_is_plain_text() -> None:
    text = "Penutup <script>alert(1)</script> **tebal**.\n\n" + "![" * MAX_MARKDOWN_MARKS
    start = time.perf_counter()
    out = str(html(text))
    assert time.perf_counter() - start < 1
    assert out.startswith(f'<p class="narasi-mentah-catatan"><em>{NOTE}')
    assert "<script" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **tebal**." in out
    assert "<strong>" not in out


def test_too_long_is_plain_text() -> None:
    text = "**tebal** " + "a" * MAX_MARKDOWN_CHARS
    out = str(html(text))
    assert NOTE in out
    assert "<strong>" not in out
    assert "**tebal** aaa" in out


def test_seven_chapters_of_marks_print_in_seconds(tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    for name in NARASI:
        (folder / "narasi" / f"{name}.md").write_text(
            "![" * (MAX_NARASI_BYTES // 2), encoding="utf-8"
        )
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["report", "--format", "html", str(folder)])
    assert time.perf_counter() - start < 10
    assert result.exit_code == 0, result.output
    assert result.stdout.count(NOTE) == len(NARASI)


def test_plain_text_shows_controls_as_rendered_markdown_does() -> None:
    # Both ways out are Markup, which Jinja's finalize leaves alone: each must reveal the
    # controls itself, or a bidi override in a long chapter reaches the page unseen.
    for text in (
        "Penutup \u202e42 \x1b[2J.",
        "Penutup \u202e42 \x1b[2J. " + "a" * MAX_MARKDOWN_CHARS,
    ):
        out = str(html(text))
        assert "\u202e" not in out
        assert "\x1b" not in out
        assert "&lt;U+202E&gt;42 &lt;U+001B&gt;[2J." in out
