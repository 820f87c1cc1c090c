"""The HTML report in a real browser: loads cleanly, fetches nothing, prints as the document.

Uses Debian's ``chromium`` (``.ci/run`` installs it with ``poppler-utils``). Where either is
missing the tests skip and say why. The page is served from a loopback HTTP server so that
any request the *page* makes is visible both to the server and in Chromium's net log
(requests Chromium makes for itself have no page origin as initiator and are ignored); the
host resolver maps every other host to nothing, so no request can leave the machine.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typing_extensions import override

from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report.render import render, render_monitoring
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2024"
ARTIFACTS = ROOT / ".artifacts"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
    ),
    pytest.mark.skipif(
        PDFTOTEXT is None or PDFINFO is None,
        reason="poppler-utils (pdftotext, pdfinfo) is not installed (.ci/run installs it)",
    ),
]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--enable-logging=stderr",
    "--v=0",
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    requests: list[str]

    @override  # the parameter names are http.server's
    def log_message(self, format: str, *args: object) -> None:
        type(self).requests.append(self.path)


@dataclass
class Served:
    url: str
    requests: list[str]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Served]:
    requests: list[str] = []
    handler: type[_Quiet] = type("Handler", (_Quiet,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(tmp_path))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}", requests)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Run:
    stderr: str
    page_requests: list[str]


def chromium(tmp_path: Path, url: str, *extra: str) -> Run:
    netlog = tmp_path / f"net-{len(list(tmp_path.glob('net-*')))}.json"
    profile = tmp_path / f"profile-{netlog.stem}"
    assert CHROMIUM is not None
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--log-net-log={netlog}", *extra, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return Run(run.stderr, _page_requests(netlog, url))


def _page_requests(netlog: Path, url: str) -> list[str]:
    """URLs requested on behalf of the page (initiator = the page's origin)."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in data["constants"]["logEventTypes"].items()}
    origin = re.match(r"^https?://[^/]+", url)
    assert origin is not None
    found = []
    for event in data["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and params.get(
            "initiator"
        ) == origin.group(0):
            found.append(params["url"])
    return found


def console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def _html(bidang: str | None) -> str:
    plan = load_plan(PLAN).plan
    return render(
        plan,
        output_format="html",
        bidang=bidang,
        provenance=Provenance("0123456789abcdef0123456789abcdef01234567", False, "browser-test"),
    )


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    text: str


def _pdf_words(pdf: Path) -> list[list[Word]]:
    """Every word of every page, with its position (pdftotext -bbox)."""
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in _PAGE.findall(out):
        pages.append(
            [
                Word(float(a), float(b), float(c), html.unescape(t))
                for a, b, c, _, t in _WORD.findall(page)
            ]
        )
    return pages


def _column_text(words: list[Word], left: str, right: str) -> str:
    """The text of the column between the header words ``left`` and ``right``, in reading
    order: aksi names lie between "No" and "Jan", outputs between "Des" and "PROGRAM"."""
    lefts = [w.x1 for w in words if w.text == left]
    rights = [w.x0 for w in words if w.text == right]
    if not lefts or not rights:
        return ""
    x0, x1 = min(lefts), min(rights)
    inside = sorted((w for w in words if x0 <= w.x0 < x1), key=lambda w: (round(w.y0), w.x0))
    return " ".join(w.text for w in inside)


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    assert PDFINFO is not None
    info = subprocess.run(
        [PDFINFO, "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    )
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    ]


def cut_cells(pdf: Path, bidang: str | None) -> list[str]:
    """Aksi names and outputs that do not stand whole on a page as often as they are
    printed: a table row cut across pages leaves its cells in two pieces."""
    pages = _pdf_words(pdf)
    columns = {
        "nama": [_column_text(words, "No", "Jan") for words in pages],
        "keluaran": [_column_text(words, "Des", "PROGRAM") for words in pages],
    }
    plan = load_plan(PLAN).plan
    wanted: Counter[tuple[str, str]] = Counter()
    for entry in plan.bidang:
        if bidang is not None and entry.slug != bidang:
            continue
        assert entry.model is not None
        for ren in entry.model.rencana_aksi:
            for aksi in ren.aksi:
                wanted[("nama", " ".join(aksi.nama.split()))] += 1
                wanted[("keluaran", " ".join(aksi.keluaran.split()))] += 1
    assert wanted
    return sorted(
        text
        for (column, text), times in wanted.items()
        if sum(page.count(text) for page in columns[column]) < times
    )


def test_the_checks_can_fail(tmp_path: Path, serve: Served) -> None:
    # A page with a script error and an outside fetch: both checks must notice.
    (tmp_path / "bad.html").write_text(
        "<!DOCTYPE html><title>x</title><link rel=icon href='data:,'>"
        "<img src='/missing.png'><script>undefined_function();</script>",
        encoding="utf-8",
    )
    run = chromium(tmp_path, f"{serve.url}/bad.html", "--dump-dom")
    assert console_errors(run.stderr)
    assert any(u.endswith("/missing.png") for u in run.page_requests)


@pytest.mark.parametrize("bidang", [None, "politik"], ids=["dokumen", "politik"])
def test_report_loads_cleanly_and_prints_landscape(
    tmp_path: Path, serve: Served, bidang: str | None
) -> None:
    name = f"{bidang or 'dokumen'}.html"
    (tmp_path / name).write_text(_html(bidang), encoding="utf-8")
    url = f"{serve.url}/{name}"

    shot = tmp_path / f"{bidang or 'dokumen'}.png"
    run = chromium(tmp_path, url, "--window-size=1600,1100", f"--screenshot={shot}")
    assert console_errors(run.stderr) == []
    assert run.page_requests == [], "the page fetched something"
    assert serve.requests, "the server saw no request"
    assert all(r == f"/{name}" for r in serve.requests), serve.requests
    assert shot.stat().st_size > 10_000

    pdf = tmp_path / f"{bidang or 'dokumen'}.pdf"
    chromium(tmp_path, url, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    sizes = _page_sizes(pdf)
    assert sizes, "no pages"
    # The bidang pages are landscape (named pages); the whole document's narrative pages
    # (cover, Daftar Isi, Kata Pengantar, Bab I) are portrait, its last page Bab III too.
    if bidang is None:
        assert all(w < h for w, h in sizes[:4]), f"not portrait: {sizes[:4]}"
        assert sizes[-1][0] < sizes[-1][1], "Bab III not portrait"
    assert any(w > h for w, h in sizes), f"not landscape: {sizes[:3]}"
    if bidang is not None:
        assert all(w > h for w, h in sizes), f"not landscape: {sizes[:3]}"
    a4 = {(842, 595), (595, 842)}
    assert all((round(w), round(h)) in a4 for w, h in sizes), "not A4"

    # Keep the pictures for a person to look at (CI uploads nothing, but a developer can).
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / shot.name)
    shutil.copy(pdf, ARTIFACTS / pdf.name)

    # No table row is cut across pages: every aksi's name and output stand whole on a
    # page as many times as the document prints them.
    assert cut_cells(pdf, bidang) == []


@pytest.mark.parametrize("rows_may_break", [False, True], ids=["css-avoid", "css-auto"])
def test_the_row_check_sees_a_cut_row(tmp_path: Path, serve: Served, rows_may_break: bool) -> None:
    # The first aksi table pushed down the first page so that its rows meet the page
    # end: the report's CSS keeps every row whole; with row breaking allowed the check
    # must see cells in two pieces. The push depends on the height of what comes before
    # the rows (the table head with its source note caption): 76-82 mm cut a row today.
    page = _html("politik").replace(
        '<table class="aksi">', '<div style="height:79mm"></div><table class="aksi">', 1
    )
    if rows_may_break:
        page = page.replace("tr { break-inside: avoid; page-break-inside: avoid; }", "")
        # An aksi table that fits on a page is kept whole: allow it to break as well.
        page = page.replace("table.triwulan, table.aksi { break-inside: avoid;", "table.x {")
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    pdf = tmp_path / "cut.pdf"
    chromium(tmp_path, f"{serve.url}/cut.html", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert bool(cut_cells(pdf, "politik")) is rows_may_break


# --- the monitoring report ---------------------------------------------------------------

EXAMPLE = ROOT / "examples" / "realisasi-2024"
FIXTURE = ROOT / "tests" / "fixtures" / "monitoring" / "2024"
MONITORING_CASES: dict[str, tuple[Path, Path | None, int, str | None]] = {
    "pemantauan-fixture-tw4": (FIXTURE, None, 4, None),
    "pemantauan-contoh-tw3": (PLAN, EXAMPLE, 3, None),
    "pemantauan-contoh-tw2-politik": (PLAN, EXAMPLE, 2, "politik"),
}


def _monitoring_html(name: str) -> tuple[str, list[str]]:
    """The monitoring report's HTML and the aksi names it prints (each once per table)."""
    folder, realisasi, q, bidang = MONITORING_CASES[name]
    result = validate([folder], realisasi=realisasi)
    assert not result.failed()
    plan = result.loads[0].plan
    page = render_monitoring(
        plan,
        q,
        output_format="html",
        bidang=bidang,
        provenance=Provenance("0123456789abcdef0123456789abcdef01234567", False, "browser-test"),
    )
    names = [
        " ".join(aksi.nama.split())
        for entry in plan.bidang
        if entry.model is not None and bidang in (None, entry.slug)
        for ren in entry.model.rencana_aksi
        for aksi in ren.aksi
    ]
    return page, names


@pytest.mark.parametrize("name", sorted(MONITORING_CASES))
def test_monitoring_report_loads_cleanly_and_prints_landscape(
    tmp_path: Path, serve: Served, name: str
) -> None:
    page, names = _monitoring_html(name)
    assert "<svg" in page
    (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    url = f"{serve.url}/{name}.html"
    shot = tmp_path / f"{name}.png"
    run = chromium(tmp_path, url, "--window-size=1600,1100", f"--screenshot={shot}")
    assert console_errors(run.stderr) == []
    assert run.page_requests == [], "the page fetched something"
    assert serve.requests, "the server saw no request"
    assert all(r == f"/{name}.html" for r in serve.requests), serve.requests
    assert shot.stat().st_size > 10_000
    pdf = tmp_path / f"{name}.pdf"
    chromium(tmp_path, url, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    sizes = _page_sizes(pdf)
    assert sizes, "no pages"
    assert all(abs(w - 842) < 2 and abs(h - 595) < 2 for w, h in sizes), "not A4 landscape"
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / shot.name)
    shutil.copy(pdf, ARTIFACTS / pdf.name)
    # No aksi row is cut across pages: each aksi name stands whole on a page.
    columns = [_column_text(words, "No", "Jan") for words in _pdf_words(pdf)]
    wanted = Counter(names)
    assert wanted
    cut = sorted(n for n, k in wanted.items() if sum(c.count(n) for c in columns) < k)
    assert cut == []


# --- nothing is fetched even when the plan or a template asks ------------------------------


def test_narrative_images_are_not_fetched(tmp_path: Path, serve: Served) -> None:
    # A narrative image on the very server the page comes from: were it an <img>, the
    # server and the net log would both see it.
    plan = tmp_path / "plan" / "2024"
    shutil.copytree(PLAN, plan)
    (plan / "narasi" / "kata-pengantar.md").write_text(
        f"![jauh]({serve.url}/jauh.png) ![dekat](dekat.png)\n", encoding="utf-8"
    )
    page = render(
        load_plan(plan).plan,
        output_format="html",
        bidang=None,
        provenance=Provenance("0" * 40, False, "browser-test"),
    )
    (tmp_path / "narasi.html").write_text(page, encoding="utf-8")
    run = chromium(tmp_path, f"{serve.url}/narasi.html", "--dump-dom")
    assert console_errors(run.stderr) == []
    assert run.page_requests == []
    assert serve.requests == ["/narasi.html"]


def test_the_content_security_policy_blocks_what_a_template_adds(
    tmp_path: Path, serve: Served
) -> None:
    # A user template (or a future bug) adding an image and a script: the report's policy
    # stops both before any request; without the policy the same page fetches the image.
    added = f'<img src="{serve.url}/x.png"><script src="{serve.url}/x.js"></script>'
    page = re.sub(r"<main[^>]*>", lambda m: m.group(0) + added, _html("politik"), count=1)
    (tmp_path / "csp.html").write_text(page, encoding="utf-8")
    (tmp_path / "open.html").write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page), encoding="utf-8"
    )
    blocked = chromium(tmp_path, f"{serve.url}/csp.html", "--dump-dom")
    assert blocked.page_requests == []
    assert any("Content Security Policy" in line for line in console_errors(blocked.stderr))
    opened = chromium(tmp_path, f"{serve.url}/open.html", "--dump-dom")
    assert any(u.endswith("/x.png") for u in opened.page_requests)
