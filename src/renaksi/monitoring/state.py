"""The state of a plan at the end of a period: the plan's targets next to the realisasi
files of that quarter and the ones before, or next to the one file of a semester, the year
or a date (which holds the values to date, :mod:`renaksi.plan.periods`). Pure; rules and the
monitoring report read it.

Indicators are assessed with :mod:`renaksi.monitoring.capaian`, against the target in force
at the period's end: the quarterly targets combined up to the quarter the period ends in
(for a date, the quarter that contains it), or the annual target, which is judged at the
year's end only. Serapan (spending) and output are cumulative against the whole year's pagu
and target, so their category is only given at the year's end: before that a low share is
the calendar, not a problem, and the plan has no quarterly spending schedule to compare with.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from renaksi.monitoring.capaian import (
    DEFAULT_SCALE,
    DEFAULT_THRESHOLD,
    Assessment,
    Band,
    Judging,
    Scale,
    Status,
    annual_only,
    assess,
    percent_of,
    quarter_and_to_date,
    serapan,
    to_date,
)
from renaksi.plan.folder import Plan
from renaksi.plan.model import (
    Aksi,
    BudgetUnit,
    Indikator,
    Kegiatan,
    Program,
    RealisasiAksi,
    RealisasiFile,
    RealisasiIndikator,
    RealisasiUnit,
    RencanaUnit,
    Target,
)
from renaksi.plan.periods import Period
from renaksi.plan.values import TargetValue, level_key

#: The months of each quarter.
QUARTER_MONTHS = {q: range(3 * q - 2, 3 * q + 1) for q in range(1, 5)}


@dataclass(frozen=True, slots=True)
class Settings:
    """The plan's scale and explanation threshold (``instansi.yaml: pemantauan``), and its
    named ordered scales (``instansi.yaml: skala_ordinal``, as value keys lowest first)."""

    scale: Scale
    threshold: Decimal
    scales: tuple[tuple[str, tuple[str, ...]], ...] = ()


def settings(plan: Plan) -> Settings:
    """The monitoring settings of ``plan``, defaults where it says nothing."""
    chosen = plan.instansi.pemantauan if plan.instansi is not None else None
    scale = DEFAULT_SCALE
    threshold = DEFAULT_THRESHOLD
    if chosen is not None:
        if chosen.skala:
            # The model refuses a scale that is not highest-first and ending at 0.
            scale = Scale.of([(k.mulai, k.nama) for k in chosen.skala])
        if chosen.ambang_penjelasan is not None:
            threshold = chosen.ambang_penjelasan
    named = plan.instansi.skala_ordinal if plan.instansi is not None else []
    scales = tuple((k.nama, tuple(level_key(v) for v in k.nilai)) for k in named)
    return Settings(scale, threshold, scales)


def levels_moved(indikator: Indikator, s: Settings, old: object, new: object) -> int | None:
    """How many levels of its ordered scale ``indikator``'s target moved from ``old`` to
    ``new`` (negative: down); None when it has no scale or either is not on it."""
    how = judging(indikator, s)
    if not isinstance(old, Decimal | str) or not isinstance(new, Decimal | str):
        return None
    before, after = how.rank(old), how.rank(new)
    return None if before is None or after is None else after - before


def judging(indikator: Indikator, s: Settings) -> Judging:
    """How ``indikator`` is judged: its direction, kind of target and scale (a named scale
    that does not exist leaves it without one; TG05 reports the name)."""
    skala: tuple[str, ...] | None = None
    if isinstance(indikator.skala, list):
        skala = tuple(level_key(v) for v in indikator.skala)
    elif indikator.skala is not None:
        skala = dict(s.scales).get(indikator.skala)
    return Judging(indikator.arah, indikator.jenis_target, skala)


def reports(plan: Plan, upto: int) -> dict[int, RealisasiFile]:
    """The quarterly realisasi files that loaded, by quarter, up to quarter ``upto``."""
    return {
        r.triwulan: r.model
        for r in plan.realisasi
        if r.model is not None and r.triwulan is not None and r.triwulan <= upto
    }


def first_by(items: list[RealisasiIndikator]) -> dict[str, RealisasiIndikator]:
    """Indicator entries by id (the first of a repeated id; RL03 reports the repeat)."""
    out: dict[str, RealisasiIndikator] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def subs_by(items: list[RealisasiUnit]) -> dict[str, RealisasiUnit]:
    """Sub kegiatan entries by id (the first of a repeated id)."""
    out: dict[str, RealisasiUnit] = {}
    for item in items:
        out.setdefault(item.sub_kegiatan, item)
    return out


@dataclass(frozen=True, slots=True)
class IndikatorProgress:
    """One indicator at the end of quarter ``q``, or of a ``period`` whose file holds the
    values to date (then there is no assessment of a ``quarter`` alone)."""

    indikator: Indikator
    bidang: str | None  # None: a PK indicator
    q: int
    realised: dict[int, TargetValue]  # quarter -> reported value, quarters 1..q
    entry: RealisasiIndikator | None  # the entry of quarter q (or of the period's file)
    quarter: Assessment | None
    to_date: Assessment

    def assessments(self) -> tuple[Assessment, ...]:
        """The quarter's (when there is one) and the year-to-date assessment."""
        return (self.to_date,) if self.quarter is None else (self.quarter, self.to_date)

    def lowest(self) -> Decimal | None:
        """The lower of the quarter's and the year-to-date capaian (None if neither)."""
        found = [a.capaian for a in self.assessments() if a.capaian is not None]
        return min(found) if found else None

    def missed(self) -> Assessment | None:
        """The first assessment without a percentage whose verdict is "belum tercapai"."""
        return next((a for a in self.assessments() if a.capaian is None and a.missed), None)


def indikator_progress(
    indikator: Indikator, bidang: str | None, files: dict[int, RealisasiFile], q: int, s: Settings
) -> IndikatorProgress:
    """Assess one indicator with the realisasi ``files`` of quarters 1..q."""
    realised: dict[int, TargetValue] = {}
    entry = None
    for k in range(1, q + 1):
        if k in files:
            found = first_by(files[k].indikator).get(indikator.id)
            if found is not None:
                realised[k] = found.realisasi
                if k == q:
                    entry = found
    quarter, to_date = quarter_and_to_date(
        targets=indikator.triwulan,
        realised=realised,
        q=q,
        cara_gabung=indikator.cara_gabung,
        arah=judging(indikator, s),
        scale=s.scale,
        annual=indikator.target,
    )
    return IndikatorProgress(indikator, bidang, q, realised, entry, quarter, to_date)


def indikator_at(
    indikator: Indikator,
    bidang: str | None,
    report: RealisasiFile | None,
    period: Period,
    s: Settings,
) -> IndikatorProgress:
    """Assess one indicator with the file of a ``period`` that holds values to date: against
    the quarterly targets up to the quarter the period ends in, or the annual target."""
    entry = first_by(report.indikator).get(indikator.id) if report is not None else None
    value = entry.realisasi if entry is not None else None
    how = judging(indikator, s)
    missing = Status.BELUM_LAPOR
    if indikator.triwulan is not None:
        target = to_date(indikator.cara_gabung, indikator.triwulan, period.in_force)
        ytd = assess(target, value, how, s.scale, missing=missing)
    else:
        ytd = annual_only(
            indikator.target, value, how, s.scale, year_end=period.year_end, missing=missing
        )
    return IndikatorProgress(indikator, bidang, period.in_force, {}, entry, None, ytd)


def all_indikator(plan: Plan) -> Iterator[tuple[Indikator, str | None]]:
    """Every indicator of the plan with its owner (None for the PK)."""
    if plan.pk is not None:
        for pk_ind in plan.pk.indikator:
            yield pk_ind, None
    for entry in plan.bidang:
        if entry.model is not None:
            for ind in entry.model.indikator:
                yield ind, entry.slug


@dataclass(frozen=True, slots=True)
class AksiProgress:
    """One aksi: planned months against the months reported done, up to quarter ``q``."""

    no: int
    aksi: Aksi
    #: Per month: "terlaksana" (done as planned), "tambahan" (done, not planned),
    #: "terlewat" (planned, reported not done), "belum-lapor" (planned, its quarter's
    #: file does not mention the aksi), "rencana" (planned, quarter still to come), "".
    months: tuple[str, ...]
    reported: RealisasiAksi | None  # the entry of quarter q

    @property
    def done(self) -> int:
        """How many months it took place in, up to quarter q."""
        return sum(1 for m in self.months if m in ("terlaksana", "tambahan"))

    @property
    def missed(self) -> int:
        """How many planned months up to quarter q it was reported not done in."""
        return self.months.count("terlewat")

    @property
    def unreported(self) -> int:
        """How many planned months up to quarter q nobody reported on."""
        return self.months.count("belum-lapor")


@dataclass(frozen=True, slots=True)
class SubProgress:
    """One budgeted unit (sub kegiatan, or APBN kegiatan or output) at the end of quarter
    ``q``: spending, output and aksi."""

    sub: BudgetUnit
    kegiatan: Kegiatan
    program: Program
    bidang: str | None  # None: a unit of a PK-only plan, owned by no bidang
    rencana: RencanaUnit | None
    spent: int | None
    serapan: Decimal | None
    serapan_band: Band | None
    keluaran: Target | None
    keluaran_capaian: Decimal | None
    aksi: tuple[AksiProgress, ...]


def _month_states(planned: list[int], done: set[int], told: set[int], last: int) -> tuple[str, ...]:
    """The state of each month up to month ``last``; ``told`` are the months covered by a
    file that reports the aksi."""
    states = []
    for m in range(1, 13):
        if m in done:
            states.append("terlaksana" if m in planned else "tambahan")
        elif m not in planned:
            states.append("")
        elif m > last:
            states.append("rencana")
        else:
            states.append("terlewat" if m in told else "belum-lapor")
    return tuple(states)


def _aksi_progress(
    rencana: RencanaUnit | None,
    entries: dict[Period, RealisasiUnit],
    upto: Period,
) -> tuple[AksiProgress, ...]:
    if rencana is None:
        return ()
    rows = []
    for no, aksi in enumerate(rencana.aksi, start=1):
        done: set[int] = set()
        told: set[int] = set()
        reported = None
        for period, entry in entries.items():
            for item in entry.aksi:
                if item.no == no:
                    # Only months inside the file's own period count (RL08 reports others).
                    done.update(m for m in item.bulan if m in period.months)
                    told.update(period.months)
                    if period == upto:
                        reported = item
        states = _month_states(aksi.bulan, done, told, upto.last_month)
        rows.append(AksiProgress(no, aksi, states, reported))
    return tuple(rows)


def sub_progress(
    plan: Plan, files: dict[int, RealisasiFile], q: int, s: Settings
) -> list[SubProgress]:
    """Every budgeted unit of the PK, in document order, at the end of quarter ``q``."""
    chosen = {Period.quarter(k): f for k, f in sorted(files.items()) if k <= q}
    return sub_progress_at(plan, chosen, Period.quarter(q), s)


def sub_progress_at(
    plan: Plan, files: dict[Period, RealisasiFile], upto: Period, s: Settings
) -> list[SubProgress]:
    """Every budgeted unit of the PK, in document order, at the end of ``upto``, from the
    realisasi ``files`` (the quarters up to it, or the one file of a period to date)."""
    if plan.pk is None:
        return []
    rencana: dict[str, RencanaUnit] = {}
    for entry in plan.bidang:
        if entry.model is not None:
            for planned in entry.model.rencana_aksi:
                rencana.setdefault(planned.unit, planned)
    out = []
    for sid, sub in plan.pk.unit_index().items():
        entries = {
            period: found
            for period, f in files.items()
            if (found := subs_by(f.sub_kegiatan).get(sid)) is not None
        }
        now = entries.get(upto)
        spent = now.anggaran if now is not None else None
        # Of an unstated pagu or target no share can be taken (TC01 lists them).
        pagu = sub.pagu
        share = serapan(spent, pagu) if spent is not None and isinstance(pagu, int) else None
        ren = rencana.get(sid)
        keluaran = now.keluaran if now is not None else None
        target = ren.target if ren is not None else None
        output = None
        if keluaran is not None and isinstance(target, Target) and target.jumlah != 0:
            output = percent_of(keluaran.jumlah, target.jumlah)
        judged = share is not None and upto.year_end
        out.append(
            SubProgress(
                sub=sub,
                kegiatan=sub.kegiatan,
                program=sub.program,
                bidang=sub.bidang,
                rencana=ren,
                spent=spent,
                serapan=share,
                serapan_band=s.scale.category(share) if share is not None and judged else None,
                keluaran=keluaran,
                keluaran_capaian=output,
                aksi=_aksi_progress(ren, entries, upto),
            )
        )
    return out
