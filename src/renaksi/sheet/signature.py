"""The signature block under a Rencana Aksi table, read back: place and date, jabatan, name,
pangkat and NIP (or NRP), one per cell in one column, as ``renaksi export`` writes it and as
agency workbooks print it::

    Samarinda, 2 Januari 2024
    Kepala Bidang Pendidikan Politik Dalam Negeri
    (one or more empty rows to sign in)
    MUNAWAROH, S. Sos. MM
    Pembina (IV/a)
    NIP. 19690325 199103 2 004

Read only when the block has exactly that shape: one identity line (NIP or NRP and its
number) outside the aksi tables; the nearest place-and-date line above it in the same
column; right under that the jabatan (one line); empty rows; then the name, at most one
pangkat/golongan line that reads as one, and the identity line, with no row between them.
Anything else (a jabatan on two lines, "ttd" or "a.n." lines, a label and its number in two
cells) is not guessed: the signer, place and date are then written ``tidak tercantum`` and
the reason is given (XL11). The words the export prints for a fact the plan states absent
(``jabatan tidak tercantum``, ``NIP. tidak tercantum``...) read back as absent, not as text.
``renaksi validate`` then checks what was read like any other signer.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from renaksi.plan.pegawai import golongan_of, normal_golongan, split_pangkat
from renaksi.plan.values import ABSENT_TEXT, MonthDate, PlanValueError, parse_signing_date

#: ``NIP. 19690325 199103 2 004``, ``Nip: ...``, ``NRP. 69050243``, ``NIP. tidak tercantum``.
_IDENTITY = re.compile(
    rf"^(NIP|NRP)(?![A-Za-z])\s*[.:]?\s*([0-9](?:[0-9 ]*[0-9])?|{ABSENT_TEXT})$",
    re.IGNORECASE,
)
#: A line that means to be a place and a date: a comma, then a year, dots to fill in, or
#: "tidak tercantum" (read strictly by :func:`place_date`).
_LOOKS_PLACE_DATE = re.compile(rf",.*(?:[0-9]{{4}}\.?|\.{{3,}}|{ABSENT_TEXT})$")
_PLACE_DATE = re.compile(r"^(?P<tempat>[^,]+),\s*(?P<tanggal>\S.*)$")
_BOTH_ABSENT = f"tempat dan tanggal {ABSENT_TEXT}"
_PLT = re.compile(r"^plt\.?\s+(\S.*)$", re.IGNORECASE)
#: How far above the identity line the place and date may be, in rows (the export leaves
#: two empty rows to sign in; an agency's block a few more).
REACH = 10


@dataclass(frozen=True, slots=True)
class Signer:
    """What a whole signature block says, each value as written or ``tidak tercantum``."""

    tempat: str
    tanggal: str  # ISO: a day (2024-01-02) or a month (2024-01)
    jabatan: str
    plt: bool
    nama: str
    pangkat: str | None  # None: the block prints none
    golongan: str | None
    identity: str  # "nip" or "nrp"
    number: str


def identity(text: str) -> tuple[str, str] | None:
    """("nip" | "nrp", the number as written or ``tidak tercantum``), else None."""
    found = _IDENTITY.match(text)
    if found is None:
        return None
    return found.group(1).lower(), found.group(2)


def _said(text: str, what: str) -> str:
    """A value as written, or ``tidak tercantum`` where the export printed its absence."""
    return ABSENT_TEXT if text in (ABSENT_TEXT, f"{what} {ABSENT_TEXT}") else text


def place_date(text: str) -> tuple[str, str] | None:
    """(tempat, ISO tanggal) of a place-and-date line, either ``tidak tercantum`` (dots
    to fill in state no date); None when it cannot be read as one."""
    if text == _BOTH_ABSENT:
        return ABSENT_TEXT, ABSENT_TEXT
    found = _PLACE_DATE.match(text)
    if found is None:
        return None
    place, date_text = found.group("tempat").strip(), found.group("tanggal").strip()
    tanggal = _said(date_text, "tanggal")
    if set(date_text) == {"."}:
        tanggal = ABSENT_TEXT
    elif tanggal != ABSENT_TEXT:
        try:
            when = parse_signing_date(date_text.rstrip("."))
        except PlanValueError:
            return None
        if isinstance(when, MonthDate):
            tanggal = f"{when.year:04d}-{when.month:02d}"
        else:
            tanggal = when.isoformat()
    return _said(place, "tempat"), tanggal


def rank(text: str) -> tuple[str | None, str | None] | None:
    """(pangkat, golongan) of a pangkat line as the export prints it (``Pembina (IV/a)``,
    ``Pembina``, ``IV/a``, with ``... tidak tercantum`` for an absent part); None when the
    line names no known pangkat or golongan (it is then no pangkat line)."""
    name, golongan = split_pangkat(text)
    alone = name is not None and golongan is None
    if alone and (normal_golongan(str(name)) is not None or name == f"golongan {ABSENT_TEXT}"):
        name, golongan = None, name
    if name is not None:
        name = _said(name, "pangkat")
        if name != ABSENT_TEXT and golongan_of(name) is None:
            return None
    if golongan is not None:
        golongan = _said(golongan, "golongan")
        if golongan != ABSENT_TEXT and normal_golongan(golongan) is None:
            return None
    return name, golongan


def read_block(lines: Sequence[tuple[int, str]]) -> Signer | str:
    """The signer of a block's (row, text) lines, top to bottom, from its place-and-date
    line to its identity line (empty rows left out); or why they are not one."""
    where = place_date(lines[0][1])
    if where is None:
        return (
            f"baris {lines[0][1][:60]} tidak terbaca sebagai tempat dan tanggal "
            "(mis. Samarinda, 2 Januari 2024)"
        )
    if len(lines) < 4 or lines[1][0] != lines[0][0] + 1:
        return "tepat di bawah tempat dan tanggal harus ada jabatan, lalu nama dan NIP"
    if len(lines) > 5:
        return (
            "di antara jabatan dan NIP hanya boleh nama dan satu baris pangkat/golongan "
            "(blok dengan baris lain, mis. ttd atau a.n., tidak dibaca)"
        )
    (jabatan_row, jabatan), signed = lines[1], [text for _, text in lines[2:-1]]
    if lines[2][0] == jabatan_row + 1:
        return (
            "tidak ada baris kosong untuk tanda tangan di bawah jabatan (jabatan yang ditulis "
            "dua baris tidak dibaca)"
        )
    ranked = rank(signed[1]) if len(signed) == 2 else (None, None)
    if ranked is None:
        return (
            f"baris {signed[1][:60]} di bawah nama bukan pangkat/golongan yang dikenal "
            "(blok dengan baris lain, mis. ttd atau a.n., tidak dibaca)"
        )
    ident = identity(lines[-1][1])
    assert ident is not None  # the caller found the block by this line
    plt = _PLT.match(jabatan)
    return Signer(
        tempat=where[0],
        tanggal=where[1],
        jabatan=_said(plt.group(1) if plt else jabatan, "jabatan"),
        plt=plt is not None,
        nama=_said(signed[0], "nama"),
        pangkat=ranked[0],
        golongan=ranked[1],
        identity=ident[0],
        number=ident[1],
    )


class _Outside:
    """Whether a row lies outside every aksi table (their row ranges), by bisection."""

    def __init__(self, tables: Sequence[range]) -> None:
        spans = sorted((r.start, r.stop) for r in tables if r)
        self._starts = [start for start, _ in spans]
        self._stops = [stop for _, stop in spans]

    def __call__(self, row: int) -> bool:
        at = bisect.bisect_right(self._starts, row) - 1
        # Tables do not overlap: only the last one starting at or before ``row`` can hold it.
        return at < 0 or row >= self._stops[at]


def find_block(
    texts: Mapping[tuple[int, int], str], tables: Sequence[range]
) -> tuple[Signer | str, tuple[int, int]] | None:
    """The signature block among a sheet's texts ((row, column) -> text) outside the aksi
    tables (``tables``: their rows): its signer, or the reason it is not read, and the cell
    of its identity line; None when the sheet has no identity line."""
    outside = _Outside(tables)
    found = sorted(at for at, text in texts.items() if outside(at[0]) and identity(text))
    if not found:
        return None
    at = found[0]
    if len(found) > 1:
        return "lembar memuat lebih dari satu baris NIP atau NRP; blok mana yang dimaksud?", at
    row, column = at
    lines = [
        (r, texts[(r, column)])
        for r in range(row - 1, max(row - REACH, 1) - 1, -1)
        if (r, column) in texts and outside(r)
    ]
    top = next(
        (n for n, (_, text) in enumerate(lines) if _looks_place_date(text)),
        None,
    )
    if top is None:
        return (
            "tidak ada baris tempat dan tanggal (mis. Samarinda, 2 Januari 2024) di atas "
            f"baris NIP, paling jauh {REACH} baris",
            at,
        )
    return read_block([*reversed(lines[: top + 1]), (row, texts[at])]), at


def _looks_place_date(text: str) -> bool:
    return text == _BOTH_ABSENT or _LOOKS_PLACE_DATE.search(text) is not None
