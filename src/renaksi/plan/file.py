"""Where things are: a loaded plan file and the mapping from YAML paths to line:column.

ruamel.yaml's round-trip containers remember where each key and item starts
(``.lc.key(k)``, ``.lc.value(k)``, ``.lc.item(i)``, all 0-based). Positions are looked up
only when a finding needs one, so a clean file costs nothing extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A mapping key or list index. Plan keys are text; other YAML keys (numbers, lists) can
#: still appear in a broken file and must be locatable.
Key = str | int
KeyPath = tuple[Key, ...]


def path_text(keys: Sequence[Key]) -> str:
    """Render a YAML path the way users read it: ``program[1].kegiatan[0].pagu``."""
    out = ""
    for key in keys:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            out += ("." if out else "") + str(key)
    return out


def _is_map(node: object) -> bool:
    return isinstance(node, dict) and hasattr(node, "lc")


def _is_seq(node: object) -> bool:
    return isinstance(node, list) and hasattr(node, "lc")


def _real_key(node: Any, key: object) -> tuple[bool, Any]:
    """The key of mapping ``node`` that ``key`` names, if any.

    pydantic reports keys that are not text (``1.5``, ``[a, b]``, null) by their text;
    the mapping holds the real objects.
    """
    try:
        if key in node:
            return True, key
    except TypeError:  # an unhashable key in an error location
        pass
    for real in node:
        if str(real) == str(key):
            return True, real
    return False, None


def path_to_key(root: Any, key: object) -> tuple[Any, ...] | None:
    """The path to the first mapping key equal to ``key`` anywhere below ``root``."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if _is_map(node):
            for k, v in node.items():
                if k == key:
                    return (*path, k)
                stack.append((v, (*path, k)))
        elif _is_seq(node):
            stack.extend((v, (*path, i)) for i, v in enumerate(node))
    return None


def locate(root: Any, keys: Sequence[Key], *, at_key: bool = False) -> tuple[int, int]:
    """Return the 1-based (line, column) of the value at ``keys`` below ``root``.

    With ``at_key`` the position of the last key itself is returned (for unknown keys).
    A path that leaves the data (a missing key) ends at the nearest existing parent:
    the key that holds the mapping the missing field belongs in.
    """
    if not hasattr(root, "lc"):
        return (1, 1)
    node = root
    pos = (root.lc.line, root.lc.col)
    for i, key in enumerate(keys):
        last = i == len(keys) - 1
        found, real = _real_key(node, key) if _is_map(node) else (False, None)
        if found:
            pos = node.lc.key(real) if (at_key and last) else node.lc.value(real)
            node = node[real]
        elif _is_seq(node) and isinstance(key, int) and 0 <= key < len(node):
            pos = node.lc.item(key)
            node = node[key]
        else:
            break
    return (pos[0] + 1, pos[1] + 1)


@dataclass(slots=True)
class PlanFile:
    """One plan file as read: where it is, its text, and its parsed round-trip tree."""

    path: Path
    display: str
    text: str = ""
    root: Any = None
    _lines: list[str] | None = field(default=None, repr=False)

    def position(self, keys: Sequence[Key], *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of ``keys`` in this file."""
        return locate(self.root, keys, at_key=at_key)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line``, or an empty string when out of range."""
        if self._lines is None:
            self._lines = self.text.splitlines()
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1]
        return ""
