"""The default HTML templates skip the footnote-number partial where it would print
nothing; with the user's own templates every include happens as before, so an override
of the partial still prints for every value, and the document is otherwise the same."""

from __future__ import annotations

import re
from pathlib import Path

from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report.render import render

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"
PROVENANCE = Provenance(commit=None, dirty=False)


def _html(templates: Path | None) -> str:
    plan = load_plan(PLAN).plan
    return render(
        plan, output_format="html", bidang=None, provenance=PROVENANCE, templates=templates
    )


def test_an_empty_templates_folder_changes_nothing(tmp_path: Path) -> None:
    assert _html(tmp_path) == _html(None)


def test_an_overridden_partial_is_still_included_for_every_value(tmp_path: Path) -> None:
    (tmp_path / "_catatan_ref.html.j2").write_text("[{{ refs | length }}]", encoding="utf-8")
    cells = re.findall(r'<td class="aksi-name">(.*?)</td>', _html(tmp_path))
    assert len(cells) > 10
    # Every aksi name carries the override's output, whether it has footnotes or not.
    assert all(re.search(r"\[\d+\]$", cell) for cell in cells)
    assert any(cell.endswith("[0]") for cell in cells)


def test_an_overridden_notes_partial_is_still_included_for_every_table(tmp_path: Path) -> None:
    (tmp_path / "_catatan_kaki.html.j2").write_text(
        "<!-- catatan {{ footnotes | length }} -->", encoding="utf-8"
    )
    html = _html(tmp_path)
    tables = _html(None).count('<table class="aksi">')
    assert tables > 3
    # One per aksi table, and one under the budget table of the document.
    assert html.count("<!-- catatan ") == tables + 1
