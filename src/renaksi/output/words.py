"""Finished words for a problem: the template filled with Indonesian-formatted values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from renaksi import fmt
from renaksi.problems import Problem
from renaksi.values import Percent, Rupiah, Terms


def value_text(value: object) -> str:
    """How one message argument is printed."""
    if isinstance(value, Rupiah):
        return fmt.rupiah(int(value))
    if isinstance(value, Percent):
        return fmt.percent(value)
    if isinstance(value, Decimal):
        return fmt.number(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.date):
        return fmt.date(value)
    if isinstance(value, Terms):
        return " + ".join(value_text(v) for v in value)
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(v) for v in value)
    return str(value)


class _Args(dict[str, str]):
    def __missing__(self, key: str) -> str:
        # A template naming an argument that was not given prints the placeholder, never fails.
        return "{" + key + "}"


def message(problem: Problem) -> str:
    """The problem's message in finished Indonesian."""
    args = _Args({k: value_text(v) for k, v in problem.args.items()})
    try:
        return problem.message.format_map(args)
    except (ValueError, IndexError, AttributeError):
        return problem.message
