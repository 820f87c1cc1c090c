"""The comparison a Perubahan document carries: each changed pagu and target, old, new and
the difference, with the basis, date and reason of the revision. Computed here from the
murni plan and ``perubahan.yaml``, so templates only print it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from renaksi.monitoring.state import levels_moved, settings
from renaksi.plan.folder import Plan
from renaksi.plan.model import Indikator, PerubahanTarget
from renaksi.plan.periods import Period
from renaksi.plan.values import Absent
from renaksi.text.formats import ROMAN


@dataclass(frozen=True, slots=True)
class PaguRow:
    """A changed pagu: the unit, its old and new pagu and the difference."""

    no: int
    nama: str
    lama: int
    baru: int

    @property
    def selisih(self) -> int:
        """New minus old."""
        return self.baru - self.lama


@dataclass(frozen=True, slots=True)
class TargetRow:
    """A changed target of one period of an indicator (the year, or one quarter)."""

    no: int
    indikator: str
    periode: str
    satuan: str
    lama: object
    baru: object
    alasan: str
    #: On an ordered scale: how many levels the target moved (there is no number).
    tingkat: int | None = None

    @property
    def selisih(self) -> Decimal | None:
        """New minus old, when both are numbers (a scale value has none)."""
        if isinstance(self.lama, Decimal) and isinstance(self.baru, Decimal):
            return self.baru - self.lama
        return None


@dataclass(frozen=True, slots=True)
class Perbandingan:
    """What a Perubahan document says of its revision."""

    dasar: str
    tanggal: dt.date
    alasan: str
    pagu: tuple[PaguRow, ...]
    target: tuple[TargetRow, ...]

    @property
    def pagu_lama(self) -> int:
        """The changed pagu's old sum."""
        return sum(r.lama for r in self.pagu)

    @property
    def pagu_baru(self) -> int:
        """The changed pagu's new sum."""
        return sum(r.baru for r in self.pagu)

    @property
    def pagu_selisih(self) -> int:
        """How much the changed pagu moved the total."""
        return self.pagu_baru - self.pagu_lama


def _target_rows(ind: Indikator, change: PerubahanTarget) -> list[tuple[str, object, object]]:
    rows: list[tuple[str, object, object]] = []
    if change.target is not None and change.target != ind.target:
        rows.append(("Tahunan", ind.target, change.target))
    old: list[object] = [*ind.triwulan] if ind.triwulan else [None] * 4
    for q, new in enumerate(change.triwulan or (), start=1):
        before = old[q - 1] if q <= len(old) else None
        if new != before:
            rows.append((f"Triwulan {ROMAN[q - 1]}", before, new))
    return rows


def perbandingan(plan: Plan, bidang: str | None = None) -> Perbandingan | None:
    """The comparison of the murni ``plan`` with its Perubahan (all of it, or what concerns
    one bidang's units and indicators); None when the plan has no Perubahan."""
    change = plan.perubahan
    if change is None or plan.pk is None:
        return None
    units = plan.units_by_id()
    indicators: dict[str, Indikator] = {}
    for entry in plan.bidang:
        if entry.model is not None and (bidang is None or entry.slug == bidang):
            indicators.update({i.id: i for i in entry.model.indikator})
    if bidang is None:
        indicators.update({i.id: i for i in plan.pk.indikator})
    pagu: list[PaguRow] = []
    for item in change.pagu:
        unit = units.get(item.sub_kegiatan)
        if unit is None or (bidang is not None and unit.bidang != bidang):
            continue
        murni = item.lama if isinstance(unit.pagu, Absent) else unit.pagu
        pagu.append(PaguRow(len(pagu) + 1, unit.nama, murni, item.baru))
    targets: list[TargetRow] = []
    scales = settings(plan)
    for t in change.target:
        ind = indicators.get(t.indikator)
        if ind is None:
            continue
        for periode, lama, baru in _target_rows(ind, t):
            moved = levels_moved(ind, scales, lama, baru)
            row = TargetRow(
                len(targets) + 1, ind.nama, periode, ind.satuan, lama, baru, t.alasan or "", moved
            )
            targets.append(row)
    return Perbandingan(
        change.dasar or "", change.tanggal, change.alasan or "", tuple(pagu), tuple(targets)
    )


def period_end(period: Period, year: int) -> dt.date:
    """The last day of ``period`` in ``year``."""
    if period.until is not None:
        return period.until
    month = period.last_month
    first_after = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first_after - dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class TargetVersion:
    """Which version's targets judge a monitoring period, and which of them it changed."""

    perubahan: bool
    tanggal: dt.date
    dasar: str
    #: The names of the indicators whose targets are the Perubahan's (none under murni).
    diubah: tuple[str, ...]
    #: The names of the indicators the Perubahan changes, murni targets still in force.
    belum: tuple[str, ...]


def target_version(plan: Plan, period: Period, bidang: str | None) -> TargetVersion | None:
    """The version in force at the end of ``period`` (the Perubahan from its date on), or
    None when the plan has no Perubahan: then every target is simply the plan's."""
    change = plan.perubahan
    if change is None or plan.instansi is None:
        return None
    in_force = period_end(period, plan.instansi.tahun) >= change.tanggal
    compared = perbandingan(plan, bidang)
    names = tuple(dict.fromkeys(r.indikator for r in compared.target)) if compared else ()
    return TargetVersion(
        in_force,
        change.tanggal,
        change.dasar or "",
        names if in_force else (),
        () if in_force else names,
    )
