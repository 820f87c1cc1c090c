"""``renaksi report --format pdf`` on the command line, and the kop's logo.

The PDF path loads WeasyPrint only when a PDF is asked for, says what to install when
its system libraries are missing, and fetches nothing but ``data:`` URIs. The logo named
in ``instansi.yaml`` is embedded as a data URI; a name out of the plan folder, a symbolic
link out of it, a file too big, or an SVG that references anything outside itself is
refused with where it is written.
"""

from __future__ import annotations

import base64
import builtins
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from renaksi.cli import app
from renaksi.report.kop import MAX_LOGO_BYTES

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2024"
#: A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="
)
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<circle cx="5" cy="5" r="4" fill="#c00"/></svg>'
)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def _weasyprint_loads() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_weasyprint = pytest.mark.skipif(
    not _weasyprint_loads(), reason="WeasyPrint or Pango is not installed (.ci/run installs them)"
)


def plan_with_kop(tmp_path: Path, logo: str | None, lines: tuple[str, ...] = ()) -> Path:
    """A copy of plans/2024 whose instansi.yaml names ``logo`` and the kop ``lines``."""
    folder = tmp_path / "plans" / "2024"
    shutil.copytree(PLAN, folder)
    kop = ["kop:"]
    if logo is not None:
        kop.append(f"  logo: {json.dumps(logo)}")
    if lines:
        kop.append("  baris:")
        kop += [f"    - {json.dumps(line)}" for line in lines]
    instansi = folder / "instansi.yaml"
    instansi.write_text(
        instansi.read_text(encoding="utf-8") + "\n" + "\n".join(kop) + "\n", encoding="utf-8"
    )
    return folder


# --- the command --------------------------------------------------------------------------


def test_pdf_needs_an_output_file() -> None:
    result = invoke("report", PLAN, "--format", "pdf")
    assert result.exit_code == 2
    assert "--output" in result.output


@needs_weasyprint
def test_pdf_is_written_atomically_beside_nothing(tmp_path: Path) -> None:
    out = tmp_path / "rencana-aksi-2024.pdf"
    result = invoke("report", PLAN, "--bidang", "politik", "--format", "pdf", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


@needs_weasyprint
def test_pdf_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        assert invoke("report", PLAN, "-b", "ekonomi", "-f", "pdf", "-o", out).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_missing_pango_exits_2_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pango(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint" or name.startswith("weasyprint."):
            # What cffi raises when libpango is not on the system.
            raise OSError("cannot load library 'libpango-1.0-0': cannot open shared object")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    out = tmp_path / "x.pdf"
    result = invoke("report", PLAN, "--format", "pdf", "-o", out)
    assert result.exit_code == 2
    assert "libpango-1.0-0 libpangoft2-1.0-0" in result.output
    assert "apt-get install" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def _loaded(args: list[str]) -> list[str]:
    code = f"""
import json, sys
from typer.testing import CliRunner
from renaksi.cli import app
result = CliRunner().invoke(app, {args!r})
assert result.exit_code in (0, 1), result.output
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'pydyf'))))
"""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


@pytest.mark.parametrize(
    "args",
    [["validate", "plans/2024"], ["report", "plans/2024", "--format", "html"]],
    ids=["validate", "report-html"],
)
def test_only_the_pdf_path_loads_weasyprint(args: list[str]) -> None:
    assert _loaded(args) == []


@needs_weasyprint
def test_the_pdf_path_does_load_it(tmp_path: Path) -> None:
    # The check above can fail: the same probe sees WeasyPrint when a PDF is made.
    out = str(tmp_path / "x.pdf")
    assert "weasyprint" in _loaded(
        ["report", "plans/2024", "-b", "ekonomi", "-f", "pdf", "-o", out]
    )


@needs_weasyprint
def test_weasyprint_fetches_nothing_but_data_uris() -> None:
    import weasyprint

    from renaksi.report.pdf import data_only_fetcher

    fetch = data_only_fetcher(weasyprint)
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.org/a.css"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetch(url)
    assert fetch("data:text/plain;base64,eA==").read() == b"x"


# --- the kop and its logo -----------------------------------------------------------------


def _html(folder: Path) -> Result:
    return invoke("report", folder, "--format", "html")


def test_without_a_logo_the_kop_is_text_only() -> None:
    result = _html(PLAN)
    assert result.exit_code == 0
    page = result.output
    kop = page[page.index('<div class="kop">') : page.index('<div class="title">')]
    assert "<img" not in kop
    assert "PEMERINTAH KOTA SAMARINDA" in kop
    assert "BADAN KESATUAN BANGSA DAN POLITIK KOTA SAMARINDA" in kop
    assert "Jalan Balaikota No. 27 Samarinda 75121" in kop


def test_a_png_logo_is_embedded_with_its_name_escaped(tmp_path: Path) -> None:
    name = 'kop/lo"go<1>.png'
    folder = plan_with_kop(tmp_path, name, ("PEMERINTAH KOTA SAMARINDA", "BADAN <KESBANGPOL>"))
    (folder / "kop").mkdir()
    (folder / name).write_bytes(PNG)
    result = _html(folder)
    assert result.exit_code == 0, result.output
    data = "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert (
        f'<img class="logo" src="{data}" alt="Logo (kop/lo&#34;go&lt;1&gt;.png)">' in result.output
    )
    assert "BADAN &lt;KESBANGPOL&gt;" in result.output
    assert 'lo"go<1>' not in result.output


def test_an_svg_logo_is_embedded(tmp_path: Path) -> None:
    folder = plan_with_kop(tmp_path, "logo.svg")
    (folder / "logo.svg").write_text(SVG, encoding="utf-8")
    result = _html(folder)
    assert result.exit_code == 0, result.output
    assert "data:image/svg+xml;base64," + base64.b64encode(SVG.encode()).decode() in result.output


@needs_weasyprint
def test_the_logo_is_in_the_pdf(tmp_path: Path) -> None:
    import pypdf

    folder = plan_with_kop(tmp_path, "logo.png")
    (folder / "logo.png").write_bytes(PNG)
    out = tmp_path / "out" / "dokumen.pdf"
    out.parent.mkdir()
    assert invoke("report", folder, "-f", "pdf", "-o", out).exit_code == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages[0].images) == 1
    # The check can fail: the same plan without the logo prints no image on its cover.
    plain = tmp_path / "out" / "plain.pdf"
    assert invoke("report", PLAN, "-f", "pdf", "-o", plain).exit_code == 0
    assert len(pypdf.PdfReader(plain).pages[0].images) == 0


def test_a_logo_named_out_of_the_folder_is_a_located_finding(tmp_path: Path) -> None:
    folder = plan_with_kop(tmp_path, "../logo.png")
    (folder.parent / "logo.png").write_bytes(PNG)
    result = invoke("validate", folder)
    assert result.exit_code == 1
    lines = (folder / "instansi.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("logo:"))
    assert f"{line}:9" in result.output
    assert "harus berkas di dalam folder rencana" in result.output
    assert _html(folder).exit_code == 1  # a plan that does not validate is not printed


def test_a_logo_linked_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = plan_with_kop(tmp_path, "logo.png")
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    os.symlink(secret, folder / "logo.png")
    result = _html(folder)
    assert result.exit_code == 2
    assert "tautan simbolik ke luar folder rencana" in result.output
    assert "instansi.yaml:" in result.output
    assert "base64" not in result.output


def test_a_logo_too_big_is_refused(tmp_path: Path) -> None:
    folder = plan_with_kop(tmp_path, "logo.png")
    (folder / "logo.png").write_bytes(PNG + b"\0" * MAX_LOGO_BYTES)
    result = _html(folder)
    assert result.exit_code == 2
    assert "lebih besar dari 512 KiB" in result.output
    lines = (folder / "instansi.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("logo:"))
    assert f"instansi.yaml:{line}:" in result.output


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('<svg><image href="file:///etc/passwd"/></svg>', "file:///etc/passwd"),
        ('<svg><image xlink:href="http://example.org/x.png"/></svg>', "http://example.org"),
        ("<svg><style>@import 'x.css';</style></svg>", "@import"),
        ('<svg><rect style="fill:url(http://x/y)"/></svg>', "http://x/y"),
        ("<svg><script>alert(1)</script></svg>", "skrip"),
        ('<svg onload="alert(1)"></svg>', "skrip"),
        ('<!DOCTYPE svg [<!ENTITY a "aa">]><svg>&a;</svg>', "DOCTYPE"),
        ("GIF89a", "bukan gambar PNG atau SVG"),
    ],
)
def test_a_logo_that_is_not_a_plain_image_is_refused(
    tmp_path: Path, content: str, said: str
) -> None:
    folder = plan_with_kop(tmp_path, "logo.svg")
    (folder / "logo.svg").write_text(content, encoding="utf-8")
    result = _html(folder)
    assert result.exit_code == 2
    assert said in result.output


def test_an_svg_may_reference_itself(tmp_path: Path) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use xlink:href="#g"/>'
        '<image href="data:image/png;base64,AAAA"/></svg>'
    )
    folder = plan_with_kop(tmp_path, "logo.svg")
    (folder / "logo.svg").write_text(svg, encoding="utf-8")
    assert _html(folder).exit_code == 0
