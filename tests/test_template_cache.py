"""Compiled templates are kept between runs (Jinja's bytecode cache), safely: checked
against the template's source, never in the plan folder, only in a private folder, and a
cache that fails is only a slower run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report import render as render_module
from renaksi.report.render import render
from renaksi.report.template_cache import CACHE_ENV

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2024"
PROVENANCE = Provenance("0" * 40, False, "cache-test")


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    # Each run of the CLI starts with no Jinja environment; so does each render here.
    render_module._environment.cache_clear()
    yield
    render_module._environment.cache_clear()


def _html(plan_folder: Path = PLAN, templates: Path | None = None) -> str:
    plan = load_plan(plan_folder).plan
    render_module._environment.cache_clear()
    return render(
        plan, output_format="html", bidang=None, provenance=PROVENANCE, templates=templates
    )


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from jinja2 import Environment

    seen: list[str] = []
    real = Environment.compile

    def counting(self: Environment, source: object, name: str | None = None, *a: object) -> object:
        seen.append(str(name))
        return real(self, source, name, *a)  # type: ignore[call-overload]

    monkeypatch.setattr(Environment, "compile", counting)
    return seen


@pytest.mark.usefixtures("fresh_environments")
def test_a_second_run_compiles_nothing_and_prints_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    compiled = _compiles(monkeypatch)
    first = _html()
    assert compiled, "the first run compiles"
    assert list((tmp_path / "cache").glob("*.jinja-cache"))
    compiled.clear()
    second = _html()
    assert compiled == []
    assert second == first


@pytest.mark.usefixtures("fresh_environments")
def test_an_edited_template_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "dokumen.html.j2"
    page.write_text("satu {{ instansi.instansi.nama }}\n", encoding="utf-8")
    assert _html(templates=templates).startswith("satu ")
    page.write_text("dua {{ instansi.instansi.nama }}\n", encoding="utf-8")
    os.utime(page, (1, 1))  # even with an older time stamp: the source decides
    assert _html(templates=templates).startswith("dua ")


@pytest.mark.usefixtures("fresh_environments")
def test_nothing_is_written_inside_the_plan_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(PLAN, plan)
    monkeypatch.setenv(CACHE_ENV, str(plan / ".cache"))
    before = sorted(p.relative_to(plan) for p in plan.rglob("*"))
    _html(plan)
    assert sorted(p.relative_to(plan) for p in plan.rglob("*")) == before


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.usefixtures("fresh_environments")
def test_a_folder_others_can_write_to_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(CACHE_ENV, str(shared))
    _html()
    assert list(shared.iterdir()) == []


@pytest.mark.usefixtures("fresh_environments")
def test_damaged_or_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    expected = _html()
    for entry in cache.glob("*.jinja-cache"):
        entry.write_bytes(b"\x00garbage")
    assert _html() == expected
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocked / "cache"))
    assert _html() == expected


def test_a_render_does_not_look_at_template_files_again(
    fresh_environments: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Templates do not change under a run: checking each file's time at every include
    # was hundreds of system calls per page.
    plan = load_plan(PLAN).plan
    render(plan, output_format="html", bidang=None, provenance=PROVENANCE)
    looked: list[str] = []
    real = os.path.getmtime

    def counting(path: str) -> float:
        looked.append(str(path))
        return real(path)

    monkeypatch.setattr(os.path, "getmtime", counting)
    again = render(plan, output_format="html", bidang=None, provenance=PROVENANCE)
    assert "<html" in again
    assert [p for p in looked if p.endswith(".j2")] == []
