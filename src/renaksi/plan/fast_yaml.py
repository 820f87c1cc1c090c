"""The fast way to read an ordinary plan file: libyaml's C composer, positions kept.

ruamel.yaml's round-trip reader (pure Python) is exact and gives the best messages, but it
is several times slower than composing with the C parser of ``ruamel.yaml.clib``. For a
file that uses nothing unusual, the C composer builds the node tree, and
:func:`positioned_tree` turns it into dicts and lists that remember where each key and item
starts, in the same ``.lc`` shape the round-trip containers have, so every finding is located
the same way.

Anything unusual goes back to the exact reader: text that may hold anchors, aliases,
tags, merge keys or directives (a conservative scan), very deep nesting, duplicate keys,
non-text keys, and any syntax error. YAML 1.2 resolution is kept (``no`` is text, ``08``
is eight); dates stay text, as on the exact path.

The exact reader is the reference: whichever reader reads a file, its findings and model
must be the same, or adding an unrelated comment would change a verdict. libyaml reads
some text differently (it is a YAML 1.1 reader), so such text goes to the exact reader
too: tabs, line breaks other than LF and CR LF, a byte order mark after the start, a
document end marker, and the block scalar and empty value cases named below.
tests/test_fastyaml.py holds both readers to the same tree, positions included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from renaksi.plan.line_yaml import load as line_load
from renaksi.plan.yaml_tree import (
    _MAP,
    _SEQ,
    _STR,
    MAX_DEPTH,
    NeedsExactReaderError,
    PosDict,
    PosList,
    plain_tag,
    typed,
)

#: The error stays importable from here, where the readers' callers have always found it.
__all__ = ["NeedsExactReaderError", "available", "composed", "eligible", "load"]

_MARKS = re.compile(
    r"""(?:^|[\s\[\{,:])[&*!][^\s]"""  # an anchor, alias or tag
    r"""|(?:^|[\s\{,])<<\s*:"""  # a merge key
    r"""|^%""",  # a directive
    re.MULTILINE,
)
#: An explicit key (``? a``): without its ``:`` at the end of a file without a final line
#: break, the two readers place the empty value differently.
_EXPLICIT_KEY = re.compile(r"(?:^|[\s\[\{,])\?(?:[ \r\n]|$)", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")
_DEEP_DASHES = re.compile(r"(?:-[ \t]+){20,}")
_DEEP_BLOCK = re.compile(r"^[ \t]{120,}\S", re.MULTILINE)
#: Characters the two readers read differently. libyaml (YAML 1.1) takes NEL, U+2028 and
#: U+2029 as line breaks, the exact reader (YAML 1.2) as text; libyaml allows tabs where the
#: exact reader refuses them; and libyaml skips a byte order mark at the start of any line.
_READERS_DISAGREE = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")


class _Lines:
    """Where a container's keys and values (or items) start: 0-based (line, column).

    Read from the composed nodes when a finding asks (most files have none), so the nodes
    are kept as long as the container: a key's or item's place costs nothing until then.
    """

    __slots__ = ("_node", "_pairs")

    def __init__(self, node: Any) -> None:
        self._node = node
        self._pairs: dict[Any, tuple[Any, Any]] | None = None

    @property
    def line(self) -> int:
        return int(self._node.start_mark.line)

    @property
    def col(self) -> int:
        return int(self._node.start_mark.column)

    def _pair(self, key: Any) -> tuple[Any, Any]:
        # A mapping's keys are text scalars read as written (see _TreeReader._mapping).
        if self._pairs is None:
            self._pairs = {k.value: (k, v) for k, v in self._node.value}
        return self._pairs[key]

    def key(self, key: Any) -> tuple[int, int]:
        return _at(self._pair(key)[0])

    def value(self, key: Any) -> tuple[int, int]:
        return _at(self._pair(key)[1])

    def item(self, index: int) -> tuple[int, int]:
        return _at(self._node.value[index])


def _at(node: Any) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line, mark.column)


def eligible(text: str) -> bool:
    """True when nothing in ``text`` needs the exact reader (a conservative scan).

    Plain substring tests first: most plan files contain none of the marks at all.
    """
    if any(char in text for char in _READERS_DISAGREE):
        return False
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        # A bare CR ends a line for both readers, but not for the ``^`` of the scans
        # below: a directive or deep indentation after one would go unseen.
        return False
    if text.startswith("...") or "\n..." in text:
        return False  # a document end: the exact reader refuses a second one right after
    if _block_header_differs(text):
        return False
    if "?" in text and _EXPLICIT_KEY.search(text):
        return False
    marked = any(mark in text for mark in "&*!<") or text.startswith("%") or "\n%" in text
    if marked and _MARKS.search(text):
        return False
    if text.count("[") + text.count("{") >= 20 and _flow_depth(text) >= 20:
        return False
    if "- - " in text and _DEEP_DASHES.search(text):
        return False
    return not (" " * 120 in text or "\t" in text) or _DEEP_BLOCK.search(text) is None


def _block_header_differs(text: str) -> bool:
    """Whether a block scalar header (``|``, ``>-``...) may be one the exact reader refuses
    and libyaml reads: one whose first line holds only spaces (the exact reader then
    refuses a deeper line after it, "more indented follow up line"), or one that runs
    into a comment (``>#``). Any ``|`` or ``>`` counts as a header: on the safe side.

    A loop over the few ``|`` and ``>`` of a file: a regular expression that looks for
    them took several times longer than this whole check on a real plan.
    """
    for indicator in "|>":
        at = text.find(indicator)
        while at >= 0:
            end = text.find("\n", at)
            if end < 0:
                end = len(text)
            if text[at + 1 : end].lstrip("-+0123456789").startswith("#"):
                return True
            following = text.find("\n", end + 1)
            if (
                following > end + 1
                and text[end + 1] == " "
                and not text[end + 1 : following].rstrip("\r").strip(" ")
            ):
                return True
            at = text.find(indicator, at + 1)
    return False


def _flow_depth(text: str) -> int:
    """The deepest bracket nesting (over-counting brackets inside quotes: on the safe
    side, since deep files go to the exact reader)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


def _resolver12() -> Any:
    """The resolver of the fast reader's loader (see ``Resolver12``)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    tags: dict[str, Any] = {}

    class Resolver12(VersionedResolver):
        """YAML 1.2 resolution, memoised (:func:`plain_tag`): ruamel looks up the
        document's version for every scalar, which was most of the C composer's time.
        Files with a %YAML directive never come here, so the version is always 1.2."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                if self.yaml_path_resolvers:  # none in a safe loader; ruamel's then
                    return super().resolve(kind, value, implicit)
                suffix = plain_tag(value)
                tag = tags.get(suffix)
                if tag is None:
                    tag = tags[suffix] = Tag(suffix=suffix)
                return tag
            if kind is MappingNode and not self.yaml_path_resolvers:
                return self.DEFAULT_MAPPING_TAG
            if kind is SequenceNode and not self.yaml_path_resolvers:
                return self.DEFAULT_SEQUENCE_TAG
            return super().resolve(kind, value, implicit)

    return Resolver12


@cache
def _composer() -> Any:
    """The loader class that composes with libyaml, or None without the C extension.

    ruamel's ``YAML.compose`` defines a new loader class for every call and its loader
    refers to itself (``_parser``, ``_composer``, ``loader``, ``loadumper``): with the
    cyclic collector off, as in the CLI, each file's loader and its libyaml parser
    (~64 KB) were never freed. One class is made here, and :func:`_compose` clears each
    loader after use, so reference counting frees it at once.
    """
    from ruamel.yaml import YAML

    resolver12 = _resolver12()
    yaml = YAML(typ="safe", pure=False)
    parser, constructor = yaml.Parser, yaml.Constructor
    if "clib" not in type(parser).__module__ and "CParser" not in str(parser):
        return None

    class Loader(parser, constructor, resolver12):  # type: ignore[misc,valid-type]
        """What ``YAML(typ="safe", pure=False).compose`` builds per call, built once."""

        def __init__(self, stream: str) -> None:
            parser.__init__(self, stream)
            self._parser = self._composer = self
            constructor.__init__(self, loader=self)
            self.allow_duplicate_keys = False
            resolver12.__init__(self, version=None, loadumper=self)

    return Loader


def _compose(loader_class: Any, text: str) -> Any:
    """The node tree of ``text``; the loader is freed on return (see :func:`_composer`)."""
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
        loader.__dict__.clear()  # its references to itself


def available() -> bool:
    """Whether the C parser is installed."""
    try:
        return _composer() is not None
    except Exception:  # a broken optional extension is simply not used
        return False


def _scalar(node: Any) -> Any:
    return typed(_suffix(node), node.value)


def _suffix(node: Any) -> Any:
    # The resolver's tags have no handle, so the suffix is the whole tag; reading it
    # directly skips ruamel's str() of the Tag object, which dominated the build.
    tag = node.ctag
    return tag.suffix if tag is not None and tag.handle is None else str(tag)


def positioned_tree(root: Any) -> Any:
    """Plain containers that know their positions (:class:`PosDict`, :class:`PosList`),
    and scalars, from a composed node tree."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    return _TreeReader(MappingNode, SequenceNode, ScalarNode).value(root)


class _TreeReader:
    """One tree's conversion: the nodes already seen (an alias reuses a node) and the
    depth so far.

    Most nodes are plain text scalars: the loops of :meth:`_mapping` and
    :meth:`_sequence` convert those in place, without a call per node (a plan file has
    thousands; the calls were most of the conversion's time).
    """

    __slots__ = ("_depth", "_mapping_node", "_scalar_node", "_seen", "_sequence_node")

    def __init__(self, mapping_node: type, sequence_node: type, scalar_node: Any) -> None:
        # The caller imports ruamel's node classes when it first reads a file: imported at
        # module level, they would load ruamel at every start-up.
        self._mapping_node = mapping_node
        self._sequence_node = sequence_node
        self._scalar_node = scalar_node
        self._seen: set[int] = set()
        self._depth = 0

    def value(self, node: Any) -> Any:
        if id(node) in self._seen:  # the same node twice: an alias the scan did not see
            raise NeedsExactReaderError("alias")
        self._seen.add(id(node))
        read: Callable[[Any], PosDict | PosList]
        if isinstance(node, self._mapping_node):
            read = self._mapping
        elif isinstance(node, self._sequence_node):
            read = self._sequence
        else:
            return _scalar(node)
        self._depth += 1
        if self._depth > MAX_DEPTH:  # the exact reader reports it with its own limit
            raise NeedsExactReaderError("deep")
        try:
            return read(node)
        finally:
            self._depth -= 1

    def _item(self, node: Any) -> Any:
        """:meth:`value`, with a text scalar (the common case) read here."""
        if type(node) is self._scalar_node:
            tag = node.ctag
            if tag is not None and tag.suffix == _STR and tag.handle is None:
                seen = self._seen
                if id(node) in seen:
                    raise NeedsExactReaderError("alias")
                seen.add(id(node))
                return node.value
        return self.value(node)

    def _mapping(self, node: Any) -> PosDict:
        if _suffix(node) != _MAP:
            raise NeedsExactReaderError("tag")
        item = self._item
        mapping = PosDict()
        mapping.lc = _Lines(node)
        flow = node.flow_style
        for key_node, value_node in node.value:
            key = item(key_node)
            if not isinstance(key, str) or key in mapping:
                raise NeedsExactReaderError("key")
            if flow and value_node.value == "" and not value_node.style:
                # An empty value in {a: }: libyaml puts it at the next token, the exact
                # reader right after the ':' (where both put an empty block value).
                raise NeedsExactReaderError("empty flow value")
            mapping[key] = item(value_node)
        return mapping

    def _sequence(self, node: Any) -> PosList:
        if _suffix(node) != _SEQ:
            raise NeedsExactReaderError("tag")
        sequence = PosList(map(self._item, node.value))
        sequence.lc = _Lines(node)
        return sequence


def load(text: str) -> Any:
    """Read ``text`` the fast way, or raise :class:`NeedsExactReaderError`: line by line
    (renaksi.plan.line_yaml) when the file has the usual shape, else with the C composer."""
    try:
        return line_load(text)
    except NeedsExactReaderError:
        pass
    return composed(text)


def composed(text: str) -> Any:
    """Read ``text`` with the C composer, or raise :class:`NeedsExactReaderError`."""
    loader_class = _composer()
    if loader_class is None or not eligible(text):
        raise NeedsExactReaderError("not eligible")
    try:
        node = _compose(loader_class, text)
    except Exception as exc:  # any parse problem is reported by the exact reader
        raise NeedsExactReaderError(str(exc)) from None
    if node is None:
        return None
    return positioned_tree(node)
