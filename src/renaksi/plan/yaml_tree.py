"""What the fast readers build: containers that know where their parts are, and scalars
as YAML 1.2 resolves them.

Both fast readers (renaksi.plan.line_yaml, renaksi.plan.fast_yaml) give the tree the
exact reader gives: dicts and lists with an ``.lc`` that answers where each key, value and
item starts (0-based line and column, as ruamel's round-trip containers do), and plain
scalars resolved as ruamel resolves YAML 1.2 (``no`` is text, ``08`` is eight; dates stay
text, as on the exact path). What they cannot read that way raises
:class:`NeedsExactReaderError`, and the next reader reads it.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any, Protocol

_MEMO_LIMIT = 50_000
#: Plain scalar text -> the suffix of its resolved tag, shared by every file of the run.
_MEMO: dict[str, str] = {}
#: Deeper than this goes to the exact reader, whose own limit (renaksi.plan.load.MAX_DEPTH,
#: 50) then decides; kept lower so that the two never disagree at the boundary.
MAX_DEPTH = 40

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class NeedsExactReaderError(Exception):
    """The file needs the exact reader."""


class HexInt(int):
    """An integer written 0x... (named as ruamel.yaml names it)."""


class OctalInt(int):
    """An integer written 0o...."""


class BinaryInt(int):
    """An integer written 0b...."""


class Places(Protocol):
    """Where a container and its parts start (what renaksi.plan.file.locate asks)."""

    @property
    def line(self) -> int: ...

    @property
    def col(self) -> int: ...


class PosDict(dict[Any, Any]):
    """A mapping that knows where its keys and values are."""

    lc: Places


class PosList(list[Any]):
    """A sequence that knows where its items are."""

    lc: Places


@cache
def resolver_patterns() -> dict[Any, tuple[tuple[str, Any], ...]]:
    """YAML 1.2's implicit resolvers by first character, taken once from ruamel: ruamel
    would build the table again for every file and look up the document's version again
    for every new text (each agency's ids and names are new)."""
    from ruamel.yaml.resolver import VersionedResolver

    table = VersionedResolver(version=None).versioned_resolver
    return {key: tuple(value) for key, value in table.items()}


def plain_tag(value: str) -> str:
    """The tag YAML 1.2 gives the plain (unquoted) scalar ``value``, as ruamel resolves it:
    the patterns for its first character (for "", those of ""), then those for any
    character; the first that matches names the tag."""
    tag = _MEMO.get(value)
    if tag is None:
        if len(_MEMO) > _MEMO_LIMIT:
            _MEMO.clear()
        table = resolver_patterns()
        tag = _STR
        for suffix, regexp in (*table.get(value[:1], ()), *table.get(None, ())):
            if regexp.match(value):
                tag = suffix
                break
        _MEMO[value] = tag
    return tag


def _int(text: str) -> int:
    raw = text.replace("_", "")
    sign = -1 if raw.startswith("-") else 1
    body = raw.lstrip("+-")
    if body.startswith(("0x", "0X")):
        return HexInt(sign * int(body[2:], 16))
    if body.startswith("0o"):
        return OctalInt(sign * int(body[2:], 8))
    if body.startswith("0b"):
        return BinaryInt(sign * int(body[2:], 2))
    return sign * int(body, 10)


def _float(text: str) -> float:
    raw = text.replace("_", "").lower()
    if raw in (".inf", "+.inf"):
        return math.inf
    if raw == "-.inf":
        return -math.inf
    if raw == ".nan":
        return math.nan
    return float(raw)


def typed(tag: str, value: str) -> Any:
    """The value of scalar text ``value`` resolved to ``tag`` (dates stay text), or
    :class:`NeedsExactReaderError` for a tag the fast readers do not build."""
    if tag in (_STR, _TIMESTAMP):
        return value
    try:
        if tag == _INT:
            return _int(value)
        if tag == _FLOAT:
            return _float(value)
    except (ValueError, OverflowError):  # e.g. an integer of thousands of digits
        raise NeedsExactReaderError("scalar") from None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _NULL:
        return None
    raise NeedsExactReaderError(tag)
