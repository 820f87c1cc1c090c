"""The printed tables as a workbook: the report's views written with openpyxl.

Every number comes from the report layer's views (:class:`RencanaAksiView`,
:class:`PemantauanView`), the ones the printed document shows; nothing is recomputed here.
Sheets: one per bidang (its Rencana Aksi table, the schedule as shaded cells, then its
indicator table and signature), one with every bidang's table, the PK (indicators and
budget), and with a quarter the monitoring tables.

Numbers are numbers: rupiah as integers in the format ``[$-421]#,##0`` (``[$-421]`` is the
Indonesian locale, so LibreOffice shows ``2.718.270.000`` whatever the machine's locale, and
Excel shows the thousands separator of its own), percentages as fractions in ``0.00%`` with
as many decimals as the plan writes. Text from a plan is always a string cell, and one that
a spreadsheet would take as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return) is written after a ``'``, which ``renaksi import`` takes off again.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from renaksi.plan.model import Target
from renaksi.plan.values import ABSENT_TEXT, Absent
from renaksi.report.rencana_aksi import BidangPage, Footnote, RencanaAksiView, RencanaTable
from renaksi.report.render import FILTERS
from renaksi.sheet.read import FORMULA_STARTS
from renaksi.text import formats
from renaksi.text.controls import HIDDEN

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from renaksi.report.pemantauan import PemantauanView

#: Rupiah with the Indonesian thousands separator (see the module docstring).
RUPIAH_FORMAT = "[$-421]#,##0"
#: The fill of a scheduled month.
MONTH_FILL = "FF4F81BD"
HEADER_FILL = "FFD9D9D9"
#: Columns of the aksi table: No, AKSI, 12 months, then these.
AFTER_MONTHS = ("OUTPUT/KELUARAN", "PROGRAM", "KEGIATAN")
MAX_SHEET_TITLE = 31
#: Points per wrapped line of the 11-point default font, with the leading a sheet adds.
LINE_HEIGHT = 15.0
#: Characters of text per unit of column width. openpyxl counts widths in digit widths of
#: Calibri; wrapping at word ends wastes part of each line, and where Calibri is missing
#: (LibreOffice on a server) a wider font such as DejaVu Sans takes its place.
CHARS_PER_WIDTH = 1.0
#: Bold text is wider still.
BOLD_WIDTH = 1.15
#: The width of a column nobody set (Excel's and LibreOffice's default).
DEFAULT_WIDTH = 8.43


def _spelled(match: re.Match[str]) -> str:
    # A carriage return is a line end a cell may hold (a formula start too, guarded below).
    char = match.group()
    return char if char == "\r" else f"<U+{ord(char):04X}>"


def safe_text(text: str) -> str:
    """Plan text as a cell shows it, never read as a formula: a ``'`` before a text that
    starts like one (or with a ``'``, so the import can tell the two apart). Control and
    bidirectional characters are spelled out (``<U+001B>``) as in every printed document:
    a plan may hold them as YAML escapes, and openpyxl refuses C0 controls outright."""
    text = HIDDEN.sub(_spelled, text)
    if text.startswith((*FORMULA_STARTS, "'")):
        return "'" + text
    return text


class _Sheet:
    """One worksheet being written, with the styles it uses."""

    def __init__(self, ws: Worksheet) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = ws
        side = Side(style="thin")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.bold = Font(bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        # Numbers at the top too, beside the first line of their row's text.
        self.top = Alignment(vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.month = PatternFill("solid", fgColor=MONTH_FILL)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        #: Every text cell written, by (row, column): whether it is bold.
        self.texts: dict[tuple[int, int], bool] = {}

    def text(self, row: int, column: int, value: str, *, bold: bool = False) -> Any:
        cell = self.ws.cell(row, column)
        cell.value = safe_text(value)
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        cell.alignment = self.wrap
        self.texts[row, column] = bold
        if bold:
            cell.font = self.bold
        return cell

    def number(self, row: int, column: int, value: int | Decimal, fmt: str) -> Any:
        cell = self.ws.cell(row, column, value)
        cell.number_format = fmt
        cell.alignment = self.top
        return cell

    def rupiah(self, row: int, column: int, value: int | Absent | None) -> Any:
        if isinstance(value, int):
            return self.number(row, column, value, RUPIAH_FORMAT)
        return self.text(row, column, ABSENT_TEXT if isinstance(value, Absent) else "-")

    def quantity(self, row: int, column: int, value: object, satuan: str) -> Any:
        """A target or realisasi: a number (a fraction in a percent format for ``%``), or
        its printed text when it is a scale value or a distribution."""
        if isinstance(value, Decimal):
            places = max(0, -int(value.as_tuple().exponent))
            decimals = "." + "0" * places if places else ""
            if formats.is_percent(satuan):
                return self.number(row, column, value / 100, f"[$-421]0{decimals}%")
            return self.number(row, column, value, f"[$-421]#,##0{decimals}")
        if value is None:
            return self.text(row, column, "-")
        if isinstance(value, Absent):
            return self.text(row, column, ABSENT_TEXT)
        return self.text(row, column, formats.target(value, satuan))  # type: ignore[arg-type]

    def header(self, row: int, column: int, value: str, rows: int = 1, columns: int = 1) -> None:
        cell = self.ws.cell(row, column, value)
        cell.font = self.bold
        cell.alignment = self.center
        cell.fill = self.header_fill
        self.texts[row, column] = True
        if rows > 1 or columns > 1:
            self.ws.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + rows - 1,
                end_column=column + columns - 1,
            )
        for r in range(row, row + rows):
            for c in range(column, column + columns):
                self.ws.cell(r, c).border = self.border

    def title(self, row: int, texts: Sequence[str], width: int) -> int:
        """Title lines merged across ``width`` columns; the next free row."""
        for text in texts:
            cell = self.text(row, 1, text, bold=True)
            cell.alignment = self.center
            self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
        return row

    def frame(self, first: int, last: int, width: int) -> None:
        for r in range(first, last + 1):
            for c in range(1, width + 1):
                self.ws.cell(r, c).border = self.border

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        for n, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(n)].width = width

    def fit_rows(self) -> None:
        """Row heights tall enough for the wrapped text, set once the sheet is complete.

        openpyxl stores no heights of its own, and neither LibreOffice nor Excel fits a row
        that holds a merged cell, so without them a long name spills over the next block.
        A merged range spanning several rows gets its rows together tall enough."""
        spans = {
            (r.min_row, r.min_col): (r.min_row, r.max_row, r.min_col, r.max_col)
            for r in self.ws.merged_cells.ranges
        }
        heights: dict[int, float] = {}
        tall: list[tuple[int, int, float]] = []
        for (row, column), bold in self.texts.items():
            top, bottom, left, right = spans.get((row, column), (row, row, column, column))
            width = sum(self._width(c) for c in range(left, right + 1))
            need = LINE_HEIGHT * wrapped_lines(str(self.ws.cell(row, column).value), width, bold)
            if top == bottom:
                heights[top] = max(heights.get(top, LINE_HEIGHT), need)
            else:
                tall.append((top, bottom, need))
        for top, bottom, need in tall:
            rows = range(top, bottom + 1)
            short = need - sum(heights.get(r, LINE_HEIGHT) for r in rows)
            if short > 0:
                for r in rows:
                    heights[r] = heights.get(r, LINE_HEIGHT) + short / len(rows)
        for row, height in heights.items():
            self.ws.row_dimensions[row].height = round(height + 0.05, 1)

    def _width(self, column: int) -> float:
        from openpyxl.utils import get_column_letter

        # .get: indexing column_dimensions would add a column of width 13.
        dimension = self.ws.column_dimensions.get(get_column_letter(column))
        return (
            float(dimension.width) if dimension is not None and dimension.width else DEFAULT_WIDTH
        )

    def print_setup(self, header_rows: str | None) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if header_rows:
            ws.print_title_rows = header_rows

    def notes(
        self,
        row: int,
        footnotes: Sequence[Footnote],
        captions: Sequence[str],
        width: int,
        lines: Sequence[str] = (),
    ) -> int:
        """Lines merged across the table under it (source notes, footnotes); the next row."""
        texts = [*(f"Catatan sumber: {c}" for c in captions)]
        texts += [f"{n.no}) {n.text}" for n in footnotes]
        for text in [*texts, *lines]:
            self.text(row, 1, text)
            self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
        return row


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes wrapped at word ends in a column ``width`` wide."""
    chars = max(1, int(width * CHARS_PER_WIDTH / (BOLD_WIDTH if bold else 1)))
    return sum(len(textwrap.wrap(line, chars)) or 1 for line in text.splitlines() or [""])


def _unit_header(tables: Sequence[RencanaTable]) -> str | None:
    """The unit column: SUB KEGIATAN, OUTPUT, or none for APBN kegiatan (the KEGIATAN
    column is then the unit)."""
    levels = {t.sub.level for t in tables}
    if levels == {"kegiatan"}:
        return None
    return "OUTPUT" if levels == {"output"} else "SUB KEGIATAN"


def _aksi_header(sheet: _Sheet, row: int, unit: str | None, months: Sequence[str]) -> int:
    """The three header rows of the aksi table at ``row``; the number of columns."""
    sheet.header(row, 1, "No", rows=3)
    sheet.header(row, 2, "AKSI/KEGIATAN", rows=3)
    sheet.header(row, 3, "JADWAL PELAKSANAAN", columns=12)
    for q, roman in enumerate(formats.ROMAN):
        sheet.header(row + 1, 3 + 3 * q, f"Triw {roman}", columns=3)
    for m, name in enumerate(months):
        sheet.header(row + 2, 3 + m, name)
    names = [*AFTER_MONTHS, *([unit] if unit else []), "TARGET", "PAGU ANGGARAN", "CATATAN"]
    for n, name in enumerate(names):
        sheet.header(row, 15 + n, name, rows=3)
    return 14 + len(names)


def _aksi_rows(sheet: _Sheet, row: int, table: RencanaTable, unit: bool) -> int:
    """The rows of one unit's aksi; the next free row. Program, kegiatan, unit, target and
    pagu are merged over the unit's rows, as printed."""
    first = row
    for aksi_row in table.rows:
        sheet.number(row, 1, aksi_row.no, "0")
        sheet.text(row, 2, aksi_row.aksi.nama)
        for m, on in enumerate(aksi_row.months):
            if on:
                sheet.ws.cell(row, 3 + m).fill = sheet.month
        sheet.text(row, 15, aksi_row.aksi.keluaran)
        refs = [*aksi_row.refs, *(table.pagu_refs if row == first else ())]
        if refs:  # CATATAN, after TARGET and PAGU
            notes_column = 20 + (1 if unit else 0)
            sheet.text(row, notes_column, ", ".join(str(n) for n in dict.fromkeys(refs)))
        row += 1
    last = row - 1
    group: list[tuple[int, str | None]] = [
        (16, table.program.nama),
        (17, table.kegiatan.nama if unit else table.sub.nama),
    ]
    if unit:
        group.append((18, table.sub.nama))
    column = 18 + (1 if unit else 0)
    for col, text in group:
        if text is not None:
            sheet.text(first, col, text)
    target = table.rencana.target
    sheet.text(
        first, column, FILTERS["keluaran"](target) if isinstance(target, (Target, Absent)) else "-"
    )
    sheet.rupiah(first, column + 1, table.sub.pagu)
    for col in [c for c, _ in group] + [column, column + 1]:
        if last > first:
            sheet.ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    return row


def _aksi_sheet(
    sheet: _Sheet, view: RencanaAksiView, pages: Sequence[BidangPage], titles: Sequence[str]
) -> int:
    """The Rencana Aksi table of ``pages`` (a bidang, or all); the next free row."""
    tables = [t for page in pages for t in page.tables]
    unit = _unit_header(tables)
    width = 14 + len(AFTER_MONTHS) + (1 if unit else 0) + 3
    row = sheet.title(1, titles, width) + 1
    header = row
    _aksi_header(sheet, header, unit, view.months)
    row = header + 3
    sheet.ws.freeze_panes = sheet.ws.cell(row, 3)
    sheet.print_setup(f"{header}:{header + 2}")
    for page in pages:
        if len(pages) > 1:
            assert page.entry.model is not None
            # In the No column, so that the import never takes it for an aksi.
            sheet.text(row, 1, page.entry.model.nama, bold=True)
            # Across the table, or the narrow No column would wrap it a few letters a line;
            # the import reads no range merged from another column into the aksi column.
            sheet.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
        for table in page.tables:
            row = _aksi_rows(sheet, row, table, unit is not None)
    sheet.frame(header + 3, row - 1, width)
    sheet.widths([5, 40, *[4.5] * 12, 30, 28, 28, *([28] if unit else []), 14, 18, 9])
    row += 1
    for page in pages:
        captions = tuple(dict.fromkeys(c for t in page.tables for c in t.captions))
        footnotes = tuple(dict.fromkeys(f for t in page.tables for f in t.footnotes))
        row = sheet.notes(row, footnotes, captions, width)
    return row + 1


def _indikator_table(sheet: _Sheet, row: int, page: BidangPage, view: RencanaAksiView) -> int:
    sheet.header(row, 1, "No", rows=2)
    sheet.header(row, 2, "SASARAN" if view.tiered else "SASARAN STRATEGIS", rows=2)
    sheet.header(row, 3, "INDIKATOR KINERJA", rows=2, columns=12)
    sheet.header(row, 15, "TARGET", columns=4)
    for q, roman in enumerate(view.triwulan):
        sheet.header(row + 1, 15 + q, f"Triw {roman}")
    row += 2
    for ind_row in page.indikator:
        ind = ind_row.indikator
        sheet.number(row, 1, ind_row.no, "0")
        sheet.text(row, 2, ind_row.sasaran)
        sheet.text(row, 3, ind.nama)
        sheet.ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=14)
        for q, value in enumerate(ind.triwulan or (None,) * 4):
            sheet.quantity(row, 15 + q, value, ind.satuan)
        sheet.frame(row, row, 18)
        row += 1
    return row + 1


def _signature(sheet: _Sheet, row: int, person: Any, place: object, date: object) -> int:
    lines = [
        FILTERS["tempat_tanggal"](place, date),
        FILTERS["jabatan"](person),
        "",
        "",
        ABSENT_TEXT if isinstance(person.nama, Absent) else str(person.nama),
        FILTERS["pangkat"](person),
        FILTERS["identitas"](person),
    ]
    for text in lines:
        if text:
            sheet.text(row, 16, text)
        row += 1
    return row


def _bidang_sheet(ws: Worksheet, view: RencanaAksiView, page: BidangPage) -> None:
    sheet = _Sheet(ws)
    assert page.entry.model is not None
    assert view.plan.instansi is not None
    bid = page.entry.model
    titles = (
        f"RENCANA AKSI PENCAPAIAN KINERJA TAHUN {view.tahun}",
        bid.nama,
        view.plan.instansi.instansi.nama.upper(),
    )
    row = _aksi_sheet(sheet, view, [page], titles)
    if page.unplanned:
        # Under the table, outside the aksi column: these rows are not aksi.
        lines = [f"Belum ada rencana aksi untuk {page.unplanned_word} berpagu berikut:"]
        lines += [f"- {unit.nama} ({FILTERS['rupiah'](unit.pagu)})" for unit in page.unplanned]
        row = sheet.notes(row, (), (), 14, lines) + 1
    if page.indikator:
        row = _indikator_table(sheet, row, page, view)
    _signature(sheet, row, bid.penandatangan, bid.tempat, bid.tanggal)
    sheet.fit_rows()


def _pk_sheet(ws: Worksheet, view: RencanaAksiView) -> None:
    sheet = _Sheet(ws)
    assert view.plan.instansi is not None
    row = sheet.title(
        1,
        (f"PERJANJIAN KINERJA TAHUN {view.tahun}", view.plan.instansi.instansi.nama.upper()),
        9,
    )
    row += 1
    header = row
    for column, name in enumerate(
        ("No", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET TAHUNAN"), start=1
    ):
        sheet.header(row, column, name, rows=2)
    sheet.header(row, 6, "TARGET TRIWULAN", columns=4)
    for q, roman in enumerate(view.triwulan):
        sheet.header(row + 1, 6 + q, roman)
    row += 2
    ws.freeze_panes = ws.cell(row, 1)
    sheet.print_setup(f"{header}:{header + 1}")
    for table in view.indikator_tables:
        sheet.text(row, 2, f"Tabel {table.nomor} {table.judul}", bold=True)
        row += 1
        for ind_row in table.rows:
            ind = ind_row.indikator
            sheet.number(row, 1, ind_row.no, "0")
            sheet.text(row, 2, ind_row.sasaran)
            sheet.text(row, 3, ind.nama)
            sheet.text(row, 4, ind.satuan)
            sheet.quantity(row, 5, ind.target, ind.satuan)
            for q, value in enumerate(ind.triwulan or (None,) * 4):
                sheet.quantity(row, 6 + q, value, ind.satuan)
            sheet.frame(row, row, 9)
            row += 1
    row += 1
    row = _budget_table(sheet, row, view)
    sheet.widths([5, 40, 50, 10, 16, 12, 12, 12, 12])
    sheet.fit_rows()


def _pagu(sheet: _Sheet, row: int, value: int | Absent | None) -> None:
    """A pagu under PAGU ANGGARAN, merged over its two columns: the first alone (SATUAN
    of the table above) is too narrow for billions, which a sheet shows as ``###``."""
    sheet.rupiah(row, 4, value)
    sheet.ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)


def _budget_table(sheet: _Sheet, row: int, view: RencanaAksiView) -> int:
    budget = view.budget
    sheet.text(row, 2, f"Tabel {view.nomor['anggaran']} Program, Kegiatan dan Anggaran", bold=True)
    row += 1
    if not budget.stated:
        sheet.text(row, 2, f"Anggaran {ABSENT_TEXT}")
        return row + 2
    sheet.header(row, 1, "No")
    sheet.header(row, 2, "PROGRAM")
    sheet.header(row, 3, budget.column.upper())
    sheet.header(row, 4, "PAGU ANGGARAN", columns=2)
    row += 1
    for block in budget.programs:
        sheet.number(row, 1, block.no, "0")
        sheet.text(row, 2, block.program.nama, bold=True)
        _pagu(sheet, row, block.total)
        row += 1
        for keg in block.kegiatan:
            sheet.text(row, 3, keg.kegiatan.nama, bold=True)
            _pagu(sheet, row, keg.total)
            row += 1
            for part in keg.parts:
                sheet.text(row, 3, part.nama)
                _pagu(sheet, row, part.pagu)
                row += 1
    sheet.text(row, 3, "JUMLAH", bold=True)
    _pagu(sheet, row, budget.total)
    row = sheet.notes(row + 1, budget.footnotes, (), 9)
    return row + 1


def _percent(sheet: _Sheet, row: int, column: int, value: Decimal | None, note: str = "") -> None:
    if value is None:
        sheet.text(row, column, note or "-")
    else:
        sheet.number(row, column, value / 100, "[$-421]0.00%")


def _monitoring_sheet(ws: Worksheet, mon: PemantauanView) -> None:
    sheet = _Sheet(ws)
    q = formats.ROMAN[mon.q - 1]
    row = sheet.title(
        1,
        (
            f"PEMANTAUAN {mon.judul.upper()} TRIWULAN {q} TAHUN {mon.tahun}",
            mon.instansi_nama.upper(),
        ),
        8,
    )
    row += 1
    header = row
    names: tuple[str, ...] = ("No", "INDIKATOR KINERJA")
    names += (f"Target s.d. Triw {q}", f"Realisasi s.d. Triw {q}", f"Capaian s.d. Triw {q}")
    names += ("Kategori",)
    for column, name in enumerate(names, start=1):
        sheet.header(row, column, name)
    row += 1
    ws.freeze_panes = ws.cell(row, 1)
    sheet.print_setup(f"{header}:{header}")
    groups = [("Indikator Perjanjian Kinerja", mon.pk)]
    groups += [(f"Indikator {s.nama}", s.indikator) for s in mon.sections if s.indikator]
    for caption, rows in groups:
        sheet.text(row, 2, caption, bold=True)
        row += 1
        for cap in rows:
            a = cap.progress.to_date
            unit = cap.indikator.satuan
            sheet.number(row, 1, cap.no, "0")
            sheet.text(row, 2, cap.indikator.nama)
            sheet.quantity(row, 3, a.target, unit)
            sheet.quantity(row, 4, a.realisasi, unit)
            _percent(sheet, row, 5, a.capaian, a.note)
            sheet.text(row, 6, cap.band.name if cap.band else "-")
            sheet.frame(row, row, 6)
            row += 1
    _serapan_table(sheet, row + 1, mon)
    sheet.widths([5, 50, 16, 16, 12, 18, 18, 12])
    sheet.fit_rows()


def _serapan_table(sheet: _Sheet, row: int, mon: PemantauanView) -> None:
    """Spending and output of each sub kegiatan to the end of the quarter."""
    names = ("No", "SUB KEGIATAN", "Pagu", "Realisasi", "Serapan", "Target keluaran",
             "Realisasi keluaran", "Capaian keluaran")  # fmt: skip
    for column, name in enumerate(names, start=1):
        sheet.header(row, column, name)
    row += 1
    for section in mon.sections:
        sheet.text(row, 2, section.nama, bold=True)
        row += 1
        for sub_row in section.subs:
            p = sub_row.progress
            sheet.number(row, 1, sub_row.no, "0")
            sheet.text(row, 2, p.sub.nama)
            sheet.rupiah(row, 3, p.sub.pagu)
            if p.spent is None:
                sheet.text(row, 4, "belum dilaporkan")
            else:
                sheet.rupiah(row, 4, p.spent)
            _percent(sheet, row, 5, p.serapan)
            target = p.rencana.target if p.rencana else None
            sheet.text(row, 6, FILTERS["keluaran"](target))
            if p.keluaran is not None:
                sheet.quantity(row, 7, p.keluaran.jumlah, p.keluaran.satuan)
            else:
                sheet.text(row, 7, "-")
            _percent(sheet, row, 8, p.keluaran_capaian)
            sheet.frame(row, row, 8)
            row += 1


def sheet_title(text: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of ``[]:*?/\\``), unique."""
    shown = HIDDEN.sub(_spelled, text)
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in shown).strip("'") or "Lembar"
    title = cleaned[:MAX_SHEET_TITLE]
    n = 2
    while title.lower() in taken:
        suffix = f" {n}"
        title = cleaned[: MAX_SHEET_TITLE - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def workbook_bytes(
    view: RencanaAksiView,
    monitoring: PemantauanView | None = None,
    bidang: str | None = None,
) -> bytes:
    """The whole workbook as xlsx bytes: one sheet per bidang (only ``bidang`` when given),
    every bidang together, the PK, and the monitoring tables when ``monitoring`` is given."""
    from openpyxl import Workbook

    book = Workbook()
    taken: set[str] = set()
    first = True
    pages = [p for p in view.bidang if bidang is None or p.slug.lower() == bidang.lower()]
    for page in pages:
        ws = book.active if first else book.create_sheet()
        first = False
        assert ws is not None
        ws.title = sheet_title(page.slug, taken)
        _bidang_sheet(ws, view, page)
    if len(pages) > 1:
        ws = book.create_sheet(sheet_title("Semua Bidang", taken))
        assert view.plan.instansi is not None
        whole = _Sheet(ws)
        _aksi_sheet(
            whole,
            view,
            pages,
            (
                f"RENCANA AKSI PENCAPAIAN KINERJA TAHUN {view.tahun}",
                view.plan.instansi.instansi.nama.upper(),
            ),
        )
        whole.fit_rows()
    if bidang is None:
        ws = book.active if first else book.create_sheet()
        first = False
        assert ws is not None
        ws.title = sheet_title("PK", taken)
        _pk_sheet(ws, view)
    if monitoring is not None:
        ws = book.create_sheet(sheet_title(f"Pemantauan TW {monitoring.q}", taken))
        _monitoring_sheet(ws, monitoring)
    if view.warnings:
        ws = book.create_sheet(sheet_title("Temuan", taken))
        sheet = _Sheet(ws)
        for n, finding in enumerate(view.warnings, start=1):
            sheet.text(n, 1, finding.code)
            sheet.text(n, 2, finding.severity)
            sheet.text(n, 3, finding.where)
            sheet.text(n, 4, finding.message)
        sheet.widths([8, 10, 30, 80])
        sheet.fit_rows()
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
