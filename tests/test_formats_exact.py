"""Exact numbers with Indonesian marks, written by Python's own grouping: the same text as
grouping the digits by hand, for every finite value."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from renaksi.text.formats import count, number


def by_hand(value: int | Decimal, *, grouped: bool) -> str:
    plain = format(Decimal(value), "f")
    sign = "-" if plain.startswith("-") else ""
    whole, _, fraction = plain.lstrip("-").partition(".")
    if grouped:
        head = len(whole) % 3 or 3
        whole = ".".join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    return sign + whole + ("," + fraction if fraction else "")


VALUES = st.one_of(
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.builds(
        lambda digits, exponent, sign: Decimal((sign, digits, exponent)),
        st.tuples(*[st.integers(0, 9)] * 5) | st.lists(st.integers(0, 9), max_size=40).map(tuple),
        st.integers(-30, 30),
        st.integers(0, 1),
    ),
)


@given(VALUES)
def test_number_and_count_are_the_digits_grouped_by_hand(value: int | Decimal) -> None:
    assert number(value) == by_hand(value, grouped=True)
    assert count(value) == by_hand(value, grouped=False)


def test_examples() -> None:
    assert number(2718270000) == "2.718.270.000"
    assert number(Decimal("1234.50")) == "1.234,50"
    assert number(Decimal("-0")) == "-0"
    assert number(Decimal("1E+3")) == "1.000"
    assert count(Decimal("10000")) == "10000"
    assert count(Decimal("2.5")) == "2,5"
    assert number(True) == "1"
