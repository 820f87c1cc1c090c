"""The command line: path resolution, exit codes, output formats, rule selection, I/O trouble.

Exit codes: 0 valid; 1 errors (or warnings with --strict); 2 usage or I/O problems.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from renaksi import __version__
from renaksi.cli import app, main
from renaksi.output.github import escape_data, escape_property
from renaksi.rules.docs import literals
from renaksi.rules.registry import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
AS_PUBLISHED = ROOT / "tests" / "fixtures" / "as-published" / "2024"

#: A finding line of ``--format github`` (GitHub Actions workflow command syntax).
GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,]+(,line=\d+,col=\d+)?,title=[^:]+::.+$")
SUMMARY = re.compile(r"^(\d+) berkas diperiksa: (\d+) galat, (\d+) peringatan\. ")


def invoke(*args: str | Path) -> Result:
    """Run ``renaksi ARGS`` in-process."""
    return CliRunner().invoke(app, [str(a) for a in args])


def assert_no_crash(result: Result) -> None:
    """The command ended through its exit code, not through an exception or a traceback."""
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def json_of(result: Result) -> dict[str, Any]:
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A private copy of plans/2024 (at ``tmp/plans/2024``) to break."""
    folder = tmp_path / "plans" / "2024"
    shutil.copytree(PLAN, folder)
    return folder


# --- which plan is checked ------------------------------------------------------------


def test_default_path_from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke("validate", "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0
    assert json_of(result)["plans"] == [os.path.join("plans", "2024")]


def test_default_path_picks_newest_year(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shutil.copytree(PLAN, tmp_path / "plans" / "2024")
    (tmp_path / "plans" / "2023").mkdir()
    (tmp_path / "plans" / "arsip").mkdir()
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", "--format", "json")
    assert_no_crash(result)
    assert json_of(result)["plans"] == [os.path.join("plans", "2024")]
    assert result.exit_code == 0


def test_default_path_inside_a_plan_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PLAN)
    result = invoke("validate", "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0
    assert json_of(result)["plans"] == ["."]


def test_no_plan_in_an_empty_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("validate")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "tidak ada folder rencana" in result.stderr
    assert "plans/<tahun>" in result.stderr


def test_unreadable_plans_folder_for_the_default_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # As a normal user: chmod 000 plans; renaksi validate. Simulated so that it runs as root.
    shutil.copytree(PLAN, tmp_path / "plans" / "2024")
    plans = tmp_path / "plans"
    real_iterdir = Path.iterdir

    def refusing_iterdir(self: Path) -> Any:
        if self == plans:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refusing_iterdir)
    monkeypatch.chdir(tmp_path)
    result = invoke("validate")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "plans" in result.stderr


def test_explicit_path() -> None:
    result = invoke("validate", PLAN)
    assert_no_crash(result)
    assert result.exit_code == 0
    assert "6 berkas diperiksa: 0 galat, 2 peringatan." in result.stdout


def test_two_paths_are_both_checked() -> None:
    result = invoke("validate", "--format", "json", PLAN, AS_PUBLISHED)
    assert_no_crash(result)
    assert result.exit_code == 1
    document = json_of(result)
    assert len(document["plans"]) == 2
    assert document["summary"]["files"] == 12
    assert document["summary"]["errors"] == 3
    assert document["summary"]["warnings"] == 4


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    result = invoke("validate", missing)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "folder rencana tidak ada" in result.stderr
    assert "tidak-ada" in result.stderr


def test_path_that_is_a_file() -> None:
    result = invoke("validate", PLAN / "instansi.yaml")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "bukan folder rencana" in result.stderr


# --- output formats -------------------------------------------------------------------


def test_json_document_has_the_documented_keys() -> None:
    result = invoke("validate", "--format", "json", AS_PUBLISHED)
    assert_no_crash(result)
    assert result.exit_code == 1
    document = json_of(result)
    assert set(document) == {"format", "version", "renaksi", "plans", "summary", "problems"}
    assert document["format"] == "renaksi.validate"
    assert document["version"] == 1
    assert document["renaksi"] == __version__
    assert isinstance(document["plans"], list)
    assert document["summary"] == {
        "files": 6,
        "errors": 3,
        "warnings": 2,
        "strict": False,
        "valid": False,
    }
    keys = {
        "code",
        "name",
        "severity",
        "file",
        "line",
        "column",
        "path",
        "message",
        "related",
    }
    assert len(document["problems"]) == 5
    for problem in document["problems"]:
        assert set(problem) == keys
        assert problem["severity"] in ("error", "warning")
        assert isinstance(problem["line"], int)
        assert isinstance(problem["column"], int)
        assert isinstance(problem["message"], str)
        assert problem["message"]
        for related in problem["related"]:
            assert set(related) == {"file", "line", "column", "path"}
    bg04 = [p for p in document["problems"] if p["code"] == "BG04"]
    assert bg04
    assert all(p["related"] for p in bg04)


def test_json_of_the_valid_plan() -> None:
    result = invoke("validate", "--format", "json", PLAN)
    assert result.exit_code == 0
    summary = json_of(result)["summary"]
    assert summary == {"files": 6, "errors": 0, "warnings": 2, "strict": False, "valid": True}
    strict = invoke("validate", "--format", "json", "--strict", PLAN)
    assert strict.exit_code == 1
    assert json_of(strict)["summary"]["valid"] is False
    assert json_of(strict)["summary"]["strict"] is True


def _finding_lines(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines
    assert SUMMARY.match(lines[-1]), lines[-1]
    return lines[:-1]


def test_github_lines_are_workflow_commands() -> None:
    result = invoke("validate", "--format", "github", AS_PUBLISHED)
    assert_no_crash(result)
    assert result.exit_code == 1
    findings = _finding_lines(result.stdout)
    assert len(findings) == 5
    for line in findings:
        assert GITHUB_LINE.match(line), line
    kinds = [line.split(" ", 1)[0] for line in findings]
    assert kinds.count("::error") == 3
    assert kinds.count("::warning") == 2
    ideologi = (AS_PUBLISHED / "bidang" / "ideologi.yaml").read_text(encoding="utf-8")
    number = ideologi[: ideologi.index("pagu: 200_000_000")].count("\n") + 1
    assert f"line={number},col=11,title=BG04 anggaran.pagu-ulang::" in findings[0]


def test_github_strict_turns_warnings_into_errors() -> None:
    result = invoke("validate", "--format", "github", "--strict", PLAN)
    assert result.exit_code == 1
    findings = _finding_lines(result.stdout)
    assert len(findings) == 2
    assert all(line.startswith("::error ") for line in findings)


def test_github_escapes_percent_comma_colon_and_newlines(tmp_path: Path) -> None:
    # A folder name with ',' and ':' in it, a percentage in a message (TG01 prints "29,17%")
    # and a key with a newline in it (SC01 repeats the key).
    folder = tmp_path / "a,b:c" / "2024"
    shutil.copytree(PLAN, folder)
    pk = folder / "perjanjian-kinerja.yaml"
    pk.write_text(
        pk.read_text(encoding="utf-8").replace(
            "triwulan: [1.56, 1.64, 12.98, 12.99]", "triwulan: [1.56, 1.64, 12.98, 13.99]"
        ),
        encoding="utf-8",
    )
    bidang = folder / "bidang" / "politik.yaml"
    bidang.write_text(bidang.read_text(encoding="utf-8") + '"kunci\\nbaru%": 1\n', encoding="utf-8")
    result = invoke("validate", "--format", "github", folder)
    assert_no_crash(result)
    assert result.exit_code == 1
    findings = _finding_lines(result.stdout)
    for line in findings:
        assert GITHUB_LINE.match(line), line
        assert "a%2Cb%3Ac" in line
        # Every '%' left in the line starts an escape.
        assert re.fullmatch(r"([^%]|%25|%0A|%0D|%3A|%2C)*", line), line
    tg01 = [line for line in findings if "TG01" in line]
    assert len(tg01) == 1
    assert "29,17%25" in tg01[0]
    sc01 = [line for line in findings if "SC01" in line]
    assert len(sc01) == 1
    # The key's line break is shown, not kept: an annotation of one line, as in every format.
    assert "kunci\\nbaru%25" in sc01[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("biasa saja", "biasa saja"),
        ("29,17%", "29,17%25"),
        ("a\nb", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab"),
        ("100%25", "100%2525"),
        ("a: b, c", "a: b, c"),
    ],
)
def test_escape_data(text: str, expected: str) -> None:
    assert escape_data(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plans/2024/instansi.yaml", "plans/2024/instansi.yaml"),
        ("a,b", "a%2Cb"),
        ("C:\\plans", "C%3A\\plans"),
        ("BG04 anggaran.pagu-ulang", "BG04 anggaran.pagu-ulang"),
        ("50%: a,b\n", "50%25%3A a%2Cb\\n"),  # a file name's line break is shown
    ],
)
def test_escape_property(text: str, expected: str) -> None:
    assert escape_property(text) == expected


def test_text_output_shows_place_source_line_and_summary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke("validate", "plans/2024")
    assert_no_crash(result)
    assert result.exit_code == 0
    out = result.stdout
    lines = out.splitlines()
    pk = os.path.join("plans", "2024", "perjanjian-kinerja.yaml")
    # Findings are grouped under their file; each starts with line:column.
    assert pk in lines
    header = lines.index(pk)
    first = lines[header + 1]
    assert re.match(r"^\s+187:17\s+peringatan\s+RF06\s+sub kegiatan ormas-monev", first), first
    # The offending source line, as written in the file, and a caret under the column.
    source = (PLAN / "perjanjian-kinerja.yaml").read_text(encoding="utf-8").splitlines()[186]
    assert lines[header + 2].endswith(source)
    assert re.search(r"^\s+187 │ ", lines[header + 2])
    caret = lines[header + 3]
    assert caret.endswith("^")
    assert caret.index("^") - caret.index("│") - 2 == 16
    assert "207:17" in out
    assert lines[-1] == "6 berkas diperiksa: 0 galat, 2 peringatan. Rencana sah."
    assert "\x1b[" not in out  # no colour when not writing to a terminal


def test_text_output_lists_related_places() -> None:
    result = invoke("validate", AS_PUBLISHED)
    assert result.exit_code == 1
    assert "lihat juga" in result.stdout
    assert "perjanjian-kinerja.yaml:95:19" in result.stdout
    assert "6 berkas diperiksa: 3 galat, 2 peringatan." in result.stdout
    assert "Rencana TIDAK sah." in result.stdout


# --- exit codes and rule selection ----------------------------------------------------


def test_strict_turns_warnings_into_exit_1() -> None:
    assert invoke("validate", PLAN).exit_code == 0
    result = invoke("validate", "--strict", PLAN)
    assert_no_crash(result)
    assert result.exit_code == 1
    assert "0 galat, 2 peringatan" in result.stdout
    assert "--strict" in result.stdout.splitlines()[-1]


def test_ignore_rf06() -> None:
    result = invoke("validate", "--format", "json", "--ignore", "RF06", PLAN)
    assert result.exit_code == 0
    document = json_of(result)
    assert document["summary"]["warnings"] == 0
    assert document["problems"] == []
    strict = invoke("validate", "--strict", "--ignore", "RF06", PLAN)
    assert strict.exit_code == 0


def test_ignore_by_name_and_prefix() -> None:
    for entry in ("rujukan.tanpa-aksi", "cakupan.tanpa-aksi", "RF", "rf06"):
        result = invoke("validate", "--format", "json", "--ignore", entry, PLAN)
        assert result.exit_code == 0, entry
        assert json_of(result)["problems"] == [], entry


def test_select_a_family() -> None:
    result = invoke("validate", "--format", "json", "--select", "BG", AS_PUBLISHED)
    assert_no_crash(result)
    assert result.exit_code == 1
    codes = [p["code"] for p in json_of(result)["problems"]]
    assert codes == ["BG04", "BG04"]


def test_select_comma_list_and_ignore_together() -> None:
    result = invoke(
        "validate", "--format", "json", "--select", "BG04,JD", "--ignore", "JD04", AS_PUBLISHED
    )
    assert result.exit_code == 1
    assert [p["code"] for p in json_of(result)["problems"]] == ["BG04", "BG04"]
    only_jd = invoke("validate", "--format", "json", "--select", "JD04", AS_PUBLISHED)
    assert [p["code"] for p in json_of(only_jd)["problems"]] == ["JD04"]


def test_select_never_hides_load_errors(plan_copy: Path) -> None:
    instansi = plan_copy / "instansi.yaml"
    instansi.write_text("tahun: [2024\n", encoding="utf-8")
    result = invoke("validate", "--format", "json", "--select", "BG", plan_copy)
    assert result.exit_code == 1
    assert "YM01" in [p["code"] for p in json_of(result)["problems"]]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("entry", ["XX99", "ZZ", "anggaran.tidak-ada"])
def test_unknown_rule_is_a_usage_error(option: str, entry: str) -> None:
    result = invoke("validate", option, entry, PLAN)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"aturan {entry} tidak dikenal" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = invoke("validate", "--format", "xml", PLAN)
    assert_no_crash(result)
    assert result.exit_code == 2


def test_max_bytes() -> None:
    result = invoke("validate", "--format", "json", "--max-bytes", "100", PLAN)
    assert_no_crash(result)
    assert result.exit_code == 1
    codes = {p["code"] for p in json_of(result)["problems"]}
    assert "YM06" in codes
    assert invoke("validate", "--max-bytes", "0", PLAN).exit_code == 2


#: --max-plan-bytes that the plan of :func:`_big_plan` passes, and one that it fits in.
SMALL_PLAN, LARGE_PLAN = "3000000", "6000000"


def _big_plan(tmp_path: Path) -> Path:
    """The minimal valid plan with four more bidang files of 1 MB (a long nama): over
    ``--max-plan-bytes 3000000`` while every file is within its own 2 MiB."""
    folder = tmp_path / "besar" / "2024"
    shutil.copytree(ROOT / "tests" / "rules" / "base" / "2024", folder)
    head = (folder / "bidang" / "alpha.yaml").read_text(encoding="utf-8").split("indikator:")[0]
    for n in range(4):
        text = head.replace("nama: Bidang Alpha", "nama: Bidang " + "x" * 1_000_000, 1)
        (folder / "bidang" / f"besar-{n}.yaml").write_text(
            text + "indikator: []\nrencana_aksi: []\n", encoding="utf-8"
        )
    return folder


def test_max_plan_bytes(tmp_path: Path) -> None:
    folder = _big_plan(tmp_path)
    assert invoke("validate", folder).exit_code == 0
    refused = invoke("validate", "--format", "json", "--max-plan-bytes", SMALL_PLAN, folder)
    assert_no_crash(refused)
    assert refused.exit_code == 1
    problems = json_of(refused)["problems"]
    assert [(p["code"], p["file"].rsplit("/", 2)[-2:], p["line"]) for p in problems] == [
        ("YM06", ["bidang", "besar-2.yaml"], 0)
    ]
    assert problems[0]["message"].startswith("berkas ini dan 1 berkas sesudahnya tidak dibaca")
    assert "3000000 byte untuk seluruh berkasnya" in problems[0]["message"]
    assert invoke("validate", "--max-plan-bytes", "0", folder).exit_code == 2


def test_max_plan_bytes_on_report_and_diff(tmp_path: Path) -> None:
    folder = _big_plan(tmp_path)
    base = ROOT / "tests" / "rules" / "base" / "2024"
    report = invoke("report", "--max-plan-bytes", SMALL_PLAN, folder)
    assert report.exit_code == 1
    assert "YM06" in report.stderr
    assert "tidak dicetak" in report.stderr
    assert invoke("report", "--max-plan-bytes", LARGE_PLAN, folder).exit_code == 0
    diff: list[str | Path] = [
        "diff",
        "--exit-code",
        "-f",
        "json",
        "--base-dir",
        base,
        "--head-dir",
        folder,
    ]
    refused = json.loads(invoke(*diff, "--max-plan-bytes", SMALL_PLAN).stdout)
    assert [p["code"] for p in refused["findings"]["introduced"]] == ["YM06"]
    raised = json.loads(invoke(*diff, "--max-plan-bytes", LARGE_PLAN).stdout)
    assert raised["findings"]["introduced"] == []


# --- rules, --version, --help ---------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    result = invoke("rules")
    assert_no_crash(result)
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == [r.code for r in ALL_RULES]
    assert len(set(listed)) == len(listed)
    for rule in ALL_RULES:
        assert rule.name in result.stdout
        assert rule.summary in result.stdout


def test_rules_one_code_prints_its_doc() -> None:
    result = invoke("rules", "BG01")
    assert_no_crash(result)
    assert result.exit_code == 0
    rule = next(r for r in ALL_RULES if r.code == "BG01")
    assert result.stdout.startswith("BG01 anggaran.jumlah-kegiatan (galat)")
    assert rule.summary in result.stdout
    assert rule.doc
    assert literals(rule.doc) in result.stdout


def test_rules_show_literals_as_code_not_rst() -> None:
    # The docstrings mark literals with RST's ``double backticks``; neither the terminal
    # nor docs/rules.md shows them so.
    assert "``--strict``" in next(r for r in ALL_RULES if r.code == "RF06").doc
    shown = invoke("rules", "RF06").stdout
    assert "kecuali dengan `--strict`." in shown
    for rule in ALL_RULES:
        assert "``" not in invoke("rules", rule.code).stdout, rule.code
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "``" not in page
    assert "(rencana tetap sah), kecuali dengan `--strict`." in page


def test_a_literal_holding_a_backtick_keeps_a_long_fence() -> None:
    assert literals("tulis ``a`b`` dan ``c``") == "tulis `` a`b `` dan `c`"


@pytest.mark.parametrize("entry", ["bg01", "anggaran.jumlah-kegiatan"])
def test_rules_by_lowercase_code_or_name(entry: str) -> None:
    result = invoke("rules", entry)
    assert result.exit_code == 0
    assert result.stdout.startswith("BG01 ")


def test_every_rule_has_documentation() -> None:
    for rule in ALL_RULES:
        result = invoke("rules", rule.code)
        assert result.exit_code == 0, rule.code
        assert rule.doc.strip(), rule.code


def test_rules_unknown_code() -> None:
    result = invoke("rules", "XX99")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "aturan XX99 tidak dikenal" in result.stderr


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"renaksi {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["validate", "--help"], ["rules", "--help"]])
def test_help(args: list[str]) -> None:
    result = invoke(*args)
    assert_no_crash(result)
    assert result.exit_code == 0
    assert "renaksi" in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["rules", "--help"]])
def test_help_text_is_indonesian(args: list[str]) -> None:
    # click's own description of --help is English; renaksi replaces it.
    result = invoke(*args)
    assert result.exit_code == 0
    assert "Show this message and exit" not in result.stdout


# --- I/O trouble: exit 2 with a message, never a traceback ----------------------------


def test_unreadable_file(plan_copy: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading the file")
    target = plan_copy / "bidang" / "politik.yaml"
    target.chmod(0)
    try:
        result = invoke("validate", plan_copy)
    finally:
        target.chmod(0o644)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "politik.yaml" in result.stderr
    assert "izin ditolak" in result.stderr


def test_unreadable_file_simulated(plan_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as test_unreadable_file, reachable as root: opening the file is refused.
    target = plan_copy / "bidang" / "politik.yaml"
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = invoke("validate", plan_copy)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "politik.yaml: tidak dapat dibaca (izin ditolak)" in result.stderr


def test_instansi_is_a_directory(plan_copy: Path) -> None:
    (plan_copy / "instansi.yaml").unlink()
    (plan_copy / "instansi.yaml").mkdir()
    result = invoke("validate", plan_copy)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "instansi.yaml: sebuah folder" in result.stderr


def test_bidang_symlink_loop(plan_copy: Path) -> None:
    os.symlink("loop.yaml", plan_copy / "bidang" / "loop.yaml")
    result = invoke("validate", plan_copy)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "loop.yaml" in result.stderr
    assert "tidak dapat dibaca" in result.stderr


def test_symlink_loop_message_is_indonesian(plan_copy: Path) -> None:
    os.symlink("loop.yaml", plan_copy / "bidang" / "loop.yaml")
    result = invoke("validate", plan_copy)
    assert result.exit_code == 2
    # Python's strerror is always the C library's English text.
    assert os.strerror(errno.ELOOP) not in result.stderr


def test_dangling_symlink_for_a_required_file(plan_copy: Path) -> None:
    (plan_copy / "instansi.yaml").unlink()
    os.symlink("hilang.yaml", plan_copy / "instansi.yaml")
    result = invoke("validate", plan_copy)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "instansi.yaml" in result.stderr


def test_missing_required_file_is_a_finding_not_io(plan_copy: Path) -> None:
    (plan_copy / "instansi.yaml").unlink()
    result = invoke("validate", "--format", "json", plan_copy)
    assert_no_crash(result)
    assert result.exit_code == 1
    problems = json_of(result)["problems"]
    assert [p["code"] for p in problems if p["severity"] == "error"] == ["FL01"]


def test_lone_surrogate_escape_is_reported_not_crashed(plan_copy: Path) -> None:
    # "\ud800" in double quotes is a lone surrogate, which UTF-8 cannot encode; the report
    # repeats the key, and printing it must not crash.
    bidang = plan_copy / "bidang" / "politik.yaml"
    bidang.write_text(bidang.read_text(encoding="utf-8") + '"\\ud800": 1\n', encoding="utf-8")
    for output_format in ("text", "json", "github"):
        result = invoke("validate", "--format", output_format, plan_copy)
        assert_no_crash(result)
        assert result.exit_code == 1
        if output_format == "json":
            assert json_of(result)["summary"]["errors"] >= 1


def test_main_turns_an_internal_error_into_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import renaksi.rules.check

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rusak")

    monkeypatch.setattr(renaksi.rules.check, "validate", broken)
    assert main(["validate", str(PLAN)]) == 2
    err = capsys.readouterr().err
    assert "galat internal (RuntimeError: rusak)" in err
    assert "Traceback" not in err


def test_main_returns_the_exit_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("renaksi ")
    assert main(["validate", str(PLAN)]) == 0
    assert main(["validate", str(AS_PUBLISHED)]) == 1
    assert main(["validate", "--tidak-ada"]) == 2
    assert "--tidak-ada" in capsys.readouterr().err
    # Without arguments it reads the process's own, as the console script does.
    monkeypatch.setattr(sys, "argv", ["renaksi", "rules", "BG01"])
    assert main() == 0
    assert capsys.readouterr().out.startswith("BG01 anggaran.jumlah-kegiatan")


OUTPUT_COMMANDS = {
    "validate": ["validate", str(PLAN)],
    "validate-json": ["validate", str(PLAN), "--format", "json"],
    "report": ["report", str(PLAN)],
    "diff": ["diff", "--base-dir", str(PLAN), "--head-dir", str(AS_PUBLISHED)],
    "schema": ["schema", "instansi"],
    "rules": ["rules"],
    "rules-one": ["rules", "BG01"],
    "version": ["--version"],
}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", sorted(OUTPUT_COMMANDS))
def test_output_to_a_full_disk_is_an_io_problem(command: str) -> None:
    # /dev/full fails every write with ENOSPC, as a full disk does.
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "renaksi", *OUTPUT_COMMANDS[command]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 2, run.stderr
    assert run.stderr == "renaksi: keluaran standar tidak dapat ditulis (ruang disk penuh)\n"


def test_output_to_a_closed_pipe_is_a_quiet_io_problem() -> None:
    # The reader went away (| head -0): nothing to explain, but not a valid plan's exit 0
    # nor an invalid plan's 1.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "renaksi", "report", str(PLAN)],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert run.returncode == 2, run.stderr
    assert run.stderr == ""


def test_a_folder_of_years_validates_every_year(tmp_path: Path) -> None:
    for year in ("2024", "2025"):
        shutil.copytree(PLAN, tmp_path / "plans" / year)
    result = invoke("validate", "--format", "json", tmp_path / "plans")
    document = json_of(result)
    assert [Path(p).name for p in document["plans"]] == ["2024", "2025"]
    # 2025's copy still says 2024 everywhere: the year rules catch it.
    assert {p["code"] for p in document["problems"]} >= {"TH01"}


def test_github_annotations_put_errors_first(plan_copy: Path) -> None:
    pk = plan_copy / "perjanjian-kinerja.yaml"
    pk.write_text(pk.read_text(encoding="utf-8").replace("pagu: 506_090_000", "pagu: 1", 1))
    result = invoke("validate", "--format", "github", plan_copy)
    commands = [
        line.split(" ", 1)[0] for line in result.stdout.splitlines() if line.startswith("::")
    ]
    assert commands[0] == "::error"
    assert commands == sorted(commands)  # "::error" sorts before "::warning"
