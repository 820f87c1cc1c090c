"""Budget shapes and goal tiers: an APBN plan (program > kegiatan > output, pagu on the
kegiatan or its outputs), a PK that states no budget, and goals in tiers (sasaran program
with IKP, sasaran kegiatan with IKK) plus a declared indicator set, validated, printed and
diffed.

The APBN plan is ``tests/fixtures/apbn/2024``, a made-up provincial office of a national
agency (its README says what it covers). Expected values are read from its YAML with a plain
YAML parser where they are numbers, and written out literally where the printed words matter.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from renaksi.diff.changes import ChangeKind
from renaksi.diff.fields import field_changes
from renaksi.diff.plan import diff_plans
from renaksi.output.diff_words import sentence
from renaksi.plan.load import load_plan
from renaksi.report.rencana_aksi import rencana_aksi_view
from renaksi.rules.check import validate
from test_report import (
    assert_tables_intact,
    grouped,
    html_tables,
    invoke,
    md_tables,
    plain,
    tables_of,
)

ROOT = Path(__file__).resolve().parent.parent
APBN = ROOT / "tests" / "fixtures" / "apbn" / "2024"
FORMATS = ("md", "html")


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def rupiah(text: str) -> int:
    """``"966.661.000,00"`` as the whole rupiah it is."""
    whole, _, cents = text.partition(",")
    assert cents in ("", "00")
    return int(whole.replace(".", ""))


def report(*args: str, plan: Path = APBN) -> str:
    result = invoke("report", plan, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


# --- validating ------------------------------------------------------------------------------


def test_the_apbn_plan_validates_clean() -> None:
    result = invoke("validate", APBN)
    assert result.exit_code == 0, result.output
    assert "0 galat, 0 peringatan" in result.stdout
    assert validate([APBN]).problems == []


def test_the_budgeted_units_are_kegiatan_and_outputs() -> None:
    pk = load_plan(APBN).plan.pk
    assert pk is not None
    units = [(u.level, u.id, u.pagu, u.bidang, u.key) for u in pk.units()]
    assert units == [
        ("output", "o-spip", 412_500_000, "akuntabilitas", "output"),
        ("output", "o-audit", 554_161_000, "akuntabilitas", "output"),
        ("kegiatan", "k-evaluasi", 701_250_000, "akuntabilitas", "kegiatan"),
        ("kegiatan", "k-investigasi", 1_204_350_000, "investigasi", "kegiatan"),
        ("kegiatan", "k-dukungan", 3_118_400_000, "tata-usaha", "kegiatan"),
    ]
    # Each unit knows where it is, for findings, and what it belongs to.
    first = next(iter(pk.units()))
    assert first.path == ("program", 0, "kegiatan", 0, "output", 0)
    assert first.kegiatan.id == "k-apd"
    assert first.program.id == "p-pengawasan"


def test_the_written_totals_are_the_sums_at_kegiatan_depth() -> None:
    # The fixture's own arithmetic, from the YAML as written (",00" amounts): the kegiatan
    # that has outputs is their sum, the program the sum of its kegiatan, the total of
    # the programs. validate agrees (above); this makes sure the check is not vacuous.
    pk = load_yaml(APBN / "perjanjian-kinerja.yaml")
    programs = pk["program"]
    k_apd = programs[0]["kegiatan"][0]
    assert rupiah(k_apd["pagu"]) == sum(rupiah(o["pagu"]) for o in k_apd["output"])
    assert rupiah(programs[0]["pagu"]) == sum(rupiah(k["pagu"]) for k in programs[0]["kegiatan"])
    total = sum(rupiah(k["pagu"]) for p in programs for k in p["kegiatan"])
    assert rupiah(pk["total_pagu"]) == total == 5_990_661_000


def test_a_wrong_output_pagu_is_found_at_its_kegiatan(tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(APBN, folder)
    path = folder / "perjanjian-kinerja.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"412.500.000,00"', '"412.500.001,00"'), encoding="utf-8")
    codes = [(p.code, p.location.line) for p in validate([folder]).problems]
    # Reported once, at the kegiatan whose written pagu no longer adds up (line 79).
    assert codes == [("BG01", 79)]


# --- printing --------------------------------------------------------------------------------


def _by_caption(out: str, fmt: str) -> dict[str, str]:
    """Table number -> caption line, as printed."""
    found = {}
    for line in out.splitlines():
        if fmt == "md" and line.startswith("**Tabel "):
            number, _, caption = line.removeprefix("**Tabel ").partition("** ")
            found[number] = caption
        elif fmt == "html" and line.startswith("<caption>Tabel "):
            number, _, caption = line.removeprefix("<caption>Tabel ").partition("<br>")
            found[number] = caption.split("<br>")[0]
    return found


def _spread(table: Any) -> Any:
    """``table`` with each cell merged down several rows (a sasaran printed once for its
    indicators, as the official tables print it) repeated in every row it covers."""
    above: dict[int, tuple[Any, int]] = {}  # column -> (cell, further rows it covers)
    rows = []
    for row in table.rows:
        cells, column, given = [], 0, iter(row)
        while True:
            if column in above:
                cell, left = above.pop(column)
                if left > 1:
                    above[column] = (cell, left - 1)
            else:
                cell = next(given, None)
                if cell is None:
                    break
                if cell.rowspan > 1:
                    above[column] = (cell, cell.rowspan - 1)
            cells.append(cell)
            column += 1
        rows.append(cells)
    return replace(table, rows=rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_tier_is_its_own_table_and_the_numbers_follow(fmt: str) -> None:
    out = report("--format", fmt)
    assert_tables_intact(out, fmt)
    captions = _by_caption(out, fmt)
    # No indicator of the PK measures a sasaran strategis: that table is left out, and
    # the tables after it are numbered on.
    assert [(n, c.split(" Perwakilan")[0]) for n, c in captions.items()] == [
        ("2.1", "Indikator Kinerja Utama (IKU)"),
        ("2.2", "Sasaran Program dan Indikator Kinerja Program (IKP)"),
        ("2.3", "Sasaran Kegiatan dan Indikator Kinerja Kegiatan (IKK)"),
        ("2.4", "Indikator Kinerja Tambahan"),
        ("2.5", "Program, Kegiatan dan Output yang Menunjang Sasaran"),
        ("2.6", "Target Rencana Aksi untuk Pencapaian Sasaran"),
    ]
    tables = tables_of(out, fmt)
    ikp, ikk, tambahan = (_spread(t) for t in tables[1:4])
    assert ikp.header == "NO Sasaran Program Program Indikator Kinerja Program Target Kinerja"
    assert [[c.text for c in row] for row in ikp.rows] == [
        [
            "1",
            "Meningkatnya kualitas tata kelola keuangan dan pembangunan daerah",
            "Program Pengawasan Akuntabilitas Keuangan dan Pembangunan",
            "Tingkat maturitas penyelenggaraan SPIP pemerintah daerah",
            "3 level",
        ],
        [
            "2",
            "Meningkatnya kualitas tata kelola keuangan dan pembangunan daerah",
            "Program Pengawasan Akuntabilitas Keuangan dan Pembangunan",
            "Persentase pemerintah daerah dengan opini wajar tanpa pengecualian",
            "90%",
        ],
    ]
    assert ikk.header == "NO Sasaran Kegiatan Kegiatan Indikator Kinerja Kegiatan Target Kinerja"
    assert [[c.text for c in row][2:] for row in ikk.rows] == [
        [
            "Pengawasan Akuntabilitas Keuangan Pemerintah Daerah",
            "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti",
            "80%",
        ],
        ["Pengawasan Investigatif", "Jumlah laporan hasil audit investigatif", "12 laporan"],
    ]
    assert tambahan.header == "NO Sasaran Indikator Kinerja Target Kinerja"
    assert [c.text for c in tambahan.rows[0]][2:] == [
        "Persentase pegawai yang mengikuti pengembangan kompetensi",
        "100%",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_budget_table_stops_at_kegiatan_and_output(fmt: str) -> None:
    out = report("--format", fmt)
    budget = next(t for t in tables_of(out, fmt) if "Pagu Anggaran" in t.header)
    assert "Kegiatan/Output" in budget.header
    assert "Sub Kegiatan" not in plain(out, fmt).split("Tabel 2.6")[0].split("Tabel 2.5")[1]
    pagu = {row[-2].text.removeprefix("Kegiatan: "): row[-1].text for row in budget.rows}
    if fmt == "html":
        # The first row of each output list carries the heading "Output:".
        pagu = {k.removeprefix("Output: "): v for k, v in pagu.items()}
    pk = load_yaml(APBN / "perjanjian-kinerja.yaml")
    for program in pk["program"]:
        for keg in program["kegiatan"]:
            assert pagu[keg["nama"]] == grouped(rupiah(keg["pagu"])), keg["nama"]
    assert budget.rows[-1][-1].text == "5.990.661.000"
    outputs = [k for k in pagu if "Output" in k or k.startswith(("1. ", "2. "))]
    if fmt == "md":
        assert outputs == [
            "Output 1: Penilaian Maturitas SPIP Pemerintah Daerah",
            "Output 2: Audit Tujuan Tertentu atas Pengelolaan Keuangan Daerah",
        ]
    else:
        assert outputs == [
            "1. Penilaian Maturitas SPIP Pemerintah Daerah",
            "2. Audit Tujuan Tertentu atas Pengelolaan Keuangan Daerah",
        ]
    # Kegiatan rows, output rows, the total row: nothing else.
    assert len(budget.rows) == 4 + 2 + 1


def test_bidang_pages_name_what_is_planned() -> None:
    out = report("--bidang", "akuntabilitas")
    assert "**Output 1: Penilaian Maturitas SPIP Pemerintah Daerah**" in out
    assert "**Output 2: Audit Tujuan Tertentu atas Pengelolaan Keuangan Daerah**" in out
    assert "**Kegiatan 1: Evaluasi Akuntabilitas Kinerja Pemerintah Daerah**" in out
    assert "Sub Kegiatan" not in out
    # A kegiatan that carries its own pagu is not printed as "Kegiatan:" of itself.
    evaluasi = out.split("**Kegiatan 1:")[1]
    assert "- Kegiatan:" not in evaluasi.split("| No |")[0]
    assert "- Pagu anggaran: Rp 701.250.000" in evaluasi


def test_html_aksi_table_of_a_kegiatan_has_no_part_column() -> None:
    out = report("--bidang", "investigasi", "--format", "html")
    assert_tables_intact(out, "html")
    (aksi,) = [t for t in html_tables(out) if "AKSI/KEGIATAN" in t.header]
    assert "SUB KEGIATAN" not in aksi.header
    assert "OUTPUT/ KELUARAN PROGRAM KEGIATAN TARGET PAGU ANGGARAN" in aksi.header
    out = report("--bidang", "akuntabilitas", "--format", "html")
    headers = [t.header for t in html_tables(out) if "AKSI/KEGIATAN" in t.header]
    assert ["PROGRAM KEGIATAN OUTPUT TARGET" in h for h in headers] == [True, True, False]


def test_a_budget_not_stated_is_printed_as_not_stated(tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(APBN, folder)
    # Without a budget there is no budgeted unit to plan: the bidang files keep their
    # signers and indicators, not their rencana aksi.
    for bidang in (folder / "bidang").glob("*.yaml"):
        written = load_yaml(bidang)
        del written["rencana_aksi"]
        with bidang.open("w", encoding="utf-8") as handle:
            YAML().dump(written, handle)
    path = folder / "perjanjian-kinerja.yaml"
    data = load_yaml(path)
    data["anggaran"] = "tidak tercantum"
    del data["total_pagu"]
    for program in data["program"]:
        program.pop("pagu", None)
        for keg in program["kegiatan"]:
            for key in ("pagu", "bidang", "output"):
                keg.pop(key, None)
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(data, handle)
    result = invoke("validate", folder)
    assert result.exit_code == 0, result.output
    for fmt in FORMATS:
        out = report("--format", fmt, plan=folder)
        seen = plain(out, fmt)
        assert "Pagu anggaran: tidak tercantum dalam dokumen Perjanjian Kinerja." in seen
        assert "Pagu Anggaran" not in seen
        # The budget table is gone and the quarterly table takes its number.
        assert list(_by_caption(out, fmt)) == ["2.1", "2.2", "2.3", "2.4", "2.5"]


def test_the_2024_plan_prints_its_tables_as_before() -> None:
    # The pemda plan has no tiers: one PK table, numbered and headed as the signed document.
    view = rencana_aksi_view(load_plan(ROOT / "plans" / "2024").plan)
    assert [t.nomor for t in view.indikator_tables] == ["2.2"]
    assert view.nomor == {"iku": "2.1", "anggaran": "2.3", "triwulan": "2.4"}
    assert not view.tiered
    assert view.budget.column == "Kegiatan/Sub Kegiatan"
    md = md_tables(report(plan=ROOT / "plans" / "2024"))
    assert md[1].header == "NO Sasaran Strategis Indikator Kinerja Sasaran Target Kinerja"


# --- diffing ---------------------------------------------------------------------------------


def _plan_with(tmp_path: Path, name: str, old: str, new: str, file: str) -> Any:
    folder = tmp_path / name / "2024"
    shutil.copytree(APBN, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_plan(folder).plan


def test_a_kegiatan_pagu_change_is_a_pagu_change(tmp_path: Path) -> None:
    # An APBN kegiatan without outputs carries the pagu: a change to it is a budget change
    # (its written pagu is no restated total there).
    base = load_plan(APBN).plan
    head = _plan_with(
        tmp_path,
        "head",
        'pagu: "701.250.000,00"',
        'pagu: "801.250.000,00"',
        "perjanjian-kinerja.yaml",
    )
    changes = [c for c in diff_plans(base, head).changes if c.kind is ChangeKind.PAGU]
    assert [sentence(c, {}) for c in changes] == [
        "Pagu Evaluasi Akuntabilitas Kinerja Pemerintah Daerah: "
        "Rp 701.250.000 → Rp 801.250.000 (+Rp 100.000.000; +14,26%)"
    ]


def test_outputs_and_kegiatan_are_named_as_what_they_are(tmp_path: Path) -> None:
    base = load_plan(APBN).plan
    pk = base.pk
    assert pk is not None
    program = pk.program[0]
    k_apd, k_evaluasi = program.kegiatan[0], program.kegiatan[1]
    moved = k_apd.output[1]
    # Output o-audit moves under another kegiatan (now divided into outputs too), and a
    # new output is added there.
    added = moved.model_copy(update={"id": "o-baru", "nama": "Output Baru"})
    head_program = program.model_copy(
        update={
            "kegiatan": [
                k_apd.model_copy(update={"output": [k_apd.output[0]]}),
                k_evaluasi.model_copy(update={"output": [moved, added], "bidang": None}),
                *program.kegiatan[2:],
            ]
        }
    )
    head = replace(base, pk=pk.model_copy(update={"program": [head_program, *pk.program[1:]]}))
    said = [sentence(c, {}) for c in diff_plans(base, head).changes]
    assert "Output baru Output Baru (o-baru), pagu Rp 554.161.000" in said
    assert (
        "Kegiatan Evaluasi Akuntabilitas Kinerja Pemerintah Daerah (k-evaluasi) dihapus; "
        "pagunya Rp 701.250.000" in said
    )
    regrouped = [s for s in said if "pindah kegiatan" in s]
    assert regrouped == [
        "Output Audit Tujuan Tertentu atas Pengelolaan Keuangan Daerah (o-audit) pindah "
        "kegiatan: “Pengawasan Akuntabilitas Keuangan Pemerintah Daerah” → “Evaluasi "
        "Akuntabilitas Kinerja Pemerintah Daerah”"
    ]


def test_a_plan_for_a_kegiatan_added_names_the_kegiatan(tmp_path: Path) -> None:
    base = load_plan(APBN).plan
    entry = next(e for e in base.bidang if e.slug == "investigasi")
    assert entry.model is not None
    planned = entry.model.rencana_aksi[0].model_copy(update={"kegiatan": "k-baru"})
    more = entry.model.model_copy(update={"rencana_aksi": [*entry.model.rencana_aksi, planned]})
    head = replace(base, bidang=[replace(e, model=more) if e is entry else e for e in base.bidang])
    said = [sentence(c, {}) for c in field_changes(base, head)]
    assert said == ["Rencana aksi kegiatan ditambahkan: “k-baru”, target 12 laporan"]


# --- with honest absence ---------------------------------------------------------------------

#: The pihak kedua of the APBN fixture's agreement, for the plan of its PK alone.
PIHAK_KEDUA = {
    "nama": "KEPALA BADAN CONTOH",
    "jabatan": "Kepala Badan Contoh",
    "identitas": "pejabat negara",
}


def _pk_alone(tmp_path: Path, *, stated: bool = True) -> Path:
    """The APBN fixture as a folder with its Perjanjian Kinerja alone: no bidang/ folder,
    no ``bidang:`` on any kegiatan or output (there is no bidang to own them), both parties
    named. Without ``stated`` its budget is written ``anggaran: tidak tercantum``."""
    folder = tmp_path / "pk" / "2024"
    shutil.copytree(APBN, folder)
    shutil.rmtree(folder / "bidang")
    path = folder / "perjanjian-kinerja.yaml"
    data = load_yaml(path)
    data["pihak_kedua"] = PIHAK_KEDUA
    for program in data["program"]:
        for keg in program["kegiatan"]:
            keg.pop("bidang", None)
            for output in keg.get("output", []):
                del output["bidang"]
            if not stated:
                for key in ("pagu", "output"):
                    keg.pop(key, None)
        if not stated:
            program.pop("pagu", None)
    if not stated:
        data["anggaran"] = "tidak tercantum"
        del data["total_pagu"]
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(data, handle)
    return folder


def test_a_pk_alone_with_an_apbn_budget_needs_no_bidang(tmp_path: Path) -> None:
    folder = _pk_alone(tmp_path)
    assert validate([folder]).problems == []
    plan = load_plan(folder).plan
    assert plan.pk_only
    assert plan.pk is not None
    # Its kegiatan and outputs are budgeted units still, owned by no bidang.
    units = [(u.level, u.id, u.pagu, u.bidang) for u in plan.pk.units()]
    assert units == [
        ("output", "o-spip", 412_500_000, None),
        ("output", "o-audit", 554_161_000, None),
        ("kegiatan", "k-evaluasi", 701_250_000, None),
        ("kegiatan", "k-investigasi", 1_204_350_000, None),
        ("kegiatan", "k-dukungan", 3_118_400_000, None),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_pk_alone_prints_its_tiers_and_its_apbn_budget(tmp_path: Path, fmt: str) -> None:
    out = report("--format", fmt, plan=_pk_alone(tmp_path))
    assert_tables_intact(out, fmt)
    seen = plain(out, fmt)
    assert "PERJANJIAN KINERJA TAHUN 2024" in seen
    assert "RENCANA AKSI" not in out
    for title in (
        "Sasaran Program dan Indikator Kinerja Program (IKP)",
        "Sasaran Kegiatan dan Indikator Kinerja Kegiatan (IKK)",
        "Indikator Kinerja Tambahan",
    ):
        assert title in seen
    tables = tables_of(out, fmt)
    ikk = next(t for t in tables if "Indikator Kinerja Kegiatan" in t.header)
    assert ikk.header == "NO Sasaran Kegiatan Kegiatan Indikator Kinerja Kegiatan Target"
    budget = next(t for t in tables if "Anggaran" in t.header)
    assert budget.header == "NO Program Kegiatan/Output Anggaran"
    labels = [row[-2].text for row in budget.rows]
    assert ("Output 1: Penilaian Maturitas SPIP Pemerintah Daerah" in labels) == (fmt == "md")
    assert "Sub Kegiatan" not in seen
    assert budget.rows[-1][-1].text == "5.990.661.000"


def test_a_pk_alone_without_a_budget_lists_it_once_and_prints_it_absent(tmp_path: Path) -> None:
    folder = _pk_alone(tmp_path, stated=False)
    found = [(p.code, p.location.line, p.args.get("what")) for p in validate([folder]).problems]
    assert found == [("TC01", 2, "anggaran Perjanjian Kinerja")]
    result = invoke("validate", "--strict", folder)
    assert result.exit_code == 1, result.output
    for fmt in FORMATS:
        seen = plain(report("--format", fmt, plan=folder), fmt)
        assert "Anggaran: tidak tercantum dalam dokumen Perjanjian Kinerja." in seen
        assert "Jumlah Anggaran" not in seen
        assert "Rp 0" not in seen


def _absent_spip(tmp_path: Path, name: str) -> Any:
    return _plan_with(
        tmp_path,
        name,
        'pagu: "412.500.000,00"',
        "pagu: tidak tercantum",
        "perjanjian-kinerja.yaml",
    )


def test_an_output_pagu_not_stated_is_listed_and_leaves_its_total_unchecked(
    tmp_path: Path,
) -> None:
    head = _absent_spip(tmp_path, "head")
    found = sorted((p.code, p.location.line) for p in validate([head.folder]).problems)
    # The pagu itself (TC01), and the written kegiatan pagu that cannot be checked against
    # its outputs (TC02, not a BG01 that took the absent pagu for Rp 0). The program and
    # the total are checked against that written kegiatan pagu, and agree.
    assert found == [("TC01", 84), ("TC02", 79)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_output_pagu_not_stated_prints_as_not_stated(tmp_path: Path, fmt: str) -> None:
    folder = _absent_spip(tmp_path, "head").folder
    out = report("--format", fmt, plan=folder)
    budget = next(t for t in tables_of(out, fmt) if "Pagu Anggaran" in t.header)
    pagu = {row[-2].text: row[-1].text for row in budget.rows}
    spip = next(k for k in pagu if "Penilaian Maturitas SPIP" in k)
    assert pagu[spip] == "tidak tercantum"
    # The kegiatan prints its written pagu (its outputs cannot be summed), and the total
    # is still the sum of the written totals.
    assert pagu["Kegiatan: Pengawasan Akuntabilitas Keuangan Pemerintah Daerah"] == "966.661.000"
    assert budget.rows[-1][-1].text == "5.990.661.000"
    # Its bidang page says so where the pagu is printed.
    page = report("--bidang", "akuntabilitas", "--format", fmt, plan=folder)
    assert "412.500.000" not in page
    if fmt == "md":
        assert "- Pagu anggaran: tidak tercantum" in page
    else:
        (spip_table, *_) = [t for t in html_tables(page) if "AKSI/KEGIATAN" in t.header]
        assert spip_table.rows[0][-1].text == "tidak tercantum"


def test_an_output_pagu_made_absent_is_a_pagu_change(tmp_path: Path) -> None:
    base = load_plan(APBN).plan
    head = _absent_spip(tmp_path, "head")
    said = [sentence(c, {}) for c in diff_plans(base, head).changes]
    assert "Pagu Penilaian Maturitas SPIP Pemerintah Daerah: Rp 412.500.000 → tidak tercantum" in (
        said
    )
