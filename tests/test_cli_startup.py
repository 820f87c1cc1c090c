"""``renaksi <command> ...`` runs on an app holding only that command (``cli._app_for``),
so typer builds one command's parameters, not every command's; everything it prints and
every exit code is what the whole app gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from renaksi.cli import _app_for, _command_name, app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_command_names_are_typers() -> None:
    assert sorted(_command_name(info) for info in app.registered_commands) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_a_known_command_gets_an_app_of_its_own(command: str) -> None:
    lean = _app_for([command, "--help"])
    assert lean is not app
    assert list(typer.main.get_command(lean).commands) == [command]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "argv", [[], ["--help"], ["-h"], ["--version"], ["valdiate"], ["--nope", "validate"]]
)
def test_anything_else_gets_the_whole_app(argv: list[str]) -> None:
    assert _app_for(argv) is app


#: Per command, what is compared: help, an unknown option, a stray value, and runs.
ARGVS = [
    *([command, *rest] for command in COMMANDS for rest in (["--help"], ["-h"], ["--nope"])),
    *([command, "--version"] for command in COMMANDS),
    ["validate", str(PLAN)],
    ["validate", str(PLAN), "--format", "xml"],
    ["validate", str(PLAN), "-f", "json", "--select", "BG"],
    ["validate", str(PLAN), "--max-bytes", "x"],
    ["validate", str(PLAN), "--max-bytes", "0"],
    ["validate", str(PLAN), "--realisasi"],
    ["validate", str(PLAN), "--strict=1"],
    ["validate", str(PLAN), "--select", "XX99"],
    ["validate", str(PLAN / "tidak-ada")],
    ["report", str(PLAN), "-t", "9"],
    ["report", str(PLAN), "--bidang", "politik"],
    ["report", str(PLAN), "--dokumen", "pk", "-t", "1"],
    ["rules"],
    ["rules", "BG01"],
    ["schema", "bidang"],
    ["schema", "nope"],
    ["init", "abc"],
    ["diff", "--base-dir", str(PLAN), "--head-dir", str(PLAN)],
    ["import"],
    ["export", str(PLAN), "-o"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_the_lean_app_prints_what_the_whole_app_prints(argv: list[str]) -> None:
    whole = CliRunner().invoke(app, argv)
    lean = CliRunner().invoke(_app_for(argv), argv)
    assert (lean.exit_code, lean.stdout, lean.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )
    assert lean.exit_code in (0, 1, 2), lean.exception
