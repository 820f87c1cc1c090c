"""Capaian and serapan: the monitoring formulas, one way, exact (Decimal), never stored.

For an indicator and a quarter *q* the plan gives a target and the realisasi file a value.
Both are written the same way, as the indicator's ``cara_gabung`` says:

- ``jumlah``: each quarter's own amount; up to quarter *q* the amounts are added up;
- ``kumulatif``: running values; up to quarter *q* is the value of quarter *q*;
- ``tetap``: the same target every quarter; up to quarter *q* the realisasi is the average
  of the quarters so far.

An indicator without ``cara_gabung`` (allowed without quarterly targets), and one whose
values are not numbers, is read like ``kumulatif``: each value is the value to date.

Capaian (percent) of a realisasi *r* against a target *t*:

- higher is better (``arah: naik``): r / t x 100;
- lower is better (``arah: turun``): (2 - r / t) x 100, never below 0 (PermenPANRB 6/2022,
  "kondisi khusus"); a realisasi of 0 is then 200.

A target of 0 cannot be divided by. Lower is better with target 0 is a zero tolerance:
realisasi 0 is 100 (achieved), anything above 0 is 0 (not achieved, the lowest category).
Higher is better with target 0 is "belum dapat dinilai", never an error.
Capaian is not capped: over-achievement shows as it is (e.g. 120,00%).

Some targets have no meaningful percentage and get a verdict only, tercapai or belum
tercapai (:class:`Verdict`): a cap or a floor (``jenis_target: maksimal``/``minimal``: met at
or below, at or above the target), a value on an ordered scale (compared by rank, with the
rank difference), a distribution over such a scale (met when, at every level, the share at
or above it is at least the target's; for ``turun`` at or below it), and any target whose
``arah`` is ``tidak tercantum`` (met when equal to the target; otherwise it cannot be
judged, since nobody said which way is better).

Categories come from one scale of lower bounds (:data:`DEFAULT_SCALE`, or the plan's
``instansi.yaml: pemantauan.skala``), applied to the value rounded to two decimals, i.e. to
the number that is printed, so a printed 91,00% is never called "Tinggi".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from enum import StrEnum

from renaksi.plan.values import Absent, TargetValue, exact_sum, level_key
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


def capaian(realisasi: Decimal, target: Decimal, arah: str | Absent) -> Decimal | None:
    """Capaian in percent, or None when it cannot be computed (target 0, higher is better)."""
    if target == 0:
        if arah == "turun":
            # Zero tolerance: nothing else than 0 meets it, and there is nothing to divide by.
            return HUNDRED if realisasi <= 0 else Decimal(0)
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


class Verdict(StrEnum):
    """Met or not: what a target without a meaningful percentage gets."""

    TERCAPAI = "tercapai"
    BELUM_TERCAPAI = "belum tercapai"


@dataclass(frozen=True, slots=True)
class Judging:
    """How an indicator's values are compared: its ``arah``, ``jenis_target`` and the keys
    of its ordered scale (lowest first; None for plain numbers)."""

    #: ``naik``, ``turun``, or :data:`~renaksi.plan.values.TIDAK_TERCANTUM` when the
    #: document does not say (then only a verdict can be given, and not always).
    arah: str | Absent = "naik"
    jenis: str | None = None
    skala: tuple[str, ...] | None = None
    #: Each scale key's rank, looked up once per value (a scale may have thousands).
    ranks: Mapping[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        ranks: dict[str, int] = {}
        for i, key in enumerate(self.skala or ()):
            ranks.setdefault(key, i)
        object.__setattr__(self, "ranks", ranks)

    @classmethod
    def of(cls, how: str | Absent | Judging) -> Judging:
        """``how`` itself, or a plain ``arah``."""
        return how if isinstance(how, Judging) else cls(how)

    @property
    def percent(self) -> bool:
        """Whether capaian is a percentage (plain numbers, a stated direction, no cap)."""
        return self.skala is None and self.jenis is None and self.arah in ("naik", "turun")

    def rank(self, value: TargetValue) -> int | None:
        """The position of a value on the scale (0 = lowest), or None."""
        if self.skala is None or isinstance(value, tuple):
            return None
        return self.ranks.get(level_key(value))

    def holds_all_year(self, target: TargetValue | Absent | None) -> bool:
        """A ceiling (a cap, or zero tolerance) holds at every moment, so it is judged at
        every period, also when the document states only the annual target."""
        zero = isinstance(target, Decimal) and target == 0 and self.skala is None
        return self.jenis == "maksimal" or (self.arah == "turun" and zero)


def _sign(value: int | Decimal) -> int:
    return (value > 0) - (value < 0)


def _shares_at_or_above(value: TargetValue, how: Judging) -> list[Decimal] | None:
    """For each level of the scale, lowest first, the share at that level or above."""
    if not isinstance(value, tuple) or how.skala is None:
        return None
    share = dict.fromkeys(how.skala, Decimal(0))
    for level, part in value:
        key = level_key(level)
        if key not in share:
            return None
        share[key] = exact_sum([share[key], part])
    running, out = Decimal(0), []
    for part in reversed(share.values()):
        running = exact_sum([running, part])
        out.append(running)
    return out[::-1]


def compare(realisasi: TargetValue, target: TargetValue, how: Judging) -> int | None:
    """Where the realisasi stands against the target, whatever the direction: 1 above,
    0 equal, -1 below, 2 neither (a distribution higher at one level and lower at
    another); None when the two cannot be compared (different kinds, off the scale)."""
    if isinstance(realisasi, tuple) or isinstance(target, tuple):
        mine, wanted = _shares_at_or_above(realisasi, how), _shares_at_or_above(target, how)
        if mine is None or wanted is None:
            return None
        above = all(a >= b for a, b in zip(mine, wanted, strict=True))
        below = all(a <= b for a, b in zip(mine, wanted, strict=True))
        return 0 if above and below else 1 if above else -1 if below else 2
    if how.skala is not None:
        r, t = how.rank(realisasi), how.rank(target)
        return None if r is None or t is None else _sign(r - t)
    if isinstance(realisasi, Decimal) and isinstance(target, Decimal):
        return _sign(realisasi - target)
    return None


def verdict(realisasi: TargetValue, target: TargetValue, how: Judging) -> Verdict | None:
    """Met or not; None when it cannot be said (not comparable, or no direction and not
    equal)."""
    where = compare(realisasi, target, how)
    if where is None:
        return None
    if where == 0:
        return Verdict.TERCAPAI
    if how.jenis == "maksimal" or (how.jenis is None and how.arah == "turun"):
        met = where == -1
    elif how.jenis == "minimal" or how.arah == "naik":
        met = where == 1
    else:
        return None  # arah tidak tercantum: only equality is known to meet the target
    return Verdict.TERCAPAI if met else Verdict.BELUM_TERCAPAI


class Status(StrEnum):
    """Why a capaian is (or is not) a number."""

    DINILAI = "dinilai"
    PUTUSAN = "putusan"
    TARGET_NOL = "target-nol"
    BELUM_LAPOR = "belum-lapor"
    TIDAK_LENGKAP = "tidak-lengkap"
    ARAH_TIDAK_TERCANTUM = "arah-tidak-tercantum"
    TIDAK_SEBANDING = "tidak-sebanding"
    AKHIR_TAHUN = "akhir-tahun"
    TANPA_TARGET_TRIWULAN = "tanpa-target-triwulan"
    TANPA_TARGET = "tanpa-target"
    TARGET_TIDAK_TERCANTUM = "target-tidak-tercantum"


STATUS_TEXT = {
    Status.DINILAI: "",
    Status.PUTUSAN: "",
    Status.TARGET_NOL: "belum dapat dinilai (target 0)",
    Status.BELUM_LAPOR: "belum dilaporkan",
    Status.TIDAK_LENGKAP: "belum dapat dihitung (ada triwulan yang belum dilaporkan)",
    Status.ARAH_TIDAK_TERCANTUM: "tidak dapat dinilai (arah tidak tercantum)",
    Status.TIDAK_SEBANDING: "tidak dapat dinilai (realisasi tidak sebanding dengan target)",
    Status.AKHIR_TAHUN: "dinilai pada akhir tahun (target tahunan)",
    Status.TANPA_TARGET_TRIWULAN: "tanpa target triwulan",
    Status.TANPA_TARGET: "tidak dapat dinilai (target tidak ditulis)",
    Status.TARGET_TIDAK_TERCANTUM: "tidak dapat dinilai (target tidak tercantum)",
}


@dataclass(frozen=True, slots=True)
class Assessment:
    """Target, realisasi and capaian (or verdict) of one indicator for one period."""

    #: None: no target for this period (an annual-only indicator's quarter, printed "-");
    #: TIDAK_TERCANTUM: the document does not state it (printed "tidak tercantum").
    target: TargetValue | Absent | None
    realisasi: TargetValue | None
    capaian: Decimal | None
    status: Status
    band: Band | None
    verdict: Verdict | None = None
    #: Ranks above (positive) or below the target, for a value on an ordered scale.
    steps: int | None = None

    @property
    def note(self) -> str:
        """What is printed instead of a percentage (empty when there is one)."""
        if self.status is Status.PUTUSAN and self.verdict is not None:
            if self.steps is None:
                return self.verdict.value
            if self.steps == 0:
                return f"{self.verdict.value} (sama dengan target)"
            where = "di atas" if self.steps > 0 else "di bawah"
            return f"{self.verdict.value} ({abs(self.steps)} tingkat {where} target)"
        return STATUS_TEXT[self.status]

    @property
    def missed(self) -> bool:
        """Whether a verdict says the target is not met."""
        return self.verdict is Verdict.BELUM_TERCAPAI


def assess(
    target: TargetValue | Absent | None,
    realisasi: TargetValue | None,
    arah: str | Judging,
    scale: Scale,
    *,
    missing: Status,
) -> Assessment:
    """Capaian and category (or the verdict) of ``realisasi`` against ``target``;
    ``arah`` is the direction or the whole :class:`Judging`; ``missing`` says why a None
    realisasi is absent."""
    if realisasi is None:
        return Assessment(target, None, None, missing, None)
    if target is None:
        return Assessment(None, realisasi, None, Status.TANPA_TARGET, None)
    if isinstance(target, Absent):
        return Assessment(target, realisasi, None, Status.TARGET_TIDAK_TERCANTUM, None)
    how = Judging.of(arah)
    if how.percent and isinstance(target, Decimal) and isinstance(realisasi, Decimal):
        value = capaian(realisasi, target, how.arah)
        if value is None:
            return Assessment(target, realisasi, None, Status.TARGET_NOL, None)
        met = Verdict.TERCAPAI if rounded(value) >= HUNDRED else Verdict.BELUM_TERCAPAI
        return Assessment(
            target, realisasi, value, Status.DINILAI, scale.category(value), verdict=met
        )
    found = verdict(realisasi, target, how)
    if found is None:
        comparable = compare(realisasi, target, how) is not None
        status = Status.ARAH_TIDAK_TERCANTUM if comparable else Status.TIDAK_SEBANDING
        return Assessment(target, realisasi, None, status, None)
    r, t = how.rank(realisasi), how.rank(target)
    steps = r - t if r is not None and t is not None else None
    return Assessment(target, realisasi, None, Status.PUTUSAN, None, found, steps)


def to_date(cara_gabung: str | None, values: Sequence[TargetValue], q: int) -> TargetValue:
    """The target (or complete realisasi) ``values`` of quarters 1..q combined up to q.

    Sums are exact. An average is exact when it ends (four equal targets average to
    exactly that target, whatever its digits); one that does not end (1, 2, 2) keeps 28
    significant digits, or as many as its sum has, and is printed cut to two decimals.
    Values that are not numbers (scale values, distributions), and an indicator without
    ``cara_gabung``, are values to date: the last one is the value up to q."""
    upto = list(values[:q])
    numbers = [v for v in upto if isinstance(v, Decimal)]
    if cara_gabung in (None, "kumulatif") or len(numbers) != len(upto):
        return upto[-1]
    if cara_gabung == "jumlah":
        return exact_sum(numbers)
    total = exact_sum(numbers)
    with localcontext() as ctx:
        # Dividing by 2 or 4 adds at most two digits; by 3, none when the result ends.
        ctx.prec = max(ctx.prec, len(total.as_tuple().digits) + 2)
        return total / len(numbers)


def annual_only(
    target: TargetValue | Absent | None,
    realisasi: TargetValue | None,
    how: Judging,
    scale: Scale,
    *,
    year_end: bool,
    missing: Status,
) -> Assessment:
    """The assessment of an annual-only target with the realisasi to date: judged at the
    year's end only (the year is not over before it), except a ceiling, which holds all
    year (:meth:`Judging.holds_all_year`)."""
    absent = isinstance(target, Absent)  # never judged, so not "at the year's end" either
    if realisasi is not None and not year_end and not absent and not how.holds_all_year(target):
        return Assessment(target, realisasi, None, Status.AKHIR_TAHUN, None)
    return assess(target, realisasi, how, scale, missing=missing)


def quarter_and_to_date(
    *,
    targets: Sequence[TargetValue] | None,
    realised: Mapping[int, TargetValue],
    q: int,
    cara_gabung: str | None,
    arah: str | Judging,
    scale: Scale,
    annual: TargetValue | Absent | None = None,
) -> tuple[Assessment, Assessment]:
    """The assessment of quarter ``q`` alone and of the year up to ``q`` (1-4).

    ``realised`` maps quarter numbers to the values reported; a quarter before ``q`` that
    is missing makes the year-to-date figure incomplete (except for values to date:
    ``kumulatif``, no ``cara_gabung``, values that are not numbers, whose quarter ``q``
    value already is the running value). Without quarterly ``targets`` the quarter has no
    target of its own and the year to date is judged against the ``annual`` target at the
    year's end (:func:`annual_only`).
    """
    how = Judging.of(arah)
    now = realised.get(q)
    if targets is None:
        this = Assessment(
            None,
            now,
            None,
            Status.TANPA_TARGET_TRIWULAN if now is not None else Status.BELUM_LAPOR,
            None,
        )
    else:
        this = assess(targets[q - 1], now, how, scale, missing=Status.BELUM_LAPOR)
    target_ytd = to_date(cara_gabung, targets, q) if targets is not None else annual
    if now is None:
        return this, assess(target_ytd, None, how, scale, missing=Status.BELUM_LAPOR)
    values = [realised.get(k) for k in range(1, q + 1)]
    running = cara_gabung in (None, "kumulatif") or not isinstance(now, Decimal)
    if not running and any(v is None for v in values):
        return this, assess(target_ytd, None, how, scale, missing=Status.TIDAK_LENGKAP)
    if not running and not all(isinstance(v, Decimal) for v in values):
        # Numbers cannot be added to scale values (RL04 reports the odd one).
        return this, Assessment(target_ytd, None, None, Status.TIDAK_SEBANDING, None)
    value_ytd = now if running else to_date(cara_gabung, [v for v in values if v is not None], q)
    if targets is None:
        ytd = annual_only(
            target_ytd, value_ytd, how, scale, year_end=q == 4, missing=Status.BELUM_LAPOR
        )
        return this, ytd
    return this, assess(target_ytd, value_ytd, how, scale, missing=Status.BELUM_LAPOR)
