"""The monitoring report's view of a plan at the end of a quarter. Pure.

Everything printed is worked out here, from :mod:`renaksi.monitoring.state` (which assesses
with :mod:`renaksi.monitoring.capaian`): rows of target, realisasi and capaian, serapan, the aksi
month states and the geometry of each indicator's chart. Templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from renaksi.monitoring import state
from renaksi.monitoring.capaian import Band, Scale, capaian, serapan
from renaksi.monitoring.state import AksiProgress, IndikatorProgress, Settings, SubProgress
from renaksi.plan.folder import Plan
from renaksi.plan.model import Indikator, Pegawai, RealisasiFile
from renaksi.plan.values import Absent, sum_or_absent
from renaksi.report.rencana_aksi import TRIWULAN, PrintedFinding
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
    def band(self) -> Band | None:
        """The category shown: of the year to date (none when that cannot be assessed;
        the quarter's capaian is printed next to it)."""
        return self.progress.to_date.band


@dataclass(frozen=True, slots=True)
class SubRow:
    """One sub kegiatan on the monitoring report."""

    no: int
    progress: SubProgress

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

    @property
    def pagu(self) -> int | Absent:
        """Total pagu of the section's sub kegiatan; absent when one of them is."""
        return sum_or_absent(r.progress.sub.pagu for r in self.subs)

    @property
    def spent(self) -> int:
        """Total realised spending reported for its sub kegiatan."""
        return sum(r.progress.spent or 0 for r in self.subs)

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
    """The whole monitoring report of quarter ``q``."""

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
    def serapan_judged(self) -> bool:
        """Whether serapan and output get a category (only at the year's end)."""
        return self.q == 4


# --- charts -----------------------------------------------------------------------------

_W, _H, _TOP, _BOTTOM, _LEFT = 240, 120, 14, 100, 8
_GROUP = Decimal(_W - 2 * _LEFT) / 4
_BAR = Decimal(18)


def _chart(progress: IndikatorProgress, scale: Scale) -> Chart:
    ind = progress.indikator
    values = [*ind.triwulan, *progress.realised.values()]
    top = max((v for v in values if v > 0), default=Decimal(1)) * Decimal("1.1")
    room = Decimal(_BOTTOM - _TOP)
    bars = []
    labels = []
    for k in range(1, 5):
        left = _LEFT + _GROUP * (k - 1)
        centre = left + _GROUP / 2
        labels.append((centre, TRIWULAN[k - 1]))
        pairs: list[tuple[str, Decimal | None]] = [
            ("target", ind.triwulan[k - 1]),
            ("realisasi", progress.realised.get(k)),
        ]
        for i, (kind, value) in enumerate(pairs):
            if value is None:
                continue
            height = (max(value, Decimal(0)) / top * room).quantize(Decimal("0.1"))
            level = 0
            if kind == "realisasi":
                found = capaian(value, ind.triwulan[k - 1], ind.arah)
                level = scale.category(found).level if found is not None else 0
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
    q: int,
    s: Settings,
) -> tuple[CapaianRow, ...]:
    rows = []
    for no, (ind, owner) in enumerate(items, start=1):
        progress = state.indikator_progress(ind, owner, files, q, s)
        rows.append(CapaianRow(no, progress, _chart(progress, s.scale)))
    return tuple(rows)


def pemantauan_view(
    plan: Plan, q: int, *, bidang: str | None = None, warnings: Sequence[PrintedFinding] = ()
) -> PemantauanView:
    """The monitoring report of quarter ``q`` (1-4): the whole agency, or one bidang.

    The plan's instansi, PK and the bidang files shown must have loaded.
    """
    if plan.instansi is None or plan.pk is None:
        raise ValueError("rencana belum dapat dicetak: instansi.yaml atau PK tidak terbaca")
    s = state.settings(plan)
    files = state.reports(plan, q)
    subs = state.sub_progress(plan, files, q, s)
    pages = [e for e in plan.bidang if e.model is not None]
    if bidang is not None:
        pages = [e for e in pages if e.slug.lower() == bidang.lower()]
    order = [sub.bidang for sub in subs]
    pages.sort(key=lambda e: (order.index(e.slug) if e.slug in order else len(order), e.slug))
    sections = []
    for entry in pages:
        assert entry.model is not None
        mine = [p for p in subs if p.bidang == entry.slug]
        sections.append(
            Section(
                slug=entry.slug,
                nama=entry.model.nama,
                indikator=_rows([(i, entry.slug) for i in entry.model.indikator], files, q, s),
                subs=tuple(SubRow(n, p) for n, p in enumerate(mine, start=1)),
                signed_by=entry.model.penandatangan,
                place=entry.model.tempat,
            )
        )
    pk_items = list(plan.pk.indikator)
    if bidang is not None:
        # A bidang's report shows the PK indicators its programs support.
        supported = {
            p.program.indikator for sec in sections for p in (r.progress for r in sec.subs)
        }
        pk_items = [i for i in pk_items if i.id in supported]
    report = files.get(q)
    return PemantauanView(
        tahun=plan.instansi.tahun,
        q=q,
        instansi_nama=plan.instansi.instansi.nama,
        tanggal=report.tanggal if report is not None else None,
        catatan=report.catatan if report is not None else None,
        scale=s.scale,
        threshold=s.threshold,
        pk=_rows([(i, None) for i in pk_items], files, q, s),
        sections=tuple(sections),
        kepala=plan.instansi.kepala,
        place=plan.instansi.tempat,
        warnings=tuple(warnings),
        dokumen="PERJANJIAN KINERJA" if plan.pk_only else "RENCANA AKSI KINERJA",
        judul="Perjanjian Kinerja" if plan.pk_only else "Rencana Aksi",
    )


def percent(value: Decimal | None) -> str:
    """A computed percentage as printed: two decimals, ``102,56%``; ``-`` for none."""
    return formats.computed_percent(value)
