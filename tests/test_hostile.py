"""Hostile plan files: every case of ``tests/hostile/`` runs, within stated bounds.

Each case is a folder ``tests/hostile/<name>/`` with a ``case.yaml`` (what the case is,
which plan file it replaces or which filesystem situation it creates, the expected exit
code, findings or stderr words, and the time and memory bounds) and any payload file. Big
or binary payloads are not committed: ``make:`` names a generator function in this module
(see :data:`MAKERS`). ``tests/hostile/README.md`` lists the cases and the limits.

Every case runs ``python -m renaksi`` in a subprocess, on a copy of the minimal valid plan
(``tests/rules/base/2024``) at ``<tmp>/plans/2024`` with the current folder ``<tmp>``, and
measures it: wall time (the child is killed at the bound) and peak RSS of renaksi's process
alone (a small launcher forks it and reads its ``os.wait4`` rusage, see :data:`_LAUNCHER`).
The child runs under ``RLIMIT_AS`` of :data:`MEMORY_CAP`, so a blow-up fails the case
instead of eating the machine. The runs of all selected tests start together, a few at a
time (:data:`WORKERS`), so the module stays fast although some known bugs run until killed.

The same cases are also checked in-process (cheap): ``renaksi.rules.check.validate`` gives the
same outcome, and every output format renders the findings without passing control
characters from the file through to the terminal.

``case.yaml`` fields (all but ``what``, ``expect`` and ``bounds`` optional)::

    what: one paragraph: the hostile file and why it matters
    file: perjanjian-kinerja.yaml   # plan-relative file the case is about (and replaces)
    payload: payload.yaml           # committed payload copied to `file`, or
    make: alias_chain               # a generator of this module (big/binary/filesystem)
    command: validate               # validate (default, --format json), report, diff-git
    args: [--max-bytes, "2048"]     # extra arguments
    expect:
      exit: 1                       # or a list of acceptable exit codes
      codes: [YM04]                 # the set of error codes of the run (validate)
      line: 1                       # the first error's line in `file`; 0 = whole file
      column: 4
      words: ["anchor &a"]          # in the messages (exit 0/1) or on stderr (exit 2)
    bounds: {time_s: 5, memory_mb: 150}
    render: true                    # also check in-process (default true for validate)
    skip_as_root: reason            # the situation cannot be made as root
    xfail: {run: reason, render: reason, report: reason, diff: reason}   # known bugs
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.output import FORMATS, formatter
from renaksi.output.messages import message
from renaksi.plan.findings import Severity
from renaksi.plan.load import MAX_BYTES, MAX_DEPTH, MAX_PLAN_BYTES
from renaksi.plan.source import PlanIOError
from renaksi.report.rencana_aksi import MAX_NARASI_BYTES, NARASI
from renaksi.rules.check import CheckResult, validate

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="the runs are measured with fork, wait4 and RLIMIT_AS"
)

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
BASE = ROOT / "tests" / "rules" / "base" / "2024"
PLAN = Path("plans") / "2024"
PK = "perjanjian-kinerja.yaml"
INSTANSI = "instansi.yaml"
ALPHA = "bidang/alpha.yaml"

#: Address-space cap of every child: a blow-up fails the case, the machine stays usable.
MEMORY_CAP = 1024 * 1024 * 1024
#: Seconds a child may run past its time bound before it is killed.
GRACE_S = 0.25
#: What a hostile payload would create if any of it were ever executed.
PWNED = "PWNED"
#: Control characters that must not reach a terminal from a plan file (all but \t \n).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# --- generators named by `make:` ------------------------------------------------------

Maker = Callable[[Path, Path], None]
#: Generator name -> function(root, plan): ``root`` is the current folder of the run,
#: ``plan`` the plan folder below it (a copy of the base plan) to make hostile.
MAKERS: dict[str, Maker] = {}


def maker(function: Maker) -> Maker:
    """Register ``function`` under its name for ``make:``."""
    MAKERS[function.__name__] = function
    return function


def _base(name: str) -> str:
    return (BASE / name).read_text(encoding="utf-8")


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@maker
def alias_chain(root: Path, plan: Path) -> None:
    """10 000 anchors, each a list holding an alias of the one before: expanded, every
    value is nested 10 000 deep."""
    lines = ["a0: &a0 x"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 10_000)]
    (plan / PK).write_text("\n".join(lines) + "\n", encoding="utf-8")


@maker
def nesting_flow(root: Path, plan: Path) -> None:
    """A value nested 5000 deep in flow style: ``tahun: [[[[...x]]]]``."""
    (plan / PK).write_text("tahun: " + "[" * 5000 + "x" + "]" * 5000 + "\n", encoding="utf-8")


@maker
def nesting_flow_mixed(root: Path, plan: Path) -> None:
    """5000 flow lists, each holding an item before the next list: ``[x, [x, [x, ...``."""
    text = "tahun: " + "[x, " * 5000 + "x" + "]" * 5000 + "\n"
    (plan / PK).write_text(text, encoding="utf-8")


@maker
def nesting_block(root: Path, plan: Path) -> None:
    """5000 block sequences nested on one line: ``- - - - ... x`` (10 KB)."""
    (plan / PK).write_text("tahun:\n" + "- " * 5000 + "x\n", encoding="utf-8")


@maker
def nesting_block_60(root: Path, plan: Path) -> None:
    """60 block sequences nested on one line: just past the depth limit."""
    (plan / PK).write_text("tahun:\n" + "- " * 60 + "x\n", encoding="utf-8")


@maker
def nesting_block_indented(root: Path, plan: Path) -> None:
    """5000 block mappings, each indented one space more than its parent (12.5 MB)."""
    lines = [" " * i + f"k{i}:" for i in range(5000)] + [" " * 5000 + "x"]
    (plan / PK).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _padded(text: str, size: int) -> bytes:
    """``text`` with a trailing comment making it exactly ``size`` bytes."""
    data = text.encode("utf-8")
    room = size - len(data) - len(b"#\n")
    assert room >= 0
    return data + b"#" + b"x" * room + b"\n"


@maker
def too_large(root: Path, plan: Path) -> None:
    """The base PK with a comment making it one byte over the default limit."""
    (plan / PK).write_bytes(_padded(_base(PK), MAX_BYTES + 1))


@maker
def over_max_bytes(root: Path, plan: Path) -> None:
    """The base PK padded with a comment to 4096 bytes (the case runs --max-bytes 2048)."""
    (plan / PK).write_bytes(_padded(_base(PK), 4096))


@maker
def at_max_bytes(root: Path, plan: Path) -> None:
    """The base PK padded with a comment to exactly 2048 bytes (--max-bytes 2048)."""
    (plan / PK).write_bytes(_padded(_base(PK), 2048))


@maker
def ten_mb_line(root: Path, plan: Path) -> None:
    """One 10 MiB line and no line end."""
    (plan / PK).write_bytes(b"tahun: " + b"x" * (10 * 1024 * 1024))


@maker
def dev_zero(root: Path, plan: Path) -> None:
    """A bidang file that is a symlink to /dev/zero: endless NUL bytes."""
    os.symlink("/dev/zero", plan / "bidang" / "nol.yaml")


@maker
def long_scalar(root: Path, plan: Path) -> None:
    """The bidang's nama is 5 MiB of letters (the case raises --max-bytes to 8 MiB)."""
    text = _replace_once(_base(ALPHA), "nama: Bidang Alpha", "nama: " + "x" * (5 * 1024 * 1024))
    (plan / ALPHA).write_text(text, encoding="utf-8")


@maker
def huge_integer(root: Path, plan: Path) -> None:
    """A pagu written as a 5000-digit number (Python refuses int() past 4300 digits)."""
    text = _replace_once(_base(PK), "pagu: 100_000_000", "pagu: " + "9" * 5000)
    (plan / PK).write_text(text, encoding="utf-8")


@maker
def huge_hex_integer(root: Path, plan: Path) -> None:
    """A target written as a 0x... number of 4000 digits: Python reads it, but refuses to
    print it back (more than 4300 decimal digits) in the finding that refuses it."""
    text = _replace_once(_base(PK), "    target: 10\n", "    target: 0x" + "f" * 4000 + "\n")
    (plan / PK).write_text(text, encoding="utf-8")


@maker
def windows_1252(root: Path, plan: Path) -> None:
    """instansi.yaml saved from Excel as Windows-1252: curly quotes are bytes 0x93/0x94."""
    text = _replace_once(_base(INSTANSI), "visi: Visi contoh", "visi: “Visi contoh”")
    (plan / INSTANSI).write_bytes(text.encode("cp1252"))


@maker
def utf16_bom(root: Path, plan: Path) -> None:
    """The PK saved by old Notepad as "Unicode": UTF-16 LE with a BOM."""
    (plan / PK).write_bytes(_base(PK).encode("utf-16"))


@maker
def utf16_no_bom(root: Path, plan: Path) -> None:
    """The PK as UTF-16 LE without a BOM."""
    (plan / PK).write_bytes(_base(PK).encode("utf-16-le"))


@maker
def nul_bytes(root: Path, plan: Path) -> None:
    """A NUL byte inside the bidang's nama."""
    text = _replace_once(_base(ALPHA), "nama: Bidang Alpha", "nama: Bidang\x00Alpha")
    (plan / ALPHA).write_text(text, encoding="utf-8")


@maker
def utf8_bom_crlf(root: Path, plan: Path) -> None:
    """Every file of the (valid) plan saved as UTF-8 with BOM and CRLF line ends."""
    for path in sorted(plan.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(text.encode("utf-8-sig"))


@maker
def tabs(root: Path, plan: Path) -> None:
    """One line of the PK indented with a tab."""
    text = _replace_once(_base(PK), "    nama: Program Contoh", "\tnama: Program Contoh")
    (plan / PK).write_text(text, encoding="utf-8")


@maker
def directory(root: Path, plan: Path) -> None:
    """instansi.yaml is a folder."""
    (plan / INSTANSI).unlink()
    (plan / INSTANSI).mkdir()
    (plan / INSTANSI / "isi.yaml").write_text("tahun: 2024\n", encoding="utf-8")


@maker
def symlink_loop(root: Path, plan: Path) -> None:
    """bidang/loop.yaml is a symlink to itself."""
    os.symlink("loop.yaml", plan / "bidang" / "loop.yaml")


@maker
def dangling_symlink(root: Path, plan: Path) -> None:
    """bidang/beta.yaml is a symlink to a file that does not exist."""
    os.symlink("tidak-ada.yaml", plan / "bidang" / "beta.yaml")


@maker
def unreadable(root: Path, plan: Path) -> None:
    """bidang/alpha.yaml has mode 000."""
    (plan / ALPHA).chmod(0)


@maker
def fifo(root: Path, plan: Path) -> None:
    """bidang/pipa.yaml is a named pipe nobody writes to."""
    os.mkfifo(plan / "bidang" / "pipa.yaml")


@maker
def realisasi_fifo(root: Path, plan: Path) -> None:
    """realisasi/tw1.yaml is a named pipe nobody writes to."""
    (plan / "realisasi").mkdir()
    os.mkfifo(plan / "realisasi" / "tw1.yaml")


@maker
def repeated_key(root: Path, plan: Path) -> None:
    """The key ``tahun`` written 100 000 times (1.2 MB, under the default limit)."""
    (plan / PK).write_text("tahun: 2024\n" * 100_000, encoding="utf-8")


@maker
def dense_flow_list(root: Path, plan: Path) -> None:
    """A flow list of one-digit numbers just under the default limit: ~1 million nodes
    in 2 MiB."""
    items = (MAX_BYTES - 2) // 2
    (plan / PK).write_bytes(b"[" + b"1," * (items - 1) + b"1]")


def _items_with_breaks(plan: Path, brk: str, value: str = "-") -> None:
    """The bidang with every line ended by ``brk``, then ``value`` and ``brk`` repeated up
    to the default size limit: with ``-``, about a million empty list items."""
    head = _base(ALPHA).replace("\n", brk) + "catatan:" + brk
    data = head.encode("utf-8")
    item = (value + brk).encode("utf-8")
    (plan / ALPHA).write_bytes(data + item * ((MAX_BYTES - len(data)) // len(item)))


@maker
def items_bare_cr(root: Path, plan: Path) -> None:
    """Lines ended by a bare CR (old Mac files)."""
    _items_with_breaks(plan, "\r")


@maker
def items_nel(root: Path, plan: Path) -> None:
    """Lines ended by NEL (U+0085)."""
    _items_with_breaks(plan, "\x85")


@maker
def items_line_separator(root: Path, plan: Path) -> None:
    """Lines ended by LINE SEPARATOR (U+2028)."""
    _items_with_breaks(plan, "\u2028")


@maker
def items_paragraph_separator(root: Path, plan: Path) -> None:
    """Lines ended by PARAGRAPH SEPARATOR (U+2029)."""
    _items_with_breaks(plan, "\u2029")


@maker
def items_vertical_tab(root: Path, plan: Path) -> None:
    """Lines "ended" by VT and FF, which YAML does not take for line breaks: the values
    are letters, so only the breaks could count as items."""
    _items_with_breaks(plan, "\v\f", "x")


@maker
def items_per_line(root: Path, plan: Path) -> None:
    """49 000 lines (1.9 MB), each nine block lists and nine flow lists deep around one
    value: 19 values a line, without a comma."""
    line = "- " * 9 + "[" * 9 + "a" + "]" * 9 + "\n"
    (plan / PK).write_text("tahun:\n" + line * 49_000, encoding="utf-8")


@maker
def long_scale(root: Path, plan: Path) -> None:
    """An ordered scale of 12 000 values, a distribution target over all of them and a
    yearly realisasi distribution as long (together just under the whole-plan item limit):
    every comparison by rank stays linear."""
    levels = [f"L{i:05d}" for i in range(12_000)]
    target = ", ".join(f"{v}: 0" for v in levels[:-1]) + f", {levels[-1]}: 100"
    pk = _replace_once(
        _base(PK),
        "    target: 10\n    triwulan: [1, 2, 3, 4]\n    cara_gabung: jumlah\n",
        f"    skala: [{', '.join(levels)}]\n    target: {{{target}}}\n",
    )
    (plan / PK).write_text(pk, encoding="utf-8")
    realised = ", ".join(f"{v}: 0" for v in levels[:-2]) + f", {levels[-2]}: 1, {levels[-1]}: 99"
    (plan / "realisasi").mkdir()
    (plan / "realisasi" / "tahunan.yaml").write_text(
        "tahun: 2024\n"
        f"indikator:\n  - id: pk-1\n    realisasi: {{{realised}}}\n"
        "  - id: alpha-1\n    realisasi: 100\n"
        "sub_kegiatan:\n  - sub_kegiatan: sub-a\n    anggaran: 1\n"
        "    aksi:\n      - no: 1\n        bulan: [1, 2]\n"
        "  - sub_kegiatan: sub-b\n    anggaran: 1\n"
        "    aksi:\n      - no: 1\n        bulan: [3, 6, 9, 12]\n",
        encoding="utf-8",
    )


@maker
def control_chars(root: Path, plan: Path) -> None:
    """Terminal escape sequences (set title, clear screen, red) in the bidang's nama."""
    text = _replace_once(
        _base(ALPHA), "nama: Bidang Alpha", "nama: Bidang \x1b]0;judul\x07\x1b[2J\x1b[31mAlpha"
    )
    (plan / ALPHA).write_text(text, encoding="utf-8")


@maker
def control_chars_filename(root: Path, plan: Path) -> None:
    """A file in bidang/ whose name holds a terminal escape sequence (clear screen)."""
    (plan / "bidang" / "x\x1b[2J.yaml").write_text("nama: X\n", encoding="utf-8")


@maker
def document_stream(root: Path, plan: Path) -> None:
    """1000 YAML documents in one file."""
    (plan / PK).write_text("---\ntahun: 2024\n" * 1000, encoding="utf-8")


@maker
def narasi_dev_zero(root: Path, plan: Path) -> None:
    """A narrative chapter of the report that is a symlink to /dev/zero."""
    (plan / "narasi").mkdir()
    os.symlink("/dev/zero", plan / "narasi" / "kata-pengantar.md")


@maker
def narasi_marks(root: Path, plan: Path) -> None:
    """All seven narrative chapters: ``![`` repeated to 1 MiB, the most a chapter may be."""
    (plan / "narasi").mkdir()
    for name in NARASI:
        (plan / "narasi" / f"{name}.md").write_bytes(b"![" * (MAX_NARASI_BYTES // 2))


@maker
def narasi_fifo(root: Path, plan: Path) -> None:
    """A narrative chapter of the report that is a named pipe nobody writes to."""
    (plan / "narasi").mkdir()
    os.mkfifo(plan / "narasi" / "bab-1-pendahuluan.md")


def _bidang_file(slug: str, nama: str = "Bidang Contoh", indikator: int = 1) -> str:
    """A valid bidang file with no rencana aksi: the base bidang's signatory, ``nama``, and
    ``indikator`` indicators with ids of its own (15 items and 150 bytes each)."""
    head = _base(ALPHA).split("indikator:")[0]
    rows = "".join(
        f"  - id: {slug}-{i}\n    sasaran: ss-1\n    nama: Indikator {i}\n"
        f'    satuan: "%"\n    triwulan: [25, 25, 25, 25]\n    cara_gabung: jumlah\n'
        "    arah: naik\n"
        for i in range(indikator)
    )
    head = _replace_once(head, "nama: Bidang Alpha", f"nama: {nama}")
    return f"{head}indikator:\n{rows}rencana_aksi: []\n"


def _big_bidang_files(plan: Path, count: int) -> None:
    """``count`` valid bidang files of 2 000 000 bytes each (under the size limit of one
    file), their size in a long nama."""
    for n in range(1, count + 1):
        slug = f"besar-{n:02d}"
        text = _bidang_file(slug)
        text = _replace_once(text, "nama: Bidang Contoh", "nama: " + "x" * (2_000_000 - len(text)))
        (plan / "bidang" / f"{slug}.yaml").write_text(text, encoding="utf-8")


@maker
def plan_many_files(root: Path, plan: Path) -> None:
    """24 valid bidang files of 2 000 000 bytes: 48 MB in all, each within its own limit."""
    _big_bidang_files(plan, 24)


@maker
def plan_six_big_files(root: Path, plan: Path) -> None:
    """6 valid bidang files of 2 000 000 bytes: 12 MB (the case raises --max-plan-bytes)."""
    _big_bidang_files(plan, 6)


@maker
def plan_many_items(root: Path, plan: Path) -> None:
    """Two valid bidang files of 2000 indicators each: 30 000 items each, 300 KB."""
    for n in (1, 2):
        slug = f"besar-{n:02d}"
        text = _bidang_file(slug, indikator=2000)
        (plan / "bidang" / f"{slug}.yaml").write_text(text, encoding="utf-8")


@maker
def unknown_references(root: Path, plan: Path) -> None:
    """A PK of 2000 sub kegiatan owned by alpha, and alpha planning 2000 ids that are not
    there, each a typo away from one that is (230 KB): 2000 did-you-mean hints."""
    subs = "".join(
        f"          - id: sub-kegiatan-{i:05d}\n"
        f'            kode: "8.01.02.2.01.{1000 + i:04d}"\n'
        f"            nama: Sub Kegiatan {i}\n            pagu: 0\n            bidang: alpha\n"
        for i in range(2000)
    )
    pk = _replace_once(_base(PK), "        sub_kegiatan:\n", "        sub_kegiatan:\n" + subs)
    (plan / PK).write_text(pk, encoding="utf-8")
    plans = "".join(
        f"  - sub_kegiatan: sub-kegiatn-{i:05d}\n    target: 1 orang\n    aksi: []\n"
        for i in range(2000)
    )
    alpha = _replace_once(_base(ALPHA), "rencana_aksi:\n", "rencana_aksi:\n" + plans)
    (plan / ALPHA).write_text(alpha, encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=renaksi", "-c", "user.email=renaksi@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@maker
def git_zero_blob(root: Path, plan: Path) -> None:
    """A commit adding bidang/besar.yaml of 128 MiB of zeros: about 130 KB in the
    repository, so a pull request that small makes ``renaksi diff`` read it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "base")
    with (plan / "bidang" / "besar.yaml").open("wb") as handle:
        handle.truncate(128 * 1024 * 1024)
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "besar")
    (plan / "bidang" / "besar.yaml").unlink()


def _many_aksi(seed: int) -> str:
    """The base bidang with 600 aksi in sub-a, each named by 40 words drawn (by ``seed``)
    from one short list: every pair of names looks alike to difflib's quick bounds."""
    words = [
        "rapat",
        "koordinasi",
        "evaluasi",
        "pelaksanaan",
        "program",
        "kegiatan",
        "pembinaan",
        "pengawasan",
        "laporan",
        "bidang",
        "daerah",
        "kota",
        "wilayah",
        "ormas",
        "politik",
        "dalam",
        "negeri",
        "kebangsaan",
    ]
    draw = random.Random(seed)
    aksi = "".join(
        f"      - nama: {' '.join(draw.choice(words) for _ in range(40))} {i}\n"
        f"        bulan: [{i % 12 + 1}]\n        keluaran: Laporan {i % 5}\n"
        for i in range(600)
    )
    old = "    aksi:\n      - nama: Rapat internal\n        bulan: [1, 2]\n"
    old += "        keluaran: Notulen rapat\n"
    return _replace_once(_base(ALPHA), old, "    aksi:\n" + aksi)


@maker
def git_renamed_aksi(root: Path, plan: Path) -> None:
    """Two commits: sub-a with 600 aksi of long names, then 600 others just as long."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(root, "init", "-q", "-b", "main")
    (plan / ALPHA).write_text(_many_aksi(1), encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "base")
    (plan / ALPHA).write_text(_many_aksi(2), encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "ganti nama")


@maker
def git_many_files(root: Path, plan: Path) -> None:
    """A commit adding 24 valid bidang files of 2 000 000 bytes (a few KB each in git):
    ``renaksi diff`` reads them from git, not from the work tree."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "base")
    _big_bidang_files(plan, 24)
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "besar")
    for path in (plan / "bidang").glob("besar-*.yaml"):
        path.unlink()


# --- the cases --------------------------------------------------------------------------


# --- workbooks (renaksi import / export) ---------------------------------------------------

BOOK = "buku.xlsx"


def _zip_parts(path: Path, parts: dict[str, bytes], method: int) -> None:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@maker
def xlsx_zip_bomb(root: Path, plan: Path) -> None:
    """A 100 KB workbook whose sheet inflates to 100 MB."""
    _zip_parts(
        plan / BOOK,
        {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"0" * 100_000_000},
        zipfile.ZIP_DEFLATED,
    )


@maker
def xlsx_many_cells(root: Path, plan: Path) -> None:
    """A sheet of one million cells, stored uncompressed (so no bomb by ratio)."""
    cells = b"".join(b'<c r="A1"/>' for _ in range(1_000_000))
    sheet = b"<worksheet><sheetData><row>" + cells + b"</row></sheetData></worksheet>"
    parts = {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": sheet}
    _zip_parts(plan / BOOK, parts, zipfile.ZIP_STORED)


@maker
def xlsx_far_cell(root: Path, plan: Path) -> None:
    """A valid workbook with one cell at XFD1048576 (the last cell of a sheet)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["XFD1048576"] = "x"
    book.save(plan / BOOK)


@maker
def xlsx_encrypted(root: Path, plan: Path) -> None:
    """What Excel saves with a password: an OLE compound file, not a zip."""
    (plan / BOOK).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))


@maker
def xlsx_formula_cells(root: Path, plan: Path) -> None:
    """An aksi table whose pagu and month cells are formulas (one calls out to a URL)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "alpha"
    sheet["A1"] = "RENCANA AKSI PENCAPAIAN KINERJA TAHUN 2024"
    sheet["A2"] = "Bidang Alpha"
    header = ["No", "AKSI/KEGIATAN", "JADWAL PELAKSANAAN", *[""] * 11, "OUTPUT/KELUARAN"]
    header += ["PROGRAM", "KEGIATAN", "SUB KEGIATAN", "TARGET", "PAGU ANGGARAN"]
    for column, name in enumerate(header, start=1):
        if name:
            sheet.cell(4, column, name)
    months = ["Jan", "Feb", "Mrt", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des"]
    for m, name in enumerate(months):
        sheet.cell(5, 3 + m, name)
    row = ["1", "Rapat", '=WEBSERVICE("http://example.invalid/x")', *[None] * 11, "Notulen"]
    row += ["Program", "Kegiatan", "Sub A", "10 orang", "=SUM(1000,2000)"]
    for column, value in enumerate(row, start=1):
        if value is not None:
            sheet.cell(6, column, value)
    book.save(plan / BOOK)


def _book_parts(path: Path) -> dict[str, bytes]:
    """The parts of a small valid workbook (one sheet, one cell), to make hostile."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "RENCANA AKSI"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_SHEET = "xl/worksheets/sheet1.xml"


@maker
def xlsx_merged_range(root: Path, plan: Path) -> None:
    """A 6 KB workbook with one merged range A2:XFD1048576: openpyxl makes a MergedCell
    object for each of its 17 billion cells."""
    parts = _book_parts(plan / BOOK)
    merge = b'<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'
    parts[_SHEET] = parts[_SHEET].replace(b"</sheetData>", b"</sheetData>" + merge)
    _zip_parts(plan / BOOK, parts, zipfile.ZIP_DEFLATED)


@maker
def xlsx_hidden_cells(root: Path, plan: Path) -> None:
    """One million cells in a sheet part named sheet1.dat, found through the relationships
    (openpyxl follows them; a count of the .xml parts only would not see it)."""
    parts = _book_parts(plan / BOOK)
    cells = b"<row>" + b"<c/>" * 250 + b"</row>"
    sheet = parts.pop(_SHEET).replace(b"</sheetData>", cells * 4000 + b"</sheetData>")
    parts["xl/worksheets/sheet1.dat"] = sheet
    for name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        parts[name] = parts[name].replace(b"sheet1.xml", b"sheet1.dat")
    _zip_parts(plan / BOOK, parts, zipfile.ZIP_STORED)


@maker
def xlsx_utf16_cells(root: Path, plan: Path) -> None:
    """One million cells in a sheet part encoded as UTF-16 (XML allows it; a byte search
    for "<c" finds none)."""
    parts = _book_parts(plan / BOOK)
    cells = b"<row>" + b"<c/>" * 250 + b"</row>"
    sheet = parts[_SHEET].replace(b"</sheetData>", cells * 4000 + b"</sheetData>")
    parts[_SHEET] = sheet.decode("utf-8").encode("utf-16")
    _zip_parts(plan / BOOK, parts, zipfile.ZIP_STORED)


@maker
def xlsx_many_styles(root: Path, plan: Path) -> None:
    """A styles part of 200 000 distinct fills (random colours, so no zip bomb): openpyxl
    makes objects of each, at some 100 microseconds apiece."""
    parts = _book_parts(plan / BOOK)
    colours = random.Random(16)
    fills = b"".join(
        b'<fill><patternFill patternType="solid"><fgColor rgb="FF%06X"/></patternFill></fill>'
        % colours.randrange(1 << 24)
        for _ in range(200_000)
    )
    styles = parts["xl/styles.xml"]
    start = styles.index(b"<fills")
    parts["xl/styles.xml"] = (
        styles[:start]
        + b"<fills>"
        + fills
        + b"</fills>"
        + styles[styles.index(b"</fills>") + len(b"</fills>") :]
    )
    _zip_parts(plan / BOOK, parts, zipfile.ZIP_DEFLATED)


@maker
def xlsx_far_cell_in_bounds(root: Path, plan: Path) -> None:
    """A valid workbook with a table header at A1 and one cell at KN10000: within the sheet
    bounds (10 000 x 300), but asking openpyxl for every cell of the sheet creates 3
    million cell objects."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for column, name in enumerate(("No", "AKSI/KEGIATAN", "SUB KEGIATAN"), start=1):
        sheet.cell(1, column, name)
    sheet["KN10000"] = "x"
    book.save(plan / BOOK)


@maker
def xlsx_formula_injection(root: Path, plan: Path) -> None:
    """Aksi names and keluaran that a spreadsheet would run as formulas."""
    names = ['=HYPERLINK("http://example.invalid","klik")', "+1+1", "-2+3", "@SUM(A1)"]
    aksi = "".join(
        f"      - nama: '{n}'\n        bulan: [1]\n        keluaran: '{n}'\n" for n in names
    )
    path = plan / ALPHA
    path.write_text(_base(ALPHA).replace("    aksi:\n", "    aksi:\n" + aksi, 1), "utf-8")


@dataclass(frozen=True, slots=True)
class Bounds:
    """What one run may cost."""

    time_s: float
    memory_mb: float


@dataclass(frozen=True, slots=True)
class Expect:
    """The outcome of a case."""

    exit: tuple[int, ...]
    codes: frozenset[str] | None
    line: int | None
    column: int | None
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Case:
    """One folder of tests/hostile/."""

    name: str
    folder: Path
    what: str
    file: str | None
    payload: str | None
    make: str | None
    command: str
    args: tuple[str, ...]
    expect: Expect
    bounds: Bounds
    render: bool
    skip_as_root: str | None
    xfail: dict[str, str]

    @property
    def shown(self) -> str | None:
        """``file`` as findings and messages name it."""
        return f"{PLAN.as_posix()}/{self.file}" if self.file else None

    def max_bytes(self) -> int:
        """The --max-bytes of the case, or the default."""
        args = list(self.args)
        return int(args[args.index("--max-bytes") + 1]) if "--max-bytes" in args else MAX_BYTES

    def max_plan_bytes(self) -> int:
        """The --max-plan-bytes of the case, or the default."""
        args = list(self.args)
        if "--max-plan-bytes" in args:
            return int(args[args.index("--max-plan-bytes") + 1])
        return MAX_PLAN_BYTES


_FIELDS = {
    "what", "file", "payload", "make", "command", "args", "expect", "bounds", "render",
    "skip_as_root", "xfail",
}  # fmt: skip
_EXPECT_FIELDS = {"exit", "codes", "line", "column", "words"}
_COMMANDS = {"validate", "report", "diff-git", "import", "export"}
_KINDS = {"run", "render", "report", "diff"}


def _read_case(folder: Path) -> Case:
    raw = YAML(typ="safe", pure=True).load((folder / "case.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict), folder
    assert set(raw) <= _FIELDS, (folder.name, set(raw) - _FIELDS)
    expect: dict[str, Any] = raw["expect"]
    assert set(expect) <= _EXPECT_FIELDS, (folder.name, set(expect) - _EXPECT_FIELDS)
    exits = expect["exit"]
    command = raw.get("command", "validate")
    assert command in _COMMANDS, (folder.name, command)
    xfail: dict[str, str] = raw.get("xfail") or {}
    assert set(xfail) <= _KINDS, (folder.name, set(xfail) - _KINDS)
    payload, make = raw.get("payload"), raw.get("make")
    assert (payload is None) != (make is None), f"{folder.name}: payload or make, not both"
    assert make is None or make in MAKERS, f"{folder.name}: no generator {make}"
    assert payload is None or (folder / payload).is_file(), f"{folder.name}: no {payload}"
    return Case(
        name=folder.name,
        folder=folder,
        what=" ".join(str(raw["what"]).split()),
        file=raw.get("file"),
        payload=payload,
        make=make,
        command=command,
        args=tuple(str(a) for a in raw.get("args", [])),
        expect=Expect(
            exit=tuple(exits) if isinstance(exits, list) else (exits,),
            codes=frozenset(expect["codes"]) if "codes" in expect else None,
            line=expect.get("line"),
            column=expect.get("column"),
            words=tuple(expect.get("words", [])),
        ),
        bounds=Bounds(float(raw["bounds"]["time_s"]), float(raw["bounds"]["memory_mb"])),
        render=bool(raw.get("render", command == "validate")),
        skip_as_root=raw.get("skip_as_root"),
        xfail=xfail,
    )


CASES = [_read_case(f) for f in sorted(HOSTILE.iterdir()) if (f / "case.yaml").is_file()]
BY_NAME = {case.name: case for case in CASES}


def params(cases: list[Case], kind: str) -> list[Any]:
    """``cases`` as pytest parameters, with the strict xfail of ``kind`` where known."""
    out = []
    for case in cases:
        reason = case.xfail.get(kind)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


# --- running a case ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """What one measured child did."""

    exit: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    killed: bool


#: Runs ``python -m renaksi ARGS`` as its own child and writes "exit peak_rss seconds" to a
#: file. A child's ru_maxrss starts at its parent's RSS (fork copies the page tables and
#: exec keeps the high-water mark), so measured straight from pytest it would include
#: pytest's own memory; measured from this small launcher it is renaksi's alone.
_LAUNCHER = """
import os, resource, signal, sys, time
cap, limit, report = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.execv(sys.executable, [sys.executable, "-m", "renaksi", *sys.argv[4:]])
    finally:
        os._exit(127)
fired = []
def kill(*_):
    fired.append(True)
    os.kill(pid, signal.SIGKILL)
signal.signal(signal.SIGALRM, kill)
signal.setitimer(signal.ITIMER_REAL, limit)
_, status, usage = os.wait4(pid, 0)
signal.setitimer(signal.ITIMER_REAL, 0)
seconds = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} {seconds} {len(fired)}")
"""


def run_measured(args: list[str], cwd: Path, time_s: float) -> Run:
    """``python -m renaksi ARGS`` in ``cwd``, under ``RLIMIT_AS`` :data:`MEMORY_CAP`,
    killed past ``time_s`` (+ grace), with its own wall time and peak RSS."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
    limit = time_s + GRACE_S
    with (
        tempfile.TemporaryDirectory() as scratch,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        report = Path(scratch) / "report"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-S",
                "-c",
                _LAUNCHER,
                str(MEMORY_CAP),
                str(limit),
                str(report),
                *args,
            ],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=limit + 30)
        except subprocess.TimeoutExpired:  # the launcher itself is stuck: end it all
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        assert report.exists(), f"the launcher failed (exit {proc.returncode})"
        code, rss, seconds, fired = report.read_text(encoding="ascii").split()
        # ru_maxrss: KiB on Linux, bytes on macOS.
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        out.seek(0)
        err.seek(0)
        return Run(
            exit=int(code),
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=float(seconds),
            peak_mb=int(rss) / scale,
            killed=fired != "0",
        )


#: Measured runs go this many at a time. Wall time is measured under that load, so it
#: over-states a run's own time: a bound that holds here holds for a run alone.
WORKERS = max(2, min(4, os.cpu_count() or 1))
#: Test function -> kind of run (the key of ``xfail:`` in case.yaml).
KINDS = {"test_case": "run", "test_report_on_worst": "report", "test_diff_on_worst": "diff"}


def command(kind: str, case: Case) -> list[str]:
    """The renaksi arguments of a ``kind`` run of ``case``."""
    plan = PLAN.as_posix()
    if kind == "report" or (kind == "run" and case.command == "report"):
        return ["report", *case.args, plan]
    if kind == "diff":
        return ["diff", "--exit-code", "--base-dir", "base", "--head-dir", plan]
    if case.command == "diff-git":
        return ["diff", *case.args]
    if case.command == "import":
        return ["import", f"{plan}/{BOOK}", *case.args]
    if case.command == "export":
        return ["export", *case.args, "-o", "buku-keluar.xlsx", plan]
    return ["validate", "--format", "json", *case.args, plan]


def perform(kind: str, case: Case, root: Path) -> Run:
    """Make the hostile plan in ``root`` and run renaksi on it, measured."""
    build(case, root)
    if kind == "diff":
        shutil.copytree(BASE, root / "base")
    return run_measured(command(kind, case), root, case.bounds.time_s)


Pending = dict[tuple[str, str], tuple[Path, Future[Run]]]


@pytest.fixture(scope="module")
def pending(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pending]:
    """The measured runs of every selected test of this module, started together.

    Cases expected to be slow (a known bug, or a large time bound) start first, so their
    waiting overlaps the quick ones.
    """
    wanted: list[tuple[str, Case]] = []
    for item in request.session.items:
        if not isinstance(item, pytest.Function) or item.module is not sys.modules[__name__]:
            continue
        kind = KINDS.get(item.originalname)
        if kind is None:
            continue
        case = item.callspec.params["case"]
        assert isinstance(case, Case)
        if not (case.skip_as_root and os.geteuid() == 0):
            wanted.append((kind, case))
    wanted.sort(key=lambda job: (job[0] not in job[1].xfail, -job[1].bounds.time_s))
    out: Pending = {}
    with ThreadPoolExecutor(WORKERS) as pool:
        for kind, case in wanted:
            root = tmp_path_factory.mktemp(f"{kind}-{case.name}")
            out[(kind, case.name)] = (root, pool.submit(perform, kind, case, root))
        yield out


#: Measured time and memory of every run, printed at the end (see the fixture below).
MEASURED: list[tuple[str, Run, Bounds]] = []


@pytest.fixture(scope="module", autouse=True)
def _print_measurements() -> Iterator[None]:
    """After the module: one line per measured run (shown with ``pytest -s``)."""
    yield
    if MEASURED:
        print(f"\nhostile cases, measured vs bound ({WORKERS} runs at a time):")
        for label, run, bounds in MEASURED:
            print(
                f"  {label:<34} exit {run.exit:>3}  {run.seconds:6.2f} s / {bounds.time_s:g} s"
                f"  {run.peak_mb:6.1f} MB / {bounds.memory_mb:g} MB"
                + ("  KILLED" if run.killed else "")
            )


def build(case: Case, root: Path) -> Path:
    """The base plan at ``root/plans/2024`` made hostile as ``case`` says."""
    plan = root / PLAN
    shutil.copytree(BASE, plan)
    if case.payload is not None:
        assert case.file is not None
        (plan / case.file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case.folder / case.payload, plan / case.file)
    else:
        assert case.make is not None
        MAKERS[case.make](root, plan)
    return plan


def no_payload_ran(root: Path) -> None:
    """Nothing a payload would create exists."""
    assert not list(root.rglob(PWNED)), "a payload was executed"
    assert not Path(PWNED).exists(), "a payload was executed"


def measured(pending: Pending, kind: str, case: Case) -> Run:
    """The finished run of ``case``; it stayed in its bounds, without a traceback."""
    if case.skip_as_root and os.geteuid() == 0:
        pytest.skip(case.skip_as_root)
    root, future = pending[(kind, case.name)]
    run = future.result()
    no_payload_ran(root)
    bounds = case.bounds
    MEASURED.append((case.name if kind == "run" else f"{case.name} ({kind})", run, bounds))
    assert not run.killed, f"killed after {run.seconds:.1f} s (bound {bounds.time_s:g} s)"
    assert run.seconds <= bounds.time_s, f"{run.seconds:.2f} s > {bounds.time_s:g} s"
    assert run.peak_mb <= bounds.memory_mb, f"{run.peak_mb:.0f} MB > {bounds.memory_mb:g} MB"
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream
        assert "galat internal" not in stream, stream[-500:]
    return run


def check_findings(case: Case, document: dict[str, Any]) -> None:
    """The JSON findings of ``renaksi validate`` are the ones ``case`` expects."""
    expect = case.expect
    errors = [p for p in document["problems"] if p["severity"] == "error"]
    assert document["summary"]["valid"] is (not errors)
    if not errors:
        assert expect.exit == (0,)
        return
    assert case.shown is not None
    assert {p["file"] for p in errors} == {case.shown}, errors
    if expect.codes is not None:
        assert {p["code"] for p in errors} == expect.codes, errors
    first = errors[0]
    if expect.line is not None:
        assert first["line"] == expect.line, first
    if expect.column is not None:
        assert first["column"] == expect.column, first
    if expect.line is None or expect.line > 0:
        assert first["line"] >= 1, first
    words = " ".join(p["message"] for p in errors)
    for word in expect.words:
        assert word in words, (word, words)


@pytest.mark.parametrize("case", params(CASES, "run"))
def test_case(case: Case, pending: Pending) -> None:
    """The case in a subprocess: the bounds, the exit code, findings with their place."""
    run = measured(pending, "run", case)
    assert run.exit in case.expect.exit, (run.exit, run.stderr[-500:])
    if run.exit == 2:
        assert run.stdout == ""
        assert case.shown is not None
        assert case.shown in run.stderr
        for word in case.expect.words:
            assert word in run.stderr, (word, run.stderr)
    elif case.command == "validate":
        check_findings(case, json.loads(run.stdout))
    elif case.command == "export":
        no_formulas(pending[("run", case.name)][0] / "buku-keluar.xlsx")
    else:
        output = run.stdout + run.stderr
        assert case.shown is None or case.shown in output
        for word in case.expect.words:
            assert word in output, (word, output[-1000:])


def no_formulas(book: Path) -> None:
    """Every cell of the exported workbook is data: none is a formula."""
    import openpyxl

    cells = [c for ws in openpyxl.load_workbook(book).worksheets for r in ws.iter_rows() for c in r]
    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []


# --- the same cases in-process ------------------------------------------------------------


def rendered(result: CheckResult) -> dict[str, str]:
    """Every output format of ``result``."""
    return {name: formatter(name)(result, False) for name in FORMATS}


@pytest.mark.parametrize("case", params([c for c in CASES if c.render], "render"))
def test_case_in_process(case: Case, tmp_path: Path) -> None:
    """``validate`` in-process agrees with the CLI, and every output format renders the
    findings with a place and without control characters from the file."""
    if case.skip_as_root and os.geteuid() == 0:
        pytest.skip(case.skip_as_root)
    plan = build(case, tmp_path)
    if case.expect.exit == (2,):
        with pytest.raises(PlanIOError) as info:
            validate([plan], max_bytes=case.max_bytes(), max_plan_bytes=case.max_plan_bytes())
        for word in case.expect.words:
            assert word in info.value.message
        return
    result = validate([plan], max_bytes=case.max_bytes(), max_plan_bytes=case.max_plan_bytes())
    no_payload_ran(tmp_path)
    assert result.failed() is (case.expect.exit != (0,))
    for problem in result.problems:
        assert problem.location.file
        assert message(problem)
        if problem.severity is Severity.ERROR and case.expect.codes is not None:
            assert problem.code in case.expect.codes
    leaks = {}
    for name, text in rendered(result).items():
        assert text.endswith("\n")
        found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
        if found:
            leaks[name] = ", ".join(found)
    assert not leaks, f"control characters reach the terminal: {leaks}"


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``unreadable-file`` case as root too: opening the file raises PermissionError."""
    case = BY_NAME["unreadable-file"]
    plan = tmp_path / PLAN
    shutil.copytree(BASE, plan)
    target = plan / ALPHA
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if Path(os.path.abspath(self)) == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", PLAN.as_posix()])
    assert isinstance(result.exception, SystemExit)
    assert result.exit_code in case.expect.exit
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert case.shown is not None
    assert case.shown in result.stderr
    for word in case.expect.words:
        assert word in result.stderr


# --- report and diff on the worst cases -----------------------------------------------------

#: The cases `renaksi report` and `renaksi diff --base-dir/--head-dir` also run on.
WORST = ["alias-bomb", "nesting-flow", "nesting-block", "ten-mb-line", "plan-many-files"]


@pytest.mark.parametrize("case", params([BY_NAME[n] for n in WORST], "report"))
def test_report_on_worst(case: Case, pending: Pending) -> None:
    """``renaksi report`` refuses the plan (exit 1), shows the finding, stays in bounds."""
    run = measured(pending, "report", case)
    assert run.exit == 1, run.stderr[-500:]
    assert run.stdout == ""
    assert case.shown is not None
    assert case.shown in run.stderr
    assert case.expect.codes is not None
    for code in case.expect.codes:
        assert code in run.stderr
    assert "tidak dicetak" in run.stderr


@pytest.mark.parametrize("case", params([BY_NAME[n] for n in WORST], "diff"))
def test_diff_on_worst(case: Case, pending: Pending) -> None:
    """``renaksi diff --base-dir/--head-dir`` with the hostile plan as head: exit 1 with
    ``--exit-code``, the new error counted, in bounds."""
    run = measured(pending, "diff", case)
    assert run.exit == 1, run.stderr[-500:]
    assert run.stderr == ""
    assert "galat baru" in run.stdout


# --- the corpus and its README ---------------------------------------------------------------


def test_readme_lists_every_case() -> None:
    """tests/hostile/README.md has one table row per case folder, and states the limits."""
    readme = (HOSTILE / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| \[`([a-z0-9-]+)`\]", readme, re.MULTILINE))
    assert rows == set(BY_NAME)
    assert "2 MiB" in readme
    assert f"{MAX_BYTES:_}".replace("_", " ") in readme
    assert f"{MAX_DEPTH} levels" in readme
    assert "--max-bytes" in readme
    assert f"{MAX_PLAN_BYTES:_}".replace("_", " ") in readme
    assert "--max-plan-bytes" in readme


def test_every_generator_is_used() -> None:
    """No generator is left without a case (and every case names an existing one)."""
    assert {c.make for c in CASES if c.make} == set(MAKERS)
