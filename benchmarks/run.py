"""Benchmark ``renaksi validate`` and ``renaksi report`` against peers and floors.

Builds x1, x10 and x100 plan sets from plans/2024 in a temporary folder (N agencies, each
``instansi-NNN/2024`` with its own ids), then times whole processes, interleaved round by
round, and prints medians, ratios, peak memory and the verdict on each target. See
benchmarks/README.md. Usage::

    python benchmarks/run.py            # 5 rounds, writes benchmarks/results.md
    python benchmarks/run.py --quick    # 2 rounds, fewer x100 commands, prints only
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
PLAN = ROOT / "plans" / "2024"
EXAMPLE = ROOT / "examples" / "realisasi-2024"
VENV = HERE / ".venv"
YAMALE_DIR = HERE / "yamale"
RESULTS = HERE / "results.md"
KINDS = ("instansi", "perjanjian-kinerja", "bidang")
SCALES = (1, 10, 100)
#: The full run adds a whole province: x1000, ~40 MB (validate and the floors only).
FULL_SCALES = (1, 10, 100, 1000)
#: The invalid variant: 10 agencies whose bidang files hold BAD broken entries each
#: (~1000 findings of several rules), and the same with 4 times as many.
BAD, INVALID_AGENCIES = 9, 10
#: What the benchmark's own environment needs; ruamel.yaml.clib is optional (a second
#: candidate for the C-backed load floor).
PEER_PACKAGES = ("check-jsonschema", "yamale", "pyyaml")
OPTIONAL_PACKAGES = ("ruamel.yaml.clib",)
#: Linear scaling: time(x100) / time(x10) may be at most 10 times this.
LINEAR_TOLERANCE = 1.15
#: Report rows at x1, run through the CLI: (key, label, options after the plan folder).
#: Another output format adds its row here (e.g. ``--format pdf``).
REPORT_ROWS: list[tuple[str, str, list[str]]] = [
    (
        "report-cli",
        "renaksi report --format html (CLI)",
        ["--format", "html", "-o", "out/cli.html"],
    ),
]
WINDOWS = os.name == "nt"

# --- the programs timed besides the CLIs --------------------------------------------------

#: Floor (a): what ``renaksi validate`` imports before it reads a file (cli.py validate and
#: rules/check.py), and nothing else.
IMPORTS = (
    "import renaksi.cli, renaksi.rules.check, renaksi.plan.load, renaksi.plan.model, "
    "renaksi.plan.source, renaksi.output.text, ruamel.yaml, pydantic"
)

#: Floor (b): load every file with a C-backed YAML loader and keep the data, the garbage
#: collector off (at its best). Two candidates; the faster one is the floor.
PYYAML_LOAD = """\
import gc, sys

gc.disable()
import yaml

gc.freeze()
load, Loader = yaml.load, yaml.CSafeLoader
docs = []
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        docs.append(load(f, Loader))
"""

RUAMEL_C_LOAD = """\
import gc, sys

gc.disable()
from ruamel.yaml import YAML

gc.freeze()
yaml = YAML(typ="safe", pure=False)
docs = []
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        docs.append(yaml.load(f))
"""

#: Floor (c): the same data as JSON files (converted before timing), json.load.
JSON_LOAD = """\
import gc, sys

gc.disable()
import json

gc.freeze()
docs = []
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        docs.append(json.load(f))
"""

#: Floor: the bytes of every file read, nothing else.
READ_BYTES = """\
import sys

data = []
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        data.append(f.read())
"""

#: Peer in one process: the jsonschema library on the same files (loaded with PyYAML's C
#: loader), one schema per kind; arguments are KIND=SCHEMA then that kind's files.
JSONSCHEMA_LIB = """\
import json, sys
import jsonschema, yaml

validator, bad = None, 0
for arg in sys.argv[1:]:
    if arg.startswith("schema="):
        with open(arg[7:], "rb") as f:
            schema = json.load(f)
        validator = jsonschema.validators.validator_for(schema)(schema)
        continue
    with open(arg, "rb") as f:
        data = yaml.load(f, yaml.CSafeLoader)
    bad += sum(1 for _ in validator.iter_errors(json.loads(json.dumps(data, default=str))))
sys.exit(1 if bad else 0)
"""

#: Peer in one process: the yamale library on the same files.
YAMALE_LIB = """\
import sys
import yamale

schema, bad = None, 0
for arg in sys.argv[1:]:
    if arg.startswith("schema="):
        schema = yamale.make_schema(arg[7:])
        continue
    for result in yamale.validate(schema, yamale.make_data(arg), _raise_error=False):
        bad += not result.isValid()
sys.exit(1 if bad else 0)
"""

#: ``renaksi report`` renders one folder per process; this renders every folder of a set in
#: one process, doing what the CLI does for each: validate, git provenance, render, write.
#: The cyclic collector is off, as ``renaksi.cli.main`` turns it off for every command: with
#: it on, the driver paid for collections the CLI it stands for never makes.
REPORT_DRIVER = """\
import gc
import sys

gc.disable()
from pathlib import Path
from renaksi.rules.check import validate
from renaksi.plan.git import provenance
from renaksi.report.render import render
from renaksi.text.atomic import write_atomic

out = Path(sys.argv[1])
for i, name in enumerate(sys.argv[2:]):
    folder = Path(name)
    result = validate([folder])
    if result.failed():
        sys.exit(1)
    text = render(
        result.loads[0].plan,
        output_format="html",
        bidang=None,
        provenance=provenance(folder),
        warnings=[],
    )
    write_atomic(out / f"{i:03d}.html", text, protected=[folder])
"""

PROGRAMS = {
    "IMPORTS": IMPORTS,
    "READ_BYTES": READ_BYTES,
    "JSONSCHEMA_LIB": JSONSCHEMA_LIB,
    "YAMALE_LIB": YAMALE_LIB,
    "PYYAML_LOAD": PYYAML_LOAD,
    "RUAMEL_C_LOAD": RUAMEL_C_LOAD,
    "JSON_LOAD": JSON_LOAD,
    "REPORT_DRIVER": REPORT_DRIVER,
}


# --- building the plan sets ---------------------------------------------------------------

_KEYS = r"(?:id|sub_kegiatan|sasaran|indikator)"
#: An id or a reference to one: ``id: pk-1``, ``- sub_kegiatan: x  # note``, ``indikator: pk-1``.
_REFERENCE = re.compile(
    rf"^(?P<head>[ \t]*(?:-[ \t]+)?{_KEYS}:[ \t]+)(?P<value>[A-Za-z0-9][A-Za-z0-9._-]*)"
    r"(?P<tail>[ \t]*(?:#.*)?)$",
    re.MULTILINE,
)
#: Any such key with a value on its line (to prove every one was rewritten).
_ANY_VALUE = re.compile(rf"^[ \t]*(?:-[ \t]+)?{_KEYS}:[ \t]*[^\s#]", re.MULTILINE)
_ID = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]+(\S+)", re.MULTILINE)
_AGENCY_NAME = re.compile(r"^(instansi:[ \t]*\n[ \t]+nama:[ \t]+)(.+)$", re.MULTILINE)


def _rewrite(text: str, suffix: str, where: Path) -> str:
    """Every id and reference with ``-suffix`` appended; fails loudly if one is missed."""
    new, done = _REFERENCE.subn(lambda m: f"{m['head']}{m['value']}-{suffix}{m['tail']}", text)
    wanted = len(_ANY_VALUE.findall(text))
    if done != wanted:
        raise SystemExit(f"{where}: rewrote {done} of {wanted} ids/references")
    return new


def agency(n: int) -> str:
    """The folder name of agency ``n``."""
    return f"instansi-{n:03d}" if n < 1000 else f"instansi-{n}"


#: A one-line plain name or output (not a folded ``>-`` block): made distinct per agency.
_NAME = re.compile(
    r"^(?P<head>[ \t]*(?:-[ \t]+)?(?:nama|keluaran):[ \t]+)(?P<value>[^>|\s\"'].*)$", re.MULTILINE
)
#: An aksi of a rencana aksi (its three lines), to add copies of it.
_AKSI = re.compile(
    r"^(?P<indent>[ \t]+)- nama: (?P<name>.+)\n(?P=indent)  bulan: .+\n(?P=indent)  keluaran: .+\n",
    re.MULTILINE,
)
#: A yearly target of a rencana aksi (``target: 600 orang``): a different count.
_AKSI_TARGET = re.compile(
    r"^(?P<head>    target: )(?P<value>[0-9]+)(?P<tail> [A-Za-z].*)$", re.MULTILINE
)


def _vary(text: str, n: int, path: Path) -> str:
    """Agency ``n``'s own content: other names, other counts, another number of aksi, so
    that nothing read for one agency (a resolved tag, a hint, a name) is reused for the
    next one. The plan stays as valid as plans/2024."""
    text = _NAME.sub(lambda m: f"{m['head']}{m['value']} {n:03d}", text)
    text = _AKSI_TARGET.sub(lambda m: f"{m['head']}{int(m['value']) + n}{m['tail']}", text)
    if path.parent.name == "bidang" and n % 3:
        first = _AKSI.search(text)
        if first is None:
            raise SystemExit(f"{path}: no aksi to copy")
        copies = "".join(
            first.group(0).replace(first["name"], f"{first['name']} tambahan {k}", 1)
            for k in range(n % 3 * 2)
        )
        text = text[: first.end()] + copies + text[first.end() :]
    return text


#: The invalid variant: each bidang file gains this many broken rencana aksi entries per
#: unit of ``bad``, each with an unknown sub kegiatan (RF, with a "maksudnya ...?" hint),
#: a month 13 (SC) and an empty output.
_BROKEN_AKSI = """\
  - sub_kegiatan: tidak-ada-{k}
    target: 1 orang
    aksi:
      - nama: Aksi rusak {k}
        bulan: [13]
        keluaran: Laporan {k}
"""


def _break(text: str, bad: int) -> str:
    at = text.index("\nrencana_aksi:\n") + len("\nrencana_aksi:\n")
    broken = "".join(_BROKEN_AKSI.format(k=k) for k in range(bad))
    return text[:at] + broken + text[at:]


def build_agencies(work: Path, count: int, prefix: str = "", bad: int = 0) -> list[Path]:
    """``count`` copies of plans/2024 as ``instansi-NNN/2024`` with distinct ids, names,
    counts and numbers of aksi; with ``bad``, each bidang file gets ``bad`` broken
    entries (see _BROKEN_AKSI)."""
    folders = []
    for n in range(1, count + 1):
        folder = work / prefix / agency(n) / PLAN.name
        shutil.copytree(PLAN, folder)
        for path in sorted(folder.rglob("*.yaml")):
            text = _rewrite(path.read_text(encoding="utf-8"), f"i{n:03d}", path)
            text = _vary(text, n, path)
            if path.name == "instansi.yaml":
                text, named = _AGENCY_NAME.subn(rf"\g<1>\g<2> (Instansi {n:03d})", text)
                if named != 1:
                    raise SystemExit(f"{path}: instansi.nama not found")
            if bad and path.parent.name == "bidang":
                text = _break(text, bad)
            path.write_text(text, encoding="utf-8")
        folders.append(folder)
    ids = [i for f in folders for p in f.rglob("*.yaml") for i in _ID.findall(p.read_text())]
    if len(ids) != len(set(ids)):
        raise SystemExit("ids are not distinct between agencies")
    return folders


def kind_files(folders: Sequence[Path]) -> dict[str, list[Path]]:
    """The YAML files of the folders by kind, folder by folder, in a stable order."""
    return {
        "instansi": [f / "instansi.yaml" for f in folders],
        "perjanjian-kinerja": [f / "perjanjian-kinerja.yaml" for f in folders],
        "bidang": [p for f in folders for p in sorted((f / "bidang").glob("*.yaml"))],
    }


def to_json(work: Path, files: Sequence[Path]) -> dict[Path, Path]:
    """The files converted to JSON below ``work/json`` (dates as text), done before timing:
    YAML path -> JSON path."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    out = {}
    for path in files:
        target = work / "json" / path.relative_to(work).with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = yaml.load(path)
        target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        out[path] = target
    return out


# --- the benchmark's environment ----------------------------------------------------------


def venv_exe(name: str) -> Path:
    """An executable inside benchmarks/.venv."""
    return VENV / ("Scripts" if WINDOWS else "bin") / (name + (".exe" if WINDOWS else ""))


def _quiet(argv: Sequence[str | Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, check=False, cwd=ROOT
    )


def _probes() -> dict[str, list[str]]:
    py = str(venv_exe("python"))
    return {
        "check-jsonschema": [str(venv_exe("check-jsonschema")), "--version"],
        "yamale": [str(venv_exe("yamale")), "--version"],
        "pyyaml": [py, "-c", "import yaml; yaml.CSafeLoader"],
        "ruamel.yaml.clib": [py, "-c", "import _ruamel_yaml; from ruamel.yaml import YAML"],
    }


def _available(package: str) -> bool:
    try:
        return _quiet(_probes()[package]).returncode == 0
    except OSError:
        return False


def prepare_venv() -> dict[str, str | None]:
    """benchmarks/.venv with the peers: package -> None if usable, else the reason not."""
    status: dict[str, str | None] = {}
    if not venv_exe("python").exists():
        print(f"creating {VENV.relative_to(ROOT)} (first run) ...", flush=True)
        made = _quiet([sys.executable, "-m", "venv", VENV])
        if made.returncode != 0:
            reason = f"python -m venv failed: {made.stderr.strip().splitlines()[-1:]}"
            return dict.fromkeys((*PEER_PACKAGES, *OPTIONAL_PACKAGES), reason)
    missing = [p for p in (*PEER_PACKAGES, *OPTIONAL_PACKAGES) if not _available(p)]
    if missing:
        print(f"installing into {VENV.relative_to(ROOT)}: {' '.join(missing)} ...", flush=True)
        pip: list[str | Path] = [venv_exe("python"), "-m", "pip", "install", "-q"]
        if _quiet([*pip, *missing]).returncode != 0:
            for package in missing:  # one at a time, so one failure costs only that one
                _quiet([*pip, package])
    for package in (*PEER_PACKAGES, *OPTIONAL_PACKAGES):
        if _available(package):
            status[package] = None
        else:
            done = _quiet([venv_exe("python"), "-m", "pip", "install", "-q", package])
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            status[package] = f"pip install {package} failed: {tail[0]}"
    return status


# --- timing -------------------------------------------------------------------------------


@dataclass
class Command:
    """One timed command: one or more processes run one after the other, times summed."""

    scale: int
    key: str
    label: str
    argvs: list[list[str]]
    shown: list[str]
    samples: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    failure: str | None = None
    #: The exit code it should end with (1 for the invalid variant).
    expect: int = 0

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples and not self.failure else None

    @property
    def peak_mb(self) -> float | None:
        return statistics.median(self.peaks) if self.peaks and not self.failure else None


#: The environment of the timed processes (set in main: renaksi's template cache inside
#: the work folder, so the warm-up round fills it as a user's earlier run would).
CHILD_ENV: dict[str, str] = {}

#: GNU time, if it works here: it forks the command from its own ~1 MB process, so %M is
#: the command's own peak. (ru_maxrss of a child started from this script also counts this
#: script's memory: Linux carries the pre-exec high-water mark across exec.)
GNU_TIME = shutil.which("time", path="/usr/bin:/bin") or ""


def gnu_time_works(scratch: Path) -> bool:
    """True when GNU time's ``-f %M -o FILE`` works (not BSD or BusyBox time)."""
    if not GNU_TIME:
        return False
    out = scratch / "maxrss.txt"
    done = subprocess.run(
        [GNU_TIME, "-f", "%M", "-o", str(out), sys.executable, "-c", "pass"],
        capture_output=True,
        check=False,
    )
    try:
        return done.returncode == 0 and int(out.read_text().split()[-1]) > 0
    except (OSError, ValueError, IndexError):
        return False


def run_process(
    argv: Sequence[str], cwd: Path, scratch: Path, gnu_time: bool
) -> tuple[float, float | None, int]:
    """Wall seconds, peak resident MiB and exit code of one process. Output goes to
    /dev/null, stderr to a scratch file (for the failure message)."""
    maxrss = scratch / "maxrss.txt"
    wrapped = [GNU_TIME, "-f", "%M", "-o", str(maxrss), *argv] if gnu_time else list(argv)
    with (scratch / "stderr.txt").open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=CHILD_ENV or None
        )
        if gnu_time or not hasattr(os, "wait4"):
            code = proc.wait()
            elapsed = time.perf_counter() - start
            peak = None
        else:  # an upper bound: includes this script's own memory (see GNU_TIME)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    if gnu_time:
        try:  # the last line; GNU time writes "Command exited with non-zero status" first
            peak = int(maxrss.read_text().split()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            peak = None
    return elapsed, peak, code


def run_command(cmd: Command, cwd: Path, scratch: Path, gnu_time: bool, record: bool) -> None:
    """Run ``cmd`` once; record its time and peak unless this is a warm-up."""
    total, peak = 0.0, 0.0
    for argv in cmd.argvs:
        elapsed, mb, code = run_process(argv, cwd, scratch, gnu_time)
        if code != cmd.expect and cmd.failure is None:
            errors = scratch / "stderr.txt"
            tail = errors.read_text(errors="replace").strip().splitlines()[-3:]
            cmd.failure = f"exit code {code}: {' | '.join(tail)}"
        total += elapsed
        peak = max(peak, mb or 0.0)
    if record:
        cmd.samples.append(total)
        if peak:
            cmd.peaks.append(peak)


# --- the commands -------------------------------------------------------------------------


def _shown_exe(path: str | Path) -> str:
    path = Path(path)
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return "python" if str(path) == sys.executable else str(path)


def _brace(n: int) -> str:
    """The agency folders of set xN as a bash brace pattern (bash expands it the same)."""
    return f"{agency(1)}/2024" if n == 1 else f"instansi-{{001..{n:03d}}}/2024"


def renaksi_exe() -> list[str]:
    """The renaksi of sys.executable's environment: its console script, or ``-m renaksi``."""
    script = Path(sys.executable).parent / ("renaksi.exe" if WINDOWS else "renaksi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "renaksi"]


@dataclass
class Sets:
    """The built plan sets: folders and files of each scale, JSON copies, schemas."""

    work: Path
    folders: dict[int, list[Path]]
    files: dict[int, dict[str, list[Path]]]
    json: dict[int, list[Path]]
    schemas: dict[str, Path]
    invalid: dict[int, list[Path]] = field(default_factory=dict)


def commands(
    sets: Sets, scales: Sequence[int], peers: dict[str, str | None], quick: bool
) -> list[Command]:
    """Every command, in the order each round runs them."""
    py, vpy = sys.executable, str(venv_exe("python"))
    renaksi = renaksi_exe()
    rs = shlex.join(_shown_exe(a) for a in renaksi)
    out: list[Command] = []

    def rel(paths: Sequence[Path]) -> list[str]:
        return [str(p.relative_to(sets.work)) for p in paths]

    def add(scale: int, key: str, label: str, argvs: list[list[str]], shown: list[str]) -> None:
        out.append(Command(scale, key, label, argvs, shown))

    for n in scales:
        folders, files, pattern = rel(sets.folders[n]), sets.files[n], _brace(n)
        all_files = [p for kind in KINDS for p in files[kind]]
        globs = {
            "instansi": f"{pattern}/instansi.yaml",
            "perjanjian-kinerja": f"{pattern}/perjanjian-kinerja.yaml",
            "bidang": f"{pattern}/bidang/*.yaml",
        }
        every = " ".join(globs[k] for k in KINDS)
        add(
            n,
            "validate",
            "renaksi validate",
            [[*renaksi, "validate", *folders]],
            [f"{rs} validate {pattern}"],
        )
        if n == 10 and sets.invalid:
            for factor, bad_folders in sets.invalid.items():
                where = rel(bad_folders)
                add(
                    10,
                    f"validate-invalid-{factor}",
                    f"renaksi validate, invalid variant ({factor}x findings)",
                    [[*renaksi, "validate", *where]],
                    [f"{rs} validate invalid-{factor}/{pattern}"],
                )
                out[-1].expect = 1
        if n == 1:
            _x1_rows(add, renaksi, rs, py, folders[0], pattern)
        add(
            n,
            "read",
            "floor: read the bytes of every file",
            [[py, "-c", READ_BYTES, *rel(all_files)]],
            [f'python -c "$READ_BYTES" {every}'],
        )
        if n >= 1000:  # a whole province: validate and the floors only
            _floors(add, n, rel(all_files), every, peers, py, vpy)
            continue
        if peers["check-jsonschema"] is None and not (quick and n == 100):
            add(
                n,
                "jsonschema-lib",
                "jsonschema library, one process",
                [[vpy, "-c", JSONSCHEMA_LIB, *_by_kind(sets.schemas, files, rel)]],
                [f'{_shown_exe(vpy)} -c "$JSONSCHEMA_LIB" schema=... {every}'],
            )
        if peers["yamale"] is None and not (quick and n == 100):
            yamale_schemas = {k: YAMALE_DIR / f"{k}.yaml" for k in KINDS}
            add(
                n,
                "yamale-lib",
                "yamale library, one process",
                [[vpy, "-c", YAMALE_LIB, *_by_kind(yamale_schemas, files, rel)]],
                [f'{_shown_exe(vpy)} -c "$YAMALE_LIB" schema=... {every}'],
            )
        report_dir = f"out/x{n}"
        (sets.work / report_dir).mkdir(parents=True, exist_ok=True)
        add(
            n,
            "report",
            "report --format html, all folders (driver)",
            [[py, "-c", REPORT_DRIVER, report_dir, *folders]],
            [f'python -c "$REPORT_DRIVER" {report_dir} {pattern}'],
        )
        slow_peers_skipped = quick and n >= 100
        if peers["check-jsonschema"] is None and not slow_peers_skipped:
            exe = str(venv_exe("check-jsonschema"))
            add(
                n,
                "check-jsonschema",
                "check-jsonschema, 1 run per kind (summed)",
                [[exe, "--schemafile", str(sets.schemas[k]), *rel(files[k])] for k in KINDS],
                [
                    f"{_shown_exe(exe)} --schemafile schema/{k}.schema.json {globs[k]}"
                    for k in KINDS
                ],
            )
        if peers["yamale"] is None and not slow_peers_skipped:
            exe = str(venv_exe("yamale"))
            add(
                n,
                "yamale",
                "yamale, 1 run per kind (summed)",
                [[exe, "-s", str(YAMALE_DIR / f"{k}.yaml"), *rel(files[k])] for k in KINDS],
                [
                    f"{_shown_exe(exe)} -s {_shown_exe(YAMALE_DIR / f'{k}.yaml')} {globs[k]}"
                    for k in KINDS
                ],
            )
        add(
            n,
            "imports",
            "floor: python -c 'import <validate's imports>'",
            [[py, "-c", IMPORTS]],
            [f'python -c "{IMPORTS}"'],
        )
        _floors(add, n, rel(all_files), every, peers, py, vpy)
        json_py = vpy if venv_exe("python").exists() else py
        add(
            n,
            "json",
            "floor: json.load of the same data, gc off",
            [[json_py, "-c", JSON_LOAD, *rel(sets.json[n])]],
            [
                f'{_shown_exe(json_py)} -c "$JSON_LOAD" '
                + " ".join(f"json/{g.replace('.yaml', '.json')}" for g in globs.values())
            ],
        )
    return out


def _x1_rows(
    add: Callable[[int, str, str, list[list[str]], list[str]], None],
    renaksi: list[str],
    rs: str,
    py: str,
    folder: str,
    pattern: str,
) -> None:
    """The rows run at x1 only: --help, python itself, the CLI reports, monitoring."""
    add(1, "help", "renaksi --help", [[*renaksi, "--help"]], [f"{rs} --help"])
    add(1, "pass", "floor: python -c pass", [[py, "-c", "pass"]], ["python -c pass"])
    for key, label, options in REPORT_ROWS:
        add(
            1,
            key,
            label,
            [[*renaksi, "report", folder, *options]],
            [f"{rs} report {pattern} {shlex.join(options)}"],
        )
    # Monitoring: the real plan with the labelled example's realisasi (the copies'
    # ids are rewritten, so the example would not match them).
    real = ["plans/2024", "--realisasi", "examples/realisasi-2024"]
    monitored = [str(PLAN), "--realisasi", str(EXAMPLE)]
    add(
        1,
        "validate-realisasi",
        "renaksi validate, with realisasi TW I-III",
        [[*renaksi, "validate", *monitored]],
        [f"{rs} validate {shlex.join(real)}"],
    )
    add(
        1,
        "report-triwulan",
        "renaksi report --triwulan 3 --format html (CLI)",
        [[*renaksi, "report", *monitored, "-t", "3", "-f", "html", "-o", "out/tw3.html"]],
        [f"{rs} report {shlex.join(real)} -t 3 -f html -o out/tw3.html"],
    )


def _by_kind(
    schemas: dict[str, Path],
    files: dict[str, list[Path]],
    rel: Callable[[Sequence[Path]], list[str]],
) -> list[str]:
    """``schema=FILE`` then that kind's files, for each kind (the in-process peers)."""
    return [a for k in KINDS for a in (f"schema={schemas[k]}", *rel(files[k]))]


def _floors(
    add: Callable[[int, str, str, list[list[str]], list[str]], None],
    n: int,
    files: list[str],
    every: str,
    peers: dict[str, str | None],
    py: str,
    vpy: str,
) -> None:
    """The C-backed load floors of scale ``n``."""
    if peers["pyyaml"] is None:
        add(
            n,
            "load-pyyaml",
            "floor: PyYAML CSafeLoader load, gc off",
            [[vpy, "-c", PYYAML_LOAD, *files]],
            [f'{_shown_exe(vpy)} -c "$PYYAML_LOAD" {every}'],
        )
    if peers["ruamel.yaml.clib"] is None:
        add(
            n,
            "load-ruamel-c",
            "floor: ruamel.yaml C loader load, gc off",
            [[vpy, "-c", RUAMEL_C_LOAD, *files]],
            [f'{_shown_exe(vpy)} -c "$RUAMEL_C_LOAD" {every}'],
        )
    elif _ruamel_c_here():
        add(
            n,
            "load-ruamel-c",
            "floor: ruamel.yaml C loader load, gc off",
            [[py, "-c", RUAMEL_C_LOAD, *files]],
            [f'python -c "$RUAMEL_C_LOAD" {every}'],
        )


def _ruamel_c_here() -> bool:
    """True when this interpreter has ruamel.yaml's C extension (ruamel.yaml.clib)."""
    return importlib.util.find_spec("_ruamel_yaml") is not None


# --- results ------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def by_key(cmds: Sequence[Command]) -> dict[tuple[int, str], Command]:
    return {(c.scale, c.key): c for c in cmds}


def c_load_floor(table: dict[tuple[int, str], Command], n: int) -> Command | None:
    """The faster of the C-backed load candidates at scale ``n``."""
    found = [
        c
        for k in ("load-pyyaml", "load-ruamel-c")
        if (c := table.get((n, k))) is not None and c.median is not None
    ]
    return min(found, key=lambda c: c.median or 0.0) if found else None


def ratio_text(cmd: Command, table: dict[tuple[int, str], Command]) -> str:
    validate = table.get((cmd.scale, "validate"))
    v, m = (validate.median if validate else None), cmd.median
    if cmd.failure:
        return "FAILED"
    if cmd.key == "validate":
        return "baseline"
    if v is None or m is None or cmd.key == "help":
        return ""
    if cmd.key in ("report", "report-cli"):
        return f"report/validate {m / v:.2f}"
    if cmd.key == "validate-realisasi":
        return f"this/validate {m / v:.2f}"
    if cmd.key == "report-triwulan":
        base = table.get((cmd.scale, "validate-realisasi"))
        if base is None or base.median is None:
            return ""
        return f"report/validate(realisasi) {m / base.median:.2f}"
    return f"validate/this {v / m:.2f}"


def table_lines(cmds: Sequence[Command]) -> list[str]:
    table = by_key(cmds)
    lines = [
        "| scale | command | median s | min s | ratio | peak MB |",
        "|---|---|---:|---:|---|---:|",
    ]
    for c in cmds:
        best = c_load_floor(table, c.scale)
        mark = " (C-load floor)" if best is c else ""
        lines.append(
            f"| x{c.scale} | {c.label}{mark} | {_fmt(c.median)} | "
            f"{_fmt(min(c.samples) if c.samples else None)} | {ratio_text(c, table)} | "
            f"{_fmt(c.peak_mb, 1)} |"
        )
    return lines


@dataclass
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: could not be measured
    why: str = ""

    @property
    def word(self) -> str:
        return {True: "MET", False: "NOT MET", None: "N/A"}[self.met]


def _check(
    target: str,
    left: Command | None,
    right: Command | None,
    factor: float,
    value: Callable[[Command], float | None] = lambda c: c.median,
    unit: str = "s",
) -> Verdict:
    """``left <= factor * right`` on ``value``."""
    a = value(left) if left else None
    b = value(right) if right else None
    if a is None or b is None:
        missing = [c.label for c in (left, right) if c is not None and c.failure]
        why = f"failed: {', '.join(missing)}" if missing else "not measured in this run"
        return Verdict(target, "-", None, why)
    measured = f"{a:.3f} {unit} vs {factor:g} × {b:.3f} = {factor * b:.3f} {unit} ({a / b:.2f}×)"
    return Verdict(target, measured, a <= factor * b)


def _peak(c: Command) -> float | None:
    return c.peak_mb


def verdicts(cmds: Sequence[Command], scales: Sequence[int]) -> list[Verdict]:
    """The targets of issue 16, each MET / NOT MET (N/A when not measured in this run)."""
    t = by_key(cmds)
    v = {n: t.get((n, "validate")) for n in scales}
    out = [
        _check("x1: validate ≤ 1.0× yamale's whole run", v[1], t.get((1, "yamale")), 1.0),
        _check("x1: validate ≤ 0.5× check-jsonschema's", v[1], t.get((1, "check-jsonschema")), 0.5),
    ]
    helped = t.get((1, "help"))
    h = helped.median if helped else None
    out.append(
        Verdict("x1: renaksi --help ≤ 0.15 s", f"{h:.3f} s", h <= 0.15)
        if h is not None
        else Verdict("x1: renaksi --help ≤ 0.15 s", "-", None, "not measured")
    )
    for n, factor in ((100, 1.8), (1000, 1.3)):
        target = f"x{n}: validate ≤ {factor:g}× the C-backed load"
        if n in scales:
            out.append(_check(target, v[n], c_load_floor(t, n), factor))
        else:
            out.append(Verdict(target, "-", None, f"x{n} not run (full run only)"))
    if 1000 in scales:
        out.append(
            _check(
                "x1000: validate peak memory ≤ 2× that load's",
                v[1000],
                c_load_floor(t, 1000),
                2.0,
                _peak,
                "MB",
            )
        )
    else:
        out.append(
            Verdict("x1000: validate peak memory ≤ 2× that load's", "-", None, "x1000 not run")
        )
    if 100 in scales:
        out.append(
            _check(
                "x100: validate peak memory ≤ 1.25× x1's (no leak)", v[100], v[1], 1.25, _peak, "MB"
            )
        )
    out.append(
        _check("x1: report --format html ≤ 1.25× validate", t.get((1, "report-cli")), v[1], 1.25)
    )
    if 100 in scales:
        out.append(
            _check(
                "x100: report --format html ≤ 1.6× validate", t.get((100, "report")), v[100], 1.6
            )
        )
    out.append(
        _check(
            "findings x1→x4 (invalid variant, x10): time ratio < 5",
            t.get((10, "validate-invalid-4")),
            t.get((10, "validate-invalid-1")),
            5.0,
        )
    )
    return out


def marginal_lines(cmds: Sequence[Command]) -> list[str]:
    """Seconds per added folder between scales: flat means linear beyond start-up."""
    t = by_key(cmds)
    out = []
    for key in ("validate", "report"):
        found = [(n, c.median) for n in FULL_SCALES if (c := t.get((n, key))) and c.median]
        steps = [
            f"x{a}→x{b}: {(tb - ta) / (b - a) * 1000:.1f} ms"
            for (a, ta), (b, tb) in pairwise(found)
        ]
        if steps:
            out.append(f"- {key}: time per added agency folder, {'; '.join(steps)}")
    return ["Information (not a target):", "", *out] if out else []


def _git_revision() -> str:
    head = _quiet(["git", "rev-parse", "--short=12", "HEAD"])
    if head.returncode != 0:
        return "unknown (not a git checkout)"
    dirty = _quiet(["git", "status", "--porcelain", "--", "src", "templates"]).stdout.strip()
    return head.stdout.strip() + (" + uncommitted changes in src/ or templates/" if dirty else "")


def report_text(
    cmds: Sequence[Command],
    scales: Sequence[int],
    runs: int,
    quick: bool,
    skipped: dict[str, str | None],
    gnu_time: bool,
    elapsed: float,
    load: Sequence[float] = (),
) -> str:
    now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    found = verdicts(cmds, scales)
    lines = [
        "# renaksi benchmark results",
        "",
        f"- date: {now}; total run time {elapsed:.0f} s",
        f"- machine: {os.cpu_count()} CPUs (nproc), {platform.machine()}, "
        f"{platform.system()} {platform.release()}",
        *(
            [
                f"- load: 1-minute load average {load[0]:.1f} at the start, {load[-1]:.1f} "
                f"at the end ({os.cpu_count()} CPUs): above the CPU count other processes "
                "were waiting too, and every time here is inflated; compare ratios, not times"
            ]
            if load
            else []
        ),
        f"- python: {platform.python_implementation()} {platform.python_version()}",
        f"- renaksi: git {_git_revision()}",
        f"- rounds: {runs}{' (--quick)' if quick else ''}, commands interleaved in each round "
        "(odd rounds in reverse order) after one untimed warm-up round"
        + (" (x1 only)" if quick else ""),
        "- medians of whole-process wall time; peak MB = maximum resident set size in MiB, "
        + (
            "from `/usr/bin/time -f %M` (adds ~1 ms to every command's time)"
            if gnu_time
            else "UPPER BOUND from os.wait4 (no GNU time): includes this script's own RSS"
        )
        + "; a command of several processes: times summed, peak = the largest",
        "- ratio: `validate/this` for peers and floors (below 1: validate is faster), "
        "`report/validate` for report",
        "",
    ]
    for package, reason in skipped.items():
        if reason:
            lines.append(f"- skipped {package}: {reason}")
    failed = [c for c in cmds if c.failure]
    for c in failed:
        lines.append(f"- FAILED x{c.scale} {c.label}: {c.failure}")
    if quick:
        lines.append("- --quick: check-jsonschema and yamale are not run at x100")
    lines += ["", "## Times", "", *table_lines(cmds), "", "## Targets", ""]
    lines += ["| target | measured | verdict |", "|---|---|---|"]
    for v in found:
        lines.append(f"| {v.target} | {v.measured} | {v.word}{f' ({v.why})' if v.why else ''} |")
    lines += ["", *marginal_lines(cmds)]
    lines += [
        "",
        "## Commands",
        "",
        "Run in a temporary folder holding `instansi-NNN/2024` (copies of plans/2024 with the "
        "ids suffixed `-iNNN`), `schema/` (from `renaksi schema KIND`), `json/` (the same "
        "files as JSON) and `out/`. Shown at the largest scale each runs at; xN passes "
        "`instansi-{001..N}` (bash brace expansion; the glob order is the order the files "
        "are passed in). `python` is the interpreter running this script.",
        "",
        "```sh",
    ]
    shown: dict[str, Command] = {}
    for c in cmds:  # each command once, at the largest scale it runs at
        shown[c.key] = c
    for c in shown.values():
        lines.append(f"# {c.label} (x{c.scale})")
        lines.extend(c.shown)
    lines.append("```")
    lines += ["", "Programs run with `python -c`:", ""]
    for name, code in PROGRAMS.items():
        if name == "IMPORTS":
            continue
        lines += [f"`{name}`:", "", "```python", code.rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


# --- main ---------------------------------------------------------------------------------


def build_sets(work: Path, scales: Sequence[int]) -> Sets:
    """The plan sets of ``scales`` (sharing agency folders), JSON copies and schemas."""
    folders = build_agencies(work, max(scales))
    invalid = {
        factor: build_agencies(work, INVALID_AGENCIES, f"invalid-{factor}", BAD * factor)
        for factor in (1, 4)
    }
    per_scale = {n: folders[:n] for n in scales}
    files = {n: kind_files(per_scale[n]) for n in scales}
    top = max(n for n in scales if n <= 100)
    converted = to_json(work, [p for kind in KINDS for p in files[top][kind]])
    as_json = {n: [converted[p] for k in KINDS for p in files[n][k]] for n in scales if n <= 100}
    schemas = {}
    (work / "schema").mkdir()
    for kind in KINDS:
        made = _quiet([*renaksi_exe(), "schema", kind])
        if made.returncode != 0:
            raise SystemExit(f"renaksi schema {kind} failed: {made.stderr.strip()}")
        schemas[kind] = work / "schema" / f"{kind}.schema.json"
        schemas[kind].write_text(made.stdout, encoding="utf-8")
    return Sets(work, per_scale, files, as_json, schemas, invalid)


def _precompile() -> None:
    """Write renaksi's bytecode as an installed package has it (pip compiles on install;
    an editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every
    module at every start, which the peers, installed normally, never pay)."""
    import compileall

    spec = importlib.util.find_spec("renaksi")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def pdf_rows(work: Path, scratch: Path, gnu_time: bool, runs: int) -> str:
    """Issue 13: ``report --format pdf`` of the whole document at x1 (plans/2024), its ratio
    to ``report --format html`` of the same plan, and its peak memory (median of ``runs``)."""
    renaksi = renaksi_exe()
    out = work / "out"
    out.mkdir(exist_ok=True)
    timed: dict[str, tuple[float, float | None]] = {}
    for fmt in ("html", "pdf"):
        argv = [*renaksi, "report", str(PLAN), "--format", fmt, "-o", str(out / f"doc.{fmt}")]
        run_process(argv, work, scratch, gnu_time)  # warm-up
        samples = [run_process(argv, work, scratch, gnu_time) for _ in range(runs)]
        if any(code != 0 for _, _, code in samples):
            return f"\nreport --format {fmt} failed: see {scratch / 'stderr.txt'}\n"
        peaks = [peak for _, peak, _ in samples if peak]
        timed[fmt] = (
            statistics.median(t for t, _, _ in samples),
            statistics.median(peaks) if peaks else None,
        )
    (pdf_s, pdf_mb), (html_s, html_mb) = timed["pdf"], timed["html"]
    shown = lambda mb: f"{mb:.0f} MiB" if mb else "-"  # noqa: E731
    return (
        "\n## report --format pdf (x1: plans/2024, whole document)\n\n"
        "| command | median s | ratio to html | peak memory |\n|---|---:|---:|---:|\n"
        f"| report --format html | {html_s:.2f} | 1.0 | {shown(html_mb)} |\n"
        f"| report --format pdf | {pdf_s:.2f} | {pdf_s / html_s:.1f} | {shown(pdf_mb)} |\n"
    )


def _load() -> float | None:
    """The 1-minute load average, where the system has one: on a shared machine it says
    how much the times of a run were inflated by others."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="timed rounds (default 5)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 rounds, no peers at x100, warm-up at x1 only; no results.md",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="write the results here (default: benchmarks/results.md, none with --quick)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary plan sets")
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 5)
    output: Path | None = args.output or (None if args.quick else RESULTS)
    started = time.perf_counter()
    load = [_load()]

    peers = prepare_venv()
    for package, reason in peers.items():
        if reason:
            print(f"skipping {package}: {reason}")

    work = Path(tempfile.mkdtemp(prefix="renaksi-bench-"))
    try:
        scales = SCALES if args.quick else FULL_SCALES
        sets = build_sets(work, scales)
        top = max(scales)
        total = sum(len(v) for v in sets.files[top].values())
        size = sum(p.stat().st_size for v in sets.files[top].values() for p in v)
        print(
            f"plan sets in {work}: x{top} = {len(sets.folders[top])} "
            f"folders, {total} YAML files, {size / 1e6:.1f} MB",
            flush=True,
        )
        _precompile()
        CHILD_ENV.update(os.environ)
        CHILD_ENV["RENAKSI_CACHE_DIR"] = str(work / "template-cache")
        cmds = commands(sets, scales, peers, args.quick)
        scratch = work / "scratch"
        scratch.mkdir()
        gnu_time = gnu_time_works(scratch)
        if not gnu_time:
            print("no GNU time: peak memory is an upper bound (includes this script's RSS)")
        warm = [c for c in cmds if c.scale == 1] if args.quick else cmds
        print(f"warm-up: {len(warm)} commands ...", flush=True)
        for c in warm:
            run_command(c, work, scratch, gnu_time, record=False)
        for r in range(runs):
            print(f"round {r + 1}/{runs} ...", flush=True)
            for c in cmds if r % 2 == 0 else list(reversed(cmds)):
                run_command(c, work, scratch, gnu_time, record=True)
        load.append(_load())
        text = report_text(
            cmds,
            scales,
            runs,
            args.quick,
            peers,
            gnu_time,
            time.perf_counter() - started,
            load=[x for x in load if x is not None],
        )
        text += pdf_rows(work, scratch, gnu_time, runs)
        print()
        print(text)
        if output is not None:
            output.write_text(text, encoding="utf-8")
            print(f"written to {output}")
        return 1 if any(c.failure for c in cmds) else 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
