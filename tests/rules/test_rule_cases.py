"""Every rule has named passing and failing cases; each case yields exactly its findings.

The format is described in ``tests/rules/case_format.md``. A case file that breaks it is
refused when the module is collected, so a mistyped key cannot turn a case into one that
checks nothing.
"""

from __future__ import annotations

import base64
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from renaksi.output.messages import message
from renaksi.rules.check import validate
from renaksi.rules.registry import ALL_RULES

HERE = Path(__file__).parent
BASE = HERE / "base" / "2024"
#: Realisasi files of the base plan (Triwulan I and II), copied in by ``realisasi: true``.
BASE_REALISASI = HERE / "base" / "realisasi"
CASES = HERE / "cases"

KINDS = ("pass", "fail")
_FILE_KEYS = {"realisasi", *KINDS}
_CASE_KEYS = {"name", "realisasi", "files", "edit", "expect", "tahun_lalu"}
_EARLIER_KEYS = {"files", "edit"}
_EXPECT_KEYS = {"finding", "message_contains", "message_lacks", "related"}
#: Words of ruamel's and pydantic's own (English) messages; a finding must never show them.
ENGLISH = re.compile(
    r"\b(found|expected|while|cannot|allowed|unacceptable|but|position)\b|invalid_key|_type\b"
    r"|\bCommented\w+|nilai tidak sah \(\w+\)"
)


class CaseFileError(Exception):
    """A case file that does not follow the format."""


@dataclass(frozen=True, slots=True)
class Expected:
    """One finding a case expects, and what its message and related places must show."""

    finding: str
    contains: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    related: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """One named variant of the base plan and the findings it must give."""

    code: str
    kind: str
    name: str
    realisasi: bool
    files: dict[str, Any]
    edit: dict[str, list[list[str]]]
    expect: tuple[Expected, ...]
    #: The year before (``../2023``): the base plan with these ``files`` and ``edit``;
    #: None when the case has no earlier year folder.
    tahun_lalu: dict[str, Any] | None = None

    @property
    def id(self) -> str:
        return f"{self.code}-{self.kind}-{slug(self.name)}"


def slug(name: str) -> str:
    """``name`` as a pytest id: lower case, runs of anything but letters and digits as ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _texts(value: Any, where: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise CaseFileError(f"{where}: a text or a list of texts")
    return tuple(values)


def _expected(entry: Any, where: str) -> Expected:
    if isinstance(entry, str):
        return Expected(entry)
    if not isinstance(entry, dict) or not isinstance(entry.get("finding"), str):
        raise CaseFileError(f"{where}: a finding is a text or a mapping with finding:")
    if unknown := set(entry) - _EXPECT_KEYS:
        raise CaseFileError(f"{where}: unknown keys {sorted(unknown)}")
    related = entry.get("related")
    if related is not None and not (
        isinstance(related, list) and all(isinstance(r, str) for r in related)
    ):
        raise CaseFileError(f"{where}.related: a list of places")
    return Expected(
        entry["finding"],
        _texts(entry.get("message_contains", []), f"{where}.message_contains"),
        _texts(entry.get("message_lacks", []), f"{where}.message_lacks"),
        None if related is None else tuple(related),
    )


def _case(code: str, kind: str, entry: Any, where: str, file_realisasi: bool) -> Case:
    """One named case of a file, or CaseFileError if it breaks the format."""
    if not isinstance(entry, dict):
        raise CaseFileError(f"{where}: a case is a mapping")
    if unknown := set(entry) - _CASE_KEYS:
        raise CaseFileError(f"{where}: unknown keys {sorted(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not slug(name):
        raise CaseFileError(f"{where}: every case needs a name:")
    expect = tuple(
        _expected(e, f"{where}.expect[{j}]") for j, e in enumerate(entry.get("expect") or [])
    )
    earlier = entry.get("tahun_lalu")
    if earlier is not None and not (isinstance(earlier, dict) and set(earlier) <= _EARLIER_KEYS):
        raise CaseFileError(f"{where}.tahun_lalu: a mapping with files: and edit: only")
    own = [e for e in expect if e.finding.split()[0] == code]
    if kind == "fail" and not own:
        raise CaseFileError(f"{where}: a failing case must expect a {code} finding")
    if kind == "pass" and own:
        raise CaseFileError(f"{where}: a passing case must not expect a {code} finding")
    return Case(
        code,
        kind,
        name,
        bool(entry.get("realisasi", file_realisasi)),
        entry.get("files") or {},
        entry.get("edit") or {},
        expect,
        earlier,
    )


def parse_case_file(code: str, data: Any) -> list[Case]:
    """The cases of one file's data, or CaseFileError if the data breaks the format."""
    if not isinstance(data, dict):
        raise CaseFileError(f"{code}: a case file is a mapping")
    if unknown := set(data) - _FILE_KEYS:
        raise CaseFileError(f"{code}: unknown keys {sorted(unknown)}")
    cases: list[Case] = []
    for kind in KINDS:
        entries = data.get(kind)
        if not isinstance(entries, list) or not entries:
            raise CaseFileError(f"{code}: {kind}: must be a non-empty list of named cases")
        realisasi = bool(data.get("realisasi", False))
        cases.extend(
            _case(code, kind, entry, f"{code} {kind}[{i}]", realisasi)
            for i, entry in enumerate(entries)
        )
    seen: set[str] = set()
    for case in cases:
        # Names are compared as ids: two names differing only in punctuation would
        # otherwise give one pytest id to two cases.
        if case.id in seen:
            raise CaseFileError(f"{code}: two cases named {case.name!r}")
        seen.add(case.id)
    return cases


def read_case_file(path: Path) -> list[Case]:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except YAMLError as error:
        raise CaseFileError(f"{path.name}: {error}") from error
    return parse_case_file(path.stem, data)


def build(tmp: Path, case: Case | None = None) -> Path:
    """Copy the base plan into ``tmp/2024`` (with its realisasi files if asked) and apply
    a case's files and edits; with ``tahun_lalu``, the base plan changed by its files and
    edits goes into ``tmp/2023`` too."""
    folder = tmp / "2024"
    shutil.copytree(BASE, folder)
    if case is None:
        return folder
    if case.realisasi:
        shutil.copytree(BASE_REALISASI, folder / "realisasi")
    _change(folder, case.files, case.edit)
    if case.tahun_lalu is not None:
        earlier = tmp / "2023"
        shutil.copytree(BASE, earlier)
        _change(earlier, case.tahun_lalu.get("files") or {}, case.tahun_lalu.get("edit") or {})
    return folder


def _change(folder: Path, files: dict[str, Any], edit: dict[str, list[list[str]]]) -> None:
    for name, content in files.items():
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
    for name, pairs in edit.items():
        target = folder / name
        text = target.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, f"edit {old!r} must occur exactly once in {name}"
            text = text.replace(old, new)
        target.write_text(text, encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Found:
    """A finding of a run, as the case files write it."""

    finding: str
    message: str
    related: tuple[str, ...]


def run(folder: Path) -> list[Found]:
    """The run's findings, sorted by their ``CODE file:line:column``."""

    def place(file: str, line: int, column: int) -> str:
        path, root = Path(file).resolve(), folder.resolve()
        # A file of the year before (tahun_lalu) is named from the plan: ../2023/...
        rel = (
            path.relative_to(root).as_posix()
            if path.is_relative_to(root)
            else "../" + path.relative_to(root.parent).as_posix()
        )
        return f"{rel}:{line}:{column}" if line else rel

    out = [
        Found(
            f"{p.code} {place(p.location.file, p.location.line, p.location.column)}",
            message(p),
            tuple(place(r.file, r.line, r.column) for r in p.related),
        )
        for p in validate([folder]).problems
    ]
    return sorted(out, key=lambda f: f.finding)


def findings(folder: Path) -> list[str]:
    return [f.finding for f in run(folder)]


CASE_FILES = sorted(CASES.glob("*.yaml"))
ALL_CASES = [case for path in CASE_FILES for case in read_case_file(path)]


def test_base_plan_is_clean(tmp_path: Path) -> None:
    assert findings(build(tmp_path)) == []


def test_base_plan_with_realisasi_is_clean(tmp_path: Path) -> None:
    folder = build(tmp_path)
    shutil.copytree(BASE_REALISASI, folder / "realisasi")
    assert findings(folder) == []


def test_every_rule_has_a_case_file() -> None:
    codes = {r.code for r in ALL_RULES}
    present = {p.stem for p in CASE_FILES}
    assert sorted(codes - present) == [], "rules without a case file"
    assert sorted(present - codes) == [], "case files for rules that do not exist"


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    found = run(build(tmp_path, case))
    assert [f.finding for f in found] == sorted(e.finding for e in case.expect)
    for f in found:
        assert not ENGLISH.search(f.message), f"{f.finding}: {f.message}"
    # Pair each expectation with a finding of its text; the lists are equal as multisets,
    # so a repeated finding is matched to the one with the message it asks for.
    unmatched = list(found)
    for e in sorted(case.expect, key=lambda e: not (e.contains or e.lacks or e.related)):
        candidates = [f for f in unmatched if f.finding == e.finding and _meets(f, e)]
        assert candidates, f"{e.finding}: no finding with {e}; found {found}"
        unmatched.remove(candidates[0])


def _meets(found: Found, e: Expected) -> bool:
    return (
        all(text in found.message for text in e.contains)
        and not any(text in found.message for text in e.lacks)
        and (e.related is None or sorted(found.related) == sorted(e.related))
    )


# --- the format itself ------------------------------------------------------------------

_PASS = {"name": "lolos", "edit": {}}
_FAIL = {"name": "gagal", "expect": ["BG01 perjanjian-kinerja.yaml:19:15"]}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param({"fail": [_FAIL]}, "pass: must be a non-empty list", id="no-pass"),
        pytest.param({"pass": [_PASS]}, "fail: must be a non-empty list", id="no-fail"),
        pytest.param({"pass": [], "fail": [_FAIL]}, "pass: must be a non-empty", id="empty-pass"),
        pytest.param({"pass": _PASS, "fail": [_FAIL]}, "pass: must be a non-empty", id="not-list"),
        pytest.param({"pass": [{"edit": {}}], "fail": [_FAIL]}, "needs a name", id="unnamed-case"),
        pytest.param(
            {"pass": [{**_PASS, "name": " -- "}], "fail": [_FAIL]}, "needs a name", id="blank-name"
        ),
        pytest.param(
            {"pass": [_PASS, {**_PASS, "name": "Lolos!"}], "fail": [_FAIL]},
            "two cases named 'Lolos!'",
            id="duplicate-name",
        ),
        pytest.param(
            {"pass": [_PASS], "fail": [_FAIL, _FAIL]}, "two cases named", id="duplicate-fail"
        ),
        pytest.param(
            {"pass": [_PASS], "fail": [{**_FAIL, "expect": ["SC01 instansi.yaml:1:1"]}]},
            "must expect a BG01 finding",
            id="fail-without-its-code",
        ),
        pytest.param(
            {"pass": [{**_PASS, "expect": _FAIL["expect"]}], "fail": [_FAIL]},
            "must not expect a BG01 finding",
            id="pass-with-its-code",
        ),
        pytest.param(
            {"pass": [{**_PASS, "edits": {}}], "fail": [_FAIL]},
            "unknown keys ['edits']",
            id="misspelt-case-key",
        ),
        pytest.param(
            {"pass": [_PASS], "fail": [_FAIL], "lolos": []}, "unknown keys", id="misspelt-top-key"
        ),
        pytest.param(
            {
                "pass": [_PASS],
                "fail": [{**_FAIL, "expect": [{"finding": "BG01 x.yaml", "message": "x"}]}],
            },
            "unknown keys ['message']",
            id="misspelt-expect-key",
        ),
        pytest.param(
            {"pass": [{**_PASS, "tahun_lalu": {"edits": {}}}], "fail": [_FAIL]},
            "tahun_lalu: a mapping with files: and edit: only",
            id="misspelt-tahun-lalu-key",
        ),
    ],
)
def test_a_malformed_case_file_is_refused(data: dict[str, Any], error: str) -> None:
    with pytest.raises(CaseFileError, match=re.escape(error)):
        parse_case_file("BG01", data)


def test_a_well_formed_case_file_gives_ids_by_name() -> None:
    data = {"pass": [_PASS, {**_PASS, "name": "Pagu: Rp 0 (tidak didanai)"}], "fail": [_FAIL]}
    ids = [c.id for c in parse_case_file("BG01", data)]
    assert ids == ["BG01-pass-lolos", "BG01-pass-pagu-rp-0-tidak-didanai", "BG01-fail-gagal"]


def test_message_and_related_checks_can_fail() -> None:
    found = Found("YM02 x.yaml:5:3", "kunci pagu ditulis dua kali", ("x.yaml:4:3",))
    assert _meets(found, Expected(found.finding, ("dua kali",), ("tiga",), ("x.yaml:4:3",)))
    assert not _meets(found, Expected(found.finding, contains=("tiga kali",)))
    assert not _meets(found, Expected(found.finding, lacks=("pagu",)))
    assert not _meets(found, Expected(found.finding, related=("x.yaml:4:4",)))
    assert not _meets(found, Expected(found.finding, related=()))
