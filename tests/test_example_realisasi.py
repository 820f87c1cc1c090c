"""The fictional realisasi example (examples/realisasi-2024) stays valid and useful.

It must validate against plans/2024 with only the two RF06 warnings the plan always has,
say everywhere that its numbers are invented, and show what the monitoring report is for:
an over-achievement, an under-achievement, an aksi not done and an aksi done late.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from renaksi.monitoring import state
from renaksi.output.messages import message
from renaksi.plan.findings import Severity
from renaksi.plan.folder import Plan
from renaksi.plan.load import load_plan
from renaksi.plan.model import RealisasiFile
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
EXAMPLE = ROOT / "examples" / "realisasi-2024"
FILES = ("tw1.yaml", "tw2.yaml", "tw3.yaml")
CONTOH = (
    "CONTOH: angka rekaan untuk peragaan, bukan realisasi resmi Badan Kesbangpol Kota Samarinda."
)
INDIKATOR = [
    "pk-1",
    "pk-2",
    "pk-3",
    "pk-4",
    "pk-5",
    "ekonomi-1",
    "ideologi-1",
    "kewaspadaan-1",
    "politik-1",
]


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_plan(PLAN, realisasi=EXAMPLE)
    assert loaded.problems == []
    return loaded.plan


def models(plan: Plan) -> dict[int, RealisasiFile]:
    files = state.reports(plan, 4)
    assert sorted(files) == [1, 2, 3]
    return files


def test_example_validates_with_only_the_known_warnings() -> None:
    result = validate([PLAN], realisasi=EXAMPLE)
    found = [(p.code, p.severity, message(p)) for p in result.problems]
    assert result.errors == 0, found
    assert [(code, severity) for code, severity, _ in found] == [
        ("RF06", Severity.WARNING),
        ("RF06", Severity.WARNING),
    ]
    assert "ormas-monev" in found[0][2]
    assert "ekonomi-koordinasi" in found[1][2]
    assert result.files == 9  # the plan's six files and the three quarters


def test_every_file_says_it_is_invented(plan: Plan) -> None:
    assert sorted(p.name for p in EXAMPLE.glob("tw*.yaml")) == list(FILES)
    for q, model in models(plan).items():
        assert model.catatan == CONTOH
        assert model.tahun == 2024
        assert model.triwulan == q
        assert model.tanggal is not None
        assert model.tanggal.year == 2024
        assert "REKAAN" in (EXAMPLE / f"tw{q}.yaml").read_text(encoding="utf-8")


def test_readme_says_the_numbers_are_fictional() -> None:
    text = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    top = text.split("\n## ", 1)[0]
    bold = " ".join(re.findall(r"\*\*(.+?)\*\*", top, flags=re.DOTALL))
    assert "DIKARANG" in bold
    assert "BUKAN data resmi" in bold
    assert "tidak memuat\nrealisasi" in top
    assert "renaksi validate plans/2024 --realisasi examples/realisasi-2024" in text
    assert (
        "renaksi report plans/2024 --realisasi examples/realisasi-2024 --triwulan 2 "
        "--bidang politik --format html -o /tmp/tw2.html"
    ) in text


def test_every_indicator_and_sub_kegiatan_is_reported(plan: Plan) -> None:
    assert plan.pk is not None
    subs = list(plan.pk.unit_index())
    assert len(subs) == 15
    for model in models(plan).values():
        assert sorted(e.id for e in model.indikator) == sorted(INDIKATOR)
        assert [e.sub_kegiatan for e in model.sub_kegiatan] == subs


def test_spending_is_cumulative_and_plausible(plan: Plan) -> None:
    assert plan.pk is not None
    pagu: dict[str, int] = {}
    for sid, unit in plan.pk.unit_index().items():
        assert isinstance(unit.pagu, int), sid  # the example states every pagu
        pagu[sid] = unit.pagu
    spent: dict[str, list[int]] = {sid: [] for sid in pagu}
    for model in models(plan).values():
        for entry in model.sub_kegiatan:
            spent[entry.sub_kegiatan].append(entry.anggaran)
    for sid, amounts in spent.items():
        assert amounts == sorted(amounts), sid
        assert amounts[-1] <= pagu[sid], sid
        assert 0.60 <= amounts[-1] / pagu[sid] <= 0.76, sid


def capaian_table(plan: Plan) -> dict[tuple[str, int], tuple[Decimal | None, Decimal | None]]:
    """(indicator, quarter) -> (quarter capaian, year-to-date capaian)."""
    s = state.settings(plan)
    files = models(plan)
    out = {}
    for ind, owner in state.all_indikator(plan):
        for q in (1, 2, 3):
            p = state.indikator_progress(ind, owner, files, q, s)
            out[ind.id, q] = (p.quarter.capaian, p.to_date.capaian)
    return out


def test_over_and_under_achievement(plan: Plan) -> None:
    table = capaian_table(plan)
    assert all(a is not None and b is not None for a, b in table.values())
    # pk-2, Triwulan I: 12% against 10%, shown as it is (not capped at 100%).
    assert table["pk-2", 1] == (Decimal(120), Decimal(120))
    # pk-3, Triwulan II: 1,80 against 2,25; caught up by Triwulan III.
    assert table["pk-3", 2][0] == Decimal(80)
    assert table["pk-3", 3][1] == Decimal(100)
    # ekonomi-1, Triwulan II: above target in the quarter, below it for the year so far.
    assert table["ekonomi-1", 2] == (Decimal(112), Decimal(96))
    over = [key for key, pair in table.items() if max(v for v in pair if v is not None) > 100]
    under = [key for key, pair in table.items() if min(v for v in pair if v is not None) < 100]
    assert over
    assert under


def test_every_miss_is_explained(plan: Plan) -> None:
    s = state.settings(plan)
    files = models(plan)
    explained = 0
    for ind, owner in state.all_indikator(plan):
        for q in (1, 2, 3):
            p = state.indikator_progress(ind, owner, files, q, s)
            low = p.lowest()
            assert low is not None
            if low < s.threshold:
                assert p.entry is not None
                assert p.entry.faktor_penghambat
                assert p.entry.upaya_perbaikan
                explained += 1
    assert explained >= 3


def test_aksi_not_done_and_done_late(plan: Plan) -> None:
    s = state.settings(plan)
    subs = {p.sub.id: p for p in state.sub_progress(plan, models(plan), 3, s)}
    states = {(sid, a.no): a.months for sid, p in subs.items() for a in p.aksi if any(a.months)}
    everything = [m for months in states.values() for m in months]
    assert "terlewat" in everything
    assert "tambahan" in everything
    # Planned in March, not done (bulan: [] with a catatan).
    assert states["ekonomi-monev", 2][2] == "terlewat"
    # Planned in May, done in June: one month late.
    assert states["kewaspadaan-koordinasi", 4][4:6] == ("terlewat", "tambahan")
    # Nothing else deviates from the plan.
    deviations = {key for key, months in states.items() if {"terlewat", "tambahan"} & set(months)}
    assert deviations == {("ekonomi-monev", 2), ("kewaspadaan-koordinasi", 4)}
    # Triwulan IV is not reported: its months are still ahead.
    assert states["forkopimda", 3][9:] == ("rencana", "rencana", "rencana")
    assert all(p.serapan_band is None for p in subs.values())


def test_removing_an_explanation_is_an_error(
    tmp_path: Path,
) -> None:
    # The README's exercise: without faktor_penghambat the miss of pk-3 is an error.
    copy = tmp_path / "realisasi"
    shutil.copytree(EXAMPLE, copy)
    tw2 = copy / "tw2.yaml"
    text = tw2.read_text(encoding="utf-8")
    start = text.index("    faktor_penghambat: >-\n      Sebagian ormas")
    end = text.index("    upaya_perbaikan:", start)
    tw2.write_text(text[:start] + text[end:], encoding="utf-8")
    result = validate([PLAN], realisasi=copy)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert [p.code for p in errors] == ["RL07"]
    assert "pk-3" in message(errors[0])
    assert "faktor_penghambat" in message(errors[0])
