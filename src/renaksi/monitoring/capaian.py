"""Capaian and serapan: the monitoring formulas, one way, exact (Decimal), never stored.

For an indicator and a quarter *q* the plan gives a target and the realisasi file a value.
Both are written the same way, as the indicator's ``cara_gabung`` says:

- ``jumlah``: each quarter's own amount; up to quarter *q* the amounts are added up;
- ``kumulatif``: running values; up to quarter *q* is the value of quarter *q*;
- ``tetap``: the same target every quarter; up to quarter *q* the realisasi is the average
  of the quarters so far.

Capaian (percent) of a realisasi *r* against a target *t*:

- higher is better (``arah: naik``): r / t x 100;
- lower is better (``arah: turun``): (2 - r / t) x 100, never below 0 (PermenPANRB 6/2022,
  "kondisi khusus"); a realisasi of 0 is then 200.

A target of 0 cannot be divided by: capaian is then "belum dapat dinilai", never an error.
Capaian is not capped: over-achievement shows as it is (e.g. 120,00%).

Categories come from one scale of lower bounds (:data:`DEFAULT_SCALE`, or the plan's
``instansi.yaml: pemantauan.skala``), applied to the value rounded to two decimals, i.e. to
the number that is printed, so a printed 91,00% is never called "Tinggi".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from renaksi.plan.values import exact_sum
from renaksi.text.formats import rounded

HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Band:
    """One category of the scale: from ``start`` percent upwards (to the next band)."""

    start: Decimal
    name: str
    level: int  # 1 = the highest band; templates colour by level


@dataclass(frozen=True, slots=True)
class Scale:
    """Categories by lower bound, highest first; the last starts at 0."""

    bands: tuple[Band, ...]

    @classmethod
    def of(cls, bounds: Sequence[tuple[Decimal | int, str]]) -> Scale:
        """A scale from ``(lower bound, name)`` pairs, highest first."""
        # "+ 0" turns a written -0 into 0, so the legend never prints "-0%".
        return cls(
            tuple(Band(Decimal(start) + 0, name, i + 1) for i, (start, name) in enumerate(bounds))
        )

    def category(self, percent: Decimal) -> Band:
        """The band of a capaian or serapan in percent (rounded to the printed value)."""
        shown = rounded(percent)
        for band in self.bands:
            if shown >= band.start:
                return band
        return self.bands[-1]


#: The default scale (the five bands of the Permendagri 86/2017 evaluation).
DEFAULT_SCALE = Scale.of(
    [(91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"), (0, "Sangat Rendah")]
)
#: Capaian below this needs faktor penghambat and upaya perbaikan (default: any miss).
DEFAULT_THRESHOLD = HUNDRED


def percent_of(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` / ``whole`` x 100 (``whole`` not 0).

    The quotient keeps Decimal's 28 significant digits, or more when the operands have
    more: a quotient that does not end stays further from a rounding boundary (xx,xx5)
    than its operands' digits allow, so with that many digits the two printed decimals
    are those of the exact quotient. With 28 digits only, 33,334999999999999999999999999999
    would be rounded to 33,335 first and print 33,34.
    """
    digits = len(part.as_tuple().digits) + len(whole.as_tuple().digits) + 6
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, digits)
        return part / whole * HUNDRED


def capaian(realisasi: Decimal, target: Decimal, arah: str) -> Decimal | None:
    """Capaian in percent, or None when the target is 0 (belum dapat dinilai)."""
    if target == 0:
        return None
    if arah == "turun":
        # (2 - r/t) x 100 as one quotient, (2t - r)/t: no cancellation after rounding.
        return max(
            Decimal(0), percent_of(exact_sum([target, target, realisasi.copy_negate()]), target)
        )
    return percent_of(realisasi, target)


def serapan(spent: int, pagu: int) -> Decimal | None:
    """Share of the pagu spent, in percent; None for a pagu of 0."""
    if pagu == 0:
        return None
    return percent_of(Decimal(spent), Decimal(pagu))


class Status(StrEnum):
    """Why a capaian is (or is not) a number."""

    DINILAI = "dinilai"
    TARGET_NOL = "target-nol"
    BELUM_LAPOR = "belum-lapor"
    TIDAK_LENGKAP = "tidak-lengkap"


STATUS_TEXT = {
    Status.DINILAI: "",
    Status.TARGET_NOL: "belum dapat dinilai (target 0)",
    Status.BELUM_LAPOR: "belum dilaporkan",
    Status.TIDAK_LENGKAP: "belum dapat dihitung (ada triwulan yang belum dilaporkan)",
}


@dataclass(frozen=True, slots=True)
class Assessment:
    """Target, realisasi and capaian of one indicator for one period."""

    target: Decimal
    realisasi: Decimal | None
    capaian: Decimal | None
    status: Status
    band: Band | None

    @property
    def note(self) -> str:
        """Why there is no capaian (empty when there is one)."""
        return STATUS_TEXT[self.status]


def assess(
    target: Decimal, realisasi: Decimal | None, arah: str, scale: Scale, *, missing: Status
) -> Assessment:
    """Capaian and category of ``realisasi`` against ``target``; ``missing`` says why a
    None realisasi is absent."""
    if realisasi is None:
        return Assessment(target, None, None, missing, None)
    value = capaian(realisasi, target, arah)
    if value is None:
        return Assessment(target, realisasi, None, Status.TARGET_NOL, None)
    return Assessment(target, realisasi, value, Status.DINILAI, scale.category(value))


def to_date(cara_gabung: str, values: Sequence[Decimal], q: int) -> Decimal:
    """The target (or complete realisasi) ``values`` of quarters 1..q combined up to q.

    Sums are exact. An average is exact when it ends (four equal targets average to
    exactly that target, whatever its digits); one that does not end (1, 2, 2) keeps 28
    significant digits, or as many as its sum has, and is printed cut to two decimals."""
    upto = list(values[:q])
    if cara_gabung == "jumlah":
        return exact_sum(upto)
    if cara_gabung == "kumulatif":
        return upto[-1]
    total = exact_sum(upto)
    with localcontext() as ctx:
        # Dividing by 2 or 4 adds at most two digits; by 3, none when the result ends.
        ctx.prec = max(ctx.prec, len(total.as_tuple().digits) + 2)
        return total / len(upto)


def quarter_and_to_date(
    *,
    targets: Sequence[Decimal],
    realised: Mapping[int, Decimal],
    q: int,
    cara_gabung: str,
    arah: str,
    scale: Scale,
) -> tuple[Assessment, Assessment]:
    """The assessment of quarter ``q`` alone and of the year up to ``q`` (1-4).

    ``realised`` maps quarter numbers to the values reported; a quarter before ``q`` that
    is missing makes the year-to-date figure incomplete (except for ``kumulatif``, whose
    quarter ``q`` value already is the running value).
    """
    this = assess(targets[q - 1], realised.get(q), arah, scale, missing=Status.BELUM_LAPOR)
    target_ytd = to_date(cara_gabung, targets, q)
    if q not in realised:
        return this, assess(target_ytd, None, arah, scale, missing=Status.BELUM_LAPOR)
    if cara_gabung != "kumulatif" and any(k not in realised for k in range(1, q)):
        return this, assess(target_ytd, None, arah, scale, missing=Status.TIDAK_LENGKAP)
    values = [realised.get(k, Decimal(0)) for k in range(1, q + 1)]
    return this, assess(
        target_ytd, to_date(cara_gabung, values, q), arah, scale, missing=Status.BELUM_LAPOR
    )
