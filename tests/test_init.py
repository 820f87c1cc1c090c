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


def _tie_pk_1_to_an_iku_with_years(plans: Path) -> None:
    """plans/2024 with its one IKU given an id and Renstra years, and pk-1 tied to it."""
    instansi = plans / "2024" / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    text = text.replace("    - sasaran: ss-1\n", "    - id: iku-ideologi\n      sasaran: ss-1\n", 1)
    years = "".join(
        f"        - {{tahun: {year}, target: {value}}}\n"
        for year, value in (
            (2021, 10),
            (2022, 15),
            (2023, 20),
            (2024, 29.17),
            (2025, '"33,5"'),
            (2026, "tidak tercantum"),
        )
    )
    assert text.endswith('      satuan: "%"\n')
    instansi.write_text(text + "      target_per_tahun:\n" + years, encoding="utf-8")
    pk = plans / "2024" / "perjanjian-kinerja.yaml"
    text = pk.read_text(encoding="utf-8")
    text = text.replace("  - id: pk-1\n", "  - id: pk-1\n    iku: iku-ideologi\n", 1)
    pk.write_text(text, encoding="utf-8")

    def found(folder: Path) -> list[tuple[str, str]]:
        return [(p.code, p.location.path) for p in validate([folder]).problems]

    # Valid as before; the year the Renstra does not state is listed as absent.
    absent = ("TC01", "iku.indikator[0].target_per_tahun[5].target")
    assert sorted(found(plans / "2024")) == sorted([absent, *found(ROOT / "plans" / "2024")])


def test_init_takes_the_new_years_target_from_the_renstra(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tie_pk_1_to_an_iku_with_years(plans)
    capsys.readouterr()
    assert main(["init", "2025", "--plans", str(plans)]) == 0
    said = capsys.readouterr().out
    assert "Diambil dari target Renstra 2025" in said
    assert "1 target tahunan indikator PK" in said
    pk = (plans / "2025" / "perjanjian-kinerja.yaml").read_text(encoding="utf-8")
    first, second = pk.split("  - id: pk-2\n", 1)
    assert '    target: "33,5"  # dari target Renstra 2025 (IKU iku-ideologi)' in first
    assert "triwulan: [null, null, null, null]" in first  # quarters are the planner's
    assert "    target: null\n" in second  # no IKU: still left to fill in
    result = validate([plans / "2025"])
    at_pk_1 = [p for p in result.problems if p.location.path == "indikator[0].target"]
    assert at_pk_1 == []  # neither unset nor different from the Renstra (RS01)
    # The year after has no Renstra target (not stated): nothing is taken.
    capsys.readouterr()
    assert main(["init", "2026", "--plans", str(plans)]) == 0
    assert "Diambil dari target Renstra" not in capsys.readouterr().out
    pk = (plans / "2026" / "perjanjian-kinerja.yaml").read_text(encoding="utf-8")
    assert "dari target Renstra" not in pk


def test_init_shows_control_characters_in_names_never_sends_them(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A bidang file named with a terminal escape (set the window title, turn text red)
    # is copied like any other, and named on the screen as visible codes.
    bidang = plans / "2024" / "bidang"
    hostile = "x\x1b[31mRED\x1b]0;t\x07"
    shutil.copy(bidang / "politik.yaml", bidang / f"{hostile}.yaml")
    assert main(["init", "--plans", str(plans), "2025"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "x\\x1b[31mRED\\x1b]0;t\\x07.yaml" in out
