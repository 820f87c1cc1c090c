"""Hostile plan text in reports and diffs: escaped or shown literally, layout intact."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from renaksi.diff.plan import diff_plans
from renaksi.output.diff_md import render as diff_md
from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report.render import render
from renaksi.rules.check import validate

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"
PROVENANCE = Provenance("0" * 40, False, "uji")
LONG_WORD = "Sosialisasi" * 60
RLO = "\u202e"
NASTY = [
    "<img src=x onerror=alert(1)> <b>tebal</b>",
    "kolom | patah \\| lagi",
    "baris\nbaru",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    LONG_WORD,
    f"Rp 1.000 {RLO}000.001 pR",
]


@pytest.fixture
def nasty_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    path = folder / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    outputs = [i for i, line in enumerate(lines) if line.strip().startswith("keluaran:")]
    assert len(outputs) >= len(NASTY)
    for i, value in zip(outputs, NASTY, strict=False):
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        lines[i] = f"{indent}keluaran: {quoted}"
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    assert not validate([folder]).failed()
    return folder


def _html(folder: Path) -> str:
    return render(
        load_plan(folder).plan, output_format="html", bidang="politik", provenance=PROVENANCE
    )


def _md(folder: Path) -> str:
    return render(
        load_plan(folder).plan, output_format="md", bidang="politik", provenance=PROVENANCE
    )


def test_html_escapes_and_keeps_layout(nasty_plan: Path) -> None:
    page = _html(nasty_plan)
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" in page
    assert ">49<" not in page
    assert RLO not in page
    assert "&lt;U+202E&gt;" in page
    assert LONG_WORD in page
    assert "overflow-wrap: anywhere" in page  # a long word wraps inside its cell


def test_markdown_tables_stay_whole(nasty_plan: Path) -> None:
    text = _md(nasty_plan)
    assert RLO not in text
    assert "<img" not in text
    for table in re.findall(r"(?:^\|.*\|$\n?)+", text, flags=re.M):
        rows = table.strip("\n").splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows


def test_diff_comment_escapes_plan_text(nasty_plan: Path) -> None:
    base = load_plan(PLAN).plan
    head = load_plan(nasty_plan).plan
    comment = diff_md(diff_plans(base, head))
    assert "<img" not in comment
    assert RLO not in comment
    assert "kolom \\| patah" in comment
