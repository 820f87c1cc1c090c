"""Realisasi periods from file names (``renaksi.plan.periods``): which names are read, what
each period covers, which target is in force at its end, and how it is named on a page."""

from __future__ import annotations

import datetime as dt

import pytest

from renaksi.plan.periods import Period


@pytest.mark.parametrize(
    ("name", "kind", "months", "in_force", "label", "upto"),
    [
        ("tw1.yaml", "triwulan", (1, 3), 1, "Triwulan I", "s.d. Triwulan I"),
        ("tw4.yaml", "triwulan", (10, 12), 4, "Triwulan IV", "s.d. Triwulan IV"),
        ("s1.yaml", "semester", (1, 6), 2, "Semester I", "s.d. Semester I"),
        ("tahunan.yaml", "tahunan", (1, 12), 4, "Tahunan", "s.d. akhir tahun"),
        # The quarter that contains the date is in force: 31 October is in Triwulan IV.
        ("sd-2024-10-31.yaml", "sampai", (1, 10), 4, "s.d. 31 Oktober 2024", None),
        ("sd-2024-08-15.yaml", "sampai", (1, 8), 3, "s.d. 15 Agustus 2024", None),
        ("sd-2024-03-31.yaml", "sampai", (1, 3), 1, "s.d. 31 Maret 2024", None),
    ],
)
def test_names(
    name: str,
    kind: str,
    months: tuple[int, int],
    in_force: int,
    label: str,
    upto: str | None,
) -> None:
    period = Period.of_file(name)
    assert period is not None
    assert period.kind == kind
    assert (period.months.start, period.months.stop - 1) == months
    assert period.in_force == in_force
    assert period.label == label
    assert period.upto == (upto or label)
    assert period.file_name == name
    assert Period.parse(period.stem) == period
    # Every file but a quarter's holds the values from January to the period's end.
    assert period.to_date is (kind != "triwulan")


@pytest.mark.parametrize(
    "name",
    [
        "tw0.yaml",
        "tw5.yaml",
        "s2.yaml",  # semester II to date is the year: tahunan.yaml
        "s1.yml",
        "triwulan-2.yaml",
        "sd-2024-02-30.yaml",  # not in the calendar
        "sd-2024-1-31.yaml",
        "TW1.yaml",
        "tahunan",
    ],
)
def test_names_not_read(name: str) -> None:
    assert Period.of_file(name) is None


def test_year_end() -> None:
    assert Period.quarter(4).year_end
    assert Period("tahunan").year_end
    assert Period("sampai", until=dt.date(2024, 12, 31)).year_end
    assert not Period("sampai", until=dt.date(2024, 12, 30)).year_end
    assert not Period.quarter(3).year_end
    assert not Period("semester", 1).year_end


def test_reports_are_ordered_by_their_end() -> None:
    names = ["tahunan", "sd-2024-10-31", "s1", "tw2", "tw1", "sd-2024-06-30", "tw4"]
    periods = [Period.parse(n) for n in names]
    assert all(p is not None for p in periods)
    ordered = sorted((p for p in periods if p is not None), key=Period.sort_key)
    assert [p.stem for p in ordered] == [
        "tw1",
        "sd-2024-06-30",
        "tw2",
        "s1",
        "sd-2024-10-31",
        "tw4",
        "tahunan",
    ]
