"""Bidang pages in budget order, from one pass over the Perjanjian Kinerja's units: the
same order as finding each bidang's first unit anew, a bidang without units last."""

from __future__ import annotations

from pathlib import Path

from renaksi.plan.load import load_plan
from renaksi.plan.model import PerjanjianKinerjaFile
from renaksi.report.rencana_aksi import _document_order, month_grid

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"


def reference(pk: PerjanjianKinerjaFile, slug: str) -> tuple[int, str]:
    position = 0
    for unit in pk.units():
        if unit.bidang == slug:
            return (position, slug)
        position += 1
    return (position, slug)


def test_order_is_the_first_unit_of_each_bidang() -> None:
    pk = load_plan(PLAN).plan.pk
    assert pk is not None
    order = _document_order(pk)
    slugs = [*sorted({str(unit.bidang) for unit in pk.units()}), "tanpa-unit", ""]
    assert [order(slug) for slug in slugs] == [reference(pk, slug) for slug in slugs]


def test_month_grid() -> None:
    assert month_grid([1, 12, 12]) == (True,) + (False,) * 10 + (True,)
    assert month_grid([]) == (False,) * 12
    assert month_grid([0, 13]) == (False,) * 12
