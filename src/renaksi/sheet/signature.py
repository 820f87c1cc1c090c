"""The signature block under a Rencana Aksi table, read back: place and date, jabatan, name,
pangkat and NIP (or NRP), one per line in one column, as ``renaksi export`` writes it and as
agency workbooks print it::

    Samarinda, 2 Januari 2024
    Kepala Bidang Pendidikan Politik Dalam Negeri
    (two empty rows to sign in)
    MUNAWAROH, S. Sos. MM
    Pembina (IV/a)
    NIP. 19690325 199103 2 004

Read only when the block is whole and unambiguous: one identity line (NIP or NRP) outside
the aksi tables, a place-and-date line above it in the same column, and between them the
jabatan, the name and at most a pangkat. Anything else is not guessed: the signer, place
and date are then written ``tidak tercantum`` and the reason is given (XL11). What is read
is written as the sheet says it; ``renaksi validate`` then checks it like any other signer
(the NIP's digits and dates, the pangkat and golongan).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from renaksi.plan.values import ABSENT_TEXT
from renaksi.text.formats import MONTHS

#: ``NIP. 19690325 199103 2 004``, ``NIP: ...``, ``NRP. 69050243``.
_IDENTITY = re.compile(r"^(NIP|NRP)\s*[.:]?\s*(\S.*)$")
#: ``Samarinda, 2 Januari 2024``; ``tempat tidak tercantum, ...``; dots to fill in.
_PLACE_DATE = re.compile(r"^(?P<tempat>[^,]+),\s*(?P<tanggal>\S.*)$")
_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
_BOTH_ABSENT = f"tempat dan tanggal {ABSENT_TEXT}"
#: How far above the identity line the place and date may be (the export leaves two empty
#: rows to sign in; an agency's block a few more).
REACH = 10
_MONTH_NUMBERS = {name.casefold(): n for n, name in enumerate(MONTHS, start=1)}


@dataclass(frozen=True, slots=True)
class Signer:
    """What a whole signature block says. Text values as written; ``None``: not printed."""

    tempat: str  # a place, or ``tidak tercantum``
    tanggal: str  # an ISO date, or ``tidak tercantum``
    jabatan: str
    plt: bool
    nama: str
    pangkat: str | None
    identity: str  # "nip" or "nrp"
    number: str  # the NIP or NRP as written, or ``tidak tercantum``


def identity(text: str) -> tuple[str, str] | None:
    """("nip" | "nrp", the number as written) of an identity line, else None."""
    found = _IDENTITY.match(text)
    if found is None:
        return None
    return found.group(1).lower(), found.group(2).strip()


def _date(text: str) -> str | None:
    """``2 Januari 2024`` as ``2024-01-02``; an unfilled or absent date as absent; None when
    the text is no date at all."""
    if text == f"tanggal {ABSENT_TEXT}" or set(text) == {"."}:
        return ABSENT_TEXT
    found = _DATE.match(text)
    if found is None:
        return None
    month = _MONTH_NUMBERS.get(found.group(2).casefold())
    if month is None:
        return None
    try:
        return dt.date(int(found.group(3)), month, int(found.group(1))).isoformat()
    except ValueError:  # 31 Februari
        return None


def place_date(text: str) -> tuple[str, str] | None:
    """(tempat, ISO tanggal) of a place-and-date line, either ``tidak tercantum``; None
    when the line is not one."""
    if text == _BOTH_ABSENT:
        return ABSENT_TEXT, ABSENT_TEXT
    found = _PLACE_DATE.match(text)
    if found is None:
        return None
    date = _date(found.group("tanggal").strip())
    if date is None:
        return None
    place = found.group("tempat").strip()
    return (ABSENT_TEXT if place == f"tempat {ABSENT_TEXT}" else place), date


def read_block(lines: Sequence[str]) -> Signer | str:
    """The signer of a block's lines, top to bottom (place and date first, the identity
    last, empty rows left out); or why they are not one, as a reason to print."""
    if len(lines) < 4:
        return "di atas baris NIP tidak ada tempat dan tanggal, jabatan dan nama"
    where = place_date(lines[0])
    if where is None:
        return f"baris {lines[0][:60]} bukan tempat dan tanggal (mis. Samarinda, 2 Januari 2024)"
    if len(lines) > 5:
        return "di antara tempat, tanggal dan NIP ada lebih dari jabatan, nama dan pangkat"
    ident = identity(lines[-1])
    if ident is None:  # the caller found the block by this line: never the case
        return "baris terakhir blok bukan NIP atau NRP"
    jabatan, nama = lines[1], lines[2]
    plt = jabatan.startswith("Plt. ")
    return Signer(
        tempat=where[0],
        tanggal=where[1],
        jabatan=jabatan.removeprefix("Plt. ").strip() if plt else jabatan,
        plt=plt,
        nama=nama,
        pangkat=lines[3] if len(lines) == 5 else None,
        identity=ident[0],
        number=ident[1],
    )


def find_block(
    texts: Mapping[tuple[int, int], str], outside: Sequence[range]
) -> tuple[Signer | str, tuple[int, int]] | None:
    """The signature block among a sheet's texts ((row, column) -> text), looking only at
    rows outside the aksi tables (``outside`` holds the tables' rows): its signer or the
    reason it is not read, and the cell of its identity line; None when there is none."""

    def in_table(row: int) -> bool:
        return any(row in rows for rows in outside)

    found = [at for at, text in texts.items() if identity(text) is not None and not in_table(at[0])]
    if not found:
        return None
    at = min(found)
    if len(found) > 1:
        return "lembar memuat lebih dari satu baris NIP atau NRP: blok mana yang dimaksud", at
    row, column = at
    above = [
        (r, texts[(r, column)])
        for r in range(row - 1, max(row - REACH, 0), -1)
        if (r, column) in texts and not in_table(r)
    ]
    top = next((n for n, (_, text) in enumerate(above) if place_date(text) is not None), None)
    if top is None:
        return read_block([texts[at]]), at
    lines = [text for _, text in reversed(above[: top + 1])]
    return read_block([*lines, texts[at]]), at
