"""Quantities are exact from the file to the page: one grammar and one bound when read,
exact sums, every written digit printed, and units compared whatever their Unicode form.

The rule cases (tests/rules/cases/SC08, SC09, TG01, TG03, TG04) show each finding in a
plan; these pin the pieces: the readers of :mod:`renaksi.plan.values`, the formats of
:mod:`renaksi.text.formats`, the models' NFC text and the quantity fields, the monitoring
combination, and a printed report.
"""

from __future__ import annotations

import shutil
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.monitoring.capaian import DEFAULT_SCALE, capaian, serapan, to_date
from renaksi.plan import fast_yaml
from renaksi.plan.model import (
    BidangFile,
    IkuIndikator,
    InstansiFile,
    PerjanjianKinerjaFile,
    RealisasiFile,
    Target,
    quantity_places,
)
from renaksi.plan.values import (
    MAX_QUANTITY,
    PlanValueError,
    check_written,
    exact_sum,
    parse_quantity,
    two_readings,
)
from renaksi.text import formats

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "base" / "2024"


def both_readers(text: str) -> list[Any]:
    """The value of ``v:`` as the exact reader and as the fast reader give it."""
    return [YAML(typ="rt").load(f"v: {text}\n")["v"], fast_yaml.load(f"v: {text}\n")["v"]]


# --- exact sums ---------------------------------------------------------------------------


def test_a_sum_keeps_every_digit() -> None:
    # In Decimal's default 28 digits both of these equal their first term.
    nines = D("0.99999999999999999999999999999")
    assert exact_sum([nines, D(0), D(0), D(0)]) == nines != 1
    assert exact_sum([D(10) ** 14, D("1E-15")]) == D("100000000000000.000000000000001")
    assert exact_sum([]) == 0
    assert exact_sum([D("1.56"), D("1.64")]) == D("3.20")


_decimals = st.decimals(
    min_value=-(10**15) + 1, max_value=10**15 - 1, allow_nan=False, allow_infinity=False
)


@given(st.lists(_decimals, max_size=6), st.integers(min_value=0, max_value=40))
def test_a_sum_is_the_rational_sum(values: list[Decimal], shift: int) -> None:
    # Spread the digits far apart, as a long written fraction beside a large value does.
    spread = [v.scaleb(-shift * (i % 2)) for i, v in enumerate(values)]
    assert Fraction(exact_sum(spread)) == sum((Fraction(v) for v in spread), Fraction(0))


def test_a_long_average_that_ends_is_exact() -> None:
    third = D("0.33333333333333333333333333333")  # 29 digits
    assert to_date("tetap", [third] * 4, 4) == third
    assert to_date("tetap", [third] * 3, 3) == third
    assert to_date("jumlah", [third, third, third, D(0)], 4) == D("0.99999999999999999999999999999")
    # One that does not end keeps Decimal's 28 digits (printed cut to two decimals).
    assert to_date("tetap", [D(1), D(2), D(2)], 3) == D("1.666666666666666666666666667")


def test_capaian_is_rounded_once() -> None:
    # 33,334999...9 (32 digits): rounded to 28 digits first it became 33,335, printed 33,34.
    realisasi = D("0.33334999999999999999999999999999")
    value = capaian(realisasi, D(1), "naik")
    assert value is not None
    assert formats.computed_percent(value) == "33,33%"
    # Lower is better, (2 - r/t) x 100: 2 - 1,6666500000000000000000000000000001 = 0,3333499...
    turun = capaian(D("1.6666500000000000000000000000000001"), D(1), "turun")
    assert turun is not None
    assert formats.computed_percent(turun) == "33,33%"
    # On the default scale 90,995 prints 91,00 (Sangat Tinggi); just below it does not.
    below = capaian(D("0.9099499999999999999999999999999"), D(1), "naik")
    assert below is not None
    assert DEFAULT_SCALE.category(below).name == "Tinggi"
    share = serapan(1, 3)
    assert share is not None
    assert formats.computed_percent(share) == "33,33%"


# --- one grammar, one bound ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["0x10", "0o17", "0b101", "0x1E2A_1A30"])
def test_hex_octal_and_binary_quantities_are_refused(text: str) -> None:
    for raw in both_readers(text):
        with pytest.raises(PlanValueError) as caught:
            parse_quantity(raw)
        assert caught.value.kind == "number"
        assert "tulis angka desimal biasa" in caught.value.message
        assert caught.value.args_["value"] == int(text, 0)


@pytest.mark.parametrize(
    "raw",
    [
        10**15,
        -(10**15),
        10**40,
        1e15,
        1.5e300,
        D("1E+15"),
        "1.000.000.000.000.000",
        "-1.000.000.000.000.000,5",
    ],
)
def test_one_bound_however_a_quantity_is_written(raw: object) -> None:
    with pytest.raises(PlanValueError) as caught:
        parse_quantity(raw)
    assert caught.value.kind == "number"
    assert "terlalu besar" in caught.value.message
    assert caught.value.args_["limit"] == "1.000.000.000.000.000"


@pytest.mark.parametrize(
    "raw",
    [
        10**15 - 1,
        -(10**15) + 1,
        999999999999999.0,
        "999.999.999.999.999,99",
        # 32 digits: abs() in Decimal's 28-digit context would round it up to 10^15.
        "-999.999.999.999.999,99999999999999999",
    ],
)
def test_values_under_the_bound_are_read(raw: object) -> None:
    assert parse_quantity(raw).copy_abs() < MAX_QUANTITY


@pytest.mark.parametrize("raw", [D("Infinity"), D("NaN")])
def test_a_non_finite_decimal_is_refused(raw: Decimal) -> None:
    with pytest.raises(PlanValueError, match="terhingga"):
        parse_quantity(raw)


@pytest.mark.parametrize(
    ("literal", "hint"),
    [("1e-400", None), ("1e5", "100000"), ("2.5E1", "25"), ("1.5e-3", "0.0015"), ("-1e2", "-100")],
)
def test_an_exponent_is_refused_with_the_plain_number(literal: str, hint: str | None) -> None:
    for raw in both_readers(literal):
        assert isinstance(raw, float)
        with pytest.raises(PlanValueError) as caught:
            check_written(literal, raw)
        assert "eksponen" in caught.value.message
        assert caught.value.args_["hint"] == (f": {hint}" if hint else "")


def test_more_digits_than_a_float_holds_are_refused() -> None:
    literal = "0.1000000000000000000001"
    for raw in both_readers(literal):
        assert raw == 0.1
        with pytest.raises(PlanValueError) as caught:
            check_written(literal, raw)
        assert caught.value.args_["text"] == "0,1000000000000000000001"


@pytest.mark.parametrize(
    "literal", ["29.17", "1_000.5", "0.000001", "123456789012345", "1.", ".5", "+1.5", "-0.0"]
)
def test_plain_numbers_are_written_clearly(literal: str) -> None:
    for raw in both_readers(literal):
        check_written(literal, raw)  # no exception


@pytest.mark.parametrize(
    ("literal", "readings"),
    [
        ("4.800", (D("4.800"), D(4800))),
        ("1.200", (D("1.200"), D(1200))),
        ("999.999", (D("999.999"), D(999999))),
        ("-1.500", (D("-1.500"), D(-1500))),
        ("0.125", None),
        ("12.5", None),
        ("1234.567", None),
        ("4.8000", None),
        ("1_2.500", None),
    ],
)
def test_two_readings_only_for_a_thousands_lookalike(
    literal: str, readings: tuple[Decimal, Decimal] | None
) -> None:
    assert two_readings(literal) == readings


# --- every written digit, never rounded ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "grouped", "plain"),
    [
        (D("0.33333333333333333333"), "0,33333333333333333333", "0,33333333333333333333"),
        (D("2.50"), "2,50", "2,50"),
        (D("1234567.891"), "1.234.567,891", "1234567,891"),
        (D("1E+3"), "1.000", "1000"),
        (D("-1234.5"), "-1.234,5", "-1234,5"),
        (D("1E-20"), "0,00000000000000000001", "0,00000000000000000001"),
        (999_999_999_999_999, "999.999.999.999.999", "999999999999999"),
        (10**40, "10" + ".000" * 13, "1" + "0" * 40),
    ],
)
def test_numbers_print_every_written_digit(value: Decimal | int, grouped: str, plain: str) -> None:
    assert formats.number(value) == grouped
    assert formats.count(value) == plain


def test_a_target_of_a_third_prints_all_its_digits() -> None:
    assert formats.target(D("0.3333333333333"), "%") == "0,3333333333333%"
    assert formats.target(D("0.33333333333333"), "orang") == "0,33333333333333 orang"


def test_report_prints_quarters_as_written(tmp_path: Path) -> None:
    # Three thirds and a zero make 1%: printed rounded to ten decimals they read
    # 0,3333333333% three times, which does not add up to what the plan says.
    folder = tmp_path / "2024"
    shutil.copytree(BASE, folder)
    pk = folder / "perjanjian-kinerja.yaml"
    thirds = '["0,333333333333333", "0,333333333333333", "0,333333333333334", 0]'
    pk.write_text(
        pk.read_text(encoding="utf-8").replace(
            "    target: 10\n    triwulan: [1, 2, 3, 4]", f"    target: 1\n    triwulan: {thirds}"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["report", str(folder), "-f", "md"])
    assert result.exit_code == 0, result.output
    assert "| 0,333333333333333% | 0,333333333333333% | 0,333333333333334% | 0% |" in result.output
    assert "0,3333333333%" not in result.output


# --- units and names whatever their Unicode form --------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Orang", "orang"),
        (" orang  binaan ", "orang binaan"),
        ("\uff4f\uff52\uff41\uff4e\uff47", "orang"),  # full width
        ("\u00b5g", "\u03bcg"),  # micro sign is Greek mu
        (unicodedata.normalize("NFD", "café"), "café"),
    ],
)
def test_units_compare_by_their_key(written: str, key: str) -> None:
    assert formats.unit_key(written) == unicodedata.normalize("NFC", key)


@pytest.mark.parametrize("written", ["%", "persen", "Persen", "\uff05", " % "])
def test_percent_in_any_form(written: str) -> None:
    assert formats.is_percent(written)


def test_text_is_read_as_nfc_and_printed_as_written() -> None:
    nfd = unicodedata.normalize("NFD", "café")
    assert nfd != "café"
    target = Target.model_validate({"jumlah": 1, "satuan": nfd})
    assert target.satuan == "café"
    # NFC, not NFKC: what is printed keeps its compatibility characters.
    assert Target.model_validate({"jumlah": 1, "satuan": "m²"}).satuan == "m²"
    iku = IkuIndikator.model_validate(
        {"sasaran": "ss-1", "nama": nfd, "formulasi": "x", "target": 1, "satuan": "%"}
    )
    assert iku.nama == "café"


# --- every quantity field goes through the one reader ---------------------------------------


def _tree(path: Path) -> Any:
    return YAML(typ="rt").load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("model", "data", "expected"),
    [
        (
            InstansiFile,
            {
                "iku": {"indikator": [{"target": 1}]},
                "pemantauan": {"skala": [{"mulai": 2}], "ambang_penjelasan": 3},
            },
            [
                (("iku", "indikator", 0, "target"), 1),
                (("pemantauan", "skala", 0, "mulai"), 2),
                (("pemantauan", "ambang_penjelasan"), 3),
            ],
        ),
        (
            PerjanjianKinerjaFile,
            {"indikator": [{"target": 1, "triwulan": [2, 3]}], "total_pagu": 4},
            [(("indikator", 0, "target"), 1), (("indikator", 0, "triwulan", 0), 2),
             (("indikator", 0, "triwulan", 1), 3)],
        ),
        (
            BidangFile,
            {"rencana_aksi": [{"target": {"jumlah": 5, "satuan": "x"}}, {"target": "6 x"}]},
            [(("rencana_aksi", 0, "target", "jumlah"), 5)],
        ),
        (
            RealisasiFile,
            {
                "indikator": [{"realisasi": 7}],
                "sub_kegiatan": [{"anggaran": 8, "keluaran": {"jumlah": 9, "satuan": "x"}}],
            },
            [(("indikator", 0, "realisasi"), 7), (("sub_kegiatan", 0, "keluaran", "jumlah"), 9)],
        ),
    ],
)  # fmt: skip
def test_quantity_places_are_found_from_the_models(
    model: type[BaseModel], data: dict[str, Any], expected: list[tuple[Any, Any]]
) -> None:
    # Pagu (total_pagu, anggaran) are rupiah, not quantities; text "6 x" holds no YAML number.
    assert list(quantity_places(model, data)) == expected


def test_quantity_places_pass_over_the_wrong_shape() -> None:
    data = {"indikator": "x", "program": [{"kegiatan": 1}]}
    assert list(quantity_places(PerjanjianKinerjaFile, data)) == []
    assert list(quantity_places(PerjanjianKinerjaFile, None)) == []
