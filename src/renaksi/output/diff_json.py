"""``renaksi diff --format json``: the classified changes for tools. Version 1.

Amounts are integers (rupiah) or decimal strings (targets, exact); months are numbers;
dates are ISO strings (``2024-04-10``, or ``2021-01`` for a month-precise signing date); a
fact the document does not state is the string ``"tidak tercantum"``. Realisasi changes have
weight 0 (listed last); changes to how monitoring judges weight 6 (listed first), and
``summary.verdicts_changed`` says whether there are any.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from renaksi import __version__
from renaksi.diff.changes import Weight
from renaksi.diff.plan import PlanDiff, Total
from renaksi.output.diff_words import headline
from renaksi.output.messages import message
from renaksi.plan.findings import Problem
from renaksi.plan.values import ABSENT_TEXT, Absent, MonthDate

FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, Absent):
        return ABSENT_TEXT
    if isinstance(value, MonthDate):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _total(total: Total) -> dict[str, Any]:
    return {
        "key": total.key,
        "name": total.name,
        "old": _plain(total.old),
        "new": _plain(total.new),
        "delta": _plain(total.delta),
    }


def _finding(problem: Problem) -> dict[str, Any]:
    loc = problem.location
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "path": loc.path,
        "message": message(problem),
    }


def render(diff: PlanDiff) -> str:
    """The diff as one JSON document."""
    document = {
        "format": "renaksi.diff.plan",
        "version": FORMAT_VERSION,
        "renaksi": __version__,
        "base": diff.base_label,
        "head": diff.head_label,
        "summary": {
            "headline": headline(diff),
            "changes": len(diff.changes),
            "introduced": len(diff.introduced),
            "fixed": len(diff.fixed),
            "empty": diff.empty,
            "unreadable": diff.unreadable,
            # The monitoring scale or threshold changed: every verdict may change.
            "verdicts_changed": any(c.weight is Weight.VERDICT for c in diff.changes),
        },
        "totals": {
            "agency": _total(diff.agency),
            "programs": [_total(t) for t in diff.programs],
            "bidang": [_total(t) for t in diff.bidang],
        },
        "changes": [
            {
                "kind": c.kind.value,
                "weight": int(c.weight),
                "bidang": c.bidang,
                "subject": c.subject,
                "key": c.key,
                "old": _plain(c.old),
                "new": _plain(c.new),
                "detail": _plain(c.detail),
            }
            for c in sorted(diff.changes, key=lambda c: -c.weight)
        ],
        "findings": {
            "introduced": [_finding(p) for p in diff.introduced],
            "fixed": [_finding(p) for p in diff.fixed],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
