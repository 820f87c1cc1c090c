"""The architecture, enforced: layers, no cycles, a core without a terminal, light commands.

The package is layered, low to high: text < plan < monitoring < rules < report, diff <
output < cli (see ``LAYERS``); a module imports its own package and lower layers only, and
report and diff, peers, not each other. No two public classes share a name. The core (all
but ``renaksi.cli`` and the text formatter ``renaksi.output.text``) does not import typer,
rich or click, never prints and never exits. Commands that read no YAML do not load
ruamel.yaml or the pydantic models, so they start quickly.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "renaksi"


def _all_modules(src: Path = SRC) -> dict[str, Path]:
    """Every module of the package below ``src``, by dotted name."""
    out = {}
    for path in sorted(src.rglob("*.py")):
        parts = [src.name, *path.relative_to(src).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


#: The core: everything that is not the command line or a terminal formatter.
CORE = sorted(
    name
    for name in _all_modules()
    if name not in ("renaksi.cli", "renaksi.__main__", "renaksi.output.text")
)
#: The only modules allowed to talk to the terminal or end the process.
FRONT = {SRC / "cli.py", SRC / "__main__.py", SRC / "output" / "text.py"}
UI_PACKAGES = ("typer", "rich", "click")


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (so sys.modules starts empty); return stdout."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_core_does_not_import_ui_packages() -> None:
    code = f"""
import importlib, pkgutil, sys, json
for name in {CORE!r}:
    importlib.import_module(name)
import renaksi.rules
for info in pkgutil.iter_modules(renaksi.rules.__path__, "renaksi.rules."):
    importlib.import_module(info.name)
# Exercise the core too: load, check and format a number, all without the CLI.
from pathlib import Path
from renaksi.rules.check import validate
from renaksi.text import formats
validate([Path("plans/2024")])
formats.rupiah(1000)
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {UI_PACKAGES!r})))
"""
    assert json.loads(run_python(code)) == []


def test_non_text_formats_do_not_import_ui_packages() -> None:
    code = f"""
import json, sys
from pathlib import Path
from renaksi.rules.check import validate
from renaksi.output import formatter
result = validate([Path("tests/fixtures/as-published/2024")])
formatter("json")(result, False)
formatter("github")(result, True)
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {UI_PACKAGES!r})))
"""
    assert json.loads(run_python(code)) == []


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p not in FRONT)


FORBIDDEN_TEXT = ("import typer", "import rich", "from rich", "sys.exit(", "print(")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_core_module_text_has_no_ui(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for forbidden in FORBIDDEN_TEXT:
        assert forbidden not in text, f"{path.relative_to(ROOT)} contains {forbidden!r}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_core_module_ast_has_no_ui(path: Path) -> None:
    # The same rule read from the syntax tree: catches "from typer import ...",
    # "import click", "exit()" and "raise SystemExit", which the text check misses.
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] not in UI_PACKAGES, (path, alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            assert node.module.split(".")[0] not in UI_PACKAGES, (path, node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                assert func.id not in ("print", "exit", "quit"), (path, node.lineno)
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                assert (func.value.id, func.attr) != ("sys", "exit"), (path, node.lineno)
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            assert not (isinstance(exc, ast.Name) and exc.id == "SystemExit"), (path, node.lineno)


HEAVY = ("ruamel", "pydantic", "pydantic_core", "babel", "jinja2", "openpyxl")
HEAVY_RENAKSI = (
    "renaksi.plan.model",
    "renaksi.plan.load",
    "renaksi.rules.check",
    "renaksi.plan.folder",
)


def _loaded_after(args: list[str]) -> tuple[int, list[str]]:
    """Exit code and the heavy modules loaded after ``renaksi ARGS`` in a fresh process."""
    code = f"""
import json, sys
from typer.testing import CliRunner
from renaksi.cli import app
result = CliRunner().invoke(app, {args!r})
heavy = sorted(
    m for m in sys.modules
    if m.split('.')[0] in {HEAVY!r} or m in {HEAVY_RENAKSI!r}
)
print(json.dumps([result.exit_code, heavy]))
"""
    exit_code, loaded = json.loads(run_python(code))
    return exit_code, loaded


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_stay_light(args: list[str]) -> None:
    exit_code, loaded = _loaded_after(args)
    assert exit_code == 0
    assert loaded == []


def test_validate_help_loads_no_model_or_yaml() -> None:
    # typer itself uses pydantic for option types, so pydantic may be loaded here; the
    # plan models, the loader and ruamel.yaml must not be.
    exit_code, loaded = _loaded_after(["validate", "--help"])
    assert exit_code == 0
    assert [m for m in loaded if m.split(".")[0] not in ("pydantic", "pydantic_core")] == []


@pytest.mark.parametrize("args", [["rules"], ["rules", "BG01"]])
def test_rules_does_not_read_yaml(args: list[str]) -> None:
    exit_code, loaded = _loaded_after(args)
    assert exit_code == 0
    assert not any(m.split(".")[0] == "ruamel" for m in loaded)
    assert "renaksi.plan.load" not in loaded


@pytest.mark.parametrize("args", [["validate", "plans/2024"], ["report", "plans/2024"]])
def test_only_export_and_import_load_openpyxl(args: list[str]) -> None:
    exit_code, loaded = _loaded_after(args)
    assert exit_code == 0
    assert not [m for m in loaded if m.split(".")[0] == "openpyxl"]


def test_help_via_importtime_has_no_heavy_imports() -> None:
    # The console-script path: ``python -X importtime -m renaksi --help`` lists every
    # module imported, on stderr.
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "renaksi", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "renaksi.cli" in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in HEAVY or m in HEAVY_RENAKSI)
    assert heavy == []


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every renaksi module ``path`` imports, at any depth (deferred imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("renaksi"):
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("renaksi"))
    return found


def test_no_circular_imports() -> None:
    # Deferred imports count too: a cycle hidden inside a function is still a cycle.
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    # Importing a submodule runs its package's __init__ first; that edge is not a cycle.
    graph = {
        name: {
            m for m in _imports(path) if m in modules and m != name and not name.startswith(m + ".")
        }
        for name, path in modules.items()
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph[name]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [name, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


# The layers, low to high. A module may import its own package and any lower layer; two
# packages on one layer (report and diff) are peers and may not import each other. The
# package root (``renaksi``: the version) is below everything.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("renaksi",),
    ("renaksi.text",),
    ("renaksi.plan",),
    ("renaksi.monitoring",),
    ("renaksi.rules",),
    ("renaksi.report", "renaksi.diff"),
    ("renaksi.sheet",),
    ("renaksi.output",),
    ("renaksi.cli",),
    ("renaksi.__main__",),
)


def _unit(module: str) -> tuple[int, str]:
    """The layer of ``module`` and the package (unit) it belongs to."""
    best: tuple[int, str] | None = None
    for level, units in enumerate(LAYERS):
        for unit in units:
            if (module == unit or module.startswith(unit + ".")) and (
                best is None or len(unit) > len(best[1])
            ):
                best = (level, unit)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add its package to LAYERS")
    return best


def layer_violations(src: Path = SRC) -> list[str]:
    """Every import (deferred and TYPE_CHECKING ones included) that goes up a layer or
    sideways to a peer, as ``importer -> imported``."""
    modules = _all_modules(src)
    found = []
    for name, path in modules.items():
        level, unit = _unit(name)
        for imported in sorted(_imports(path)):
            if imported not in modules:
                continue  # ``from renaksi.x import Name``: the module itself is listed too
            their_level, their_unit = _unit(imported)
            if (
                their_unit == unit
                or their_level < level
                or (their_unit == "renaksi" and imported == "renaksi")
            ):
                continue
            found.append(f"{name} -> {imported}")
    return found


def test_layers_are_respected() -> None:
    assert layer_violations() == []


def _fake_package(root: Path, files: dict[str, str]) -> Path:
    src = root / "renaksi"
    for rel, text in {"__init__.py": "", **files}.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return src


def test_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    # A temporary package shaped like ours: the plan layer reaching up to the rules (the
    # old loader did) and the text layer reaching up to the CLI, inside a function.
    src = _fake_package(
        tmp_path,
        {
            "text/__init__.py": "",
            "text/formats.py": "def f():\n    from renaksi.cli import app\n",
            "plan/__init__.py": "",
            "plan/load.py": "from renaksi.rules.registry import ALL_RULES\n",
            "rules/__init__.py": "",
            "rules/registry.py": "from renaksi.plan.load import x\n",
            "cli.py": "from renaksi.text import formats\n",
        },
    )
    assert layer_violations(src) == [
        "renaksi.plan.load -> renaksi.rules.registry",
        "renaksi.text.formats -> renaksi.cli",
    ]


def test_layer_check_sees_a_sideways_import(tmp_path: Path) -> None:
    src = _fake_package(
        tmp_path,
        {
            "report/__init__.py": "",
            "report/render.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from renaksi.diff.plan import PlanDiff\n",
            "diff/__init__.py": "",
            "diff/plan.py": "",
        },
    )
    assert layer_violations(src) == ["renaksi.report.render -> renaksi.diff.plan"]


def test_every_module_is_in_a_layer() -> None:
    for name in _all_modules():
        _unit(name)


def public_class_names(src: Path = SRC) -> dict[str, list[str]]:
    """Public class names defined in more than one module, with those modules."""
    seen: dict[str, list[str]] = {}
    for name, path in _all_modules(src).items():
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                seen.setdefault(node.name, []).append(name)
    return {cls: where for cls, where in seen.items() if len(where) > 1}


def test_no_two_public_classes_share_a_name() -> None:
    assert public_class_names() == {}


def test_duplicate_class_check_sees_a_duplicate(tmp_path: Path) -> None:
    src = _fake_package(
        tmp_path,
        {
            "plan/__init__.py": "",
            "plan/file.py": "class Document:\n    pass\n\nclass _Private:\n    pass\n",
            "report/__init__.py": "",
            "report/view.py": "class Document:\n    pass\n\nclass _Private:\n    pass\n",
        },
    )
    assert public_class_names(src) == {"Document": ["renaksi.plan.file", "renaksi.report.view"]}


def test_the_architecture_page_names_every_module() -> None:
    # docs/architecture.md is the map a newcomer reads; a module it does not name is a
    # room nobody was told about.
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        rel
        for path in sorted(SRC.rglob("*.py"))
        if (rel := path.relative_to(SRC).as_posix()) not in page
        and not (rel.endswith("/__init__.py") and f"`{rel.split('/')[0]}`" in page)
    ]
    assert missing == []
