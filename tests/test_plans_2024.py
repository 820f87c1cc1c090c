"""Acceptance tests on the real 2024 plan (plans/2024) and the plan as it was published.

(a) plans/2024 is valid with exactly the two known RF06 warnings;
(b) every pagu and every target in it is guarded: changing any one of them fails validation
    with a finding at (or related to) the changed line;
(c) the plan saved with CRLF line ends and a BOM gives the same findings (single mistakes,
    each at its line, are rule cases in tests/rules/cases/);
(d) the as-published fixture shows exactly the document's known inconsistencies;
(e) validating never writes to plans/.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.output.messages import message
from renaksi.plan.findings import Problem, Severity
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
PLAN = PLANS / "2024"
AS_PUBLISHED = ROOT / "tests" / "fixtures" / "as-published" / "2024"
PK = "perjanjian-kinerja.yaml"
BIDANG = (
    "bidang/ekonomi.yaml",
    "bidang/ideologi.yaml",
    "bidang/kewaspadaan.yaml",
    "bidang/politik.yaml",
)


def run_json(folder: Path, *options: str) -> tuple[int, dict[str, Any]]:
    """``renaksi validate --format json OPTIONS FOLDER``: (exit code, document)."""
    result = CliRunner().invoke(app, ["validate", "--format", "json", *options, str(folder)])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return result.exit_code, document


def same_file(shown: str, path: Path) -> bool:
    """Whether a file as shown in a finding (relative or absolute) is ``path``."""
    return Path(shown).resolve() == path.resolve()


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the only occurrence of ``needle`` in ``text``."""
    assert text.count(needle) == 1, f"{needle!r} must occur exactly once"
    return text[: text.index(needle)].count("\n") + 1


# --- (a) the real plan ------------------------------------------------------------------


def test_plan_2024_is_valid_with_two_known_warnings() -> None:
    code, document = run_json(PLAN)
    assert code == 0
    assert document["summary"] == {
        "files": 6,
        "errors": 0,
        "warnings": 2,
        "strict": False,
        "valid": True,
    }
    problems = document["problems"]
    assert [p["code"] for p in problems] == ["RF06", "RF06"]
    assert all(p["severity"] == "warning" for p in problems)
    assert all(same_file(p["file"], PLAN / PK) for p in problems)
    text = (PLAN / PK).read_text(encoding="utf-8")
    assert [(p["line"], p["column"]) for p in problems] == [
        (line_of(text, "- id: ormas-monev"), 17),
        (line_of(text, "- id: ekonomi-koordinasi"), 17),
    ]
    assert "ormas-monev" in problems[0]["message"]
    assert "Rp 125.000.000" in problems[0]["message"]
    assert "ekonomi-koordinasi" in problems[1]["message"]
    assert "Rp 263.500.000" in problems[1]["message"]


# --- (b) every number is guarded --------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    """Change the number that starts at ``line``:``column`` (1-based) of ``file``."""

    kind: str
    file: str
    line: int
    column: int
    where: str
    add: Decimal

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.file}:{self.line}:{self.where}"


_NUMBER = re.compile(r"[0-9][0-9_]*(?:\.[0-9]+)?")


def _where(keys: tuple[str | int, ...]) -> str:
    return ".".join(str(k) for k in keys)


def _pagu(
    data: Any, keys: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], int, int]]:
    """(path, line, column) of every pagu/total_pagu value, 1-based, in document order."""
    found: list[tuple[tuple[str | int, ...], int, int]] = []
    if isinstance(data, dict):
        mapping: Any = data  # a ruamel CommentedMap: .lc knows where each value starts
        for key, value in mapping.items():
            if key in ("pagu", "total_pagu"):
                line, column = mapping.lc.value(key)
                found.append(((*keys, key), line + 1, column + 1))
            else:
                found.extend(_pagu(value, (*keys, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.extend(_pagu(value, (*keys, i)))
    return found


def _targets(file: str, data: Any) -> list[Mutation]:
    """Mutations of every quarterly target and every annual target of ``indikator``."""
    out: list[Mutation] = []
    for i, indikator in enumerate(data.get("indikator") or []):
        quarters = indikator["triwulan"]
        for q in range(len(quarters)):
            line, column = quarters.lc.item(q)
            out.append(
                Mutation(
                    "triwulan",
                    file,
                    line + 1,
                    column + 1,
                    f"indikator.{i}.triwulan.{q}",
                    Decimal(1),
                )
            )
        if "target" in indikator:
            line, column = indikator.lc.value("target")
            out.append(
                Mutation("target", file, line + 1, column + 1, f"indikator.{i}.target", Decimal(1))
            )
    return out


def _mutations() -> list[Mutation]:
    yaml = YAML(typ="rt")
    pk = yaml.load((PLAN / PK).read_text(encoding="utf-8"))
    out = [
        Mutation("pagu", PK, line, column, _where(keys), Decimal(1_000))
        for keys, line, column in _pagu(pk)
    ]
    out += _targets(PK, pk)
    for name in BIDANG:
        out += _targets(name, yaml.load((PLAN / name).read_text(encoding="utf-8")))
    return out


MUTATIONS = _mutations()


def test_the_mutations_cover_the_plan() -> None:
    kinds = [m.kind for m in MUTATIONS]
    # 15 sub kegiatan + 5 kegiatan + total_pagu; 5 PK indicators and one indicator per
    # bidang file, each with 4 quarters and an annual target.
    assert kinds.count("pagu") == 21
    assert kinds.count("target") == 5 + 4
    assert kinds.count("triwulan") == 5 * 4 + 4 * 4


def _apply(folder: Path, mutation: Mutation) -> str:
    """Edit the number in the copy; return the new text of the number."""
    path = folder / mutation.file
    lines = path.read_text(encoding="utf-8").split("\n")
    text = lines[mutation.line - 1]
    start = mutation.column - 1
    match = _NUMBER.match(text, start)
    assert match is not None, f"no number at {mutation.id}: {text!r}"
    old = match.group()
    new = str(Decimal(old.replace("_", "")) + mutation.add)
    lines[mutation.line - 1] = text[:start] + new + text[match.end() :]
    path.write_text("\n".join(lines), encoding="utf-8")
    return new


def _param(mutation: Mutation) -> Any:
    return pytest.param(mutation, id=mutation.id)


@pytest.mark.parametrize("mutation", [_param(m) for m in MUTATIONS])
def test_changing_any_number_fails_at_that_line(tmp_path: Path, mutation: Mutation) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    _apply(folder, mutation)
    code, document = run_json(folder)
    assert code == 1
    assert document["summary"]["errors"] >= 1
    edited = folder / mutation.file

    def points_at_edit(place: dict[str, Any]) -> bool:
        return same_file(place["file"], edited) and place["line"] == mutation.line

    hits = [
        p
        for p in document["problems"]
        if p["severity"] == "error"
        and (points_at_edit(p) or any(points_at_edit(r) for r in p["related"]))
    ]
    assert hits, json.dumps(document["problems"], indent=1, ensure_ascii=False)
    expected = {"pagu": ("BG01", "BG02", "BG03"), "triwulan": ("TG01",), "target": ("TG01",)}
    assert {p["code"] for p in hits} <= set(expected[mutation.kind])


# --- (c) the real plan read from Windows files ---------------------------------------------
# Single mistakes, each at its line, are rule cases: tests/rules/cases/<CODE>.yaml.


def _findings(folder: Path) -> list[tuple[str, str, int, int]]:
    return [
        (
            p.code,
            str(Path(p.location.file).resolve().relative_to(folder.resolve())),
            p.location.line,
            p.location.column,
        )
        for p in validate([folder]).problems
    ]


def test_crlf_and_bom_copy_is_read_the_same(tmp_path: Path) -> None:
    # Files saved on Windows (CRLF line ends, a UTF-8 BOM) give the same findings at the
    # same places, and a mistake in them is still found at its line.
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    for path in folder.rglob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert _findings(folder) == _findings(PLAN)
    pk = folder / PK
    data = pk.read_bytes()
    line = data[: data.index(b"pagu: 506_090_000")].count(b"\n") + 1
    pk.write_bytes(data.replace(b"pagu: 506_090_000", b"pagu: 506_090_001"))
    bg01 = [p for p in validate([folder]).problems if p.code == "BG01"]
    assert len(bg01) == 1
    assert line in [r.line for r in bg01[0].related]


# --- (d) the plan as published ------------------------------------------------------------


def test_as_published_shows_the_known_inconsistencies() -> None:
    result = validate([AS_PUBLISHED])
    assert result.failed()
    found = sorted((p.code, p.severity.value) for p in result.problems)
    assert found == [
        ("BG04", "error"),
        ("BG04", "error"),
        ("JD04", "error"),
        ("RF06", "warning"),
        ("RF06", "warning"),
    ]
    by_code: dict[str, list[Problem]] = {}
    for p in result.problems:
        by_code.setdefault(p.code, []).append(p)

    ideologi = AS_PUBLISHED / "bidang" / "ideologi.yaml"
    ideologi_text = ideologi.read_text(encoding="utf-8")
    pk_text = (AS_PUBLISHED / PK).read_text(encoding="utf-8")
    pembinaan, pembentukan = sorted(by_code["BG04"], key=lambda p: p.location.line)
    for problem, written, pk_line, words in (
        (pembinaan, "pagu: 200_000_000", "pagu: 150_000_000", ("Rp 200.000.000", "Rp 150.000.000")),
        (
            pembentukan,
            "pagu: 1_800_000_000",
            "pagu: 1_850_000_000",
            ("Rp 1.800.000.000", "Rp 1.850.000.000"),
        ),
    ):
        assert same_file(problem.location.file, ideologi)
        assert problem.location.line == line_of(ideologi_text, written)
        text = message(problem)
        for word in words:
            assert word in text
        assert [r.line for r in problem.related] == [line_of(pk_text, pk_line)]
        assert all(same_file(r.file, AS_PUBLISHED / PK) for r in problem.related)
    assert "paskibraka-pembinaan" in message(pembinaan)
    assert "paskibraka-pembentukan" in message(pembentukan)

    (jd04,) = by_code["JD04"]
    kewaspadaan = AS_PUBLISHED / "bidang" / "kewaspadaan.yaml"
    assert same_file(jd04.location.file, kewaspadaan)
    assert jd04.location.line == line_of(kewaspadaan.read_text(encoding="utf-8"), "- no: 7")
    assert "7" in message(jd04)
    assert "ke-4" in message(jd04)

    ids = sorted(message(p).split()[2] for p in by_code["RF06"])
    assert ids == ["ekonomi-koordinasi", "ormas-monev"]
    assert all(p.severity is Severity.WARNING for p in by_code["RF06"])


def test_as_published_exit_code_and_summary() -> None:
    code, document = run_json(AS_PUBLISHED)
    assert code == 1
    assert document["summary"]["errors"] == 3
    assert document["summary"]["warnings"] == 2


# --- (e) validate is read-only ---------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_validate_does_not_touch_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(PLANS)
    assert before
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    for args in (
        ["validate"],
        ["validate", "--strict"],
        ["validate", "--format", "json"],
        ["validate", "--format", "github"],
        ["validate", str(PLAN)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), args
    assert _snapshot(PLANS) == before
