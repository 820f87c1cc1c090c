"""The report's printing policy, as data: when a plan is refused, and which findings a
forced print shows (the CLI's words for each are tested in test_cli and test_report)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renaksi.report.printable import Refusal, check_printable

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
AS_PUBLISHED = ROOT / "tests" / "fixtures" / "as-published" / "2024"


def _copy(tmp_path: Path, source: Path = PLAN) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(source, folder)
    return folder


def test_a_valid_plan_prints_with_no_findings_shown() -> None:
    checked = check_printable(PLAN)
    assert checked.refusal is None
    assert checked.shown == []
    assert checked.plan.instansi is not None


def test_warnings_alone_do_not_stop_a_print_and_are_not_shown() -> None:
    checked = check_printable(PLAN)
    assert {p.code for p in checked.result.problems} == {"RF06"}
    assert checked.refusal is None
    assert checked.shown == []


def test_unknown_bidang() -> None:
    checked = check_printable(PLAN, bidang="tidak-ada")
    assert checked.refusal is Refusal.UNKNOWN_BIDANG
    assert checked.page is None


def test_missing_quarter_names_the_file_to_create(tmp_path: Path) -> None:
    checked = check_printable(PLAN, triwulan=2)
    assert checked.refusal is Refusal.NO_REALISASI
    assert checked.missing == PLAN / "realisasi" / "tw2.yaml"
    elsewhere = tmp_path / "realisasi"
    elsewhere.mkdir()
    assert check_printable(PLAN, triwulan=3, realisasi=elsewhere).missing == elsewhere / "tw3.yaml"


def test_findings_refuse_unless_forced() -> None:
    assert check_printable(AS_PUBLISHED).refusal is Refusal.FINDINGS
    forced = check_printable(AS_PUBLISHED, force=True)
    assert forced.refusal is None
    assert {p.code for p in forced.shown} == {p.code for p in forced.result.problems}


def test_a_bidang_shows_its_own_and_the_shared_findings_only() -> None:
    forced = check_printable(AS_PUBLISHED, bidang="ideologi", force=True)
    assert forced.refusal is None
    files = {Path(p.location.file).name for p in forced.shown}
    everywhere = {Path(p.location.file).name for p in forced.result.problems}
    assert "kewaspadaan.yaml" in everywhere
    assert "kewaspadaan.yaml" not in files
    assert files <= {"ideologi.yaml", "perjanjian-kinerja.yaml", "instansi.yaml"}
    assert files


@pytest.mark.parametrize("broken", ["instansi.yaml", "perjanjian-kinerja.yaml"])
def test_forced_print_needs_the_shared_files(tmp_path: Path, broken: str) -> None:
    folder = _copy(tmp_path)
    (folder / broken).write_text("[tidak ditutup\n", encoding="utf-8")
    assert check_printable(folder).refusal is Refusal.FINDINGS
    assert check_printable(folder, force=True).refusal is Refusal.SHARED_UNREADABLE


def test_forced_print_of_a_bidang_needs_its_own_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "bidang" / "politik.yaml").write_text("[tidak ditutup\n", encoding="utf-8")
    checked = check_printable(folder, bidang="politik", force=True)
    assert checked.refusal is Refusal.BIDANG_UNREADABLE
    assert checked.page is not None
    assert checked.page.slug == "politik"
    # Another bidang's page can still be forced: the broken file is not its own.
    other = check_printable(folder, bidang="ideologi", force=True)
    assert other.refusal is None
    assert all(not p.location.file.endswith("politik.yaml") for p in other.shown)
