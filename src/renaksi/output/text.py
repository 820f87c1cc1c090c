"""``--format text``: findings grouped by file, each with the offending line and a caret.

Built with rich, so a terminal gets colour; a pipe or a file gets plain text. This module
is imported only when the text format is chosen, so rich is not loaded otherwise.
"""

from __future__ import annotations

import io
import os
import sys
from itertools import groupby

from rich.console import Console
from rich.text import Text

from renaksi.check import CheckResult
from renaksi.output.summary import summary
from renaksi.output.words import message
from renaksi.problems import Problem, Severity
from renaksi.sources import Document

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
#: How many related places ("lihat juga") are listed under one finding.
MAX_RELATED = 6


def _documents(result: CheckResult) -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for load in result.loads:
        plan = load.plan
        for doc in (plan.instansi_doc, plan.pk_doc, *(b.doc for b in plan.bidang)):
            if doc is not None:
                docs[doc.display] = doc
    return docs


def render(result: CheckResult, strict: bool) -> str:
    """Findings grouped by file with source excerpts, then the summary."""
    buffer = io.StringIO()
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=True,
        width=120,
    )
    docs = _documents(result)
    for file, group in groupby(result.problems, key=lambda p: p.location.file):
        console.print(Text(file, style="bold underline"))
        for problem in group:
            _print_problem(console, problem, docs.get(file))
        console.print()
    style = "bold red" if result.failed(strict=strict) else "bold green"
    console.print(Text(summary(result, strict), style=style))
    return buffer.getvalue()


def _print_problem(console: Console, problem: Problem, doc: Document | None) -> None:
    loc = problem.location
    where = f"{loc.line}:{loc.column}" if loc.line else "-"
    line = Text("  ")
    line.append(f"{where:>7}  ", style="dim")
    line.append(f"{problem.severity.label:<10} ", style=_STYLE[problem.severity])
    line.append(f"{problem.code}  ", style="bold")
    line.append(message(problem))
    line.append(f"  [{problem.name}]", style="dim")
    console.print(line)
    if doc is not None and loc.line:
        source = doc.line_text(loc.line).expandtabs(4).rstrip()
        if source:
            gutter = f"{loc.line:>9} │ "
            console.print(Text(gutter + source, style="dim"))
            caret = " " * (len(gutter) - 2) + "│ " + " " * max(loc.column - 1, 0) + "^"
            console.print(Text(caret, style=_STYLE[problem.severity]))
    if loc.path:
        console.print(Text(f"{'':>11}{loc.path}", style="dim"))
    for rel in problem.related[:MAX_RELATED]:
        console.print(Text(f"{'':>11}lihat juga {rel}", style="dim"))
    if len(problem.related) > MAX_RELATED:
        console.print(
            Text(f"{'':>11}... dan {len(problem.related) - MAX_RELATED} lagi", style="dim")
        )
