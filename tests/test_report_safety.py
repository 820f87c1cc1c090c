"""Hostile plan text in reports and diffs: escaped or shown literally, layout intact."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from renaksi.diff.plan import diff_plans
from renaksi.output.diff_md import render as diff_md
from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report.render import render
from renaksi.rules.check import validate

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"
PROVENANCE = Provenance("0" * 40, False, "uji")
LONG_WORD = "Sosialisasi" * 60
RLO = "\u202e"
NASTY = [
    "<img src=x onerror=alert(1)> <b>tebal</b>",
    "kolom | patah \\| lagi",
    "baris\nbaru",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    LONG_WORD,
    f"Rp 1.000 {RLO}000.001 pR",
]


@pytest.fixture
def nasty_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    path = folder / "bidang" / "politik.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    outputs = [i for i, line in enumerate(lines) if line.strip().startswith("keluaran:")]
    assert len(outputs) >= len(NASTY)
    for i, value in zip(outputs, NASTY, strict=False):
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        lines[i] = f"{indent}keluaran: {quoted}"
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    assert not validate([folder]).failed()
    return folder


def _html(folder: Path) -> str:
    return render(
        load_plan(folder).plan, output_format="html", bidang="politik", provenance=PROVENANCE
    )


def _md(folder: Path) -> str:
    return render(
        load_plan(folder).plan, output_format="md", bidang="politik", provenance=PROVENANCE
    )


def test_html_escapes_and_keeps_layout(nasty_plan: Path) -> None:
    page = _html(nasty_plan)
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" in page
    assert ">49<" not in page
    assert RLO not in page
    assert "&lt;U+202E&gt;" in page
    assert LONG_WORD in page
    assert "overflow-wrap: anywhere" in page  # a long word wraps inside its cell


def test_markdown_tables_stay_whole(nasty_plan: Path) -> None:
    text = _md(nasty_plan)
    assert RLO not in text
    assert "<img" not in text
    for table in re.findall(r"(?:^\|.*\|$\n?)+", text, flags=re.M):
        rows = table.strip("\n").splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows


def test_diff_comment_escapes_plan_text(nasty_plan: Path) -> None:
    base = load_plan(PLAN).plan
    head = load_plan(nasty_plan).plan
    comment = diff_md(diff_plans(base, head))
    assert "<img" not in comment
    assert RLO not in comment
    assert "kolom \\| patah" in comment


# --- narrative Markdown: nothing fetched, raw HTML shown as text ------------------------

PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
NARRATIVE = f"""Halo \x1b[31m *tebal* <b>mentah</b> dan <https://example.org/tautan>.

![Struktur organisasi](https://example.org/x.png) ![](gambar/lokal.png) ![titik]({PIXEL})

<script>alert(1)</script>

    <kode>tetap</kode>

```html
<pre>juga tetap</pre>
```

- butir
  ```
  <i>kode dalam butir</i>
  ```
<div>bukan kode lagi</div>
"""


@pytest.fixture
def narrative_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    (folder / "narasi" / "kata-pengantar.md").write_text(NARRATIVE, encoding="utf-8")
    return folder


def _document(folder: Path, output_format: str) -> str:
    plan = load_plan(folder).plan
    return render(plan, output_format=output_format, bidang=None, provenance=PROVENANCE)


def test_html_narrative_fetches_nothing(narrative_plan: Path) -> None:
    page = _document(narrative_plan, "html")
    sources = re.findall(r"<img [^>]*src=\"([^\"]*)\"", page)
    assert sources == [PIXEL], sources  # only the embedded image is an image
    assert "[gambar tidak dimuat: Struktur organisasi (https://example.org/x.png)]" in page
    assert "[gambar tidak dimuat: gambar/lokal.png]" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<a href="https://example.org/tautan">' in page  # a link is not a download


def test_html_narrative_shows_a_control_character_and_keeps_its_markup(
    narrative_plan: Path,
) -> None:
    # A control in the prose once turned the rendered chapter into escaped text.
    page = _document(narrative_plan, "html")
    assert "Halo &lt;U+001B&gt;[31m <em>tebal</em>" in page
    assert "\x1b" not in page


def test_markdown_narrative_shows_raw_html_as_text(narrative_plan: Path) -> None:
    text = _document(narrative_plan, "md")
    assert "\x1b" not in text
    assert "Halo &lt;U+001B>[31m *tebal* &lt;b>mentah&lt;/b>" in text  # Markdown stays Markdown
    assert "<https://example.org/tautan>" in text  # an autolink is not HTML
    assert "&lt;script>alert(1)&lt;/script>" in text
    assert "&lt;div>bukan kode lagi&lt;/div>" in text  # the list item (and its code) ended
    # Code shows its text as typed (the HTML report shows it so too).
    assert "    <kode>tetap</kode>" in text
    assert "<pre>juga tetap</pre>" in text
    assert "  <i>kode dalam butir</i>" in text
    assert "```html\n" in text


def test_markdown_narrative_without_html_is_unchanged() -> None:
    text = _document(PLAN, "md")
    for chapter in (PLAN / "narasi").glob("*.md"):
        if chapter.name != "README.md":
            assert chapter.read_text(encoding="utf-8").strip() in text


def test_every_html_report_forbids_fetching() -> None:
    from renaksi.report.render import render_monitoring

    plan = load_plan(PLAN).plan
    fixture = Path(__file__).resolve().parent / "fixtures" / "monitoring" / "2024"
    pages = [
        _document(PLAN, "html"),
        render(plan, output_format="html", bidang="politik", provenance=PROVENANCE),
        render_monitoring(
            load_plan(fixture).plan, 3, output_format="html", bidang=None, provenance=PROVENANCE
        ),
    ]
    policy = (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:;"
    )
    for page in pages:
        head = page.split("</head>", 1)[0]
        assert policy in head
        # Before anything that could load: right after the character set.
        assert head.index(policy) < head.index("<link") < head.index("<style>")
