"""``renaksi validate`` pays only for what it uses: YAML readers are freed after each file
(the CLI runs with the cyclic garbage collector off, so a reader that refers to itself
would stay to the end of the run), and nothing only reports need is imported.

Mechanisms, not timings: benchmarks/run.py measures the time and memory.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.main import YAML

from renaksi.plan import fast_yaml
from renaksi.rules.check import validate
from renaksi.rules.walk import documents as walk_documents

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2024"


@contextmanager
def _collector_off() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _alive(kind: type) -> int:
    # gc.get_objects() lists every tracked object whether or not the collector runs.
    return sum(1 for obj in gc.get_objects() if isinstance(obj, kind))


@pytest.mark.skipif(not fast_yaml.available(), reason="ruamel.yaml.clib is not installed")
def test_the_fast_readers_loaders_are_freed_with_the_collector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]  # any libyaml loader

    # plans/2024 is read line by line (no libyaml loader at all): a quoted value with an
    # escape, which the line reader leaves to the C composer, sends every file there.
    plan = tmp_path / "2024"
    shutil.copytree(PLAN, plan)
    for path in sorted(plan.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text + 'catatan_uji: "Samarind\\x61"\n', encoding="utf-8")
    composed: list[str] = []
    compose = fast_yaml._compose

    def counted(loader_class: Any, text: str) -> Any:
        composed.append(text)
        return compose(loader_class, text)

    monkeypatch.setattr(fast_yaml, "_compose", counted)
    with _collector_off():
        before = _alive(CParser)
        result = validate([plan, plan], keep_plans=False)
        assert len(result.loads) == 2
        assert _alive(CParser) == before
    assert len(composed) == 2 * len(list(plan.rglob("*.yaml")))


def test_the_exact_readers_yaml_objects_are_freed_with_the_collector_off(tmp_path: Path) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(PLAN, plan)
    for path in sorted(plan.rglob("*.yaml")):  # a tab in a comment: the exact reader reads it
        path.write_text(path.read_text(encoding="utf-8") + "#\tcatatan\n", encoding="utf-8")
    with _collector_off():
        before = _alive(YAML)
        validate([plan], keep_plans=False)
        assert _alive(YAML) == before


#: What only ``renaksi report`` (or export) needs.
REPORT_ONLY = ("jinja2", "markdown_it", "weasyprint", "openpyxl", "renaksi.report")


def _run_main(
    argv: list[str], cwd: Path, probe: str = "None", plugins: str | None = None
) -> tuple[int, list[str], object]:
    """Run ``main(argv)`` in a fresh interpreter: its exit code, the modules it imported,
    and the value of the expression ``probe`` afterwards. ``plugins`` is the user's own
    PYDANTIC_DISABLE_PLUGINS, if any."""
    program = (
        "import sys, json\n"
        "from renaksi.cli import main\n"
        f"code = main({argv!r})\n"
        "sys.stdout.flush()\n"
        f"sys.stderr.write(json.dumps([code, sorted(sys.modules), {probe}]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = str(ROOT / "src")
    if plugins is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = plugins
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    code, modules, probed = json.loads(done.stderr.strip().splitlines()[-1])
    return code, modules, probed


def _modules_after(argv: list[str], cwd: Path) -> tuple[int, list[str]]:
    code, modules, _ = _run_main(argv, cwd)
    return code, modules


def test_validate_imports_nothing_only_reports_need() -> None:
    code, modules = _modules_after(["validate", str(PLAN)], ROOT)
    assert code == 0
    loaded = [m for m in modules if m.split(".")[0] in REPORT_ONLY or m in REPORT_ONLY]
    loaded += [m for m in modules if m.startswith("renaksi.report")]
    assert loaded == []


def test_validate_loads_no_file_writer_not_even_to_end() -> None:
    # validate writes no file: the atomic writer (and tempfile) stay unloaded, also by the
    # check at exit for a write a signal stopped.
    code, modules = _modules_after(["validate", str(PLAN)], ROOT)
    assert code == 0
    assert "renaksi.text.atomic" not in modules
    assert "tempfile" not in modules


def test_a_clean_plan_loads_no_error_wording() -> None:
    # The wording of YAML syntax errors and of schema errors (and key repairs) is loaded
    # when a file has such an error, not by every run.
    code, modules = _modules_after(["validate", str(PLAN)], ROOT)
    assert code == 0
    assert "renaksi.plan.yaml_words" not in modules
    assert "renaksi.plan.validation" not in modules


def test_models_are_cheap_to_create_and_build() -> None:
    # Every validate creates these classes and builds three of them: annotations are
    # objects (pydantic would compile and evaluate strings each time), and no default
    # factory is a class such as ``list`` (pydantic reads its signature, parsed from text).
    import inspect

    from pydantic import BaseModel

    from renaksi.plan import model

    classes = [
        c
        for c in vars(model).values()
        if isinstance(c, type) and issubclass(c, BaseModel) and c.__module__ == model.__name__
    ]
    assert len(classes) > 30
    for cls in classes:
        annotations = inspect.get_annotations(cls)
        assert not any(isinstance(a, str) for a in annotations.values()), cls
        for name, info in cls.model_fields.items():
            assert not isinstance(info.default_factory, type), (cls, name)


def test_validate_does_not_load_babels_locale_data_for_a_clean_plan() -> None:
    code, modules = _modules_after(["validate", str(PLAN)], ROOT)
    assert code == 0
    assert "babel.localedata" not in modules
    assert "babel.numbers" not in modules


def test_validate_does_not_look_up_pydantic_plugins() -> None:
    # pydantic scans every installed distribution's entry points (importlib.metadata)
    # for plugins on its first model; renaksi has none to offer them.
    probe = "getattr(sys.modules['pydantic.plugin._loader'], '_plugins', None) is None"
    code, modules, never_scanned = _run_main(["validate", str(PLAN)], ROOT, probe)
    assert code == 0
    assert never_scanned is True
    # Not even the module that would scan: pydantic's loader imports it at its top.
    assert "importlib.metadata" not in modules


def test_a_users_own_plugin_setting_keeps_pydantics_loader() -> None:
    # Turning off only some plugins leaves the others to be found: the real loader then.
    probe = "hasattr(sys.modules['pydantic.plugin._loader'], 'PYDANTIC_ENTRY_POINT_GROUP')"
    code, _, real = _run_main(["validate", str(PLAN)], ROOT, probe, plugins="lain")
    assert code == 0
    assert real is True


def test_validate_builds_no_realisasi_model_for_a_plan_without_realisasi() -> None:
    # Models are built when first used (defer_build), not all of them at import.
    probe = "sys.modules['renaksi.plan.model'].RealisasiFile.__pydantic_complete__"
    code, _, built = _run_main(["validate", str(PLAN)], ROOT, probe)
    assert code == 0
    assert built is False


def test_help_builds_no_command_parameters() -> None:
    code, modules = _modules_after(["--help"], ROOT)
    assert code == 0
    assert "typer._adapters" not in modules
    assert "pydantic" not in modules


def test_a_plan_folder_is_resolved_once_not_once_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    resolved: list[Path] = []
    real = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        resolved.append(self)
        return real(self, strict)

    looked: list[str] = []
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
        looked.append(os.fspath(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(Path, "resolve", counting)
    monkeypatch.setattr(os, "lstat", lstat)
    result = validate([PLAN], keep_plans=False)
    # Each file is still checked for a symbolic link (tests/test_source_links.py: a link
    # out of the folder is refused), by looking at the file itself: a file that is no link,
    # in folders that are none, is inside. Resolving walked every part of every path.
    files = [p for p in looked if p.endswith(".yaml")]
    assert len(files) >= result.files > 0
    assert resolved.count(PLAN) <= 1
    assert len(resolved) <= 3  # the folder, bidang/ and realisasi/ at most


def test_report_formats_numbers_without_loading_babels_locale(tmp_path: Path) -> None:
    # Parsing Babel's pattern and loading its locale for each number was most of the time
    # spent formatting; renaksi writes the Indonesian marks itself (and test_values.py
    # holds the result to Babel's).
    out = tmp_path / "rencana.html"
    argv = ["report", str(PLAN), "-t", "3", "-f", "html", "-o", str(out)]
    argv += ["--realisasi", str(ROOT / "examples" / "realisasi-2024")]
    code, modules = _modules_after(argv, ROOT)
    assert code == 0, out
    assert "%" in out.read_text(encoding="utf-8")
    assert "babel.numbers" not in modules


def test_rules_that_judge_the_same_numbers_walk_them_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # SC08 and SC09 both read every YAML number's text (a position lookup each).
    from renaksi.plan.model import quantity_places as real
    from renaksi.rules import skema

    walked: list[object] = []

    def counting(model: Any, raw: Any, path: Any = ()) -> Any:
        walked.append(model)
        return real(model, raw, path)

    monkeypatch.setattr(skema, "quantity_places", counting)
    result = validate([PLAN])
    documents = sum(1 for _ in walk_documents(result.loads[0].plan))
    assert documents > 1
    assert len(walked) == documents
