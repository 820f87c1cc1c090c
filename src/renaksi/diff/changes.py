"""What one change to a plan is, and how much it matters: shared by the plan diff
(:mod:`renaksi.diff.plan`) and the realisasi diff (:mod:`renaksi.diff.realisasi`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Weight(IntEnum):
    """How much a Kepala Bidang needs to see a change; higher is listed first.

    ``REALISASI`` (what was reported done and spent) comes after every change to the plan
    itself, so a bidang's plan changes and its realisasi changes each read as one block.
    """

    REALISASI = 0
    WORDING = 1
    SCHEDULE = 2
    TARGET = 3
    STRUCTURE = 4
    BUDGET = 5


@dataclass(frozen=True, slots=True)
class Change:
    """One classified change. ``kind`` names it; the other fields depend on the kind."""

    kind: str
    weight: Weight
    bidang: str | None
    subject: str
    key: str
    old: Any = None
    new: Any = None
    detail: dict[str, Any] = field(default_factory=dict)
