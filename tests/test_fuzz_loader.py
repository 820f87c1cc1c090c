"""Property tests: whatever is in a plan file, renaksi reports findings; it never crashes.

Three sources of broken plans: random text, byte-level damage to the real plans/2024 files,
and random YAML structures. For each, ``renaksi.rules.check.validate`` returns (no exception, not
even PlanIOError: the files are readable), every finding has a file and a sane location,
every formatter renders the result, and the CLI exits 0, 1 or 2 without a traceback.

The default example counts keep this module under ~10 s. ``RENAKSI_FUZZ=long`` (or
``pytest --fuzz-long``) runs many more.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.output import FORMATS, formatter
from renaksi.output.messages import message
from renaksi.plan.findings import Severity
from renaksi.rules.check import CheckResult, validate

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
BASE = ROOT / "tests" / "rules" / "base" / "2024"
PK = "perjanjian-kinerja.yaml"

LONG = os.environ.get("RENAKSI_FUZZ", "").lower() == "long"


def examples(n: int) -> int:
    """``n`` examples normally; many more in the long profile."""
    return n * 50 if LONG else n


# --- shared checks --------------------------------------------------------------------

#: Every line break of either YAML reader, as UTF-8 (a CR LF pair counts twice: a bound).
_BREAKS = tuple(b.encode("utf-8") for b in ("\n", "\r", "\x85", "\u2028", "\u2029"))


def check_result(result: CheckResult, fuzzed: Path | None = None, text: bytes = b"") -> None:
    """The properties every validation result has, however broken the plan."""
    for problem in result.problems:
        loc = problem.location
        assert isinstance(loc.file, str)
        assert loc.file
        assert loc.line >= 0
        assert loc.column >= 0
        if loc.line == 0:
            assert loc.column == 0
        if fuzzed is not None and Path(loc.file).resolve() == fuzzed.resolve():
            # A location inside the file (the end of the stream counts as one more line),
            # its lines ended as the YAML readers end them (CR, NEL, U+2028, U+2029 too).
            assert loc.line <= sum(text.count(b) for b in _BREAKS) + 2, (problem, len(text))
        for related in problem.related:
            assert related.file
            assert related.line >= 0
        words = message(problem)
        assert isinstance(words, str)
        assert words
    if result.failed():
        assert any(p.severity is Severity.ERROR for p in result.problems)
    # Every output format renders the result; json is valid JSON.
    for name in FORMATS:
        rendered = formatter(name)(result, False)
        assert rendered.endswith("\n")
        if name == "json":
            document = json.loads(rendered)
            assert document["summary"]["errors"] == result.errors
            assert len(document["problems"]) == len(result.problems)


def check_cli(folder: Path) -> None:
    """The CLI on ``folder``: exit 0/1/2, never an exception; exit 1 comes with findings."""
    run = CliRunner().invoke(app, ["validate", "--format", "json", str(folder)])
    if run.exception is not None:
        assert isinstance(run.exception, SystemExit), repr(run.exception)
    assert run.exit_code in (0, 1, 2)
    assert "Traceback" not in run.output
    if run.exit_code in (0, 1):
        document = json.loads(run.stdout)
        assert document["summary"]["valid"] is (run.exit_code == 0)
        if run.exit_code == 1:
            problems = document["problems"]
            assert problems
            assert any(p["line"] >= 0 and p["file"] for p in problems)


@contextmanager
def replaced(path: Path, data: bytes) -> Iterator[None]:
    """Write ``data`` to ``path`` for the duration; restore the original afterwards."""
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        yield
    finally:
        path.write_bytes(original)


@pytest.fixture(scope="module")
def base_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-base") / "2024"
    shutil.copytree(BASE, folder)
    return folder


@pytest.fixture(scope="module")
def plan_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-plan") / "2024"
    shutil.copytree(PLAN, folder)
    return folder


# --- (i) random text as perjanjian-kinerja.yaml ------------------------------------------

#: Pieces of plan-like YAML, so random text reaches past the parser into the models.
TOKENS = [
    "\n",
    "  ",
    "- ",
    ": ",
    ":",
    "#",
    "[",
    "]",
    "{",
    "}",
    ",",
    '"',
    "'",
    "|",
    ">-",
    "---",
    "...",
    "&a ",
    "*a",
    "!!str ",
    "!!python/object ",
    "? ",
    "<<: ",
    "%YAML 1.2",
    "\t",
    "\r\n",
    "\ufeff",
    "\x00",
    "\x85",
    "\u2028",
    '"\\x00"',
    '"\\u0000"',
    '"\\N"',
    "tahun",
    "indikator",
    "program",
    "kegiatan",
    "sub_kegiatan",
    "pagu",
    "total_pagu",
    "triwulan",
    "target",
    "cara_gabung",
    "jumlah",
    "kumulatif",
    "bidang",
    "alpha",
    "id",
    "kode",
    "nama",
    "sasaran",
    "ss-1",
    "satuan",
    "%",
    "arah",
    "naik",
    "2024",
    "2_718_270_000",
    "1.5",
    "-1",
    "1e400",
    ".nan",
    ".inf",
    "null",
    "~",
    "true",
    "2024-02-30",
    "9" * 40,
    "0x1F",
]

plan_like_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map(
    "".join
)


@st.composite
def damaged_base_text(draw: st.DrawFn) -> str:
    """The base plan's PK with random text inserted somewhere."""
    text = (BASE / PK).read_text(encoding="utf-8")
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.one_of(st.text(max_size=20), plan_like_text)) + text[at:]


random_pk_text = st.one_of(st.text(), plan_like_text, damaged_base_text())


@settings(max_examples=examples(50))
@given(text=random_pk_text)
def test_random_text_as_pk(base_copy: Path, text: str) -> None:
    target = base_copy / PK
    data = text.encode("utf-8")
    with replaced(target, data):
        result = validate([base_copy])
        check_result(result, target, data)
        check_cli(base_copy)


# --- (ii) byte-level damage to the real plan ------------------------------------------------

PLAN_FILES = sorted(str(p.relative_to(PLAN)) for p in PLAN.rglob("*.yaml") if p.is_file())

ODD_VALUES = [
    b"0",
    b"13",
    b"[0, 13]",
    b"9" * 30,
    b"-9" + b"9" * 30,
    b"-1",
    b"-0.0",
    b"1e400",
    b"1e-400",
    b".nan",
    b"-.inf",
    b"0x7fffffffffffffffff",
    b"1" * 5000,
    b"",
    b"~",
    b"[]",
    b"{}",
    b"true",
    b'"\\u0000"',
    b"'\xe2\x80\xae'",
    b"\xf0\x9f\x98\x80",
    b"2024-13-45",
    b"&a 1",
    b"*a",
    b"!!binary AAAA",
]


def _replace_scalar(lines: list[bytes], index: int, value: bytes) -> None:
    line = lines[index]
    colon = line.find(b": ")
    if colon < 0:
        dash = line.find(b"- ")
        if dash < 0:
            lines[index] = value
            return
        lines[index] = line[: dash + 2] + value
        return
    lines[index] = line[: colon + 2] + value


@st.composite
def damaged_plan_file(
    draw: st.DrawFn, folder: Path = PLAN, names: Sequence[str] = PLAN_FILES
) -> tuple[str, bytes]:
    """One of the ``names`` files of ``folder`` (bidang and PK files of plans/2024 unless
    told) with one kind of byte-level damage."""
    name = draw(st.sampled_from(list(names)))
    data = (folder / name).read_bytes()
    lines = data.split(b"\n")
    n = len(lines)
    i = draw(st.integers(0, n - 1))
    kind = draw(
        st.sampled_from(
            ["delete", "duplicate", "swap", "scalar", "unicode", "indent", "dedent", "bytes"]
        )
    )
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = draw(st.integers(0, n - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "scalar":
        _replace_scalar(lines, i, draw(st.sampled_from(ODD_VALUES)))
    elif kind == "unicode":
        _replace_scalar(lines, i, draw(st.text(max_size=12)).encode("utf-8"))
    elif kind == "indent":
        lines[i] = b" " * draw(st.integers(1, 5)) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i][draw(st.integers(1, 5)) :]
    else:
        joined = b"\n".join(lines)
        at = draw(st.integers(0, len(joined)))
        inserted = draw(st.binary(min_size=1, max_size=8))
        return name, joined[:at] + inserted + joined[at:]
    return name, b"\n".join(lines)


@settings(max_examples=examples(30))
@given(damage=damaged_plan_file())
def test_damaged_real_plan(plan_copy: Path, damage: tuple[str, bytes]) -> None:
    name, data = damage
    target = plan_copy / name
    with replaced(target, data):
        result = validate([plan_copy])
        check_result(result, target, data)


@settings(max_examples=examples(20))
@given(damage=damaged_plan_file())
def test_damaged_plan_renders_and_diffs(plan_copy: Path, damage: tuple[str, bytes]) -> None:
    """A plan that validates always renders; any damaged plan can be diffed."""
    from renaksi.diff.plan import diff_plans
    from renaksi.output.diff_format import render_diff
    from renaksi.plan.git import Provenance
    from renaksi.plan.load import load_plan
    from renaksi.report.render import render
    from renaksi.rules.check import check_loaded

    name, data = damage
    target = plan_copy / name
    original = load_plan(plan_copy)
    with replaced(target, data):
        damaged = load_plan(plan_copy)
        problems = check_loaded(damaged)
        if not any(p.severity.value == "error" for p in problems):
            for output_format in ("md", "html"):
                page = render(
                    damaged.plan,
                    output_format=output_format,
                    bidang=None,
                    provenance=Provenance(None, False, "fuzz", repository=False),
                )
                assert "RENCANA AKSI" in page
        change = diff_plans(
            original.plan,
            damaged.plan,
            base_problems=check_loaded(original),
            head_problems=problems,
        )
        for output_format in ("text", "md", "json"):
            assert render_diff(change, output_format)


# --- (ii b) byte-level damage to realisasi --------------------------------------------------

EXAMPLE = ROOT / "examples" / "realisasi-2024"
EXAMPLE_FILES = sorted(p.name for p in EXAMPLE.glob("tw*.yaml"))


@pytest.fixture(scope="module")
def monitored_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """plans/2024 with the example's realisasi files in its realisasi/ folder."""
    folder = tmp_path_factory.mktemp("fuzz-monitoring") / "2024"
    shutil.copytree(PLAN, folder)
    shutil.copytree(EXAMPLE, folder / "realisasi")
    return folder


@settings(max_examples=examples(30))
@given(damage=damaged_plan_file(EXAMPLE, EXAMPLE_FILES))
def test_damaged_realisasi(monitored_copy: Path, damage: tuple[str, bytes]) -> None:
    """Damaged realisasi: located findings, never a crash; when it still validates, every
    quarter's monitoring report renders and the change can be diffed."""
    from renaksi.diff.plan import diff_plans
    from renaksi.output.diff_format import render_diff
    from renaksi.plan.git import Provenance
    from renaksi.plan.load import load_plan
    from renaksi.report.render import render_monitoring
    from renaksi.rules.check import check_loaded

    name, data = damage
    target = monitored_copy / "realisasi" / name
    original = load_plan(monitored_copy)
    with replaced(target, data):
        result = validate([monitored_copy])
        check_result(result, target, data)
        damaged = result.loads[0]
        if not result.failed():
            for period in {r.period for r in damaged.plan.realisasi}:
                for output_format in ("md", "html"):
                    page = render_monitoring(
                        damaged.plan,
                        period,
                        output_format=output_format,
                        bidang=None,
                        provenance=Provenance(None, False, "fuzz", repository=False),
                    )
                    assert "PEMANTAUAN" in page
        change = diff_plans(
            original.plan,
            damaged.plan,
            base_problems=check_loaded(original),
            head_problems=result.problems,
        )
        for output_format in ("text", "md", "json"):
            assert render_diff(change, output_format)


# --- (iii) random YAML structures -------------------------------------------------------------

#: Keys of the plan files, so random structures sometimes look like plans.
KEYS = [
    "tahun",
    "instansi",
    "kepala",
    "nama",
    "nip",
    "pangkat",
    "golongan",
    "jabatan",
    "plt",
    "tempat",
    "tanggal",
    "renstra",
    "periode",
    "mulai",
    "selesai",
    "iku",
    "indikator",
    "id",
    "sasaran",
    "satuan",
    "target",
    "triwulan",
    "cara_gabung",
    "arah",
    "program",
    "kode",
    "pagu",
    "kegiatan",
    "sub_kegiatan",
    "bidang",
    "total_pagu",
    "penandatangan",
    "rencana_aksi",
    "aksi",
    "bulan",
    "keluaran",
    "no",
    "jumlah",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        ["2024-01-02", "2 Januari 2024", "19670319 199702 1 003", "IV/a", "Rp 1.000", "29,17%"]
    ),
    st.dates().map(lambda d: d.isoformat()),
)

keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=8))

structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=6),
    ),
    max_leaves=30,
)


def dump(data: Any) -> bytes:
    buffer = io.BytesIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


BASE_DATA = {
    name: _plain(YAML(typ="safe", pure=True).load((BASE / name).read_text(encoding="utf-8")))
    for name in ("instansi.yaml", PK, "bidang/alpha.yaml")
}


@st.composite
def grafted(draw: st.DrawFn) -> tuple[str, Any]:
    """A base plan file with one subtree (chosen by walking down) replaced."""
    name = draw(st.sampled_from(sorted(BASE_DATA)))
    root = json.loads(json.dumps(BASE_DATA[name], default=str))
    node: Any = root
    while True:
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            key = draw(st.integers(0, len(node) - 1))
        else:
            break
        child = node[key]
        if not isinstance(child, (dict, list)) or draw(st.booleans()):
            node[key] = draw(structures)
            break
        node = child
    return name, root


documents = st.one_of(
    st.tuples(st.sampled_from(sorted(BASE_DATA)), structures),
    grafted(),
)


@settings(max_examples=examples(80))
@given(document=documents)
def test_random_structures(base_copy: Path, document: tuple[str, Any]) -> None:
    name, data = document
    target = base_copy / name
    text = dump(data)
    with replaced(target, text):
        result = validate([base_copy])
        check_result(result, target, text)
