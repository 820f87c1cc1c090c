"""Schedule rules (``JD``): every aksi is scheduled in real, distinct months, and any
number written next to an aksi matches its position.

Months are written as numbers 1-12 or Indonesian names (``Jan``, ``Mrt``, ``Agustus``).
Aksi numbers are never needed: the printed ``No`` comes from the order in the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from renaksi.plan.findings import Severity
from renaksi.rules.base import Context, Finding, rule

E = Severity.ERROR


@rule("JD01", "jadwal.kosong", E, "Setiap aksi punya paling sedikit satu bulan.")
def has_months(ctx: Context) -> Iterator[Finding]:
    """
    Aksi tanpa bulan pelaksanaan tidak muncul di jadwal Jan-Des dan tidak dapat dipantau.
    Tulis ``bulan: [3, 4]`` atau ``bulan: [Mrt, Apr]``.
    """
    for _, _, aksi in ctx.aksi():
        if not aksi.item.bulan:
            yield ctx.finding(
                aksi.doc,
                (*aksi.path, "bulan"),
                "aksi {name} tidak punya bulan pelaksanaan",
                name=aksi.item.nama,
            )


@rule("JD02", "jadwal.bulan", E, "Bulan pelaksanaan antara 1 dan 12.")
def month_in_range(ctx: Context) -> Iterator[Finding]:
    """Bulan ditulis 1 (Januari) sampai 12 (Desember)."""
    for _, _, aksi in ctx.aksi():
        for k, month in enumerate(aksi.item.bulan):
            if not 1 <= month <= 12:
                yield ctx.finding(
                    aksi.doc,
                    (*aksi.path, "bulan", k),
                    "bulan harus 1-12, ditemukan {month}",
                    month=month,
                )


@rule("JD03", "jadwal.bulan-ganda", E, "Bulan yang sama tidak ditulis dua kali.")
def month_once(ctx: Context) -> Iterator[Finding]:
    """
    Bulan yang ditulis dua kali untuk satu aksi (``[3, 3]`` atau ``[3, Mrt]``) hampir
    selalu salah ketik bulan lain.
    """
    for _, _, aksi in ctx.aksi():
        seen: set[int] = set()
        for k, month in enumerate(aksi.item.bulan):
            if month in seen:
                yield ctx.finding(
                    aksi.doc,
                    (*aksi.path, "bulan", k),
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
    for _, position, aksi in ctx.aksi():
        written = aksi.item.no
        if written is not None and written != position + 1:
            yield ctx.finding(
                aksi.doc,
                (*aksi.path, "no"),
                "nomor aksi tertulis {written}, padahal aksi ini urutan ke-{position}; "
                "hapus no (nomor diambil dari urutan) atau perbaiki",
                written=written,
                position=position + 1,
            )


RULES = (has_months, month_in_range, month_once, number_matches)
