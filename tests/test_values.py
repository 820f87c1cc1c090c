"""Unit tests of the value parsers (renaksi.plan.values), the Indonesian formats
(renaksi.text.formats) and the civil-servant helpers (renaksi.plan.pegawai)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, localcontext
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import renaksi.plan.pegawai
import renaksi.text.formats
from renaksi.plan.values import (
    MAX_RUPIAH,
    PlanValueError,
    is_absent_lookalike,
    parse_date,
    parse_month,
    parse_quantity,
    parse_rupiah,
)


def yaml_value(text: str) -> Any:
    """The value of ``v:`` in a one-line YAML document, read the way plan files are read."""
    return YAML(typ="rt").load(f"v: {text}\n")["v"]


# --- parse_rupiah ---------------------------------------------------------------------


def test_rupiah_yaml_int_with_underscores() -> None:
    raw = yaml_value("2_718_270_000")
    assert isinstance(raw, int)
    assert parse_rupiah(raw) == 2_718_270_000


@pytest.mark.parametrize(
    "text",
    [
        "Rp 2.718.270.000",
        "2.718.270.000",
        "Rp2.718.270.000,00",
        "Rp. 2.718.270.000",
        "rp 2.718.270.000,-",
        " 2718270000 ",
        "Rp\u00a02.718.270.000",
        # APBN documents (DIPA, PK of central agencies) print every amount with cents.
        "2.718.270.000,00",
        "Rp 2.718.270.000,0",
    ],
)
def test_rupiah_indonesian_strings(text: str) -> None:
    assert parse_rupiah(text) == 2_718_270_000


def test_rupiah_zero_and_plain_int() -> None:
    assert parse_rupiah(0) == 0
    assert parse_rupiah("Rp 0") == 0
    assert parse_rupiah(MAX_RUPIAH - 1) == MAX_RUPIAH - 1


@pytest.mark.parametrize("raw", [1.5, 506_090_000.5, 2718270000.0])
def test_rupiah_rejects_floats(raw: float) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "money"
    assert "bilangan bulat" in info.value.message
    assert info.value.args_["found"] == raw


def test_rupiah_rejects_yaml_float() -> None:
    raw = yaml_value("506090000.5")
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "money"


def test_rupiah_rejects_comma_grouping_with_suggestion() -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah("2,718,270,000")
    assert info.value.kind == "money"
    assert "titik, bukan koma" in info.value.message
    assert info.value.args_["suggestion"] == '"2.718.270.000"'


@pytest.mark.parametrize("raw", [-1, -50_000_000, "-50.000.000", "Rp -50.000.000"])
def test_rupiah_rejects_negatives(raw: object) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "money"
    assert "negatif" in info.value.message


@pytest.mark.parametrize(
    ("raw", "cents"),
    [("1.000,50", "50"), ("Rp 966.661.000,05", "05"), ("2718270000,5", "5"), ("Rp 1,99", "99")],
)
def test_rupiah_refuses_non_zero_cents_by_name(raw: str, cents: str) -> None:
    # Money is whole rupiah: a non-zero cents part cannot be kept, and rounding it would
    # be inventing a value, so the message says what the cents are instead of calling the
    # amount unreadable.
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "money"
    assert "sen" in info.value.message
    assert info.value.args_["cents"] == cents
    assert info.value.args_["found"] == raw


@pytest.mark.parametrize("raw", ["1.5", "1.50.000", "2.718.270.000,500", "Rp", "", "satu juta"])
def test_rupiah_rejects_unclear_strings(raw: str) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "money"


@pytest.mark.parametrize("raw", [True, False])
def test_rupiah_rejects_bools(raw: bool) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "type"


@pytest.mark.parametrize("raw", [None, [1], {"a": 1}, Decimal("1000")])
def test_rupiah_rejects_other_types(raw: object) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "type"


@pytest.mark.parametrize("raw", [MAX_RUPIAH, 10**30, "10.000.000.000.000.000", str(10**40)])
def test_rupiah_rejects_huge_values(raw: object) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_rupiah(raw)
    assert info.value.kind == "money"
    assert "terlalu besar" in info.value.message


# --- parse_quantity -------------------------------------------------------------------


def test_quantity_yaml_float_is_exact() -> None:
    raw = yaml_value("29.17")
    assert isinstance(raw, float)
    value = parse_quantity(raw)
    assert value == Decimal("29.17")
    assert str(value) == "29.17"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("29,17%", Decimal("29.17")),
        ("29,17 %", Decimal("29.17")),
        ("1.200", Decimal(1200)),
        ("1.200,5", Decimal("1200.5")),
        ("100%", Decimal(100)),
        (12, Decimal(12)),
        (1.56, Decimal("1.56")),
        (Decimal("0.1"), Decimal("0.1")),
        ("-3", Decimal(-3)),
    ],
)
def test_quantity_accepts(raw: object, expected: Decimal) -> None:
    assert parse_quantity(raw) == expected


def test_quantity_sums_exactly() -> None:
    parts = [parse_quantity(yaml_value(v)) for v in ("1.56", "1.64", "12.98", "12.99")]
    assert sum(parts, Decimal(0)) == parse_quantity(yaml_value("29.17"))


def test_quantity_rejects_dotted_decimal_string() -> None:
    # "29.17" as text is ambiguous in Indonesian (a thousands separator?), so it is refused.
    with pytest.raises(PlanValueError) as info:
        parse_quantity("29.17")
    assert info.value.kind == "number"


@pytest.mark.parametrize("raw", [float("nan"), float("inf"), float("-inf")])
def test_quantity_rejects_non_finite(raw: float) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_quantity(raw)
    assert info.value.kind == "type"
    assert "terhingga" in info.value.message


@pytest.mark.parametrize("text", [".nan", ".inf", "-.inf", ".NaN"])
def test_quantity_rejects_yaml_non_finite(text: str) -> None:
    with pytest.raises(PlanValueError):
        parse_quantity(yaml_value(text))


@pytest.mark.parametrize("raw", [True, None, [1], "1e5", "dua", "1,2,3", ""])
def test_quantity_rejects_other(raw: object) -> None:
    with pytest.raises(PlanValueError):
        parse_quantity(raw)


def test_quantity_rejects_huge_string() -> None:
    with pytest.raises(PlanValueError) as info:
        parse_quantity("1.000.000.000.000.000")
    assert "terlalu besar" in info.value.message


def test_quantity_message_names_the_field() -> None:
    with pytest.raises(PlanValueError) as info:
        parse_quantity("x", what="target")
    assert info.value.message.startswith("target ")


# --- parse_month ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jan", 1),
        ("Januari", 1),
        ("Peb", 2),
        ("Pebruari", 2),
        ("Mrt", 3),
        ("Maret", 3),
        ("Agustus", 8),
        ("Agt", 8),
        ("Agu", 8),
        ("Nop", 11),
        ("Nopember", 11),
        ("November", 11),
        ("des.", 12),
        (" DESEMBER ", 12),
        ("7", 7),
        (7, 7),
    ],
)
def test_month_names(raw: object, expected: int) -> None:
    assert parse_month(raw) == expected


def test_month_numbers_are_not_range_checked_here() -> None:
    # The range is the schedule rule's job (JD02), so that it gets its own code.
    assert parse_month(13) == 13


@pytest.mark.parametrize("raw", ["Foo", "", True, 1.5, None, [1]])
def test_month_rejects(raw: object) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_month(raw)
    assert info.value.kind == "type"


# --- parse_date -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "2024-01-02",
        "2024-1-2",
        "2 Januari 2024",
        "02 januari 2024",
        "2 Jan 2024",
        dt.date(2024, 1, 2),
        dt.datetime(2024, 1, 2, 10, 30),
    ],
)
def test_date_accepts(raw: object) -> None:
    assert parse_date(raw) == dt.date(2024, 1, 2)


@pytest.mark.parametrize("raw", ["2024-02-30", "30 Februari 2024", "2023-02-29", "2024-13-01"])
def test_date_rejects_impossible_dates(raw: str) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_date(raw)
    assert info.value.kind == "date"
    assert "kalender" in info.value.message


@pytest.mark.parametrize("raw", ["2 Foo 2024", "02/01/2024", "", 20240102, None])
def test_date_rejects_other_forms(raw: object) -> None:
    with pytest.raises(PlanValueError) as info:
        parse_date(raw)
    assert info.value.kind == "date"


def test_date_leap_day() -> None:
    assert parse_date("29 Februari 2024") == dt.date(2024, 2, 29)


# --- fmt ------------------------------------------------------------------------------


def test_fmt_rupiah() -> None:
    assert renaksi.text.formats.rupiah(2_718_270_000) == "Rp 2.718.270.000"
    assert renaksi.text.formats.rupiah(-50_000_000) == "-Rp 50.000.000"
    assert renaksi.text.formats.rupiah(0) == "Rp 0"
    assert renaksi.text.formats.rupiah(1_000, prefix=False) == "1.000"


def test_fmt_signed_rupiah() -> None:
    assert renaksi.text.formats.signed_rupiah(50_000_000) == "+Rp 50.000.000"
    assert renaksi.text.formats.signed_rupiah(-50_000_000) == "-Rp 50.000.000"
    assert renaksi.text.formats.signed_rupiah(0) == "Rp 0"


def test_fmt_percent_and_number() -> None:
    assert renaksi.text.formats.percent(Decimal("29.17")) == "29,17%"
    assert renaksi.text.formats.number(Decimal("1.56")) == "1,56"
    assert renaksi.text.formats.number(1200) == "1.200"
    assert renaksi.text.formats.number(Decimal("1234567.891")) == "1.234.567,891"


def test_fmt_number_keeps_every_written_digit() -> None:
    assert renaksi.text.formats.number(Decimal("0.1") + Decimal("0.2")) == "0,3"
    assert renaksi.text.formats.number(Decimal("12.0000001")) == "12,0000001"


def test_fmt_date() -> None:
    assert renaksi.text.formats.date(dt.date(2024, 1, 2)) == "2 Januari 2024"
    assert renaksi.text.formats.date(dt.date(2024, 12, 31)) == "31 Desember 2024"


# --- pegawai --------------------------------------------------------------------------


def test_split_nip_grouped_and_plain() -> None:
    grouped = renaksi.plan.pegawai.split_nip("19670319 199702 1 003")
    plain = renaksi.plan.pegawai.split_nip("196703191997021003")
    assert grouped == plain == renaksi.plan.pegawai.NipParts("19670319", "199702", "1", "003")
    assert grouped is not None
    assert grouped.grouped == "19670319 199702 1 003"


@pytest.mark.parametrize(
    "text",
    ["1967031919970210", "19670319-199702-1-003", "19670319 1997021 003", "", "NIP"],
)
def test_split_nip_rejects(text: str) -> None:
    assert renaksi.plan.pegawai.split_nip(text) is None


def test_format_nip() -> None:
    assert renaksi.plan.pegawai.format_nip("196801301994031009") == "19680130 199403 1 009"
    assert renaksi.plan.pegawai.format_nip("19680130 199403 1 009") == "19680130 199403 1 009"
    assert renaksi.plan.pegawai.format_nip("bukan nip") == "bukan nip"


def test_birth_date() -> None:
    parts = renaksi.plan.pegawai.split_nip("19670319 199702 1 003")
    assert parts is not None
    assert renaksi.plan.pegawai.birth_date(parts) == dt.date(1967, 3, 19)
    bad = renaksi.plan.pegawai.split_nip("19671319 199702 1 003")
    assert bad is not None
    assert renaksi.plan.pegawai.birth_date(bad) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IV/a", "IV/a"),
        ("IV / a", "IV/a"),
        ("iv/A", "IV/a"),
        (" III/c ", "III/c"),
        ("ii/D", "II/d"),
        ("I/e", "I/e"),
        ("V/a", None),
        ("IV/f", None),
        ("IVa", None),
        ("", None),
    ],
)
def test_normal_golongan(text: str, expected: str | None) -> None:
    assert renaksi.plan.pegawai.normal_golongan(text) == expected


def test_every_pangkat_has_a_normal_golongan() -> None:
    for golongan, name in renaksi.plan.pegawai.PANGKAT.items():
        assert renaksi.plan.pegawai.normal_golongan(golongan) == golongan
        assert renaksi.plan.pegawai.GOLONGAN_OF[name.lower()] == golongan


def test_split_pangkat() -> None:
    assert renaksi.plan.pegawai.split_pangkat("Pembina (IV/a)") == ("Pembina", "IV/a")
    assert renaksi.plan.pegawai.split_pangkat("Pembina Tingkat I (IV/b)") == (
        "Pembina Tingkat I",
        "IV/b",
    )
    assert renaksi.plan.pegawai.split_pangkat(" Pembina ") == ("Pembina", None)
    assert renaksi.plan.pegawai.split_pangkat(None) == (None, None)


@pytest.mark.parametrize(
    ("pangkat", "golongan"),
    [
        ("Pembina", "IV/a"),
        ("pembina", "IV/a"),
        ("Pembina Tingkat I", "IV/b"),
        ("Pembina Tk. I", "IV/b"),
        ("Pembina Tingkat 1", "IV/b"),
        ("Penata Muda", "III/a"),
        ("Juru", "I/c"),
        ("Pembina Agung", None),
    ],
)
def test_golongan_of(pangkat: str, golongan: str | None) -> None:
    assert renaksi.plan.pegawai.golongan_of(pangkat) == golongan


def test_split_nip_tolerates_pasted_spaces() -> None:
    expected = renaksi.plan.pegawai.NipParts("19670319", "199702", "1", "003")
    assert renaksi.plan.pegawai.split_nip("19670319\u00a0199702\u00a01\u00a0003") == expected
    assert renaksi.plan.pegawai.split_nip(" 19670319  199702 1   003 ") == expected


def test_money_in_hex_or_octal_is_refused() -> None:
    data = YAML().load("a: 0x1E2A_1A30\nb: 0o17\nc: 0b101\n")
    for key in "abc":
        with pytest.raises(PlanValueError) as caught:
            parse_rupiah(data[key])
        assert "desimal biasa" in caught.value.message


def test_full_width_digits_are_not_a_nip() -> None:
    full_width = "\uff11\uff19\uff16\uff17\uff10\uff13\uff11\uff19 199702 1 003"
    assert renaksi.plan.pegawai.split_nip(full_width) is None


_FIXED_CASES = [
    "0", "-0", "0.005", "0.015", "0.025", "-0.005", "-0.001", "2.675", "33.333", "-2.7",
    "1234567.891", "999.995", "1e-30", "-1E+3", "12345678901234567890123456789.125",
    "1E+40", "0.125", "100", "-100.005", "29.17",
]  # fmt: skip


@pytest.mark.parametrize("text", _FIXED_CASES)
@pytest.mark.parametrize("places", [0, 1, 2, 3])
def test_fixed_writes_what_babels_pattern_writes(text: str, places: int) -> None:
    # fixed() no longer asks Babel for every number; Babel stays the reference.
    from babel.numbers import format_decimal

    value = Decimal(text)
    pattern = "#,##0." + "0" * places if places else "#,##0"
    with localcontext() as ctx:
        ctx.prec = 80
        expected = format_decimal(value, format=pattern, locale=renaksi.text.formats.LOCALE)
    assert renaksi.text.formats.fixed(value, places) == expected


@settings(max_examples=500, deadline=None)
@given(
    text=st.text()
    | st.builds(
        lambda a, b, c: a + b + c,
        st.text(max_size=3),
        st.sampled_from(["tidak tercantum", "TIDAK_TERCANTUM", "Tidak-Tercantum", "tidak  ada"]),
        st.text(max_size=3),
    )
)
def test_stated_text_shortcut_is_the_full_test(text: str) -> None:
    # Text without "tercantum" skips the look-alike test and, when ASCII, normalisation.
    from pydantic_core import PydanticCustomError

    from renaksi.plan.model import _stated_text

    try:
        got: object = _stated_text(text)
    except PydanticCustomError:
        got = "refused"
    expected = "refused" if is_absent_lookalike(text) else unicodedata.normalize("NFC", text)
    assert got == expected
