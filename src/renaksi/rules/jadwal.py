"""Schedule rules (``JD``): every aksi is scheduled in real, distinct months, and any
number written next to an aksi matches its position.

Months are written as numbers 1-12 or Indonesian names (``Jan``, ``Mrt``, ``Agustus``).
Aksi numbers are never needed: the printed ``No`` comes from the order in the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from renaksi.plan.file import Key, KeyPath
from renaksi.plan.findings import Severity
from renaksi.plan.model import Aksi, RencanaUnit
from renaksi.rules.base import Context, Finding, rule
from renaksi.rules.walk import Placed

E = Severity.ERROR


def _aksi(ctx: Context) -> Iterator[tuple[Placed[RencanaUnit], int, Aksi]]:
    """Each aksi across bidang files, with its plan and its 0-based position there: its
    path is made only for a finding (most aksi have none)."""
    for _, ren in ctx.rencana():
        for j, aksi in enumerate(ren.item.aksi):
            yield ren, j, aksi


def _at(ren: Placed[RencanaUnit], j: int, *keys: Key) -> KeyPath:
    return (*ren.path, "aksi", j, *keys)


@rule("JD01", "jadwal.kosong", E, "Setiap aksi punya paling sedikit satu bulan.")
def has_months(ctx: Context) -> Iterator[Finding]:
    """
    Aksi tanpa bulan pelaksanaan tidak muncul di jadwal Jan-Des dan tidak dapat dipantau.
    Tulis ``bulan: [3, 4]`` atau ``bulan: [Mrt, Apr]``.
    """
    for ren, j, aksi in _aksi(ctx):
        if not aksi.bulan:
            yield ctx.finding(
                ren.doc,
                _at(ren, j, "bulan"),
                "aksi {name} tidak punya bulan pelaksanaan",
                name=aksi.nama,
            )


@rule("JD02", "jadwal.bulan", E, "Bulan pelaksanaan antara 1 dan 12.")
def month_in_range(ctx: Context) -> Iterator[Finding]:
    """Bulan ditulis 1 (Januari) sampai 12 (Desember)."""
    for ren, j, aksi in _aksi(ctx):
        for k, month in enumerate(aksi.bulan):
            if not 1 <= month <= 12:
                yield ctx.finding(
                    ren.doc,
                    _at(ren, j, "bulan", k),
                    "bulan harus 1-12, ditemukan {month}",
                    month=month,
                )


@rule("JD03", "jadwal.bulan-ganda", E, "Bulan yang sama tidak ditulis dua kali.")
def month_once(ctx: Context) -> Iterator[Finding]:
    """
    Bulan yang ditulis dua kali untuk satu aksi (``[3, 3]`` atau ``[3, Mrt]``) hampir
    selalu salah ketik bulan lain.
    """
    for ren, j, aksi in _aksi(ctx):
        seen: set[int] = set()
        for k, month in enumerate(aksi.bulan):
            if month in seen:
                yield ctx.finding(
                    ren.doc,
                    _at(ren, j, "bulan", k),
                    "bulan {month} ditulis dua kali untuk aksi yang sama",
                    month=month,
                )
            seen.add(month)


@rule(
    "JD04",
    "jadwal.nomor-aksi",
    E,
    "Nomor aksi yang ditulis sama dengan urutannya.",
    aliases=("aksi.nomor",),
)
def number_matches(ctx: Context) -> Iterator[Finding]:
    """
    Nomor aksi diambil dari urutannya dalam berkas, jadi tidak perlu ditulis. Bila ditulis
    (``no: 4``), nomor itu harus sama dengan urutannya. Dokumen 2024 yang diterbitkan
    menomori aksi Forkopimda 1, 2, 3, 7.
    """
    for ren, position, aksi in _aksi(ctx):
        written = aksi.no
        if written is not None and written != position + 1:
            yield ctx.finding(
                ren.doc,
                _at(ren, position, "no"),
                "nomor aksi tertulis {written}, padahal aksi ini urutan ke-{position}; "
                "hapus no (nomor diambil dari urutan) atau perbaiki",
                written=written,
                position=position + 1,
            )


RULES = (has_months, month_in_range, month_once, number_matches)
