"""Opening a workbook someone sent: bounded before openpyxl reads a byte of it.

An xlsx file is a zip of XML parts, so a hostile one can be a zip bomb (a few KiB that
inflate to gigabytes), a sheet of millions of cells, an XML entity bomb, an encrypted or
legacy (OLE) file, a truncated archive, or a workbook that pulls in external links. Every
bound is checked here from the zip directory and one streamed pass over the parts, before
openpyxl builds a single cell object:

- the file on disk, the number of parts, and each part's and the total's uncompressed size
  as the zip directory states them (the inflater stops at the stated size and the CRC check
  fails on a lie, so the stated sizes bound the real work);
- the compression ratio of every large part (a zip bomb inflates a thousandfold);
- what openpyxl makes a Python object of, counted in one streamed parse of every part
  (whatever its name: openpyxl follows the relationships, so a sheet may be named
  ``sheet1.dat``) with expat, the parser openpyxl uses, so that an encoding (UTF-16,
  Latin-1) or a namespace prefix hides nothing: the cells, the shared strings, all other
  elements (a style, a row, a validation: each an object that takes openpyxl some 100
  microseconds), and the cells covered by merged, hyperlinked and commented ranges, which
  openpyxl fills with one object per cell (``A1:XFD1048576`` would be 17 billion);
- no DTD or entity declaration in any part (entity expansion), no encrypted part, no
  external link parts.

The workbook is then opened in openpyxl's full mode, not ``read_only``: the importer needs
cell fills (shaded months) and merged ranges, which read-only mode does not give. Formulas
are kept as their text (``data_only=False``) so that a formula is reported, never evaluated
or replaced by a cached value; external links are not loaded (``keep_links=False``).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from renaksi.text.os_errors import os_reason

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

#: Largest workbook file accepted; real Rencana Aksi workbooks are well under 1 MiB.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
#: Largest total of the uncompressed parts, as the zip directory states them.
MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024
#: Most parts (files) inside the zip.
MAX_PARTS = 2000
#: Highest compression ratio of a part bigger than :data:`RATIO_FLOOR` bytes uncompressed.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
#: Most cells in all sheets together (``<c>`` elements), shared strings (``<si>``), and cells
#: covered by merged, hyperlinked or commented ranges (openpyxl makes an object of each).
#: openpyxl loads some 10 000 cells a second on a slow machine; a Rencana Aksi sheet has a
#: few thousand.
MAX_CELLS = 50_000
#: Most value elements of cells and shared strings (``<v>``, ``<f>``, ``<is>``, ``<t>``).
MAX_VALUES = 4 * MAX_CELLS
#: Most other XML elements in all parts (styles, rows, validations, comments, drawings):
#: openpyxl builds an object of each, at some 100 to 300 microseconds apiece.
MAX_ELEMENTS = 50_000
#: Bounds of one sheet as openpyxl reports them (a cell written at XFD1048576 is refused).
MAX_ROWS = 10_000
MAX_COLUMNS = 300
#: The first bytes of an OLE compound file: an encrypted xlsx, or a legacy .xls.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1024 * 1024


class WorkbookError(Exception):
    """The workbook cannot or may not be read (exit code 2); the message says why."""


def _check_file(path: Path, shown: str) -> bytes:
    try:
        if not path.exists():
            raise WorkbookError(f"{shown}: berkas tidak ada")
        if not path.is_file():
            raise WorkbookError(f"{shown}: bukan berkas biasa")
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            raise WorkbookError(
                f"{shown}: {size} byte, lebih besar dari batas {MAX_WORKBOOK_BYTES} byte"
            )
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})") from None
    return head


def _refuse_entry(info: zipfile.ZipInfo, shown: str) -> None:
    name = info.filename
    if info.flag_bits & 0x1:
        raise WorkbookError(f"{shown}: bagian {name} terenkripsi; simpan tanpa kata sandi")
    if name.lower().startswith("xl/externallinks/"):
        raise WorkbookError(
            f"{shown}: memuat tautan ke buku kerja lain ({name}); renaksi tidak membuka "
            "tautan eksternal: salin nilainya (Tempel Nilai) lalu simpan ulang"
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise WorkbookError(
            f"{shown}: bagian {name} memampat lebih dari {MAX_RATIO} kali "
            f"({info.compress_size} byte menjadi {info.file_size} byte); ditolak sebagai "
            "bom zip"
        )


#: Elements of a part whose count is bounded with the cells (a cell's value and text), not
#: with :data:`MAX_ELEMENTS`.
_CELL_PARTS = frozenset({"v", "f", "is", "t"})
#: Elements whose ``ref`` makes openpyxl create a cell object for every cell of the range.
_RANGED = frozenset({"mergeCell", "hyperlink", "comment"})
#: ``A1``, ``$A$1:$B$2``, ``A:B`` or ``1:2``, as openpyxl's ``range_boundaries`` reads them
#: (``\d`` as there: any Unicode digit, which ``int`` reads too).
_REF = re.compile(r"^\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?$")
_SHEET_ROWS, _SHEET_COLUMNS = 1_048_576, 16_384


def _column(letters: str | None) -> int | None:
    if not letters:
        return None
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number


def _span(low: int | None, high: int | None, whole: int) -> int:
    """Cells along one axis of a range; a missing bound (``A:B``, ``1:2``) is the whole
    sheet's extent, the most openpyxl may walk."""
    if low is None or high is None:
        return whole
    return abs(high - low) + 1


def ref_area(ref: str) -> int | None:
    """The number of cells openpyxl may create for a ``ref`` (``A1:C3`` -> 9); None when it
    is not a reference at all (openpyxl then refuses the workbook itself)."""
    match = _REF.match(ref.strip())
    if match is None or not any(match.groups()):
        return None
    first_col, first_row, last_col, last_row = match.groups()
    col1, col2 = _column(first_col), _column(last_col or first_col)
    try:
        row1 = int(first_row) if first_row else None
        row2 = int(last_row) if last_row else row1
    except ValueError:  # more digits than int reads: openpyxl fails on it the same way
        return None
    return _span(row1, row2, _SHEET_ROWS) * _span(col1, col2, _SHEET_COLUMNS)


class _Scan:
    """One streamed parse of every XML part with expat, the parser openpyxl itself uses (so
    a part in UTF-16, Latin-1 or any other encoding expat reads, with any namespace prefix,
    is seen as openpyxl will see it): counts what openpyxl makes an object of, refuses a
    DTD. Names are local names (the namespace is not what makes openpyxl build a cell)."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.part = ""
        self.cells = 0  # <c>: a Cell object each
        self.values = 0  # <v>, <f>, <is>, <t>: parts of a cell's or a shared string's value
        self.strings = 0  # <si>: a shared string each
        self.elements = 0  # everything else: a style, row, validation, comment ... object each
        self.area = 0  # cells of merged, hyperlinked and commented ranges

    def refuse(self, message: str) -> None:
        raise WorkbookError(f"{self.shown}: {message}")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "c":
            self.cells += 1
            if self.cells > MAX_CELLS:
                self.refuse(
                    f"lebih dari {MAX_CELLS} sel, batasnya; simpan hanya tabel Rencana Aksi di "
                    "buku kerja ini"
                )
        elif local in _CELL_PARTS:
            self.values += 1
            if self.values > MAX_VALUES:
                self.refuse(f"lebih dari {MAX_VALUES} unsur nilai sel (v, f, is, t), batasnya")
        elif local == "si":
            self.strings += 1
            if self.strings > MAX_CELLS:
                self.refuse(f"lebih dari {MAX_CELLS} teks bersama (sharedStrings), batasnya")
        else:
            self.elements += 1
            if self.elements > MAX_ELEMENTS:
                self.refuse(
                    f"lebih dari {MAX_ELEMENTS} unsur XML selain sel (gaya, baris, validasi, "
                    f"komentar, ...; bagian {self.part}), batasnya; salin tabel Rencana Aksi "
                    "ke buku kerja baru"
                )
        if local in _RANGED and "ref" in attributes:
            self.ranged(local, attributes["ref"])

    def ranged(self, local: str, ref: str) -> None:
        area = ref_area(ref)
        if area is None:
            return
        self.area += area
        if self.area > MAX_CELLS:
            self.refuse(
                f"bagian {self.part}: {local} {ref[:40]} dan rentang gabungan, tautan dan "
                f"komentar lain menutup lebih dari {MAX_CELLS} sel, batasnya"
            )

    def doctype(self, *_: object) -> None:
        self.refuse(f"bagian {self.part} memuat deklarasi DTD/entitas; ditolak")

    def scan(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        """Parse one part; a part that is not XML (an image) ends at its first byte, and
        one that breaks off is read no further by openpyxl either."""
        from xml.parsers import expat

        self.part = info.filename
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self.start
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.doctype
        try:
            with archive.open(info) as part:
                while chunk := part.read(_CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except expat.ExpatError:
            return


def check_workbook(path: Path, shown: str) -> None:
    """Raise :class:`WorkbookError` unless ``path`` is an xlsx within every bound."""
    head = _check_file(path, shown)
    if head.startswith(OLE_MAGIC):
        raise WorkbookError(
            f"{shown}: buku kerja terenkripsi (berkata sandi) atau format .xls lama; simpan "
            "ulang sebagai .xlsx tanpa kata sandi"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise WorkbookError(f"{shown}: lebih dari {MAX_PARTS} bagian di dalam zip")
            total = 0
            for info in infos:
                _refuse_entry(info, shown)
                total += info.file_size
            if total > MAX_UNCOMPRESSED_BYTES:
                raise WorkbookError(
                    f"{shown}: isi tak termampatnya {total} byte, lebih besar dari batas "
                    f"{MAX_UNCOMPRESSED_BYTES} byte"
                )
            names = {info.filename for info in infos}
            if "xl/workbook.xml" not in names:
                raise WorkbookError(f"{shown}: bukan buku kerja .xlsx (tidak ada xl/workbook.xml)")
            # Every part, whatever its name: openpyxl follows the relationships, so a sheet
            # may be named sheet1.dat.
            scan = _Scan(shown)
            for info in infos:
                scan.scan(archive, info)
    except zipfile.BadZipFile as exc:
        raise WorkbookError(f"{shown}: bukan berkas .xlsx yang utuh ({exc})") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc) or type(exc).__name__
        raise WorkbookError(f"{shown}: tidak dapat dibaca ({reason})") from None


def open_workbook(path: Path, shown: str) -> Workbook:
    """The workbook at ``path``, checked (:func:`check_workbook`) then opened with fills,
    merges and formulas as written, and every sheet within :data:`MAX_ROWS` x
    :data:`MAX_COLUMNS`."""
    check_workbook(path, shown)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=False, keep_links=False, keep_vba=False)
    except Exception as exc:  # openpyxl raises anything on a malformed part; all mean "unreadable"
        raise WorkbookError(
            f"{shown}: tidak dapat dibaca sebagai .xlsx ({type(exc).__name__})"
        ) from None
    for sheet in book.worksheets:
        if sheet.max_row > MAX_ROWS or sheet.max_column > MAX_COLUMNS:
            raise WorkbookError(
                f"{shown}: lembar {sheet.title} memakai {sheet.max_row} baris x "
                f"{sheet.max_column} kolom, lebih dari batas {MAX_ROWS} x {MAX_COLUMNS}"
            )
    return book
