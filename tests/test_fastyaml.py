"""The fast reader gives the same data and the same positions as the exact reader."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from renaksi.plan import fast_yaml
from renaksi.plan.load import _parser

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(ROOT.glob("plans/2024/**/*.yaml")) + sorted(ROOT.glob("tests/fixtures/**/*.yaml"))

pytestmark = pytest.mark.skipif(
    not fast_yaml.available(), reason="ruamel.yaml.clib (the C parser) is not installed"
)


def same(fast: Any, exact: Any, path: tuple[Any, ...] = ()) -> None:
    exact_lc: Any = getattr(exact, "lc", None)
    if isinstance(exact, dict):
        assert list(fast) == list(exact), path
        for key in exact:
            assert fast.lc.key(key) == exact_lc.key(key), (path, key)
            if exact[key] is None and fast.lc.value(key)[0] == fast.lc.key(key)[0]:
                # An empty value: the exact reader points at the next token, the fast one
                # at the end of the key's own line, which is the better place to show.
                pass
            else:
                assert fast.lc.value(key) == exact_lc.value(key), (path, key)
            same(fast[key], exact[key], (*path, key))
    elif isinstance(exact, list):
        assert len(fast) == len(exact), path
        for i, (a, b) in enumerate(zip(fast, exact, strict=True)):
            assert fast.lc.item(i) == exact_lc.item(i), (path, i)
            same(a, b, (*path, i))
    elif isinstance(exact, float) and math.isnan(exact):
        assert math.isnan(fast), path
    else:
        assert fast == exact, path
        assert type(fast).__name__ == type(exact).__name__ or type(exact).__module__.startswith(
            "ruamel"
        ), (path, type(fast), type(exact))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files_read_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    same(fast_yaml.load(text), _parser().load(text))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 5\n",
        "a:\n  <<: {b: 1}\n",
        "%YAML 1.1\n---\na: yes\n",
        "a: 1\na: 2\n",
        "? [a, b]\n: 1\n",
        "a: [1, 2\n",
        "a: " + "[" * 40 + "]" * 40 + "\n",
    ],
    ids=["alias", "tag", "merge", "directive", "duplicate", "list-key", "syntax", "deep"],
)
def test_unusual_files_go_to_the_exact_reader(text: str) -> None:
    with pytest.raises(fast_yaml.NeedsExactReaderError):
        fast_yaml.load(text)


@pytest.mark.parametrize(
    "text",
    [
        "# c\r%YAML 1.1\r---\ra: yes\r",
        "x:\x85- 1\x85y: 2\x85",
        "x:\u2028- 1\u2028y: 2\u2028",
        "x:\u2029- 1\u2029y: 2\u2029",
    ],
    ids=["bare-cr", "nel", "line-separator", "paragraph-separator"],
)
def test_other_line_breaks_go_to_the_exact_reader(text: str) -> None:
    # The scans for marks at a line start see only LF; and libyaml takes NEL and the
    # separators for line breaks where the exact reader (YAML 1.2) reads them as text.
    with pytest.raises(fast_yaml.NeedsExactReaderError):
        fast_yaml.load(text)


def test_yaml_1_2_values() -> None:
    data = fast_yaml.load("a: no\nb: 08\nc: 2_718_270_000\nd: 0x1F\ne: 2024-01-02\nf: ~\n")
    assert data == {"a": "no", "b": 8, "c": 2718270000, "d": 31, "e": "2024-01-02", "f": None}
    assert type(data["d"]).__name__ == "HexInt"


_scalars = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
)
_keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
_trees = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(tree=st.dictionaries(_keys, _trees, min_size=1, max_size=5), flow=st.booleans())
def test_random_documents_read_the_same(tree: dict[str, Any], flow: bool) -> None:
    import io

    out = io.StringIO()
    writer = YAML()
    writer.default_flow_style = flow
    writer.dump(tree, out)
    text = out.getvalue()
    try:
        fast = fast_yaml.load(text)
    except fast_yaml.NeedsExactReaderError:
        return  # the exact reader handles it; nothing to compare
    same(fast, _parser().load(text))
