"""A misspelt key does not hide the rest of its file: the file is read again as the SC01
finding suggests, the rules check that reading, and what they find where the guessed keys
are is left out. Anything but misspelt keys leaves the file unchecked, as before (see
renaksi.plan.validation for why). The rule cases in tests/rules/cases/SC01.yaml show the
findings this adds and the false ones it must not."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.plan.findings import Location, Problem, Severity
from renaksi.plan.folder import Plan
from renaksi.plan.load import LoadResult, load_plan
from renaksi.plan.validation import KeyRepair, key_repairs

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "base" / "2024"


class _Leaf(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nama: str
    pagu: int | None = None


class _Root(BaseModel):
    model_config = ConfigDict(extra="forbid")

    daftar: list[_Leaf]


def _repair(tree: dict[str, Any]) -> tuple[Any, list[KeyRepair]] | None:
    try:
        _Root.model_validate(tree)
    except ValidationError as exc:
        return key_repairs(tree, _Root, exc)
    raise AssertionError("the tree is valid")


def test_misspelt_keys_are_renamed_as_suggested() -> None:
    tree = {"daftar": [{"nama": "a", "pgu": 1}, {"nma": "b"}]}
    repaired = _repair(tree)
    assert repaired is not None
    fixed, repairs = repaired
    assert fixed == {"daftar": [{"nama": "a", "pagu": 1}, {"nama": "b"}]}
    assert sorted((r.mapping, r.written, r.meant) for r in repairs) == [
        (("daftar", 0), "pgu", "pagu"),
        (("daftar", 1), "nma", "nama"),
    ]
    assert tree == {"daftar": [{"nama": "a", "pgu": 1}, {"nma": "b"}]}  # not changed


@pytest.mark.parametrize(
    "tree",
    [
        {"daftar": [{"nama": "a", "catatan": 1}]},  # no key is like it: no guess
        {"daftar": [{"nama": "a", "pgu": 1, "pagu": 2}]},  # the suggestion is taken
        {"daftar": [{"nama": "a", "pgu": 1, "pagux": 2}]},  # two keys, one suggestion
        {"daftar": [{"nama": "a", "pgu": 1}, {"nama": 5}]},  # another error too
        {"daftar": [{"nma": "a", "pagu": "banyak"}]},  # another error in the same item
    ],
)
def test_anything_but_misspelt_keys_is_not_repaired(tree: dict[str, Any]) -> None:
    assert _repair(tree) is None


def _finding(path: str, *related: str, file: str = "x.yaml") -> Problem:
    return Problem(
        "BG01",
        "anggaran.jumlah-kegiatan",
        Severity.ERROR,
        Location(file, 1, 1, path),
        "m",
        related=tuple(Location(file, 1, 1, r) for r in related),
    )


def test_findings_at_a_guessed_key_below_it_or_at_its_mapping_are_hidden() -> None:
    loaded = LoadResult(
        Plan(folder=Path("2024"), display="2024"),
        repairs={"x.yaml": [KeyRepair(("program", 0), "pgu", "pagu")]},
    )
    hidden = [
        _finding("program[0].pagu"),  # the key, as guessed
        _finding("program[0].pgu"),  # the key, as written
        _finding("program[0].pagu.x"),
        _finding("program[0]"),  # the mapping as a whole
        _finding("total_pagu", "program[0].pagu"),  # a related place is enough
    ]
    shown = [
        _finding("program[0].nama"),  # a sibling is not a guess
        _finding("program[0].pagu_lain"),
        _finding("program[1].pagu"),
        _finding("program"),
        _finding("program[0].pagu", file="y.yaml"),  # another file
    ]
    assert [loaded.hides(p) for p in hidden] == [True] * len(hidden)
    assert [loaded.hides(p) for p in shown] == [False] * len(shown)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(BASE, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_file_still_has_no_model_to_print(plan: Path) -> None:
    # The repaired reading is for the rules only: a forced report does not print a PK
    # read with guessed keys.
    _edit(plan / "perjanjian-kinerja.yaml", "    nama: Program Contoh", "    nmaa: Program Contoh")
    loaded = load_plan(plan)
    assert loaded.plan.pk is None
    checked = loaded.checked_plan().pk
    assert checked is not None
    assert checked.program[0].nama == "Program Contoh"
    result = CliRunner().invoke(app, ["report", str(plan), "--force"])
    assert result.exit_code == 2
    assert "perjanjian-kinerja.yaml harus terbaca untuk dicetak" in result.stderr


def test_a_valid_plan_is_checked_as_it_is(plan: Path) -> None:
    loaded = load_plan(plan)
    assert loaded.repaired == {}
    assert loaded.checked_plan() is loaded.plan


def test_a_renamed_value_that_is_wrong_too_is_the_next_round(plan: Path) -> None:
    # pgu: banyak -> pagu: banyak is still invalid: no repaired model, only SC01 now.
    _edit(
        plan / "perjanjian-kinerja.yaml",
        "            pagu: 100_000_000",
        "            pgu: banyak",
    )
    loaded = load_plan(plan)
    assert loaded.repaired == {}
    assert [p.code for p in loaded.problems] == ["SC01"]
