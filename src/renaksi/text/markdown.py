"""Plan text inside Markdown: escaped so that it stays text.

Used by the Markdown report templates (as Jinja's ``finalize``) and the pull-request
comment of ``renaksi diff``.
"""

from __future__ import annotations

import re

#: Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) reorder the text
#: around them: typed or pasted into a plan, they could make a printed number read
#: backwards. Control characters (NUL, ESC, BEL, ...; YAML lets a quoted string spell
#: them as escapes) have no business in a printed page either. Both are shown as their
#: code point instead. Tabs and line ends stay.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def neutralize_controls(value: object) -> object:
    """Plan text with bidirectional and control characters made visible (``<U+202E>``,
    ``<U+001B>``); other values as they are."""
    if isinstance(value, str) and _HIDDEN.search(value):
        return _HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    return value


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(value: object) -> str:
    """Make plan text inert in Markdown: no emphasis, links, HTML or table breaks."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(neutralize_controls(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
