"""The Perjanjian Kinerja as the official form (Permenpan RB 53/2014): the statement page
with its two parties, then the lampiran of sasaran, indicators and targets, and of programs
and their budget with a total.

One form serves every level of the cascade. The Kepala's PK promises the PK indicators and
the whole budget, to the pihak kedua written in ``perjanjian-kinerja.yaml`` (the Wali Kota
or Bupati). A bidang's PK is the Kepala Bidang's (the bidang file's ``penandatangan``)
promise to the Kepala: the bidang's own indicators, and as budget the pagu of the units the
PK assigns to that bidang, summed per program. Nothing is computed in the templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from renaksi.plan.folder import Plan
from renaksi.plan.model import BudgetUnit, Indikator, Pegawai, Program
from renaksi.plan.values import TIDAK_TERCANTUM, Absent, MonthDate, sum_or_absent
from renaksi.report.rencana_aksi import (
    Footnote,
    Footnotes,
    PrintedFinding,
    Refs,
    pagu_marks,
)

Signer = Pegawai | Absent | None
Place = str | Absent
When = dt.date | MonthDate | Absent


@dataclass(frozen=True, slots=True)
class SasaranRow:
    """A row of the first lampiran table: Sasaran | Indikator Kinerja | Target."""

    no: int
    sasaran: str
    indikator: Indikator


@dataclass(frozen=True, slots=True)
class ProgramRow:
    """A row of the second lampiran table: Program | Anggaran."""

    no: int
    program: Program
    anggaran: int | Absent
    refs: Refs = ()  # footnotes on the pagu it sums


@dataclass(frozen=True, slots=True)
class PkDocument:
    """Everything on one Perjanjian Kinerja: whose it is, what and how much it promises."""

    tahun: int
    instansi: str
    pemerintah: str | None
    #: The unit that promises: the agency, or the bidang's name.
    unit: str
    bidang: str | None
    pihak_pertama: Pegawai
    pihak_kedua: Signer
    sasaran: tuple[SasaranRow, ...]
    #: False when the PK states no budget: the lampiran says so instead of a table.
    budget_stated: bool
    program: tuple[ProgramRow, ...]
    total: int | Absent
    footnotes: tuple[Footnote, ...]
    tempat: Place
    tanggal: When
    warnings: tuple[PrintedFinding, ...] = ()


def _signing(plan: Plan) -> tuple[Place, When]:
    """Where and when the PK was signed. A folder that holds a PK alone is dated by its
    ``instansi.yaml``; in a full plan that date is the Rencana Aksi's, so a PK that does
    not write its own prints them as not stated rather than borrowing another document's."""
    assert plan.pk is not None
    assert plan.instansi is not None
    fallback: tuple[Place, When] = (
        (plan.instansi.tempat, plan.instansi.tanggal)
        if plan.pk_only
        else (TIDAK_TERCANTUM, TIDAK_TERCANTUM)
    )
    place = plan.pk.tempat if plan.pk.tempat is not None else fallback[0]
    date = plan.pk.tanggal if plan.pk.tanggal is not None else fallback[1]
    return place, date


def _programs(plan: Plan, units: list[BudgetUnit]) -> tuple[tuple[ProgramRow, ...], Footnotes]:
    """One row per program that has any of ``units``, its anggaran their summed pagu, with
    the source notes on any of those pagu as footnotes."""
    notes = Footnotes()
    grouped: dict[int, list[BudgetUnit]] = {}
    programs: dict[int, Program] = {}
    for unit in units:
        grouped.setdefault(id(unit.program), []).append(unit)
        programs.setdefault(id(unit.program), unit.program)
    rows = []
    for no, (key, members) in enumerate(grouped.items(), start=1):
        marks = [m for u in members for m in pagu_marks(plan, u.kegiatan, u)]
        rows.append(
            ProgramRow(no, programs[key], sum_or_absent(u.pagu for u in members), notes.refs(marks))
        )
    return tuple(rows), notes


def pk_document(
    plan: Plan, bidang: str | None = None, warnings: tuple[PrintedFinding, ...] = ()
) -> PkDocument:
    """The Kepala's PK (``bidang=None``) or the cascaded PK of one bidang's head."""
    if plan.instansi is None or plan.pk is None:
        raise ValueError("PK belum dapat dicetak: instansi.yaml atau PK tidak terbaca")
    instansi, pk = plan.instansi, plan.pk
    sasaran = {s.id: s.uraian for s in instansi.sasaran_strategis}
    units = list(pk.units())
    if bidang is None:
        unit_name, first, second = instansi.instansi.nama, instansi.kepala, pk.pihak_kedua
        indicators: list[Indikator] = list(pk.indikator)
    else:
        entry = plan.bidang_by_slug(bidang)
        if entry is None or entry.model is None:
            raise ValueError(f"bidang {bidang} tidak terbaca")
        unit_name, first, second = entry.model.nama, entry.model.penandatangan, instansi.kepala
        indicators = list(entry.model.indikator)
        units = [u for u in units if u.bidang == entry.slug]
        bidang = entry.slug
    rows = tuple(
        SasaranRow(no, sasaran.get(i.sasaran, i.sasaran), i)
        for no, i in enumerate(indicators, start=1)
    )
    stated = not isinstance(pk.anggaran, Absent)
    programs, notes = _programs(plan, units) if stated else ((), Footnotes())
    total = sum_or_absent(p.anggaran for p in programs)
    if bidang is None and isinstance(total, Absent) and isinstance(pk.total_pagu, int):
        total = pk.total_pagu  # the written total, as Tabel 2.3 prints it (TC02 says why)
    place, date = _signing(plan)
    pemerintah = instansi.instansi.pemerintah
    return PkDocument(
        tahun=instansi.tahun,
        instansi=instansi.instansi.nama,
        pemerintah=pemerintah if isinstance(pemerintah, str) else None,
        unit=unit_name,
        bidang=bidang,
        pihak_pertama=first,
        pihak_kedua=second,
        sasaran=rows,
        budget_stated=stated,
        program=programs,
        total=total,
        footnotes=notes.items(),
        tempat=place,
        tanggal=date,
        warnings=warnings,
    )
