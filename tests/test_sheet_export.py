"""``renaksi export``: the printed tables as a workbook, and back through ``renaksi import``.

The round trip is the acceptance test of issue 15: every bidang sheet of the exported
plans/2024 imports to the same aksi, months, outputs, targets and pagu.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import textwrap
from pathlib import Path

import openpyxl
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.plan.load import load_plan
from renaksi.plan.model import BidangFile
from renaksi.sheet.read import plain_text
from renaksi.sheet.write import safe_text

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
BASE = ROOT / "tests" / "rules" / "base" / "2024"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "rencana.xlsx"
    result = CliRunner().invoke(app, ["export", str(PLAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_one_sheet_per_bidang_the_whole_and_the_pk(exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    slugs = [e.slug for e in load_plan(PLAN).plan.bidang]
    assert set(book.sheetnames) == {*slugs, "Semua Bidang", "PK"}


def test_sheet_layout_as_printed(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)["politik"]
    assert ws.freeze_panes == "C8"
    assert ws.print_title_rows == "$5:$7"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A7", "B5:B7", "C5:N5", "C6:E6", "L6:N6"} <= merged
    assert [ws.cell(7, c).value for c in range(3, 15)][:3] == ["Jan", "Feb", "Mrt"]


def test_numbers_are_numbers_with_indonesian_formats(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)["PK"]
    pagu = [c for row in ws.iter_rows() for c in row if c.value == 2_718_270_000 and c.column == 4]
    assert pagu
    assert pagu[0].data_type == "n"
    assert pagu[0].number_format == "[$-421]#,##0"
    target = next(
        c for row in ws.iter_rows() for c in row if c.column == 5 and isinstance(c.value, float)
    )
    assert str(target.value) == "0.2917"
    assert target.number_format == "[$-421]0.00%"


def _bidang_data(path: Path) -> BidangFile:
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return BidangFile.model_validate(data)


def test_round_trip_every_bidang(exported: Path, tmp_path: Path) -> None:
    loaded = load_plan(PLAN).plan
    assert loaded.pk is not None
    units = loaded.pk.unit_index()
    for entry in loaded.bidang:
        assert entry.model is not None
        out = tmp_path / f"{entry.slug}.yaml"
        result = CliRunner().invoke(
            app,
            [
                "import",
                str(exported),
                "--bidang",
                entry.slug,
                "--rencana",
                str(PLAN),
                "-o",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.output
        back = _bidang_data(out)
        assert back.nama == entry.model.nama
        planned = [r for r in entry.model.rencana_aksi if r.aksi]
        assert [r.unit for r in back.rencana_aksi] == [r.unit for r in planned]
        # The signature block under the tables comes back as the plan wrote it.
        # (The NIP as the sheet prints it: grouped, 19680130 199403 1 009, where the plan
        # may write it without spaces.)
        signer = back.penandatangan.model_copy(update={"nip": str(back.penandatangan.nip)})
        nip = str(entry.model.penandatangan.nip)
        assert str(signer.nip).replace(" ", "") == nip.replace(" ", ""), entry.slug
        signer = signer.model_copy(update={"nip": entry.model.penandatangan.nip})
        assert signer == entry.model.penandatangan, entry.slug
        assert (back.tempat, back.tanggal) == (entry.model.tempat, entry.model.tanggal)
        assert "XL11" not in result.stderr
        for mine, theirs in zip(back.rencana_aksi, planned, strict=True):
            assert mine.target == theirs.target
            assert mine.pagu == units[theirs.unit].pagu
            assert [(a.nama, a.bulan, a.keluaran) for a in mine.aksi] == [
                (a.nama, a.bulan, a.keluaran) for a in theirs.aksi
            ]


def test_imported_bidang_files_validate_in_the_plan(exported: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "2024"
    shutil.copytree(PLAN, plan)
    for slug in ("politik", "ekonomi"):
        out = tmp_path / f"{slug}.yaml"
        runner = CliRunner()
        args = ["import", str(exported), "-b", slug, "--rencana", str(PLAN), "-o", str(out)]
        assert runner.invoke(app, args).exit_code == 0
        shutil.copyfile(out, plan / "bidang" / f"{slug}.yaml")
    result = CliRunner().invoke(app, ["validate", str(plan)])
    assert result.exit_code == 0, result.output


HOSTILE_NAMES = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "'=y"]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'=x", "'x"])
def test_safe_text_guards_every_formula_start(text: str) -> None:
    # A plan value cannot start with a tab or CR (the model strips them), but a text that
    # does is still guarded, and the import takes the guard off again.
    assert safe_text(text) == "'" + text
    assert plain_text(safe_text(text)) == " ".join(text.split())


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "2024"
    shutil.copytree(BASE, plan)
    bidang = plan / "bidang" / "alpha.yaml"
    text = bidang.read_text(encoding="utf-8")
    aksi = "".join(
        f"      - nama: {name!r}\n        bulan: [1]\n        keluaran: {name!r}\n"
        for name in HOSTILE_NAMES
    )
    text = text.replace("    aksi:\n", "    aksi:\n" + aksi, 1)
    assert aksi in text
    bidang.write_text(text, encoding="utf-8")
    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(app, ["export", str(plan), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    shown = {c.value for c in cells if isinstance(c.value, str)}
    for name in HOSTILE_NAMES:
        assert "'" + name in shown
    # and the import takes the guard off again
    back = tmp_path / "back.yaml"
    result = CliRunner().invoke(app, ["import", str(out), "-b", "alpha", "-o", str(back)])
    assert result.exit_code == 0, result.output
    names = [a.nama for r in _bidang_data(back).rencana_aksi for a in r.aksi]
    for name in HOSTILE_NAMES:
        assert name in names


def test_controls_in_a_valid_plan_are_shown_in_the_cells(tmp_path: Path) -> None:
    """A plan that validates may spell ESC, BEL, NUL, a C1 CSI and an RTL override as YAML
    escapes; openpyxl refuses C0 controls outright (once a "galat internal"), and the
    others would act in a spreadsheet: every cell shows them as <U+...>."""
    plan = tmp_path / "plans" / "2024"
    shutil.copytree(BASE, plan)
    bidang = plan / "bidang" / "alpha.yaml"
    aksi = (
        '      - nama: "Rapat \\e]0;judul\\a \\u202Ebalik \\x9B31m"\n'
        "        bulan: [1]\n"
        '        keluaran: "=1+1 \\0 nul"\n'
    )
    text = bidang.read_text(encoding="utf-8").replace("    aksi:\n", "    aksi:\n" + aksi, 1)
    bidang.write_text(text, encoding="utf-8")
    assert CliRunner().invoke(app, ["validate", str(plan)]).exit_code == 0
    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(app, ["export", str(plan), "-o", str(out)])
    assert result.exit_code == 0, result.output
    cells = [c.value for ws in openpyxl.load_workbook(out).worksheets for r in ws.iter_rows()
             for c in r if isinstance(c.value, str)]  # fmt: skip
    assert "Rapat <U+001B>]0;judul<U+0007> <U+202E>balik <U+009B>31m" in cells
    assert "'=1+1 <U+0000> nul" in cells


def test_export_refuses_a_plan_folder_and_other_suffixes(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(PLAN), "-o", str(PLAN / "x.xlsx")])
    assert result.exit_code == 2
    assert "folder rencana" in result.stderr
    result = CliRunner().invoke(app, ["export", str(PLAN), "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2
    assert not (PLAN / "x.xlsx").exists()


def test_monitoring_sheet(tmp_path: Path) -> None:
    out = tmp_path / "tw1.xlsx"
    example = ROOT / "examples" / "realisasi-2024"
    args = ["export", str(PLAN), "-o", str(out), "-t", "1", "--realisasi", str(example)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Pemantauan TW 1"]
    texts = {c.value for row in ws.iter_rows() for c in row}
    assert "SUB KEGIATAN" in texts
    assert "Capaian s.d. Triw I" in texts


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_export_and_shows_the_plan_numbers(
    exported: Path, tmp_path: Path
) -> None:
    assert SOFFICE is not None
    book = tmp_path / "pk.xlsx"
    wb = openpyxl.load_workbook(exported)
    for name in wb.sheetnames:
        if name != "PK":
            del wb[name]
    wb.save(book)
    # "as shown" (the 9th token) makes the csv hold the numbers as the sheet displays them.
    done = subprocess.run(
        [SOFFICE, "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
         "--outdir", str(tmp_path), str(book)],
        capture_output=True, text=True, timeout=120, check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader((tmp_path / "pk.csv").read_text(encoding="utf-8").splitlines()))
    shown = {cell for row in rows for cell in row}
    plan = load_plan(PLAN).plan
    assert plan.pk is not None
    for unit in plan.pk.units():
        assert isinstance(unit.pagu, int)
        assert f"{unit.pagu:,}".replace(",", ".") in shown
    assert "29,17%" in shown
    assert "1,56%" in shown


def _lines_at_least(text: str, width: float) -> int:
    """A lower bound of the lines ``text`` wraps to: 1.2 characters per unit of width is
    more than Calibri, the narrowest font a spreadsheet uses here, fits."""
    chars = max(1, int(width * 1.2))
    return sum(len(textwrap.wrap(line, chars)) or 1 for line in text.splitlines() or [""])


@pytest.mark.parametrize("triwulan", [None, "1"])
def test_rows_are_tall_enough_for_their_wrapped_text(tmp_path: Path, triwulan: str | None) -> None:
    """Spreadsheets do not fit rows holding merged cells; a row (or the rows of a merged
    range together) shorter than its text lets the text spill over the next block."""
    out = tmp_path / "ra.xlsx"
    args = ["export", str(PLAN), "-o", str(out)]
    if triwulan:
        args += ["-t", triwulan, "--realisasi", str(ROOT / "examples" / "realisasi-2024")]
    assert CliRunner().invoke(app, args).exit_code == 0
    checked = 0
    for ws in openpyxl.load_workbook(out).worksheets:
        spans = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
        # A loaded sheet keeps columns of one width as one dimension (min..max).
        widths = {
            n: d.width
            for d in ws.column_dimensions.values()
            if d.width and d.min
            for n in range(d.min, (d.max or d.min) + 1)
        }
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or not cell.value:
                    continue
                assert cell.alignment.wrap_text, f"{ws.title}!{cell.coordinate}"
                span = spans.get((cell.row, cell.column))
                rows = range(cell.row, (span.max_row if span else cell.row) + 1)
                columns = range(cell.column, (span.max_col if span else cell.column) + 1)
                width = sum(widths.get(c, 8.43) for c in columns)
                # 12 points a line of 11-point text; a row nobody sized is one line tall.
                tall = sum(ws.row_dimensions[r].height or 12 for r in rows)
                need = 12 * _lines_at_least(cell.value, width)
                assert tall >= need, f"{ws.title}!{cell.coordinate}: {tall} < {need}"
                checked += 1
    assert checked > 100


def test_bidang_names_and_pagu_have_room(exported: Path) -> None:
    """A bidang name in the whole-table sheet spans the table (in the 5-wide No column it
    would wrap a few letters a line), and a PK pagu spans both PAGU ANGGARAN columns (the
    first alone shows ``###`` for billions)."""
    book = openpyxl.load_workbook(exported)
    whole = book["Semua Bidang"]
    merged = {(r.min_row, r.min_col): r for r in whole.merged_cells.ranges}
    names = [e.model.nama for e in load_plan(PLAN).plan.bidang if e.model is not None]
    rows = [c.row for c in whole["A"] if c.value in names]
    assert len(rows) == len(names)
    assert all(merged[r, 1].max_col == whole.max_column for r in rows)
    pk = book["PK"]
    spans = {str(r) for r in pk.merged_cells.ranges}
    pagu = [c for c in pk["D"] if c.value == 2_718_270_000]
    assert pagu
    assert all(f"D{c.row}:E{c.row}" in spans for c in pagu)


_SIGNER = """\
penandatangan:
  nama: MUNAWAROH, S. Sos. MM
  nip: "19690325 199103 2 004"
  pangkat: Pembina
  golongan: IV/a
  jabatan: Kepala Bidang Pendidikan Politik Dalam Negeri
tempat: Samarinda
tanggal: 2024-01-02
"""


@pytest.mark.parametrize(
    "signer",
    [
        _SIGNER.replace("Kepala Bidang Pendidikan Politik Dalam Negeri", "tidak tercantum"),
        _SIGNER.replace("  pangkat: Pembina", "  pangkat: tidak tercantum"),
        _SIGNER.replace("  pangkat: Pembina\n", ""),
        _SIGNER.replace("  pangkat: Pembina\n  golongan: IV/a\n", ""),
        _SIGNER.replace("  golongan: IV/a", "  golongan: tidak tercantum"),
        _SIGNER.replace('"19690325 199103 2 004"', "tidak tercantum"),
        _SIGNER.replace("tanggal: 2024-01-02", "tanggal: 2024-01"),
        _SIGNER.replace("tempat: Samarinda", "tempat: tidak tercantum"),
        _SIGNER.replace("tanggal: 2024-01-02", "tanggal: tidak tercantum"),
        _SIGNER.replace("MUNAWAROH, S. Sos. MM", "tidak tercantum"),
        _SIGNER.replace("  jabatan:", "  plt: true\n  jabatan:"),
    ],
    ids=[
        "jabatan-absent",
        "pangkat-absent",
        "golongan-only",
        "no-rank",
        "golongan-absent",
        "nip-absent",
        "month-date",
        "tempat-absent",
        "tanggal-absent",
        "nama-absent",
        "plt",
    ],
)
def test_the_signature_block_comes_back_as_the_plan_states_it(tmp_path: Path, signer: str) -> None:
    # What the plan states absent is printed "... tidak tercantum" and read back as absent,
    # never as the words themselves; a golongan alone stays a golongan.
    plan = tmp_path / "plans" / "2024"
    shutil.copytree(PLAN, plan)
    path = plan / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(_SIGNER, signer), encoding="utf-8")
    assert signer in path.read_text(encoding="utf-8")
    book, out = tmp_path / "b.xlsx", tmp_path / "politik.yaml"
    exported = CliRunner().invoke(app, ["export", str(plan), "-b", "politik", "-o", str(book)])
    assert exported.exit_code == 0, exported.output
    args = ["import", str(book), "-b", "politik", "--rencana", str(plan), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "XL11" not in result.stderr, result.stderr
    back = _bidang_data(out)
    entry = load_plan(plan).plan.bidang_by_slug("politik")
    assert entry is not None
    original = entry.model
    assert original is not None
    assert back.penandatangan == original.penandatangan
    assert (back.tempat, back.tanggal) == (original.tempat, original.tanggal)
