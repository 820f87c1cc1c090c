"""Findings as data: a severity, a location in a plan file, and the problem itself.

A :class:`Problem` carries a message *template* and its arguments, not finished text:
the words and the Indonesian number formats are chosen by the formatter that prints it
(see :mod:`renaksi.output`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType


class Severity(enum.Enum):
    """How bad a finding is. Errors fail ``validate``; warnings fail it only with --strict."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The Indonesian word printed for the severity."""
        return "galat" if self is Severity.ERROR else "peringatan"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a plan file: 1-based line and column, plus the YAML path to the value.

    ``line == 0`` means the file as a whole (a missing file, an empty file).
    """

    file: str
    line: int = 0
    column: int = 0
    path: str = ""

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


_EMPTY: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: which rule, how severe, where, and what (as a template and arguments)."""

    code: str
    name: str
    severity: Severity
    location: Location
    message: str
    args: Mapping[str, object] = field(default_factory=lambda: _EMPTY, compare=False)
    related: tuple[Location, ...] = ()

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order findings by file, then position, then code."""
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)


@dataclass(frozen=True, slots=True)
class RuleId:
    """Who reports a finding: a rule's code (``BG01``), readable name
    (``anggaran.jumlah-kegiatan``) and severity. Problems are made from it, so a finding
    always carries the code, name and severity of one declared rule."""

    code: str
    name: str
    severity: Severity

    def problem(
        self,
        location: Location,
        message: str,
        *,
        related: Sequence[Location] = (),
        **args: object,
    ) -> Problem:
        """A :class:`Problem` of this rule."""
        return self.make(location, message, args, related)

    def make(
        self,
        location: Location,
        message: str,
        args: Mapping[str, object],
        related: Sequence[Location] = (),
    ) -> Problem:
        """A :class:`Problem` of this rule from an argument mapping."""
        return Problem(self.code, self.name, self.severity, location, message, args, tuple(related))


def tally(problems: list[Problem] | tuple[Problem, ...]) -> tuple[int, int]:
    """Return (errors, warnings) among ``problems``."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    return errors, len(problems) - errors
