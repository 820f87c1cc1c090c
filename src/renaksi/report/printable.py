"""Whether a plan may be printed, and which findings the printed page shows. Pure.

The policy of ``renaksi report``, decided here and worded by the CLI: a plan with findings
is printed only when forced, and then with its findings in a warning block; a forced print
still needs the files every page is made from; a bidang's pages show the findings of its
own file and the shared files, not other bidang's.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from renaksi.plan.findings import Problem
from renaksi.plan.folder import REALISASI_DIR, BidangEntry, Plan
from renaksi.plan.load import MAX_PLAN_BYTES
from renaksi.plan.periods import Period
from renaksi.rules.check import CheckResult, validate


class Refusal(enum.Enum):
    """Why a plan is not printed."""

    #: ``--bidang`` names no bidang file of the plan.
    UNKNOWN_BIDANG = "unknown-bidang"
    #: ``--triwulan`` or ``--periode`` asks for a period whose realisasi file does not exist.
    NO_REALISASI = "no-realisasi"
    #: The plan has findings and printing was not forced.
    FINDINGS = "findings"
    #: Forced, but instansi.yaml or the PK did not load: no page can be made.
    SHARED_UNREADABLE = "shared-unreadable"
    #: Forced, but the requested bidang's own file did not load.
    BIDANG_UNREADABLE = "bidang-unreadable"


@dataclass(slots=True)
class Printable:
    """The plan as checked for printing: refused (and why), or the findings to show."""

    plan: Plan
    result: CheckResult
    refusal: Refusal | None = None
    #: The realisasi file that would be needed (with ``Refusal.NO_REALISASI``).
    missing: Path | None = None
    #: The requested bidang, when there is one.
    page: BidangEntry | None = None
    #: The findings the printed page shows in its warning block (a forced print only).
    shown: list[Problem] = field(default_factory=list)


def check_printable(
    folder: Path,
    *,
    bidang: str | None = None,
    triwulan: int | Period | None = None,
    realisasi: Path | None = None,
    force: bool = False,
    max_plan_bytes: int = MAX_PLAN_BYTES,
    perubahan: Path | None = None,
) -> Printable:
    """Validate ``folder`` and decide whether (and with which findings) it is printed.

    Raises PlanIOError when the plan cannot be read at all, as validate does.
    """
    result = validate(
        [folder], realisasi=realisasi, max_plan_bytes=max_plan_bytes, perubahan=perubahan
    )
    plan = result.loads[0].plan
    out = Printable(plan, result)
    if bidang is not None:
        out.page = plan.bidang_by_slug(bidang)
        if out.page is None:
            out.refusal = Refusal.UNKNOWN_BIDANG
            return out
    period = Period.quarter(triwulan) if isinstance(triwulan, int) else triwulan
    if period is not None and plan.realisasi_at(period) is None:
        out.missing = (realisasi or folder / REALISASI_DIR) / period.file_name
        out.refusal = Refusal.NO_REALISASI
        return out
    failed = result.failed()
    if failed and not force:
        out.refusal = Refusal.FINDINGS
    elif failed and (plan.instansi is None or plan.pk is None):
        out.refusal = Refusal.SHARED_UNREADABLE
    elif out.page is not None and out.page.model is None:
        out.refusal = Refusal.BIDANG_UNREADABLE
    if out.refusal is None and failed:
        others = {e.doc.display for e in plan.bidang if out.page is not None and e is not out.page}
        out.shown = [p for p in result.problems if p.location.file not in others]
    return out
