"""Source notes (``catatan_sumber``) reach every printed page that shows what they mark.

plans/2024's months were reconstructed (its source lost the shading of the schedule) and two
of its pagu were reconciled where the document contradicts itself (the Paskibraka split and
the Kewaspadaan rows of Tabel 2.3). Checked here, reading the notes from the YAML with a
plain YAML parser: every aksi table of every bidang page, in Markdown and HTML, whole
document and ``--bidang``, carries the caption with its bidang's reason; each reconciled pagu
carries a footnote number, in Tabel 2.3 and on the bidang pages, with the note printed under
its table; the monitoring report does the same. A plan with notes on one aksi, on the whole
plan, and with estimated values shows those, and a plan without notes shows none. Every
unit that carries a pagu takes a note (APBN outputs and kegiatan too), and a Perjanjian
Kinerja alone prints its pagu notes in its own template.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.plan.model import CatatanSumber
from renaksi.report.rencana_aksi import Footnotes, note_text
from renaksi.report.render import render, render_monitoring
from renaksi.rules.check import validate
from test_report import (
    FORMATS,
    PLAN,
    SLUGS,
    Table,
    aksi_tables,
    bidang_sections,
    load_yaml,
    plain,
    report_of_plan,
    squash,
    tables_of,
)

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "base" / "2024"
EXAMPLE = ROOT / "examples" / "realisasi-2024"
APBN = ROOT / "tests" / "fixtures" / "apbn" / "2024"
PK_ONLY = ROOT / "tests" / "fixtures" / "perjanjian-kinerja" / "2024"
PROVENANCE = Provenance(commit=None, dirty=False, version="uji")

SCHEDULE = "Jadwal pelaksanaan (bulan) semua aksi di tabel ini direkonstruksi, tidak disalin dari "
RECONCILED = "Pagu hasil rekonsiliasi, karena dokumen sumber tidak konsisten. "
#: The sub kegiatan whose pagu was reconciled: the two of Paskibraka (a note on each), and
#: the three under the Kewaspadaan kegiatan (one note on the kegiatan covers them).
PASKIBRAKA = ("paskibraka-pembinaan", "paskibraka-pembentukan")
KEWASPADAAN = ("kewaspadaan-koordinasi", "kewaspadaan-monev", "forkopimda")


def bidang_reason(slug: str) -> str:
    (note,) = load_yaml(PLAN / "bidang" / f"{slug}.yaml")["catatan_sumber"]
    assert (note["jenis"], note["isian"]) == ("rekonstruksi", "bulan")
    return squash(note["alasan"])


def caption(slug: str) -> str:
    return f"{SCHEDULE}dokumen sumber. {bidang_reason(slug)}"


def pk_reasons() -> dict[str, str]:
    """The reconciliation note on each sub kegiatan's pagu (its own or its kegiatan's)."""
    pk = load_yaml(PLAN / "perjanjian-kinerja.yaml")
    out = {}
    for program in pk["program"]:
        for keg in program["kegiatan"]:
            for sub in keg["sub_kegiatan"]:
                notes = [*keg.get("catatan_sumber", []), *sub.get("catatan_sumber", [])]
                if notes:
                    (note,) = notes
                    assert (note["jenis"], note["isian"]) == ("rekonsiliasi", "pagu")
                    out[sub["id"]] = RECONCILED + squash(note["alasan"])
    return out


def test_plans_2024_marks_what_the_readme_says() -> None:
    reasons = pk_reasons()
    assert sorted(reasons) == sorted((*PASKIBRAKA, *KEWASPADAAN))
    assert "Rp 200.000.000 dan Rp 1.800.000.000" in reasons["paskibraka-pembinaan"]
    assert reasons["paskibraka-pembinaan"] == reasons["paskibraka-pembentukan"]
    assert "bergeser satu baris" in reasons["forkopimda"]
    for slug in SLUGS:
        assert "Arsiran bulan" in bidang_reason(slug)


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


def check_schedule_captions(out: str, fmt: str, slug: str) -> None:
    tables = aksi_tables(out, fmt)
    assert tables
    if fmt == "html":
        assert [captions_of(t) for t in tables] == [[caption(slug)]] * len(tables)
    else:
        assert md_captions(out) == [caption(slug)] * len(tables)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_schedule_of_a_bidang_page_says_it_was_reconstructed(slug: str, fmt: str) -> None:
    check_schedule_captions(report_of_plan("--bidang", slug, "--format", fmt), fmt, slug)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_schedule_of_the_whole_document_says_it_was_reconstructed(fmt: str) -> None:
    sections = bidang_sections(report_of_plan("--format", fmt))
    assert sorted(sections) == sorted(SLUGS)
    for slug, section in sections.items():
        check_schedule_captions(section, fmt, slug)


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


@pytest.mark.parametrize("fmt", FORMATS)
def test_tabel_23_numbers_each_reconciled_pagu_and_prints_the_notes(fmt: str) -> None:
    table, notes = tabel_23(report_of_plan("--format", fmt), fmt)
    reasons = pk_reasons()
    assert pagu_refs(table) == [
        ("150.000.000", "1"),
        ("1.850.000.000", "1"),
        ("768.855.448", "2"),  # the kegiatan: its note covers its own pagu and its subs'
        ("265.225.000", "2"),
        ("106.090.000", "2"),
        ("397.540.448", "2"),
    ]
    assert notes == [
        f"{number(1, fmt)} {reasons['paskibraka-pembinaan']}",
        f"{number(2, fmt)} {reasons['forkopimda']}",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", SLUGS)
def test_bidang_pages_footnote_the_reconciled_pagu(slug: str, fmt: str) -> None:
    out = report_of_plan("--bidang", slug, "--format", fmt)
    reasons = pk_reasons()
    bidang = load_yaml(PLAN / "bidang" / f"{slug}.yaml")
    tables = aksi_notes(out, fmt)
    assert len(tables) == len(bidang["rencana_aksi"])
    for (table, notes), ren in zip(tables, bidang["rencana_aksi"], strict=True):
        reason = reasons.get(ren["sub_kegiatan"])
        if fmt == "html":  # the pagu is a cell of the table (Markdown: the line above it)
            assert [n for _, n in pagu_refs(table)] == ([] if reason is None else ["1"])
        assert notes == ([] if reason is None else [f"{number(1, fmt)} {reason}"])
    seen = plain(out, fmt)
    expected = {"ideologi": 2, "kewaspadaan": 3}.get(slug, 0)
    assert seen.count(RECONCILED) == expected


def test_markdown_pagu_lines_carry_the_number() -> None:
    out = report_of_plan("--bidang", "ideologi")
    assert "- Pagu anggaran: Rp 150.000.000¹" in out.splitlines()
    assert "- Pagu anggaran: Rp 1.850.000.000¹" in out.splitlines()
    assert "- Pagu anggaran: Rp 506.090.000" in out.splitlines()


# --- the monitoring report ----------------------------------------------------------------


@pytest.fixture(scope="module")
def monitored() -> Plan:
    result = validate([PLAN], realisasi=EXAMPLE)
    assert not result.failed()
    return result.loads[0].plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_monitoring_report_says_the_same(monitored: Plan, fmt: str) -> None:
    out = render_monitoring(monitored, 2, output_format=fmt, bidang=None, provenance=PROVENANCE)
    seen = plain(out, fmt)
    planned = "Bulan rencana semua aksi di tabel ini (dasar penilaian terlaksana dan terlewat) "
    wanted: Counter[str] = Counter()
    for slug in SLUGS:
        text = f"{planned}direkonstruksi, tidak disalin dari dokumen sumber. {bidang_reason(slug)}"
        wanted[text] += len(load_yaml(PLAN / "bidang" / f"{slug}.yaml")["rencana_aksi"])
    assert len(wanted) == 2  # Ideologi has a reason of its own; the others share one
    for text, tables in wanted.items():
        assert seen.count(text) == tables
    reasons = pk_reasons()
    assert seen.count(reasons["paskibraka-pembinaan"]) == 1  # under the Ideologi budget
    assert seen.count(reasons["forkopimda"]) == 1  # under the Kewaspadaan budget
    if fmt == "md":
        assert "| Rp 150.000.000¹ |" in out
        assert "| Rp 397.540.448¹ |" in out
    else:
        assert '150.000.000<sup class="catatan-ref">1</sup>' in out


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


@pytest.fixture
def apbn_noted(tmp_path: Path) -> Plan:
    """The APBN fixture with a note on a kegiatan divided into outputs (it marks their pagu
    too), one on one of those outputs, and one on a kegiatan that carries its own pagu."""
    folder = tmp_path / "2024"
    shutil.copytree(APBN, folder)
    pk = folder / "perjanjian-kinerja.yaml"
    _edit(
        pk,
        '        pagu: "966.661.000,00"\n',
        '        pagu: "966.661.000,00"\n        catatan_sumber:\n          - jenis: rekonsiliasi\n'
        "            isian: pagu\n            alasan: Dua tabel menulis lain\n",
    )
    _edit(
        pk,
        '            pagu: "412.500.000,00"\n            bidang: akuntabilitas\n',
        '            pagu: "412.500.000,00"\n            bidang: akuntabilitas\n'
        "            catatan_sumber:\n              - jenis: perkiraan\n"
        "                isian: pagu\n                alasan: Ditaksir dari RKA\n",
    )
    _edit(
        pk,
        '        pagu: "701.250.000,00"\n        bidang: akuntabilitas\n',
        '        pagu: "701.250.000,00"\n        bidang: akuntabilitas\n'
        "        catatan_sumber:\n          - jenis: rekonstruksi\n"
        "            isian: pagu\n            alasan: Halaman rusak\n",
    )
    result = validate([folder])
    assert result.problems == [], [str(p.location) for p in result.problems]
    return result.loads[0].plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_notes_on_apbn_kegiatan_and_outputs(apbn_noted: Plan, fmt: str) -> None:
    """Every unit that carries a pagu takes a note (an output, an APBN kegiatan), and a note
    on a kegiatan marks its outputs' pagu as it marks a pemda kegiatan's sub kegiatan."""
    out = render(apbn_noted, output_format=fmt, bidang=None, provenance=PROVENANCE)
    reconciled = (
        "Pagu hasil rekonsiliasi, karena dokumen sumber tidak konsisten. Dua tabel menulis lain."
    )
    estimated = "Pagu adalah perkiraan, tidak disalin dari dokumen sumber. Ditaksir dari RKA."
    rebuilt = "Pagu direkonstruksi, tidak disalin dari dokumen sumber. Halaman rusak."
    table, notes = tabel_23(out, fmt)
    assert pagu_refs(table) == [
        ("966.661.000", "1"),  # the kegiatan divided into outputs
        ("412.500.000", "1,2"),  # its output with a note of its own
        ("554.161.000", "1"),
        ("701.250.000", "3"),  # the kegiatan that carries its own pagu
    ]
    assert notes == [
        f"{number(1, fmt)} {reconciled}",
        f"{number(2, fmt)} {estimated}",
        f"{number(3, fmt)} {rebuilt}",
    ]
    # The bidang page: each aksi table's pagu, numbered from 1 in that table.
    page = render(apbn_noted, output_format=fmt, bidang="akuntabilitas", provenance=PROVENANCE)
    assert [n for _, n in aksi_notes(page, fmt)] == [
        [f"{number(1, fmt)} {reconciled}", f"{number(2, fmt)} {estimated}"],  # o-spip
        [f"{number(1, fmt)} {reconciled}"],  # o-audit
        [f"{number(1, fmt)} {rebuilt}"],  # k-evaluasi
    ]
    if fmt == "md":
        assert "- Pagu anggaran: Rp 412.500.000¹,²" in out.splitlines()
        assert "- Pagu anggaran: Rp 701.250.000¹" in out.splitlines()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_perjanjian_kinerja_alone_prints_its_pagu_notes(tmp_path: Path, fmt: str) -> None:
    """A folder that holds a Perjanjian Kinerja alone prints its budget in a template of its
    own: a pagu note there is printed as in Tabel 2.3."""
    folder = tmp_path / "2024"
    shutil.copytree(PK_ONLY, folder)
    _edit(
        folder / "perjanjian-kinerja.yaml",
        "            pagu: tidak tercantum\n",
        "            pagu: 125_000_000\n            catatan_sumber:\n"
        "              - jenis: perkiraan\n                isian: pagu\n"
        "                alasan: Ditaksir dari lampiran tahun lalu\n",
    )
    result = validate([folder])
    assert not result.failed(), [str(p.location) for p in result.problems]
    plan = result.loads[0].plan
    assert plan.pk_only
    out = render(plan, output_format=fmt, bidang=None, provenance=PROVENANCE)
    estimate = (
        "Pagu adalah perkiraan, tidak disalin dari dokumen sumber. "
        "Ditaksir dari lampiran tahun lalu."
    )
    assert plain(out, fmt).count(estimate) == 1
    if fmt == "md":
        assert "| Sub Kegiatan 1: Sub Kegiatan Layanan Contoh | 125.000.000¹ |" in out
        assert f"¹ {estimate}" in out.splitlines()
    else:
        assert '125.000.000<sup class="catatan-ref">1</sup>' in out


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


@pytest.mark.parametrize("fmt", FORMATS)
def test_pk_only_monitoring_notes_its_pagu(fmt: str, tmp_path: Path) -> None:
    """The budget of a Perjanjian Kinerja alone in a monitoring report: each pagu with its
    footnote, what was spent and the serapan."""
    folder = tmp_path / "2024"
    shutil.copytree(PK_ONLY, folder)
    _edit(
        folder / "perjanjian-kinerja.yaml",
        "            pagu: tidak tercantum\n",
        "            pagu: 125_000_000\n            catatan_sumber:\n"
        "              - jenis: perkiraan\n                isian: pagu\n"
        "                alasan: Ditaksir dari lampiran tahun lalu\n",
    )
    (folder / "realisasi").mkdir()
    (folder / "realisasi" / "tw1.yaml").write_text(
        "tahun: 2024\ntriwulan: 1\ntanggal: 2024-04-10\n"
        "sub_kegiatan:\n  - sub_kegiatan: layanan\n    anggaran: 30_000_000\n",
        encoding="utf-8",
    )
    result = validate([folder])
    assert not result.failed(), [str(p.location) for p in result.problems]
    plan = result.loads[0].plan
    out = render_monitoring(plan, 1, output_format=fmt, bidang=None, provenance=PROVENANCE)
    estimate = (
        "Pagu adalah perkiraan, tidak disalin dari dokumen sumber. "
        "Ditaksir dari lampiran tahun lalu."
    )
    assert plain(out, fmt).count(estimate) == 1
    if fmt == "md":
        row = "| 1 | Sub Kegiatan Layanan Contoh | Rp 125.000.000¹ | Rp 30.000.000 | 24,00% |"
        assert row in out.splitlines()
        assert f"¹ {estimate}" in out.splitlines()
        assert "| No | SUB KEGIATAN | Pagu | Realisasi | Serapan |" in out
    else:
        assert 'Rp 125.000.000<sup class="catatan-ref">1</sup>' in out
        assert '<td class="num">24,00%</td>' in out
