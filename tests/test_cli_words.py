"""Everything the command line says is Indonesian: its help, and every usage error.

typer's vendored click writes English ("Usage:", "No such option", "Invalid value for",
"Error" panels, "<bool>" metavars, "[default: ...]"); renaksi writes its own help and words
each usage error from the structured data click attaches to it. These tests run the error
paths a user meets and assert that none of click's, typer's or pydantic's English reaches
them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from renaksi.cli import SCHEMA_KINDS, app, main, usage_message

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"

#: Words of click's, typer's and pydantic's English that must never reach a user. Matched
#: as whole words, case-insensitively, after the test's own temporary paths are removed.
ENGLISH = (
    "usage",
    "error",
    "options",
    "arguments",
    "commands",
    "try",
    "missing",
    "invalid",
    "such",
    "input should",
    "expected",
    "found",
    "but",
    "default",
    "required",
    "value",
    "did you mean",
    "got unexpected",
    "requires",
    "does not take",
    "is not one of",
    "aborted",
    "not a valid",
    "permission denied",
    "no such file",
    "errno",
)
_ENGLISH = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.IGNORECASE)
#: typer's type placeholders (``<bool>``, ``<list[Path]>``, ``<int range>``, ``[x>=1]``).
_TYPE_MARKERS = re.compile(r"<(bool|int|str|path|list\[[^\]]*\]|int range)>|\[x[<>]=")


def english_in(text: str, *, remove: tuple[str, ...] = ()) -> list[str]:
    """The English marker words (and typer placeholders) found in ``text``."""
    for part in remove:
        text = text.replace(part, "")
    return [m.group(0) for m in _ENGLISH.finditer(text)] + [
        m.group(0) for m in _TYPE_MARKERS.finditer(text)
    ]


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def assert_indonesian(result: Result, *, remove: tuple[str, ...] = ()) -> None:
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert english_in(everything, remove=remove) == [], everything


def test_the_marker_check_catches_click_english() -> None:
    # The check itself must be able to fail: click's own wording is caught.
    assert english_in("Usage: renaksi [OPTIONS]\nTry 'renaksi -h' for help.\nError: x")
    assert english_in("Invalid value for '--triwulan': Input should be less than or equal to 4")
    assert english_in("--strict  <bool>  Peringatan") == ["<bool>"]
    assert english_in("renaksi: opsi --bogus tidak dikenal") == []


# (arguments, exit code, an Indonesian phrase the message must contain)
USAGE_ERRORS: list[tuple[list[str | Path], int, str]] = [
    (["--bogus"], 2, "opsi --bogus tidak dikenal"),
    (["validate", "--bogus"], 2, "opsi --bogus tidak dikenal"),
    (["validate", "-x"], 2, "opsi -x tidak dikenal"),
    (["validate", "--fromat", "json"], 2, "maksudnya --format?"),
    (["validate", "--format"], 2, "opsi --format perlu nilai (text|json|github)"),
    (["report", "--output"], 2, "opsi --output perlu nilai (BERKAS)"),
    (["validate", "--format", "xml"], 2, "--format harus salah satu dari text, json, github"),
    (["diff", "-f", "yaml"], 2, "--format harus salah satu dari text, md, json"),
    (["report", "--triwulan", "7"], 2, "--triwulan harus 1 sampai 4, ditemukan 7"),
    (["report", "--triwulan", "0"], 2, "--triwulan harus 1 sampai 4, ditemukan 0"),
    (["report", "-t", "x"], 2, "--triwulan harus bilangan bulat, ditemukan x"),
    (["validate", "--max-bytes", "0"], 2, "--max-bytes harus paling kecil 1, ditemukan 0"),
    (["validate", "--max-bytes", "banyak"], 2, "--max-bytes harus bilangan bulat"),
    (["validate", "--strict=ya"], 2, "opsi --strict tidak menerima nilai"),
    (["frob"], 2, "perintah frob tidak dikenal; perintah yang ada: validate, report"),
    (["valdate"], 2, "perintah valdate tidak dikenal; maksudnya validate?"),
    (["diff", "a", "b", "c"], 2, "argumen berlebih: c"),
    (["rules", "BG01", "BG02"], 2, "argumen berlebih: BG02"),
    (["--"], 2, "sebutkan perintah: validate, report, export, import, diff, init, schema, rules"),
    (["rules", "XX99"], 2, "aturan XX99 tidak dikenal"),
    (["validate", "--select", "XX99", PLAN], 2, "aturan XX99 tidak dikenal"),
    (["schema", "nope"], 2, "jenis nope tidak dikenal"),
]


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    USAGE_ERRORS,
    ids=[" ".join(str(a) for a in args) for args, _, _ in USAGE_ERRORS],
)
def test_usage_errors_are_indonesian(args: list[str | Path], code: int, phrase: str) -> None:
    result = invoke(*args)
    assert result.exit_code == code
    assert result.stdout == ""
    assert phrase in result.stderr
    assert_indonesian(result, remove=(str(ROOT),))


def test_a_usage_error_shows_the_usage_and_where_help_is() -> None:
    result = invoke("validate", "--bogus")
    lines = result.stderr.splitlines()
    assert lines == [
        "renaksi: opsi --bogus tidak dikenal",
        "Pemakaian: renaksi validate [OPSI] [RENCANA]...",
        "Bantuan: renaksi validate -h",
    ]


def test_control_characters_in_a_bad_option_are_shown_not_obeyed() -> None:
    result = invoke("validate", "--\x1b[2J")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\\x1b" in result.stderr


def test_no_arguments_prints_the_help_in_indonesian() -> None:
    result = invoke()
    assert result.exit_code == 2
    assert result.stderr.startswith("Pemakaian: renaksi [OPSI] PERINTAH [ARGUMEN]...")
    assert_indonesian(result)


HELP = [[], ["validate"], ["report"], ["diff"], ["schema"], ["rules"]]


@pytest.mark.parametrize("command", HELP, ids=lambda c: " ".join(c) or "renaksi")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_help_page_is_indonesian(command: list[str], flag: str) -> None:
    result = invoke(*command, flag)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Pemakaian: renaksi {' '.join(command)}".rstrip() + " ")
    assert "\nOpsi:\n" in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    assert_indonesian(result)


def test_help_names_values_ranges_and_defaults_in_indonesian() -> None:
    report = invoke("report", "--help").stdout
    assert "-t, --triwulan TRIWULAN" in report
    assert "[1 sampai 4]" in report
    assert "-f, --format md|html" in report
    assert "[bawaan: md]" in report
    assert "\nArgumen:\n  RENCANA  " in report
    validate = invoke("validate", "--help").stdout
    assert "--select ATURAN" in validate
    assert "[boleh diulang]" in validate
    assert "[paling kecil 1]" in validate
    top = invoke("--help").stdout
    assert "\nPerintah:\n  validate  " in top


def test_usage_message_has_an_indonesian_sentence_for_an_unknown_click_error() -> None:
    from typer._click.exceptions import ClickException, UsageError

    assert usage_message(UsageError("Something new in click.")) == (
        "perintah tidak ditulis dengan benar"
    )
    assert english_in(usage_message(ClickException("Could not open file"))) == []


# --- I/O and plan errors: the CLI's own words ---------------------------------------------


def test_missing_plan_folder(tmp_path: Path) -> None:
    result = invoke("validate", tmp_path / "tidak-ada")
    assert result.exit_code == 2
    assert "folder rencana tidak ada" in result.stderr
    assert_indonesian(result, remove=(str(tmp_path),))


def test_no_plan_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in ("validate", "report"):
        result = invoke(command)
        assert result.exit_code == 2
        assert "sebutkan RENCANA" in result.stderr  # the name the usage line gives it
        assert_indonesian(result)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(PLAN, plan)
    target = plan / "bidang" / "politik.yaml"
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = invoke("validate", plan)
    assert result.exit_code == 2
    assert "tidak dapat dibaca (izin ditolak)" in result.stderr
    assert_indonesian(result, remove=(str(tmp_path),))


def test_bad_template_folder(tmp_path: Path) -> None:
    result = invoke("report", PLAN, "--templates", tmp_path / "tidak-ada")
    assert result.exit_code == 2
    assert "folder template tidak ada" in result.stderr
    assert_indonesian(result, remove=(str(tmp_path), str(ROOT)))


def test_schema_output_dir_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    result = invoke("schema", "--output-dir", blocker / "skema")
    assert result.exit_code == 2
    assert "tidak dapat ditulis (bagian jalurnya bukan folder)" in result.stderr
    assert_indonesian(result, remove=(str(tmp_path),))


def test_schema_kinds_are_the_schema_modules_kinds() -> None:
    from renaksi.plan.json_schema import KINDS

    assert tuple(KINDS) == SCHEMA_KINDS


# --- the console script -------------------------------------------------------------------


def test_main_words_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--triwulan", "9"]) == 2
    err = capsys.readouterr().err
    assert "--triwulan harus 1 sampai 4, ditemukan 9" in err
    assert english_in(err) == []


def test_console_script_words_usage_errors() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "renaksi", "validate", "--format", "xml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--format harus salah satu dari text, json, github, ditemukan xml" in done.stderr
    assert english_in(done.stdout + done.stderr) == []
