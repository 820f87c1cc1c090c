"""The monitoring report (``renaksi report --triwulan N``): golden files, numbers, CLI.

The fixture ``tests/fixtures/monitoring/2024`` has an indicator for every capaian branch
(see its README); its report is golden-tested in both formats, whole and for one bidang.
After an intended change::

    .venv/bin/pytest tests/test_monitoring_report.py --update-golden
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.monitoring.capaian import Status, Verdict
from renaksi.plan.folder import Plan
from renaksi.plan.periods import Period
from renaksi.report.pemantauan import CapaianRow, PemantauanView, pemantauan_view
from renaksi.report.render import render_monitoring
from renaksi.rules.check import validate
from test_golden import GOLDEN, PROVENANCE, diff

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "monitoring" / "2024"
#: Annual-only, ordinal, distribution, zero-tolerance and capped targets, reported per
#: semester I, up to a date and for the year (tests/fixtures/targets/2024/README.md).
TARGETS = ROOT / "tests" / "fixtures" / "targets" / "2024"
S1, AS_OF, YEAR = (
    Period("semester", 1),
    Period("sampai", until=dt.date(2024, 10, 31)),
    Period("tahunan"),
)
PLAN = ROOT / "plans" / "2024"
EXAMPLE = ROOT / "examples" / "realisasi-2024"

#: (golden name, plan, realisasi folder, quarter or period, bidang, format)
Case = tuple[str, Path, Path | None, int | Period, str | None, str]
FORMATS = ("md", "html")
CASES: list[Case] = [
    *[(f"pemantauan-fixture-tw3.{fmt}", FIXTURE, None, 3, None, fmt) for fmt in FORMATS],
    *[(f"pemantauan-fixture-tw1-alpha.{fmt}", FIXTURE, None, 1, "alpha", fmt) for fmt in FORMATS],
    *[(f"pemantauan-fixture-tw4.{fmt}", FIXTURE, None, 4, None, fmt) for fmt in FORMATS],
    *[(f"pemantauan-target-s1.{fmt}", TARGETS, None, S1, None, fmt) for fmt in FORMATS],
    ("pemantauan-target-sd-2024-10-31.md", TARGETS, None, AS_OF, None, "md"),
    *[(f"pemantauan-target-tahunan.{fmt}", TARGETS, None, YEAR, None, fmt) for fmt in FORMATS],
]
EXAMPLE_CASES: list[Case] = [
    *[(f"pemantauan-contoh-tw2.{fmt}", PLAN, EXAMPLE, 2, None, fmt) for fmt in FORMATS],
    *[
        (f"pemantauan-contoh-tw3-politik.{fmt}", PLAN, EXAMPLE, 3, "politik", fmt)
        for fmt in FORMATS
    ],
]
ALL_CASES = CASES + EXAMPLE_CASES


@cache
def loaded(folder: Path, realisasi: Path | None) -> Plan:
    result = validate([folder], realisasi=realisasi)
    assert not result.failed(), [str(p.location) for p in result.problems]
    return result.loads[0].plan


def rendered(
    folder: Path, realisasi: Path | None, q: int | Period, bidang: str | None, fmt: str
) -> str:
    return render_monitoring(
        loaded(folder, realisasi), q, output_format=fmt, bidang=bidang, provenance=PROVENANCE
    )


@pytest.mark.parametrize(
    ("name", "folder", "realisasi", "q", "bidang", "fmt"),
    ALL_CASES,
    ids=[c[0] for c in ALL_CASES],
)
def test_golden(
    name: str,
    folder: Path,
    realisasi: Path | None,
    q: int | Period,
    bidang: str | None,
    fmt: str,
    update_golden: bool,
) -> None:
    actual = rendered(folder, realisasi, q, bidang, fmt)
    path = GOLDEN / name
    if update_golden:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing; run pytest {__file__} --update-golden"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        pytest.fail(
            f"{name} differs from the golden file (if intended, run pytest "
            f"tests/test_monitoring_report.py --update-golden and review the diff):\n"
            + diff(expected, actual, name),
            pytrace=False,
        )


def test_no_stray_monitoring_golden_files() -> None:
    ours = sorted(p.name for p in GOLDEN.iterdir() if p.name.startswith("pemantauan-"))
    assert ours == sorted(c[0] for c in ALL_CASES)


# --- the numbers of the fixture ---------------------------------------------------------


def view(q: int, bidang: str | None = None) -> PemantauanView:
    return pemantauan_view(loaded(FIXTURE, None), q, bidang=bidang)


def pk_row(doc: PemantauanView, ident: str):  # type: ignore[no-untyped-def]
    return next(r for r in doc.pk if r.indikator.id == ident)


def test_every_capaian_branch_reaches_the_report() -> None:
    tw1, tw2, tw3 = view(1), view(2), view(3)
    # Higher is better, over-achieved in Triwulan II: 2,5 / 2 = 125%.
    assert pk_row(tw2, "pk-1").progress.quarter.capaian == Decimal(125)
    # ... under-achieved in Triwulan III: 1,5 / 3 = 50%; to date 5 / 6 = 83,33%.
    assert pk_row(tw3, "pk-1").progress.quarter.capaian == Decimal(50)
    assert round(pk_row(tw3, "pk-1").progress.to_date.capaian or 0, 2) == Decimal("83.33")
    assert pk_row(tw3, "pk-1").band is not None
    assert pk_row(tw3, "pk-1").band.name == "Tinggi"
    # Lower is better with a realisasi of 0: (2 - 0 / 2) x 100 = 200%.
    assert pk_row(tw1, "pk-6").progress.quarter.capaian == Decimal(200)
    # Lower is better, far worse than the target: never below 0.
    assert pk_row(tw3, "pk-2").progress.quarter.capaian == Decimal(0)
    # Lower is better, cumulative, met exactly: 4 against 4 = 100%.
    assert pk_row(tw2, "pk-2").progress.to_date.capaian == Decimal(100)
    # Higher is better with a target of 0 so far: not assessable.
    for doc in (tw1, tw2):
        assert pk_row(doc, "pk-4").progress.to_date.status is Status.TARGET_NOL
    # Lower is better with a target of 0 (zero tolerance): 0 is achieved (100%), anything
    # above 0 is not (0%, the lowest category).
    assert pk_row(tw1, "pk-5").progress.quarter.capaian == Decimal(100)
    assert pk_row(tw3, "pk-5").progress.quarter.capaian == Decimal(0)
    assert pk_row(tw3, "pk-5").progress.to_date.verdict is Verdict.BELUM_TERCAPAI
    assert pk_row(tw3, "pk-5").band is not None
    assert pk_row(tw3, "pk-5").band.name == "Sangat Rendah"
    # Target 0 in Triwulan I-II, then 3: to date 4 against 3.
    assert round(pk_row(tw3, "pk-4").progress.to_date.capaian or 0, 2) == Decimal("133.33")
    # Not reported in Triwulan II: that quarter is "belum dilaporkan", and the year to
    # date of a 'tetap' indicator cannot be worked out in Triwulan III.
    assert pk_row(tw2, "pk-3").progress.quarter.status is Status.BELUM_LAPOR
    assert pk_row(tw3, "pk-3").progress.to_date.status is Status.TIDAK_LENGKAP


def test_serapan_and_output_are_judged_at_the_end_of_the_year() -> None:
    section = view(4).sections[0]
    sub_a, sub_b = (r.progress for r in section.subs)
    assert sub_a.serapan == Decimal(100)
    assert sub_a.serapan_band is not None
    assert sub_a.serapan_band.name == "Sangat Tinggi"
    assert sub_b.serapan == Decimal(75)
    assert sub_b.serapan_band is not None
    assert sub_b.serapan_band.name == "Sedang"
    assert sub_a.keluaran_capaian == Decimal(110)
    # Lower is better, cumulative: 14 cases against 8 = (2 - 1,75) x 100 = 25%.
    assert pk_row(view(4), "pk-2").progress.to_date.capaian == Decimal(25)
    md = rendered(FIXTURE, None, 4, None, "md")
    assert "| Rp 200.000.000 | Rp 150.000.000 | 75,00% | Sedang |" in md
    assert "kategorinya baru dinilai pada Triwulan IV" not in md


def test_spending_and_aksi() -> None:
    section = view(3).sections[0]
    sub_b = section.subs[1].progress
    assert sub_b.spent == 150_000_000
    assert sub_b.serapan == Decimal(75)
    assert sub_b.serapan_band is None  # judged only in Triwulan IV
    assert section.spent == 245_000_000
    monitoring = sub_b.aksi[0]
    # Planned Mrt, Jun, Sep, Des; done Apr (late), Jun, Sep.
    assert monitoring.months[2:9] == (
        "terlewat",
        "tambahan",
        "",
        "terlaksana",
        "",
        "",
        "terlaksana",
    )
    assert monitoring.months[11] == "rencana"
    assert (monitoring.done, monitoring.missed) == (3, 1)


def test_a_bidang_report_shows_only_its_part() -> None:
    doc = view(1, "alpha")
    assert [s.slug for s in doc.sections] == ["alpha"]
    # The PK indicators its programs support (pk-1), not the others.
    assert [r.indikator.id for r in doc.pk] == ["pk-1"]


def test_html_is_self_contained_and_escapes_plan_text() -> None:
    html = rendered(FIXTURE, None, 1, None, "html")
    assert "<script" not in html
    assert "<svg" in html
    assert "<title>Target dan realisasi per triwulan" in html
    assert "Ditunda ke April karena &lt;Pemilu&gt; &amp; rapat pleno" in html
    assert "<Pemilu>" not in html
    md = rendered(FIXTURE, None, 1, None, "md")
    assert "<Pemilu>" not in md


def test_the_chart_scales_bars_to_the_largest_value() -> None:
    row = pk_row(view(3), "pk-2")
    chart = row.chart
    bars = {(b.kind, b.x): b for b in chart.bars}
    tallest = max(b.height for b in chart.bars)
    assert tallest == max(b.height for b in bars.values() if "13" in b.value)
    # Quarter IV is not reported: only its target bar is drawn.
    assert len(chart.bars) == 7
    assert all(b.y + b.height == chart.baseline for b in chart.bars)


# --- the command ------------------------------------------------------------------------

runner = CliRunner()


def test_cli_prints_the_monitoring_report() -> None:
    result = runner.invoke(app, ["report", str(FIXTURE), "--triwulan", "3"])
    assert result.exit_code == 0, result.output
    assert "LAPORAN PEMANTAUAN RENCANA AKSI KINERJA TRIWULAN III TAHUN 2024" in result.output
    assert "| 2 | Jumlah kasus konflik sosial (makin rendah makin baik) | 6 kasus |" in (
        result.output
    )


def test_cli_writes_html_atomically(tmp_path: Path) -> None:
    out = tmp_path / "tw2.html"
    result = runner.invoke(
        app, ["report", str(FIXTURE), "-t", "2", "-b", "alpha", "-f", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "TRIWULAN II TAHUN 2024" in out.read_text("utf-8")


def test_a_quarter_without_its_file_is_a_usage_error() -> None:
    result = runner.invoke(
        app, ["report", str(PLAN), "--realisasi", str(EXAMPLE), "--triwulan", "4"]
    )
    assert result.exit_code == 2
    assert "realisasi Triwulan IV belum ada: tambahkan" in result.output
    assert "tw4.yaml" in result.output


@pytest.mark.parametrize("q", ["0", "5", "dua"])
def test_a_quarter_out_of_range_is_a_usage_error(q: str) -> None:
    result = runner.invoke(app, ["report", str(FIXTURE), "--triwulan", q])
    assert result.exit_code == 2


def test_realisasi_errors_block_the_report_unless_forced(tmp_path: Path) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(FIXTURE, plan)
    tw2 = plan / "realisasi" / "tw2.yaml"
    tw2.write_text(tw2.read_text("utf-8").replace("90_000_000", "290_000_000"), "utf-8")
    blocked = runner.invoke(app, ["report", str(plan), "-t", "2"])
    assert blocked.exit_code == 1
    assert "RL05" in blocked.output
    forced = runner.invoke(app, ["report", str(plan), "-t", "2", "--force"])
    assert forced.exit_code == 0
    assert "RL05" in forced.output
    assert "PERINGATAN" in forced.output
    # The realisasi file itself is never modified.
    assert "290_000_000" in tw2.read_text("utf-8")


def test_realisasi_from_another_folder(tmp_path: Path) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(FIXTURE, plan)
    shutil.move(plan / "realisasi", tmp_path / "elsewhere")
    missing = runner.invoke(app, ["report", str(plan), "-t", "1"])
    assert missing.exit_code == 2
    found = runner.invoke(
        app, ["report", str(plan), "-t", "1", "--realisasi", str(tmp_path / "elsewhere")]
    )
    assert found.exit_code == 0, found.output
    checked = runner.invoke(
        app, ["validate", str(plan), "--realisasi", str(tmp_path / "elsewhere")]
    )
    assert checked.exit_code == 0
    assert "RL10" in checked.output  # read: pk-3 is missing from Triwulan II
    nowhere = runner.invoke(app, ["validate", str(plan), "--realisasi", str(tmp_path / "no")])
    assert nowhere.exit_code == 2
    assert "folder realisasi tidak ada" in nowhere.output


def test_realisasi_option_takes_one_plan_folder(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["validate", str(FIXTURE), str(FIXTURE), "--realisasi", str(FIXTURE / "realisasi")]
    )
    assert result.exit_code == 2
    assert "hanya untuk satu folder rencana" in result.output


def test_a_custom_scale_and_threshold_are_used_everywhere(tmp_path: Path) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(FIXTURE, plan)
    instansi = plan / "instansi.yaml"
    instansi.write_text(
        instansi.read_text("utf-8")
        + "pemantauan:\n  skala:\n    - {mulai: 80, nama: Baik}\n"
        + "    - {mulai: 0, nama: Kurang}\n  ambang_penjelasan: 80\n",
        "utf-8",
    )
    result = runner.invoke(app, ["report", str(plan), "-t", "3"])
    assert result.exit_code == 0, result.output
    assert "**Kategori capaian:** Baik ≥ 80%; Kurang ≥ 0%." in result.output
    assert "Capaian di bawah 80% wajib dijelaskan" in result.output
    assert "| 83,33% | Baik |" in result.output


def test_the_documented_example_output_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "pemantauan.md").read_text("utf-8")
    found = re.findall(r"<!-- diuji: renaksi ([^\n]+?) -->\n```text\n(.*?)```", text, re.S)
    assert len(found) == 1
    command, shown = found[0]
    result = runner.invoke(app, command.split())
    assert result.exit_code == 0, result.output
    lines = [line for line in shown.splitlines() if line]
    assert len(lines) >= 3
    for line in lines:
        assert line in result.output.splitlines(), line


def test_the_documented_default_scale_is_the_one_used() -> None:
    from renaksi.monitoring.capaian import DEFAULT_SCALE

    text = (ROOT / "docs" / "pemantauan.md").read_text("utf-8")
    rows = re.findall(r"^\| (\d+)% \| ([A-Za-z ]+) \|$", text, re.M)
    assert [(Decimal(a), b) for a, b in rows] == [(b.start, b.name) for b in DEFAULT_SCALE.bands]


# --- what the review found ----------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    plan = tmp_path / "2024"
    shutil.copytree(FIXTURE, plan)
    return plan


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def test_absurdly_large_realisasi_never_crashes(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    tw1 = plan / "realisasi" / "tw1.yaml"
    # The largest values a quantity may have (SC08 refuses 10^15 and more).
    _edit(
        tw1,
        "  - id: pk-5\n    realisasi: 0\n",
        "  - id: pk-5\n    realisasi: 999_999_999_999_999\n",
    )
    _edit(
        tw1,
        "  - id: pk-1\n    realisasi: 1\n",
        "  - id: pk-1\n    realisasi: -999_999_999_999_999\n",
    )
    checked = runner.invoke(app, ["validate", str(plan)])
    assert checked.exit_code == 1, checked.output
    assert "realisasi pk-1 tidak boleh negatif, ditemukan -999.999.999.999.999%" in (
        checked.output.replace("\n", " ")
    )
    forced = runner.invoke(app, ["report", str(plan), "-t", "1", "-f", "html", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "999999999999999 kasus" in forced.output


def test_output_is_never_written_into_the_realisasi_folder(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    elsewhere = tmp_path / "real"
    shutil.move(plan / "realisasi", elsewhere)
    before = (elsewhere / "tw1.yaml").read_bytes()
    result = runner.invoke(
        app,
        [
            "report",
            str(plan),
            "-t",
            "1",
            "--realisasi",
            str(elsewhere),
            "-o",
            str(elsewhere / "tw1.yaml"),
        ],
    )
    assert result.exit_code == 2
    assert (elsewhere / "tw1.yaml").read_bytes() == before


def test_an_aksi_nobody_reported_on_is_not_called_missed(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    _edit(
        plan / "realisasi" / "tw1.yaml",
        "    aksi:\n      - no: 1\n        bulan: [1, 2]\n",
        "",
    )
    result = runner.invoke(app, ["report", str(plan), "-t", "1", "-b", "alpha"])
    assert result.exit_code == 0, result.output
    assert "| 1 | Rapat internal | ? | ? |" in result.output
    assert "0 bulan; 2 belum dilaporkan" in result.output


def test_findings_print_capaian_like_the_report(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    _edit(
        plan / "realisasi" / "tw3.yaml",
        "    faktor_penghambat: Peserta sosialisasi berkurang menjelang Pilkada\n",
        "",
    )
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    assert "capaian pk-1 50,00% di bawah ambang 100%; tulis faktor_penghambat" in " ".join(
        result.output.split()
    )


# --- what the second review found ---------------------------------------------------------


def test_a_long_flow_line_of_findings_prints_a_bounded_excerpt(tmp_path: Path) -> None:
    # 3000 repeated entries on one line: each finding shows a window of the line, not the
    # whole 75 KB line (which once made the text output grow with the square of it).
    plan = _copy(tmp_path)
    entries = ",".join("{id: pk-1, realisasi: 1}" for _ in range(3000))
    (plan / "realisasi" / "tw4.yaml").write_text(f"triwulan: 4\nindikator: [{entries}]\n", "utf-8")
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    assert len(result.output) < 3_000_000
    assert max(len(line) for line in result.output.splitlines()) < 400
    assert "…" in result.output


def test_control_characters_from_yaml_escapes_are_shown_not_obeyed(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    _edit(
        plan / "realisasi" / "tw1.yaml",
        'catatan: "Angka rekaan untuk pengujian."',
        'catatan: "Angka\\x00 \\e[31mrekaan\\a"',
    )
    for fmt in ("md", "html"):
        result = runner.invoke(app, ["report", str(plan), "-t", "1", "-f", fmt])
        assert result.exit_code == 0, result.output
        assert "\x00" not in result.output
        assert "\x1b" not in result.output
        assert "\x07" not in result.output
        assert "U+001B" in result.output


def test_a_realisasi_folder_linking_out_of_the_plan_is_refused(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "tw1.yaml").write_text("root:x:0:0:RAHASIA:/root:/bin/bash\n", "utf-8")
    shutil.rmtree(plan / "realisasi")
    (plan / "realisasi").symlink_to(outside, target_is_directory=True)
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 2
    assert "tautan simbolik ke luar folder rencana" in result.output
    assert "RAHASIA" not in result.output


# --- targets that are not four quarterly numbers, and other periods ----------------------


def target_row(period: Period, ident: str) -> CapaianRow:
    doc = pemantauan_view(loaded(TARGETS, None), period)
    rows = [*doc.pk, *(r for section in doc.sections for r in section.indikator)]
    return next(r for r in rows if r.indikator.id == ident)


@pytest.mark.parametrize(
    ("period", "ident", "target", "shown"),
    [
        # Annual-only: shown with the realisasi to date, judged at the year's end.
        (S1, "ikk-1", "80%", "| 80% | 35% | dinilai pada akhir tahun (target tahunan) | - |"),
        (YEAR, "ikk-1", "80%", "| 80% | 82% | 102,50% | Sangat Tinggi |"),
        # Ordinal: a verdict and the rank difference, never a percentage.
        (
            YEAR,
            "ikk-2",
            "Level 3",
            "| Level 3 | Level 4 | tercapai (1 tingkat di atas target) | - |",
        ),
        (YEAR, "alpha-1", "BB", "| BB | A | tercapai (1 tingkat di atas target) | - |"),
        # A distribution without a direction: as written, not judged.
        (
            YEAR,
            "ikk-3",
            "Level 1: 33%; Level 2: 50%; Level 3: 17%",
            "| Level 1: 30%; Level 2: 50%; Level 3: 20% | tidak dapat dinilai (arah tidak "
            "tercantum) | - |",
        ),
        # Zero tolerance holds all year: 0 in semester I is 100%, 0,5 up to October is 0%.
        (S1, "ikk-4", "0%", "| 0% | 0% | 100,00% | Sangat Tinggi |"),
        (AS_OF, "ikk-4", "0%", "| 0% | 0,5% | 0,00% | Sangat Rendah |"),
        # A cap holds all year too, as a verdict.
        (S1, "ikk-5", "maks. 1%", "| maks. 1% | 0,8% | tercapai | - |"),
        (AS_OF, "ikk-5", "maks. 1%", "| maks. 1% | 1,2% | belum tercapai | - |"),
        # Quarterly targets: in force up to the quarter the period ends in.
        (S1, "ikk-6", "6 laporan", "| 6 laporan | 5 laporan | 83,33% | Tinggi |"),
        (AS_OF, "ikk-6", "12 laporan", "| 12 laporan | 10 laporan | 83,33% | Tinggi |"),
        # No direction stated: met only when equal.
        (YEAR, "ikk-7", "3,5 indeks", "| 3,5 indeks | 3,5 indeks | tercapai | - |"),
    ],
)
def test_verdicts_and_targets_in_force(period: Period, ident: str, target: str, shown: str) -> None:
    row = target_row(period, ident)
    assert row.progress.quarter is None
    md = rendered(TARGETS, None, period, None, "md")
    line = next(x for x in md.splitlines() if x.startswith("| ") and row.indikator.nama in x)
    assert line.endswith(shown), line
    assert f"| {target} |" in line
    html = rendered(TARGETS, None, period, None, "html")
    cell = row.progress.to_date.note or "%"
    assert cell in html


def test_period_headings() -> None:
    assert "KINERJA SEMESTER I TAHUN 2024" in rendered(TARGETS, None, S1, None, "md")
    assert "KINERJA S.D. 31 OKTOBER 2024\n" in rendered(TARGETS, None, AS_OF, None, "md")
    year = rendered(TARGETS, None, YEAR, None, "html")
    assert "<title>Pemantauan Rencana Aksi Tahunan 2024</title>" in year
    assert "<div>TAHUN 2024</div>" in year
    assert "<caption>Capaian Indikator Perjanjian Kinerja Tahun 2024</caption>" in year
    # Serapan is judged at the year's end, whatever the file.
    assert "Sangat Tinggi</span></td>" in year
    assert "kategorinya baru dinilai pada akhir tahun" in rendered(TARGETS, None, S1, None, "md")


def test_report_of_a_period_from_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["report", str(TARGETS), "--periode", "sd-2024-10-31"])
    assert shown.exit_code == 0, shown.output
    # The same page (but for the footer naming the revision).
    expected = rendered(TARGETS, None, AS_OF, None, "md")
    assert shown.output.split("<sub>")[0] == expected.split("<sub>")[0]
    both = runner.invoke(app, ["report", str(TARGETS), "--periode", "s1", "--triwulan", "2"])
    assert both.exit_code == 2
    assert "pilih --triwulan atau --periode, tidak keduanya" in both.output
    odd = runner.invoke(app, ["report", str(TARGETS), "--periode", "s2"])
    assert odd.exit_code == 2
    assert "periode s2 tidak dikenal" in odd.output
    missing = runner.invoke(app, ["report", str(TARGETS), "--triwulan", "1"])
    assert missing.exit_code == 2
    assert "realisasi Triwulan I belum ada: tambahkan" in missing.output
    folder = tmp_path / "2024"
    shutil.copytree(TARGETS, folder)
    (folder / "realisasi" / "s1.yaml").unlink()
    gone = runner.invoke(app, ["report", str(folder), "--periode", "s1"])
    assert gone.exit_code == 2
    assert "realisasi Semester I belum ada: tambahkan" in gone.output
    assert "s1.yaml" in gone.output


QUARTER_ONE = """triwulan: 1
indikator:
  - id: ikk-1
    realisasi: 20
  - id: ikk-2
    realisasi: Level 2
  - id: ikk-5
    realisasi: "1,5"
    faktor_penghambat: Gangguan jaringan
    upaya_perbaikan: Jaringan cadangan
  - id: ikk-6
    realisasi: 2
"""


def test_quarter_report_of_annual_only_targets(tmp_path: Path) -> None:
    # The same plan reported per quarter: an annual-only target has no quarter target, and
    # the year to date shows the annual target, judged at the year's end (a cap at once).
    folder = tmp_path / "2024"
    shutil.copytree(TARGETS, folder)
    for old in (folder / "realisasi").iterdir():
        old.unlink()
    (folder / "realisasi" / "tw1.yaml").write_text(QUARTER_ONE, encoding="utf-8")
    plan = validate([folder]).loads[0].plan
    md = render_monitoring(plan, 1, output_format="md", bidang=None, provenance=PROVENANCE)
    lines = md.splitlines()

    def row(start: str) -> str:
        return next(x for x in lines if x.startswith(start))

    assert row("| 1 | Persentase layanan").endswith(
        "| - | 20% | tanpa target triwulan | 80% | 20% | dinilai pada akhir tahun (target "
        "tahunan) | - |"
    )
    assert row("| 2 | Tingkat maturitas").endswith(
        "| - | Level 2 | tanpa target triwulan | Level 3 | Level 2 | dinilai pada akhir tahun "
        "(target tahunan) | - |"
    )
    assert row("| 5 | Persentase gangguan").endswith(
        "| - | 1,5% | tanpa target triwulan | maks. 1% | 1,5% | belum tercapai | - |"
    )
    assert row("| 6 | Jumlah laporan").endswith(
        "| 2 laporan | 2 laporan | 100,00% | 2 laporan | 2 laporan | 100,00% | Sangat Tinggi |"
    )
    # The quarters table: a dash where the document states no quarter target.
    assert "| 1 | - | 20% | - | - | - | - | - | - |" in lines
    assert "| 6 | 2 laporan | 2 laporan | 4 laporan | - | 3 laporan | - | 3 laporan | - |" in lines
    html = render_monitoring(plan, 1, output_format="html", bidang=None, provenance=PROVENANCE)
    # Bars only for numbers: ikk-1 has a realisasi bar and no target bar.
    assert "<title>realisasi Triw I: 20%</title>" in html
    assert "<title>realisasi Triw I: Level 2</title>" not in html


def test_rencana_aksi_prints_targets_as_written() -> None:
    # The plan document itself: a scale value and a distribution as written, and a dash
    # for each quarter the document states no target for (never 0/0/0/T).
    from renaksi.report.render import render

    plan = loaded(TARGETS, None)
    md = render(plan, output_format="md", bidang=None, provenance=PROVENANCE)
    lines = md.splitlines()
    assert (
        "| 2 | Sasaran contoh | Tingkat maturitas penyelenggaraan SPIP | Level 3 | - | - | - | - |"
        in lines
    )
    assert (
        "| 3 | Sasaran contoh | Sebaran unit kerja menurut tingkat maturitas manajemen risiko "
        "| Level 1: 33%; Level 2: 50%; Level 3: 17% | - | - | - | - |"
    ) in lines
    assert (
        "| 6 | Sasaran contoh | Jumlah laporan pengawasan | 12 laporan | 2 laporan | 4 laporan "
        "| 3 laporan | 3 laporan |"
    ) in lines
    assert "| 1 | Sasaran contoh | Predikat evaluasi kinerja bidang | - | - | - | - |" in lines
    page = render(plan, output_format="html", bidang="alpha", provenance=PROVENANCE)
    assert '<td>Predikat evaluasi kinerja bidang</td><td class="num">-</td>' in page
