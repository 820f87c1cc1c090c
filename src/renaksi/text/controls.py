"""Characters that must never act, only show: one definition for every output.

Control characters (NUL, ESC, BEL, CR, ...; YAML lets a quoted string spell them as
escapes) could retitle a terminal, clear the screen or overwrite a line in a CI log, and
have no business on a printed page. Bidirectional controls (embeddings, overrides,
isolates, and the LRM / RLM / ALM marks) reorder the text around them: typed or pasted into
a plan, they could make a printed number read backwards. Tab and line feed stay: they are
ordinary layout. A carriage return (alone or before a line feed) is a line end as Windows
and old Macs write it, so it becomes a line feed: it then breaks a line as the writer
meant, and can never send a terminal back to overwrite one.

Documents (Markdown, HTML) show such a character as ``<U+202E>``; a terminal or CI log
shows the C0 and C1 ones as the familiar ``\\x1b``.

Text that must stay on its line (a finding's message, a file name, a line of ``renaksi
diff``, a message on stderr) shows line breaks too: a plan value spelling ``"\\n::error
file=..."`` or ``"\\nRencana sah."`` would otherwise start a line of its own, a GitHub
workflow command in CI or a forged verdict. Every character that some reader breaks a line
at counts: LF and CR (``\\n``, ``\\r``), the Unicode line and paragraph separators
(``<U+2028>``, ``<U+2029>``), and NEL, VT, FF and the C0 separators, which are controls
already.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
HIDDEN = re.compile(f"[{_CONTROLS}]")
#: :data:`HIDDEN` (which has CR, VT, FF, NEL) and the line breaks it leaves as layout.
BREAKING = re.compile(f"[{_CONTROLS}\n\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _codepoint(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    point = ord(char)
    return f"\\x{point:02x}" if point < 256 else f"<U+{point:04X}>"


def _reveal(text: str, spell: Callable[[re.Match[str]], str]) -> str:
    if HIDDEN.search(text) is None:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return HIDDEN.sub(spell, text)


def show_controls(value: object) -> object:
    """Plan text for a document, with control and bidirectional characters spelled out
    (``<U+202E>``, ``<U+001B>``); other values as they are."""
    return _reveal(value, _codepoint) if isinstance(value, str) else value


def visible(text: str) -> str:
    """Text safe to print to a terminal or a CI log: control characters are shown as
    ``\\x1b``-style escapes (bidirectional ones as ``<U+202E>``) instead of being obeyed."""
    return _reveal(text, _escape)


def one_line(text: str) -> str:
    """:func:`visible` for text that must stay on its line: line breaks are shown too
    (``\\n``, ``\\r``, ``<U+2028>``), so a plan value can never start a line of output."""
    if BREAKING.search(text) is None:
        return text
    return BREAKING.sub(_escape, text)
