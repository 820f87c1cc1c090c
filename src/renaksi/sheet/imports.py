"""``renaksi import``: one sheet of an opened workbook -> bidang YAML (and PK rows), with
the findings that say what could not be read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from renaksi.plan.findings import Problem, Severity
from renaksi.plan.model import BudgetUnit
from renaksi.sheet import codes
from renaksi.sheet.bidang_yaml import assign_ids, bidang_data, dump, pk_rows
from renaksi.sheet.read import ImportedSheet, read_sheet
from renaksi.sheet.signature import Signer
from renaksi.text.controls import one_line
from renaksi.text.hints import Hints

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


class ImportRefusedError(Exception):
    """The import cannot start (no such sheet, an unreadable plan to match): exit 2."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The YAML texts and the findings, in reading order."""

    bidang_yaml: str
    pk_yaml: str
    problems: tuple[Problem, ...]

    @property
    def failed(self) -> bool:
        """True when something could not be read: nothing is written then."""
        return any(p.severity is Severity.ERROR for p in self.problems)


def choose_sheet(book: Workbook, slug: str, name: str | None) -> Worksheet:
    """The sheet named ``name``; by default the one named like the bidang, or the only one."""
    sheets = book.worksheets
    titles = ", ".join(ws.title for ws in sheets)
    if name is not None:
        for ws in sheets:
            if ws.title.casefold() == name.casefold():
                return ws
        raise ImportRefusedError(f"lembar {name} tidak ada; lembar yang ada: {titles}")
    for ws in sheets:
        if ws.title.casefold() == slug.casefold():
            return ws
    if len(sheets) == 1:
        return sheets[0]
    raise ImportRefusedError(f"sebutkan lembarnya dengan --sheet; lembar yang ada: {titles}")


def plan_units(folder: Path) -> list[BudgetUnit]:
    """The budgeted units of the plan's PK, to match sub kegiatan names with their ids."""
    from renaksi.plan.load import load_plan
    from renaksi.plan.source import PlanIOError

    try:
        loaded = load_plan(folder)
    except PlanIOError as exc:
        raise ImportRefusedError(exc.message) from None
    pk = loaded.plan.pk
    if pk is None:
        raise ImportRefusedError(
            f"{folder}: perjanjian-kinerja.yaml tidak terbaca; periksa dengan renaksi validate"
        )
    return list(pk.units())


def _unread_signer(imported: ImportedSheet, shown: str, title: str) -> Problem:
    """XL11: the signer, place and date are written ``tidak tercantum``, and why."""
    reason = imported.signer if isinstance(imported.signer, str) else None
    where = imported.signer_at or codes.sheet_location(shown, title)
    return codes.SIGNER.problem(
        where,
        "penandatangan (nama, NIP, jabatan), tempat dan tanggal tidak dibaca dari lembar "
        "({reason}); ditulis `tidak tercantum`: isi dari dokumen yang ditandatangani",
        reason=reason or "tidak ada blok tanda tangan dengan baris NIP atau NRP",
    )


def import_sheet(
    book: Workbook, shown: str, slug: str, sheet: str | None, rencana: Path | None
) -> ImportResult:
    """Read the Rencana Aksi sheet of bidang ``slug`` from ``book`` (named ``shown``)."""
    ws = choose_sheet(book, slug, sheet)
    hints = Hints()
    imported = read_sheet(ws, shown, hints)
    units = plan_units(rencana) if rencana is not None else None
    ids, matching = assign_ids(imported, slug, units, hints)
    problems = [*imported.problems, *matching]
    signed = isinstance(imported.signer, Signer)
    if not signed:
        problems.append(_unread_signer(imported, shown, ws.title))
    problems.sort(key=lambda p: (p.location.line, p.location.column, p.code))
    # A comment shows no escape: the names' controls and line breaks are spelled out (a
    # sheet may be named with U+202E or a C1 CSI, a file name may hold a line break).
    book, title = one_line(Path(shown).name), one_line(ws.title)
    header = f"Diimpor dari {book}, lembar {title}, dengan renaksi import.\n" + (
        "Periksa dengan renaksi validate; penandatangan, tempat dan tanggal dibaca dari blok\n"
        "tanda tangan lembar: bandingkan dengan dokumen yang ditandatangani."
        if signed
        else "Periksa dengan renaksi validate; penandatangan, tempat dan tanggal tidak dibaca\n"
        "dari lembar: isi dari dokumen yang ditandatangani."
    )
    bidang_yaml = dump(bidang_data(imported, ids), header)
    pk_yaml = dump(
        pk_rows(imported, ids, slug),
        f"Baris program, kegiatan dan sub kegiatan dari {book}, lembar "
        f"{title}:\nsalin ke daftar program di perjanjian-kinerja.yaml.",
    )
    return ImportResult(bidang_yaml, pk_yaml, tuple(problems))
