"""Pick the diff formatter by name (each imported only when chosen)."""

from __future__ import annotations

from importlib import import_module

from renaksi.diff.plan import PlanDiff

FORMATS = {
    "text": "renaksi.output.diff_text",
    "md": "renaksi.output.diff_md",
    "json": "renaksi.output.diff_json",
}


def render_diff(diff: PlanDiff, name: str) -> str:
    """``diff`` in format ``name``."""
    text: str = import_module(FORMATS[name]).render(diff)
    return text
