"""Source notes (``catatan_sumber``) reach every printed page that shows what they mark.

A plan with notes on one aksi, on the whole plan, and with estimated values shows those as
table captions and numbered footnotes, and a plan without notes shows none.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.plan.model import CatatanSumber
from renaksi.report.rencana_aksi import Footnotes, note_text
from renaksi.report.render import render
from renaksi.rules.check import validate
from test_report import (
    FORMATS,
    Table,
    squash,
    tables_of,
)

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "base" / "2024"
PROVENANCE = Provenance(commit=None, dirty=False, version="uji")

SCHEDULE = "Jadwal pelaksanaan (bulan) semua aksi di tabel ini direkonstruksi, tidak disalin dari "


# --- the schedule captions ----------------------------------------------------------------


def captions_of(table: Table) -> list[str]:
    """The source note rows of an HTML table head (they repeat on every printed page)."""
    return [
        row[0].text.removeprefix("Catatan sumber: ")
        for row in table.head
        if len(row) == 1 and row[0].text.startswith("Catatan sumber: ")
    ]


def md_captions(section: str) -> list[str]:
    """The caption right above each aksi table of a Markdown page."""
    return [
        squash(found)
        for found in re.findall(
            r"^> \*\*Catatan sumber:\*\* (.+)\n\n\| No \| AKSI/KEGIATAN \|", section, re.M
        )
    ]


# --- the reconciliation footnotes ---------------------------------------------------------


_NOTE = re.compile("^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ")


def noted_tables(out: str, fmt: str) -> list[tuple[Table, list[str]]]:
    """Every table with the numbered notes printed with it: its footer (HTML, where it
    repeats at the foot of every printed page), or the paragraphs right under it (Markdown)."""
    tables = tables_of(out, fmt)
    if fmt == "html":
        return [(t, [squash(c.text) for row in t.foot for c in row]) for t in tables]
    lines = out.splitlines()
    ends = [i for i, line in enumerate(lines) if line.startswith("|")]
    ends = [i for i in ends if i + 1 == len(lines) or not lines[i + 1].startswith("|")]
    assert len(ends) == len(tables)
    found = []
    for table, end in zip(tables, ends, strict=True):
        notes = []
        for line in lines[end + 1 :]:
            if _NOTE.match(line):
                notes.append(squash(line))
            elif line:
                break
        found.append((table, notes))
    return found


def aksi_notes(out: str, fmt: str) -> list[tuple[Table, list[str]]]:
    return [(t, n) for t, n in noted_tables(out, fmt) if "AKSI/KEGIATAN" in t.header]


def tabel_23(out: str, fmt: str) -> tuple[Table, list[str]]:
    (found,) = [
        (t, n)
        for t, n in noted_tables(out, fmt)
        if "Pagu Anggaran" in t.header and "AKSI/KEGIATAN" not in t.header
    ]
    return found


def number(n: int, fmt: str) -> str:
    return str(n) if fmt == "html" else "⁰¹²³⁴⁵⁶⁷⁸⁹"[n]


def pagu_refs(table: Table) -> list[tuple[str, str]]:
    """(pagu, footnote numbers) of the amounts of a table that have any, in order."""
    return [(c.text, c.refs) for row in table.rows for c in row if c.refs and c.text[:1].isdigit()]


# --- the monitoring report ----------------------------------------------------------------


# --- other places and kinds of note ---------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def noted(tmp_path: Path) -> Plan:
    """The rule cases' base plan with a note on the whole plan's pagu, an estimated month
    of one aksi, and the same note as the plan's on another aksi (printed once)."""
    folder = tmp_path / "2024"
    shutil.copytree(BASE, folder)
    _edit(
        folder / "instansi.yaml",
        "tanggal: 2024-01-02\n",
        "tanggal: 2024-01-02\ncatatan_sumber:\n  - jenis: perkiraan\n    isian: pagu\n"
        "    alasan: Pagu masih rancangan DPA\n  - jenis: rekonstruksi\n    isian: bulan\n"
        "    alasan: Arsiran bulan hilang.\n",
    )
    _edit(
        folder / "bidang" / "alpha.yaml",
        "        keluaran: Notulen rapat\n",
        "        keluaran: Notulen rapat\n        catatan_sumber:\n          - jenis: perkiraan\n"
        "            isian: bulan\n            alasan: Rapat mengikuti jadwal pimpinan.\n",
    )
    _edit(
        folder / "bidang" / "alpha.yaml",
        "        keluaran: Laporan monitoring\n",
        "        keluaran: Laporan monitoring\n        catatan_sumber:\n"
        "          - jenis: rekonstruksi\n            isian: bulan\n"
        "            alasan: Arsiran bulan hilang.\n",
    )
    result = validate([folder])
    assert not result.failed(), [str(p.location) for p in result.problems]
    assert result.problems == []
    return result.loads[0].plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_notes_on_one_aksi_and_on_the_whole_plan(noted: Plan, fmt: str) -> None:
    out = render(noted, output_format=fmt, bidang=None, provenance=PROVENANCE)
    (rapat, rapat_notes), (monitoring, monitoring_notes) = aksi_notes(out, fmt)
    plan_caption = SCHEDULE + "dokumen sumber. Arsiran bulan hilang."
    if fmt == "html":
        assert captions_of(rapat) == captions_of(monitoring) == [plan_caption]
    else:
        assert md_captions(out) == [plan_caption, plan_caption]
    # The aksi's own note is a footnote on its row; the one the caption already says is not.
    assert [(r[1].text, r[1].refs) for r in rapat.rows] == [("Rapat internal", "2")]
    assert [(r[1].text, r[1].refs) for r in monitoring.rows] == [("Monitoring", "")]
    estimate = "Pagu adalah perkiraan, tidak disalin dari dokumen sumber. Pagu masih rancangan DPA."
    assert rapat_notes == [
        f"{number(1, fmt)} {estimate}",  # the plan's note on the pagu of this table
        f"{number(2, fmt)} Jadwal pelaksanaan (bulan) adalah perkiraan, tidak disalin dari "
        "dokumen sumber. Rapat mengikuti jadwal pimpinan.",
    ]
    assert monitoring_notes == [f"{number(1, fmt)} {estimate}"]
    # Tabel 2.3: the plan's note marks every pagu, subtotal and total alike.
    table, notes = tabel_23(out, fmt)
    assert pagu_refs(table) == [
        ("300.000.000", "1"),  # the kegiatan
        ("100.000.000", "1"),
        ("200.000.000", "1"),
        ("300.000.000", "1"),  # the total
    ]
    assert notes == [f"{number(1, fmt)} {estimate}"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_without_notes_prints_none(fmt: str) -> None:
    result = validate([BASE])
    assert result.problems == []
    out = render(result.loads[0].plan, output_format=fmt, bidang=None, provenance=PROVENANCE)
    assert "Catatan sumber" not in out
    assert "catatan-ref" not in out.split("</style>")[-1]
    assert "¹" not in out


def _mark(jenis: Any, isian: Any, alasan: str) -> CatatanSumber:
    return CatatanSumber(jenis=jenis, isian=isian, alasan=alasan)


def test_one_number_per_note_in_the_order_referenced() -> None:
    notes = Footnotes()
    a = _mark("rekonsiliasi", "pagu", "A")
    b = _mark("perkiraan", "pagu", "B")
    assert notes.refs([b]) == (1,)
    assert notes.refs([a, b, a]) == (2, 1)
    assert notes.refs([a], covered=[_mark("rekonsiliasi", "pagu", "A")]) == ()
    assert [(f.no, f.text) for f in notes.items()] == [
        (1, "Pagu adalah perkiraan, tidak disalin dari dokumen sumber. B."),
        (2, "Pagu hasil rekonsiliasi, karena dokumen sumber tidak konsisten. A."),
    ]


def test_each_kind_of_note_reads_as_what_it_is() -> None:
    assert note_text("Pagu", _mark("rekonstruksi", "pagu", "Hilang!")) == (
        "Pagu direkonstruksi, tidak disalin dari dokumen sumber. Hilang!"
    )
    assert note_text("Jadwal", _mark("perkiraan", "bulan", "Ditaksir")) == (
        "Jadwal adalah perkiraan, tidak disalin dari dokumen sumber. Ditaksir."
    )
