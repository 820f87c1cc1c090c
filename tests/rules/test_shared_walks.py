"""The walks a Context shares between rules (issue 16: each walked once per plan) are the
walks of :mod:`renaksi.rules.walk` and the model's own indexes, item for item: on every
example plan and on the rule cases whose plans bend the shapes the walks follow (duplicate
ids, APBN budgets, units without a bidang, unread bidang files, realisasi)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rule_cases import CASES, Case, build, read_case_file

from renaksi.plan.folder import Plan
from renaksi.plan.load import load_plan
from renaksi.rules import walk
from renaksi.rules.base import Context

ROOT = Path(__file__).resolve().parents[2]
#: Every plan folder of the repository: the plans, the examples, the test fixtures.
FOLDERS = sorted(
    {
        p.parent
        for pattern in ("plans/*/*.yaml", "examples/*/*.yaml", "tests/fixtures/*/*/*.yaml")
        for p in ROOT.glob(pattern)
        if p.name in ("instansi.yaml", "perjanjian-kinerja.yaml")
    }
)
#: Rules whose cases bend what the walks go through.
SHAPES = ("RF01", "RF02", "RF03", "RF04", "RF05", "RF06", "BG05", "SC02", "RL03", "RL10", "PR01")
CASE_LIST = [case for code in SHAPES for case in read_case_file(CASES / f"{code}.yaml")]


def _same_walks(plan: Plan) -> None:
    ctx = Context(plan)
    assert list(ctx.units()) == list(walk.units(plan))
    assert list(ctx.programs()) == list(walk.pk_programs(plan))
    assert list(ctx.kegiatan()) == list(walk.pk_kegiatan(plan))
    assert list(ctx.rencana()) == list(walk.rencana(plan))
    assert list(ctx.indikator()) == list(walk.indikator(plan))
    expected = plan.pk.unit_index() if plan.pk is not None else {}
    assert list(ctx.unit_index().items()) == list(expected.items())
    assert list(ctx.pk_units()) == (list(plan.pk.units()) if plan.pk is not None else [])
    planned = [(e, r, r.item.unit_key, r.item.unit) for e, r in walk.rencana(plan)]
    assert list(ctx.planned()) == planned
    last_wins = {u.item.id: u for u in walk.units(plan)}
    assert list(ctx.placed_by_id().items()) == list(last_wins.items())
    # Walked once: the second rule to ask gets the same walk.
    assert ctx.units() is ctx.units()
    assert ctx.unit_index() is ctx.unit_index()


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_shared_walks_are_the_walks_on_every_example(folder: Path) -> None:
    _same_walks(load_plan(folder).checked_plan())


@pytest.mark.parametrize("case", CASE_LIST, ids=lambda c: c.id)
def test_shared_walks_are_the_walks_on_bent_plans(case: Case, tmp_path: Path) -> None:
    _same_walks(load_plan(build(tmp_path, case)).checked_plan())


def test_a_shared_walk_cannot_be_changed_by_a_rule() -> None:
    ctx = Context(load_plan(ROOT / "plans" / "2024").plan)
    assert isinstance(ctx.units(), tuple)
    assert isinstance(ctx.rencana(), tuple)
