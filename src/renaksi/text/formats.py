"""Indonesian formats for everything a person reads: ``Rp 2.718.270.000``, ``29,17%``,
``2 Januari 2024``. Babel supplies the locale rules; it is imported on first use so that
commands which print no numbers do not pay for it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from functools import cache
from typing import Any

LOCALE = "id_ID"

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
#: The quarters as the documents write them (Triwulan I ... IV).
ROMAN = ("I", "II", "III", "IV")


#: Month abbreviations as the official grids print them (Mrt, Agt, Nop).
MONTH_SHORT = ("Jan", "Feb", "Mrt", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des")

_CENT = Decimal("0.01")


@cache
def _numbers() -> Any:
    from babel import numbers

    return numbers


def _format(value: int | Decimal, pattern: str) -> str:
    # Babel rounds to the pattern's decimals inside the current decimal context; a huge
    # value (a typing slip of 10^18 in a realisasi) needs more than its 28 digits.
    digits = len(str(abs(int(value)))) if Decimal(value).is_finite() else 0
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, digits + 20)
        return str(_numbers().format_decimal(value, format=pattern, locale=LOCALE))


#: Python's marks to Indonesian ones: the thousands comma becomes a dot and the decimal
#: point a comma.
_INDONESIAN_MARKS = str.maketrans(",.", ".,")


def _exact(value: int | Decimal, *, grouped: bool) -> str:
    """Every digit of ``value``, never rounded: as many decimals as its exponent says
    (``Decimal("2.50")`` keeps its zero), Indonesian marks (``1.234,5``)."""
    number = Decimal(value)
    if not number.is_finite():
        return _format(number, "#,##0")
    # "f" writes exact digits, never an exponent (1E+3 is "1000"); "," groups the whole
    # part only. One call per printed number, a hundred per document.
    return format(number, ",f" if grouped else "f").translate(_INDONESIAN_MARKS)


def number(value: int | Decimal) -> str:
    """``1200`` -> ``1.200``; ``Decimal('29.17')`` -> ``29,17``; every written digit."""
    return _exact(value, grouped=True)


def count(value: int | Decimal) -> str:
    """A target amount as the official tables print it: no grouping (``10000``, ``2,5``),
    every written digit."""
    return _exact(value, grouped=False)


def fixed(value: Decimal, places: int = 2) -> str:
    """A number with exactly ``places`` decimals: ``-2,70``, ``33,33``.

    Rounded half to even, as Babel's ``#,##0.00`` pattern does, and written with the
    same marks; done here because loading Babel's locale and parsing the pattern for
    every number was most of the time of printing one (tests/test_values.py holds the
    two to the same text). Infinities and NaN still go to Babel.
    """
    number = Decimal(value)
    if not number.is_finite():
        return _format(number, "#,##0." + "0" * places if places else "#,##0")
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, number.adjusted() + places + 2)
        ctx.rounding = ROUND_HALF_EVEN
        return _exact(number.quantize(Decimal(1).scaleb(-places)), grouped=True)


def at_most(value: Decimal, places: int) -> Decimal:
    """A computed value (an average) cut to at most ``places`` decimals, half up; values
    with fewer decimals are kept as they are (``2,5`` stays ``2,5``)."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -places:
        return value
    return value.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")


def target(value: Decimal | str | tuple[tuple[str, Decimal], ...] | None, satuan: str) -> str:
    """A target with its unit as the official tables print it: ``29,17%``, ``10000 orang``;
    a value of a scale as written (``Level 3``); a distribution as its levels and shares
    (``Level 1: 33%; Level 2: 50%``)."""
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return "; ".join(f"{level}: {percent(share)}" for level, share in value)
    if is_percent(satuan):
        return percent(value)
    return f"{count(value)} {satuan}".rstrip()


def levels(moved: int) -> str:
    """How far a value moved on an ordered scale: ``+1 tingkat``, ``-2 tingkat``."""
    return f"{'+' if moved > 0 else ''}{moved} tingkat"


def rupiah(value: int, *, prefix: bool = True) -> str:
    """``2718270000`` -> ``Rp 2.718.270.000``; negative amounts read ``-Rp 50.000.000``."""
    digits = number(abs(int(value)))
    text = f"Rp {digits}" if prefix else digits
    return f"-{text}" if value < 0 else text


def signed_rupiah(value: int) -> str:
    """A difference: ``+Rp 50.000.000``, ``-Rp 50.000.000``, ``Rp 0``."""
    return ("+" if value > 0 else "") + rupiah(value)


def percent(value: Decimal) -> str:
    """``Decimal('29.17')`` -> ``29,17%``."""
    return f"{number(value)}%"


def rounded(value: Decimal) -> Decimal:
    """A percentage as printed: two decimals, half up."""
    # quantize fails when the result has more digits than the context precision (28); a
    # tiny target can give a capaian of 10**30 and more, so make room for every digit.
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + 4)
        return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def computed_percent(value: Decimal | None) -> str:
    """A computed percentage (capaian, serapan): two decimals, half up: ``102,56%``;
    ``-`` for none."""
    return "-" if value is None else f"{fixed(rounded(value))}%"


def date(value: dt.date) -> str:
    """``date(2024, 1, 2)`` -> ``2 Januari 2024``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def unit_key(satuan: str) -> str:
    """What a unit is compared by: case, spacing and Unicode form set aside.

    NFKC, not only NFC, because a unit is a token, not prose: a full-width ``％`` or
    ``ｏｒａｎｇ`` pasted from an office document is the same unit as ``%`` and ``orang``,
    and ``µ`` (micro sign) is ``μ``. What is printed stays as written.
    """
    return " ".join(unicodedata.normalize("NFKC", satuan).casefold().split())


def is_percent(satuan: str) -> bool:
    """Whether a unit is a percentage (``%`` or ``persen``)."""
    return unit_key(satuan) in ("%", "persen")
