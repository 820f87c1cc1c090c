"""Plan text inside Markdown: escaped so that it stays text.

Used by the Markdown report templates (as Jinja's ``finalize``) and the pull-request
comment of ``renaksi diff``.
"""

from __future__ import annotations

import re

#: Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) reorder the text
#: around them: typed or pasted into a plan, they could make a printed number read
#: backwards. They are shown as their code point instead.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralize_bidi(value: object) -> object:
    """Plan text with bidirectional controls made visible (``<U+202E>``); others as they are."""
    if isinstance(value, str) and _BIDI.search(value):
        return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    return value


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(value: object) -> str:
    """Make plan text inert in Markdown: no emphasis, links, HTML or table breaks."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(neutralize_bidi(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
