"""``--format github``: GitHub Actions workflow commands, one per finding.

``::error file=F,line=L,col=C,title=T::message`` makes GitHub annotate the line in a pull
request. Values are escaped as the runner expects (``%``, CR and LF everywhere; ``:`` and
``,`` inside properties too).
"""

from __future__ import annotations

from renaksi.output.messages import message
from renaksi.output.summary import summary
from renaksi.plan.findings import Severity
from renaksi.rules.check import CheckResult
from renaksi.text.controls import one_line


def escape_data(text: str) -> str:
    """Escape a command's message.

    The runner's own escapes (``%0A``) only keep a break from ending the command; GitHub
    still shows it as a line break in the annotation. Plan text has been made one line
    before (``\\n`` shown), so this only guards renaksi's own text.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title)."""
    return escape_data(one_line(text)).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, strict: bool) -> str:
    """One workflow command per problem, then the plain summary line."""
    lines = []
    # GitHub shows only the first few annotations of each kind per step: errors first.
    for p in sorted(result.problems, key=lambda p: p.severity is not Severity.ERROR):
        command = "error" if p.severity is Severity.ERROR or strict else "warning"
        props = [f"file={escape_property(p.location.file)}"]
        if p.location.line > 0:
            props += [f"line={p.location.line}", f"col={p.location.column}"]
        props.append(f"title={escape_property(f'{p.code} {p.name}')}")
        lines.append(f"::{command} {','.join(props)}::{escape_data(message(p))}")
    lines.append(summary(result, strict))
    return "\n".join(lines) + "\n"
