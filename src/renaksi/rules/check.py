"""Validate plan folders: load, run every rule, filter, sort. Pure: no printing, no exit.

The result carries all problems as data; :mod:`renaksi.output` decides how they look and
the CLI decides the exit code.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from renaksi.plan.file import PlanFile
from renaksi.plan.findings import Problem, Severity, tally
from renaksi.plan.folder import BidangEntry, Plan, RealisasiEntry
from renaksi.plan.load import MAX_BYTES, MAX_PLAN_BYTES, LoadResult, load_plan
from renaksi.plan.perubahan import apply
from renaksi.plan.previous import previous_year
from renaksi.rules.base import Context
from renaksi.rules.registry import CHECK_RULES, LOAD_RULES, find


@dataclass(slots=True)
class CheckResult:
    """Everything ``validate`` found in one or more plan folders."""

    loads: list[LoadResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def files(self) -> int:
        """How many plan files were read."""
        return sum(load.files for load in self.loads)

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return tally(self.problems)[0]

    @property
    def warnings(self) -> int:
        """How many problems are warnings."""
        return tally(self.problems)[1]

    def failed(self, *, strict: bool = False) -> bool:
        """True when the plan is not valid (any error; any warning too with ``strict``)."""
        return any(p.severity is Severity.ERROR or strict for p in self.problems)


_LOAD_CODES = frozenset(r.code for r in LOAD_RULES)


class UnknownRuleError(ValueError):
    """A --select/--ignore entry that names no rule."""


def _codes(entries: Collection[str]) -> set[str]:
    """Expand codes, names and code prefixes (``BG`` = every budget rule) to codes."""
    from renaksi.rules.registry import ALL_RULES

    out: set[str] = set()
    for entry in entries:
        rule = find(entry)
        if rule is not None:
            out.add(rule.code)
            continue
        prefix = [r.code for r in ALL_RULES if r.code.startswith(entry.upper())]
        if not prefix:
            raise UnknownRuleError(entry)
        out.update(prefix)
    return out


def _kept(problem: Problem, chosen: set[str] | None, dropped: set[str]) -> bool:
    # A file that could not be read or did not match its schema is never hidden: without
    # it the rest of the check is incomplete, and "valid" would be a lie.
    if problem.code in _LOAD_CODES and problem.severity is Severity.ERROR:
        return True
    return (chosen is None or problem.code in chosen) and problem.code not in dropped


def _slim(loaded: LoadResult, problems: Sequence[Problem]) -> LoadResult:
    """The same plan with only what the output of ``problems`` needs: the text of files
    that have findings, each in its own place. Trees and models are dropped."""
    files = {p.location.file for p in problems}
    plan = loaded.plan

    def kept(doc: PlanFile | None) -> PlanFile | None:
        if doc is None or doc.display not in files:
            return None
        return PlanFile(doc.path, doc.display, doc.text)

    slim = Plan(
        folder=plan.folder,
        display=plan.display,
        instansi_doc=kept(plan.instansi_doc),
        pk_doc=kept(plan.pk_doc),
        perubahan_doc=kept(plan.perubahan_doc),
    )
    for entry in plan.bidang:
        doc = kept(entry.doc)
        if doc is not None:
            slim.bidang.append(BidangEntry(entry.slug, doc, None))
    for real in plan.realisasi:
        doc = kept(real.doc)
        if doc is not None:
            slim.realisasi.append(RealisasiEntry(real.period, doc, None))
    return LoadResult(slim, [], loaded.files)


def check_plan(
    folder: Path,
    *,
    max_bytes: int = MAX_BYTES,
    max_plan_bytes: int = MAX_PLAN_BYTES,
    realisasi: Path | None = None,
    perubahan: Path | None = None,
) -> tuple[LoadResult, list[Problem]]:
    """Load one plan folder and return it with all its problems (unfiltered, unsorted)."""
    loaded = load_plan(
        folder,
        max_bytes=max_bytes,
        max_plan_bytes=max_plan_bytes,
        realisasi=realisasi,
        perubahan=perubahan,
    )
    loaded.plan.previous = previous_year(folder, max_bytes)
    return loaded, check_loaded(loaded)


def check_loaded(loaded: LoadResult) -> list[Problem]:
    """All problems of a loaded plan: those found while loading, then every rule's, sorted.

    The rules also check files whose only schema errors are misspelt keys, read as
    suggested; what they find where those keys are is left out (LoadResult.hides)."""
    ctx = Context(loaded.checked_plan())
    problems = list(loaded.problems)
    for rule in CHECK_RULES:
        problems.extend(p for p in rule.run(ctx) if not loaded.hides(p))
    problems.extend(_perubahan_problems(loaded, ctx.plan, problems))
    return sorted(problems, key=Problem.sort_key)


def _identity(problem: Problem) -> tuple[object, ...]:
    """What makes two findings the same finding, arguments included."""
    args = repr(sorted(problem.args.items()))
    return (problem.code, problem.location, problem.message, args)


def _perubahan_problems(loaded: LoadResult, plan: Plan, murni: list[Problem]) -> list[Problem]:
    """The Perubahan version checked as a whole plan: what every rule finds in it that it
    does not find in the murni plan, said to be of the Perubahan (at the murni value it
    concerns: the Perubahan version has no text of its own)."""
    changed = apply(plan)
    if changed is None:
        return []
    said = {_identity(p) for p in murni}
    ctx = Context(changed)
    out = []
    for rule in CHECK_RULES:
        if rule.code.startswith("PR"):
            continue
        for p in rule.run(ctx):
            if (
                loaded.hides(p)
                or (p.code, p.location, p.message, repr(sorted(p.args.items()))) in said
            ):
                continue
            out.append(replace(p, message="versi perubahan: " + p.message))
    return out


def validate(
    folders: Sequence[Path],
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    max_bytes: int = MAX_BYTES,
    max_plan_bytes: int = MAX_PLAN_BYTES,
    keep_plans: bool = True,
    realisasi: Path | None = None,
    perubahan: Path | None = None,
) -> CheckResult:
    """Validate plan folders. Raises PlanIOError (unreadable) or UnknownRuleError.

    With ``keep_plans=False`` each plan is let go once checked, keeping only the text of
    files that have findings (for excerpts): memory then stays that of one plan however
    many folders are checked. ``realisasi`` reads the quarterly realisasi files from that
    folder instead of each plan's own ``realisasi/`` (one plan folder only); ``perubahan``
    the Perubahan from that file instead of the plan's own ``perubahan.yaml``.
    """
    chosen = _codes(select) if select else None
    dropped = _codes(ignore)
    result = CheckResult()
    for folder in folders:
        loaded, problems = check_plan(
            folder,
            max_bytes=max_bytes,
            max_plan_bytes=max_plan_bytes,
            realisasi=realisasi,
            perubahan=perubahan,
        )
        kept = [p for p in problems if _kept(p, chosen, dropped)]
        result.loads.append(loaded if keep_plans else _slim(loaded, kept))
        result.problems.extend(kept)
    result.problems.sort(key=Problem.sort_key)
    return result
