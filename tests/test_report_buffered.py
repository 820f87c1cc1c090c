"""The default templates write their largest parts into one buffer (a ``{% filter string %}``
section) and hand it on as one piece, instead of yielding every piece through each
enclosing template. The document must be the same byte for byte as without the section:
the same templates with the section taken out, given as the user's templates, are the
reference (with the user's templates every partial is included, and the document is
otherwise the same: tests/test_report_includes.py)."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report.render import default_templates, render

ROOT = Path(__file__).resolve().parents[1]
PLANS = [
    ROOT / "plans" / "2024",
    ROOT / "examples" / "upt-2024",
    ROOT / "examples" / "perwakilan-2024",
]
PROVENANCE = Provenance(commit=None, dirty=False)
_SECTION = re.compile(r"^\{% (?:end)?filter(?: string)? %\}\n", re.MULTILINE)
BUFFERED = sorted(
    path.name
    for path in default_templates().glob("*.j2")
    if "{% filter string %}" in path.read_text(encoding="utf-8")
)


def _unbuffered(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name in BUFFERED:
        text = (default_templates() / name).read_text(encoding="utf-8")
        (folder / name).write_text(_SECTION.sub("", text), encoding="utf-8")
    return folder


def test_the_bidang_pages_are_buffered() -> None:
    assert "_bidang.html.j2" in BUFFERED


@pytest.mark.parametrize("output_format", ["html", "md"])
@pytest.mark.parametrize("folder", PLANS, ids=lambda p: p.name)
def test_buffered_sections_print_what_the_pieces_print(
    folder: Path, output_format: str, tmp_path: Path
) -> None:
    if not (folder / "instansi.yaml").is_file():
        pytest.skip("not a plan folder")
    plan = load_plan(folder).plan
    assert plan is not None
    reference = _unbuffered(tmp_path)
    for bidang in (None, *(b.slug for b in plan.bidang[:1])):
        fast = render(plan, output_format=output_format, bidang=bidang, provenance=PROVENANCE)
        slow = render(
            plan,
            output_format=output_format,
            bidang=bidang,
            provenance=PROVENANCE,
            templates=reference,
        )
        assert fast == slow


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("<>&\"'|*_`\\[]#{}%\t\n\r\x1b\x85\u202e\u2028 aZ9"),
        st.characters(codec="utf-8"),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25)
@given(nama=_TEXT, keluaran=_TEXT)
def test_buffered_sections_print_any_plan_text_as_the_pieces_do(nama: str, keluaran: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "2024"
        shutil.copytree(ROOT / "plans" / "2024", folder)
        path = folder / "bidang" / "politik.yaml"
        text = path.read_text(encoding="utf-8")
        # JSON strings (every non-ASCII character escaped) are YAML double-quoted scalars.
        text = text.replace("- nama: Rapat Interen", f"- nama: {json.dumps(nama)}", 1)
        text = text.replace("keluaran: Notulan Hasil rapat", f"keluaran: {json.dumps(keluaran)}")
        path.write_text(text, encoding="utf-8")
        plan = load_plan(folder).plan
        assert plan is not None
        reference = _unbuffered(Path(work) / "templates")
        for output_format in ("html", "md"):
            fast = render(
                plan, output_format=output_format, bidang="politik", provenance=PROVENANCE
            )
            slow = render(
                plan,
                output_format=output_format,
                bidang="politik",
                provenance=PROVENANCE,
                templates=reference,
            )
            assert fast == slow
