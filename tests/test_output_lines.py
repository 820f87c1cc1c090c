"""Plan text never forges a line of output.

A YAML string can spell a line break (``"a\\nb"``). Printed as it is, a value could start a
line of its own: ``::error file=...`` is a GitHub workflow command when renaksi runs in CI,
and ``Rencana sah.`` reads as the verdict. Every text output (``validate`` text and github,
``diff`` text, the CLI's messages on stderr) shows such breaks as ``\\n``; the tests read the
output line by line as Python does, so NEL, U+2028 and the other separators count as
breaks too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from renaksi.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"

#: Every kind of line break a terminal, a CI log or Python might break a line at.
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
FORGED_COMMAND = "::error file=x,line=1::palsu"
FORGED_VERDICT = "Rencana sah."


def payload(brk: str) -> str:
    return f"Rapat{brk}{FORGED_COMMAND}{brk}{FORGED_VERDICT}"


LF_PAYLOAD = payload("\n")


def yaml_string(value: str) -> str:
    """``value`` as a double-quoted YAML scalar with every break spelled as an escape."""
    escapes = {"\n": "\\n", "\r": "\\r", "\u2028": "\\L", "\u2029": "\\P", "\x85": "\\N"}
    escapes |= {"\x0b": "\\v", "\x0c": "\\f"}
    return '"' + "".join(escapes.get(c, c) for c in value) + '"'


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def forged(output: str) -> list[str]:
    """Lines of ``output`` that a plan value wrote."""
    return [
        line
        for line in output.splitlines()
        if line.lstrip().startswith(("::error file=x", FORGED_VERDICT))
    ]


def _copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name / "2024"
    shutil.copytree(PLAN, folder)
    return folder


def _rename_first_aksi(folder: Path, name: str, *, months: str = "[1, 2]") -> None:
    path = folder / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      - nama: Rapat Interen\n        bulan: [1, 2]\n"
    assert old in text
    new = f"      - nama: {yaml_string(name)}\n        bulan: {months}\n"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("brk", BREAKS, ids=lambda b: "+".join(f"U+{ord(c):04X}" for c in b))
@pytest.mark.parametrize("output_format", ["text", "github", "json"])
def test_a_finding_quoting_plan_text_stays_on_its_line(
    tmp_path: Path, brk: str, output_format: str
) -> None:
    folder = _copy(tmp_path, "plans")
    # JD01 quotes the aksi's name: an aksi without months.
    _rename_first_aksi(folder, payload(brk), months="[]")
    result = invoke("validate", folder, "--format", output_format)
    assert result.exit_code == 1, result.output
    assert "JD01" in result.stdout
    assert forged(result.stdout) == []
    assert "palsu" in result.stdout  # shown, not dropped
    if output_format == "json":
        (problem,) = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "JD01"]
        assert len(problem["message"].splitlines()) == 1


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_a_key_and_a_file_name_stay_on_their_line(tmp_path: Path, output_format: str) -> None:
    folder = _copy(tmp_path, "plans")
    # An unknown key (quoted in the message and in the path) in a bidang file whose name
    # carries the same payload.
    source = folder / "bidang" / "politik.yaml"
    text = source.read_text(encoding="utf-8")
    key = yaml_string(payload("\n"))
    text = text.replace("tempat: Samarinda\n", f"tempat: Samarinda\n{key}: 1\n")
    source.write_text(text, encoding="utf-8")
    source.rename(folder / "bidang" / f"politik{LF_PAYLOAD}.yaml")
    result = invoke("validate", folder, "--format", output_format)
    assert result.exit_code == 1, result.output
    assert forged(result.stdout) == []
    assert "palsu" in result.stdout


@pytest.mark.parametrize("brk", ["\n", "\r", "\u2028"], ids=["lf", "cr", "ls"])
def test_a_diff_stays_on_its_lines(tmp_path: Path, brk: str) -> None:
    base = _copy(tmp_path, "base")
    head = _copy(tmp_path, "head")
    _rename_first_aksi(head, payload(brk))
    result = invoke("diff", "--base-dir", base, "--head-dir", head)
    assert result.exit_code == 0, result.output
    assert "palsu" in result.stdout
    assert forged(result.stdout) == []


def test_stderr_messages_stay_on_their_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "plans")
    # The known bidang are listed when the one asked for does not exist: one is named
    # with a line break.
    shutil.copy(folder / "bidang" / "politik.yaml", folder / "bidang" / f"x{LF_PAYLOAD}.yaml")
    result = invoke("report", folder, "--bidang", f"tidak-ada{LF_PAYLOAD}", "--force")
    assert result.exit_code == 2
    assert "palsu" in result.stderr
    assert forged(result.stderr) == []
