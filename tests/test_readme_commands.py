"""The README's monitoring examples work as written, in a fresh copy of the repository's
plans and examples; a quarter without realisasi points at the labelled example."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renaksi.cli import app

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Pemantauan triwulan"


def readme_commands(section: str = SECTION) -> list[str]:
    """The ``renaksi`` command lines of the README section's shell blocks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(section, 1)[1].split("\n## ", 1)[0]
    lines = [
        line.split("#", 1)[0].strip()
        for block in re.findall(r"```sh\n(.*?)```", body, re.DOTALL)
        for line in block.splitlines()
    ]
    return [line for line in lines if line.startswith("renaksi ")]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's plans and examples, as the current folder."""
    for name in ("plans", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_monitoring_section_has_commands() -> None:
    commands = readme_commands()
    assert len(commands) >= 3
    assert commands[0].startswith("renaksi report ")  # the first one a reader tries


@pytest.mark.parametrize("command", readme_commands())
def test_readme_monitoring_command_works_as_written(checkout: Path, command: str) -> None:
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    if "-o" in args:
        written = checkout / args[args.index("-o") + 1]
        assert "Triwulan" in written.read_text(encoding="utf-8")
    else:
        assert "Triwulan" in result.stdout


def test_missing_realisasi_points_at_the_example(checkout: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--triwulan", "2"])
    assert result.exit_code == 2
    assert result.stderr == (
        "renaksi: realisasi Triwulan II belum ada: tambahkan plans/2024/realisasi/tw2.yaml; "
        "untuk mencoba dengan contoh berlabel: --realisasi examples/realisasi-2024\n"
    )
    # ... and the pointer, followed, prints the report.
    again = CliRunner().invoke(app, ["report", "--triwulan", "2", *_hinted(result.stderr)])
    assert again.exit_code == 0, again.stderr


def _hinted(message: str) -> list[str]:
    return shlex.split(message.rsplit(": ", 1)[1])


def test_the_pointer_is_typed_from_where_the_user_is(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(checkout / "plans")
    result = CliRunner().invoke(app, ["report", "2024", "-t", "1"])
    assert result.stderr.endswith("--realisasi ../examples/realisasi-2024\n")
    followed = CliRunner().invoke(app, ["report", "2024", "-t", "1", *_hinted(result.stderr)])
    assert followed.exit_code == 0, followed.stderr


def test_no_pointer_without_an_example_for_that_quarter(checkout: Path) -> None:
    # The example has tw1-tw3: for Triwulan IV there is nothing to point at.
    result = CliRunner().invoke(app, ["report", "--triwulan", "4"])
    assert result.exit_code == 2
    assert "contoh" not in result.stderr
    shutil.rmtree(checkout / "examples")
    result = CliRunner().invoke(app, ["report", "--triwulan", "2"])
    assert result.stderr.endswith("tambahkan plans/2024/realisasi/tw2.yaml\n")


def test_no_pointer_when_realisasi_was_given(checkout: Path, tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    result = CliRunner().invoke(app, ["report", "-t", "2", "--realisasi", str(tmp_path / "kosong")])
    assert result.exit_code == 2
    assert "contoh" not in result.stderr
