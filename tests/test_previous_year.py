"""The year before, read for RS04: only ``plans/<year-1>/instansi.yaml``, bounded, and never
a finding or a failure of this plan when it is absent, hostile or invalid."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from renaksi.plan.previous import previous_year
from renaksi.rules.check import validate

BASE = Path(__file__).resolve().parent / "rules" / "base" / "2024"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "2024")
    shutil.copytree(BASE, tmp_path / "2023")
    return tmp_path


def _rename_iku(folder: Path) -> None:
    instansi = folder / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    instansi.write_text(text.replace("Indikator utama contoh", "Indikator lain"), "utf-8")


def test_last_years_iku_is_compared(plans: Path) -> None:
    _rename_iku(plans / "2024")
    assert [p.code for p in validate([plans / "2024"]).problems] == ["RS04"]


@pytest.mark.parametrize("how", ["fifo", "link-out", "too-big", "folder", "not-yaml"])
def test_a_hostile_earlier_year_is_passed_over(plans: Path, tmp_path: Path, how: str) -> None:
    _rename_iku(plans / "2024")
    earlier = plans / "2023" / "instansi.yaml"
    earlier.unlink()
    if how == "fifo":
        os.mkfifo(earlier)  # reading it would never end
    elif how == "link-out":
        outside = tmp_path / "rahasia.yaml"  # beside the year folders, outside 2023/
        shutil.copy(BASE / "instansi.yaml", outside)
        earlier.symlink_to(outside)
    elif how == "too-big":
        earlier.write_text("# " + "x" * 3_000_000 + "\n", encoding="utf-8")
    elif how == "folder":
        earlier.mkdir()
    else:
        earlier.write_text("iku: [\n", encoding="utf-8")
    assert previous_year(plans / "2024") is None
    assert [p.code for p in validate([plans / "2024"]).problems] == []


def test_only_a_folder_named_after_its_year_looks_beside_it(plans: Path) -> None:
    (plans / "2024").rename(plans / "rencana")
    assert previous_year(plans / "rencana") is None
    assert previous_year(plans / "2023") is None  # no 2022 beside it
