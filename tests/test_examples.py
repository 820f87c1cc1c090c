"""The three illustrative plans in examples/ (issue 12) validate, list what their sources
do not state, and print as the documents they are, whole and per monitoring period.

The Markdown of each is a golden file (``tests/golden/contoh-*``), rewritten with
``pytest tests/test_examples.py --update-golden`` and reviewed like code.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

from renaksi.cli import main
from renaksi.diff.revisions import compare_dirs
from renaksi.output.diff_words import headline, sentence
from renaksi.output.messages import message
from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.plan.periods import Period
from renaksi.report.render import render, render_monitoring, render_pk
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
PROVENANCE = Provenance(
    commit="0123456789abcdef0123456789abcdef01234567", dirty=False, version="golden"
)
PK = "pk-kementerian-2021"
PERWAKILAN = "perwakilan-2024"
UPT = "upt-2024"
ALL = (PK, PERWAKILAN, UPT)
#: The periods each example reports (its realisasi files).
PERIODS = {PERWAKILAN: ("tahunan",), UPT: ("s1", "sd-2024-10-31")}


@cache
def plan(name: str) -> Plan:
    result = validate([EXAMPLES / name])
    assert not result.failed(), f"examples/{name} does not validate"
    return result.loads[0].plan


def document(name: str, fmt: str) -> str:
    return render(plan(name), output_format=fmt, bidang=None, provenance=PROVENANCE)


def monitoring(name: str, period: str, fmt: str) -> str:
    found = Period.parse(period)
    assert found is not None
    return render_monitoring(
        plan(name), found, output_format=fmt, bidang=None, provenance=PROVENANCE
    )


@pytest.mark.parametrize("name", ALL)
def test_example_is_labelled_illustrative(name: str) -> None:
    readme = (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
    assert "CONTOH ILUSTRATIF yang ditulis untuk renaksi, bukan dokumen nyata" in readme
    assert (
        (EXAMPLES / name / "instansi.yaml")
        .read_text(encoding="utf-8")
        .startswith("# CONTOH ILUSTRATIF")
    )


@pytest.mark.parametrize("name", ALL)
def test_example_validates_and_lists_what_is_absent(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(EXAMPLES / name)]) == 0
    out = capsys.readouterr().out
    assert "0 galat" in out
    assert "TC01" in out
    assert "tidak tercantum di dokumen sumber" in out
    # The absence is honest, not silent: a reviewer can refuse it.
    assert main(["validate", "--strict", str(EXAMPLES / name)]) == 1


def test_pk_states_no_renstra_iku_or_budget() -> None:
    result = validate([EXAMPLES / PK])
    absent = sorted((Path(p.location.file).name, p.location.line) for p in result.problems)
    assert all(p.code == "TC01" for p in result.problems)
    # alamat; Renstra periode, visi, misi, tujuan; IKU; the budget; iku-3's target.
    assert absent == [
        ("instansi.yaml", 10),
        ("instansi.yaml", 23),
        ("instansi.yaml", 24),
        ("instansi.yaml", 25),
        ("instansi.yaml", 26),
        ("instansi.yaml", 33),
        ("perjanjian-kinerja.yaml", 9),
        ("perjanjian-kinerja.yaml", 28),
    ]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_pk_prints_as_a_perjanjian_kinerja_of_two_parties(fmt: str) -> None:
    text = document(PK, fmt)
    assert "PERJANJIAN KINERJA TAHUN 2021" in text
    assert "RENCANA AKSI" not in text
    assert "Irjen. Pol. Drs. ARYA WIDJANARKO, M.Si." in text  # pihak pertama
    assert "NRP. 66050418" in text
    assert "NIP." not in text
    assert "Prof. Dr. HARYONO SASTRAWIJAYA, S.H., M.H." in text  # pihak kedua
    assert "tanpa NIP/NRP (pejabat negara)" in text
    assert "Jakarta, Januari 2021" in text
    assert "Anggaran:" in text  # the budget
    assert "dalam dokumen Perjanjian Kinerja" in text
    assert text.count("tidak tercantum") >= 2  # and iku-3's target


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_perwakilan_prints_each_tier_as_its_own_table(fmt: str) -> None:
    text = document(PERWAKILAN, fmt)
    assert "PERJANJIAN KINERJA TAHUN 2024" in text
    assert "RENCANA AKSI" not in text
    assert "Indikator Kinerja Program (IKP)" in text
    assert "Indikator Kinerja Kegiatan (IKK)" in text
    assert "Dr. LALU MUHAMMAD SYARIFUDDIN" in text
    assert "Ir. BAMBANG HARIADI SUTOMO" in text
    assert "NIP. tidak tercantum" in text  # pihak kedua's NIP, not printed by the source
    assert "Level 1: 33%; Level 2: 50%; Level 3: 17%" in text
    assert "Skala 7" in text
    assert "Level 3" in text
    assert "966.661.000" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_perwakilan_monitoring_shows_verdicts(fmt: str) -> None:
    text = monitoring(PERWAKILAN, "tahunan", fmt)
    assert "LAPORAN PEMANTAUAN PERJANJIAN KINERJA" in text
    assert "belum tercapai (1 tingkat di bawah target)" in text  # Skala 6 of Skala 7
    assert "tercapai (sama dengan target)" in text  # Level 3
    assert "tidak dapat dinilai (arah tidak tercantum)" in text  # the distribution
    assert "105,00%" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_upt_prints_tambahan_caps_and_absent_chapters(fmt: str) -> None:
    text = document(UPT, fmt)
    assert "RENCANA AKSI" in text
    assert "Indikator Kinerja Tambahan" in text
    assert "maks. 1%" in text
    assert "min. 95%" in text
    assert "Teks bab ini tidak tercantum dalam dokumen sumber." in text
    assert "IKU tidak tercantum dalam dokumen sumber." in text
    assert "(periode Renstra tidak tercantum)" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_upt_monitoring_by_semester_and_to_date(fmt: str) -> None:
    s1 = monitoring(UPT, "s1", fmt)
    assert "SEMESTER I TAHUN 2024" in s1
    assert "maks. 1%" in s1
    assert "min. 95%" in s1
    assert "dinilai pada akhir tahun (target tahunan)" in s1
    october = monitoring(UPT, "sd-2024-10-31", fmt)
    assert "S.D. 31 OKTOBER 2024" in october
    assert "belum tercapai" in october  # downtime 1,3% against maks. 1%
    assert "Sangat Rendah" in october  # pungli 0,4% against a zero target
    for text in (s1, october):
        # The budgeted units are APBN outputs and a kegiatan, and are called so.
        assert "SUB KEGIATAN" not in text
        assert "OUTPUT" in text
        assert "KEGIATAN" in text


GOLDEN_CASES = [(f"contoh-{name}.md", name, None) for name in ALL] + [
    (f"contoh-{name}-{period}.md", name, period)
    for name, periods in PERIODS.items()
    for period in periods
]


@pytest.mark.parametrize(("file_name", "name", "period"), GOLDEN_CASES)
def test_example_golden(file_name: str, name: str, period: str | None, update_golden: bool) -> None:
    actual = document(name, "md") if period is None else monitoring(name, period, "md")
    path = GOLDEN / file_name
    if update_golden:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing; run pytest tests/test_examples.py --update-golden"
    assert actual == path.read_bytes().decode("utf-8"), (
        f"{file_name} differs; if intended, run pytest tests/test_examples.py --update-golden"
    )


def test_rl10_names_apbn_units_by_their_own_word(tmp_path: Path) -> None:
    folder = tmp_path / "upt-2024"
    shutil.copytree(EXAMPLES / UPT, folder)
    s1 = folder / "realisasi" / "s1.yaml"
    text = s1.read_text(encoding="utf-8")
    start = text.index("  - sub_kegiatan: o-sertifikasi")
    end = text.index("  - sub_kegiatan: k-dukungan")
    s1.write_text(text[:start] + text[end:], encoding="utf-8")
    found = [p for p in validate([folder]).problems if p.code == "RL10"]
    assert len(found) == 1
    assert message(found[0]) == "output belum dilaporkan s.d. Semester I: o-sertifikasi"


def test_diff_headline_names_apbn_units_by_their_own_word(tmp_path: Path) -> None:
    base, head = tmp_path / "base" / "2024", tmp_path / "head" / "2024"
    shutil.copytree(ROOT / "tests" / "fixtures" / "apbn" / "2024", base)
    shutil.copytree(base, head)
    pk = head / "perjanjian-kinerja.yaml"
    text = pk.read_text(encoding="utf-8")
    # One new output of 45.000.000 in k-apd, with every total written up to match.
    old_output = '            pagu: "554.161.000,00"\n            bidang: akuntabilitas\n'
    new_output = (
        old_output + "          - id: o-reviu\n"
        "            nama: Reviu Laporan Keuangan Pemerintah Daerah\n"
        '            pagu: "45.000.000,00"\n'
        "            bidang: akuntabilitas\n"
    )
    text = text.replace(old_output, new_output)
    for old, new in (
        ("966.661.000,00", "1.011.661.000,00"),
        ("2.872.261.000,00", "2.917.261.000,00"),
        ("5.990.661.000,00", "6.035.661.000,00"),
    ):
        text = text.replace(old, new)
    pk.write_text(text, encoding="utf-8")
    line = headline(compare_dirs(base, head))
    assert "1 output baru" in line
    assert "sub kegiatan" not in line


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_pk_only_monitoring_prints_its_budget(fmt: str) -> None:
    """A Perjanjian Kinerja alone has no bidang pages; its units' realisasi anggaran is
    printed with the PK's indicators rather than validated and dropped."""
    text = monitoring(PERWAKILAN, "tahunan", fmt)
    assert "Realisasi Anggaran Tahun 2024" in text
    assert "KEGIATAN" in text
    assert "SUB KEGIATAN" not in text
    for spent, share in (
        ("Rp 941.205.300", "97,37%"),  # k-pembinaan of Rp 966.661.000
        ("Rp 1.198.044.150", "96,04%"),  # k-evaluasi of Rp 1.247.380.000
        ("Rp 3.322.716.480", "97,27%"),  # k-dukungan of Rp 3.415.902.000
        ("Rp 5.461.965.930", "97,02%"),  # the total, of Rp 5.629.943.000
    ):
        assert spent in text
        assert text.index(spent) < text.index(share)
    assert "Rp 5.629.943.000" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_pk_only_monitoring_says_an_unstated_budget_is_absent(fmt: str) -> None:
    text = monitoring(PK, "tahunan", fmt)
    assert "anggaran tidak tercantum dalam dokumen Perjanjian Kinerja" in text
    assert "Realisasi Anggaran" not in text


def _order(text: str, *parts: str) -> list[int]:
    return [text.index(part) for part in parts]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_monitoring_prints_each_tier_as_its_own_table(fmt: str) -> None:
    """IKP and IKK of the perwakilan, IKK and the tambahan set of the UPT: each tier is a
    table of its own in the monitoring report too, numbered from 1, as the PK prints it."""
    text = monitoring(PERWAKILAN, "tahunan", fmt)
    where = _order(
        text,
        "Capaian Indikator Kinerja Program (IKP) Tahun 2024",
        "Persentase rekomendasi hasil pengendalian mutu",
        "Capaian Indikator Kinerja Kegiatan (IKK) Tahun 2024",
        "Tingkat maturitas penyelenggaraan SPIP",
        "Jumlah laporan hasil evaluasi mutu",
    )
    assert where == sorted(where)
    assert "Capaian Indikator Perjanjian Kinerja" not in text
    for period in PERIODS[UPT]:
        text = monitoring(UPT, period, fmt)
        where = _order(
            text,
            "Capaian Indikator Kinerja Kegiatan (IKK)",
            "Persentase realisasi anggaran",
            "Capaian Indikator Kinerja Tambahan",
            "Persentase pegawai yang menerima gratifikasi",
            "Persentase waktu henti sistem",
        )
        assert where == sorted(where)
    if fmt == "md":
        # The explanation is numbered as its row in the tambahan table (the third).
        assert "**3. Persentase waktu henti sistem layanan pengujian daring per bulan**" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("bidang", [None, "pengujian"])
def test_bidang_without_indicators_says_so(fmt: str, bidang: str | None) -> None:
    """The UPT's seksi and subbagian state no indicator of their own: their pages say so in
    a line rather than print the header of an empty indicator table."""
    text = render(plan(UPT), output_format=fmt, bidang=bidang, provenance=PROVENANCE)
    said = "Seksi Pengujian dan Sertifikasi tidak mempunyai indikator kinerja sendiri."
    assert said in text
    assert text.count("tidak mempunyai indikator kinerja sendiri.") == (2 if bidang is None else 1)
    if fmt == "md":
        assert "| INDIKATOR KINERJA | Triw I | Triw II | Triw III | Triw IV |" not in text
    else:
        assert '<table class="indikator">' not in text


COVER = '  alamat: Jalan Perintis Kemerdekaan Km. 12, Makassar\n  kode_pos: "90245"\n'


def _cover(tmp_path: Path, lines: str, fmt: str) -> str:
    """The UPT's document with the cover's contact details written as ``lines``."""
    folder = tmp_path / UPT
    shutil.copytree(EXAMPLES / UPT, folder)
    instansi = folder / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    assert COVER in text
    instansi.write_text(text.replace(COVER, lines), encoding="utf-8")
    result = validate([folder])
    assert not result.failed(), [message(p) for p in result.problems]
    loaded = result.loads[0].plan
    return render(loaded, output_format=fmt, bidang=None, provenance=PROVENANCE)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_cover_names_each_absent_contact_detail(tmp_path: Path, fmt: str) -> None:
    """A contact detail written ``tidak tercantum`` is printed with its name, never as a
    bare "tidak tercantum" after a separator or on a line of its own."""
    text = _cover(
        tmp_path,
        "  alamat: tidak tercantum\n  kode_pos: tidak tercantum\n"
        "  telepon: tidak tercantum\n  website: tidak tercantum\n",
        fmt,
    )
    for said in (
        "Alamat: tidak tercantum",
        "Kode pos: tidak tercantum",
        "Telepon: tidak tercantum",
        "Situs web: tidak tercantum",
    ):
        assert said in text
    assert "· tidak tercantum" not in text
    assert "\ntidak tercantum" not in text
    assert '<p class="center">tidak tercantum' not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_cover_prints_stated_details_and_names_the_absent_one(tmp_path: Path, fmt: str) -> None:
    text = _cover(
        tmp_path,
        COVER + '  telepon: "(0411) 584321"\n  website: tidak tercantum\n',
        fmt,
    )
    assert "Jalan Perintis Kemerdekaan Km. 12, Makassar 90245" in text
    # The html cover's kop (report.kop) prints the telephone the way letterheads do.
    assert ("Telepon (0411) 584321" if fmt == "md" else "Telp. (0411) 584321") in text
    assert "Situs web: tidak tercantum" in text
    assert "· tidak tercantum" not in text
    if fmt == "md":
        line = (
            "Jalan Perintis Kemerdekaan Km. 12, Makassar 90245 · Telepon (0411) 584321 · "
            "Situs web: tidak tercantum"
        )
        assert line in text.splitlines()


def test_diff_names_realisasi_of_apbn_units_by_their_own_word(tmp_path: Path) -> None:
    """The UPT's budgeted units are APBN outputs and a kegiatan: a diff of its realisasi
    counts and says them so, and its JSON carries each unit's level."""
    base, head = tmp_path / "base" / UPT, tmp_path / "head" / UPT
    shutil.copytree(EXAMPLES / UPT, base)
    shutil.copytree(base, head)
    (base / "realisasi" / "sd-2024-10-31.yaml").unlink()  # head adds the October file
    s1 = base / "realisasi" / "s1.yaml"
    text = s1.read_text(encoding="utf-8")
    start = text.index("  - sub_kegiatan: o-sertifikasi")
    end = text.index("  - sub_kegiatan: k-dukungan")
    s1.write_text(text[:start] + text[end:], encoding="utf-8")  # head adds o-sertifikasi
    s1 = head / "realisasi" / "s1.yaml"
    text = s1.read_text(encoding="utf-8")
    s1.write_text(text[: text.index("  - sub_kegiatan: k-dukungan")], encoding="utf-8")
    diff = compare_dirs(base, head)
    line = headline(diff)
    assert "1 realisasi output ditambahkan" in line
    assert "1 realisasi kegiatan dihapus" in line
    assert "sub kegiatan" not in line
    assert "1 laporan realisasi ditambahkan" in line  # s.d. 31 Oktober is no quarter
    assert "triwulan" not in line
    levels = {c.key: c.detail.get("level") for c in diff.changes}
    assert levels["o-sertifikasi"] == "output"
    assert levels["k-dukungan"] == "kegiatan"
    assert levels["sd-2024-10-31"] == "kegiatan/output"
    (added,) = [c for c in diff.changes if c.key == "sd-2024-10-31"]
    counts = sentence(added, {})
    assert "3 kegiatan/output" in counts
    assert "sub kegiatan" not in counts


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_pk_only_monitoring_has_no_aksi_legend(tmp_path: Path, fmt: str) -> None:
    """A PK alone plans no aksi: its monitoring report explains the capaian categories but
    not the marks of an aksi schedule it does not have; a Rencana Aksi's report does."""
    from renaksi.cli import main

    pk_only = tmp_path / f"pk.{fmt}"
    upt = tmp_path / f"upt.{fmt}"
    examples = Path(__file__).resolve().parent.parent / "examples"
    argv = ["report", "--periode", "tahunan", "-f", fmt]
    assert main([*argv[:1], str(examples / "perwakilan-2024"), *argv[1:], "-o", str(pk_only)]) == 0
    argv = ["report", "--periode", "s1", "-f", fmt]
    assert main([*argv[:1], str(examples / "upt-2024"), *argv[1:], "-o", str(upt)]) == 0
    assert "Kategori capaian:" in pk_only.read_text(encoding="utf-8")
    assert "Jadwal aksi:" not in pk_only.read_text(encoding="utf-8")
    assert "Jadwal aksi:" in upt.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_pk_of_a_bidang_without_indicators_says_so_instead_of_an_empty_table(fmt: str) -> None:
    text = render_pk(plan(UPT), output_format=fmt, bidang="tata-usaha", provenance=PROVENANCE)
    assert "Subbagian Tata Usaha tidak mempunyai indikator kinerja sendiri" in text
    assert "Indikator Kinerja" not in text.split("LAMPIRAN PERJANJIAN KINERJA")[1]
