"""TC01's walk for facts written ``tidak tercantum`` looks only at the fields whose type
can hold one (issue 16: most of a plan is aksi, which cannot); it finds exactly what the
walk through every field finds, in the same order. Held to that walk here on every file of
the plans in the repository and on random ones with any scalars written absent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML

from renaksi.plan.file import KeyPath
from renaksi.plan.model import BidangFile, InstansiFile, PerjanjianKinerjaFile, RealisasiFile
from renaksi.plan.values import Absent
from renaksi.rules.tercantum import _what, absent_facts

ROOT = Path(__file__).resolve().parents[2]


def every_field(item: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """The reference: every field of every model below ``item``, whatever its type."""
    key = path[-1] if path else ""
    holder_key = str(key + 1) if isinstance(key, int) else key
    for name in type(item).model_fields:
        value = getattr(item, name)
        if isinstance(value, Absent):
            yield (*path, name), _what(item, holder_key, name)
        elif isinstance(value, BaseModel):
            yield from every_field(value, (*path, name))
        elif isinstance(value, list):
            for i, part in enumerate(value):
                if isinstance(part, BaseModel):
                    yield from every_field(part, (*path, name, i))


def _kind(path: Path) -> type[BaseModel]:
    if path.parent.name == "bidang":
        return BidangFile
    named: dict[str, type[BaseModel]] = {
        "instansi.yaml": InstansiFile,
        "perjanjian-kinerja.yaml": PerjanjianKinerjaFile,
    }
    return named.get(path.name, RealisasiFile)


FILES = sorted(
    p
    for pattern in (
        "plans/*/*.yaml",
        "plans/*/bidang/*.yaml",
        "examples/*/*.yaml",
        "examples/*/bidang/*.yaml",
        "examples/*/realisasi/*.yaml",
        "tests/fixtures/*/*/*.yaml",
        "tests/fixtures/*/*/bidang/*.yaml",
        "tests/fixtures/*/*/realisasi/*.yaml",
        "tests/rules/base/*/*.yaml",
        "tests/rules/base/*/bidang/*.yaml",
        "tests/rules/base/realisasi/*.yaml",
    )
    for p in ROOT.glob(pattern)
    if p.name not in ("perubahan.yaml",)
)
#: A line that gives a key a one-line scalar: where ``tidak tercantum`` can be written.
_SCALAR_LINE = re.compile(r"^(\s*(?:- )?[a-z_]+: )(?![|>&*!\[{]).+$", re.MULTILINE)


def _model(text: str, kind: type[BaseModel]) -> BaseModel | None:
    try:
        return kind.model_validate(YAML(typ="safe").load(text))
    except (ValidationError, ValueError):
        return None


def _same(model: BaseModel) -> list[tuple[KeyPath, str]]:
    found = list(absent_facts(model))
    assert found == list(every_field(model))
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_walk_finds_what_every_field_holds(path: Path) -> None:
    model = _model(path.read_text(encoding="utf-8"), _kind(path))
    assert model is not None
    _same(model)


@settings(max_examples=250, deadline=None)
@given(data=st.data(), path=st.sampled_from(FILES))
def test_the_walk_finds_any_fact_written_absent(data: st.DataObject, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = list(_SCALAR_LINE.finditer(text))
    if not lines:
        return
    chosen = data.draw(st.sets(st.sampled_from(range(len(lines))), min_size=1, max_size=8))
    out, last = [], 0
    for i in sorted(chosen):
        m = lines[i]
        out += [text[last : m.start()], m.group(1), "tidak tercantum"]
        last = m.end()
    model = _model("".join([*out, text[last:]]), _kind(path))
    if model is not None:
        _same(model)


def test_the_random_plans_do_write_facts_absent() -> None:
    # Guards the property above against testing nothing: an absent pagu, date and NIP of
    # the base plan, written so, are found.
    path = ROOT / "tests" / "rules" / "base" / "2024" / "perjanjian-kinerja.yaml"
    text = re.sub(r"(?m)^(\s*pagu: ).+$", r"\1tidak tercantum", path.read_text(encoding="utf-8"))
    model = _model(text, PerjanjianKinerjaFile)
    assert model is not None
    assert len(_same(model)) >= 2
