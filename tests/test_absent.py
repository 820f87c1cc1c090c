"""Honest absence: a fact the source document does not state is written ``tidak tercantum``,
validate lists it (never silently), ``--strict`` fails on it, and every printed page says it.

Also here: signers of every kind (NIP, NRP, pejabat negara), month-precise signing dates,
and a folder that holds a Perjanjian Kinerja alone (two parties, its own title).
The rule cases (TC01, TC02, PG06 and the rest) are in ``tests/rules/cases``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner, Result

from renaksi.cli import app
from renaksi.diff.revisions import compare_dirs
from renaksi.output.diff_json import render as diff_json
from renaksi.output.diff_text import render as diff_text
from renaksi.plan import values
from renaksi.plan.model import Aksi, SubKegiatan
from renaksi.plan.values import TIDAK_TERCANTUM, MonthDate, PlanValueError

HERE = Path(__file__).resolve().parent
BASE = HERE / "rules" / "base" / "2024"
PK_ONLY = HERE / "fixtures" / "perjanjian-kinerja" / "2024"
FORMATS = ("md", "html")


def invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def problems(folder: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    result = invoke("validate", "--format", "json", *extra, folder)
    return result.exit_code, json.loads(result.stdout)["problems"]


def edited(tmp_path: Path, edits: dict[str, list[tuple[str, str]]], name: str = "2024") -> Path:
    """A copy of the rules' base plan with text replacements (each must occur once)."""
    folder = tmp_path / name
    shutil.copytree(BASE, folder)
    for rel, pairs in edits.items():
        path = folder / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, (rel, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return folder


#: Every signer, signing place and date, and every amount of the base plan, stated absent.
ALL_ABSENT: dict[str, list[tuple[str, str]]] = {
    "instansi.yaml": [
        ("  nama: KEPALA CONTOH, S.Sos.\n", "  nama: tidak tercantum\n"),
        ('  nip: "19670319 199702 1 003"\n', "  nip: tidak tercantum\n"),
        ("  pangkat: Pembina Utama Muda\n  golongan: IV/c\n", "  pangkat: tidak tercantum\n"),
        ("  jabatan: Kepala Badan Contoh\n", "  jabatan: tidak tercantum\n"),
        (
            "tempat: Samarinda\ntanggal: 2024-01-02\n",
            "tempat: tidak tercantum\ntanggal: tidak tercantum\n",
        ),
    ],
    "bidang/alpha.yaml": [
        ("  nama: KABID ALPHA, S.E.\n", "  nama: tidak tercantum\n"),
        ('  nip: "19690325 199103 2 004"\n', "  nip: tidak tercantum\n"),
        ("  pangkat: Pembina\n  golongan: IV/a\n", ""),
        ("  jabatan: Kepala Bidang Alpha\n", "  jabatan: tidak tercantum\n"),
        (
            "tempat: Samarinda\ntanggal: 2024-01-02\n",
            "tempat: tidak tercantum\ntanggal: tidak tercantum\n",
        ),
    ],
    "perjanjian-kinerja.yaml": [
        ("tahun: 2024\n", "tahun: 2024\npihak_kedua: tidak tercantum\n"),
        ("    pagu: 300_000_000\n    kegiatan:", "    pagu: tidak tercantum\n    kegiatan:"),
        ("        pagu: 300_000_000\n", "        pagu: tidak tercantum\n"),
        ("pagu: 100_000_000", "pagu: tidak tercantum"),
        ("pagu: 200_000_000", "pagu: tidak tercantum"),
        ("total_pagu: 300_000_000\n", "total_pagu: tidak tercantum\n"),
    ],
}
#: The absent facts above, as TC01 names them.
ALL_ABSENT_LISTED = {
    "instansi.yaml": [
        "nama kepala instansi",
        "NIP kepala instansi",
        "pangkat kepala instansi",
        "jabatan kepala instansi",
        "tempat penandatanganan",
        "tanggal penandatanganan",
    ],
    "perjanjian-kinerja.yaml": [
        "pihak kedua Perjanjian Kinerja",
        "pagu program 8.01.02",
        "pagu kegiatan 8.01.02.2.01",
        "pagu sub kegiatan sub-a",
        "pagu sub kegiatan sub-b",
        "total pagu",
    ],
    "bidang/alpha.yaml": [
        "nama penandatangan bidang",
        "NIP penandatangan bidang",
        "jabatan penandatangan bidang",
        "tempat penandatanganan",
        "tanggal penandatanganan",
    ],
}


# --- the one spelling --------------------------------------------------------------------------


def test_the_one_spelling_and_its_near_misses() -> None:
    assert values.is_absent_text("tidak tercantum")
    assert values.is_absent_text("  tidak tercantum ")
    for other in ("Tidak Tercantum", "tidak  tercantum", "tidak_tercantum", "-", "tidak ada"):
        assert not values.is_absent_text(other), other
        assert values.is_near_absent_text(other), other
    assert not values.is_near_absent_text("Samarinda")
    assert str(TIDAK_TERCANTUM) == "tidak tercantum"
    assert bool(TIDAK_TERCANTUM)  # a template's {% if %} still prints it
    assert values.Absent() is TIDAK_TERCANTUM


def test_a_total_with_an_absent_part_is_absent_not_smaller() -> None:
    assert values.sum_or_absent([100, 200]) == 300
    assert values.sum_or_absent([100, TIDAK_TERCANTUM, 200]) is TIDAK_TERCANTUM
    assert values.sum_or_absent([]) == 0


def test_a_model_reads_absent_and_refuses_what_only_looks_like_it() -> None:
    sub = SubKegiatan.model_validate({"id": "a", "nama": "A", "pagu": "tidak tercantum"})
    assert sub.pagu is TIDAK_TERCANTUM
    assert sub.model_dump()["pagu"] == "tidak tercantum"
    for near in ("-", "Tidak tercantum", "tidak_tercantum", None):
        with pytest.raises(ValidationError) as refused:
            SubKegiatan.model_validate({"id": "a", "nama": "A", "pagu": near})
        (error,) = refused.value.errors()
        assert error["type"] == "renaksi_value"  # SC06, with the one spelling named
        assert "tepat `tidak tercantum`" in error["ctx"]["template"]


def test_a_text_that_must_be_stated_refuses_the_words_but_not_a_printed_dash() -> None:
    # An aksi's keluaran is always stated: "tidak tercantum" there would print as if the
    # document said so, and no rule would list it. A "-" may be what the document prints.
    for words in ("tidak tercantum", "Tidak_Tercantum", "TIDAK-TERCANTUM"):
        with pytest.raises(ValidationError) as refused:
            Aksi.model_validate({"nama": "Rapat", "keluaran": words})
        assert "wajib dicantumkan" in refused.value.errors()[0]["ctx"]["template"]
    assert Aksi.model_validate({"nama": "Rapat", "keluaran": "-"}).keluaran == "-"


def test_month_precise_dates() -> None:
    assert values.parse_signing_date("Januari 2021") == MonthDate(2021, 1)
    assert values.parse_signing_date("2021-01") == MonthDate(2021, 1)
    assert values.parse_signing_date("Jan 2021") == MonthDate(2021, 1)
    assert str(MonthDate(2021, 1)) == "Januari 2021"
    assert values.parse_signing_date("2 Januari 2024").day == 2  # type: ignore[union-attr]
    for bad in ("Bulan 2021", "2021-13", "Januari"):
        with pytest.raises(PlanValueError):
            values.parse_signing_date(bad)


# --- validate lists every absence; --strict fails --------------------------------------------


def test_a_plan_whose_every_signer_date_and_budget_is_absent(tmp_path: Path) -> None:
    folder = edited(tmp_path, ALL_ABSENT)
    code, found = problems(folder)
    assert code == 0, found
    assert {p["code"] for p in found} == {"TC01"}, [p["message"] for p in found]
    listed: dict[str, list[str]] = {}
    for p in found:
        assert p["severity"] == "warning"
        assert p["line"] > 0, p  # each one at its value
        what = p["message"].removesuffix(" tidak tercantum di dokumen sumber")
        listed.setdefault(p["file"].removeprefix(f"{folder}/"), []).append(what)
    assert {k: sorted(v) for k, v in listed.items()} == {
        k: sorted(v) for k, v in ALL_ABSENT_LISTED.items()
    }
    strict, again = problems(folder, "--strict")
    assert strict == 1
    assert again == found


def test_the_text_output_lists_absences_and_still_calls_the_plan_valid(tmp_path: Path) -> None:
    folder = edited(tmp_path, ALL_ABSENT)
    result = invoke("validate", folder)
    assert result.exit_code == 0
    assert "peringatan TC01  NIP kepala instansi tidak tercantum di dokumen sumber" in (
        result.stdout
    )
    assert result.stdout.rstrip().endswith("Rencana sah.")
    assert invoke("validate", "--strict", folder).exit_code == 1


def test_nothing_absent_nothing_listed(tmp_path: Path) -> None:
    # The same plan with every fact stated: no TC finding (the rule is not always on).
    assert problems(edited(tmp_path, {})) == (0, [])


# --- printed pages ---------------------------------------------------------------------------


def report(folder: Path, fmt: str, *extra: str) -> str:
    result = invoke("report", folder, "--format", fmt, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def text_of(page: str) -> str:
    """The words of a page, without HTML tags and Markdown marks, one space apart."""
    words = re.sub(r"<[^>]+>|[\\*|#]|-{3,}", " ", page)
    return " ".join(words.split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_rencana_aksi_says_what_is_absent(tmp_path: Path, fmt: str) -> None:
    page = text_of(report(edited(tmp_path, ALL_ABSENT), fmt))
    # The signature blocks: no invented name, NIP, place or date.
    assert "tempat dan tanggal tidak tercantum" in page
    assert "jabatan tidak tercantum" in page
    assert "pangkat tidak tercantum" in page
    assert "NIP. tidak tercantum" in page
    assert "19670319" not in page
    # Tabel 2.3 and the bidang pages: amounts not stated, totals not made up.
    assert "Rp 0" not in page
    assert "tidak tercantum" in page.split("Total Pagu Anggaran", 1)[1][:40]
    # The PK names its pihak kedua as not stated.
    assert "Pihak pertama Pihak kedua" in page
    assert "Nama tidak tercantum tidak tercantum" in page  # both names absent


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_perjanjian_kinerja_alone_prints_as_one_with_both_parties(fmt: str) -> None:
    raw = report(PK_ONLY, fmt)
    page = text_of(raw)
    assert "PERJANJIAN KINERJA TAHUN 2024" in page
    assert "RENCANA AKSI" not in raw
    assert "PEMERINTAH KOTA CONTOH" in page  # printed where the official heading has it
    assert page.index("PEMERINTAH KOTA CONTOH") < page.index("PERJANJIAN KINERJA TAHUN")
    assert "Pihak pertama Pihak kedua" in page
    assert "Nama KEPALA CONTOH, S.Sos. WALI KOTA CONTOH" in page
    assert "Identitas NIP. tidak tercantum tanpa NIP/NRP (pejabat negara)" in page
    # Signatures: pihak kedua (no NIP line at all), then pihak pertama, dated as written.
    second = page.index("PIHAK KEDUA,")
    first = page.index("PIHAK PERTAMA,")
    assert second < first
    assert "WALI KOTA CONTOH NIP" not in page[second:first]
    assert "Contoh, Januari 2024" in page
    assert "Januari 2024 PIHAK PERTAMA" in page
    # The target and the amounts the document does not state.
    assert "Persentase pengaduan yang ditindaklanjuti tidak tercantum" in page
    assert "Jumlah Anggaran tidak tercantum" in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_signers_print_the_identity_of_their_kind(tmp_path: Path, fmt: str) -> None:
    folder = edited(
        tmp_path,
        {
            "instansi.yaml": [
                (
                    '  nip: "19670319 199702 1 003"\n  pangkat: Pembina Utama Muda\n'
                    "  golongan: IV/c\n",
                    "  nrp: 69050243\n  pangkat: Inspektur Jenderal Polisi\n",
                ),
                ("tanggal: 2024-01-02\n", "tanggal: Januari 2024\n"),
            ],
            "perjanjian-kinerja.yaml": [
                (
                    "tahun: 2024\n",
                    "tahun: 2024\npihak_kedua:\n  nama: MENTERI CONTOH\n  jabatan: Menteri Contoh\n"
                    "  identitas: pejabat negara\n",
                )
            ],
        },
    )
    assert problems(folder) == (0, [])
    page = text_of(report(folder, fmt))
    assert "Inspektur Jenderal Polisi NRP. 69050243" in page
    assert "NIP. 69050243" not in page
    assert "Samarinda, Januari 2024" in page
    assert "Identitas NRP. 69050243 tanpa NIP/NRP (pejabat negara)" in page


def test_the_pemantauan_of_a_plan_with_an_absent_pagu_takes_no_share(tmp_path: Path) -> None:
    folder = edited(tmp_path, {"perjanjian-kinerja.yaml": ALL_ABSENT["perjanjian-kinerja.yaml"]})
    shutil.copytree(HERE / "rules" / "base" / "realisasi", folder / "realisasi")
    for fmt in FORMATS:
        page = text_of(report(folder, fmt, "--triwulan", "2"))
        assert "Jumlah tidak tercantum" in page
        assert "Rp 0" not in page.split("Jumlah", 1)[1][:30]


def test_a_perjanjian_kinerja_alone_is_monitored_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(PK_ONLY, folder)
    (folder / "realisasi").mkdir()
    (folder / "realisasi" / "tw1.yaml").write_text(
        "triwulan: 1\nindikator:\n  - id: pk-1\n    realisasi: 81\n", encoding="utf-8"
    )
    assert problems(folder)[0] == 0
    for fmt in FORMATS:
        raw = report(folder, fmt, "--triwulan", "1")
        assert "LAPORAN PEMANTAUAN PERJANJIAN KINERJA" in text_of(raw)
        assert "RENCANA AKSI" not in raw


# --- diff --------------------------------------------------------------------------------------


def test_diff_says_an_amount_became_absent(tmp_path: Path) -> None:
    base = edited(tmp_path / "a", {})
    head = edited(
        tmp_path / "b",
        {"perjanjian-kinerja.yaml": [("pagu: 100_000_000", "pagu: tidak tercantum")]},
    )
    diff = compare_dirs(base, head)
    text = diff_text(diff)
    assert "Pagu Sub Kegiatan A: Rp 100.000.000 → tidak tercantum" in text
    assert "Total pagu Rp 300.000.000 → tidak tercantum" in text
    document = json.loads(diff_json(diff))
    assert document["totals"]["agency"] == {
        "key": "total",
        "name": "Total pagu",
        "old": 300_000_000,
        "new": "tidak tercantum",
        "delta": "tidak tercantum",
    }
    pagu = next(c for c in document["changes"] if c["kind"] == "pagu")
    assert (pagu["old"], pagu["new"]) == (100_000_000, "tidak tercantum")
    assert sorted(p["code"] for p in document["findings"]["introduced"]) == ["TC01", "TC02"]


def test_diff_names_the_pihak_kedua(tmp_path: Path) -> None:
    base = edited(tmp_path / "a", {})
    head = edited(
        tmp_path / "b",
        {
            "perjanjian-kinerja.yaml": [
                ("tahun: 2024\n", "tahun: 2024\npihak_kedua: tidak tercantum\n")
            ]
        },
    )
    text = diff_text(compare_dirs(base, head))
    assert "Penandatangan: pihak kedua (kosong) → tidak tercantum" in text


def test_diff_shows_a_date_that_became_month_precise(tmp_path: Path) -> None:
    base = edited(tmp_path / "a", {})
    head = edited(
        tmp_path / "b", {"instansi.yaml": [("tanggal: 2024-01-02\n", "tanggal: Januari 2024\n")]}
    )
    diff = compare_dirs(base, head)
    assert "Tanggal tanda tangan: 2 Januari 2024 → Januari 2024" in diff_text(diff)
    (signing,) = json.loads(diff_json(diff))["changes"]
    assert (signing["old"], signing["new"]) == ("2024-01-02", "2024-01")
