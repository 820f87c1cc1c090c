"""pydantic's validation errors as located schema findings (``SC``) with Indonesian messages,
and the misspelt keys a second reading can read as meant.

The models (:mod:`renaksi.plan.model`) define the shape of each plan file; this module says,
for each error pydantic reports, where it is in the YAML, which rule it falls under and what
was expected. The rules' documentation is in :mod:`renaksi.rules.skema`.

A file with a schema error has no model, so no other rule looks at it: a misspelt key would
hide every other finding in the file (and the cross-file checks that need it) until it was
fixed, and errors would surface in rounds. :func:`key_repairs` therefore looks at a failed
file once more: when *every* error is a misspelt key whose suggested spelling is free in its
mapping (SC01 says "maksudnya pagu?"), the keys are renamed as suggested and the file is
validated again. The loader lets the rules check that model (the file as the SC01 findings
tell the user to fix it); the file itself still has no model, so nothing is printed from it.

Why only that: a key renamed as suggested changes nothing but its spelling. Dropping an
unknown key, or a value pydantic refused, or a whole list item, would let a default or a
shorter list stand in for what the user wrote, and the rules would report what follows from
the stand-in: a kegiatan whose sub kegiatan were dropped no longer adds up (BG01), a bidang
refers to a sub kegiatan that was dropped (RF), a misspelt ``ambang_penjelasan`` in
``pemantauan`` falls back to 100 and asks for explanations of every capaian under it. Those
would be false findings, far from the real mistake. So any other schema error leaves the
file without a model, as before.

The suggestion can still be wrong (``pagu_awal:`` is not a restated ``pagu:``), so the rule
findings that point at a renamed key, below it, or at the mapping that holds it (a finding
about the mapping as a whole) are not reported: the places a :class:`KeyRepair` names.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
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
    NUMBER,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from renaksi.plan.values import Absent
from renaksi.text.hints import Hints

#: What a value should have been, for each pydantic error type that means "wrong kind of
#: value" ("harus {expected}, ditemukan ..."). With _CONSTRAINT_WORDS and the kinds
#: _classify handles itself, this covers every error type pydantic_core defines (a test
#: checks it), so pydantic's English message is never shown; an error type added by a
#: later pydantic gets the general sentence at the end of _wrong_type.
_TYPE_WORDS = {
    "string_type": "teks",
    "bytes_type": "teks",
    "int_type": "bilangan bulat",
    "int_parsing": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "float_type": "angka",
    "float_parsing": "angka",
    "decimal_type": "angka",
    "decimal_parsing": "angka",
    "fraction_type": "angka pecahan",
    "fraction_parsing": "angka pecahan",
    "complex_type": "bilangan kompleks",
    "complex_str_parsing": "bilangan kompleks",
    "bool_type": "true atau false",
    "bool_parsing": "true atau false",
    "list_type": "daftar (baris berawalan '-')",
    "tuple_type": "daftar (baris berawalan '-')",
    "set_type": "daftar (baris berawalan '-')",
    "frozen_set_type": "daftar (baris berawalan '-')",
    "deque_type": "daftar (baris berawalan '-')",
    "iterable_type": "daftar (baris berawalan '-')",
    "named_tuple_type": "daftar (baris berawalan '-')",
    "arguments_type": "daftar atau pemetaan",
    "model_type": "pemetaan (kunci: nilai)",
    "model_attributes_type": "pemetaan (kunci: nilai)",
    "dataclass_type": "pemetaan (kunci: nilai)",
    "dataclass_exact_type": "pemetaan (kunci: nilai)",
    "dict_type": "pemetaan (kunci: nilai)",
    "frozen_dict_type": "pemetaan (kunci: nilai)",
    "ordered_dict_type": "pemetaan (kunci: nilai)",
    "counter_type": "pemetaan (kunci: nilai)",
    "mapping_type": "pemetaan (kunci: nilai)",
    "date_type": "tanggal",
    "date_parsing": "tanggal",
    "date_from_datetime_parsing": "tanggal",
    "date_from_datetime_inexact": "tanggal tanpa jam",
    "time_type": "jam",
    "time_parsing": "jam",
    "datetime_type": "tanggal dan jam",
    "datetime_parsing": "tanggal dan jam",
    "datetime_object_invalid": "tanggal dan jam",
    "datetime_from_date_parsing": "tanggal dan jam",
    "time_delta_type": "lama waktu",
    "time_delta_parsing": "lama waktu",
    "url_type": "alamat web (URL)",
    "url_parsing": "alamat web (URL)",
    "url_syntax_violation": "alamat web (URL)",
    "uuid_type": "UUID",
    "uuid_parsing": "UUID",
    "json_type": "teks JSON",
    "json_invalid": "teks JSON",
    "callable_type": "nilai lain",
    "is_instance_of": "nilai lain",
    "is_subclass_of": "nilai lain",
    "none_required": "kosong",
}

#: The other error types: a constraint the value breaks, as a message template whose
#: arguments come from pydantic's ``ctx`` (``{found}`` is the value found).
_CONSTRAINT_WORDS = {
    "multiple_of": "nilai harus kelipatan {multiple_of}, ditemukan {found}",
    "finite_number": "angka harus terhingga (bukan .inf atau .nan), ditemukan {found}",
    "int_parsing_size": "angka terlalu besar, ditemukan {found}",
    "decimal_max_digits": "angka paling banyak {max_digits} digit, ditemukan {found}",
    "decimal_max_places": (
        "angka paling banyak {decimal_places} digit di belakang koma, ditemukan {found}"
    ),
    "decimal_whole_digits": (
        "angka paling banyak {whole_digits} digit sebelum koma, ditemukan {found}"
    ),
    "string_not_ascii": "teks hanya boleh berisi karakter ASCII, ditemukan {found}",
    "bytes_too_short": "teks terlalu pendek (paling sedikit {min_length} byte)",
    "bytes_too_long": "teks terlalu panjang (paling banyak {max_length} byte)",
    "bytes_invalid_encoding": "teks tidak dapat dibaca ({encoding})",
    "enum": "nilai {found} tidak dikenal; pilihan: {expected}",
    "set_item_not_hashable": "butir daftar ini tidak boleh berupa daftar atau pemetaan",
    "date_past": "tanggal harus sebelum hari ini, ditemukan {found}",
    "date_future": "tanggal harus setelah hari ini, ditemukan {found}",
    "datetime_past": "waktu harus sebelum saat ini, ditemukan {found}",
    "datetime_future": "waktu harus setelah saat ini, ditemukan {found}",
    "timezone_naive": "waktu harus ditulis tanpa zona waktu, ditemukan {found}",
    "timezone_aware": "waktu harus ditulis dengan zona waktu, ditemukan {found}",
    "timezone_offset": "zona waktu harus {tz_expected} detik dari UTC, ditemukan {tz_actual}",
    "url_too_long": "alamat web paling panjang {max_length} karakter",
    "url_scheme": "alamat web harus diawali {expected_schemes}, ditemukan {found}",
    "uuid_version": "UUID harus versi {expected_version}, ditemukan {found}",
    "union_tag_invalid": "jenis {tag} tidak dikenal; pilihan: {expected_tags}",
    "union_tag_not_found": "kunci {discriminator} wajib ada untuk menentukan jenisnya",
    "recursion_loop": "data merujuk dirinya sendiri",
    "recursion_depth_exceeded": "data bersarang terlalu dalam",
    "frozen_field": "nilai ini tidak boleh diubah",
    "frozen_instance": "nilai ini tidak boleh diubah",
    "iteration_error": "daftar tidak dapat dibaca sampai habis",
    "no_such_attribute": "kunci {attribute} tidak dikenal",
    "get_attribute_error": "nilai tidak dapat dibaca",
    "needs_python_object": "nilai tidak dapat dibaca dari teks",
    "default_factory_not_called": "nilai bawaan tidak dapat dibuat",
    "missing_argument": "nilai wajib tidak ada",
    "missing_keyword_only_argument": "nilai wajib tidak ada",
    "missing_positional_only_argument": "nilai wajib tidak ada",
    "unexpected_keyword_argument": "nilai tidak diharapkan di sini",
    "unexpected_positional_argument": "nilai tidak diharapkan di sini",
    "multiple_argument_values": "nilai ditulis lebih dari sekali",
    "value_error": "nilai tidak sah, ditemukan {found}",
    "assertion_error": "nilai tidak sah, ditemukan {found}",
    "missing_sentinel_error": "nilai tidak sah, ditemukan {found}",
    "ellipsis_error": "nilai tidak sah, ditemukan {found}",
}

#: ctx values that are lists of choices in pydantic's English ("'a', 'b' or 'c'").
_CHOICE_ARGS = ("expected", "expected_schemes", "expected_tags")


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
    return "nilai lain"


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional/list wrappers down to a model class, where there is one."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            # Neither "no value" nor "tidak tercantum" has keys of its own.
            options = [a for a in typing.get_args(annotation) if a not in (type(None), Absent)]
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
    doc: PlanFile,
    model: type[BaseModel],
    error: ValidationError,
    nearest: Mapping[tuple[Key, ...], str | None] | None = None,
) -> Iterator[Problem]:
    """Turn a pydantic ValidationError on ``doc`` into located, coded problems.

    A misspelt key is one mistake, not two: when an unknown key's nearest known key is
    the very key reported missing in the same mapping, only the unknown key is reported.
    ``nearest`` is :func:`nearest_keys` of ``error`` (looked up here when not given).
    """
    errors = error.errors(include_url=False)
    if nearest is None:
        nearest = nearest_keys(model, error)
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


def nearest_keys(
    model: type[BaseModel], error: ValidationError, hints: Hints | None = None
) -> dict[tuple[Key, ...], str | None]:
    """The known key nearest to each unknown key of ``error`` (None: none is near), by the
    unknown key's path. Looked up once per file with ``hints`` (shared by the files of a
    plan, so their work is bounded together): the same answers decide the SC01 wording,
    which missing keys are the misspelt ones, and the keys :func:`key_repairs` renames.
    """
    hints = hints if hints is not None else Hints()
    return {
        keys: _nearest_key(model, keys, hints)
        for err in error.errors(include_url=False)
        if err["type"] == "extra_forbidden" and (keys := _data_keys(err["loc"]))
    }


@dataclass(frozen=True, slots=True)
class KeyRepair:
    """A misspelt key read as suggested: the mapping it is in, and its two spellings."""

    mapping: tuple[Key, ...]
    written: Key
    meant: str

    def places(self) -> tuple[str, tuple[str, ...]]:
        """The YAML path of the mapping, and those of the key in both spellings: the places
        whose rule findings are not reported (see the module docstring)."""
        return path_text(self.mapping), (
            path_text((*self.mapping, self.written)),
            path_text((*self.mapping, self.meant)),
        )


class _NotRepairableError(Exception):
    """The tree does not have the shape the error's location describes."""


def key_repairs(
    root: Any,
    model: type[BaseModel],
    error: ValidationError,
    nearest: Mapping[tuple[Key, ...], str | None] | None = None,
) -> tuple[Any, list[KeyRepair]] | None:
    """``root`` with its misspelt keys renamed as suggested, when every error of ``error`` is
    such a key (or the key it stands for, reported missing); otherwise None. ``nearest`` is
    :func:`nearest_keys` of ``error`` (looked up here when not given)."""
    errors = error.errors(include_url=False)
    if nearest is None:
        nearest = nearest_keys(model, error)
    repairs: dict[tuple[tuple[Key, ...], str], KeyRepair] = {}
    for err in errors:
        keys = _data_keys(err["loc"])
        if err["type"] != "extra_forbidden" or not keys:
            continue
        near = nearest.get(keys)
        if near is None or (tuple(keys[:-1]), near) in repairs:
            return None  # no suggestion, or two keys suggesting the same one: not a typo
        repairs[tuple(keys[:-1]), near] = KeyRepair(tuple(keys[:-1]), keys[-1], near)
    misspelt = {(*mapping, near) for mapping, near in repairs}
    if not repairs or any(
        err["type"] != "extra_forbidden"
        and not (err["type"] == "missing" and _data_keys(err["loc"]) in misspelt)
        for err in errors
    ):
        return None
    tree = root
    try:
        for repair in repairs.values():
            tree = _renamed(tree, repair.mapping, repair.written, repair.meant)
    except _NotRepairableError:
        return None
    return tree, list(repairs.values())


def _renamed(node: Any, path: Sequence[Key], written: Key, meant: str) -> Any:
    """A copy of ``node`` in which the key ``written`` of the mapping at ``path`` is
    ``meant``; only the containers on the way are copied, the rest is shared."""
    if path:
        key, rest = path[0], path[1:]
        if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            items = list(node)
            items[key] = _renamed(node[key], rest, written, meant)
            return items
        real = _key_in(node, key)
        return {k: (_renamed(v, rest, written, meant) if k is real else v) for k, v in node.items()}
    real = _key_in(node, written)
    if any(str(k) == meant for k in node):
        raise _NotRepairableError(meant)
    return {(meant if k is real else k): v for k, v in node.items()}


def _key_in(node: Any, key: Key) -> Any:
    """The key of mapping ``node`` that pydantic's location ``key`` names (by its text)."""
    if not isinstance(node, Mapping):
        raise _NotRepairableError(key)
    found = [k for k in node if k == key or str(k) == str(key)]
    if len(found) != 1:
        raise _NotRepairableError(key)
    return found[0]


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
    return _text_problem(kind, ctx, found) or _wrong_type(kind, ctx, found)


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
    rule = {
        "money": MONEY,
        "number": NUMBER,
        "date": DATE,
        "value": BAD_VALUE,
        "missing": MISSING_KEY,
    }.get(sub, WRONG_TYPE)
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


def _wrong_type(kind: str, ctx: Any, found: object) -> _Classified:
    """A value of the wrong kind, or one that breaks another constraint; never pydantic's
    English (not even its error type's name)."""
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
    template = _CONSTRAINT_WORDS.get(kind)
    if template is not None:
        # (value_error's ctx holds the exception, in English: no template names it.)
        args = {
            k: _choices(str(v)) if k in _CHOICE_ARGS else v
            for k, v in ctx.items()
            if not isinstance(v, BaseException)
        }
        return BAD_VALUE, template, {**args, "found": describe(found)}, False
    return BAD_VALUE, "nilai tidak sah, ditemukan {found}", {"found": describe(found)}, False
