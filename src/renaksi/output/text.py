"""``--format text``: findings grouped by file, each with the offending line and a caret.

The layout is built once as lines of styled segments. A terminal gets them coloured by
rich; a pipe, a file or ``NO_COLOR`` gets the same text plain, without loading rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from itertools import groupby

from renaksi.output.messages import message
from renaksi.output.summary import summary
from renaksi.plan.file import PlanFile
from renaksi.plan.findings import Problem, Severity
from renaksi.rules.check import CheckResult
from renaksi.text.controls import one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
#: How many related places ("lihat juga") are listed under one finding.
MAX_RELATED = 6

Segment = tuple[str, str]  # (text, rich style; "" for none)
Line = list[Segment]


def _documents(result: CheckResult) -> dict[str, PlanFile]:
    docs: dict[str, PlanFile] = {}
    for load in result.loads:
        for doc in load.plan.documents():
            docs[doc.display] = doc
    return docs


def lines(result: CheckResult, strict: bool) -> Iterator[Line]:
    """The report as lines of styled segments."""
    docs = _documents(result)
    for file, group in groupby(result.problems, key=lambda p: p.location.file):
        yield [(one_line(file), "bold underline")]
        for problem in group:
            yield from _problem_lines(problem, docs.get(file))
        yield []
    style = "bold red" if result.failed(strict=strict) else "bold green"
    yield [(summary(result, strict), style)]


#: Widest source excerpt shown under a finding; a longer line is cut around the column.
EXCERPT = 120


def excerpt(source: str, column: int) -> tuple[str, int]:
    """The part of a source line shown under a finding, and the caret's offset in it.

    A long line (a whole list written in flow style) is cut to :data:`EXCERPT` characters
    around ``column`` (0-based), marked with ``…``: the output then grows with the number
    of findings, not with findings times line length.
    """
    if len(source) <= EXCERPT:
        return source, column
    start = max(0, min(column - EXCERPT // 2, len(source) - EXCERPT))
    shown = source[start : start + EXCERPT]
    head = "…" if start > 0 else ""
    tail = "…" if start + EXCERPT < len(source) else ""
    return head + shown + tail, column - start + len(head)


def _problem_lines(problem: Problem, doc: PlanFile | None) -> Iterator[Line]:
    loc = problem.location
    where = f"{loc.line}:{loc.column}" if loc.line else "-"
    yield [
        ("  ", ""),
        (f"{where:>7}  ", "dim"),
        (f"{problem.severity.label:<10} ", _STYLE[problem.severity]),
        (f"{problem.code}  ", "bold"),
        (message(problem), ""),
        (f"  [{problem.name}]", "dim"),
    ]
    if doc is not None and loc.line:
        source = doc.line_text(loc.line).expandtabs(4).rstrip()
        if source:
            shown, at = excerpt(source, max(loc.column - 1, 0))
            gutter = f"{loc.line:>9} │ "
            yield [(gutter + one_line(shown), "dim")]
            caret = " " * (len(gutter) - 2) + "│ " + " " * at + "^"
            yield [(caret, _STYLE[problem.severity])]
    if loc.path:
        yield [(f"{'':>11}{one_line(loc.path)}", "dim")]
    for rel in problem.related[:MAX_RELATED]:
        yield [(f"{'':>11}lihat juga {one_line(str(rel))}", "dim")]
    if len(problem.related) > MAX_RELATED:
        yield [(f"{'':>11}... dan {len(problem.related) - MAX_RELATED} lagi", "dim")]


def render(result: CheckResult, strict: bool) -> str:
    """Findings grouped by file with source excerpts, then the summary."""
    if sys.stdout.isatty() and "NO_COLOR" not in os.environ:
        return _coloured(lines(result, strict))
    return "".join("".join(text for text, _ in line) + "\n" for line in lines(result, strict))


def _coloured(rendered: Iterator[Line]) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, highlight=False, soft_wrap=True)
    for line in rendered:
        text = Text()
        for segment, style in line:
            text.append(segment, style=style or None)
        console.print(text)
    return buffer.getvalue()
