"""The plan models' shortcuts read exactly what the long way reads.

renaksi.plan.model takes a list of plain month numbers in one call (``Months``) and hands
a value that is not text straight to the field's own reader (``Maybe``): both skip Python
calls that cannot change the outcome. Here each is held to the reading it replaces, values
and errors (type, location, message) alike, on generated input.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from renaksi.plan.model import Maybe, Month, Months, Quantity, Rupiah, TargetValue
from renaksi.plan.values import TIDAK_TERCANTUM


def outcome(adapter: TypeAdapter[Any], raw: object) -> tuple[str, Any]:
    try:
        return ("ok", adapter.validate_python(raw))
    except ValidationError as exc:
        return ("error", [(e["type"], e["loc"], e["msg"]) for e in exc.errors()])


_ITEMS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.none(),
    st.sampled_from(["Jan", " maret ", "Agustus.", "13", "x", "", "tidak tercantum"]),
    st.text(max_size=6),
    st.floats(allow_nan=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
)

_MONTHS = TypeAdapter(Months)
_MONTHS_ITEM_BY_ITEM = TypeAdapter(list[Month])


@settings(max_examples=400, deadline=None)
@given(raw=st.lists(_ITEMS, max_size=6) | _ITEMS | st.tuples(st.integers(1, 12)))
def test_months_read_at_once_as_item_by_item(raw: object) -> None:
    fast, slow = outcome(_MONTHS, raw), outcome(_MONTHS_ITEM_BY_ITEM, raw)
    assert fast == slow
    if fast[0] == "ok":
        assert all(type(m) is int for m in fast[1])


@settings(max_examples=400, deadline=None)
@given(raw=_ITEMS, reader=st.sampled_from([Quantity, Rupiah, TargetValue]))
def test_maybe_hands_what_is_not_text_to_the_fields_reader(raw: object, reader: Any) -> None:
    maybe = outcome(TypeAdapter(Maybe[reader]), raw)
    if raw is None or isinstance(raw, str):
        return  # text and None: the words, their look-alikes, the empty value
    assert maybe == outcome(TypeAdapter(reader), raw)


def test_maybe_still_reads_the_words() -> None:
    assert TypeAdapter(Maybe[Quantity]).validate_python(" tidak tercantum ") is TIDAK_TERCANTUM
    assert TypeAdapter(Maybe[Quantity]).validate_python("29,5") == Decimal("29.5")
