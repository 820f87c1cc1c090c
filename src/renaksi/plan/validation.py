"""pydantic's validation errors as located schema findings (``SC``) with Indonesian messages.

The models (:mod:`renaksi.plan.model`) define the shape of each plan file; this module says,
for each error pydantic reports, where it is in the YAML, which rule it falls under and what
was expected. The rules' documentation is in :mod:`renaksi.rules.skema`.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from renaksi.plan.file import Key, PlanFile, path_text, path_to_key
from renaksi.plan.findings import Location, Problem, RuleId
from renaksi.plan.load_findings import (
    BAD_VALUE,
    DATE,
    LIST_LENGTH,
    MISSING_KEY,
    MONEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from renaksi.text.hints import Hints

_TYPE_WORDS = {
    "string_type": "teks",
    "int_type": "bilangan bulat",
    "int_parsing": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "bool_type": "true atau false",
    "bool_parsing": "true atau false",
    "list_type": "daftar (baris berawalan '-')",
    "model_type": "pemetaan (kunci: nilai)",
    "model_attributes_type": "pemetaan (kunci: nilai)",
    "dict_type": "pemetaan (kunci: nilai)",
    "decimal_type": "angka",
    "decimal_parsing": "angka",
    "date_type": "tanggal",
    "none_required": "kosong",
}


def describe(value: object) -> str:
    """Say in Indonesian what kind of value was found, with a short excerpt."""
    if value is None:
        return "nilai kosong"
    if isinstance(value, bool):
        return f"{str(value).lower()} (benar/salah)"
    if isinstance(value, int):
        return f"angka {int(value)}"
    if isinstance(value, float):
        return f"pecahan {float(value)!r}"
    if isinstance(value, Decimal):
        return f"angka {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f'teks "{short}"'
    if isinstance(value, dt.date):
        return f"tanggal {value.isoformat()}"
    if isinstance(value, (list, tuple)):
        return "daftar"
    if isinstance(value, Mapping):
        return "pemetaan"
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional/list wrappers down to a model class, where there is one."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


def known_keys(model: type[BaseModel], keys: Sequence[Key]) -> list[str]:
    """The field names valid in the mapping at ``keys`` (the parent of an unknown key)."""
    current: Any = model
    for key in keys:
        if isinstance(key, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(key)
        if field is None:
            return []
        current = _unwrap(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as Indonesian "a, b atau c"."""
    options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",") if o.strip(" '")]
    if len(options) < 2:
        return ", ".join(options)
    return ", ".join(options[:-1]) + " atau " + options[-1]


def _data_keys(loc: Sequence[Any]) -> tuple[Any, ...]:
    # Keys can be anything YAML allows (numbers, lists); only pydantic's validator tags go.
    return tuple(k for k in loc if not _is_tag(k))


def _is_tag(key: object) -> bool:
    # pydantic inserts validator names such as "function-before[...]" into some locs.
    return isinstance(key, str) and ("[" in key or key.startswith("function-"))


def problems_from_validation(
    doc: PlanFile, model: type[BaseModel], error: ValidationError, hints: Hints | None = None
) -> Iterator[Problem]:
    """Turn a pydantic ValidationError on ``doc`` into located, coded problems.

    A misspelt key is one mistake, not two: when an unknown key's nearest known key is
    the very key reported missing in the same mapping, only the unknown key is reported.
    The nearest keys are looked up with ``hints`` (shared by the files of a plan, so their
    work is bounded together), once each: the same answer decides both.
    """
    errors = error.errors(include_url=False)
    hints = hints if hints is not None else Hints()
    nearest = {
        keys: _nearest_key(model, keys, hints)
        for err in errors
        if err["type"] == "extra_forbidden" and (keys := _data_keys(err["loc"]))
    }
    misspelt = {(*keys[:-1], near) for keys, near in nearest.items() if near}
    for err in errors:
        keys = _data_keys(err["loc"])
        kind = err["type"]
        found = err.get("input")
        if kind == "missing" and keys in misspelt:
            continue
        if not keys and kind == "string_unicode":
            # A key pydantic could not even read as text comes with no location at all.
            keys = path_to_key(doc.root, found) or ()
        rule, message, args, at_key = _classify(model, keys, kind, err, found, nearest.get(keys))
        line, column = doc.position(keys, at_key=at_key)
        yield rule.make(Location(doc.display, line, column, path_text(keys)), message, args)


def _nearest_key(model: type[BaseModel], keys: Sequence[Any], hints: Hints) -> str | None:
    """The known key nearest to the unknown last key of ``keys``, if one is near."""
    if not keys:
        return None
    return hints.closest(str(keys[-1]), known_keys(model, keys[:-1]), cutoff=0.6)


#: What _classify returns: the rule, the message template, its arguments, and whether the
#: finding points at the key rather than at its value.
_Classified = tuple[RuleId, str, dict[str, object], bool]

_BOUND_WORDS = {
    "greater_than_equal": ">=",
    "less_than_equal": "<=",
    "greater_than": ">",
    "less_than": "<",
}


def _classify(
    model: type[BaseModel],
    keys: tuple[Key, ...],
    kind: str,
    err: Any,
    found: object,
    near: str | None = None,
) -> _Classified:
    ctx = err.get("ctx") or {}
    if kind in ("extra_forbidden", "string_unicode", "invalid_key", "missing"):
        return _key_problem(model, keys, kind, found, near)
    if kind.startswith("renaksi_"):
        return _renaksi_problem(kind, err, ctx)
    if kind in ("too_short", "too_long"):
        return _list_length(keys, kind, ctx)
    if kind in _BOUND_WORDS:
        return (
            BAD_VALUE,
            "nilai harus {op} {bound}, ditemukan {found}",
            {
                "op": _BOUND_WORDS[kind],
                "bound": ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt", "?")))),
                "found": describe(found),
            },
            False,
        )
    return _text_problem(kind, ctx, found) or _wrong_type(kind, found)


def _key_problem(
    model: type[BaseModel],
    keys: tuple[Key, ...],
    kind: str,
    found: object,
    near: str | None = None,
) -> _Classified:
    """A key that is unknown (``near``: the known key it is most like, if any), missing or
    unreadable (``string_unicode`` may also be a value's text: then the finding points at
    the value)."""
    if kind == "extra_forbidden":
        key = str(keys[-1]) if keys else "?"
        known = known_keys(model, keys[:-1])
        if near:
            return (
                UNKNOWN_KEY,
                "kunci {key} tidak dikenal di sini; maksudnya {near}?",
                {
                    "key": key,
                    "near": near,
                },
                True,
            )
        return (
            UNKNOWN_KEY,
            "kunci {key} tidak dikenal di sini; kunci yang dikenal: {known}",
            {
                "key": key,
                "known": ", ".join(known),
            },
            True,
        )
    if kind == "string_unicode":
        return (
            WRONG_TYPE,
            (
                "teks berisi karakter yang tidak sah (escape \\ud800-\\udfff tanpa pasangan); "
                "tulis karakternya langsung"
            ),
            {},
            bool(keys) and found == keys[-1],
        )
    if kind == "invalid_key":
        return (
            WRONG_TYPE,
            "kunci harus berupa teks, ditemukan {found}",
            {"found": describe(found)},
            True,
        )
    return MISSING_KEY, "kunci wajib {key} tidak ada", {"key": str(keys[-1])}, False


def _renaksi_problem(kind: str, err: Any, ctx: Any) -> _Classified:
    """An error raised by renaksi's own value parsers, with its Indonesian template."""
    sub = kind.removeprefix("renaksi_")
    rule = {"money": MONEY, "date": DATE, "value": BAD_VALUE}.get(sub, WRONG_TYPE)
    raw_args = ctx.get("args", {})
    args = {k: (describe(v) if k == "found" else v) for k, v in raw_args.items()}
    return rule, str(ctx.get("template", err["msg"])), args, False


def _list_length(keys: tuple[Key, ...], kind: str, ctx: Any) -> _Classified:
    field = str(keys[-1]) if keys else "daftar"
    if field == "triwulan":
        return (
            LIST_LENGTH,
            "target triwulan harus tepat 4 nilai (I-IV), ditemukan {n}",
            {"n": ctx.get("actual_length", "?")},
            False,
        )
    if kind == "too_short":
        return (
            LIST_LENGTH,
            "daftar {field} harus berisi paling sedikit {n} butir",
            {
                "field": field,
                "n": ctx.get("min_length", 1),
            },
            False,
        )
    return (
        LIST_LENGTH,
        "daftar {field} paling banyak {n} butir",
        {
            "field": field,
            "n": ctx.get("max_length", "?"),
        },
        False,
    )


def _text_problem(kind: str, ctx: Any, found: object) -> _Classified | None:
    """Text that is empty, too long, not a valid identifier or not among the choices;
    None for a kind that is not one of these (a wrong type, mostly)."""
    if kind == "string_type" and (found is None or found == ""):
        return BAD_VALUE, "teks tidak boleh kosong", {}, False
    if kind == "string_type" and isinstance(found, (int, float)) and not isinstance(found, bool):
        message = 'harus teks, ditemukan {found}; beri tanda kutip: "{raw}"'
        return WRONG_TYPE, message, {"found": describe(found), "raw": found}, False
    if kind == "literal_error":
        return (
            BAD_VALUE,
            "nilai {found} tidak dikenal; pilihan: {expected}",
            {
                "found": describe(found),
                "expected": _choices(str(ctx.get("expected", ""))),
            },
            False,
        )
    if kind == "string_too_short":
        return BAD_VALUE, "teks tidak boleh kosong", {}, False
    if kind == "string_pattern_mismatch":
        return (
            BAD_VALUE,
            (
                "{found} bukan pengenal yang sah; pakai huruf, angka dan tanda hubung "
                "(mis. politik-monev)"
            ),
            {"found": describe(found)},
            False,
        )
    if kind == "string_too_long":
        return (
            BAD_VALUE,
            "teks terlalu panjang (paling banyak {n} karakter)",
            {"n": ctx.get("max_length", "?")},
            False,
        )
    return None


def _wrong_type(kind: str, found: object) -> _Classified:
    expected = _TYPE_WORDS.get(kind)
    if expected is not None:
        return (
            WRONG_TYPE,
            "harus {expected}, ditemukan {found}",
            {
                "expected": expected,
                "found": describe(found),
            },
            False,
        )
    return (
        WRONG_TYPE,
        "nilai tidak sah ({detail}), ditemukan {found}",
        {
            "detail": kind,
            "found": describe(found),
        },
        False,
    )
