"""Tabel 2.3 of the 2024 document, read row by row as printed, is caught by the budget rules.

The Kewaspadaan pagu column is shifted one row in the published table. Read as printed, the
kegiatan total no longer equals its sub kegiatan, and the grand total no longer adds up.
"""

from __future__ import annotations

from pathlib import Path

from renaksi.output.messages import message
from renaksi.rules.check import validate

FIXTURE = Path(__file__).parent / "fixtures" / "tabel-2.3-as-printed" / "2024"


def test_row_shift_is_reported_as_two_budget_errors() -> None:
    result = validate([FIXTURE])
    errors = [p for p in result.problems if p.severity.value == "error"]
    assert [(p.code, p.location.path) for p in errors] == [
        ("BG01", "program[4].kegiatan[0].pagu"),
        ("BG03", "total_pagu"),
    ]
    kegiatan, total = (message(p) for p in errors)
    assert "Rp 397.540.448" in kegiatan
    assert "Rp 1.140.170.448" in kegiatan
    assert "Rp 59.059.304.998" in total
    assert "Rp 58.687.989.998" in total
    # The parts of the kegiatan sum are the three sub kegiatan pagu lines.
    assert len(errors[0].related) == 3
    assert {p.code for p in result.problems} == {"BG01", "BG03", "RF06"}
