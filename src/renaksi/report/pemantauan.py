"""The monitoring report's view of a plan at the end of a period. Pure.

Everything printed is worked out here, from :mod:`renaksi.monitoring.state` (which assesses
with :mod:`renaksi.monitoring.capaian`): rows of target, realisasi and capaian (or verdict),
serapan, the aksi month states and the geometry of each indicator's chart. Templates only
lay it out. A quarter's report shows the quarter and the year to date; a report of a file
that holds values to date (semester I, the year, up to a date) shows the year to date only.

The planned months and the pagu it shows carry their source notes as the Rencana Aksi does
(:mod:`renaksi.report.rencana_aksi`): a caption on every aksi table whose planned months
are all marked, numbered footnotes next to a marked aksi or pagu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from renaksi.monitoring import state
from renaksi.monitoring.capaian import Band, Scale, Status, assess, serapan
from renaksi.monitoring.state import AksiProgress, IndikatorProgress, Settings, SubProgress
from renaksi.plan.folder import Plan
from renaksi.plan.model import CatatanSumber, Indikator, Pegawai, RealisasiFile, units_word
from renaksi.plan.periods import Period
from renaksi.plan.values import Absent, TargetValue, sum_or_absent
from renaksi.report.rencana_aksi import (
    TRIWULAN,
    Footnote,
    Footnotes,
    PrintedFinding,
    Refs,
    captions,
    pagu_marks,
    pk_tiers,
    schedule_marks,
)
from renaksi.text import formats
from renaksi.text.formats import MONTH_SHORT

#: What each aksi month state looks like in Markdown, and what it means.
MONTH_MARKS = {
    "terlaksana": ("●", "terlaksana sesuai jadwal"),
    "tambahan": ("◆", "terlaksana di luar jadwal"),
    "terlewat": ("✕", "dijadwalkan, tidak terlaksana"),
    "belum-lapor": ("?", "dijadwalkan, belum dilaporkan"),
    "rencana": ("○", "dijadwalkan (belum tiba)"),
}
#: What a source note on the planned months marks, as the caption of an aksi table.
PLANNED_CAPTION = "Bulan rencana semua aksi di tabel ini (dasar penilaian terlaksana dan terlewat)"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart, in SVG user units."""

    x: Decimal
    y: Decimal
    width: Decimal
    height: Decimal
    value: str  # the printed value, for the tooltip
    kind: str  # "target" or "realisasi"
    level: int  # band level of a realisasi bar (0: none)


@dataclass(frozen=True, slots=True)
class Chart:
    """Quarterly target against realisasi of one indicator, as bars."""

    width: int
    height: int
    baseline: int
    bars: tuple[Bar, ...]
    labels: tuple[tuple[Decimal, str], ...]  # (x of the group's centre, "I".."IV")
    title: str


@dataclass(frozen=True, slots=True)
class CapaianRow:
    """One indicator on the monitoring report."""

    no: int
    progress: IndikatorProgress
    chart: Chart

    @property
    def indikator(self) -> Indikator:
        """The plan's indicator."""
        return self.progress.indikator

    @property
    def kind_note(self) -> str:
        """What the name is followed by: how the target is judged, when not plainly."""
        ind = self.progress.indikator
        if ind.jenis_target is not None:
            return f"(target {ind.jenis_target})"
        if ind.arah == "turun":
            return "(makin rendah makin baik)"
        if isinstance(ind.arah, Absent):
            return "(arah tidak tercantum)"
        return ""

    @property
    def quarters(self) -> tuple[tuple[TargetValue | None, TargetValue | None], ...]:
        """Target and realisasi of each quarter (None where there is none)."""
        targets = self.progress.indikator.triwulan
        return tuple(
            (targets[k - 1] if targets is not None else None, self.progress.realised.get(k))
            for k in range(1, 5)
        )

    @property
    def band(self) -> Band | None:
        """The category shown: of the year to date (none when that cannot be assessed;
        the quarter's capaian is printed next to it)."""
        return self.progress.to_date.band


@dataclass(frozen=True, slots=True)
class CapaianTable:
    """One printed table of PK indicators: a tier of goals or a declared set, grouped as
    the Rencana Aksi and the Perjanjian Kinerja print them (rows numbered from 1)."""

    caption: str
    rows: tuple[CapaianRow, ...]


@dataclass(frozen=True, slots=True)
class SubRow:
    """One sub kegiatan on the monitoring report."""

    no: int
    progress: SubProgress
    captions: tuple[str, ...] = ()  # source notes on the planned months of every aksi
    aksi_refs: tuple[Refs, ...] = ()  # footnotes on each aksi's planned months
    footnotes: tuple[Footnote, ...] = ()  # of its aksi table

    @property
    def aksi(self) -> tuple[AksiProgress, ...]:
        """Its aksi rows."""
        return self.progress.aksi


@dataclass(frozen=True, slots=True)
class Section:
    """One bidang's part of the report (or the agency's PK part, ``slug`` None)."""

    slug: str | None
    nama: str
    indikator: tuple[CapaianRow, ...]
    subs: tuple[SubRow, ...]
    signed_by: Pegawai
    place: str | Absent
    pagu_refs: Mapping[str, Refs] = field(default_factory=dict)  # by unit id
    footnotes: tuple[Footnote, ...] = ()  # of its budget table

    @property
    def pagu(self) -> int | Absent:
        """Total pagu of the section's sub kegiatan; absent when one of them is."""
        return sum_or_absent(r.progress.sub.pagu for r in self.subs)

    @property
    def spent(self) -> int:
        """Total realised spending reported for its sub kegiatan."""
        return sum(r.progress.spent or 0 for r in self.subs)

    @property
    def unit_word(self) -> str:
        """What its budgeted units are called: sub kegiatan, or APBN kegiatan/output."""
        return units_word(r.progress.sub.level for r in self.subs)

    @property
    def unreported(self) -> int:
        """How many of its sub kegiatan the quarter's file does not report (counted as
        nothing spent in the totals)."""
        return sum(1 for r in self.subs if r.progress.spent is None)

    @property
    def serapan(self) -> Decimal | None:
        """Share of the section's pagu spent (None when nothing was reported)."""
        pagu = self.pagu
        if all(r.progress.spent is None for r in self.subs) or isinstance(pagu, Absent):
            return None
        return serapan(self.spent, pagu)


@dataclass(frozen=True, slots=True)
class PemantauanView:
    """The whole monitoring report of a period (quarter ``q``, or what ``period`` says)."""

    tahun: int
    q: int
    instansi_nama: str
    tanggal: dt.date | None
    catatan: str | None
    scale: Scale
    threshold: Decimal
    pk: tuple[CapaianRow, ...]
    sections: tuple[Section, ...]
    kepala: Pegawai
    place: str | Absent
    warnings: tuple[PrintedFinding, ...]
    months: tuple[str, ...] = MONTH_SHORT
    triwulan: tuple[str, ...] = TRIWULAN
    marks: tuple[tuple[str, str, str], ...] = tuple((k, *v) for k, v in MONTH_MARKS.items())
    period: Period | None = None  # None: quarter q
    #: The PK's indicators as printed: one table per tier of goals and per declared set.
    pk_tables: tuple[CapaianTable, ...] = ()
    #: The budget of a Perjanjian Kinerja alone (no bidang owns its units): its units'
    #: pagu, realisasi and serapan, printed with the PK's indicators. None otherwise.
    anggaran: Section | None = None
    #: Whether the PK states no budget at all (``anggaran: tidak tercantum``).
    anggaran_absent: bool = False

    @property
    def reported(self) -> Period:
        """The period reported."""
        return self.period or Period.quarter(self.q)

    @property
    def quarterly(self) -> bool:
        """Whether this is a quarter's report (with the quarter's own columns)."""
        return self.reported.kind == "triwulan"

    #: What is monitored, as the heading names it: a Perjanjian Kinerja alone has no
    #: Rencana Aksi.
    dokumen: str = "RENCANA AKSI KINERJA"
    #: The same in the page title.
    judul: str = "Rencana Aksi"

    @property
    def roman(self) -> str:
        """The quarter as the documents write it: I, II, III, IV."""
        return TRIWULAN[self.q - 1]

    @property
    def heading(self) -> str:
        """``TRIWULAN II TAHUN 2024``, ``SEMESTER I TAHUN 2024``, ``TAHUN 2024``,
        ``S.D. 31 OKTOBER 2024``."""
        period = self.reported
        if period.kind == "sampai":
            return period.label.upper()
        if period.kind == "tahunan":
            return f"TAHUN {self.tahun}"
        return f"{period.label.upper()} TAHUN {self.tahun}"

    @property
    def title(self) -> str:
        """``Triwulan II 2024``, ``Semester I 2024``, ``Tahunan 2024``, ``s.d. 31 Oktober
        2024``."""
        period = self.reported
        return period.label if period.kind == "sampai" else f"{period.label} {self.tahun}"

    @property
    def upto(self) -> str:
        """``s.d. Triwulan II``, ``s.d. Semester I``, ``Tahun 2024``, ``s.d. 31 Oktober
        2024``."""
        period = self.reported
        return f"Tahun {self.tahun}" if period.kind == "tahunan" else period.upto

    @property
    def during(self) -> str:
        """``di Triwulan II``, ``di laporan tahunan``; for another file of values to date,
        :attr:`upto`."""
        period = self.reported
        if period.kind == "tahunan":
            return "di laporan tahunan"
        return period.upto if period.to_date else f"di {period.label}"

    @property
    def serapan_judged(self) -> bool:
        """Whether serapan and output get a category (only at the year's end)."""
        return self.reported.year_end

    @property
    def judged_when(self) -> str:
        """When serapan gets its category, as the note says it."""
        return "pada Triwulan IV" if self.quarterly else "pada akhir tahun"


# --- charts -----------------------------------------------------------------------------

_W, _H, _TOP, _BOTTOM, _LEFT = 240, 120, 14, 100, 8
_GROUP = Decimal(_W - 2 * _LEFT) / 4
_BAR = Decimal(18)


def _chart(progress: IndikatorProgress, s: Settings) -> Chart:
    ind = progress.indikator
    targets: list[TargetValue | None] = [None] * 4
    if ind.triwulan is not None:
        targets = list(ind.triwulan)
    how = state.judging(ind, s)
    numbers = [v for v in [*targets, *progress.realised.values()] if isinstance(v, Decimal)]
    top = max((v for v in numbers if v > 0), default=Decimal(1)) * Decimal("1.1")
    room = Decimal(_BOTTOM - _TOP)
    bars = []
    labels = []
    for k in range(1, 5):
        left = _LEFT + _GROUP * (k - 1)
        centre = left + _GROUP / 2
        labels.append((centre, TRIWULAN[k - 1]))
        pairs: list[tuple[str, TargetValue | None]] = [
            ("target", targets[k - 1]),
            ("realisasi", progress.realised.get(k)),
        ]
        for i, (kind, value) in enumerate(pairs):
            if not isinstance(value, Decimal):
                continue  # only numbers have a height
            height = (max(value, Decimal(0)) / top * room).quantize(Decimal("0.1"))
            level = 0
            if kind == "realisasi":
                found = assess(targets[k - 1], value, how, s.scale, missing=Status.BELUM_LAPOR)
                level = found.band.level if found.band is not None else 0
            bars.append(
                Bar(
                    x=(centre - _BAR - 1 + i * (_BAR + 2)).quantize(Decimal("0.1")),
                    y=Decimal(_BOTTOM) - height,
                    width=_BAR,
                    height=height,
                    value=f"{kind} Triw {TRIWULAN[k - 1]}: {formats.target(value, ind.satuan)}",
                    kind=kind,
                    level=level,
                )
            )
    title = f"Target dan realisasi per triwulan: {ind.nama}"
    return Chart(_W, _H, _BOTTOM, tuple(bars), tuple(labels), title)


# --- building ---------------------------------------------------------------------------


def _rows(
    items: Sequence[tuple[Indikator, str | None]],
    files: dict[int, RealisasiFile],
    period: Period,
    s: Settings,
    report: RealisasiFile | None,
) -> tuple[CapaianRow, ...]:
    rows = []
    for no, (ind, owner) in enumerate(items, start=1):
        if period.to_date:
            progress = state.indikator_at(ind, owner, report, period, s)
        else:
            progress = state.indikator_progress(ind, owner, files, period.number, s)
        rows.append(CapaianRow(no, progress, _chart(progress, s)))
    return tuple(rows)


def _sub_row(no: int, progress: SubProgress, covered: Sequence[CatatanSumber]) -> SubRow:
    """A sub kegiatan with the source notes of its aksi table: ``covered`` are the notes
    on the months of every aksi of its bidang."""
    notes = Footnotes()
    refs = tuple(notes.refs(a.aksi.catatan_sumber, covered) for a in progress.aksi)
    return SubRow(no, progress, captions(covered, PLANNED_CAPTION), refs, notes.items())


def pemantauan_view(
    plan: Plan,
    q: int | Period,
    *,
    bidang: str | None = None,
    warnings: Sequence[PrintedFinding] = (),
) -> PemantauanView:
    """The monitoring report of quarter ``q`` (1-4) or of a period: the whole agency, or
    one bidang.

    The plan's instansi, PK and the bidang files shown must have loaded.
    """
    if plan.instansi is None or plan.pk is None:
        raise ValueError("rencana belum dapat dicetak: instansi.yaml atau PK tidak terbaca")
    period = q if isinstance(q, Period) else Period.quarter(q)
    s = state.settings(plan)
    own = plan.realisasi_at(period)
    report = own.model if own is not None else None
    files: dict[int, RealisasiFile] = {}
    if period.to_date:
        # The file holds the values to date: it alone is the report.
        subs = state.sub_progress_at(plan, {period: report} if report else {}, period, s)
    else:
        files = state.reports(plan, period.number)
        subs = state.sub_progress(plan, files, period.number, s)
    pages = [e for e in plan.bidang if e.model is not None]
    if bidang is not None:
        pages = [e for e in pages if e.slug.lower() == bidang.lower()]
    order = [sub.bidang for sub in subs]
    pages.sort(key=lambda e: (order.index(e.slug) if e.slug in order else len(order), e.slug))
    sections = []
    for entry in pages:
        assert entry.model is not None
        mine = [p for p in subs if p.bidang == entry.slug]
        covered = schedule_marks(plan, entry.model)
        budget_notes = Footnotes()
        pagu_refs = {p.sub.id: budget_notes.refs(pagu_marks(plan, p.kegiatan, p.sub)) for p in mine}
        sections.append(
            Section(
                slug=entry.slug,
                nama=entry.model.nama,
                indikator=_rows(
                    [(i, entry.slug) for i in entry.model.indikator], files, period, s, report
                ),
                subs=tuple(_sub_row(n, p, covered) for n, p in enumerate(mine, start=1)),
                signed_by=entry.model.penandatangan,
                place=entry.model.tempat,
                pagu_refs=pagu_refs,
                footnotes=budget_notes.items(),
            )
        )
    pk_items = list(plan.pk.indikator)
    if bidang is not None:
        # A bidang's report shows the PK indicators its programs support.
        supported = {
            p.program.indikator for sec in sections for p in (r.progress for r in sec.subs)
        }
        pk_items = [i for i in pk_items if i.id in supported]
    pk_rows = _rows([(i, None) for i in pk_items], files, period, s, report)
    anggaran = None
    if plan.pk_only and bidang is None:
        anggaran = _pk_budget(plan, [p for p in subs if p.bidang is None])
    return PemantauanView(
        tahun=plan.instansi.tahun,
        q=period.in_force,
        instansi_nama=plan.instansi.instansi.nama,
        tanggal=report.tanggal if report is not None else None,
        catatan=report.catatan if report is not None else None,
        scale=s.scale,
        threshold=s.threshold,
        pk=pk_rows,
        sections=tuple(sections),
        kepala=plan.instansi.kepala,
        place=plan.instansi.tempat,
        warnings=tuple(warnings),
        period=None if period.kind == "triwulan" else period,
        dokumen="PERJANJIAN KINERJA" if plan.pk_only else "RENCANA AKSI KINERJA",
        judul="Perjanjian Kinerja" if plan.pk_only else "Rencana Aksi",
        pk_tables=_pk_tables(plan, pk_rows),
        anggaran=anggaran,
        anggaran_absent=isinstance(plan.pk.anggaran, Absent),
    )


def _pk_tables(plan: Plan, rows: Sequence[CapaianRow]) -> tuple[CapaianTable, ...]:
    """The PK's rows by tier (:func:`renaksi.report.rencana_aksi.pk_tiers`), numbered
    anew in each table. A PK with one tier of goals keeps its one table's old caption."""
    assert plan.pk is not None
    pk = plan.pk
    tiered = bool(pk.sasaran_program or pk.sasaran_kegiatan or pk.kelompok_indikator)
    by_id = {row.indikator.id: row for row in rows}
    tables = []
    for tier in pk_tiers(pk):
        members = [by_id[i.id] for i in tier.members if i.id in by_id]
        if not members:
            continue
        caption = f"Capaian {tier.nama}" if tiered else "Capaian Indikator Perjanjian Kinerja"
        numbered = tuple(replace(row, no=no) for no, row in enumerate(members, start=1))
        tables.append(CapaianTable(caption, numbered))
    return tuple(tables)


def _pk_budget(plan: Plan, units: Sequence[SubProgress]) -> Section | None:
    """The budget part of a Perjanjian Kinerja alone: every budgeted unit of the PK (none
    is owned by a bidang), with the source notes on its pagu; None when it has none."""
    assert plan.instansi is not None
    if not units:
        return None
    notes = Footnotes()
    refs = {p.sub.id: notes.refs(pagu_marks(plan, p.kegiatan, p.sub)) for p in units}
    return Section(
        slug=None,
        nama=plan.instansi.instansi.nama,
        indikator=(),
        subs=tuple(_sub_row(n, p, ()) for n, p in enumerate(units, start=1)),
        signed_by=plan.instansi.kepala,
        place=plan.instansi.tempat,
        pagu_refs=refs,
        footnotes=notes.items(),
    )


def percent(value: Decimal | None) -> str:
    """A computed percentage as printed: two decimals, ``102,56%``; ``-`` for none."""
    return formats.computed_percent(value)
