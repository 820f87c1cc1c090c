"""The Perjanjian Kinerja on its official form (``renaksi report --dokumen pk``): the
Kepala's and each bidang's cascaded PK of plans/2024, golden-tested, and what the form shows
of facts the plan does not state.

Rewrite the golden files after an intended change with
``.venv/bin/pytest tests/test_pk_document.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renaksi.cli import main
from renaksi.report.perjanjian_kinerja import pk_document
from renaksi.report.render import render_pk
from test_golden import FORMATS, GOLDEN, PLAN, PROVENANCE, SLUGS, diff, plan

HERE = Path(__file__).resolve().parent
PK_ONLY = HERE / "fixtures" / "perjanjian-kinerja" / "2024"
CASES = [(f"pk-kepala.{fmt}", None, fmt) for fmt in FORMATS] + [
    (f"pk-{slug}.{fmt}", slug, fmt) for slug in SLUGS for fmt in FORMATS
]


@pytest.mark.parametrize(("name", "bidang", "fmt"), CASES)
def test_pk_golden(name: str, bidang: str | None, fmt: str, update_golden: bool) -> None:
    actual = render_pk(plan(), output_format=fmt, bidang=bidang, provenance=PROVENANCE)
    path = GOLDEN / name
    if update_golden:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing; run with --update-golden"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        pytest.fail(f"{name} differs from the golden file:\n" + diff(expected, actual, name))


def test_kepala_pk_carries_the_five_indicators_and_programs_with_the_total() -> None:
    doc = pk_document(plan())
    assert [(r.indikator.id, str(r.indikator.target)) for r in doc.sasaran] == [
        ("pk-1", "29.17"),
        ("pk-2", "100"),
        ("pk-3", "15.85"),
        ("pk-4", "40"),
        ("pk-5", "20"),
    ]
    assert [r.program.kode for r in doc.program] == [
        "8.01.02",
        "8.01.03",
        "8.01.04",
        "8.01.05",
        "8.01.06",
    ]
    assert [r.anggaran for r in doc.program] == [
        2_718_270_000,
        53_943_679_550,
        345_000_000,
        1_283_500_000,
        768_855_448,
    ]
    assert doc.total == 59_059_304_998
    md = render_pk(plan(), output_format="md", bidang=None, provenance=PROVENANCE)
    assert "| | **Jumlah** | **Rp 59.059.304.998** |" in md


def test_bidang_pk_is_the_kepala_bidang_to_the_kepala_with_its_own_pagu() -> None:
    doc = pk_document(plan(), "ekonomi")
    assert doc.pihak_pertama.nama == plan().bidang_by_slug("ekonomi").model.penandatangan.nama  # type: ignore[union-attr]
    assert doc.pihak_kedua == plan().instansi.kepala  # type: ignore[union-attr]
    assert [i.indikator.id for i in doc.sasaran] == ["ekonomi-1"]
    # Ormas (220.000.000 + 125.000.000) and Ketahanan Ekonomi (263.500.000 + 1.020.000.000).
    assert [r.anggaran for r in doc.program] == [345_000_000, 1_283_500_000]
    assert doc.total == 1_628_500_000


def test_facts_the_plan_does_not_state_print_as_absent() -> None:
    md = render_pk(plan(), output_format="md", bidang=None, provenance=PROVENANCE)
    # plans/2024 names no Wali Kota, no PK date, and no pangkat for the Kepala.
    assert "| Nama | tidak tercantum |" in md
    assert "tempat dan tanggal tidak tercantum" in md
    assert "pangkat/golongan tidak tercantum" in md
    assert "2 Januari 2024" not in md  # the Rencana Aksi's date is not the PK's


def test_a_pk_dated_in_its_own_file_prints_that_date(tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    pk = folder / "perjanjian-kinerja.yaml"
    pk.write_text(
        pk.read_text(encoding="utf-8").replace(
            "tahun: 2024\n", "tahun: 2024\ntempat: Samarinda\ntanggal: 2024-01-31\n", 1
        ),
        encoding="utf-8",
    )
    out = tmp_path / "pk.md"
    assert main(["report", str(folder), "--dokumen", "pk", "-b", "politik", "-o", str(out)]) == 0
    assert "Samarinda, 31 Januari 2024" in out.read_text(encoding="utf-8")


def test_pk_only_folder_is_dated_by_its_instansi(tmp_path: Path) -> None:
    out = tmp_path / "pk.md"
    assert main(["report", str(PK_ONLY), "--dokumen", "pk", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Contoh, Januari 2024" in text
    assert "| **WALI KOTA CONTOH** | **KEPALA CONTOH, S.Sos.** |" in text


def test_pk_and_a_quarter_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(PLAN), "--dokumen", "pk", "--triwulan", "1"]) == 2
    assert "--dokumen pk" in capsys.readouterr().err


def test_pk_of_an_unknown_bidang_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(PLAN), "--dokumen", "pk", "--bidang", "tidak-ada"]) == 2
    assert "bidang tidak-ada tidak ada" in capsys.readouterr().err
