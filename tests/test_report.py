"""``renaksi report``: the printed Rencana Aksi, as Markdown and HTML.

What is checked: every number and name of the plan reaches the page it belongs on (expected
values are read from the YAML with a plain YAML parser, independent of renaksi's models, and
the values of the signed 2024 document are also written out literally), the exit codes
(0 printed, 1 plan not valid, 2 usage, template or output trouble), output files, escaping
of plan text, user templates, and the provenance footer.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner, Result

from renaksi import __version__
from renaksi.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
PLAN = PLANS / "2024"
FORMATS = ("md", "html")
SLUGS = ("ideologi", "politik", "ekonomi", "kewaspadaan")
PAYLOAD = "<script>alert(1)</script> {{ 7*7 }} | **x** [l](http://e.x)"


# --- running the command ----------------------------------------------------------------


def invoke(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    """Run ``renaksi ARGS`` in-process."""
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def assert_no_crash(result: Result) -> None:
    """The command ended through its exit code, not through an exception or a traceback."""
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@cache
def _real(*args: str) -> tuple[int, str, str]:
    result = invoke("report", PLAN, *args)
    assert_no_crash(result)
    return result.exit_code, result.stdout, result.stderr


def report_of_plan(*args: str) -> str:
    """The stdout of ``renaksi report plans/2024 ARGS``, which must succeed (cached)."""
    code, out, err = _real(*args)
    assert code == 0, err
    assert err == ""
    return out


_PROVENANCE = re.compile(r"Dibuat dari (revisi|folder)[^\n]*? dengan renaksi [^\s<]+\.")


def same_report(text: str) -> str:
    """``text`` with its provenance sentence blanked: this repository may get a commit (or
    an uncommitted change) between two runs of the same report."""
    return _PROVENANCE.sub("Dibuat dari ...", text)


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A private copy of plans/2024 (at ``tmp/plans/2024``) to change."""
    folder = tmp_path / "plans" / "2024"
    shutil.copytree(PLAN, folder)
    return folder


# --- reading the plan without renaksi -----------------------------------------------------


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def grouped(value: int) -> str:
    """``2718270000`` -> ``2.718.270.000``."""
    return f"{value:,}".replace(",", ".")


def persen(value: float | int) -> str:
    """``1.56`` -> ``1,56%``."""
    return format(Decimal(str(value)).normalize(), "f").replace(".", ",") + "%"


def squash(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class SubPlan:
    """One sub kegiatan with its planned aksi, as written in the YAML."""

    nama: str
    pagu: int
    target: str
    aksi: tuple[tuple[str, tuple[int, ...], str], ...]  # (nama, bulan, keluaran)


@dataclass(frozen=True)
class BidangPlan:
    """What one bidang page must show, read from the YAML."""

    slug: str
    nama: str
    signer: dict[str, Any]
    subs: tuple[SubPlan, ...]
    unplanned: tuple[tuple[str, int], ...]

    @property
    def aksi_count(self) -> int:
        return sum(len(s.aksi) for s in self.subs)


def pk_subs(folder: Path = PLAN) -> dict[str, dict[str, Any]]:
    """Every sub kegiatan of the PK by id."""
    pk = load_yaml(folder / "perjanjian-kinerja.yaml")
    return {
        sub["id"]: sub
        for program in pk["program"]
        for keg in program["kegiatan"]
        for sub in keg["sub_kegiatan"]
    }


@cache
def bidang_plan(slug: str) -> BidangPlan:
    data = load_yaml(PLAN / "bidang" / f"{slug}.yaml")
    subs = pk_subs()
    planned = []
    for ren in data["rencana_aksi"]:
        sub = subs[ren["sub_kegiatan"]]
        aksi = tuple(
            (squash(a["nama"]), tuple(a["bulan"]), squash(a["keluaran"])) for a in ren["aksi"]
        )
        planned.append(SubPlan(squash(sub["nama"]), int(sub["pagu"]), ren["target"], aksi))
    ids = {ren["sub_kegiatan"] for ren in data["rencana_aksi"]}
    unplanned = tuple(
        (squash(s["nama"]), int(s["pagu"]))
        for sid, s in subs.items()
        if s["bidang"] == slug and sid not in ids
    )
    return BidangPlan(slug, data["nama"], data["penandatangan"], tuple(planned), unplanned)


def narasi_lines(folder: Path = PLAN) -> dict[str, str]:
    """One plain prose line (no Markdown syntax) from each narrative chapter."""
    out = {}
    for path in sorted((folder / "narasi").glob("*.md")):
        if path.name == "README.md":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if len(text) > 40 and not re.search(r"[#*_`\[\]<>&\"|]", text) and text[0].isalpha():
                out[path.stem] = text
                break
    return out


# --- reading the output -----------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    classes: frozenset[str] = frozenset()
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    """A table of the output: header rows and body rows of cells."""

    classes: frozenset[str] = frozenset()
    head: list[list[Cell]] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def header(self) -> str:
        return " ".join(c.text for row in self.head for c in row)


def split_md_row(line: str) -> list[str]:
    """The raw cells of a Markdown table row, split at unescaped pipes."""
    parts: list[str] = []
    current: list[str] = []
    backslashes = 0
    for ch in line:
        if ch == "|" and backslashes % 2 == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        backslashes = backslashes + 1 if ch == "\\" else 0
    parts.append("".join(current))
    return parts[1:-1]


def md_plain(text: str) -> str:
    """Markdown cell text as a reader sees it: no bold markers, escapes or entities."""
    text = re.sub(r"(?<!\\)\*\*", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return squash(html.unescape(text))


def md_blocks(text: str) -> list[list[str]]:
    """Runs of consecutive lines that start with ``|``."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def md_tables(text: str) -> list[Table]:
    tables = []
    for block in md_blocks(text):
        assert len(block) >= 2, block
        assert re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", block[1]), block[:2]
        table = Table()
        table.head.append([Cell(md_plain(c)) for c in split_md_row(block[0])])
        table.rows = [[Cell(md_plain(c)) for c in split_md_row(line)] for line in block[2:]]
        tables.append(table)
    return tables


class _HtmlTables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._table: Table | None = None
        self._in_head = False
        self._row: list[Cell] | None = None
        self._cell: list[str] | None = None
        self._cell_classes: frozenset[str] = frozenset()
        self._spans = (1, 1)

    @staticmethod
    def _classes(attrs: list[tuple[str, str | None]]) -> frozenset[str]:
        return frozenset(" ".join(v or "" for k, v in attrs if k == "class").split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = Table(self._classes(attrs))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tbody":
            self._in_head = False
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
            self._cell_classes = self._classes(attrs)
            found = dict(attrs)
            self._spans = (int(found.get("rowspan") or 1), int(found.get("colspan") or 1))
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = squash("".join(self._cell))
            self._row.append(Cell(text, self._cell_classes, *self._spans))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            (self._table.head if self._in_head else self._table.rows).append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(text: str) -> list[Table]:
    parser = _HtmlTables()
    parser.feed(text)
    parser.close()
    return parser.tables


def grid_widths(rows: list[list[Cell]]) -> list[int]:
    """The number of grid columns each row of a table section covers, spans included.

    Fails when a row leaves a gap or a rowspan reaches past the end of the section.
    """
    pending: dict[int, int] = {}  # column -> further rows a rowspan above still covers
    widths = []
    for row in rows:
        taken = set(pending)
        placed: set[int] = set()
        spanning: dict[int, int] = {}
        col = 0
        for cell in row:
            while col in taken:
                col += 1
            for k in range(cell.colspan):
                placed.add(col + k)
                if cell.rowspan > 1:
                    spanning[col + k] = cell.rowspan - 1
            col += cell.colspan
        covered = taken | placed
        width = max(covered) + 1 if covered else 0
        assert covered == set(range(width)), f"gap in row {[c.text for c in row]}"
        widths.append(width)
        pending = {c: n - 1 for c, n in pending.items() if n > 1} | spanning
    assert not pending, "a rowspan reaches past the last row"
    return widths


def assert_html_tables_rectangular(out: str) -> None:
    """Every HTML table: header and body rows span the same number of columns."""
    for table in html_tables(out):
        widths = set(grid_widths(table.head)) | set(grid_widths(table.rows))
        assert len(widths) == 1, (table.header, widths)


def tables_of(text: str, fmt: str) -> list[Table]:
    return md_tables(text) if fmt == "md" else html_tables(text)


def plain(text: str, fmt: str) -> str:
    """The output as a reader sees it, whitespace collapsed."""
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
        return squash(html.unescape(re.sub(r"<[^>]+>", " ", text)))
    return md_plain(text)


PAGE_TITLE = "RENCANA AKSI PENCAPAIAN KINERJA TAHUN"


def bidang_sections(out: str) -> dict[str, str]:
    """The output of each bidang page by slug, cut at the page titles (and before BAB III)."""
    chunks = out.split(PAGE_TITLE)[1:]
    if chunks:
        chunks[-1] = chunks[-1].split("BAB III")[0]
    sections = {}
    for chunk in chunks:
        (slug,) = [s for s in SLUGS if bidang_plan(s).nama.upper() in chunk]
        sections[slug] = chunk
    return sections


def aksi_tables(text: str, fmt: str) -> list[Table]:
    return [t for t in tables_of(text, fmt) if "AKSI/KEGIATAN" in t.header]


def month_marks(row: list[Cell], fmt: str) -> tuple[int, ...]:
    """The months (1-12) marked in an aksi row."""
    if fmt == "md":
        cells = row[2:14]
        assert all(c.text in ("", "■") for c in cells), row
        return tuple(m for m, c in enumerate(cells, start=1) if c.text == "■")
    cells = [c for c in row if "m" in c.classes]
    assert len(cells) == 12, row
    return tuple(m for m, c in enumerate(cells, start=1) if "on" in c.classes)


def aksi_name(row: list[Cell], fmt: str) -> str:
    if fmt == "md":
        return row[1].text
    (cell,) = [c for c in row if "aksi-name" in c.classes]
    return cell.text


# --- one bidang ---------------------------------------------------------------------------

#: Values of the signed 2024 document, written out (not derived from the YAML).
ACCEPTANCE: dict[str, dict[str, Any]] = {
    "politik": {
        "tables": 3,
        "aksi": 13,
        "text": [
            "10 dokumen",
            "10000 orang",
            "12 laporan",
            "50.913.097.550",
            "1.517.874.000",
            "1.512.708.000",
            "MUNAWAROH",
            "Pembina (IV/a)",
            "NIP. 19690325 199103 2 004",
            "Samarinda, 2 Januari 2024",
        ],
    },
    "ideologi": {
        "tables": 5,
        "aksi": 19,
        "text": [
            "MIFTAHURRIZQA",
            "Plt. Kabid. Ideologi, Wasbang Dan Karakter Bangsa",
            "Pembina (IV/a)",
            "NIP. 19720710 199803 1 012",
            "Samarinda, 2 Januari 2024",
        ],
    },
    "ekonomi": {
        "tables": 2,
        "aksi": 7,
        "text": [
            "Belum ada rencana aksi",
            "Hj. SRI REPELITA",
            "NIP. 19690127 200112 2 001",
            "Samarinda, 2 Januari 2024",
        ],
    },
    "kewaspadaan": {
        "tables": 3,
        "aksi": 11,
        "text": [
            "ROKHMAT WAHYUDIS",
            "NIP. 19680130 199403 1 009",
            "Samarinda, 2 Januari 2024",
        ],
    },
}


def check_bidang_page(out: str, fmt: str, slug: str) -> None:
    """Every name, number, month mark and the signature of one bidang, in ``out``."""
    want = bidang_plan(slug)
    accept = ACCEPTANCE[slug]
    seen = plain(out, fmt)
    assert want.nama.upper() in seen

    tables = aksi_tables(out, fmt)
    assert len(tables) == len(want.subs) == accept["tables"]
    assert sum(len(t.rows) for t in tables) == want.aksi_count == accept["aksi"]
    for table, sub in zip(tables, want.subs, strict=True):
        assert sub.nama in seen
        assert sub.target in seen
        assert grouped(sub.pagu) in seen
        assert [aksi_name(r, fmt) for r in table.rows] == [a[0] for a in sub.aksi]
        assert [month_marks(r, fmt) for r in table.rows] == [a[1] for a in sub.aksi]
        for row, (_, _, keluaran) in zip(table.rows, sub.aksi, strict=True):
            assert keluaran in [c.text for c in row]
        if fmt == "md":
            assert [r[0].text for r in table.rows] == [str(n) for n in range(1, len(sub.aksi) + 1)]
    for nama, pagu in want.unplanned:
        assert nama in seen
        assert grouped(pagu) in seen
    if want.unplanned:
        assert "Belum ada rencana aksi" in seen
    else:
        assert "Belum ada rencana aksi" not in seen

    signer = want.signer
    assert squash(signer["nama"]) in seen
    assert squash(signer["jabatan"]) in seen
    assert ("Plt. " + squash(signer["jabatan"]) in seen) == bool(signer.get("plt"))
    for text in accept["text"]:
        assert text in seen, text


def assert_tables_intact(out: str, fmt: str) -> None:
    if fmt == "md":
        assert_md_tables_intact(out)
    else:
        assert_html_tables_rectangular(out)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", SLUGS)
def test_bidang_page(slug: str, fmt: str) -> None:
    out = report_of_plan("--bidang", slug, "--format", fmt)
    check_bidang_page(out, fmt, slug)
    assert_tables_intact(out, fmt)
    others = [bidang_plan(s).nama.upper() for s in SLUGS if s != slug]
    assert not any(name in plain(out, fmt) for name in others)


def test_politik_markdown_as_printed() -> None:
    out = report_of_plan("--bidang", "politik")
    lines = out.splitlines()
    assert "| 1 | Rapat Interen | ■ | ■ |" + "  |" * 10 + " Notulan Hasil rapat |" in lines
    assert (
        "| 1 | Pelaksanaan Monitoring dan Evaluasi |"
        + " ■ |" * 12
        + " Jumlah laporan Monitoring dan Evaluasi |"
    ) in lines
    for text in ("Target: 10 dokumen", "Target: 10000 orang", "Target: 12 laporan"):
        assert f"- {text}" in lines
    assert "**MUNAWAROH, S. Sos. MM**\\" in lines
    assert "NIP. 19690325 199103 2 004" in lines
    assert "Samarinda, 2 Januari 2024\\" in lines
    # The md aksi tables have a header and a row per aksi with 15 cells each.
    for table in md_tables(out):
        assert all(len(r) == len(table.head[0]) for r in table.rows)


def test_ekonomi_names_the_two_unplanned_sub_kegiatan() -> None:
    want = bidang_plan("ekonomi")
    assert {pagu for _, pagu in want.unplanned} == {125_000_000, 263_500_000}
    for fmt in FORMATS:
        seen = plain(report_of_plan("--bidang", "ekonomi", "--format", fmt), fmt)
        block = seen[seen.index("Belum ada rencana aksi") :]
        for nama, pagu in want.unplanned:
            assert f"{nama} (Rp {grouped(pagu)})" in block


@pytest.mark.parametrize("spelling", ["POLITIK", "Politik", "politik"])
def test_bidang_slug_is_case_insensitive(spelling: str) -> None:
    assert same_report(report_of_plan("--bidang", spelling)) == same_report(
        report_of_plan("--bidang", "politik")
    )


def test_unknown_bidang_is_a_usage_error() -> None:
    result = invoke("report", PLAN, "--bidang", "nope")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "nope" in result.stderr
    for slug in SLUGS:
        assert slug in result.stderr


# --- the whole document -----------------------------------------------------------------


def _table(tables: list[Table], *, has: str, lacks: str = "\0") -> Table:
    (found,) = [t for t in tables if has in t.header and lacks not in t.header]
    return found


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


@pytest.mark.parametrize("fmt", FORMATS)
def test_whole_document(fmt: str) -> None:
    out = report_of_plan("--format", fmt)
    tables = tables_of(out, fmt)
    seen = plain(out, fmt)
    assert_tables_intact(out, fmt)
    assert len(tables) == 4 + 4 + 13  # Tabel 2.1-2.4, 4 indikator tables, 13 aksi tables

    # Tabel 2.1 IKU.
    iku = _texts(_table(tables, has="Formulasi"))
    assert len(iku) == 1
    assert iku[0][-1] == "100%"

    # Tabel 2.2 PK and Tabel 2.4: the annual and quarterly targets.
    pk = load_yaml(PLAN / "perjanjian-kinerja.yaml")
    tabel_22 = _texts(_table(tables, has="Target Kinerja", lacks="Formulasi"))
    assert [r[-1] for r in tabel_22] == ["29,17%", "100%", "15,85%", "40%", "20%"]
    assert [r[-1] for r in tabel_22] == [persen(i["target"]) for i in pk["indikator"]]
    tabel_24 = _texts(_table(tables, has="Target Tahunan"))
    assert [r[-5:] for r in tabel_24] == [
        [persen(i["target"]), *(persen(v) for v in i["triwulan"])] for i in pk["indikator"]
    ]
    assert tabel_24[0][-4] == "1,56%"
    assert tabel_24[-1][-1] == "6,63%"

    # Tabel 2.3: every pagu, every kegiatan subtotal, the total.
    tabel_23 = _texts(_table(tables, has="Pagu Anggaran", lacks="AKSI/KEGIATAN"))
    pagu_cells = [r[-1] for r in tabel_23]
    for sub in pk_subs().values():
        assert grouped(int(sub["pagu"])) in pagu_cells, sub["id"]
    subtotals = ["2.718.270.000", "53.943.679.550", "345.000.000", "1.283.500.000", "768.855.448"]
    kegiatan = [k for p in pk["program"] for k in p["kegiatan"]]
    assert [grouped(sum(int(s["pagu"]) for s in k["sub_kegiatan"])) for k in kegiatan] == (
        subtotals
    )
    kegiatan_rows = [r[-1] for r in tabel_23 if any(c.startswith("Kegiatan:") for c in r)]
    assert kegiatan_rows == subtotals
    assert pagu_cells[-1] == "59.059.304.998" == grouped(int(pk["total_pagu"]))
    assert "Total Pagu Anggaran" in tabel_23[-1]
    assert len(tabel_23) == len(kegiatan) + len(pk_subs()) + 1

    # Every bidang page, in full.
    sections = bidang_sections(out)
    assert sorted(sections) == sorted(SLUGS)
    for slug, section in sections.items():
        check_bidang_page(section, fmt, slug)
    assert len(aksi_tables(out, fmt)) == sum(len(bidang_plan(s).subs) for s in SLUGS) == 13

    # The narrative chapters.
    chapters = narasi_lines()
    assert len(chapters) == 7
    for name, line in chapters.items():
        assert squash(line) in seen, name
    assert "Puji syukur ke hadirat Allah SWT" in seen
    assert "Tercapainya rencana program pada dokumen Rencana Aksi" in squash(seen)

    # The head's signature, under the foreword and under the closing chapter.
    assert seen.count("SUCIPTO, S.Pd, M.Si.") == 2
    assert seen.count("NIP. 19670319 199702 1 003") == 2
    assert seen.count("Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda") >= 2
    assert "BADAN KESATUAN BANGSA DAN POLITIK KOTA SAMARINDA" in seen


@pytest.mark.parametrize("fmt", FORMATS)
def test_document_without_narasi_still_renders(plan_copy: Path, fmt: str) -> None:
    shutil.rmtree(plan_copy / "narasi")
    result = invoke("report", plan_copy, "--format", fmt)
    assert_no_crash(result)
    assert result.exit_code == 0
    seen = plain(result.stdout, fmt)
    assert "BAB III" in seen
    assert "Puji syukur" not in seen
    assert "59.059.304.998" in seen


# --- a plan that is not valid -------------------------------------------------------------


def break_pagu(folder: Path) -> None:
    """Make the politik bahan-kebijakan pagu Rp 1 more than its kegiatan says (BG01)."""
    pk = folder / "perjanjian-kinerja.yaml"
    text = pk.read_text(encoding="utf-8")
    assert text.count("pagu: 50_913_097_550") == 1
    pk.write_text(text.replace("pagu: 50_913_097_550", "pagu: 50_913_097_551"), "utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_invalid_plan_is_not_printed(plan_copy: Path, tmp_path: Path, fmt: str) -> None:
    break_pagu(plan_copy)
    target = tmp_path / "out" / f"rencana.{fmt}"
    target.parent.mkdir()
    result = invoke("report", plan_copy, "--format", fmt, "--output", target)
    assert_no_crash(result)
    assert result.exit_code == 1
    assert "BG01" in result.stderr
    assert "53.943.679.551" in result.stderr
    assert "--force" in result.stderr
    assert result.stdout == ""
    assert list(target.parent.iterdir()) == []

    to_stdout = invoke("report", plan_copy, "--format", fmt)
    assert to_stdout.exit_code == 1
    assert to_stdout.stdout == ""
    assert "BG01" in to_stdout.stderr


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("bidang", [None, "politik"])
def test_force_prints_with_a_warning_block(
    plan_copy: Path, tmp_path: Path, fmt: str, bidang: str | None
) -> None:
    break_pagu(plan_copy)
    target = tmp_path / f"rencana.{fmt}"
    extra = ["--bidang", bidang] if bidang else []
    result = invoke("report", plan_copy, "--format", fmt, "--force", "--output", target, *extra)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    seen = plain(target.read_text(encoding="utf-8"), fmt)
    assert "PERINGATAN" in seen
    block = seen[seen.index("PERINGATAN") : seen.index("RENCANA AKSI PENCAPAIAN")]
    assert "BG01" in block
    assert "perjanjian-kinerja.yaml:116" in block
    assert "53.943.679.551" in block
    assert "RF06" in block  # the warnings are listed too
    # The page is printed with the numbers as written.
    assert "50.913.097.551" in seen


def test_a_bidang_page_warns_about_its_own_file_not_other_bidang(
    plan_copy: Path, tmp_path: Path
) -> None:
    politik = plan_copy / "bidang" / "politik.yaml"
    politik.write_text(
        politik.read_text(encoding="utf-8").replace("bulan: [1, 2]\n", "bulan: [1, 13]\n", 1),
        encoding="utf-8",
    )
    pages = {}
    for slug in ("politik", "ideologi"):
        target = tmp_path / f"{slug}.md"
        result = invoke("report", plan_copy, "-b", slug, "--force", "--output", target)
        assert result.exit_code == 0, result.stderr
        pages[slug] = target.read_text(encoding="utf-8")
    assert "JD02" in pages["politik"]
    assert "JD02" not in pages["ideologi"]
    assert "politik.yaml" not in pages["ideologi"]
    assert "RF06" in pages["ideologi"]  # findings of the shared files are still listed


def test_a_valid_plan_has_no_warning_block() -> None:
    for fmt in FORMATS:
        assert "PERINGATAN" not in report_of_plan("--format", fmt)
        assert "PERINGATAN" not in report_of_plan("--format", fmt, "--force")


def test_force_cannot_print_without_instansi(plan_copy: Path) -> None:
    (plan_copy / "instansi.yaml").write_text("tahun: [\n", encoding="utf-8")
    result = invoke("report", plan_copy, "--force")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "instansi.yaml" in result.stderr
    assert result.stdout == ""


# --- output files -------------------------------------------------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file(tmp_path: Path, fmt: str) -> None:
    out_dir = tmp_path / "keluaran"
    out_dir.mkdir()
    target = out_dir / f"rencana.{fmt}"
    result = invoke("report", PLAN, "--format", fmt, "--output", target)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert same_report(target.read_text(encoding="utf-8")) == same_report(
        report_of_plan("--format", fmt)
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # 0666 less the umask, not 0600
    assert [p.name for p in out_dir.iterdir()] == [target.name]


def test_output_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "rencana.md"
    target.write_text("dokumen lama\n" * 10_000, encoding="utf-8")
    target.chmod(0o640)
    result = invoke("report", PLAN, "--bidang", "politik", "--output", target)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert same_report(target.read_text(encoding="utf-8")) == same_report(
        report_of_plan("--bidang", "politik")
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file's own mode is kept
    assert [p.name for p in tmp_path.iterdir()] == ["rencana.md"]


def test_output_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("report", PLAN, "-b", "ekonomi", "-f", "html", "-o", "ekonomi.html")
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "ekonomi.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_to_a_folder_or_missing_folder_is_refused(tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "tidak-ada" / "rencana.md"):
        result = invoke("report", PLAN, "--output", target)
        assert_no_crash(result)
        assert result.exit_code == 2
        assert str(target) in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_onto_a_fifo_does_not_replace_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that a writer never blocks
    try:
        result = invoke("report", PLAN, "--bidang", "politik", "--output", fifo)
        assert_no_crash(result)
        assert result.exit_code in (0, 2)  # written into the pipe, or refused
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
    finally:
        os.close(reader)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (relative path) with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


@pytest.mark.parametrize(
    "inside",
    [
        "rencana.md",
        "bidang/rencana.md",
        "narasi/../rencana.md",
        "instansi.yaml",
        "bidang/politik.yaml",
        "narasi/kata-pengantar.md",
    ],
)
def test_output_inside_the_plan_folder_is_refused(plan_copy: Path, inside: str) -> None:
    before = tree_hashes(plan_copy)
    result = invoke("report", plan_copy, "--output", plan_copy / inside)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "folder rencana" in result.stderr
    assert result.stdout == ""
    assert tree_hashes(plan_copy) == before


def test_output_inside_the_plan_folder_through_a_relative_path(
    plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree_hashes(plan_copy)
    monkeypatch.chdir(plan_copy / "bidang")
    result = invoke("report", "..", "--output", "../../2024/laporan.md")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert tree_hashes(plan_copy) == before


def test_output_inside_the_plan_folder_through_a_symlink(plan_copy: Path, tmp_path: Path) -> None:
    link = tmp_path / "tautan"
    link.symlink_to(plan_copy, target_is_directory=True)
    before = tree_hashes(plan_copy)
    result = invoke("report", plan_copy, "--output", link / "rencana.md")
    assert_no_crash(result)
    assert result.exit_code == 2
    assert tree_hashes(plan_copy) == before


@pytest.mark.parametrize(
    "destination",
    [
        "plans/2025/perjanjian-kinerja.yaml",  # another year's plan file
        "plans/2025/bidang/baru.md",
        "plans/2025/laporan.html",
        "plans/2026/laporan.html",  # a year not made yet is a plan folder to be
        "lain/narasi/bab.md",  # any folder with an instansi.yaml is a plan folder
        "lain/laporan.md",
    ],
)
def test_output_into_another_plan_folder_is_refused(
    plan_copy: Path, tmp_path: Path, destination: str
) -> None:
    plans = plan_copy.parent
    shutil.copytree(PLAN, plans / "2025")
    (plans / "2026").mkdir()
    shutil.copytree(PLAN, tmp_path / "lain")
    before = tree_hashes(tmp_path)
    result = invoke("report", plan_copy, "--output", tmp_path / destination)
    assert_no_crash(result)
    assert result.exit_code == 2, result.output
    assert "berada di dalam folder rencana" in result.stderr
    assert tree_hashes(tmp_path) == before


@pytest.mark.parametrize("destination", ["plans/laporan.md", "keluaran/2025/laporan.md"])
def test_output_beside_the_plan_folders_is_written(
    plan_copy: Path, tmp_path: Path, destination: str
) -> None:
    shutil.copytree(PLAN, plan_copy.parent / "2025")
    target = tmp_path / destination
    target.parent.mkdir(parents=True, exist_ok=True)
    result = invoke("report", plan_copy, "--output", target)
    assert result.exit_code == 0, result.output
    # The kop line of the cover, then the title.
    assert target.read_text(encoding="utf-8").startswith(
        "**PEMERINTAH KOTA SAMARINDA**\n\n# RENCANA AKSI"
    )


def test_reports_never_change_the_plans(tmp_path: Path) -> None:
    before = tree_hashes(PLANS)
    assert before, "no plan files found"
    for fmt in FORMATS:
        for extra in ([], ["--bidang", "politik"], ["--force"]):
            assert invoke("report", PLAN, "--format", fmt, *extra).exit_code == 0
            target = tmp_path / f"out-{fmt}-{len(extra)}"
            assert invoke("report", PLAN, "-f", fmt, "-o", target, *extra).exit_code == 0
    assert invoke("report", PLAN, "--output", PLAN / "x.md").exit_code == 2
    assert tree_hashes(PLANS) == before


# --- escaping -----------------------------------------------------------------------------


def rename_aksi(folder: Path, old: str, new: str) -> None:
    path = folder / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    line = f"      - nama: {old}\n"
    assert text.count(line) == 1
    quoted = "'" + new.replace("'", "''") + "'"
    path.write_text(text.replace(line, f"      - nama: {quoted}\n"), encoding="utf-8")


@pytest.fixture
def payload_plan(plan_copy: Path) -> Path:
    rename_aksi(plan_copy, "Seleksi administrasi bantuan Parpol", PAYLOAD)
    return plan_copy


@pytest.mark.parametrize("bidang", [None, "politik"])
def test_html_escapes_plan_text(payload_plan: Path, bidang: str | None) -> None:
    extra = ["--bidang", bidang] if bidang else []
    result = invoke("report", payload_plan, "--format", "html", *extra)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script" not in out.lower()
    assert "{{ 7*7 }}" in out
    (row,) = [line for line in out.splitlines() if "alert(1)" in line]
    assert "49" not in row
    names = [aksi_name(r, "html") for t in aksi_tables(out, "html") for r in t.rows]
    assert PAYLOAD in names  # shown exactly as typed
    assert "<strong>x</strong>" not in out
    assert 'href="http://e.x"' not in out


def assert_md_tables_intact(out: str) -> None:
    """Every row of every Markdown table has as many unescaped pipes as its header."""
    for block in md_blocks(out):
        width = len(split_md_row(block[0]))
        for line in block:
            assert len(split_md_row(line)) == width, line


@pytest.mark.parametrize("bidang", [None, "politik"])
def test_markdown_escapes_plan_text(payload_plan: Path, bidang: str | None) -> None:
    extra = ["--bidang", bidang] if bidang else []
    result = invoke("report", payload_plan, *extra)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "<script" not in out.lower()
    assert "49" not in next(line for line in out.splitlines() if "alert(1)" in line)
    assert_md_tables_intact(out)
    (table,) = [t for t in aksi_tables(out, "md") if PAYLOAD in [r[1].text for r in t.rows]]
    assert [r[1].text for r in table.rows][3] == PAYLOAD  # row 4, read back as typed
    assert all(len(r) == 15 for r in table.rows)


def test_markdown_renders_plan_text_as_text(payload_plan: Path) -> None:
    """Render the Markdown (CommonMark + tables, raw HTML allowed): the name stays text."""
    from markdown_it import MarkdownIt

    out = invoke("report", payload_plan, "--bidang", "politik").stdout
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(out)
    assert "<script" not in rendered.lower()
    assert "<strong>x</strong>" not in rendered
    assert 'href="http://e.x"' not in rendered
    names = [aksi_name(r, "md") for t in html_tables(rendered) for r in t.rows if len(r) == 15]
    assert PAYLOAD in [squash(html.unescape(n)) for n in names]
    for table in html_tables(rendered):
        widths = {len(r) for r in [*table.head, *table.rows]}
        assert len(widths) == 1, widths


ANYWHERE = [
    ("bidang/politik.yaml", "  nama: MUNAWAROH, S. Sos. MM\n"),
    ("bidang/politik.yaml", "        keluaran: Notulan Hasil rapat\n"),
    ("bidang/politik.yaml", "  jabatan: Kepala Bidang Pendidikan Politik Dalam Negeri\n"),
    ("perjanjian-kinerja.yaml", "            nama: Pembentukan Paskibraka\n"),
    ("perjanjian-kinerja.yaml", "    nama: Persentase Pertumbuhan Ekonomi, Sosial dan Budaya\n"),
]


@pytest.mark.parametrize(("file", "line"), ANYWHERE)
@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_text_is_inert_everywhere(plan_copy: Path, file: str, line: str, fmt: str) -> None:
    path = plan_copy / file
    text = path.read_text(encoding="utf-8")
    assert text.count(line) >= 1
    key = line.split(":", 1)[0]
    quoted = "'" + PAYLOAD.replace("'", "''") + "'"
    path.write_text(text.replace(line, f"{key}: {quoted}\n", 1), encoding="utf-8")
    result = invoke("report", plan_copy, "--format", fmt)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stdout + result.stderr
    out = result.stdout
    assert "<script" not in out.lower()
    assert "{{ 7" in out
    assert PAYLOAD in plain(out, fmt)
    if fmt == "md":
        assert_md_tables_intact(out)
        assert "**x**" not in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_narasi_is_not_a_template(plan_copy: Path, fmt: str) -> None:
    path = plan_copy / "narasi" / "bab-3-penutup.md"
    path.write_text("Hasil {{ 7*7 }} dan {% if true %}ya{% endif %}.\n", encoding="utf-8")
    result = invoke("report", plan_copy, "--format", fmt)
    assert_no_crash(result)
    assert result.exit_code == 0
    assert "Hasil {{ 7*7 }} dan {% if true %}ya{% endif %}." in html.unescape(result.stdout)


def test_html_escapes_raw_html_in_narasi(plan_copy: Path) -> None:
    path = plan_copy / "narasi" / "bab-3-penutup.md"
    path.write_text("Penutup <script>alert(1)</script> **tebal**.\n", encoding="utf-8")
    out = invoke("report", plan_copy, "--format", "html").stdout
    assert "<script" not in out.lower()
    assert "&lt;script&gt;" in out
    assert "<strong>tebal</strong>" in out  # the prose is still Markdown


# --- templates ----------------------------------------------------------------------------


def user_templates(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "templat"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("bidang", [None, "politik"])
def test_user_footer_replaces_the_default(tmp_path: Path, bidang: str | None) -> None:
    folder = user_templates(
        tmp_path, {"_footer.md.j2": "\nCATATAN KAKI KHUSUS renaksi {{ provenance.version }}\n"}
    )
    extra = ["--bidang", bidang] if bidang else []
    result = invoke("report", PLAN, "--templates", folder, *extra)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(f"\nCATATAN KAKI KHUSUS renaksi {__version__}\n")
    assert "Dibuat dari" not in result.stdout
    check_bidang_page(bidang_sections(result.stdout)["politik"], "md", "politik")


def test_user_template_includes_the_default(tmp_path: Path) -> None:
    folder = user_templates(
        tmp_path,
        {"bidang.md.j2": '{% include "default/bidang.md.j2" %}\nTEKS TAMBAHAN {{ doc.tahun }}\n'},
    )
    result = invoke("report", PLAN, "--bidang", "politik", "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    check_bidang_page(out, "md", "politik")
    assert out.rstrip().endswith("TEKS TAMBAHAN 2024")
    assert out.index("NIP. 19690325 199103 2 004") < out.index("TEKS TAMBAHAN")
    # The whole document does not use bidang.md.j2 and is unchanged.
    whole = invoke("report", PLAN, "--templates", folder)
    assert same_report(whole.stdout) == same_report(report_of_plan())


def test_user_html_template_extends_the_default(tmp_path: Path) -> None:
    folder = user_templates(
        tmp_path,
        {
            "bidang.html.j2": '{% extends "default/bidang.html.j2" %}'
            "{% block title %}JUDUL KHUSUS {{ pages[0].slug }}{% endblock %}",
            "_signature.html.j2": '<div class="ttd">TTD {{ signed_by.nama }}</div>\n',
        },
    )
    result = invoke("report", PLAN, "-b", "politik", "-f", "html", "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "<title>JUDUL KHUSUS politik</title>" in out
    assert '<div class="ttd">TTD MUNAWAROH, S. Sos. MM</div>' in out
    assert 'class="signature"' not in out
    assert len(aksi_tables(out, "html")) == 3


def test_undefined_variable_in_a_user_template(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"bidang.md.j2": "Awal\n{{ tidak_ada }}\n"})
    result = invoke("report", PLAN, "--bidang", "politik", "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "bidang.md.j2" in result.stderr
    assert "tidak_ada" in result.stderr
    assert result.stderr.startswith("renaksi: template")


def test_undefined_variable_message_is_indonesian(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"bidang.md.j2": "{{ tidak_ada }}\n"})
    result = invoke("report", PLAN, "--bidang", "politik", "--templates", folder)
    assert result.exit_code == 2
    assert "is undefined" not in result.stderr


def test_undefined_variable_in_a_partial_names_the_partial(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"_footer.md.j2": "\n{{ tidak_ada }}\n"})
    result = invoke("report", PLAN, "--bidang", "politik", "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "_footer.md.j2" in result.stderr


def test_template_syntax_error(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"bidang.md.j2": "baris satu\n{% if %}\n"})
    result = invoke("report", PLAN, "--bidang", "politik", "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "bidang.md.j2:2" in result.stderr


@pytest.mark.parametrize("body", ["{{ 1 // 0 }}", "{{ 'abc' | rupiah }}"])
def test_runtime_error_in_a_user_template(tmp_path: Path, body: str) -> None:
    folder = user_templates(tmp_path, {"bidang.md.j2": body + "\n"})
    result = invoke("report", PLAN, "--bidang", "politik", "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert "bidang.md.j2" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_templates_must_be_a_folder(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "tidak-ada"
    if kind == "file":
        folder.write_text("bukan folder\n", encoding="utf-8")
    result = invoke("report", PLAN, "--templates", folder)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(folder) in result.stderr
    assert "folder template" in result.stderr


# --- provenance ---------------------------------------------------------------------------

GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Penguji",
    "GIT_AUTHOR_EMAIL": "penguji@example.invalid",
    "GIT_COMMITTER_NAME": "Penguji",
    "GIT_COMMITTER_EMAIL": "penguji@example.invalid",
}


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", "-c", "user.name=Penguji", "-c", "user.email=penguji@example.invalid",
         "-c", "commit.gpgsign=false", "-C", str(repo), *args],
        capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENV},
    )  # fmt: skip
    return run.stdout


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


@pytest.fixture
def repo(plan_copy: Path, git_env: None) -> Path:
    """``tmp`` as a git repository with plans/2024 committed."""
    root = plan_copy.parent.parent
    git(root, "init", "--quiet")
    (root / "README.md").write_text("repositori uji\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "rencana 2024")
    return root


def footer(out: str, fmt: str) -> str:
    seen = plain(out, fmt)
    return seen[seen.rindex("Dibuat dari") :]


@pytest.mark.parametrize("fmt", FORMATS)
def test_footer_names_the_commit(repo: Path, fmt: str) -> None:
    head = git(repo, "rev-parse", "HEAD").strip()
    result = invoke("report", repo / "plans" / "2024", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    text = footer(result.stdout, fmt)
    found = re.search(r"revisi ([0-9a-f]{7,40})\b", text)
    assert found is not None, text
    assert head.startswith(found.group(1))
    assert "belum di-commit" not in text
    assert f"renaksi {__version__}" in text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("change", ["modified", "untracked", "staged"])
def test_footer_says_uncommitted(repo: Path, fmt: str, change: str) -> None:
    plan = repo / "plans" / "2024"
    if change == "untracked":
        (plan / "narasi" / "catatan.md").write_text("catatan\n", encoding="utf-8")
    else:
        with (plan / "bidang" / "politik.yaml").open("a", encoding="utf-8") as f:
            f.write("# diubah\n")
        if change == "staged":
            git(repo, "add", ".")
    head = git(repo, "rev-parse", "HEAD").strip()
    result = invoke("report", plan, "--format", fmt, "--bidang", "politik")
    assert result.exit_code == 0, result.stderr
    text = footer(result.stdout, fmt)
    assert "perubahan yang belum di-commit" in text
    assert head[:7] in text
    assert f"renaksi {__version__}" in text


def test_footer_ignores_changes_outside_the_plan_folder(repo: Path) -> None:
    (repo / "README.md").write_text("diubah\n", encoding="utf-8")
    result = invoke("report", repo / "plans" / "2024", "--bidang", "politik")
    assert result.exit_code == 0
    assert "belum di-commit" not in footer(result.stdout, "md")


@pytest.mark.usefixtures("git_env")
@pytest.mark.parametrize("fmt", FORMATS)
def test_footer_outside_git(plan_copy: Path, fmt: str) -> None:
    result = invoke("report", plan_copy, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    text = footer(result.stdout, fmt)
    assert "bukan repositori git" in text
    assert "revisi" not in text
    assert f"renaksi {__version__}" in text


def test_footer_of_this_repository() -> None:
    text = footer(report_of_plan("--bidang", "politik"), "md")
    assert f"renaksi {__version__}" in text
    assert "revisi" in text or "bukan repositori git" in text


# --- known bugs ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_kegiatan_without_aksi_is_not_an_empty_table(plan_copy: Path, fmt: str) -> None:
    path = plan_copy / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index("  - sub_kegiatan: politik-monev")
    path.write_text(
        text[:cut] + "  - sub_kegiatan: politik-monev\n    target: 12 laporan\n    aksi: []\n",
        encoding="utf-8",
    )
    assert invoke("validate", plan_copy).exit_code == 0
    result = invoke("report", plan_copy, "--bidang", "politik", "--format", fmt)
    assert result.exit_code == 0
    tables = aksi_tables(result.stdout, fmt)
    assert "Belum ada rencana aksi" in plain(result.stdout, fmt)
    assert all(t.rows for t in tables)


# --- which plan is printed ----------------------------------------------------------------


def test_default_plan_from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke("report", "--bidang", "politik")
    assert_no_crash(result)
    assert result.exit_code == 0
    assert same_report(result.stdout) == same_report(report_of_plan("--bidang", "politik"))


def test_no_plan_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for args in ((), ("tidak-ada",)):
        result = invoke("report", *args)
        assert_no_crash(result)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "folder rencana" in result.stderr


def test_markdown_keeps_a_multiline_name_in_its_cell(plan_copy: Path) -> None:
    path = plan_copy / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    line = "      - nama: Seleksi administrasi bantuan Parpol\n"
    assert text.count(line) == 1
    multiline = '      - nama: "Baris satu\\n| 9 | palsu |\\n# judul\\r\\n- daftar"\n'
    path.write_text(text.replace(line, multiline), encoding="utf-8")
    result = invoke("report", plan_copy, "--bidang", "politik")
    assert result.exit_code == 0, result.stderr
    assert_md_tables_intact(result.stdout)
    names = [r[1].text for t in aksi_tables(result.stdout, "md") for r in t.rows]
    assert len(names) == 13
    assert "Baris satu | 9 | palsu | # judul - daftar" in names
