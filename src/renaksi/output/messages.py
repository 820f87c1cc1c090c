"""Finished words for a problem: the template filled with Indonesian-formatted values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from renaksi.plan.findings import Problem
from renaksi.plan.values import Capaian, Percent, Rupiah, Series, Terms
from renaksi.text import formats
from renaksi.text.controls import one_line


def value_text(value: object) -> str:
    """How one message argument is printed."""
    if isinstance(value, Rupiah):
        return formats.rupiah(int(value))
    if isinstance(value, Capaian):
        return formats.computed_percent(value)
    if isinstance(value, Percent):
        return formats.percent(value)
    if isinstance(value, Decimal):
        return formats.number(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.date):
        return formats.date(value)
    if isinstance(value, Terms):
        return " + ".join(value_text(v) for v in value)
    if isinstance(value, Series):
        return "; ".join(value_text(v) for v in value)
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(v) for v in value)
    return str(value)


class _Args(dict[str, str]):
    def __missing__(self, key: str) -> str:
        # A template naming an argument that was not given prints the placeholder, never fails.
        return "{" + key + "}"


def message(problem: Problem) -> str:
    """The problem's message in finished Indonesian, on one line: a plan value quoted in
    it shows its line breaks as ``\\n`` (see :mod:`renaksi.text.controls`)."""
    args = _Args({k: value_text(v) for k, v in problem.args.items()})
    try:
        return one_line(problem.message.format_map(args))
    except (ValueError, IndexError, AttributeError):
        return one_line(problem.message)
