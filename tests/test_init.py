"""``renaksi init <tahun>``: next year's folder from the latest year, with every yearly fact
left unset so that validate lists what the planner must fill in, and never over a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renaksi.cli import main
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(ROOT / "plans" / "2024", folder / "2024")
    return folder


def test_init_starts_next_year_incomplete_with_located_findings(plans: Path) -> None:
    assert main(["init", "2025", "--plans", str(plans)]) == 0
    new = plans / "2025"
    assert sorted(p.name for p in new.iterdir()) == [
        "bidang",
        "instansi.yaml",
        "perjanjian-kinerja.yaml",
    ]
    pk = (new / "perjanjian-kinerja.yaml").read_text(encoding="utf-8")
    assert "tahun: 2025" in pk
    assert "pagu: null" in pk
    assert "59_059_304_998" not in pk
    assert "catatan_sumber" not in pk
    assert "id: ideologi-koordinasi" in pk  # the budget tree and its bidang carry over
    politik = (new / "bidang" / "politik.yaml").read_text(encoding="utf-8")
    assert "nama: Rapat Interen" in politik  # aksi names kept
    assert "bulan: []" in politik  # months cleared
    result = validate([new])
    assert result.failed()
    assert result.problems
    assert all(p.location.line > 0 for p in result.problems)
    assert {p.code for p in result.problems} >= {"SC06"}


def test_init_refuses_to_overwrite(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "2025", "--plans", str(plans)]) == 0
    marker = plans / "2025" / "instansi.yaml"
    before = marker.read_bytes()
    marker.write_text(before.decode() + "# disunting perencana\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["init", "2025", "--plans", str(plans)]) == 2
    assert "tidak pernah menimpa" in capsys.readouterr().err
    assert marker.read_text(encoding="utf-8").endswith("# disunting perencana\n")
    assert main(["init", "2024", "--plans", str(plans)]) == 2


def test_init_needs_an_earlier_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans").mkdir()
    assert main(["init", "2025", "--plans", str(tmp_path / "plans")]) == 2
    assert "tidak ada folder rencana sebelum 2025" in capsys.readouterr().err
    assert not (tmp_path / "plans" / "2025").exists()


def test_init_leaves_nothing_behind_when_last_year_does_not_read(plans: Path) -> None:
    (plans / "2024" / "perjanjian-kinerja.yaml").write_text("program: [\n", encoding="utf-8")
    assert main(["init", "2025", "--plans", str(plans)]) == 2
    assert sorted(p.name for p in plans.iterdir()) == ["2024"]
