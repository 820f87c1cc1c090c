"""docs/diff-json.md documents the diff's JSON format: every kind, every key it prints."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from renaksi.cli import main
from renaksi.diff.changes import ChangeKind

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "diff-json.md").read_text(encoding="utf-8")


def _example() -> dict[str, object]:
    block = re.search(r"```json\n(.*?)```", DOC, re.S)
    assert block, "docs/diff-json.md has no JSON example"
    return json.loads(block.group(1))  # type: ignore[no-any-return]


def _kinds_documented() -> set[str]:
    section = DOC.split("## Jenis perubahan", 1)[1]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))


def test_every_change_kind_is_documented() -> None:
    assert {k.value for k in ChangeKind} - _kinds_documented() == set()


def test_no_documented_kind_is_unknown() -> None:
    assert _kinds_documented() - {k.value for k in ChangeKind} == set()


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    head = tmp_path_factory.mktemp("ubah") / "2024"
    shutil.copytree(ROOT / "plans" / "2024", head)
    pk = head / "perjanjian-kinerja.yaml"
    pk.write_text(
        pk.read_text(encoding="utf-8").replace("pagu: 125_000_000", "pagu: 100_000_000", 1),
        encoding="utf-8",
    )
    out = ROOT / "plans" / "2024"
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(["diff", "--base-dir", str(out), "--head-dir", str(head), "--format", "json"])
    return json.loads(buffer.getvalue())  # type: ignore[no-any-return]


def test_example_has_the_keys_the_real_output_has(real: dict[str, object]) -> None:
    example = _example()
    assert example.keys() == real.keys()
    for part in ("summary", "totals", "findings"):
        assert example[part].keys() == real[part].keys()  # type: ignore[attr-defined]
    change = example["changes"][0]  # type: ignore[index]
    assert change.keys() == real["changes"][0].keys()  # type: ignore[index]


def test_every_printed_key_is_in_the_field_table(real: dict[str, object]) -> None:
    for key in real:
        assert f"`{key}" in DOC
    for part in ("summary",):
        for key in real[part]:  # type: ignore[attr-defined]
            assert f"`{part}.{key}`" in DOC
