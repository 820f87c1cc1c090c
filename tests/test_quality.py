"""The linters and the generated docs are part of the test suite, so CI enforces them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renaksi.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:  # pragma: no cover - the test extras install both
        pytest.fail(f"{name} is not installed; install the test extras: pip install -e '.[test]'")
    return found


def test_ruff_is_clean() -> None:
    run = subprocess.run(
        [_tool("ruff"), "check", "src", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_is_clean() -> None:
    run = subprocess.run(
        [_tool("ruff"), "format", "--check", "src", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_strict_is_clean() -> None:
    run = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_rules_doc_is_generated_from_the_registry() -> None:
    result = CliRunner().invoke(app, ["rules", "--markdown"])
    assert result.exit_code == 0
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    stale = "docs/rules.md is stale: run renaksi rules --markdown > docs/rules.md"
    assert on_disk == result.output, stale
