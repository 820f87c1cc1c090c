"""Formatters for validation results, picked by name: text, json, github.

Each formatter is a function ``(result, strict) -> str``; nothing here decides exit codes.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renaksi.rules.check import CheckResult

Formatter = Callable[["CheckResult", bool], str]

#: Format name -> module holding its ``render`` function (imported only when chosen).
FORMATS: dict[str, str] = {
    "text": "renaksi.output.text",
    "json": "renaksi.output.json_format",
    "github": "renaksi.output.github",
}


def formatter(name: str) -> Formatter:
    """The render function of format ``name`` (one of :data:`FORMATS`)."""
    render: Formatter = import_module(FORMATS[name]).render
    return render
