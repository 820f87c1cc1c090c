"""Schema findings never repeat pydantic's English: every error type pydantic_core defines
gets an Indonesian message (renaksi.plan.validation's tables), and one it does not know yet
gets a general Indonesian sentence, not pydantic's message or the error type's name."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict
from pydantic_core import ValidationError
from pydantic_core.core_schema import ErrorType

from renaksi.output.messages import message
from renaksi.plan.file import PlanFile
from renaksi.plan.validation import _CONSTRAINT_WORDS, _TYPE_WORDS, problems_from_validation
from test_cli_words import english_in

ERROR_TYPES: tuple[str, ...] = typing.get_args(ErrorType)

#: Error types _classify words itself (keys, renaksi's own, list length, bounds, text).
HANDLED_ELSEWHERE = {
    "missing",
    "extra_forbidden",
    "invalid_key",
    "string_unicode",
    "too_short",
    "too_long",
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "literal_error",
    "string_too_short",
    "string_too_long",
    "string_pattern_mismatch",
}

#: A context with every key any error type's message needs, as pydantic would give them.
CTX: dict[str, Any] = {
    "le": 4,
    "ge": 1,
    "gt": 0,
    "lt": 5,
    "multiple_of": 2,
    "max_length": 3,
    "min_length": 1,
    "actual_length": 2,
    "expected": "'jumlah', 'kumulatif' or 'tetap'",
    "max_digits": 5,
    "decimal_places": 2,
    "whole_digits": 3,
    "tz_expected": 0,
    "tz_actual": 3600,
    "expected_schemes": "'http' or 'https'",
    "error": "English error text",
    "pattern": "^x$",
    "field_type": "List",
    "expected_tags": "'a', 'b'",
    "tag": "c",
    "discriminator": "'jenis'",
    "class_name": "Model",
    "attribute": "nama",
    "class": "Model",
    "expected_version": 4,
    "method_name": "method",
    "encoding": "utf8",
    "encoding_error": "invalid byte",
}


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nama: str


def _message(kind: str, given: object = "sembilan") -> str:
    error = ValidationError.from_exception_data(
        "Model", [{"type": kind, "loc": ("nama",), "input": given, "ctx": CTX}]
    )
    english = error.errors()[0]["msg"]
    doc = PlanFile(Path("x.yaml"), "x.yaml", "nama: sembilan\n", {"nama": given})
    (problem,) = problems_from_validation(doc, _Doc, error)
    text = message(problem)
    assert english not in text
    return text


@pytest.mark.parametrize("kind", ERROR_TYPES)
def test_every_pydantic_error_type_is_worded_in_indonesian(kind: str) -> None:
    text = _message(kind)
    assert english_in(text) == [], text
    assert kind not in text  # not even the error type's name
    assert "{" not in text  # every placeholder of the template was filled


def test_every_error_type_has_its_own_words() -> None:
    worded = set(_TYPE_WORDS) | set(_CONSTRAINT_WORDS) | HANDLED_ELSEWHERE
    assert set(ERROR_TYPES) - worded == set()
    assert worded - HANDLED_ELSEWHERE <= set(ERROR_TYPES)  # no stale entries either


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("float_parsing", "harus angka, ditemukan teks"),
        ("multiple_of", "nilai harus kelipatan 2"),
        ("decimal_max_places", "paling banyak 2 digit di belakang koma"),
        ("enum", "pilihan: jumlah, kumulatif atau tetap"),
        ("url_scheme", "alamat web harus diawali http atau https"),
        ("timezone_offset", "zona waktu harus 0 detik dari UTC, ditemukan 3600"),
    ],
)
def test_constraints_say_what_was_expected(kind: str, words: str) -> None:
    assert words in _message(kind)


def test_an_error_type_pydantic_adds_later_gets_a_general_sentence() -> None:
    error = ValidationError.from_exception_data(
        "Model", [{"type": "value_error", "loc": ("nama",), "input": 7, "ctx": CTX}]
    )
    doc = PlanFile(Path("x.yaml"), "x.yaml", "nama: 7\n", {"nama": 7})
    real = error.errors
    invented = [{**real()[0], "type": "brand_new_error", "msg": "Input should be new"}]
    error_with_new_type: Any = type("E", (), {"errors": lambda self, **_: invented})()
    (problem,) = problems_from_validation(doc, _Doc, error_with_new_type)
    assert message(problem) == "nilai tidak sah, ditemukan angka 7"
