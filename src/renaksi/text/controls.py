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
"""

from __future__ import annotations

import re
from collections.abc import Callable

HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _codepoint(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def _escape(match: re.Match[str]) -> str:
    point = ord(match.group())
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
