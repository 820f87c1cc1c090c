"""The check over many folders: a plan let go once checked keeps each file with findings in
its own place, so the printed findings are the same as with the whole plan kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from renaksi.output import formatter
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent
AS_PUBLISHED = ROOT / "tests" / "fixtures" / "as-published" / "2024"
MONITORING = ROOT / "tests" / "fixtures" / "monitoring" / "2024"


def _with_realisasi_finding(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(MONITORING, folder)
    tw1 = folder / "realisasi" / "tw1.yaml"
    tw1.write_text(tw1.read_text(encoding="utf-8") + "kunci_asing: 1\n", encoding="utf-8")
    return folder


def test_slim_plan_keeps_files_in_their_places(tmp_path: Path) -> None:
    folders = [AS_PUBLISHED, _with_realisasi_finding(tmp_path)]
    result = validate(folders, keep_plans=False)
    published, monitoring = (load.plan for load in result.loads)
    # The PK of the as-published plan has findings (BG04); instansi.yaml has none.
    assert published.pk_doc is not None
    assert published.pk_doc.text
    assert published.instansi_doc is None
    assert [e.slug for e in published.bidang] == ["ideologi", "kewaspadaan"]
    assert all(e.model is None and e.doc.root is None for e in published.bidang)
    files = {p.location.file for p in result.problems}
    assert [r.doc.display for r in monitoring.realisasi] == sorted(
        f for f in files if "/realisasi/" in f
    )
    assert monitoring.realisasi[0].triwulan == 1
    assert [e.doc.display for e in monitoring.bidang] == sorted(
        f for f in files if "/bidang/" in f and f.startswith(str(tmp_path))
    )
    assert published.pk is None
    assert published.instansi is None


def test_slim_plan_prints_the_same_findings(tmp_path: Path) -> None:
    folders = [AS_PUBLISHED, _with_realisasi_finding(tmp_path)]
    kept = validate(folders, keep_plans=True)
    slim = validate(folders, keep_plans=False)
    assert kept.problems == slim.problems
    assert formatter("text")(slim, False) == formatter("text")(kept, False)
