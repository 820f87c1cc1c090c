"""Domain values and how they are read from plan files: rupiah, quantities, months, dates,
and the one spelling of a fact the source document does not state (:data:`TIDAK_TERCANTUM`).

Money is an integer number of rupiah; every other quantity is an exact ``Decimal``.
Numbers written as YAML numbers are read the YAML way (``29.17``, ``2_718_270_000``);
numbers written as strings are read the Indonesian way (``"29,17%"``, ``"Rp 2.718.270.000"``).
Anything that could be read two ways is refused rather than guessed.

Every quantity (targets, realisasi, scale bounds) has one grammar and one bound, however it
is written: decimal digits, an optional sign and fraction, less than :data:`MAX_QUANTITY`
in size. Refused, as pagu refuses them: hexadecimal, octal and binary integers, and (read
from the YAML text by :func:`check_written`, because the YAML float has lost them) exponents
and digits that a YAML float cannot hold. Sums of quantities are exact (:func:`exact_sum`).

A fact the source document does not state is written ``tidak tercantum`` wherever the
models allow it (:class:`Absent`). It is a value of its own, not zero and not an empty
text: a sum with an absent part is absent (:func:`sum_or_absent`), never a smaller number.

Parsing failures raise :class:`PlanValueError`, whose message is an Indonesian template.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from typing import Final, TypeVar

from renaksi.text.formats import MONTH_SHORT, MONTHS, is_percent, unit_key

#: Largest pagu accepted (Rp 10.000 triliun); anything larger is a typing slip.
MAX_RUPIAH = 10**16


class Rupiah(int):
    """An amount of money in whole rupiah. A tag for formatters: printed as ``Rp 1.234``."""

    __slots__ = ()


class Percent(Decimal):
    """A percentage value, printed as ``29,17%``."""

    __slots__ = ()


class Capaian(Decimal):
    """A computed percentage, printed like the monitoring report: two decimals, ``7,70%``."""

    __slots__ = ()


class Terms(tuple[object, ...]):
    """Summands to be printed as ``a + b + c``."""

    __slots__ = ()


class Series(tuple[object, ...]):
    """Values to be printed one after another as ``91; 76; 66,5``: a semicolon, because
    the comma is the decimal mark."""

    __slots__ = ()


#: How a plan writes a fact its source document does not state: one spelling.
ABSENT_TEXT: Final = "tidak tercantum"


class Absent:
    """A fact the source document does not state: the value of ``tidak tercantum``.

    One instance (:data:`TIDAK_TERCANTUM`). It prints as ``tidak tercantum``, so a page that
    shows it says so rather than leaving a blank; it is true in a condition, so a template's
    ``{% if value %}`` still prints it.
    """

    __slots__ = ()
    _instance: Absent | None = None

    def __new__(cls) -> Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "TIDAK_TERCANTUM"

    def __str__(self) -> str:
        return ABSENT_TEXT

    def __reduce__(self) -> str:
        return "TIDAK_TERCANTUM"


TIDAK_TERCANTUM: Final = Absent()

_T = TypeVar("_T")

#: Spellings someone may reach for to say "not stated" that renaksi does not read as such:
#: each is refused with the one spelling named, never taken as a value.
NEAR_ABSENT = frozenset(
    {
        "-",
        "--",
        "\u2013",
        "\u2014",
        "tidak_tercantum",
        "tidak-tercantum",
        "tidaktercantum",
        "tidak ada",
        "tidak diketahui",
        "belum ada",
        "kosong",
        "n/a",
        "null",
        "none",
        "nihil",
    }
)


def is_absent_text(raw: object) -> bool:
    """True for the written ``tidak tercantum``: exactly these words, in lower case, with
    one space (spaces around them do not count)."""
    return isinstance(raw, str) and raw.strip() == ABSENT_TEXT


def is_absent_lookalike(raw: object) -> bool:
    """True for the words ``tidak tercantum`` however written (any case, ``_`` or ``-``
    between them), including the one spelling itself."""
    if not isinstance(raw, str):
        return False
    words = raw.lower().replace("_", " ").replace("-", " ")
    return " ".join(words.split()) == ABSENT_TEXT


def is_near_absent_text(raw: object) -> bool:
    """True for a written value that looks like an attempt at "not stated" but is not the
    one spelling: ``-``, ``tidak_tercantum``, ``Tidak Tercantum``, ``tidak ada``, ..."""
    if not isinstance(raw, str) or is_absent_text(raw):
        return False
    words = " ".join(raw.split()).lower()
    return words in NEAR_ABSENT or words == ABSENT_TEXT


def stated(value: _T | Absent) -> _T | None:
    """``value``, or None when it is :data:`TIDAK_TERCANTUM`."""
    return None if isinstance(value, Absent) else value


def sum_or_absent(values: Iterable[int | Absent]) -> int | Absent:
    """The sum of amounts, or :data:`TIDAK_TERCANTUM` when any of them is absent: a total
    with an unknown part is unknown, never the sum of the parts that are known."""
    total = 0
    for value in values:
        if isinstance(value, Absent):
            return TIDAK_TERCANTUM
        total += value
    return total


class PlanValueError(ValueError):
    """A value in a plan file that cannot be read. ``kind`` selects the rule code."""

    def __init__(self, kind: str, message: str, **args: object) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.args_ = {name: _shown_arg(value) for name, value in args.items()}


#: An integer this long (about 300 digits) is described, not printed: Python refuses to
#: turn one of over 4300 digits into text, and no plan value is a number that long.
_LONG_INT_BITS = 1000


def _shown_arg(value: object) -> object:
    """A message argument as it can be printed: a huge integer (a 0x... of thousands of
    digits) as its size."""
    if isinstance(value, int) and value.bit_length() > _LONG_INT_BITS:
        return f"bilangan bulat sepanjang lebih dari {_LONG_INT_BITS * 3 // 10} digit"
    return value


#: ruamel.yaml's classes for 0x.., 0o.. and 0b.. integers: legal YAML, but no way to write money.
_NON_DECIMAL = {
    "HexInt": "heksadesimal (0x...)",
    "HexCapsInt": "heksadesimal (0x...)",
    "OctalInt": "oktal (0o...)",
    "BinaryInt": "biner (0b...)",
}
_RP_PREFIX = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_DIGITS = re.compile(r"^[0-9]+$")
_DOT_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_COMMA_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+$")
_ZERO_CENTS = re.compile(r"(?:,0{1,2}|,-)$")
#: Whole rupiah (digits, or dot-grouped) followed by a cents part: ``1.000,50``.
_WITH_CENTS = re.compile(r"^(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),([0-9]{1,2})$")


#: A logo file named in ``instansi.yaml``: a relative path of plain segments inside the plan
#: folder. Symbolic links out of the folder are refused when it is read
#: (:mod:`renaksi.report.kop`); a name that climbs out is refused here, so validate says so
#: with its line.
_LOGO_SEGMENT = re.compile(r"^[^/\\:\x00-\x1f]+$")


def parse_logo_path(raw: object) -> str:
    """Read the logo's file name: relative to the plan folder, never out of it."""
    if not isinstance(raw, str):
        raise PlanValueError("type", "logo harus berupa nama berkas, ditemukan {found}", found=raw)
    name = raw.strip()
    parts = name.split("/")
    if name.startswith("/") or not all(
        _LOGO_SEGMENT.match(p) and p not in (".", "..") for p in parts
    ):
        raise PlanValueError(
            "value",
            "logo {found} harus berkas di dalam folder rencana, ditulis relatif tanpa .. "
            "(mis. logo.png atau kop/logo.svg)",
            found=raw,
        )
    # Whether it is a PNG or an SVG is read from its content when it is printed.
    return name


def parse_rupiah(raw: object, what: str = "pagu") -> int:
    """Read an amount of rupiah (a pagu, unless ``what`` names it otherwise): a YAML integer
    or an Indonesian-formatted string, never a float."""
    if isinstance(raw, bool):
        raise PlanValueError(
            "type", "{what} harus berupa rupiah, ditemukan {found}", found=raw, what=what
        )
    if isinstance(raw, int):
        written = _NON_DECIMAL.get(type(raw).__name__)
        if written is not None:
            raise PlanValueError(
                "money",
                "{what} ditulis sebagai angka {written}; tulis angka desimal biasa",
                written=written,
                what=what,
            )
        return _checked_rupiah(int(raw), raw, what)
    if isinstance(raw, float):
        raise PlanValueError(
            "money",
            "{what} harus bilangan bulat rupiah, ditemukan {found}; "
            'tulis tanpa titik desimal (2_718_270_000) atau sebagai teks ("2.718.270.000")',
            found=raw,
            what=what,
        )
    if not isinstance(raw, str):
        raise PlanValueError(
            "type", "{what} harus berupa rupiah, ditemukan {found}", found=raw, what=what
        )
    text = raw.strip()
    body = _RP_PREFIX.sub("", text).replace("\u00a0", "").replace(" ", "")
    if body.startswith("-"):
        raise PlanValueError("money", "{what} tidak boleh negatif: {found}", found=raw, what=what)
    body = _ZERO_CENTS.sub("", body)
    cents = _WITH_CENTS.match(body)
    if cents:
        # Money is whole rupiah; rounding the cents away would be inventing an amount.
        raise PlanValueError(
            "money",
            "{what} {found} memuat sen ,{cents} yang bukan nol; renaksi mencatat rupiah "
            "bulat (hanya sen ,00 yang diterima)",
            found=raw,
            cents=cents.group(1),
            what=what,
        )
    if _DIGITS.match(body):
        return _checked_rupiah(int(body), raw, what)
    if _DOT_GROUPED.match(body):
        return _checked_rupiah(int(body.replace(".", "")), raw, what)
    if _COMMA_GROUPED.match(body):
        raise PlanValueError(
            "money",
            "pemisah ribuan rupiah adalah titik, bukan koma: {found}; tulis {suggestion}",
            found=raw,
            suggestion=f'"{body.replace(",", ".")}"',
        )
    raise PlanValueError(
        "money",
        "format rupiah tidak dikenal: {found}; contoh yang benar: 2_718_270_000 "
        'atau "Rp 2.718.270.000"',
        found=raw,
    )


def _checked_rupiah(value: int, raw: object, what: str) -> int:
    if value < 0:
        raise PlanValueError("money", "{what} tidak boleh negatif: {found}", found=raw, what=what)
    if value >= MAX_RUPIAH:
        raise PlanValueError(
            "money", "{what} terlalu besar untuk masuk akal: {found}", found=raw, what=what
        )
    return value


_ID_NUMBER = re.compile(r"^-?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:,[0-9]+)?$")

#: Every quantity is smaller than this (a thousand trillion) in size, however it is
#: written: a larger target or realisasi is a typing slip, as a too-large pagu is.
MAX_QUANTITY = Decimal(10) ** 15
_MAX_QUANTITY_TEXT = "1.000.000.000.000.000"


def parse_quantity(raw: object, *, what: str = "nilai") -> Decimal:
    """Read a target or other quantity as an exact Decimal.

    YAML numbers are taken as written (``29.17``); strings are Indonesian (``"29,17%"``,
    ``"1.200"`` is one thousand two hundred). A trailing ``%`` is allowed. Whatever the
    form, the value must be smaller than :data:`MAX_QUANTITY` in size.
    """
    if isinstance(raw, bool):
        raise PlanValueError("type", what + " harus berupa angka, ditemukan {found}", found=raw)
    if isinstance(raw, int):
        written = _NON_DECIMAL.get(type(raw).__name__)
        if written is not None:
            raise PlanValueError(
                "number",
                what + " ditulis sebagai angka {written}; tulis angka desimal biasa: {value}",
                written=written,
                value=int(raw),
            )
        return _bounded(Decimal(int(raw)), raw, what)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise PlanValueError(
                "type", what + " harus angka terhingga, ditemukan {found}", found=raw
            )
        return _bounded(Decimal(repr(float(raw))), raw, what)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise PlanValueError(
                "type", what + " harus angka terhingga, ditemukan {found}", found=raw
            )
        return _bounded(raw, raw, what)
    if not isinstance(raw, str):
        raise PlanValueError("type", what + " harus berupa angka, ditemukan {found}", found=raw)
    text = raw.strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if not _ID_NUMBER.match(text):
        raise PlanValueError(
            "number",
            what
            + ' tidak dapat dibaca sebagai angka Indonesia: {found}; contoh: 29.17 atau "29,17%"',
            found=raw,
        )
    try:
        value = Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid text
        raise PlanValueError("number", what + " tidak dapat dibaca: {found}", found=raw) from None
    return _bounded(value, raw, what)


def _bounded(value: Decimal, raw: object, what: str) -> Decimal:
    if value.copy_abs() >= MAX_QUANTITY:  # abs() would round to 28 digits first
        raise PlanValueError(
            "number",
            what + " terlalu besar untuk masuk akal: {found}; tulis angka di bawah {limit}",
            found=raw,
            limit=_MAX_QUANTITY_TEXT,
        )
    return value


#: How a YAML number may be written where a quantity is read: digits (``_`` may group
#: them), an optional sign and an optional fraction. No exponent: ``1e-400`` reads as 0.
_WRITTEN_NUMBER = re.compile(r"^[-+]?(?=\.?[0-9])[0-9_]*(?:\.[0-9_]*)?$")
_EXPONENT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
#: Longest plain form worth suggesting in a message.
_SUGGESTION_LENGTH = 24


def check_written(literal: str, raw: float) -> None:
    """Check how a YAML float ``raw`` was written (``literal``, its text in the file).

    The float has already lost what matters here: ``1e-400`` is 0.0, and
    ``0.1000000000000000000001`` is 0.1. Raises :class:`PlanValueError` (kind
    ``number``) for an exponent or for digits the float could not hold, naming what
    to write instead.
    """
    if _EXPONENT.match(literal):
        plain = _plain(literal)
        hint = f": {plain}" if plain and len(plain) <= _SUGGESTION_LENGTH else ""
        raise PlanValueError(
            "number",
            "angka {found} ditulis dengan eksponen (e); tulis angka desimal biasa tanpa "
            "eksponen{hint}",
            found=literal,
            hint=hint,
        )
    if not _WRITTEN_NUMBER.match(literal):
        return  # not a number the way this module knows it; the model decided already
    written = Decimal(literal.replace("_", "").lstrip("+"))
    if written != Decimal(repr(float(raw))):
        text = format(written, "f").replace(".", ",")
        raise PlanValueError(
            "number",
            "angka {found} punya lebih banyak angka daripada yang dapat dibaca persis dari "
            'angka YAML (paling banyak 15 angka); tulis sebagai teks: "{text}"',
            found=literal,
            text=text,
        )


def _plain(literal: str) -> str:
    try:
        value = Decimal(literal.replace("_", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return ""
    if not value.is_finite() or abs(value.adjusted()) > _SUGGESTION_LENGTH:
        return ""
    return format(value.normalize() if value == value.to_integral() else value, "f")


#: An unquoted YAML number that an Indonesian reader may take for a thousands-grouped one:
#: ``4.800`` (four point eight, or four thousand eight hundred?).
_THOUSANDS_LOOKALIKE = re.compile(r"^-?[1-9][0-9]{0,2}\.[0-9]{3}$")


def two_readings(literal: str) -> tuple[Decimal, Decimal] | None:
    """The two ways an unquoted ``4.800`` reads: (as YAML reads it, as thousands), or None
    for a literal that reads one way only."""
    if not _THOUSANDS_LOOKALIKE.match(literal):
        return None
    return Decimal(literal), Decimal(literal.replace(".", ""))


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The sum of ``values``, exact whatever their digits.

    Decimal's default context keeps 28 significant digits, so
    0,99999999999999999999999999999 + 0 would be 1 and 10^14 + 10^-15 would be 10^14:
    the precision is sized to the operands instead (every digit from the largest one's
    first to the smallest exponent, plus room for carries).
    """
    items = list(values)
    if not items:
        return Decimal(0)
    top = max(v.adjusted() for v in items)
    low = min(0, *(int(v.as_tuple().exponent) for v in items))
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, top - low + len(str(len(items))) + 2)
        return sum(items, Decimal(0))


def in_unit(amount: Decimal, satuan: str) -> Decimal:
    """``amount`` tagged :class:`Percent` when its unit is one, so it prints ``29,17%``."""
    return Percent(amount) if is_percent(satuan) else amount


_MONTH_NAMES: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, start=1):
    _MONTH_NAMES[_name.lower()] = _i
    _MONTH_NAMES[_name.lower()[:3]] = _i
for _i, _name in enumerate(MONTH_SHORT, start=1):
    _MONTH_NAMES[_name.lower()] = _i
_MONTH_NAMES.update({"agu": 8, "nov": 11, "pebruari": 2, "peb": 2, "nopember": 11})


def parse_month(raw: object) -> int:
    """Read a month: a number (range-checked by the schedule rules) or an Indonesian name."""
    if isinstance(raw, bool):
        raise PlanValueError(
            "type", "bulan harus angka 1-12 atau nama bulan, ditemukan {found}", found=raw
        )
    if isinstance(raw, int):
        return int(raw)
    if isinstance(raw, str):
        key = raw.strip().lower().rstrip(".")
        if key.isdigit():
            return int(key)
        if key in _MONTH_NAMES:
            return _MONTH_NAMES[key]
    raise PlanValueError(
        "type",
        "bulan harus angka 1-12 atau nama bulan (Jan, Februari, ...), ditemukan {found}",
        found=raw,
    )


@dataclass(frozen=True, slots=True, order=True)
class MonthDate:
    """A date the document states to the month only ("Januari 2021"): no day is invented.

    Has the ``year`` and ``month`` of a :class:`datetime.date`, so year rules (TH03) read
    it alike, and prints as written: ``Januari 2021``.
    """

    year: int
    month: int

    def __str__(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"


_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_ISO_MONTH = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_ID_MONTH = re.compile(r"^([A-Za-z]+)\s+([0-9]{4})$")
_ID_DATE = re.compile(r"^([0-9]{1,2})\s+([A-Za-z]+)\s+([0-9]{4})$")


_DATE_FORMAT = 'tanggal harus seperti 2024-01-02 atau "2 Januari 2024", ditemukan {found}'
_SIGNING_FORMAT = (
    'tanggal harus seperti 2024-01-02, "2 Januari 2024", atau "Januari 2024" bila dokumen '
    "hanya mencantumkan bulannya, ditemukan {found}"
)


def parse_date(raw: object) -> dt.date:
    """Read a date: ISO ``2024-01-02`` or Indonesian ``2 Januari 2024``."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        raise PlanValueError(
            "date",
            _DATE_FORMAT,
            found=raw,
        )
    text = raw.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        named = _ID_DATE.match(text)
        month_number = _MONTH_NAMES.get(named.group(2).lower()) if named else None
        if not named or month_number is None:
            raise PlanValueError(
                "date",
                _DATE_FORMAT,
                found=raw,
            )
        day, month, year = int(named.group(1)), month_number, int(named.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PlanValueError("date", "tanggal tidak ada di kalender: {found}", found=raw) from None


# --- what a target is: a number, a value of an ordered scale, or a distribution -----------

#: A distribution target as written: (level, share in percent) pairs, in written order.
Distribution = tuple[tuple[str, Decimal], ...]
#: A target or a realisasi: a number, a value of an ordered scale ("Level 3", "AA") or a
#: distribution over such values.
TargetValue = Decimal | str | Distribution

#: Text that starts like a number is read as one (and refused if it is not a clear one):
#: only words ("Level 3", "AA") are scale values.
_LOOKS_NUMERIC = re.compile(r"^\s*[-+]?[0-9.,]")


def parse_level(raw: object) -> str:
    """A value of an ordered scale as written: text, or a whole number (``7`` on a 1-7
    scale), kept as text."""
    # A whole number written in decimal: ruamel's exact reader gives ``0``, ``01`` and
    # ``1_000`` as its ScalarInt, the fast readers as int; never a bool, and never a number
    # written 0x, 0o or 0b (_NON_DECIMAL), which is no way to name a level.
    decimal = isinstance(raw, int) and not isinstance(raw, bool)
    if decimal and type(raw).__name__ not in _NON_DECIMAL:
        return str(raw)
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    raise PlanValueError(
        "type", "nilai skala ditulis sebagai teks atau bilangan bulat, ditemukan {found}", found=raw
    )


def parse_target_value(raw: object) -> TargetValue:
    """Read a target or realisasi: a quantity (:func:`parse_quantity`), a word naming a
    value of the indicator's scale, or a distribution written as a mapping level -> share
    (``{Level 1: 33%, Level 2: 50%}``). Whether a word or a distribution fits the
    indicator is the rules' to say (TG05, RL04): the file alone does not know the scale."""
    if isinstance(raw, dict):
        if not raw:
            raise PlanValueError(
                "type", "distribusi ditulis tingkat: porsi, mis. {example}", example="Level 1: 33%"
            )
        pairs = []
        for key, share in raw.items():
            level = parse_level(key)
            pairs.append((level, parse_quantity(share, what=f"porsi {level}")))
        return tuple(pairs)
    if isinstance(raw, str) and raw.strip() and not _LOOKS_NUMERIC.match(raw):
        return raw.strip()
    return parse_quantity(raw)


def level_key(value: Decimal | str) -> str:
    """What scale values are compared by: a number by its value (``7``, ``"7"`` and
    ``7.0`` are one value), a word by :func:`renaksi.text.formats.unit_key`."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    text = unit_key(value)
    return str(int(text)) if re.fullmatch(r"-?[0-9]{1,30}", text) else text


def parse_signing_date(raw: object) -> dt.date | MonthDate:
    """Read a signing date: a day (as :func:`parse_date`), or a month when the document
    states no day: ``Januari 2021`` or ``2021-01``."""
    text = raw.strip() if isinstance(raw, str) else ""
    iso, named = _ISO_MONTH.match(text), _ID_MONTH.match(text)
    if iso or named:
        if iso:
            year, month = int(iso.group(1)), int(iso.group(2))
        else:
            assert named is not None
            year, month = int(named.group(2)), _MONTH_NAMES.get(named.group(1).lower(), 0)
        if not 1 <= month <= 12 or year < 1:
            raise PlanValueError("date", "bulan tidak ada di kalender: {found}", found=raw)
        return MonthDate(year, month)
    try:
        return parse_date(raw)
    except PlanValueError as exc:
        if exc.message != _DATE_FORMAT:
            raise
        raise PlanValueError("date", _SIGNING_FORMAT, found=raw) from None
