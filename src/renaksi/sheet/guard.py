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
- the cells of all sheets, counted as ``<c`` elements in the streamed XML: openpyxl keeps a
  Python object per cell (a few hundred bytes), so the cell count bounds its memory;
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
#: Most cells in all sheets together (``<c`` elements of the sheet XML).
MAX_CELLS = 200_000
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


#: A cell element, with or without a namespace prefix (``<c r=``, ``<x:c>``).
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> int:
    """Stream one XML part: refuse a DTD, count its cells."""
    cells = 0
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            data = tail + chunk
            if _DTD.search(data):
                raise WorkbookError(
                    f"{shown}: bagian {info.filename} memuat deklarasi DTD/entitas; ditolak"
                )
            # The tail (counted with the chunk before) is kept so that a tag split between
            # two chunks is seen; what lies wholly inside it is not counted twice.
            cells += len(_CELL.findall(data)) - len(_CELL.findall(tail))
            tail = data[-64:]
    return cells


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
            cells = sum(
                _scan(archive, info, shown)
                for info in infos
                if info.filename.lower().endswith((".xml", ".rels", ".vml"))
            )
    except zipfile.BadZipFile as exc:
        raise WorkbookError(f"{shown}: bukan berkas .xlsx yang utuh ({exc})") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc) or type(exc).__name__
        raise WorkbookError(f"{shown}: tidak dapat dibaca ({reason})") from None
    if cells > MAX_CELLS:
        raise WorkbookError(
            f"{shown}: {cells} sel, lebih dari batas {MAX_CELLS} sel; simpan hanya tabel "
            "Rencana Aksi di buku kerja ini"
        )


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
