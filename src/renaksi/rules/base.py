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
from types import MappingProxyType
from typing import Any, TypeVar, cast

from renaksi.plan.file import Key, PlanFile, path_text
from renaksi.plan.findings import Location, Problem, RuleId, Severity
from renaksi.plan.folder import BidangEntry, Plan
from renaksi.plan.model import BudgetUnit, Indikator, Kegiatan, Program, RencanaUnit
from renaksi.rules import walk
from renaksi.rules.walk import Placed
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
    _walks: dict[str, Any] = field(default_factory=dict)

    def shared(self, name: str, walk: Callable[[Plan], Iterable[T]]) -> Sequence[T]:
        """What ``walk`` finds in the plan, walked once for every check that asks by
        ``name`` (several rules judge the same places). A tuple, so that no check can
        change what the next one reads."""
        found = self._walks.get(name)
        if found is None:
            found = self._walks[name] = tuple(walk(self.plan))
        return cast("tuple[T, ...]", found)

    def once(self, name: str, make: Callable[[], T]) -> T:
        """What ``make`` returns, made once for every check that asks by ``name``: an index
        several checks look things up in. The checks only read it."""
        if name not in self._walks:
            self._walks[name] = make()
        return cast(T, self._walks[name])

    # The ways through the plan that many rules take (units alone by a dozen), each walked
    # once per plan: the plan does not change while it is checked.

    def pk_units(self) -> Sequence[BudgetUnit]:
        """Each budgeted unit of the PK (``PerjanjianKinerjaFile.units``), if it loaded."""
        return self.once("pk_units", lambda: tuple(self.plan.pk.units()) if self.plan.pk else ())

    def units(self) -> Sequence[Placed[BudgetUnit]]:
        """:func:`walk.units`: each budgeted unit of the PK, with its file."""
        return self.once("units", self._placed_units)

    def _placed_units(self) -> tuple[Placed[BudgetUnit], ...]:
        doc = self.plan.pk_doc
        return () if doc is None else tuple(Placed(doc, u.path, u) for u in self.pk_units())

    def unit_index(self) -> Mapping[str, BudgetUnit]:
        """Each budgeted unit by id, the first of a duplicate id winning, as
        ``PerjanjianKinerjaFile.unit_index`` (empty without a PK)."""
        return self.once("unit_index", self._index_units)

    def _index_units(self) -> Mapping[str, BudgetUnit]:
        index: dict[str, BudgetUnit] = {}
        for unit in self.pk_units():
            index.setdefault(unit.id, unit)
        return MappingProxyType(index)

    def programs(self) -> Sequence[Placed[Program]]:
        """:func:`walk.pk_programs`: each program of the PK."""
        return self.shared("programs", walk.pk_programs)

    def kegiatan(self) -> Sequence[Placed[Kegiatan]]:
        """:func:`walk.pk_kegiatan`: each kegiatan of the PK."""
        return self.shared("kegiatan", walk.pk_kegiatan)

    def rencana(self) -> Sequence[tuple[BidangEntry, Placed[RencanaUnit]]]:
        """:func:`walk.rencana`: each action plan across bidang files."""
        return self.shared("rencana", walk.rencana)

    def planned(self) -> Sequence[tuple[BidangEntry, Placed[RencanaUnit], str, str]]:
        """Each action plan with the key and the id it names its unit with
        (``RencanaUnit.unit_key``, ``.unit``), read once for the rules that match them."""
        return self.once(
            "planned",
            lambda: tuple((e, r, r.item.unit_key, r.item.unit) for e, r in self.rencana()),
        )

    def placed_by_id(self) -> Mapping[str, Placed[BudgetUnit]]:
        """Each budgeted unit with its file by id; unlike :meth:`unit_index`, the last of a
        duplicate id wins (RF01 reports the duplicate)."""
        return self.once(
            "placed_by_id", lambda: MappingProxyType({u.item.id: u for u in self.units()})
        )

    def indikator(self) -> Sequence[Placed[Indikator]]:
        """:func:`walk.indikator`: every indicator with quarterly targets."""
        return self.shared("indikator", walk.indikator)

    def at(self, doc: PlanFile, keys: Sequence[Key], *, at_key: bool = False) -> Location:
        """The location of ``keys`` in ``doc``."""
        line, column = doc.position(keys, at_key=True) if at_key else place(doc, keys)
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


def place(doc: PlanFile, path: Sequence[Key]) -> tuple[int, int]:
    """``doc.position(path)``, found with one step down per key and the place read only
    where the path ends (the tree's places cost most: a finding's path, or a number's, leads
    to a value). A path that does not lead to a value is left to ``doc.position``."""
    node = doc.root
    last = len(path) - 1
    for i, key in enumerate(path):
        if isinstance(node, dict) and hasattr(node, "lc") and _has(node, key):
            if i == last:
                line, column = node.lc.value(key)
                return line + 1, column + 1
            node = node[key]
        elif isinstance(node, list) and hasattr(node, "lc") and isinstance(key, int):
            if not 0 <= key < len(node):
                break
            if i == last:
                line, column = node.lc.item(key)
                return line + 1, column + 1
            node = node[key]
        else:
            break
    return doc.position(path)


def _has(mapping: dict[object, object], key: object) -> bool:
    try:
        return key in mapping
    except TypeError:  # unhashable: never the key itself
        return False


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
