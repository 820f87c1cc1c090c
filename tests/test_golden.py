"""Golden files: the exact report of plans/2024, as Markdown and HTML, whole and per bidang.

The files in ``tests/golden/`` are rendered by :func:`renaksi.report.render.render` from the default
templates with a fixed provenance, so they do not change with every commit. Any change to a
template, a filter or the plan shows up here as a diff to review.

After an intended change, rewrite them and read the diff before committing::

    .venv/bin/pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import pytest

from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.report.render import render
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
GOLDEN = Path(__file__).resolve().parent / "golden"
PROVENANCE = Provenance(
    commit="0123456789abcdef0123456789abcdef01234567", dirty=False, version="golden"
)
SLUGS = ("ekonomi", "ideologi", "kewaspadaan", "politik")
FORMATS = ("md", "html")
DIFF_LINES = 60

CASES = [(f"dokumen.{fmt}", None, fmt) for fmt in FORMATS] + [
    (f"bidang-{slug}.{fmt}", slug, fmt) for slug in SLUGS for fmt in FORMATS
]


@cache
def plan() -> Plan:
    result = validate([PLAN])
    assert not result.failed(), "plans/2024 does not validate"
    return result.loads[0].plan


def rendered(bidang: str | None, fmt: str) -> str:
    return render(plan(), output_format=fmt, bidang=bidang, provenance=PROVENANCE)


def diff(expected: str, actual: str, name: str) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"tests/golden/{name}",
            tofile=f"{name} (rendered now)",
        )
    )
    shown = "".join(lines[:DIFF_LINES])
    more = f"\n... {len(lines) - DIFF_LINES} more diff lines" if len(lines) > DIFF_LINES else ""
    return shown + more


def test_the_plan_has_exactly_these_bidang() -> None:
    assert sorted(plan().bidang_slugs) == sorted(SLUGS)


@pytest.mark.parametrize(("name", "bidang", "fmt"), CASES)
def test_golden(name: str, bidang: str | None, fmt: str, update_golden: bool) -> None:
    actual = rendered(bidang, fmt)
    path = GOLDEN / name
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing; run pytest tests/test_golden.py --update-golden"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        pytest.fail(
            f"{name} differs from the golden file (if the change is intended, run "
            f"pytest tests/test_golden.py --update-golden and review the diff):\n"
            + diff(expected, actual, name),
            pytrace=False,
        )


def test_no_stray_golden_files() -> None:
    # The report's golden files; test_diff.py keeps its own as diff-*, and
    # test_monitoring_report.py as pemantauan-*, test_pk_document.py as pk-*, test_pdf.py as pdf-*.
    if GOLDEN.is_dir():
        others = ("diff-", "pemantauan-", "pk-", "contoh-", "pdf-")
        ours = sorted(p.name for p in GOLDEN.iterdir() if not p.name.startswith(others))
        assert ours == sorted(name for name, _, _ in CASES)


def test_golden_render_is_deterministic() -> None:
    assert rendered(None, "html") == rendered(None, "html")
    assert rendered("politik", "md") == rendered("POLITIK", "md")
