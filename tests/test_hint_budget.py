"""The did-you-mean budget (renaksi.text.hints) bounds every hint a plan's findings give,
those of the checks joined from other work included: SC01 with its re-validation of
misspelt keys, RF03's per-kind unit references, TG03's unit keys. Once the budget is spent
a finding names the options instead of a guess, and nothing depends on a hint that was not
looked up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renaksi.output.messages import message
from renaksi.plan.load import load_plan, read_document, validate_repairing
from renaksi.plan.model import BidangFile
from renaksi.rules.base import Context
from renaksi.rules.registry import CHECK_RULES
from renaksi.text.hints import Hints

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "base" / "2024"


def _plan(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "2024"
    shutil.copytree(BASE, folder)
    bidang = folder / "bidang" / "alpha.yaml"
    text = bidang.read_text(encoding="utf-8")
    assert old in text
    bidang.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_misspelt_key_hint_and_repair_share_one_lookup(tmp_path: Path) -> None:
    folder = _plan(tmp_path, "- nama: Rapat internal", "- nma: Rapat internal")
    doc, problems = read_document(folder / "bidang" / "alpha.yaml")
    assert problems == []

    model, found, repaired = validate_repairing(doc, BidangFile, Hints())
    assert model is None
    assert [p.code for p in found] == ["SC01"]
    assert "maksudnya nama?" in message(found[0])
    assert repaired is not None  # the rules check the file as the hint says

    # A spent budget: no guess, so no re-validation on a guess either.
    # Without the guess the missing key is a finding of its own (SC02), as for any unknown key.
    model, found, repaired = validate_repairing(doc, BidangFile, Hints(0))
    unknown = [p for p in found if p.code == "SC01"]
    assert sorted(p.code for p in found) == ["SC01", "SC02"]
    assert "maksudnya" not in message(unknown[0])
    assert "kunci yang dikenal" in message(unknown[0])
    assert repaired is None


def test_the_plan_budget_reaches_the_loader(tmp_path: Path) -> None:
    loaded = load_plan(_plan(tmp_path, "- nama: Rapat internal", "- nma: Rapat internal"))
    assert loaded.hints.left < Hints().left  # the SC01 lookup was paid from the plan's budget
    assert loaded.repairs


@pytest.mark.parametrize(
    ("old", "new", "code", "hint"),
    [
        ("sub_kegiatan: sub-a", "sub_kegiatan: sub-ax", "RF03", "maksudnya sub-a?"),
        ('satuan: "%"', "satuan: persenn", "TG03", "maksudnya persen?"),
    ],
)
def test_rule_hints_stop_with_the_budget(
    tmp_path: Path, old: str, new: str, code: str, hint: str
) -> None:
    loaded = load_plan(_plan(tmp_path, old, new))
    (rule,) = [r for r in CHECK_RULES if r.code == code]

    def messages(hints: Hints) -> list[str]:
        ctx = Context(loaded.checked_plan(), hints)
        return [message(p) for p in rule.run(ctx)]

    (with_budget,) = messages(Hints())
    assert hint in with_budget
    (spent,) = messages(Hints(0))
    assert "maksudnya" not in spent
