"""The signable document: ``renaksi report --format pdf``, checked on the PDF itself.

Each report is rendered once per session by WeasyPrint and its text read back per page
with pypdf; the checks read only that text, so they judge what is printed, not what the
CSS asks for:

- no page holds a signature block (its NIP line) and nothing else of the document;
- no page ends with a table's caption or head: each is followed by a row on its page;
- every page but the cover says "Halaman N dari M" with its own N and the page count;
- the Daftar Isi lists Bab I-III and every Tabel, each with the page its heading is on.

Page counts are golden (``tests/golden/pdf-halaman.json``, rewritten by
``pytest --update-golden``): they are reproducible because the CSS names Liberation Sans
first (.ci/run installs fonts-liberation); without that font the count check skips.
Each check is also shown to fail on a page that breaks its rule.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import unescape
from io import BytesIO
from pathlib import Path

import pytest

from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.plan.periods import Period
from renaksi.report.render import default_templates, render, render_monitoring, render_pk

pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2024"
EXAMPLE = ROOT / "examples" / "realisasi-2024"
GOLDEN = ROOT / "tests" / "golden" / "pdf-halaman.json"
PROVENANCE = Provenance("0123456789abcdef0123456789abcdef01234567", False, "pdf-test")
SLUGS = ("ideologi", "politik", "ekonomi", "kewaspadaan")


def _weasyprint_missing() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint or its system libraries (Pango) cannot be loaded: {exc}"
    return None


pytestmark = pytest.mark.skipif(
    _weasyprint_missing() is not None, reason=str(_weasyprint_missing())
)


def _liberation_sans() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run(
        [fc_list, "Liberation Sans"], capture_output=True, text=True, check=False
    ).stdout
    return bool(found.strip())


# --- rendering, once per session ------------------------------------------------------------


@cache
def _plan(folder: Path, realisasi: Path | None = None) -> Plan:
    return load_plan(folder, realisasi=realisasi).plan


def _pdf(html: str) -> bytes:
    from renaksi.report.pdf import html_to_pdf

    return html_to_pdf(html)


@cache
def report_html(name: str) -> str:
    """The HTML of one report of the acceptance list, by name."""
    if name == "dokumen":
        return render(_plan(PLAN), output_format="pdf", bidang=None, provenance=PROVENANCE)
    if name.startswith("bidang-"):
        slug = name.removeprefix("bidang-")
        return render(_plan(PLAN), output_format="pdf", bidang=slug, provenance=PROVENANCE)
    if name == "pemantauan-tw3":
        return render_monitoring(
            _plan(PLAN, EXAMPLE),
            Period.quarter(3),
            output_format="pdf",
            bidang=None,
            provenance=PROVENANCE,
        )
    if name == "pk":
        return render_pk(_plan(PLAN), output_format="pdf", bidang=None, provenance=PROVENANCE)
    if name.startswith("pk-"):
        slug = name.removeprefix("pk-")
        return render_pk(_plan(PLAN), output_format="pdf", bidang=slug, provenance=PROVENANCE)
    if name == "perjanjian-kinerja":
        folder = ROOT / "tests" / "fixtures" / "perjanjian-kinerja" / "2024"
        return render(_plan(folder), output_format="pdf", bidang=None, provenance=PROVENANCE)
    if name == "apbn":
        folder = ROOT / "tests" / "fixtures" / "apbn" / "2024"
        return render(_plan(folder), output_format="pdf", bidang=None, provenance=PROVENANCE)
    raise AssertionError(name)


@cache
def report_pages(name: str) -> tuple[tuple[str, ...], ...]:
    """The text lines of each page of one report's PDF."""
    return pages_of(_pdf(report_html(name)))


def pages_of(pdf: bytes) -> tuple[tuple[str, ...], ...]:
    reader = pypdf.PdfReader(BytesIO(pdf))
    return tuple(
        tuple(line.strip() for line in page.extract_text().splitlines() if line.strip())
        for page in reader.pages
    )


REPORTS = (
    "dokumen",
    *(f"bidang-{s}" for s in SLUGS),
    "pemantauan-tw3",
    "pk",
    *(f"pk-{s}" for s in SLUGS),
)
WITH_COVER = {"dokumen"}


# --- the checks -----------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^Halaman (\d+) dari (\d+)$")
_SIGNER_ID = re.compile(r"^(NIP|NRP)\. ")
#: The line above a signature: place and date, or what the document does not state.
_PLACE_DATE = re.compile(r", (\d{1,2} )?[A-Z][a-z]+ \d{4}$|tidak tercantum$|\.{6,}$")
_CAPTION = re.compile(
    r"^(Tabel \d+(\.\d+)*$|Capaian Indikator |Realisasi Anggaran dan Keluaran|Pelaksanaan Aksi )"
)
_HEAD_ROW = re.compile(r"^(NO|No) [A-Z]")
#: A table row as printed: it starts with its number (an aksi, an indicator, a sub
#: kegiatan in a list), or it is a total row.
_ROW = re.compile(r"^(\d+\.? \S|Total Pagu Anggaran|Jumlah )")
_PROVENANCE = re.compile(r"^Dibuat dari ")
#: The first line of a Perjanjian Kinerja's two signatures side by side.
_PK_SIGNATURES = re.compile(r"^PIHAK KEDUA,")


@dataclass(frozen=True)
class Page:
    """One printed page: its body lines (without the running header and page number)."""

    number: int
    body: tuple[str, ...]
    numbered: str | None


def split_pages(pages: Sequence[Sequence[str]]) -> list[Page]:
    """Each page's body and its page-number line (the last two lines WeasyPrint draws are
    the margin boxes: the running header, then the page number; the cover has neither)."""
    result = []
    for index, lines in enumerate(pages, 1):
        numbered = lines[-1] if lines and _PAGE_NUMBER.match(lines[-1]) else None
        body = tuple(lines[:-2]) if numbered else tuple(lines)
        result.append(Page(index, body, numbered))
    return result


def _carried(pages: list[Page], index: int) -> set[str]:
    """What a continuing table repeats at the top of page ``index``: its source note and
    head, the lines before the page's first row that the page before printed too."""
    if index == 0:
        return set()
    before = set(pages[index - 1].body)
    carried: set[str] = set()
    for line in pages[index].body:
        if _ROW.match(line) or line not in before:
            break
        carried.add(line)
    return carried


def _footnote_lines(html: str) -> set[str]:
    """The text of the tables' footnotes (their ``tfoot``, repeated at the foot of every page
    a table spans), whitespace made single: a printed line that lies inside is no row."""
    notes = re.findall(r'<tfoot class="catatan-kaki">(.*?)</tfoot>', html, re.S)
    return {" ".join(unescape(re.sub(r"<[^>]+>", " ", note)).split()) for note in notes}


def _is_footnote(line: str, footnotes: set[str]) -> bool:
    text = re.sub(r"^\d+\s*", "", line)
    return bool(text) and any(text in note for note in footnotes)


def _signature_start(body: Sequence[str], at: int) -> int:
    """Where the signature block that ends with the identity line ``at`` begins: the place
    and date above it (above both signatures of a Perjanjian Kinerja)."""
    window = range(at, max(at - 10, -1), -1)
    pk = next((i for i in window if _PK_SIGNATURES.match(body[i])), None)
    if pk is not None:
        return pk - 1 if pk > 0 and _PLACE_DATE.search(body[pk - 1]) else pk
    return next((i for i in range(at, max(at - 8, -1), -1) if _PLACE_DATE.search(body[i])), at)


def lone_signatures(pages: list[Page]) -> list[int]:
    """Pages whose only content of their own is a signature block."""
    bad = []
    for index, page in enumerate(pages):
        body = page.body
        for at, line in enumerate(body):
            if not _SIGNER_ID.match(line):
                continue
            start = _signature_start(body, at)
            carried = _carried(pages, index)
            own = [
                line for line in body[:start] if line not in carried and not _PROVENANCE.match(line)
            ]
            if not own:
                bad.append(page.number)
            break
    return bad


def heads_ending_pages(pages: list[Page], footnotes: set[str]) -> list[tuple[int, str]]:
    """(page, line) of each caption or table head that is not followed by a row before the
    next caption or head, or before the end of its page."""
    bad = []
    for page in pages:
        waiting: list[str] = []
        for line in page.body:
            if _CAPTION.match(line) or _HEAD_ROW.match(line):
                if waiting and (_CAPTION.match(line) or _HEAD_ROW.match(waiting[-1])):
                    bad += [(page.number, w) for w in waiting]
                    waiting = []
                waiting.append(line)
            elif _ROW.match(line) and not _is_footnote(line, footnotes):
                waiting = []
        bad += [(page.number, w) for w in waiting]
    return bad


def page_number_faults(pages: list[Page], *, cover: bool) -> list[str]:
    """Pages without their own "Halaman N dari M"; a cover with one."""
    faults = []
    for page in pages:
        if cover and page.number == 1:
            if page.numbered is not None:
                faults.append("the cover has a page number")
            continue
        expected = f"Halaman {page.number} dari {len(pages)}"
        if page.numbered != expected:
            faults.append(f"page {page.number}: {page.numbered!r}, not {expected!r}")
    return faults


_TOC_ENTRY = re.compile(r"^(.*?)\s*\.{3,}\s*(\d+)$")


def contents(pages: list[Page]) -> list[tuple[str, int]]:
    """The Daftar Isi's entries and their page numbers (an entry may wrap)."""
    toc = next(p for p in pages if p.body and p.body[0] == "DAFTAR ISI")
    entries, pending = [], ""
    for line in toc.body[1:]:
        match = _TOC_ENTRY.match(line)
        if match is None:
            pending = f"{pending} {line}".strip()
            continue
        entries.append((f"{pending} {match.group(1)}".strip(), int(match.group(2))))
        pending = ""
    return entries


def _heading_lines(entry: str) -> tuple[str, ...]:
    """The line(s) a Daftar Isi entry's heading prints as, on its page."""
    words = entry.split()
    if words[0] == "BAB":
        return (" ".join(words[:2]), " ".join(words[2:]))
    if words[0] == "Tabel":
        return (" ".join(words[:2]),)
    if entry.startswith("Rencana Aksi "):
        return (entry.removeprefix("Rencana Aksi ").upper(),)
    return (entry,)


def _heading_page(pages: list[Page], after: int, lines: tuple[str, ...]) -> int | None:
    for page in pages[after:]:
        body = page.body
        for at in range(len(body) - len(lines) + 1):
            if body[at : at + len(lines)] == lines:
                return page.number
    return None


def contents_faults(pages: list[Page]) -> list[str]:
    """Entries whose page is not the first page their heading is printed on."""
    toc = next(p.number for p in pages if p.body and p.body[0] == "DAFTAR ISI")
    faults = []
    for entry, number in contents(pages):
        found = _heading_page(pages, toc, _heading_lines(entry))
        if found != number:
            faults.append(f"{entry}: Daftar Isi says {number}, printed on {found}")
    return faults


_PROGRAM_ROW = re.compile(r"^\d+ \S")  # "2 Meningkatnya ...": not "2. Pelaksanaan ..."


def cut_programs(pages: list[Page]) -> list[int]:
    """Pages where Tabel 2.3 goes on with the rest of a program cut by the page break: the
    first row under the repeated head is not a program's first row (its number, sasaran,
    indicator and program), so its sub kegiatan stand there without them."""
    faults = []
    for page in pages:
        if _ANGGARAN_HEAD in page.body:
            after = page.body[page.body.index(_ANGGARAN_HEAD) + 1 :]
            first = after[0] if after else ""
            if not (_PROGRAM_ROW.match(first) or first.startswith("Total Pagu Anggaran")):
                faults.append(page.number)
    return faults


def _all(name: str) -> list[Page]:
    return split_pages(report_pages(name))


# --- the acceptance reports -----------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_no_signature_alone_on_a_page(name: str) -> None:
    pages = _all(name)
    assert any(_SIGNER_ID.match(line) for page in pages for line in page.body), "no signature"
    assert lone_signatures(pages) == []


@pytest.mark.parametrize("name", REPORTS)
def test_no_page_ends_with_a_caption_or_table_head(name: str) -> None:
    assert heads_ending_pages(_all(name), _footnote_lines(report_html(name))) == []


@pytest.mark.parametrize("name", REPORTS)
def test_every_page_but_the_cover_is_numbered(name: str) -> None:
    assert page_number_faults(_all(name), cover=name in WITH_COVER) == []


@pytest.mark.parametrize("name", REPORTS)
def test_no_page_holds_only_a_footer(name: str) -> None:
    for page in _all(name):
        assert [line for line in page.body if not _PROVENANCE.match(line)], page.number


def test_tabel_2_3_keeps_each_program_on_one_page() -> None:
    pages = _all("dokumen")
    assert sum(_ANGGARAN_HEAD in page.body for page in pages) >= 2, "one page: nothing tested"
    assert cut_programs(pages) == []


def test_the_contents_list_every_chapter_and_table_with_its_page() -> None:
    pages = _all("dokumen")
    entries = [entry for entry, _ in contents(pages)]
    for chapter in (
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "BAB II RENCANA AKSI",
        "BAB III PENUTUP",
    ):
        assert chapter in entries
    listed = {" ".join(e.split()[:2]) for e in entries if e.startswith("Tabel ")}
    toc = next(p.number for p in pages if p.body and p.body[0] == "DAFTAR ISI")
    printed = {line for page in pages[toc:] for line in page.body if re.match(r"^Tabel \d", line)}
    assert listed == printed == {"Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4"}
    plan = _plan(PLAN)
    for entry in plan.bidang:
        assert entry.model is not None
        assert f"Rencana Aksi {entry.model.nama}" in entries
    assert contents_faults(pages) == []


def test_narrative_pages_are_portrait_and_wide_tables_landscape() -> None:
    reader = pypdf.PdfReader(BytesIO(_pdf(report_html("dokumen"))))
    pages = _all("dokumen")
    for page, printed in zip(reader.pages, pages, strict=True):
        landscape = float(page.mediabox.width) > float(page.mediabox.height)
        if printed.body and printed.body[0] in ("BAB I", "BAB III", "KATA PENGANTAR"):
            assert not landscape, printed.number
        if printed.body and printed.body[0].startswith("RENCANA AKSI PENCAPAIAN"):
            assert landscape, printed.number


MONTHS = "Jan Feb Mrt Apr Mei Jun Jul Agt Sep Okt Nop Des"


@pytest.mark.parametrize("name", [f"bidang-{s}" for s in SLUGS])
def test_month_headers_do_not_break_inside_a_word(name: str) -> None:
    # Each month column is narrow: "Nop" printed as "No" over "p" would break this line.
    heads = [line for page in _all(name) for line in page.body if line.startswith("Jan ")]
    assert heads
    assert all(line == MONTHS for line in heads), heads


def test_table_heads_do_not_break_inside_a_word() -> None:
    heads = [line for page in _all("dokumen") for line in page.body if _HEAD_ROW.match(line)]
    assert len(heads) >= 4
    assert all(line.startswith("NO ") for line in heads if not line.startswith("No ")), heads


@pytest.mark.parametrize("name", ["perjanjian-kinerja", "apbn"])
def test_other_plans_render_to_pdf(name: str) -> None:
    pages = _all(name)
    assert pages
    assert page_number_faults(pages, cover=name == "apbn") == []
    assert lone_signatures(pages) == []


@pytest.mark.skipif(not _liberation_sans(), reason="Liberation Sans is not installed (.ci/run)")
def test_page_counts_are_golden(update_golden: bool) -> None:
    counts = {name: len(report_pages(name)) for name in REPORTS}
    if update_golden:
        GOLDEN.write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
        return
    assert json.loads(GOLDEN.read_text(encoding="utf-8")) == counts


# --- the checks fail on pages that break their rules ----------------------------------------


def _with_style(tmp_path: Path, css: str) -> Path:
    """A template folder whose style.css is the default one followed by ``css``."""
    folder = tmp_path / "templates"
    folder.mkdir()
    default = (default_templates() / "style.css").read_text(encoding="utf-8")
    (folder / "style.css").write_text(default + "\n" + css, encoding="utf-8")
    return folder


def _pages_with(tmp_path: Path, css: str, bidang: str | None) -> tuple[list[Page], str]:
    html = render(
        _plan(PLAN),
        output_format="pdf",
        bidang=bidang,
        provenance=PROVENANCE,
        templates=_with_style(tmp_path, css),
    )
    return split_pages(pages_of(_pdf(html))), html


def test_the_signature_check_sees_a_lone_signature(tmp_path: Path) -> None:
    pages, _ = _pages_with(tmp_path, ".signature { break-before: page !important; }", "politik")
    assert lone_signatures(pages) == [len(pages)]


def test_the_head_check_sees_a_caption_and_head_ending_a_page(tmp_path: Path) -> None:
    # Tabel 2.3 without its rows: its caption and head are followed by its footnotes only
    # (which are no rows, though they start with a number). WeasyPrint ignores a forced
    # break before a row, so hiding them is how a page is made to end after the head.
    css = "table.anggaran tbody { display: none !important; }"
    pages, html = _pages_with(tmp_path, css, None)
    ending = [line for _, line in heads_ending_pages(pages, _footnote_lines(html))]
    assert ending == ["Tabel 2.3", _ANGGARAN_HEAD]


_ANGGARAN_HEAD = (
    "NO Sasaran Strategis Indikator Kinerja Sasaran Utama Target/ Satuan Program "
    "Kegiatan/Sub Kegiatan Pagu Anggaran"
)


def test_the_program_check_sees_a_program_cut_by_a_page_break(tmp_path: Path) -> None:
    # Without the rule that keeps a program's rows together, Tabel 2.3 breaks inside the
    # second and fourth programs (as it printed before).
    css = "table.anggaran tbody.program { break-inside: auto !important; }"
    pages, _ = _pages_with(tmp_path, css, None)
    assert cut_programs(pages) != []


def test_the_contents_check_sees_a_wrong_number() -> None:
    pages = _all("dokumen")
    toc = next(i for i, p in enumerate(pages) if p.body and p.body[0] == "DAFTAR ISI")
    body = list(pages[toc].body)
    at = next(i for i, line in enumerate(body) if line.startswith("BAB III"))
    body[at] = re.sub(r"\d+$", "2", body[at])
    pages[toc] = Page(pages[toc].number, tuple(body), pages[toc].numbered)
    assert any(f.startswith("BAB III PENUTUP") for f in contents_faults(pages))


def test_the_number_check_sees_a_missing_number() -> None:
    pages = _all("bidang-politik")
    pages[1] = Page(pages[1].number, pages[1].body, None)
    assert page_number_faults(pages, cover=False) == [
        f"page 2: None, not 'Halaman 2 dari {len(pages)}'"
    ]
