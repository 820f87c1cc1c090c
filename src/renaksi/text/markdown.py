"""Plan text inside Markdown: escaped so that it stays text.

Used by the Markdown report templates (as Jinja's ``finalize``) and the pull-request
comment of ``renaksi diff``.
"""

from __future__ import annotations

import re

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
