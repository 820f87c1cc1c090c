"""``renaksi import``: an agency-style workbook, what it cannot read, and hostile workbooks.

The workbooks are built here with openpyxl, as an agency would have them: the table
repeated per sub kegiatan, merged cells, months shaded or marked, a pagu typed as text,
a spacer row, a header typo.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import PatternFill
from openpyxl.worksheet.formula import ArrayFormula
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.sheet import codes
from renaksi.sheet.guard import WorkbookError, check_workbook, open_workbook
from renaksi.sheet.imports import import_sheet
from renaksi.sheet.read import parse_pagu

ROOT = Path(__file__).resolve().parent.parent
SHADE = PatternFill("solid", fgColor="FFFFC000")
MONTHS = ["Jan", "Feb", "Mrt", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des"]


def _table(ws: Any, row: int, header_typo: bool = False) -> int:
    """The three header rows of the official table at ``row``; the first data row."""
    names = ["No", "AKSI/KEGITAN" if header_typo else "AKSI/KEGIATAN", "JADWAL PELAKSANAAN"]
    for col, name in enumerate(names, start=1):
        ws.cell(row, col, name)
    after = ["OUTPUT/KELUARAN", "PROGRAM", "KEGIATAN", "SUB KEGIATAN", "TARGET", "PAGU ANGARAN"]
    for n, name in enumerate(after):
        ws.cell(row, 15 + n, name)
        ws.merge_cells(start_row=row, start_column=15 + n, end_row=row + 2, end_column=15 + n)
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=14)
    for q, roman in enumerate(["I", "II", "III", "IV"]):
        ws.cell(row + 1, 3 + 3 * q, f"Triw {roman}")
    for m, name in enumerate(MONTHS):
        ws.cell(row + 2, 3 + m, name)
    return row + 3


def agency_workbook(path: Path, *, broken: bool = False) -> None:
    """A Rencana Aksi sheet as agencies keep it; ``broken``: an unreadable month cell and a
    missing pagu."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Sheet1"
    ws["A1"] = "RENCANA AKSI PENCAPAIAN KINERJA TAHUN 2024"
    ws["A2"] = "BIDANG POLITIK DALAM NEGERI"
    ws["A3"] = "BADAN KESATUAN BANGSA DAN POLITIK KOTA SAMARINDA"
    row = _table(ws, 5, header_typo=True)
    # Table 1: months shaded, pagu as text with dots and Rp, group cells merged.
    rows = [
        ("Rapat Interen", [1, 2], "Notulan Hasil rapat"),
        ("Koordinasi dengan Instansi terkait", [2, 3, 4], "Jumlah Peserta Pembinaan"),
    ]
    for n, (nama, months, keluaran) in enumerate(rows, start=1):
        ws.cell(row, 1, n)
        ws.cell(row, 2, nama)
        for m in months:
            ws.cell(row, 2 + m).fill = SHADE
        ws.cell(row, 15, keluaran)
        row += 1
    first = row - len(rows)
    ws.cell(first, 16, "PROGRAM PENINGKATAN PERAN PARTAI POLITIK")
    ws.cell(first, 17, "Perumusan Kebijakan Teknis")
    ws.cell(first, 18, "Penyediaan Bahan Kebijakan")
    ws.cell(first, 19, "1200 Orang")
    if not broken:
        ws.cell(first, 20, "Rp 1.517.874.000")
    for col in range(16, 21):
        ws.merge_cells(start_row=first, start_column=col, end_row=row - 1, end_column=col)
    row += 1  # a spacer row
    # Table 2: the header repeated, months as marks, pagu with comma thousands.
    row = _table(ws, row)
    ws.cell(row, 1, 1)
    ws.cell(row, 2, "Pelaksanaan\nMonitoring dan Evaluasi")  # a line break typed in the cell
    for m in (3, 6, 9, 12):
        ws.cell(row, 2 + m, "x" if m != 12 else "√")
    if broken:
        ws.cell(row, 2 + 7, "Juli?")
    ws.cell(row, 15, "Jumlah laporan")
    ws.cell(row, 16, "PROGRAM PENINGKATAN PERAN PARTAI POLITIK")
    ws.cell(row, 17, "Perumusan Kebijakan Teknis")
    ws.cell(row, 18, "Pelaksanaan Monitoring")
    ws.cell(row, 19, "4 laporan")
    ws.cell(row, 20, "200,000,000")
    ws.cell(row + 1, 2, "Evaluasi hasil Kegiatan")
    ws.cell(row + 1, 6, 1)
    ws.cell(row + 1, 15, "Laporan evaluasi")
    ws.cell(row + 4, 16, "Samarinda, 2 Januari 2024")  # the signature block, ignored
    book.save(path)


def _yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def test_agency_workbook_imports_to_the_expected_yaml(tmp_path: Path) -> None:
    book = tmp_path / "renaksi.xlsx"
    agency_workbook(book)
    pk = tmp_path / "pk.yaml"
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik", "--pk", str(pk)])
    assert result.exit_code == 0, result.output
    assert "XL11" in result.stderr  # the signer is not in the table: said so
    data = _yaml(result.stdout)
    assert data["nama"] == "BIDANG POLITIK DALAM NEGERI"
    assert data["penandatangan"] == dict.fromkeys(("nama", "nip", "jabatan"), "tidak tercantum")
    assert data["rencana_aksi"] == [
        {
            "sub_kegiatan": "politik-1",
            "target": "1200 Orang",
            "pagu": 1_517_874_000,
            "aksi": [
                {"nama": "Rapat Interen", "bulan": [1, 2], "keluaran": "Notulan Hasil rapat"},
                {
                    "nama": "Koordinasi dengan Instansi terkait",
                    "bulan": [2, 3, 4],
                    "keluaran": "Jumlah Peserta Pembinaan",
                },
            ],
        },
        {
            "sub_kegiatan": "politik-2",
            "target": "4 laporan",
            "pagu": 200_000_000,
            "aksi": [
                {
                    "nama": "Pelaksanaan Monitoring dan Evaluasi",
                    "bulan": [3, 6, 9, 12],
                    "keluaran": "Jumlah laporan",
                },
                {"nama": "Evaluasi hasil Kegiatan", "bulan": [4], "keluaran": "Laporan evaluasi"},
            ],
        },
    ]
    rows = _yaml(pk.read_text(encoding="utf-8"))
    (program,) = rows["program"]
    (kegiatan,) = program["kegiatan"]
    assert [s["id"] for s in kegiatan["sub_kegiatan"]] == ["politik-1", "politik-2"]
    assert kegiatan["sub_kegiatan"][0]["bidang"] == "politik"


def test_unreadable_month_and_missing_pagu_are_located(tmp_path: Path) -> None:
    book = tmp_path / "rusak.xlsx"
    agency_workbook(book, broken=True)
    out = tmp_path / "politik.yaml"
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert not out.exists()
    lines = result.stderr.splitlines()
    assert any(
        re.search(r"Sheet1!I\d+: galat XL01: sel bulan Juli berisi Juli\?", x) for x in lines
    )
    assert any("Sheet1!T8: galat XL02" in x and "pagu" in x for x in lines), lines


def test_formula_is_reported_never_evaluated(tmp_path: Path) -> None:
    book = tmp_path / "rumus.xlsx"
    agency_workbook(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Sheet1"]
    ws["T8"] = "=1000*2"
    wb.save(book)
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik"])
    assert result.exit_code == 1
    assert "Sheet1!T8: galat XL03" in result.stderr
    assert "=1000*2" in result.stderr


def test_error_values_and_array_formulas_are_reported_as_written(tmp_path: Path) -> None:
    """An error value (#REF!) is what a formula left behind, never an aksi name; an array
    formula is shown as its text, not as a Python object."""
    book = tmp_path / "galat.xlsx"
    agency_workbook(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Sheet1"]
    ws["B8"] = "#REF!"
    ws["O9"] = "#N/A"
    ws["G9"] = ArrayFormula("G9", "=SUM(A1:A2*B1:B2)")
    wb.save(book)
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik"])
    assert result.exit_code == 1, result.output
    assert "Sheet1!B8: galat XL13: sel berisi galat Excel #REF!" in result.stderr
    assert "Sheet1!O9: galat XL13: sel berisi galat Excel #N/A" in result.stderr
    assert "{=SUM(A1:A2*B1:B2)}" in result.stderr
    assert "object at 0x" not in result.stderr


def test_controls_in_names_are_shown_not_obeyed(tmp_path: Path) -> None:
    """A sheet named with a right-to-left override and a C1 CSI, an aksi name with bidi
    controls: the YAML on the terminal spells them out, and reads back as written."""
    book = tmp_path / "kendali.xlsx"
    agency_workbook(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Sheet1"]
    ws.title = "Lem\u202ebar\u009b31m"
    name = "Rapat \u202eIRAP\u202c \u2066isolat\u2069"
    ws["B8"] = name
    wb.save(book)
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik"])
    assert result.exit_code == 0, result.output
    hidden = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    assert hidden.findall(result.stdout) == []
    assert hidden.findall(result.stderr) == []
    assert "lembar Lem<U+202E>bar\\x9b31m" in result.stdout
    data = _yaml(result.stdout)
    assert data["rencana_aksi"][0]["aksi"][0]["nama"] == name


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    book = tmp_path / "renaksi.xlsx"
    agency_workbook(book)
    out = tmp_path / "politik.yaml"
    out.write_text("punya saya\n", encoding="utf-8")
    args = ["import", str(book), "-b", "politik", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "punya saya\n"
    assert CliRunner().invoke(app, [*args, "--force"]).exit_code == 0
    assert "rencana_aksi" in out.read_text(encoding="utf-8")


def test_never_writes_into_a_plan_folder(tmp_path: Path) -> None:
    book = tmp_path / "renaksi.xlsx"
    agency_workbook(book)
    target = ROOT / "plans" / "2024" / "bidang" / "baru.yaml"
    result = CliRunner().invoke(app, ["import", str(book), "-b", "baru", "-o", str(target)])
    assert result.exit_code == 2
    assert "folder rencana" in result.stderr
    assert not target.exists()


def test_unknown_sub_kegiatan_gets_a_hint_not_a_guess(tmp_path: Path) -> None:
    book = tmp_path / "renaksi.xlsx"
    agency_workbook(book)
    result = CliRunner().invoke(
        app, ["import", str(book), "-b", "politik", "--rencana", str(ROOT / "plans" / "2024")]
    )
    assert result.exit_code == 1
    assert "galat XL07" in result.stderr
    assert "tidak ada di perjanjian-kinerja.yaml" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1_517_874_000, 1_517_874_000),
        (1517874000.0, 1_517_874_000),
        ("Rp 1.517.874.000", 1_517_874_000),
        ("Rp. 1.517.874.000,00", 1_517_874_000),
        ("1,517,874,000", 1_517_874_000),
        ("1517874000", 1_517_874_000),
        ("966.661.000,-", 966_661_000),
        (1.5, None),
        ("1.517.874.000,50", None),
        ("satu juta", None),
        (-5, None),
        (True, None),
    ],
)
def test_pagu_cells(raw: object, expected: int | None) -> None:
    assert parse_pagu(raw) == expected


def test_every_code_is_documented() -> None:
    page = (ROOT / "docs" / "excel.md").read_text(encoding="utf-8")
    for rule in codes.ALL:
        assert f"`{rule.code}`" in page, rule.code
        assert rule.name in page, rule.name


# --- hostile workbooks ---------------------------------------------------------------------


def _zip(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _refused(path: Path, *words: str) -> None:
    with pytest.raises(WorkbookError) as info:
        check_workbook(path, path.name)
    for word in words:
        assert word in str(info.value)


def test_zip_bomb_is_refused_from_the_directory(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.xlsx"
    _zip(bomb, {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"0" * 50_000_000})
    assert bomb.stat().st_size < 200_000
    _refused(bomb, "bom zip")


def test_too_many_cells_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "besar.xlsx"
    cells = b"".join(b'<c r="A1"/>' for _ in range(250_000))
    sheet = b"<worksheet><sheetData><row>" + cells + b"</row></sheetData></worksheet>"
    parts = {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": sheet}
    _zip(big, parts, zipfile.ZIP_STORED)  # not a bomb: only many cells
    _refused(big, "sel")


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    laughs = tmp_path / "tawa.xlsx"
    _zip(laughs, {"xl/workbook.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>'})
    _refused(laughs, "DTD")


def test_external_links_are_refused(tmp_path: Path) -> None:
    linked = tmp_path / "tautan.xlsx"
    _zip(linked, {"xl/workbook.xml": b"<w/>", "xl/externalLinks/externalLink1.xml": b"<e/>"})
    _refused(linked, "tautan")


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "terenkripsi"),
        (b"No,Aksi\n1,Rapat\n", "bukan berkas .xlsx"),
        (b"", "bukan berkas .xlsx"),
    ],
)
def test_not_a_workbook(tmp_path: Path, data: bytes, word: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    _refused(path, word)


def test_truncated_workbook(tmp_path: Path) -> None:
    whole = tmp_path / "utuh.xlsx"
    agency_workbook(whole)
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    _refused(cut)


def test_huge_sheet_dimension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "jauh.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws["XFD1048576"] = "x"
    book.save(path)
    with pytest.raises(WorkbookError, match="lebih dari batas"):
        open_workbook(path, path.name)


# --- fuzzing: never a traceback ---------------------------------------------------------

_CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["x", "√", "Jan", "AKSI/KEGIATAN", "No", "PAGU", "=1+1", "Rp 1.000"]),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 22), _CELL_VALUES, st.booleans()),
        max_size=60,
    ),
    merges=st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 22), st.integers(0, 3)), max_size=6
    ),
    header=st.booleans(),
)
def test_fuzz_sheets_never_crash(
    cells: list[tuple[int, int, Any, bool]], merges: list[tuple[int, int, int]], header: bool
) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    if header:
        _table(ws, 1)
    for row, col, value, shaded in cells:
        try:
            ws.cell(row, col, value)
        except Exception:  # openpyxl refuses control characters and writes into merges
            # ... after marking the cell as text, which its writer then cannot save with
            # the old value: leave the cell empty, as a spreadsheet program would.
            with contextlib.suppress(AttributeError):  # a merged cell holds no value
                ws.cell(row, col).value = None
            continue
        if shaded:
            ws.cell(row, col).fill = SHADE
    for row, col, size in merges:
        try:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + size, end_column=col)
        except ValueError:
            continue
    buffer = io.BytesIO()
    book.save(buffer)
    loaded = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    result = import_sheet(loaded, "f.xlsx", "fuzz", None, None)
    for problem in result.problems:
        assert problem.location.path
    _yaml(result.bidang_yaml)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000), zipped=st.booleans())
def test_fuzz_bytes_are_refused_cleanly(tmp_path_factory: Any, data: bytes, zipped: bool) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.xlsx"
    if zipped:
        _zip(path, {"xl/workbook.xml": data, "[Content_Types].xml": data})
    else:
        path.write_bytes(data)
    with contextlib.suppress(WorkbookError):
        open_workbook(path, path.name)


def test_output_is_never_the_workbook_it_reads(tmp_path: Path) -> None:
    """``-o`` naming the workbook itself (even with --force, even through a link) would
    replace the planner's workbook with YAML: refused before anything is read."""
    book = tmp_path / "buku.xlsx"
    agency_workbook(book)
    before = book.read_bytes()
    link = tmp_path / "tautan.xlsx"
    link.symlink_to(book)
    for target in (book, link):
        result = CliRunner().invoke(
            app, ["import", str(book), "-b", "politik", "-o", str(target), "--force"]
        )
        assert result.exit_code == 2, result.output
        assert "itu buku kerja yang dibaca" in result.stderr
    assert book.read_bytes() == before


def test_output_and_pk_are_not_one_file(tmp_path: Path) -> None:
    book = tmp_path / "buku.xlsx"
    agency_workbook(book)
    out = tmp_path / "x.yaml"
    result = CliRunner().invoke(
        app, ["import", str(book), "-b", "politik", "-o", str(out), "--pk", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "menunjuk berkas yang sama" in result.stderr
    assert not out.exists()


# --- what an exported sheet holds besides the aksi table -------------------------------------

PLAN = ROOT / "plans" / "2024"


@pytest.fixture(scope="module")
def exported_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "rencana.xlsx"
    result = CliRunner().invoke(app, ["export", str(PLAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _import(book: Path, slug: str, out: Path) -> Any:
    args = ["import", str(book), "-b", slug, "--rencana", str(PLAN), "-o", str(out)]
    return CliRunner().invoke(app, args)


def test_source_notes_come_back_as_written(exported_plan: Path, tmp_path: Path) -> None:
    from renaksi.plan.load import load_plan

    plan = load_plan(PLAN).plan
    marked = 0
    for entry in plan.bidang:
        assert entry.model is not None
        out = tmp_path / f"{entry.slug}.yaml"
        result = _import(exported_plan, entry.slug, out)
        assert result.exit_code == 0, result.output
        back = _yaml(out.read_text(encoding="utf-8"))
        original = [m.model_dump(mode="json") for m in entry.model.catatan_sumber]
        assert back.get("catatan_sumber", []) == original, entry.slug
        marked += bool(original)
    assert marked  # plans/2024 has reconstructed months: the test compares something


def test_unmappable_source_note_is_reported_not_guessed(tmp_path: Path) -> None:
    book = tmp_path / "renaksi.xlsx"
    agency_workbook(book)
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    ws.cell(9, 1, "Catatan sumber: jadwal ini ditulis dari ingatan")
    wb.save(book)
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik"])
    assert result.exit_code == 0, result.output
    assert "XL15" in result.stderr
    assert "Sheet1!A9" in result.stderr
    assert "catatan_sumber" not in _yaml(result.stdout)


def test_indicator_table_is_reported_at_its_header(exported_plan: Path, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(exported_plan)["politik"]
    header = next(
        c for row in ws.iter_rows() for c in row if c.value in ("SASARAN STRATEGIS", "SASARAN")
    )
    result = _import(exported_plan, "politik", tmp_path / "politik.yaml")
    assert result.exit_code == 0, result.output
    assert "XL14" in result.stderr
    assert f"politik!{header.coordinate}" in result.stderr


def test_header_comment_says_where_the_signer_came_from(
    exported_plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "politik.yaml"
    assert _import(exported_plan, "politik", out).exit_code == 0
    head = "".join(line for line in out.read_text(encoding="utf-8").splitlines(True)[:4])
    assert "tidak ada di" not in head
    assert "dibaca dari blok" in head
    assert "tidak dibaca" not in head


def _signed_workbook(path: Path, block: list[tuple[int, str]], column: int = 16) -> None:
    """The agency workbook with ``block`` written in one column, rows counted from the
    row after the table's last aksi."""
    agency_workbook(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.cell(18, 16, None)  # the lone place-and-date line agency_workbook writes
    for offset, text in block:
        ws.cell(17 + offset, column, text)  # 15 is the last aksi, 16 a spacer
    wb.save(path)


AGENCY_BLOCK = [
    (0, "Samarinda, 2 Januari 2024"),
    (1, "Plt. Kepala Bidang Politik Dalam Negeri"),
    (5, "MUNAWAROH, S. Sos. MM"),
    (6, "Pembina Tk. I (IV/b)"),
    (7, "NIP: 19690325 199103 2 004"),
]


def test_an_agency_signature_block_is_read(tmp_path: Path) -> None:
    book = tmp_path / "renaksi.xlsx"
    _signed_workbook(book, AGENCY_BLOCK, column=18)  # under the SUB KEGIATAN column
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik"])
    assert result.exit_code == 0, result.output
    assert "XL11" not in result.stderr
    data = _yaml(result.stdout)
    assert data["penandatangan"] == {
        "nama": "MUNAWAROH, S. Sos. MM",
        "nip": "19690325 199103 2 004",
        "pangkat": "Pembina Tk. I",
        "golongan": "IV/b",
        "jabatan": "Kepala Bidang Politik Dalam Negeri",
        "plt": True,
    }
    assert (data["tempat"], data["tanggal"]) == ("Samarinda", "2024-01-02")


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        # No place and date above the NIP: nothing is guessed.
        (
            [(1, "Kepala Bidang"), (4, "MUNAWAROH"), (5, "NIP. 19690325 199103 2 004")],
            "tidak ada baris tempat dan tanggal",
        ),
        # A date that is no date.
        (
            [(0, "Samarinda, 31 Februari 2024"), (1, "Kepala"), (4, "A"), (5, "NIP. 1")],
            "baris Samarinda, 31 Februari 2024 tidak terbaca sebagai tempat dan tanggal",
        ),
        # Two signers: which one?
        (
            [*AGENCY_BLOCK, (9, "Samarinda, 2 Januari 2024"), (10, "X"), (11, "Y"), (12, "NRP. 1")],
            "lebih dari satu baris NIP atau NRP; blok mana yang dimaksud?",
        ),
        # More lines between the jabatan and the NIP than a name and a pangkat.
        (
            [
                (0, "Samarinda, 2 Januari 2024"),
                (1, "a"),
                (3, "b"),
                (4, "c"),
                (5, "d"),
                (6, "NIP. 1"),
            ],
            "hanya boleh nama dan satu baris pangkat/golongan",
        ),
        # "ttd" in the space to sign: it is not the name.
        (
            [
                (0, "Samarinda, 2 Januari 2024"),
                (1, "Kepala"),
                (3, "ttd"),
                (5, "MUNAWAROH"),
                (6, "NIP. 1"),
            ],
            "baris MUNAWAROH di bawah nama bukan pangkat/golongan",
        ),
        # A jabatan on two lines: the second is not the name.
        (
            [
                (0, "Samarinda, 2 Januari 2024"),
                (1, "KEPALA SEKSI PENGUJIAN"),
                (2, "DAN SERTIFIKASI,"),
                (5, "MUHAMMAD IQBAL"),
                (6, "NIP. 1"),
            ],
            "tidak ada baris kosong untuk tanda tangan",
        ),
        # A label and its number in two cells: no identity line at all.
        (
            [(0, "Samarinda, 2 Januari 2024"), (1, "Kepala"), (4, "A"), (5, "NIP.")],
            None,
        ),
        # Words that start like one are not an identity line.
        ([(0, "Samarinda, 2 Januari 2024"), (1, "Kepala"), (4, "A"), (5, "NIPAH 1")], None),
    ],
)
def test_an_incomplete_or_ambiguous_block_is_not_read(
    tmp_path: Path, block: list[tuple[int, str]], reason: str | None
) -> None:
    book = tmp_path / "renaksi.xlsx"
    _signed_workbook(book, block)
    result = CliRunner().invoke(app, ["import", str(book), "-b", "politik"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "XL11" in line]
    assert len(warned) == 1, result.stderr
    if reason is None:  # no block: said at the sheet
        assert "tidak ada blok tanda tangan" in warned[0], warned[0]
    else:
        assert reason in warned[0], warned[0]
        assert re.search(r"Sheet1!P\d+", warned[0]), warned[0]  # at its NIP line
    data = _yaml(result.stdout)
    assert data["penandatangan"] == dict.fromkeys(("nama", "nip", "jabatan"), "tidak tercantum")
    assert data["tempat"] == data["tanggal"] == "tidak tercantum"


def test_numbered_footnotes_are_reported_not_dropped(exported_plan: Path, tmp_path: Path) -> None:
    """plans/2024's reconciled pagu (Paskibraka, Kewaspadaan) are printed as numbered
    footnotes under their tables; import does not read them back, and says so at each
    footnote's cell instead of dropping them without a word."""
    warned = {}
    for slug in ("ideologi", "politik", "ekonomi", "kewaspadaan"):
        result = _import(exported_plan, slug, tmp_path / f"{slug}.yaml")
        assert result.exit_code == 0, result.output
        warned[slug] = [line for line in result.stderr.splitlines() if "XL16" in line]
    assert warned["kewaspadaan"], "the Kewaspadaan row-shift footnote is reported"
    for line in warned["kewaspadaan"]:
        assert re.search(r"kewaspadaan!A\d+: peringatan XL16: catatan kaki 1\) ", line), line
    assert not warned["politik"]  # a sheet without footnotes has nothing to report


_LINE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "Samarinda, 2 Januari 2024",
            "tempat tidak tercantum, Januari 2024",
            "Kepala Bidang",
            "Plt. Kepala",
            "jabatan tidak tercantum",
            "Pembina (IV/a)",
            "IV/a",
            "pangkat tidak tercantum",
            "tidak tercantum",
            "ttd",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), _LINE), min_size=1, max_size=7))
def test_a_signer_read_is_only_what_the_lines_say(steps: list[tuple[int, str]]) -> None:
    # Whatever the lines above an identity line, a block read back holds only their
    # words (or "tidak tercantum" for the export's own absent wording), never another's.
    from renaksi.sheet.signature import Signer, read_block

    row, lines = 0, []
    for step, text in steps:
        row += step
        lines.append((row, text))
    result = read_block([*lines, (row + 1, "NIP. 19690325 199103 2 004")])
    if isinstance(result, str):
        return
    assert isinstance(result, Signer)
    written = " ".join(text for _, text in lines)
    for value in (result.tempat, result.jabatan, result.nama, result.pangkat, result.golongan):
        assert value is None or value == "tidak tercantum" or value in written
    assert result.number == "19690325 199103 2 004"
