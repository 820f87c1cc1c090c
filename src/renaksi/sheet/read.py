"""A Rencana Aksi sheet read into the data of a bidang file, with everything unread located.

The sheet is laid out like the official table: a header row (No, AKSI/KEGIATAN, JADWAL
PELAKSANAAN, OUTPUT/KELUARAN, PROGRAM, KEGIATAN, SUB KEGIATAN, TARGET, PAGU ANGGARAN), a
row of month names (Jan ... Des) under the schedule, then one row per aksi. The variants
real workbooks have are read as what they say, never guessed:

- headers spelled differently or mistyped (matched with the bounded hints of
  :mod:`renaksi.text.hints`), any order of columns, extra columns (ignored);
- the table repeated per sub kegiatan (each header starts a new table), blank spacer rows;
- merged cells: a value merged over several rows (program, sub kegiatan, target, pagu)
  belongs to every row it covers; a unit named once in a table belongs to the rows below;
- months as shaded cells (any fill but white) or marks (x, v, √, ✓, ■, 1);
- pagu as a number or as text with ``.`` or ``,`` thousands, with or without ``Rp``.

What cannot be read is a finding at its cell (:mod:`renaksi.sheet.codes`): a month cell
with other text, a missing or unreadable pagu, a formula (never evaluated), a target
without a unit. The signature block below the tables (signer, place and date) is read by
:mod:`renaksi.sheet.signature` only when it is whole and alone; an indicator table is not
read, and said so at its header.

A source note line under a table (``Catatan sumber: Jadwal pelaksanaan (bulan) ...
direkonstruksi ...``, as the export prints a bidang's ``catatan_sumber``) is read back into
the bidang's notes, so reconstructed months never come back as if the source stated them.
A note whose words are not the export's is a warning, never a guessed ``jenis``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from renaksi.plan import values
from renaksi.plan.findings import Location, Problem, RuleId
from renaksi.sheet import codes
from renaksi.sheet.signature import Signer, find_block
from renaksi.text.formats import MONTHS
from renaksi.text.hints import Hints

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Header words (normalised: lower case, letters and digits) and the column each names.
HEADERS = {
    "no": "no",
    "nomor": "no",
    "aksi kegiatan": "aksi",
    "aksi": "aksi",
    "rencana aksi": "aksi",
    "kegiatan aksi": "aksi",
    "uraian aksi": "aksi",
    "jadwal pelaksanaan": "jadwal",
    "output keluaran": "keluaran",
    "keluaran": "keluaran",
    "keluaran output": "keluaran",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub kegiatan": "sub_kegiatan",
    "subkegiatan": "sub_kegiatan",
    "output": "output",
    "target": "target",
    "target output": "target",
    "pagu anggaran": "pagu",
    "pagu": "pagu",
    "anggaran": "pagu",
    "pagu anggaran rp": "pagu",
    "pagu rp": "pagu",
    # Headers of the other tables of a page: they end an aksi table.
    "sasaran strategis": "other",
    "sasaran": "other",
    "indikator kinerja": "other",
    "indikator kinerja sasaran": "other",
}
#: The header spellings compared with an unknown header (one budget per workbook).
_HEADER_WORDS = tuple(HEADERS)
#: Header cells longer than this are data, not a header (and never worth a hint).
_MAX_HEADER = 40
_MONTH_WORDS: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, start=1):
    _MONTH_WORDS[_name.lower()] = _i
    _MONTH_WORDS[_name.lower()[:3]] = _i
_MONTH_WORDS.update(
    {"mrt": 3, "mar": 3, "may": 5, "agt": 8, "agu": 8, "agus": 8, "aug": 8, "sept": 9}
)
_MONTH_WORDS.update({"okt": 10, "oct": 10, "nop": 11, "nov": 11, "des": 12, "dec": 12})
#: Marks that say "in this month" (compared case-insensitively).
MARKS = frozenset({"x", "v", "√", "✓", "✔", "■", "1"})
#: The characters a spreadsheet would start a formula with; the export writes a text that
#: starts with one (or with ') after a ' that the import takes off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UNIT_KEYS = ("sub_kegiatan", "output", "kegiatan")


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


def plain_text(value: object) -> str:
    """A cell's text as the plan writes it: whitespace runs (line breaks typed in a cell
    included) as one space, and the export's formula guard taken off."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if len(text) > 1 and text[0] == "'" and text[1] in (*FORMULA_STARTS, "'"):
        text = text[1:]
    return unicodedata.normalize("NFC", " ".join(text.split()))


@dataclass(slots=True)
class ImportedAksi:
    """One aksi row."""

    nama: str
    bulan: list[int]
    keluaran: str


@dataclass(slots=True)
class ImportedUnit:
    """The aksi of one sub kegiatan (or output, or APBN kegiatan) and its group values."""

    key: str
    nama: str
    program: str | None
    kegiatan: str | None
    target: str | None  # None: not stated
    pagu: int | None
    where: Location
    pagu_where: Location  # where its pagu is (or should be)
    aksi: list[ImportedAksi] = field(default_factory=list)


@dataclass(slots=True)
class ImportedSheet:
    """What one sheet held, and what could not be read."""

    sheet: str
    nama: str | None
    units: list[ImportedUnit]
    problems: list[Problem]
    #: The source notes on the months of every aksi: (jenis, alasan), in sheet order.
    catatan: list[tuple[str, str]] = field(default_factory=list)
    #: The signature block's signer, or why it is not read (None: there is none), and the
    #: cell of its NIP or NRP line.
    signer: Signer | str | None = None
    signer_at: Location | None = None


@dataclass(slots=True)
class _Table:
    header: int  # the header row
    start: int  # first data row
    columns: dict[str, int]
    months: dict[int, int]  # column -> month


class _Reader:
    """One pass over one sheet."""

    def __init__(self, ws: Worksheet, book: str, hints: Hints) -> None:
        self.ws = ws
        self.book = book
        self.hints = hints
        self.problems: list[Problem] = []
        # openpyxl computes max_row and max_column from every cell at each call: read once,
        # or each row of the walk below costs a pass over the whole sheet.
        self.rows, self.columns = ws.max_row, ws.max_column
        self.merged = _merged_origins(ws, self.rows, self.columns)
        # openpyxl's own map of the cells written. ws.cell() would create a cell object for
        # every coordinate it is asked for: walking a sheet with one far cell (KN10000) that
        # way fills 3 million of them. Blank coordinates are a _Blank here instead.
        self.grid: dict[tuple[int, int], Any] = dict(ws._cells)
        self.by_row: dict[int, list[tuple[int, Any]]] = {}
        for (row, column), cell in sorted(self.grid.items()):
            self.by_row.setdefault(row, []).append((column, cell))

    # --- cells ---------------------------------------------------------------------------

    def at(self, row: int, column: int) -> Location:
        return codes.cell_location(self.book, self.ws.title, row, column)

    def report(self, rule: RuleId, row: int, column: int, message: str, **args: object) -> None:
        self.problems.append(rule.make(self.at(row, column), message, args))

    def get(self, row: int, column: int) -> Any:
        """The cell at (row, column), never creating one."""
        found = self.grid.get((row, column))
        return _Blank(row, column) if found is None else found

    def row_texts(self, row: int) -> Iterator[tuple[int, str]]:
        """The columns and texts of the non-blank text cells of ``row``, left to right."""
        for column, cell in self.by_row.get(row, ()):
            if isinstance(cell.value, str) and cell.value.strip():
                yield column, cell.value

    def cell(self, row: int, column: int, columns: Collection[int] = ()) -> Any:
        """The cell that holds what (row, column) shows: the first of its merged range when
        that lies in the same column (a value merged down over rows) or in ``columns`` (a
        month merged across months). A range merged across the table from another column
        (a note under the table, a bidang's name) is not this column's value."""
        origin = self.merged.get((row, column), (row, column))
        if origin[1] != column and origin[1] not in columns:
            return self.get(row, column)
        return self.get(*origin)

    def value(self, row: int, column: int | None, columns: Collection[int] = ()) -> Any:
        """The value shown at (row, column); None for blank text; a formula reported."""
        if column is None:
            return None
        cell = self.cell(row, column, columns)
        raw = cell.value
        if cell.data_type == "f" or (isinstance(raw, str) and raw.startswith("=")):
            self.report(
                codes.FORMULA,
                cell.row,
                cell.column,
                "sel berisi rumus {formula}; renaksi tidak menghitung rumus: tulis nilainya",
                formula=_formula_text(raw)[:80],
            )
            return None
        if cell.data_type == "e":
            # #REF!, #N/A ...: what a formula left behind, not a value the table states.
            self.report(
                codes.ERROR_VALUE,
                cell.row,
                cell.column,
                "sel berisi galat Excel {found}, bukan nilai; tulis nilainya",
                found=str(raw)[:20],
            )
            return None
        if isinstance(raw, str) and not raw.strip():
            return None
        return raw

    # --- tables --------------------------------------------------------------------------

    def header_keys(self, row: int) -> dict[str, int]:
        found: dict[str, int] = {}
        for column, raw in self.row_texts(row):
            if len(raw) > _MAX_HEADER:
                continue
            word = _norm(raw)
            key = HEADERS.get(word)
            if key is None and word:
                near = self.hints.closest(word, _HEADER_WORDS, 0.85)
                key = HEADERS[near] if near is not None else None
            if key is not None:
                found.setdefault(key, column)
        return found

    def month_row(self, header: int) -> tuple[int, dict[int, int]] | None:
        for row in range(header, min(header + 4, self.rows + 1)):
            months: dict[int, int] = {}
            for column, raw in self.row_texts(row):
                if len(raw) <= 12:
                    month = _MONTH_WORDS.get(_norm(raw))
                    if month is not None and month not in months.values():
                        months[column] = month
            if len(months) == 12:
                return row, months
        return None

    def tables(self) -> Iterator[tuple[_Table, int]]:
        """Each aksi table and the row after its last one."""
        current: _Table | None = None
        row = 1
        while row <= self.rows:
            keys = self.header_keys(row)
            is_aksi = "aksi" in keys and len(keys) >= 3
            # Another table's header (SASARAN ... INDIKATOR KINERJA) ends an aksi table; a
            # data row naming its program "Program" does not.
            other = "other" in keys and len(keys) >= 2
            if other:
                self.report(
                    codes.INDIKATOR,
                    row,
                    keys["other"],
                    "tabel indikator (sasaran, indikator kinerja, target triwulan) tidak dibaca; "
                    "tulis indikator bidang di berkas bidang bila perlu",
                )
            if current is not None and (is_aksi or other) and row >= current.start:
                yield current, row
                current = None
            if is_aksi:
                found = self.month_row(row)
                if found is None:
                    self.report(
                        codes.TABLE,
                        row,
                        keys["aksi"],
                        "tabel aksi tanpa baris nama bulan (Jan ... Des) di bawah judulnya; "
                        "jadwal tidak dapat dibaca",
                    )
                else:
                    month_row, months = found
                    current = _Table(row, month_row + 1, keys, months)
                    row = month_row
            row += 1
        if current is not None:
            yield current, self.rows + 1

    # --- rows ----------------------------------------------------------------------------

    def months(self, row: int, table: _Table) -> list[int]:
        out = []
        for column, month in sorted(table.months.items(), key=lambda item: item[1]):
            raw = self.value(row, column, table.months)
            if raw is None:
                if _shaded(self.cell(row, column, table.months)):
                    out.append(month)
                continue
            if _is_mark(raw):
                out.append(month)
                continue
            self.report(
                codes.MONTH,
                row,
                column,
                "sel bulan {month} berisi {found}; tandai bulan pelaksanaan dengan arsiran "
                "atau x, v, √, 1, atau kosongkan",
                month=MONTHS[month - 1],
                found=plain_text(raw)[:40],
            )
        return out

    def stray(self, row: int, table: _Table) -> None:
        """A row without an aksi name that holds months or a keluaran."""
        for column in [*table.months, table.columns.get("keluaran")]:
            if column is None:
                continue
            raw = self.get(row, column).value
            if (row, column) not in self.merged and raw is not None and str(raw).strip():
                self.report(
                    codes.STRAY,
                    row,
                    column,
                    "baris ini berisi {found} tetapi tidak punya nama aksi (kolom AKSI/KEGIATAN); "
                    "tulis aksinya atau hapus isinya",
                    found=plain_text(raw)[:40],
                )
                return

    def read(self) -> ImportedSheet:
        units: dict[tuple[str, str], ImportedUnit] = {}
        nama = None
        first = True
        spans: list[range] = []
        for table, end in self.tables():
            if first:
                nama = self.bidang_nama(table.header)
                first = False
            spans.append(range(table.header, self.read_table(table, end, units) + 1))
        for unit in units.values():
            if unit.pagu is None:
                self.problems.append(
                    codes.PAGU.problem(
                        unit.pagu_where,
                        "pagu {unit} tidak tercantum; tulis pagunya (rupiah) di kolom PAGU "
                        "ANGGARAN",
                        unit=unit.nama[:60],
                    )
                )
        if first:
            self.report(
                codes.TABLE,
                1,
                1,
                "tidak ada tabel aksi: tidak ditemukan baris judul dengan No, AKSI/KEGIATAN, "
                "JADWAL PELAKSANAAN dan nama bulan",
            )
        elif nama is None:
            self.report(
                codes.NAMA,
                1,
                1,
                "nama bidang tidak ditemukan di atas tabel (baris yang diawali BIDANG); "
                "tulis nama bidang di baris judul",
            )
        catatan = self.source_notes()
        # A merged cell is read from each row it covers: one finding per cell and code.
        once = {(p.code, p.location): p for p in self.problems}
        texts = {
            at: plain_text(cell.value)
            for at, cell in self.grid.items()
            if isinstance(cell.value, str) and cell.value.strip()
        }
        block = find_block(texts, spans)
        signer, signer_at = (None, None) if block is None else (block[0], self.at(*block[1]))
        return ImportedSheet(
            self.ws.title,
            nama,
            list(units.values()),
            list(once.values()),
            catatan,
            signer,
            signer_at,
        )

    def source_notes(self) -> list[tuple[str, str]]:
        """The ``Catatan sumber: ...`` lines of the sheet as (jenis, alasan), each once."""
        notes: list[tuple[str, str]] = []
        for row, cells in self.by_row.items():
            for column, cell in cells:
                if not isinstance(cell.value, str):
                    continue
                text = plain_text(cell.value)
                if column == 1 and _FOOTNOTE.match(text):
                    # A numbered footnote under the table (a note on one aksi's months or
                    # one pagu, referenced from the CATATAN column): not read back, and
                    # never dropped without a word.
                    self.report(
                        codes.FOOTNOTE,
                        row,
                        column,
                        "catatan kaki {found} tidak dibaca; bila ia menandai nilai yang "
                        "direkonstruksi atau direkonsiliasi, tulis catatan_sumber-nya di "
                        "berkas bidang",
                        found=text[:80],
                    )
                    continue
                if not text.casefold().startswith(NOTE_PREFIX):
                    continue
                note = source_note(text[len(NOTE_PREFIX) :].strip())
                if note is None:
                    self.report(
                        codes.NOTE,
                        row,
                        column,
                        "catatan sumber {found} tidak dikenali, jadi tidak dibaca; tulis "
                        "catatan_sumber (jenis, isian, alasan) di berkas bidang",
                        found=text[:80],
                    )
                elif note not in notes:
                    notes.append(note)
        return notes

    def bidang_nama(self, before: int) -> str | None:
        """The bidang's name among the title lines above the first table: the line that
        starts with "Bidang", else the line right under the "RENCANA AKSI ..." title (the
        official layout: title, bidang, instansi)."""
        lines = [raw for row in range(1, before) for _, raw in self.row_texts(row)]
        for raw in lines:
            if _norm(raw).startswith("bidang "):
                return plain_text(raw)
        for n, raw in enumerate(lines[:-1]):
            if "rencana aksi" in _norm(raw):
                return plain_text(lines[n + 1])
        return None

    def unit_column(self, table: _Table) -> tuple[str, int | None]:
        for key in UNIT_KEYS:
            if key in table.columns:
                return key, table.columns[key]
        return "kegiatan", None

    def read_table(
        self, table: _Table, end: int, units: dict[tuple[str, str], ImportedUnit]
    ) -> int:
        """Read the aksi rows of ``table`` into ``units``; the last row that holds an aksi
        (what is below it, such as a signature block, is not the table's)."""
        key, unit_col = self.unit_column(table)
        last = table.start
        if unit_col is None:
            self.report(
                codes.TABLE,
                table.header,
                table.columns["aksi"],
                "tabel aksi tanpa kolom SUB KEGIATAN, OUTPUT atau KEGIATAN; tidak diketahui "
                "aksi ini untuk apa",
            )
            return last
        current: ImportedUnit | None = None
        for row in range(table.start, end):
            nama = self.value(row, table.columns["aksi"])
            if nama is None:
                self.stray(row, table)
                continue
            last = row
            unit = self.unit_of(row, table, key, unit_col, units)
            if unit is None:
                unit = current
            if unit is None:
                self.report(
                    codes.UNIT,
                    row,
                    unit_col,
                    "nama {key} untuk aksi ini tidak tercantum",
                    key=key.replace("_", " "),
                )
                continue
            current = unit
            self.group_values(row, table, unit)
            bulan = self.months(row, table)
            keluaran = self.value(row, table.columns.get("keluaran"))
            if keluaran is None:
                self.report(
                    codes.KELUARAN,
                    row,
                    table.columns.get("keluaran", table.columns["aksi"]),
                    "output/keluaran aksi {aksi} tidak tercantum; tulis keluarannya",
                    aksi=plain_text(nama)[:60],
                )
            unit.aksi.append(
                ImportedAksi(plain_text(nama), bulan, plain_text(keluaran) if keluaran else "")
            )
        return last

    def unit_of(
        self,
        row: int,
        table: _Table,
        key: str,
        column: int,
        units: dict[tuple[str, str], ImportedUnit],
    ) -> ImportedUnit | None:
        raw = self.value(row, column)
        if raw is None:
            return None
        nama = plain_text(raw)
        unit = units.get((key, _norm(nama)))
        if unit is None:
            program = self.value(row, table.columns.get("program"))
            kegiatan = self.value(row, table.columns.get("kegiatan")) if key != "kegiatan" else None
            unit = ImportedUnit(
                key,
                nama,
                plain_text(program) if program is not None else None,
                plain_text(kegiatan) if kegiatan is not None else None,
                None,
                None,
                self.at(row, column),
                self.at(row, table.columns.get("pagu", column)),
            )
            units[(key, _norm(nama))] = unit
        return unit

    def group_values(self, row: int, table: _Table, unit: ImportedUnit) -> None:
        """The target and pagu of ``unit`` as stated in ``row`` (merged over its rows, or
        written once); two different ones are a finding."""
        column = table.columns.get("target")
        raw = self.value(row, column)
        if raw is not None and column is not None:
            target = self.target(raw, row, column)
            if target is not None:
                self.agree(unit, "target", target, row, column)
        column = table.columns.get("pagu")
        raw = self.value(row, column)
        if raw is not None and column is not None:
            pagu = parse_pagu(raw)
            if pagu is None:
                self.report(
                    codes.PAGU,
                    row,
                    column,
                    "pagu {found} tidak terbaca; tulis rupiah bulat (1517874000 atau "
                    "Rp 1.517.874.000)",
                    found=plain_text(raw)[:40],
                )
            else:
                self.agree(unit, "pagu", pagu, row, column)

    def agree(self, unit: ImportedUnit, what: str, value: object, row: int, column: int) -> None:
        before = getattr(unit, what)
        if before is None:
            setattr(unit, what, value)
        elif before != value:
            self.report(
                codes.CONFLICT,
                row,
                column,
                "{what} {unit} ditulis {found} di sini tetapi {before} di atasnya; satu "
                "sub kegiatan punya satu {what}",
                what=what,
                unit=unit.nama[:60],
                found=value,
                before=before,
            )

    def target(self, raw: object, row: int, column: int) -> str | None:
        text = plain_text(raw)
        if values.is_absent_text(text):
            return None
        # "1,200 orang": thousands with commas, as Excel in an English locale writes them.
        text = re.sub(
            r"^([0-9]{1,3}(?:,[0-9]{3})+)(?=\s)", lambda m: m.group(1).replace(",", "."), text
        )
        match = re.match(r"^(-?[0-9][0-9.,]*)(?!\w)\s*(\S.*)$", text)
        try:
            if match is None:
                raise values.PlanValueError("type", "")
            values.parse_quantity(match.group(1))
        except values.PlanValueError:
            self.report(
                codes.TARGET,
                row,
                column,
                "target {found} tidak terbaca; tulis jumlah lalu satuan (mis. 1200 orang)",
                found=text[:40],
            )
            return None
        return text


#: A numbered footnote line as the export writes it under a table: ``1) Pagu hasil ...``.
_FOOTNOTE = re.compile(r"\d{1,3}\) \S")

#: How a source note line starts (compared case-insensitively).
NOTE_PREFIX = "catatan sumber:"


def source_note(text: str) -> tuple[str, str] | None:
    """(jenis, alasan) of a note on the months of every aksi, as the export words it
    (:func:`renaksi.report.rencana_aksi.note_text` with the schedule caption); None for any
    other wording."""
    from renaksi.report.rencana_aksi import JENIS_WORDS, SCHEDULE_CAPTION

    for jenis, words in JENIS_WORDS.items():
        lead = f"{SCHEDULE_CAPTION} {words}. "
        if text.startswith(lead) and text[len(lead) :].strip():
            return jenis, text[len(lead) :].strip()
    return None


def _merged_origins(
    ws: Worksheet, rows: int, columns: int
) -> dict[tuple[int, int], tuple[int, int]]:
    """Every cell of a merged range (within the sheet's ``rows`` x ``columns``) -> the range's
    first cell. The sheet's bounds are checked when the workbook is opened, so this is
    bounded too."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    limit = rows * columns
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        for row in range(top, min(merged.max_row, rows) + 1):
            for column in range(left, min(merged.max_col, columns) + 1):
                if (row, column) != (top, left):
                    out.setdefault((row, column), (top, left))
            if len(out) > limit:
                return out  # overlapping ranges: each cell already has its first origin
    return out


def _formula_text(value: object) -> str:
    """A formula as written: an array formula's text (``{=SUM(A1:A2*B1:B2)}``), a data
    table's kind, never a Python object's repr."""
    text = getattr(value, "text", None)
    if isinstance(text, str):
        return "{" + text + "}"
    if isinstance(value, str):
        return value
    return "tabel data (TABLE)" if type(value).__name__ == "DataTableFormula" else "(rumus)"


@dataclass(frozen=True, slots=True)
class _Blank:
    """A coordinate no cell was written at: blank, unfilled."""

    row: int
    column: int
    value: None = None
    data_type: str = "n"
    fill: None = None


def _is_mark(raw: object) -> bool:
    if isinstance(raw, bool):
        return False
    if isinstance(raw, (int, float, Decimal)):
        return raw == 1
    return isinstance(raw, str) and raw.strip().casefold() in MARKS


def _is_white(color: Any) -> bool:
    if color is None:
        return True
    kind = getattr(color, "type", None)
    if kind == "rgb":
        rgb = str(color.rgb or "")
        return rgb[-6:].upper() == "FFFFFF"
    if kind == "theme":
        return color.theme == 0 and not color.tint
    if kind == "indexed":
        return color.indexed in (1, 9, 64, 65)
    return False


def _shaded(cell: Any) -> bool:
    """Whether a cell has a fill other than none or white (any colour, any pattern)."""
    fill = cell.fill
    kind = getattr(fill, "fill_type", None)
    if kind is None and getattr(fill, "type", None) is None:
        return False
    if kind is None:  # a gradient
        return True
    if kind == "solid":
        return not _is_white(fill.fgColor)
    return bool(kind != "none")


_RUPIAH_TEXT = (
    re.compile(r"^[0-9]+$"),
    re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+(,0{1,2}|,-)?$"),
    re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.0{1,2})?$"),
)


def parse_pagu(raw: object) -> int | None:
    """Whole rupiah from a cell: a number, or text like ``Rp 1.517.874.000``,
    ``1,517,874,000`` or ``1517874000``; None when it is none of them (never rounded)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if raw >= 0 else None
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() and 0 <= raw < 2**53 else None
    if not isinstance(raw, str):
        return None
    body = re.sub(r"^rp\.?", "", raw.strip(), flags=re.IGNORECASE)
    body = body.replace("\u00a0", "").replace(" ", "")
    if not any(p.match(body) for p in _RUPIAH_TEXT) or len(body) > 30:
        return None
    whole = re.sub(r"(,0{1,2}|,-|\.0{1,2})$", "", body) if not body.isdigit() else body
    return int(whole.replace(".", "").replace(",", ""))


def read_sheet(ws: Worksheet, book: str, hints: Hints | None = None) -> ImportedSheet:
    """Read one Rencana Aksi sheet; ``book`` is how the workbook is named in findings."""
    return _Reader(ws, book, hints or Hints()).read()
