"""What a rule is: a code, a readable name, a severity, its documentation and its check.

A check is a pure function from a :class:`Context` to findings. It never builds the code,
name or severity of what it reports: the registry attaches those, so a rule cannot report
under another rule's code. A rule's docstring is its user documentation
(``renaksi rules CODE`` prints it).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from renaksi.plan.file import Key, PlanFile, path_text
from renaksi.plan.findings import Location, Problem, RuleId, Severity
from renaksi.plan.folder import Plan
from renaksi.text.hints import Hints

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports: where, the message template, its arguments and related places."""

    location: Location
    message: str
    args: Mapping[str, object] = field(default_factory=dict)
    related: tuple[Location, ...] = ()


@dataclass(slots=True)
class Context:
    """What checks read: the plan, plus a way to turn a YAML path into a location, and the
    did-you-mean hints all checks of the plan share (their work is bounded together)."""

    plan: Plan
    hints: Hints = field(default_factory=Hints)
    _walks: dict[str, list[Any]] = field(default_factory=dict)

    def shared(self, name: str, walk: Callable[[Plan], Iterable[T]]) -> list[T]:
        """What ``walk`` finds in the plan, walked once for every check that asks by
        ``name`` (several rules judge the same places)."""
        if name not in self._walks:
            self._walks[name] = list(walk(self.plan))
        return self._walks[name]

    def at(self, doc: PlanFile, keys: Sequence[Key], *, at_key: bool = False) -> Location:
        """The location of ``keys`` in ``doc``."""
        line, column = doc.position(keys, at_key=at_key)
        return Location(doc.display, line, column, path_text(keys))

    def finding(
        self,
        doc: PlanFile,
        keys: Sequence[Key],
        message: str,
        *,
        related: Iterable[Location] = (),
        at_key: bool = False,
        **args: object,
    ) -> Finding:
        """A finding at ``keys`` in ``doc``."""
        return Finding(self.at(doc, keys, at_key=at_key), message, args, tuple(related))


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: its identity (code ``BG01``, name ``anggaran.jumlah-kegiatan``, severity),
    its documentation and its check.

    Rules without a check are reported by the loader (files, YAML, schema). ``aliases`` are
    names the rule was published under before; ``renaksi rules`` and ``--select`` still
    accept them.
    """

    ident: RuleId
    summary: str
    doc: str
    check: Check | None = None
    aliases: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The published code, e.g. ``BG01``."""
        return self.ident.code

    @property
    def name(self) -> str:
        """The readable name, e.g. ``anggaran.jumlah-kegiatan``."""
        return self.ident.name

    @property
    def severity(self) -> Severity:
        """How bad its findings are."""
        return self.ident.severity

    def run(self, ctx: Context) -> Iterator[Problem]:
        """Run the check and turn its findings into problems of this rule."""
        if self.check is None:
            return
        for found in self.check(ctx):
            yield self.ident.make(found.location, found.message, found.args, found.related)


def rule(
    code: str, name: str, severity: Severity, summary: str, *, aliases: tuple[str, ...] = ()
) -> Callable[[Check], Rule]:
    """Declare a checking rule; the decorated function's docstring is its documentation."""

    def wrap(check: Check) -> Rule:
        doc = inspect.cleandoc(check.__doc__ or "")
        return Rule(RuleId(code, name, severity), summary, doc, check, aliases)

    return wrap


def declare(ident: RuleId, summary: str, doc: str, check: Check | None = None) -> Rule:
    """Declare a rule that the loader reports; with ``check``, the rule also looks at the
    loaded files for what the loader cannot see."""
    return Rule(ident, summary, inspect.cleandoc(doc), check)
