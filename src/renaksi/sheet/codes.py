"""What ``renaksi import`` reports about a workbook: one :class:`RuleId` per kind of finding.

The findings are data like every other (:class:`renaksi.plan.findings.Problem`), located by
sheet and cell (``Location.path`` is ``Sheet1!F12``; ``line`` and ``column`` are the row and
column, so findings sort in reading order). ``docs/excel.md`` lists every code
(``tests/test_sheet_import.py`` checks it).
"""

from __future__ import annotations

from renaksi.plan.findings import Location, RuleId, Severity

E, W = Severity.ERROR, Severity.WARNING

MONTH = RuleId("XL01", "impor.bulan", E)
PAGU = RuleId("XL02", "impor.pagu", E)
FORMULA = RuleId("XL03", "impor.rumus", E)
TARGET = RuleId("XL04", "impor.target", E)
TARGET_ABSENT = RuleId("XL05", "impor.target-tidak-tercantum", W)
KELUARAN = RuleId("XL06", "impor.keluaran", E)
UNIT = RuleId("XL07", "impor.sub-kegiatan", E)
CONFLICT = RuleId("XL08", "impor.nilai-ganda", E)
TABLE = RuleId("XL09", "impor.tabel", E)
STRAY = RuleId("XL10", "impor.di-luar-aksi", E)
SIGNER = RuleId("XL11", "impor.penandatangan", W)
NAMA = RuleId("XL12", "impor.nama-bidang", E)
ERROR_VALUE = RuleId("XL13", "impor.galat-sel", E)
INDIKATOR = RuleId("XL14", "impor.indikator-tidak-dibaca", W)
NOTE = RuleId("XL15", "impor.catatan-sumber", W)
FOOTNOTE = RuleId("XL16", "impor.catatan-kaki", W)

ALL: tuple[RuleId, ...] = (MONTH, PAGU, FORMULA, TARGET, TARGET_ABSENT, KELUARAN, UNIT)
ALL += (CONFLICT, TABLE, STRAY, SIGNER, NAMA, ERROR_VALUE, INDIKATOR, NOTE, FOOTNOTE)


def column_letters(column: int) -> str:
    """``1`` -> ``A``, ``28`` -> ``AB``: a column as a spreadsheet names it."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_location(book: str, sheet: str, row: int, column: int) -> Location:
    """The place of one cell: ``Location(book, row, column, "Sheet1!F12")``."""
    return Location(book, row, column, f"{sheet}!{column_letters(column)}{row}")


def sheet_location(book: str, sheet: str) -> Location:
    """The place of a whole sheet: ``Location(book, 0, 0, "Sheet1")``."""
    return Location(book, 0, 0, sheet)
