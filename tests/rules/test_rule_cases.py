"""Every rule has a passing and a failing case file; each case yields exactly its findings."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from renaksi.rules.check import validate
from renaksi.rules.registry import ALL_RULES

HERE = Path(__file__).parent
BASE = HERE / "base" / "2024"
#: Realisasi files of the base plan (Triwulan I and II), copied in by ``realisasi: true``.
BASE_REALISASI = HERE / "base" / "realisasi"
CASES = HERE / "cases"


def _load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: a case file is a mapping"
    return data


def build(tmp: Path, case: dict[str, Any], *, realisasi: bool = False) -> Path:
    """Copy the base plan into ``tmp/2024`` (with its realisasi files if asked) and apply
    a case's files and edits."""
    folder = tmp / "2024"
    shutil.copytree(BASE, folder)
    if realisasi:
        shutil.copytree(BASE_REALISASI, folder / "realisasi")
    for name, content in (case.get("files") or {}).items():
        target = folder / name
        if content is None:
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        elif "base64" in content:
            target.write_bytes(base64.b64decode(content["base64"]))
        else:
            target.write_bytes(content["text"].encode(content["encoding"]))
    for name, pairs in (case.get("edit") or {}).items():
        target = folder / name
        text = target.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, f"edit {old!r} must occur exactly once in {name}"
            text = text.replace(old, new)
        target.write_text(text, encoding="utf-8")
    return folder


def findings(folder: Path) -> list[str]:
    """The run's findings as sorted ``CODE file:line:column`` strings."""
    result = validate([folder])
    out = []
    for p in result.problems:
        rel = Path(p.location.file).resolve().relative_to(folder.resolve()).as_posix()
        where = f"{rel}:{p.location.line}:{p.location.column}" if p.location.line else rel
        out.append(f"{p.code} {where}")
    return sorted(out)


CASE_FILES = sorted(CASES.glob("*.yaml"))


def test_base_plan_is_clean(tmp_path: Path) -> None:
    assert findings(build(tmp_path, {})) == []


def test_base_plan_with_realisasi_is_clean(tmp_path: Path) -> None:
    assert findings(build(tmp_path, {}, realisasi=True)) == []


def test_every_rule_has_a_case_file() -> None:
    codes = {r.code for r in ALL_RULES}
    present = {p.stem for p in CASE_FILES}
    assert sorted(codes - present) == [], "rules without a case file"
    assert sorted(present - codes) == [], "case files for rules that do not exist"


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_failing_case(path: Path, tmp_path: Path) -> None:
    case = _load(path)
    fail = case["fail"]
    expected = sorted(fail["expect"])
    assert expected, "a failing case expects at least one finding"
    assert any(e.split()[0] == path.stem for e in expected), "the case must trigger its rule"
    assert findings(build(tmp_path, fail, realisasi=bool(case.get("realisasi")))) == expected


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_passing_case(path: Path, tmp_path: Path) -> None:
    case = _load(path)
    passing = case.get("pass")
    if passing is None:
        pytest.skip("no passing variant beyond the base plan (file-existence rule)")
    built = build(tmp_path, passing, realisasi=bool(case.get("realisasi")))
    assert findings(built) == sorted(passing.get("expect") or [])
