"""Plan text inside Markdown: escaped so that it stays text.

Used by the Markdown report templates (as Jinja's ``finalize``) and the pull-request
comment of ``renaksi diff``. Narrative chapters are Markdown themselves: they keep their
formatting, but raw HTML in them shows as text (:func:`inert_html`), as in the HTML report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from renaksi.text.controls import show_controls

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(value: object) -> str:
    """Make plan text inert in Markdown: no emphasis, links, HTML or table breaks."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(show_controls(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


#: What could start raw HTML (any ``<``), except an http(s) or mailto autolink, which never
#: can: its scheme is followed by ``:``, which no tag name is.
_RAW_HTML = re.compile(r"<(?:https?|mailto):[^\x00-\x20<>]*>|<", re.IGNORECASE)


def _inert(match: re.Match[str]) -> str:
    return "&lt;" if match.group() == "<" else match.group()


def inert_html(source: str, code_lines: Callable[[str], Iterable[int]]) -> str:
    """Narrative Markdown whose raw HTML shows as text, as the HTML report shows it
    (rendered with markdown-it ``html=False``); emphasis, lists, links, code stay Markdown.

    Every ``<`` outside code becomes ``&lt;``: then no HTML block or tag can start anywhere,
    whatever a renderer makes of code spans across lines or table cells. Inside code a
    ``&lt;`` would show literally, so the lines that ``code_lines`` names (0-based, given
    the escaped text, whose block structure is the one a reader's renderer sees) get their
    ``<`` back. Inline code keeps ``&lt;``: deciding where a code span ends would need the
    whole inline grammar, and a rare ``&lt;`` in inline code is the safe mistake.
    """
    text = str(show_controls(source))
    escaped = _RAW_HTML.sub(_inert, text)
    if escaped == text:
        return text
    # Escaping never adds or removes a line break: line i is line i in both.
    lines, originals = escaped.split("\n"), text.split("\n")
    for index in code_lines(escaped):
        lines[index] = originals[index]
    return "\n".join(lines)
