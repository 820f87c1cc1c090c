"""What the HTML report of an ordinary plan does not load: each of these costs start-up
time that `renaksi report` pays on every run (markdown-it for narrative beyond the simple
part, the Perubahan comparison, Babel for what renaksi formats itself, PDF and Excel, and
html.entities for a running header with nothing to unescape)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"
NOT_LOADED = (
    "markdown_it",
    "babel",
    "weasyprint",
    "openpyxl",
    "renaksi.report.perubahan",
    "html.entities",
)


def test_an_html_report_loads_only_what_it_uses() -> None:
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from renaksi.plan.git import Provenance\n"
        "from renaksi.rules.check import validate\n"
        "from renaksi.report.render import render\n"
        f"result = validate([Path({str(PLAN)!r})])\n"
        "html = render(result.loads[0].plan, output_format='html', bidang=None,\n"
        "              provenance=Provenance(commit=None, dirty=False))\n"
        "assert '<h2>1.1 Latar Belakang</h2>' in html\n"
        f"print(json.dumps([m for m in {NOT_LOADED!r} if m in sys.modules]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == []


@given(st.text())
def test_css_string_of_markup_is_that_of_its_text(text: str) -> None:
    from markupsafe import Markup, escape

    from renaksi.report.render import FILTERS

    css = FILTERS["css_string"]
    assert css(escape(text)) == css(text)
    assert css(Markup(text)) == css(Markup(text).unescape())
