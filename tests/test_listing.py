"""Messages that name the known ids list a bounded number of them (a plan with hundreds of
ids would otherwise print a finding as long as the plan)."""

from __future__ import annotations

import shutil
from pathlib import Path

from renaksi.cli import main
from renaksi.rules.walk import SHOWN, listing

BASE = Path(__file__).parent / "rules" / "base" / "2024"


def test_short_list_is_whole() -> None:
    assert listing(["a", "b"]) == "a, b"


def test_empty_list_is_a_dash() -> None:
    assert listing([]) == "-"


def test_long_list_names_the_first_and_counts_the_rest() -> None:
    names = [f"id-{i}" for i in range(SHOWN + 7)]
    text = listing(names)
    assert text.startswith("id-0, id-1, ")
    assert f"id-{SHOWN - 1}," in text
    assert f"id-{SHOWN}" not in text
    assert text.endswith("... (dan 7 lainnya)")


def test_exactly_shown_has_no_tail() -> None:
    assert "lainnya" not in listing([str(i) for i in range(SHOWN)])


def test_unknown_group_among_many_is_a_short_message(tmp_path: Path, capsys: object) -> None:
    plan = tmp_path / "2024"
    shutil.copytree(BASE, plan)
    pk = plan / "perjanjian-kinerja.yaml"
    text = pk.read_text(encoding="utf-8")
    groups = "".join(f"  - id: kelompok-{i}\n    nama: Kelompok {i}\n" for i in range(300))
    text = text.replace("    sasaran: ss-1\n", "    sasaran: ss-1\n    kelompok: zzz\n", 1)
    text = text.replace("program:\n", f"kelompok_indikator:\n{groups}program:\n", 1)
    pk.write_text(text, encoding="utf-8")
    code = main(["validate", str(plan), "--format", "json"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert code == 1
    assert "kelompok indikator zzz" in out
    assert "kelompok-9, ... (dan 290 lainnya)" in out
    assert "kelompok-299" not in out
