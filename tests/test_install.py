"""``pip install .`` then ``renaksi report`` from another folder: the wheel carries the
templates, and the installed command renders without the source checkout.

Offline and fast: the wheel is built without build isolation (hatchling is a test extra),
the fresh venv sees this venv's site-packages through a ``.pth`` file (so the dependencies
resolve without downloading; the new venv's own site-packages comes first, so the installed
wheel wins over the editable install), and the wheel is installed with ``--no-deps``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_installed_wheel_renders_from_another_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INDEX"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"

    wheels = tmp_path / "wheels"
    built = run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "-w", wheels, ROOT,
        cwd=tmp_path, env=env,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("renaksi-*.whl")

    venv = tmp_path / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        cwd=tmp_path, env=env,
    ).stdout.strip()  # fmt: skip
    assert purelib.startswith(str(venv)), purelib
    Path(purelib, "_outer_site_packages.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )

    installed = run(
        python, "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=tmp_path, env=env
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(
        python, "-c",
        "import renaksi, renaksi.report.render as r; print(renaksi.__file__); "
        "print(r.default_templates())",
        cwd=elsewhere, env=env,
    )  # fmt: skip
    assert where.returncode == 0, where.stderr
    module, templates = where.stdout.splitlines()
    assert Path(module).is_relative_to(venv), module
    assert not Path(module).is_relative_to(ROOT / "src"), module
    assert Path(templates).is_relative_to(venv), templates
    assert (Path(templates) / "dokumen.html.j2").is_file()

    report = run(
        venv / "bin" / "renaksi", "report", PLAN, "--format", "html", "--output", "out.html",
        cwd=elsewhere, env=env,
    )  # fmt: skip
    assert report.returncode == 0, report.stdout + report.stderr
    out = (elsewhere / "out.html").read_text(encoding="utf-8")
    assert out.startswith("<!DOCTYPE html>")
    for text in (
        "BIDANG POLITIK DALAM NEGERI",
        "50.913.097.550",
        "10000 orang",
        "MUNAWAROH, S. Sos. MM",
        "NIP. 19690325 199103 2 004",
        "59.059.304.998",
    ):
        assert text in out, text
    assert sorted(p.name for p in elsewhere.iterdir()) == ["out.html"]
