"""The monitoring formulas, pinned with worked numbers (exact Decimal, no float).

Capaian (``renaksi.monitoring.capaian``): higher-is-better and lower-is-better, target 0, the
year-to-date combination per ``cara_gabung``, missing quarters, the category scale and its
rounding, serapan. Then the monitoring state built on them (``renaksi.monitoring.state``): the
plan's own scale and threshold, indicator progress, and the month states of each aksi.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from renaksi.monitoring import state
from renaksi.monitoring.capaian import (
    DEFAULT_SCALE,
    DEFAULT_THRESHOLD,
    STATUS_TEXT,
    Assessment,
    Judging,
    Scale,
    Status,
    Verdict,
    assess,
    capaian,
    quarter_and_to_date,
    serapan,
    to_date,
)
from renaksi.plan.folder import Plan
from renaksi.plan.load import load_plan
from renaksi.plan.model import RealisasiFile
from renaksi.plan.periods import Period
from renaksi.plan.values import TIDAK_TERCANTUM
from renaksi.text.formats import rounded

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "base" / "2024"
D = Decimal

#: pk-1 of plans/2024: "Persentase jumlah masyarakat ... wawasan kebangsaan".
PK1_TARGETS = [D("1.56"), D("1.64"), D("12.98"), D("12.99")]


def name(percent: Decimal, scale: Scale = DEFAULT_SCALE) -> str:
    """The category name of ``percent`` on ``scale``."""
    return scale.category(percent).name


# --- capaian: arah naik -------------------------------------------------------------------


def test_naik_is_realisasi_over_target() -> None:
    # 1,60% against the Triwulan I target 1,56% of pk-1.
    value = capaian(D("1.60"), D("1.56"), "naik")
    assert value == D("102.5641025641025641025641026")
    assert rounded(value) == D("102.56")
    assert name(value) == "Sangat Tinggi"
    assert DEFAULT_SCALE.category(value).level == 1


def test_naik_below_target() -> None:
    value = capaian(D("1.80"), D("2.25"), "naik")
    assert value == D("80")
    assert name(value) == "Tinggi"


def test_naik_over_achievement_is_not_capped() -> None:
    value = capaian(D(12), D(10), "naik")
    assert value == D("120")
    assert rounded(value) == D("120.00")
    assert name(value) == "Sangat Tinggi"


def test_naik_nothing_realised_is_zero() -> None:
    value = capaian(D(0), D(10), "naik")
    assert value == D(0)
    band = DEFAULT_SCALE.category(D(0))
    assert (band.name, band.level) == ("Sangat Rendah", 5)


def test_unknown_arah_counts_as_naik() -> None:
    # The model only admits naik/turun; anything but "turun" is the plain ratio.
    assert capaian(D(3), D(4), "naik") == D(75)


# --- capaian: arah turun ------------------------------------------------------------------


def test_turun_normal() -> None:
    # 3 cases against a target of at most 4: (2 - 3/4) x 100.
    value = capaian(D(3), D(4), "turun")
    assert value == D("125.00")
    assert name(value) == "Sangat Tinggi"


def test_turun_exactly_on_target_and_above() -> None:
    assert capaian(D(4), D(4), "turun") == D(100)
    assert capaian(D(5), D(4), "turun") == D("75.00")
    assert name(D("75.00")) == "Sedang"
    assert capaian(D(7), D(4), "turun") == D("25.00")


def test_turun_nothing_realised_is_200() -> None:
    assert capaian(D(0), D(4), "turun") == D(200)


@pytest.mark.parametrize("realisasi", [D(8), D(9), D(100)])
def test_turun_far_above_target_is_floored_at_zero(realisasi: Decimal) -> None:
    # 9 against 4 would be (2 - 2,25) x 100 = -25: floored at 0, never negative.
    value = capaian(realisasi, D(4), "turun")
    assert value == D(0)
    assert value is not None
    assert value >= 0
    assert name(value) == "Sangat Rendah"


# --- target 0 -----------------------------------------------------------------------------


@pytest.mark.parametrize("realisasi", [D(0), D(5)])
def test_target_zero_higher_is_better_cannot_be_assessed(realisasi: Decimal) -> None:
    assert capaian(realisasi, D(0), "naik") is None
    found = assess(D(0), realisasi, "naik", DEFAULT_SCALE, missing=Status.BELUM_LAPOR)
    assert found == Assessment(D(0), realisasi, None, Status.TARGET_NOL, None)
    assert found.note == "belum dapat dinilai (target 0)"


def test_target_zero_lower_is_better_met_by_zero() -> None:
    # Zero tolerance (gratifikasi, pungli): 0 cases against a target of 0 is achieved.
    assert capaian(D(0), D(0), "turun") == D(100)
    found = assess(D(0), D(0), "turun", DEFAULT_SCALE, missing=Status.BELUM_LAPOR)
    assert (found.capaian, found.status, found.verdict) == (
        D(100),
        Status.DINILAI,
        Verdict.TERCAPAI,
    )
    assert found.band is DEFAULT_SCALE.bands[0]


@pytest.mark.parametrize("realisasi", [D("0.5"), D(1), D(40)])
def test_target_zero_lower_is_better_missed_by_anything_above_zero(realisasi: Decimal) -> None:
    # 0,5% pungli against a target of 0%: not achieved, 0%, the lowest category, and so
    # below any explanation threshold (RL07).
    assert capaian(realisasi, D(0), "turun") == D(0)
    found = assess(D(0), realisasi, "turun", DEFAULT_SCALE, missing=Status.BELUM_LAPOR)
    assert (found.capaian, found.verdict) == (D(0), Verdict.BELUM_TERCAPAI)
    assert found.band is DEFAULT_SCALE.bands[-1]
    assert found.band.name == "Sangat Rendah"


def test_target_written_as_zero_decimals_is_zero() -> None:
    assert capaian(D(1), D("0.00"), "naik") is None


def test_assess_normal_and_missing() -> None:
    found = assess(D(10), D(12), "naik", DEFAULT_SCALE, missing=Status.BELUM_LAPOR)
    assert found.status is Status.DINILAI
    assert found.capaian == D(120)
    assert found.band is DEFAULT_SCALE.bands[0]
    assert found.note == ""
    absent = assess(D(10), None, "naik", DEFAULT_SCALE, missing=Status.TIDAK_LENGKAP)
    assert absent == Assessment(D(10), None, None, Status.TIDAK_LENGKAP, None)
    assert absent.note == STATUS_TEXT[Status.TIDAK_LENGKAP]


def test_status_texts() -> None:
    assert STATUS_TEXT == {
        Status.DINILAI: "",
        Status.PUTUSAN: "",
        Status.TARGET_NOL: "belum dapat dinilai (target 0)",
        Status.BELUM_LAPOR: "belum dilaporkan",
        Status.TIDAK_LENGKAP: "belum dapat dihitung (ada triwulan yang belum dilaporkan)",
        Status.ARAH_TIDAK_TERCANTUM: "tidak dapat dinilai (arah tidak tercantum)",
        Status.TIDAK_SEBANDING: "tidak dapat dinilai (realisasi tidak sebanding dengan target)",
        Status.AKHIR_TAHUN: "dinilai pada akhir tahun (target tahunan)",
        Status.TANPA_TARGET_TRIWULAN: "tanpa target triwulan",
        Status.TANPA_TARGET: "tidak dapat dinilai (target tidak ditulis)",
        Status.TARGET_TIDAK_TERCANTUM: "tidak dapat dinilai (target tidak tercantum)",
    }


# --- year to date -------------------------------------------------------------------------


def test_to_date_jumlah_adds_up() -> None:
    assert to_date("jumlah", PK1_TARGETS, 1) == D("1.56")
    assert to_date("jumlah", PK1_TARGETS, 2) == D("3.20")
    assert to_date("jumlah", PK1_TARGETS, 3) == D("16.18")
    # The four quarters make the annual target of pk-1.
    assert to_date("jumlah", PK1_TARGETS, 4) == D("29.17")


def test_to_date_kumulatif_is_the_last() -> None:
    running = [D(10), D(25), D(60), D(100)]
    assert [to_date("kumulatif", running, q) for q in range(1, 5)] == running


def test_to_date_tetap_is_the_average() -> None:
    assert to_date("tetap", [D(80), D(80), D(80), D(80)], 4) == D(80)
    assert to_date("tetap", [D(70), D(80), D(90)], 3) == D(80)
    assert to_date("tetap", [D(1), D(2), D(2)], 3) == D("1.666666666666666666666666667")
    # Only quarters 1..q count, whatever follows.
    assert to_date("tetap", [D(70), D(90), D(0), D(0)], 2) == D(80)


def both(
    targets: list[Decimal],
    realised: dict[int, Decimal],
    q: int,
    cara_gabung: str = "jumlah",
    arah: str = "naik",
) -> tuple[Assessment, Assessment]:
    """quarter_and_to_date on the default scale."""
    return quarter_and_to_date(
        targets=targets,
        realised=realised,
        q=q,
        cara_gabung=cara_gabung,
        arah=arah,
        scale=DEFAULT_SCALE,
    )


def test_quarter_and_to_date_jumlah() -> None:
    quarter, ytd = both(PK1_TARGETS, {1: D("1.60"), 2: D("1.64")}, 2)
    assert (quarter.target, quarter.realisasi, quarter.capaian) == (D("1.64"), D("1.64"), D(100))
    assert quarter.status is Status.DINILAI
    # (1,60 + 1,64) / (1,56 + 1,64) = 3,24 / 3,20
    assert (ytd.target, ytd.realisasi, ytd.capaian) == (D("3.20"), D("3.24"), D("101.25"))
    assert ytd.band is not None
    assert ytd.band.name == "Sangat Tinggi"


def test_quarter_and_to_date_turun() -> None:
    quarter, ytd = both([D(4), D(4), D(4), D(4)], {1: D(2), 2: D(5)}, 2, arah="turun")
    assert quarter.capaian == D("75.00")
    # 7 cases against 8 so far: (2 - 7/8) x 100
    assert ytd.capaian == D("112.500")


@pytest.mark.parametrize("cara_gabung", ["jumlah", "tetap"])
def test_missing_earlier_quarter_makes_year_to_date_incomplete(cara_gabung: str) -> None:
    quarter, ytd = both([D(25)] * 4, {1: D(25), 3: D(20)}, 3, cara_gabung)
    assert quarter.status is Status.DINILAI
    assert quarter.capaian == D(80)
    assert ytd.status is Status.TIDAK_LENGKAP
    assert (ytd.realisasi, ytd.capaian, ytd.band) == (None, None, None)
    assert ytd.target == to_date(cara_gabung, [D(25)] * 4, 3)
    assert ytd.note == "belum dapat dihitung (ada triwulan yang belum dilaporkan)"


def test_missing_earlier_quarter_kumulatif_is_still_assessed() -> None:
    # A running value already contains the quarters before it.
    quarter, ytd = both([D(10), D(25), D(60), D(100)], {3: D(54)}, 3, "kumulatif")
    assert quarter.capaian == D(90)
    assert ytd.status is Status.DINILAI
    assert (ytd.target, ytd.realisasi, ytd.capaian) == (D(60), D(54), D(90))
    assert ytd.band is not None
    assert ytd.band.name == "Tinggi"


def test_quarter_not_reported() -> None:
    quarter, ytd = both(PK1_TARGETS, {1: D("1.60")}, 2)
    assert quarter == Assessment(D("1.64"), None, None, Status.BELUM_LAPOR, None)
    assert ytd == Assessment(D("3.20"), None, None, Status.BELUM_LAPOR, None)
    assert quarter.note == "belum dilaporkan"


def test_year_to_date_target_zero_so_far() -> None:
    targets = [D(0), D(0), D(5), D(5)]
    quarter, ytd = both(targets, {1: D(0), 2: D(1)}, 2)
    assert quarter.status is Status.TARGET_NOL
    assert ytd.status is Status.TARGET_NOL
    assert (ytd.target, ytd.realisasi, ytd.capaian) == (D(0), D(1), None)
    # Once a quarter has a target, the year to date is assessed: 0 + 1 + 3 against 5.
    quarter, ytd = both(targets, {1: D(0), 2: D(1), 3: D(3)}, 3)
    assert quarter.capaian == D(60)
    assert ytd.capaian == D(80)


# --- categories ---------------------------------------------------------------------------


def test_default_scale() -> None:
    assert [(b.start, b.name, b.level) for b in DEFAULT_SCALE.bands] == [
        (D(91), "Sangat Tinggi", 1),
        (D(76), "Tinggi", 2),
        (D(66), "Sedang", 3),
        (D(51), "Rendah", 4),
        (D(0), "Sangat Rendah", 5),
    ]
    assert D(100) == DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        ("200", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        # Printed as 91,00%: never called Tinggi.
        ("90.995", "Sangat Tinggi"),
        ("90.994", "Tinggi"),
        ("90.99", "Tinggi"),
        ("76", "Tinggi"),
        ("75.995", "Tinggi"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("65.994", "Rendah"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_category_boundaries(percent: str, expected: str) -> None:
    assert name(D(percent)) == expected


def test_rounding_is_half_up_to_two_decimals() -> None:
    assert rounded(D("90.995")) == D("91.00")
    assert rounded(D("90.994")) == D("90.99")
    # Half up, not the banker's half even (which gives 90,98).
    assert rounded(D("90.985")) == D("90.99")
    assert rounded(D("102.5641025641025641025641026")) == D("102.56")
    assert rounded(D(0)) == D("0.00")


def test_rounding_a_huge_capaian_does_not_fail() -> None:
    # A tiny target (1e-20) gives a capaian with more digits than Decimal's default
    # precision of 28; rounding it must still work (it used to raise InvalidOperation).
    value = capaian(D("999999999999999"), D("1E-20"), "naik")
    assert value is not None
    assert value == D("9.99999999999999E+36")
    assert rounded(value) == value
    assert rounded(value).as_tuple().exponent == -2
    assert name(value) == "Sangat Tinggi"


def test_custom_scale_of_pairs() -> None:
    scale = Scale.of([(D("85.5"), "Baik"), (0, "Kurang")])
    assert [(b.start, b.name, b.level) for b in scale.bands] == [
        (D("85.5"), "Baik", 1),
        (D(0), "Kurang", 2),
    ]
    assert name(D("85.495"), scale) == "Baik"
    assert name(D("85.494"), scale) == "Kurang"


# --- serapan ------------------------------------------------------------------------------


def test_serapan() -> None:
    assert serapan(101_218_000, 506_090_000) == D(20)
    assert serapan(1, 3) == D("33.33333333333333333333333333")
    assert rounded(D("33.33333333333333333333333333")) == D("33.33")
    assert serapan(0, 100_000_000) == D(0)
    assert serapan(100_000_000, 100_000_000) == D(100)


@pytest.mark.parametrize("spent", [0, 5_000_000])
def test_serapan_of_zero_pagu_is_none(spent: int) -> None:
    assert serapan(spent, 0) is None


# --- monitoring settings from instansi.yaml -----------------------------------------------

PEMANTAUAN = """
pemantauan:
  # Dari batas bawah tertinggi ke terendah (SC06 menolak urutan lain).
  skala:
    - mulai: 100
      nama: Tercapai
    - mulai: "85,5"
      nama: Baik
    - mulai: 0
      nama: Kurang
  ambang_penjelasan: 80
"""


def plan_copy(tmp_path: Path, extra_instansi: str = "") -> Plan:
    """The minimal valid plan, copied, with ``extra_instansi`` added to instansi.yaml."""
    folder = tmp_path / "2024"
    shutil.copytree(BASE, folder)
    instansi = folder / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8") + extra_instansi, encoding="utf-8")
    loaded = load_plan(folder)
    assert loaded.problems == []
    return loaded.plan


def test_default_settings(tmp_path: Path) -> None:
    s = state.settings(plan_copy(tmp_path))
    assert s.scale == DEFAULT_SCALE
    assert s.threshold == D(100)


def test_settings_from_pemantauan(tmp_path: Path) -> None:
    s = state.settings(plan_copy(tmp_path, PEMANTAUAN))
    assert [(b.start, b.name, b.level) for b in s.scale.bands] == [
        (D(100), "Tercapai", 1),
        (D("85.5"), "Baik", 2),
        (D(0), "Kurang", 3),
    ]
    assert s.threshold == D(80)
    assert name(D("99.995"), s.scale) == "Tercapai"
    assert name(D("99.994"), s.scale) == "Baik"
    assert name(D("85.495"), s.scale) == "Baik"
    assert name(D("85.494"), s.scale) == "Kurang"


def test_threshold_alone_keeps_the_default_scale(tmp_path: Path) -> None:
    s = state.settings(plan_copy(tmp_path, "pemantauan:\n  ambang_penjelasan: 90\n"))
    assert s.scale == DEFAULT_SCALE
    assert s.threshold == D(90)


def test_settings_without_instansi() -> None:
    s = state.settings(Plan(folder=Path("x"), display="x"))
    assert (s.scale, s.threshold) == (DEFAULT_SCALE, DEFAULT_THRESHOLD)


def realisasi(q: int, **body: Any) -> RealisasiFile:
    """A realisasi file of quarter ``q`` from plain data."""
    return RealisasiFile.model_validate({"tahun": 2024, "triwulan": q, **body})


def test_indikator_progress_uses_the_plans_scale(tmp_path: Path) -> None:
    plan = plan_copy(tmp_path, PEMANTAUAN)
    s = state.settings(plan)
    owners = {ind.id: owner for ind, owner in state.all_indikator(plan)}
    assert owners == {"pk-1": None, "alpha-1": "alpha"}  # a PK indicator has no bidang
    assert plan.pk is not None
    pk1 = plan.pk.indikator[0]
    # pk-1 of the base plan: targets 1, 2, 3, 4 (jumlah).
    files = {
        1: realisasi(1, indikator=[{"id": "pk-1", "realisasi": "0,9"}]),
        2: realisasi(2, indikator=[{"id": "pk-1", "realisasi": 2}]),
    }
    one = state.indikator_progress(pk1, None, files, 1, s)
    assert one.quarter is not None
    assert one.quarter.capaian == D(90)
    assert one.quarter.band is not None
    assert one.quarter.band.name == "Baik"
    two = state.indikator_progress(pk1, None, files, 2, s)
    assert two.realised == {1: D("0.9"), 2: D(2)}
    assert two.entry is files[2].indikator[0]
    assert two.quarter is not None
    assert two.quarter.capaian == D(100)
    # 2,9 against 3 so far
    assert two.to_date.capaian == D("96.66666666666666666666666667")
    assert two.lowest() == two.to_date.capaian
    # Without Triwulan I the year to date is incomplete; the quarter alone still counts.
    gap = state.indikator_progress(pk1, None, {2: files[2]}, 2, s)
    assert gap.to_date.status is Status.TIDAK_LENGKAP
    assert gap.lowest() == D(100)
    none = state.indikator_progress(pk1, None, {}, 2, s)
    assert none.lowest() is None
    assert none.entry is None


# --- sub kegiatan: spending, output and aksi month states ---------------------------------

# The base plan: sub-a (pagu 100.000.000, target 100 orang, aksi 1 "Rapat internal" in
# January and February) and sub-b (pagu 200.000.000, target 4 laporan, aksi 1
# "Monitoring" in March, June, September and December).
TW1 = realisasi(
    1,
    sub_kegiatan=[
        # The meeting of January was held in February and again in March.
        {
            "sub_kegiatan": "sub-a",
            "anggaran": 40_000_000,
            "keluaran": "30 orang",
            "aksi": [{"no": 1, "bulan": [2, 3]}],
        },
        {
            "sub_kegiatan": "sub-b",
            "anggaran": 30_000_000,
            "keluaran": "1 laporan",
            "aksi": [{"no": 1, "bulan": ["Mrt"]}],
        },
    ],
)
TW2 = realisasi(
    2,
    sub_kegiatan=[
        {"sub_kegiatan": "sub-a", "anggaran": 70_000_000, "keluaran": "60 orang"},
        {
            "sub_kegiatan": "sub-b",
            "anggaran": 90_000_000,
            "keluaran": "1 laporan",
            "aksi": [{"no": 1, "bulan": [], "catatan": "Ditunda."}],
        },
    ],
)
TW3 = realisasi(
    3,
    sub_kegiatan=[
        {"sub_kegiatan": "sub-a", "anggaran": 80_000_000},
        {"sub_kegiatan": "sub-b", "anggaran": 120_000_000, "aksi": [{"no": 1, "bulan": [9]}]},
    ],
)
TW4 = realisasi(
    4,
    sub_kegiatan=[
        {"sub_kegiatan": "sub-a", "anggaran": 95_000_000, "keluaran": "110 orang"},
        {"sub_kegiatan": "sub-b", "anggaran": 100_000_000, "aksi": [{"no": 1, "bulan": [12]}]},
    ],
)
ALL = {1: TW1, 2: TW2, 3: TW3, 4: TW4}


@pytest.fixture(scope="module")
def base_plan() -> Plan:
    loaded = load_plan(BASE)
    assert loaded.problems == []
    return loaded.plan


def progress(plan: Plan, q: int, files: dict[int, RealisasiFile] | None = None) -> dict[str, Any]:
    """sub_progress at quarter ``q`` by sub kegiatan id (files of quarters 1..q)."""
    chosen = {k: f for k, f in (ALL if files is None else files).items() if k <= q}
    found = state.sub_progress(plan, chosen, q, state.settings(plan))
    return {p.sub.id: p for p in found}


def months(states: dict[int, str]) -> tuple[str, ...]:
    """Twelve month states from the non-empty ones."""
    return tuple(states.get(m, "") for m in range(1, 13))


def test_month_states(base_plan: Plan) -> None:
    at2 = progress(base_plan, 2)
    a = at2["sub-a"].aksi[0]
    assert (a.no, a.aksi.nama) == (1, "Rapat internal")
    # Planned Jan + Feb, done Feb + Mar: Jan missed, Feb done, Mar an extra month.
    assert a.months == months({1: "terlewat", 2: "terlaksana", 3: "tambahan"})
    assert (a.done, a.missed) == (2, 1)
    assert a.reported is None  # Triwulan II says nothing about it
    b = at2["sub-b"].aksi[0]
    # Mar done, Jun not done (bulan: []), Sep and Dec still ahead.
    assert b.months == months({3: "terlaksana", 6: "terlewat", 9: "rencana", 12: "rencana"})
    assert (b.done, b.missed) == (1, 1)
    assert b.reported is not None
    assert b.reported.catatan == "Ditunda."


def test_month_states_before_anything_is_reported(base_plan: Plan) -> None:
    # Nobody reported on Triwulan I: March is "belum dilaporkan", not "tidak terlaksana".
    b = progress(base_plan, 1, {})["sub-b"].aksi[0]
    assert b.months == months({3: "belum-lapor", 6: "rencana", 9: "rencana", 12: "rencana"})
    assert (b.done, b.missed, b.unreported) == (0, 0, 1)


def test_month_states_at_the_end_of_the_year(base_plan: Plan) -> None:
    b = progress(base_plan, 4)["sub-b"].aksi[0]
    assert b.months == months({3: "terlaksana", 6: "terlewat", 9: "terlaksana", 12: "terlaksana"})
    assert (b.done, b.missed) == (3, 1)


def test_months_outside_the_files_quarter_do_not_count(base_plan: Plan) -> None:
    # RL08 reports May in tw1.yaml; the month state ignores it.
    wrong = realisasi(
        1,
        sub_kegiatan=[
            {"sub_kegiatan": "sub-a", "anggaran": 1, "aksi": [{"no": 1, "bulan": [1, 2, 5]}]}
        ],
    )
    a = progress(base_plan, 2, {1: wrong})["sub-a"].aksi[0]
    assert a.months == months({1: "terlaksana", 2: "terlaksana"})


def test_later_files_do_not_count_before_their_quarter(base_plan: Plan) -> None:
    # Asked for Triwulan II with every file at hand: September is not done yet.
    chosen = state.sub_progress(base_plan, ALL, 2, state.settings(base_plan))
    b = {p.sub.id: p for p in chosen}["sub-b"]
    assert b.aksi[0].months == months({3: "terlaksana", 6: "terlewat", 9: "rencana", 12: "rencana"})
    assert b.spent == 90_000_000


def test_spending_and_output(base_plan: Plan) -> None:
    at2 = progress(base_plan, 2)
    assert list(at2) == ["sub-a", "sub-b"]  # document order
    a = at2["sub-a"]
    assert (a.bidang, a.program.kode, a.kegiatan.nama) == ("alpha", "8.01.02", "Kegiatan Contoh")
    assert a.rencana is not None
    assert a.rencana.target.jumlah == D(100)
    assert (a.spent, a.serapan) == (70_000_000, D(70))
    assert a.keluaran is not None
    assert (a.keluaran.jumlah, a.keluaran.satuan) == (D(60), "orang")
    assert a.keluaran_capaian == D(60)
    b = at2["sub-b"]
    assert (b.spent, b.serapan) == (90_000_000, D(45))
    assert b.keluaran_capaian == D(25)  # 1 of 4 laporan


def test_sub_kegiatan_not_in_the_quarters_file(base_plan: Plan) -> None:
    only_b = realisasi(2, sub_kegiatan=[{"sub_kegiatan": "sub-b", "anggaran": 10}])
    a = progress(base_plan, 2, {1: TW1, 2: only_b})["sub-a"]
    assert (a.spent, a.serapan, a.serapan_band, a.keluaran, a.keluaran_capaian) == (
        None,
        None,
        None,
        None,
        None,
    )
    # The aksi done in Triwulan I still count.
    assert a.aksi[0].done == 2


@pytest.mark.parametrize("q", [1, 2, 3])
def test_serapan_category_only_for_the_fourth_quarter(base_plan: Plan, q: int) -> None:
    for p in progress(base_plan, q).values():
        assert p.serapan is not None
        assert p.serapan_band is None


def test_serapan_category_in_the_fourth_quarter(base_plan: Plan) -> None:
    at4 = progress(base_plan, 4)
    a, b = at4["sub-a"], at4["sub-b"]
    assert a.serapan == D(95)
    assert a.serapan_band is not None
    assert a.serapan_band.name == "Sangat Tinggi"
    assert b.serapan == D(50)
    assert b.serapan_band is not None
    assert b.serapan_band.name == "Sangat Rendah"
    assert a.keluaran_capaian == D(110)  # output over target is shown as it is
    assert b.keluaran is None
    assert b.keluaran_capaian is None


def test_reports_keeps_quarters_up_to(tmp_path: Path) -> None:
    folder = tmp_path / "realisasi"
    shutil.copytree(ROOT / "tests" / "rules" / "base" / "realisasi", folder)
    plan = load_plan(BASE, realisasi=folder).plan
    assert sorted(state.reports(plan, 4)) == [1, 2]
    assert sorted(state.reports(plan, 1)) == [1]


# --- verdicts: targets without a meaningful percentage -------------------------------------

LEVELS = Judging("naik", skala=("level 1", "level 2", "level 3", "level 4", "level 5"))
PREDIKAT = Judging("naik", skala=tuple(k.lower() for k in ("D", "C", "CC", "B", "BB", "A", "AA")))


def judged(target: Any, realisasi: Any, how: Judging | str) -> Assessment:
    """assess() on the default scale."""
    return assess(target, realisasi, how, DEFAULT_SCALE, missing=Status.BELUM_LAPOR)


@pytest.mark.parametrize(
    ("realisasi", "verdict", "steps", "note"),
    [
        ("Level 4", Verdict.TERCAPAI, 1, "tercapai (1 tingkat di atas target)"),
        ("level 3", Verdict.TERCAPAI, 0, "tercapai (sama dengan target)"),
        ("Level 1", Verdict.BELUM_TERCAPAI, -2, "belum tercapai (2 tingkat di bawah target)"),
    ],
)
def test_ordinal_is_compared_by_rank(
    realisasi: str, verdict: Verdict, steps: int, note: str
) -> None:
    # SPIP maturity Level 1-5, target Level 3: never a percentage (Level 4 is not 133%).
    found = judged("Level 3", realisasi, LEVELS)
    assert (found.status, found.verdict, found.steps) == (Status.PUTUSAN, verdict, steps)
    assert (found.capaian, found.band) == (None, None)
    assert found.note == note
    assert found.missed is (verdict is Verdict.BELUM_TERCAPAI)


def test_predicates_are_a_scale_too() -> None:
    # AA is above A on D < C < CC < B < BB < A < AA; BB is two ranks below A.
    assert judged("A", "AA", PREDIKAT).note == "tercapai (1 tingkat di atas target)"
    assert judged("A", "BB", PREDIKAT).note == "belum tercapai (1 tingkat di bawah target)"
    assert judged("A", "B", PREDIKAT).steps == -2


def test_ordinal_lower_is_better() -> None:
    # A risk level: Level 2 against a target of at most... Level 3, lower is better.
    risk = Judging("turun", skala=LEVELS.skala)
    assert judged("Level 3", "Level 2", risk).verdict is Verdict.TERCAPAI
    assert judged("Level 3", "Level 4", risk).verdict is Verdict.BELUM_TERCAPAI


def test_numeric_scale_values_match_by_value() -> None:
    # "Skala 1..7" written as numbers: 7 and 7.0 are the same value, 6 is one rank below.
    seven = Judging("naik", skala=tuple(str(v) for v in range(1, 8)))
    assert judged(D(7), D("7.0"), seven).note == "tercapai (sama dengan target)"
    assert judged(D(7), D(6), seven).steps == -1


def test_off_the_scale_cannot_be_judged() -> None:
    found = judged("Level 3", "Level 9", LEVELS)
    assert (found.status, found.verdict) == (Status.TIDAK_SEBANDING, None)
    assert found.note == "tidak dapat dinilai (realisasi tidak sebanding dengan target)"
    # A number against a scale value, and a scale value against a number, neither.
    assert judged("Level 3", D(3), LEVELS).status is Status.TIDAK_SEBANDING
    assert judged(D(10), "tinggi", "naik").status is Status.TIDAK_SEBANDING


#: 33% of the units at Level 1, 50% at Level 2, 17% at Level 3 (the perwakilan's target).
SPREAD = (("Level 1", D(33)), ("Level 2", D(50)), ("Level 3", D(17)))
THREE = ("level 1", "level 2", "level 3")


@pytest.mark.parametrize(
    ("realised", "arah", "verdict"),
    [
        # At or above Level 2: 80 >= 67; at Level 3: 30 >= 17 -> met.
        ((("Level 1", D(20)), ("Level 2", D(50)), ("Level 3", D(30))), "naik", Verdict.TERCAPAI),
        # At or above Level 2: 60 < 67 -> not met, although Level 3 has more (20 > 17).
        (
            (("Level 1", D(40)), ("Level 2", D(40)), ("Level 3", D(20))),
            "naik",
            Verdict.BELUM_TERCAPAI,
        ),
        # Lower is better: at or above Level 2 60 <= 67, at Level 3 10 <= 17 -> met.
        (
            (("Level 1", D(40)), ("Level 2", D(50)), ("Level 3", D(10))),
            "turun",
            Verdict.TERCAPAI,
        ),
        # Exactly as stated, in another order: met whatever the direction.
        (tuple(reversed(SPREAD)), "tidak tercantum", Verdict.TERCAPAI),
    ],
)
def test_distribution_is_met_level_by_level(realised: Any, arah: str, verdict: Verdict) -> None:
    found = judged(SPREAD, realised, Judging(arah, skala=THREE))
    assert (found.status, found.verdict, found.capaian, found.steps) == (
        Status.PUTUSAN,
        verdict,
        None,
        None,
    )


def test_distribution_without_direction_is_shown_not_judged() -> None:
    other = (("Level 1", D(20)), ("Level 2", D(50)), ("Level 3", D(30)))
    found = judged(SPREAD, other, Judging("tidak tercantum", skala=THREE))
    assert (found.status, found.verdict) == (Status.ARAH_TIDAK_TERCANTUM, None)
    assert found.note == "tidak dapat dinilai (arah tidak tercantum)"
    # Without a scale the levels have no order: it cannot even be compared.
    assert judged(SPREAD, other, "tidak tercantum").status is Status.TIDAK_SEBANDING


@pytest.mark.parametrize(
    ("realisasi", "verdict"),
    [("0.8", Verdict.TERCAPAI), ("1", Verdict.TERCAPAI), ("1.2", Verdict.BELUM_TERCAPAI)],
)
def test_cap_is_met_at_or_below(realisasi: str, verdict: Verdict) -> None:
    # "Maksimal 1% per bulan": 0,8% and 1% meet it, 1,2% does not; no percentage, since
    # 0,8% is not "120%" of a cap.
    found = judged(D(1), D(realisasi), Judging("turun", jenis="maksimal"))
    assert (found.status, found.verdict, found.capaian) == (Status.PUTUSAN, verdict, None)
    assert found.note == verdict.value


def test_floor_is_met_at_or_above() -> None:
    floor = Judging("naik", jenis="minimal")
    assert judged(D(90), D(90), floor).verdict is Verdict.TERCAPAI
    assert judged(D(90), D("89.99"), floor).verdict is Verdict.BELUM_TERCAPAI
    # A cap without a stated direction is still a cap.
    assert judged(D(1), D(2), Judging("tidak tercantum", "maksimal")).missed


def test_unstated_direction_numbers() -> None:
    # Equal to the target: met, whichever way is better. Otherwise nobody can say.
    assert judged(D(10), D(10), "tidak tercantum").note == "tercapai"
    found = judged(D(10), D(12), "tidak tercantum")
    assert (found.status, found.capaian, found.verdict) == (
        Status.ARAH_TIDAK_TERCANTUM,
        None,
        None,
    )


def test_percent_targets_carry_a_verdict_too() -> None:
    assert judged(D(10), D(10), "naik").verdict is Verdict.TERCAPAI
    # 99,995% prints as 100,00%: met as printed.
    assert judged(D(100000), D(99995), "naik").verdict is Verdict.TERCAPAI
    assert judged(D(100000), D(99994), "naik").verdict is Verdict.BELUM_TERCAPAI


# --- annual-only targets -------------------------------------------------------------------


def annual(realised: dict[int, Decimal], q: int, how: Judging | str = "naik", **kw: Any) -> Any:
    """quarter_and_to_date of an indicator without quarterly targets, annual target 10."""
    return quarter_and_to_date(
        targets=None,
        realised=realised,
        q=q,
        cara_gabung=kw.get("cara_gabung"),
        arah=how,
        scale=DEFAULT_SCALE,
        annual=kw.get("target", D(10)),
    )


def test_annual_only_is_judged_at_the_years_end() -> None:
    # No cara_gabung: every quarter's value is the value to date.
    quarter, ytd = annual({1: D(2), 2: D(4)}, 2)
    assert (quarter.target, quarter.realisasi, quarter.status) == (
        None,
        D(4),
        Status.TANPA_TARGET_TRIWULAN,
    )
    assert quarter.note == "tanpa target triwulan"
    assert (ytd.target, ytd.realisasi, ytd.capaian, ytd.status) == (
        D(10),
        D(4),
        None,
        Status.AKHIR_TAHUN,
    )
    assert ytd.note == "dinilai pada akhir tahun (target tahunan)"
    _, end = annual({1: D(2), 2: D(4), 3: D(7), 4: D(9)}, 4)
    assert (end.realisasi, end.capaian, end.verdict) == (D(9), D(90), Verdict.BELUM_TERCAPAI)


def test_annual_only_with_quarter_amounts_adds_them_up() -> None:
    # cara_gabung jumlah: each quarter's own amount; 2 + 2 + 3 + 3 = 10 against 10.
    _, end = annual({1: D(2), 2: D(2), 3: D(3), 4: D(3)}, 4, cara_gabung="jumlah")
    assert (end.realisasi, end.capaian) == (D(10), D(100))


def test_a_ceiling_holds_all_year() -> None:
    # Zero tolerance and caps are judged in every period, not only at the year's end.
    _, ytd = annual({1: D(0), 2: D("0.5")}, 2, "turun", target=D(0))
    assert (ytd.capaian, ytd.verdict) == (D(0), Verdict.BELUM_TERCAPAI)
    _, cap = annual({1: D("0.8")}, 1, Judging("turun", "maksimal"), target=D(1))
    assert (cap.status, cap.verdict) == (Status.PUTUSAN, Verdict.TERCAPAI)


def test_ordinal_quarters_to_date_are_the_latest_rank() -> None:
    quarter, ytd = quarter_and_to_date(
        targets=["Level 1", "Level 2", "Level 2", "Level 3"],
        realised={1: "Level 1", 2: "Level 3"},
        q=2,
        cara_gabung="kumulatif",
        arah=LEVELS,
        scale=DEFAULT_SCALE,
    )
    assert quarter.note == "tercapai (1 tingkat di atas target)"
    assert (ytd.target, ytd.realisasi, ytd.verdict) == ("Level 2", "Level 3", Verdict.TERCAPAI)


def test_mixed_kinds_are_not_added_up() -> None:
    _, ytd = both([D(25)] * 4, {1: D(25), 2: D(20)}, 2)
    assert ytd.capaian == D(90)
    _, odd = quarter_and_to_date(
        targets=[D(25)] * 4,
        realised={1: "banyak", 2: D(20)},
        q=2,
        cara_gabung="jumlah",
        arah="naik",
        scale=DEFAULT_SCALE,
    )
    assert odd.status is Status.TIDAK_SEBANDING


# --- other periods: semester I, the year, up to a date --------------------------------------


def to_date_file(period: str, **body: Any) -> RealisasiFile:
    """A realisasi file of a period that holds values to date."""
    keys = {"s1": {"semester": 1}, "tahunan": {}}.get(period, {"sampai": period[3:]})
    return RealisasiFile.model_validate({"tahun": 2024, **keys, **body})


@pytest.mark.parametrize(
    ("stem", "target", "realisasi", "percent"),
    [
        # pk-1 of the base plan: 1, 2, 3, 4 (jumlah). Semester I: Q1 + Q2 = 3; 2,7 is 90%.
        ("s1", D(3), "2,7", D(90)),
        # Up to 31 October: the quarter that contains it is IV, so 1 + 2 + 3 + 4 = 10.
        ("sd-2024-10-31", D(10), "8,5", D(85)),
        # Up to 15 August: Triwulan III, 1 + 2 + 3 = 6.
        ("sd-2024-08-15", D(6), "4,5", D(75)),
        ("tahunan", D(10), 10, D(100)),
    ],
)
def test_target_in_force_at_the_periods_end(
    base_plan: Plan, stem: str, target: Decimal, realisasi: Any, percent: Decimal
) -> None:
    period = Period.parse(stem)
    assert period is not None
    assert base_plan.pk is not None
    pk1 = base_plan.pk.indikator[0]
    report = to_date_file(stem, indikator=[{"id": "pk-1", "realisasi": realisasi}])
    s = state.settings(base_plan)
    found = state.indikator_at(pk1, None, report, period, s)
    assert found.quarter is None  # a file of values to date has no quarter of its own
    assert (found.to_date.target, found.to_date.capaian) == (target, percent)
    assert found.entry is report.indikator[0]
    missing = state.indikator_at(pk1, None, None, period, s)
    assert missing.to_date.status is Status.BELUM_LAPOR


def test_annual_target_in_other_periods(base_plan: Plan) -> None:
    assert base_plan.pk is not None
    pk1 = base_plan.pk.indikator[0].model_copy(update={"triwulan": None, "cara_gabung": None})
    s = state.settings(base_plan)
    s1 = state.indikator_at(
        pk1,
        None,
        to_date_file("s1", indikator=[{"id": "pk-1", "realisasi": 4}]),
        Period("semester", 1),
        s,
    )
    assert (s1.to_date.target, s1.to_date.realisasi, s1.to_date.status) == (
        D(10),
        D(4),
        Status.AKHIR_TAHUN,
    )
    year = state.indikator_at(
        pk1,
        None,
        to_date_file("tahunan", indikator=[{"id": "pk-1", "realisasi": 11}]),
        Period("tahunan"),
        s,
    )
    assert year.to_date.capaian == D(110)


def test_absent_annual_target_and_direction_are_said(base_plan: Plan) -> None:
    # Honest absence meets annual-only targets: a target the document does not state is
    # kept as TIDAK_TERCANTUM (printed "tidak tercantum"), never None (printed "-", "not
    # written for this period"), and judged as unknowable, not as missed.
    assert base_plan.pk is not None
    pk1 = base_plan.pk.indikator[0].model_copy(
        update={"triwulan": None, "cara_gabung": None, "target": TIDAK_TERCANTUM}
    )
    s = state.settings(base_plan)
    year = state.indikator_at(
        pk1,
        None,
        to_date_file("tahunan", indikator=[{"id": "pk-1", "realisasi": 11}]),
        Period("tahunan"),
        s,
    )
    assert year.to_date.target is TIDAK_TERCANTUM
    assert (year.to_date.status, year.to_date.verdict) == (Status.TARGET_TIDAK_TERCANTUM, None)
    assert year.to_date.note == "tidak dapat dinilai (target tidak tercantum)"
    semester = state.indikator_at(
        pk1,
        None,
        to_date_file("s1", indikator=[{"id": "pk-1", "realisasi": 4}]),
        Period("semester", 1),
        s,
    )
    # Not "dinilai pada akhir tahun": an unstated target is not judged at the year's end either.
    assert semester.to_date.status is Status.TARGET_TIDAK_TERCANTUM
    # The direction unstated (the same absence value): a verdict only where equality says it.
    unsure = pk1.model_copy(update={"target": D(10), "arah": TIDAK_TERCANTUM})
    how = state.judging(unsure, s)
    assert how.arah is TIDAK_TERCANTUM
    assert not how.percent
    assert assess(D(10), D(10), how, DEFAULT_SCALE, missing=Status.BELUM_LAPOR).verdict == (
        Verdict.TERCAPAI
    )
    assert assess(D(10), D(8), how, DEFAULT_SCALE, missing=Status.BELUM_LAPOR).status is (
        Status.ARAH_TIDAK_TERCANTUM
    )


def test_aksi_months_of_a_semester_file(base_plan: Plan) -> None:
    # s1.yaml reports January to June at once: sub-b's March done, June not; September is
    # still ahead.
    s1 = to_date_file(
        "s1",
        sub_kegiatan=[
            {"sub_kegiatan": "sub-b", "anggaran": 90_000_000, "aksi": [{"no": 1, "bulan": [3]}]}
        ],
    )
    period = Period("semester", 1)
    found = state.sub_progress_at(base_plan, {period: s1}, period, state.settings(base_plan))
    b = {p.sub.id: p for p in found}["sub-b"]
    assert b.aksi[0].months == months({3: "terlaksana", 6: "terlewat", 9: "rencana", 12: "rencana"})
    assert (b.spent, b.serapan, b.serapan_band) == (90_000_000, D(45), None)
    a = {p.sub.id: p for p in found}["sub-a"]
    # Not in the file: its months are "belum dilaporkan", its spending unknown.
    assert a.aksi[0].months == months({1: "belum-lapor", 2: "belum-lapor"})
    assert a.spent is None


def test_serapan_is_judged_in_the_yearly_file(base_plan: Plan) -> None:
    year = to_date_file("tahunan", sub_kegiatan=[{"sub_kegiatan": "sub-a", "anggaran": 95_000_000}])
    period = Period("tahunan")
    found = state.sub_progress_at(base_plan, {period: year}, period, state.settings(base_plan))
    a = found[0]
    assert a.serapan_band is not None
    assert a.serapan_band.name == "Sangat Tinggi"
