"""SC08 and SC09 find the text of every YAML number by its place (issue 16: with one step
down per key instead of :func:`renaksi.plan.file.locate`'s place at every step). The place is
:meth:`PlanFile.position`'s for any path, in either reader's tree: held to it here on random
paths through the plan files of the repository, paths that leave the tree included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renaksi.plan import fast_yaml
from renaksi.plan.file import Key, KeyPath, PlanFile
from renaksi.plan.load import _parser
from renaksi.rules.base import place as value_place

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(ROOT.glob("plans/2024/**/*.yaml")) + sorted(ROOT.glob("tests/fixtures/**/*.yaml"))


def _trees(path: Path) -> list[PlanFile]:
    text = path.read_text(encoding="utf-8-sig")
    trees = [_parser().load(text)]
    if fast_yaml.available():
        trees.append(fast_yaml.load(text))
    return [PlanFile(path, path.name, text, root) for root in trees]


def _paths(node: Any, path: KeyPath = ()) -> list[KeyPath]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*path, i))
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_place_in_a_file_is_its_position(path: Path) -> None:
    for doc in _trees(path):
        for keys in _paths(doc.root):
            assert value_place(doc, keys) == doc.position(keys), keys


_ODD_KEYS: list[Key] = [-1, 0, 1, 3, 99, "id", "pagu", "tidak_ada", "0"]


@settings(max_examples=200, deadline=None)
@given(data=st.data(), path=st.sampled_from(FILES))
def test_a_path_that_leaves_the_tree_is_placed_like_position(
    data: st.DataObject, path: Path
) -> None:
    for doc in _trees(path):
        keys = data.draw(st.sampled_from(_paths(doc.root)))
        cut = data.draw(st.integers(0, len(keys)))
        tail = data.draw(st.lists(st.sampled_from(_ODD_KEYS), max_size=3))
        odd = (*keys[:cut], *tail)
        assert value_place(doc, odd) == doc.position(odd), odd
