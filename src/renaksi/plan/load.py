"""Read a plan folder: files -> YAML trees with positions -> models, plus load problems.

Reading is defensive: files are size-checked before they are read, must be UTF-8, and
are parsed as YAML 1.2 with anchors, aliases, explicit tags and deep nesting refused, so a
hostile file cannot expand, construct objects or exhaust the stack. Dates are kept as text
by the YAML reader and parsed by the models, so a bad date gets a located message.

Problems with the *content* of files are returned as :class:`~renaksi.plan.findings.Problem`
values. Problems that stop the run (a folder that does not exist, a file that cannot be
opened) raise :class:`PlanIOError`, which the CLI turns into exit code 2.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from renaksi.plan import load_findings as found
from renaksi.plan.file import PlanFile
from renaksi.plan.findings import Location, Problem
from renaksi.plan.folder import (
    BIDANG_DIR,
    INSTANSI_FILE,
    PERUBAHAN_FILE,
    PK_FILE,
    REALISASI_DIR,
    BidangEntry,
    Plan,
    RealisasiEntry,
)
from renaksi.plan.model import (
    BidangFile,
    InstansiFile,
    PerjanjianKinerjaFile,
    PerubahanFile,
    RealisasiFile,
)
from renaksi.plan.periods import Period
from renaksi.plan.source import (
    DirSource,
    OverPlanLimitError,
    PlanIOError,
    PlanSource,
    display_path,
)
from renaksi.text.hints import Hints

if TYPE_CHECKING:
    from renaksi.plan.validation import KeyRepair

#: Default largest plan file read, in bytes (``--max-bytes`` changes it).
MAX_BYTES = 2 * 1024 * 1024
#: Deepest nesting accepted; real plan files need fewer than ten levels.
MAX_DEPTH = 50
#: Most values one file may hold, as :func:`count_items` counts them before the file is
#: parsed; real plan files count a few hundred.
MAX_ITEMS = 50_000
#: What ends a line for both YAML readers (ruamel.yaml's scanner and libyaml): LF, CR (a
#: CR LF pair is one break), NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR. VT and FF end a
#: line for Python's ``str.splitlines`` but not for YAML: the readers refuse them as
#: control characters before reading any further (YM01).
LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")
#: What can start another value within a line: the ``-`` and ``?`` of block entries
#: (``- - - x`` is three lists and a value on one line), the ``[`` and ``{`` of flow
#: collections and the ``,`` between flow items.
_VALUE_STARTS = ("-", "?", "[", "{", ",")

#: Default most bytes of all files of one plan together (``--max-plan-bytes`` changes it;
#: never less than one file's limit). A real plan is a few dozen KiB.
MAX_PLAN_BYTES = 8 * 1024 * 1024
#: Most values of all files of one plan together at the default :data:`MAX_PLAN_BYTES`,
#: each file counted as :data:`MAX_ITEMS` counts it; a larger ``--max-plan-bytes`` raises
#: it in proportion (real YAML holds a value every few dozen bytes, so a fixed count would
#: stop a plan long before the bytes it was allowed). As many as one file may hold: the
#: exact reader takes seconds for that many, and ``renaksi diff`` reads two plans. A real
#: plan counts a few thousand.
MAX_PLAN_ITEMS = 50_000

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

M = TypeVar("M", bound=BaseModel)


@dataclass(slots=True)
class PlanBudget:
    """What the files of one plan may hold together, and what those read so far took.

    The size and item limits bound one file; this bounds the plan, whatever the number of
    files: once a file does not fit, it and every file after it are left unread, so the
    work of one plan stays that of :data:`MAX_PLAN_BYTES` / :data:`MAX_PLAN_ITEMS`. One
    finding (YM06), on the first of them, names how many were left. A file refused by its
    own limits takes nothing.
    """

    max_bytes: int = MAX_PLAN_BYTES
    max_items: int = MAX_PLAN_ITEMS
    used_bytes: int = 0
    used_items: int = 0
    #: The limit that was passed ("byte" or "nilai"), once one was.
    exceeded: str | None = None
    #: The first file left unread, and how many were.
    first_unread: str | None = None
    unread: int = 0

    def take(self, data: int, items: int) -> bool:
        """Count a file of ``data`` bytes and ``items`` values; False when it does not fit
        (then nothing more does)."""
        if self.exceeded is None and self.used_bytes + data > self.max_bytes:
            self.exceeded = "byte"
        elif self.exceeded is None and self.used_items + items > self.max_items:
            self.exceeded = "nilai"
        if self.exceeded is not None:
            return False
        self.used_bytes += data
        self.used_items += items
        return True

    def leave(self, display: str) -> None:
        """Note that file ``display`` is left unread."""
        if self.first_unread is None:
            self.first_unread = display
        self.unread += 1

    def refusal(self) -> Problem | None:
        """The finding of the files left unread because the plan is over a limit."""
        if self.first_unread is None:
            return None
        over_bytes = self.exceeded != "nilai"
        which = "berkas ini" + (" dan {others} berkas sesudahnya" if self.unread > 1 else "")
        return found.TOO_LARGE.problem(
            Location(self.first_unread),
            which + " tidak dibaca: bersama berkas sebelumnya, rencana ini melebihi batas "
            "{limit} {unit} untuk seluruh berkasnya; rencana wajar hanya {usual}",
            limit=self.max_bytes if over_bytes else self.max_items,
            unit="byte" if over_bytes else "baris atau nilai",
            usual="puluhan KiB" if over_bytes else "beberapa ribu baris",
            others=self.unread - 1,
        )


def plan_budget(max_plan_bytes: int) -> PlanBudget:
    """The budget of a plan of at most ``max_plan_bytes``: its value limit in proportion,
    and never below one file's (a plan can always hold one file of the largest kind)."""
    items = MAX_PLAN_ITEMS * max_plan_bytes // MAX_PLAN_BYTES
    return PlanBudget(max_plan_bytes, max(items, MAX_ITEMS))


@dataclass(slots=True)
class LoadResult:
    """A plan and the problems found while reading it.

    A file whose only schema errors are misspelt keys has no model in ``plan``, but the
    rules check it anyway, read as the SC01 findings suggest (:meth:`checked_plan`), except
    where those keys are (:meth:`hides`); see :mod:`renaksi.plan.validation` for why only
    misspelt keys.
    """

    plan: Plan
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    budget: PlanBudget = field(default_factory=PlanBudget)
    #: The did-you-mean hints of all its files' unknown keys, bounded together.
    hints: Hints = field(default_factory=Hints)
    #: The models read with misspelt keys renamed as suggested, by file (display name).
    repaired: dict[str, BaseModel] = field(default_factory=dict)
    #: The renamed keys, by file.
    repairs: dict[str, list[KeyRepair]] = field(default_factory=dict)

    def checked_plan(self) -> Plan:
        """The plan the rules check: ``plan``, with a repaired model for each file that
        has one instead of no model."""
        if not self.repaired:
            return self.plan
        plan, pick = self.plan, self._pick
        return replace(
            plan,
            instansi=pick(plan.instansi, plan.instansi_doc, InstansiFile),
            pk=pick(plan.pk, plan.pk_doc, PerjanjianKinerjaFile),
            perubahan=pick(plan.perubahan, plan.perubahan_doc, PerubahanFile),
            bidang=[
                BidangEntry(e.slug, e.doc, pick(e.model, e.doc, BidangFile)) for e in plan.bidang
            ],
            realisasi=[
                RealisasiEntry(r.period, r.doc, pick(r.model, r.doc, RealisasiFile))
                for r in plan.realisasi
            ],
        )

    def _pick(self, model: M | None, doc: PlanFile | None, kind: type[M]) -> M | None:
        if model is not None or doc is None:
            return model
        repaired = self.repaired.get(doc.display)
        return repaired if isinstance(repaired, kind) else None

    def hides(self, problem: Problem) -> bool:
        """True for a rule's finding that points (itself or by a related place) at a key
        read as suggested, below it, or at the mapping holding it: what the rules said
        there rests on a guess."""
        if not self.repairs:
            return False
        return any(
            _touches(place.path, self.repairs.get(place.file, ()))
            for place in (problem.location, *problem.related)
        )


def _touches(path: str, repairs: Iterable[KeyRepair]) -> bool:
    for repair in repairs:
        mapping, keys = repair.places()
        if path == mapping or any(
            path == key or path.startswith((key + ".", key + "[")) for key in keys
        ):
            return True
    return False


class _RefusedFeatureError(Exception):
    def __init__(self, rule: Any, message: str, mark: Any, **args: object) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.mark = mark
        self.args_ = args


@cache
def _classes() -> tuple[Any, Any]:
    # ruamel.yaml is imported here, not at module level, so commands that never read
    # YAML (``renaksi rules``, ``--help``) start without it.
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.events import AliasEvent, ScalarEvent
    from ruamel.yaml.nodes import MappingNode

    class PlanComposer(Composer):
        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.parser.peek_event()
            if isinstance(event, AliasEvent):
                raise _RefusedFeatureError(
                    found.REFERENCE_FEATURE,
                    "alias *{name} tidak boleh dipakai di berkas rencana; tulis nilainya langsung",
                    event.start_mark,
                    name=event.anchor,
                )
            if getattr(event, "anchor", None) is not None:
                raise _RefusedFeatureError(
                    found.REFERENCE_FEATURE,
                    "anchor &{name} tidak boleh dipakai di berkas rencana; tulis nilainya langsung",
                    event.start_mark,
                    name=event.anchor,
                )
            tag = getattr(event, "ctag", None)
            if tag is not None and str(tag) != "!":
                written = f"{tag.handle or ''}{tag.suffix or ''}" or str(tag)
                raise _RefusedFeatureError(
                    found.TAG,
                    "tag YAML {tag} tidak diizinkan di berkas rencana",
                    event.start_mark,
                    tag=written,
                )
            if (
                isinstance(event, ScalarEvent)
                and isinstance(parent, MappingNode)
                and index is None
                and event.value == "<<"
                and event.style is None
            ):
                # A merge key copies values in unseen (and silently loses the ones it
                # overrides), even without an alias.
                raise _RefusedFeatureError(
                    found.REFERENCE_FEATURE,
                    "merge key << tidak boleh dipakai di berkas rencana; tulis kuncinya langsung",
                    event.start_mark,
                )
            return super().compose_node(parent, index)

    class PlanConstructor(RoundTripConstructor):
        pass

    # Keep dates as text; the models parse them with located, Indonesian messages.
    PlanConstructor.add_constructor(
        "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
    )

    return PlanComposer, PlanConstructor


@cache
def _plan_parser() -> Any:
    from ruamel.yaml.events import ScalarEvent
    from ruamel.yaml.parser import RoundTripParser
    from ruamel.yaml.tokens import ValueToken

    class PlanParser(RoundTripParser):
        """Reads as libyaml (the fast reader, renaksi.plan.fast_yaml) does where ruamel's
        round-trip parser differs only for its own sake.

        An empty mapping value (``pagu:``) sits right after its ``:``, as libyaml puts it;
        ruamel puts it at the end of the next token, lines further down after blank lines
        or a comment, so a finding about the empty value would move with the reader that
        happened to read the file. And comments are not moved between tokens: renaksi never
        writes YAML back, and moving them fails on some valid files ("overlap in comment").
        """

        def move_token_comment(self, token: Any, nt: Any = None, empty: Any = False) -> None:
            return None

        def parse_block_mapping_value(self) -> Any:
            scanner = self.scanner
            colon = scanner.peek_token() if scanner.check_token(ValueToken) else None
            event = super().parse_block_mapping_value()
            if (
                colon is not None
                and isinstance(event, ScalarEvent)
                and event.value == ""
                and event.style is None
                and event.ctag is None
                and event.anchor is None
            ):
                event.start_mark = event.end_mark = colon.end_mark
            return event

    return PlanParser


def _parser() -> Any:
    """A configured YAML reader. A fresh one per file: after a refused or broken file a
    reader's parser state is not reusable, so none is shared between files."""
    from ruamel.yaml import YAML

    composer, constructor = _classes()
    yaml = YAML(typ="rt")
    yaml.Parser = _plan_parser()
    yaml.Composer = composer
    yaml.Constructor = constructor
    yaml.max_depth = MAX_DEPTH
    return yaml


def read_bytes(source: PlanSource, rel: str, max_bytes: int) -> bytes | Problem:
    """Read a file's bytes, refusing one over ``max_bytes`` without reading it all."""
    data = source.read(rel, max_bytes + 1)
    if len(data) > max_bytes:
        return found.TOO_LARGE.problem(
            Location(source.display(rel)),
            "berkas lebih besar dari batas {limit} byte; berkas rencana wajar hanya puluhan KiB",
            limit=max_bytes,
        )
    return data


def decode(data: bytes, display: str) -> str | Problem:
    """Decode UTF-8 (BOM allowed); report other encodings and NUL bytes with a location."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return found.ENCODING.problem(
            Location(display, 1, 1),
            "berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(data, exc.start)
        return found.ENCODING.problem(
            Location(display, line, column),
            "berkas bukan UTF-8 (byte {byte} tidak sah); simpan ulang sebagai UTF-8",
            byte=f"0x{data[exc.start]:02X}",
        )
    nul = text.find("\x00")
    if nul >= 0 and _looks_utf16(data):
        return found.ENCODING.problem(
            Location(display, 1, 1),
            "berkas tampaknya tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8",
        )
    if nul >= 0:
        line, column = _text_position(text, nul)
        return found.ENCODING.problem(
            Location(display, line, column), "berkas berisi byte NUL; ini bukan berkas teks"
        )
    return text


def _looks_utf16(data: bytes) -> bool:
    """ASCII text in UTF-16 has a NUL in every other byte."""
    head = data[:200]
    return len(head) >= 4 and (
        head[1::2].count(0) > len(head) // 3 or head[0::2].count(0) > len(head) // 3
    )


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    # The bytes before the first undecodable one are valid UTF-8 by definition.
    prefix = data[:offset].decode("utf-8", errors="replace")
    return _text_position(prefix, len(prefix))


def line_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """How many line breaks the YAML readers see in ``text[start:end]``."""
    stop = len(text) if end is None else end
    return sum(text.count(b, start, stop) for b in LINE_BREAKS) - text.count("\r\n", start, stop)


def count_items(text: str) -> int:
    """An upper bound, within a small factor, on how many values a YAML reader makes of
    ``text``, counted without reading it: every line break the readers honour and every
    character that can start another value within a line (:data:`_VALUE_STARTS`).

    A hyphen in text (``2024-01-02``, ``sub-a``) counts too: over-counting a real file
    (about twice its lines) is the safe side; under-counting let a file within the size
    limit hold millions of values, e.g. with bare CR line ends or ``- - - ...`` lines.
    """
    if text.isascii():
        # One pass instead of eleven (most plan files are ASCII, where NEL and the Unicode
        # separators cannot occur): every counted byte deleted, the difference counted.
        data = text.encode("ascii")
        counted = len(data) - len(data.translate(None, _COUNTED_ASCII))
        return counted - text.count("\r\n") if "\r" in text else counted
    return line_breaks(text) + sum(text.count(c) for c in _VALUE_STARTS)


#: The ASCII characters :func:`count_items` counts: LF, CR and :data:`_VALUE_STARTS`.
_COUNTED_ASCII = "".join(("\n", "\r", *_VALUE_STARTS)).encode("ascii")


#: A %YAML directive at the start of a line: after any line break the readers honour, as
#: ``^`` sees only LF (a file with other breaks goes to the exact reader, which honours them).
_DIRECTIVE = re.compile(r"(?:^|(?<=[\r\x85\u2028\u2029]))%YAML[ \t]+(\S+)", re.MULTILINE)


def parse_yaml(text: str, display: str, items: int | None = None) -> tuple[Any, Problem | None]:
    """Parse YAML 1.2 text into a round-trip tree, or return a located problem. ``items``
    is :func:`count_items` of ``text`` when the caller has it already."""
    from renaksi.plan import fast_yaml

    if (count_items(text) if items is None else items) > MAX_ITEMS:
        # Bytes are bounded by --max-bytes; this bounds the work: a million tiny values
        # fit in 2 MiB and would take a reader seconds and hundreds of MB.
        return None, found.TOO_LARGE.problem(
            Location(display),
            "berkas berisi lebih dari {limit} baris atau nilai; berkas rencana wajar hanya "
            "beberapa ratus",
            limit=MAX_ITEMS,
        )
    try:
        return fast_yaml.load(text), None
    except fast_yaml.NeedsExactReaderError:
        pass  # the exact reader below decides, and words any problem
    directive = _DIRECTIVE.search(text)
    if directive and directive.group(1) != "1.2":
        line = _text_position(text, directive.start())[0]
        return None, found.SYNTAX.problem(
            Location(display, line, 1),
            "direktif %YAML {version} tidak didukung: berkas rencana dibaca sebagai YAML 1.2; "
            "hapus baris ini",
            version=directive.group(1),
        )
    return _read_exact(text, display)


def _read_exact(text: str, display: str) -> tuple[Any, Problem | None]:
    """Read with the exact (round-trip) reader; each way it fails becomes a located problem."""
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = _parser()
    try:
        return yaml.load(text), None
    except _RefusedFeatureError as exc:
        mark = exc.mark
        return None, exc.rule.problem(
            Location(display, mark.line + 1, mark.column + 1), exc.message, **exc.args_
        )
    except DuplicateKeyError as exc:
        return None, _duplicate_key(exc, text, display)
    except ReaderError as exc:
        offset = exc.position if isinstance(exc.position, int) else 0
        line, column = _text_position(text, offset)
        return None, found.SYNTAX.problem(
            Location(display, line, column),
            "karakter kontrol {char} tidak diizinkan di berkas YAML; hapus karakter itu",
            char=f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?",
        )
    except MarkedYAMLError as exc:
        return None, _marked_error(exc, text, display)
    except RecursionError:
        return None, found.TOO_LARGE.problem(
            Location(display, 1, 1), "data bersarang terlalu dalam", limit=MAX_DEPTH
        )
    except (YAMLError, Exception) as exc:
        # The parser is third-party code fed untrusted text: whatever it raises becomes a
        # finding about this file, never a traceback.
        return None, _unexpected_error(exc, text, display)
    finally:
        _release(yaml)


def _release(yaml: Any) -> None:
    """Break the reader's cycles (each part holds the YAML object, the parser its own
    bound methods): the CLI runs with the cyclic collector off, so without this every
    file read the exact way would stay in memory to the end."""
    for part in list(vars(yaml).values()):
        if part is not yaml and not isinstance(part, type) and hasattr(part, "__dict__"):
            part.__dict__.clear()
    yaml.__dict__.clear()


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in ``text``."""
    line = line_breaks(text, 0, offset) + 1
    column = offset - max(text.rfind(b, 0, offset) for b in LINE_BREAKS)
    return line, column


def _duplicate_key(exc: Any, text: str, display: str) -> Problem:
    mark = exc.problem_mark
    key = _duplicate_key_name(str(exc.problem))
    first = _first_key(text, key, exc.context_mark, mark)
    return found.DUPLICATE_KEY.problem(
        Location(display, mark.line + 1, mark.column + 1),
        "kunci {key} ditulis dua kali dalam pemetaan yang sama (yang pertama di baris {first})",
        related=(Location(display, first[0], first[1]),),
        key=key,
        first=first[0],
    )


def _marked_error(exc: Any, text: str, display: str) -> Problem:
    """A syntax error (or the depth limit) the reader located with its marks."""
    context = str(exc.context or "")
    opened = context.startswith(("while parsing a flow", "while scanning a quoted"))
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = str(exc.problem or exc.context or "")
    if "maximum depth" in problem:
        return found.TOO_LARGE.problem(
            Location(display, line, column),
            "data bersarang lebih dari {limit} tingkat",
            limit=MAX_DEPTH,
        )
    from renaksi.plan.yaml_words import syntax_message  # only for a file that has an error

    stop = exc.problem_mark
    words = syntax_message(
        problem, context, text, (stop.line, stop.column) if stop is not None else None
    )
    message = words.message
    if words.at is not None:
        line, column = words.at
    elif opened and stop is not None and stop.line + 1 != line:
        message += f" (dibuka di sini; pembaca YAML berhenti di baris {stop.line + 1})"
    return found.SYNTAX.problem(Location(display, line, column), message)


def _unexpected_error(exc: Exception, text: str, display: str) -> Problem:
    if "digits" in str(exc):
        long_number = re.search(r"[0-9_]{1000,}", text)
        line, column = _text_position(text, long_number.start() if long_number else 0)
        return found.SYNTAX.problem(
            Location(display, line, column),
            "angka terlalu panjang (ribuan digit); ini bukan pagu atau target yang sah",
        )
    # Whatever else the reader raised is its own English: say what it means for the file.
    from renaksi.plan.yaml_words import GENERAL

    return found.SYNTAX.problem(Location(display, 1, 1), GENERAL)


def _first_key(text: str, key: str, start: Any, duplicate: Any) -> tuple[int, int]:
    """1-based (line, column) of the first ``key:`` between the mapping start and its twin.

    ruamel marks where the mapping starts, not where the first key is; look for the key at
    the duplicate's column, which is where every key of a block mapping starts.
    """
    lines = text.splitlines()
    column = duplicate.column
    first_line = start.line if start is not None else 0
    for number in range(first_line, duplicate.line):
        line = lines[number] if number < len(lines) else ""
        rest = line[column:]
        if rest.startswith(key) and rest[len(key) :].lstrip().startswith(":"):
            return number + 1, column + 1
    if start is not None:
        return start.line + 1, start.column + 1
    return duplicate.line + 1, duplicate.column + 1


def _duplicate_key_name(problem: str) -> str:
    match = re.search(r'duplicate key "(.*?)"', problem)
    return match.group(1) if match else "?"


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> tuple[PlanFile, list[Problem]]:
    """Read and parse one plan file on disk. Raises PlanIOError when it cannot be opened."""
    return read_source_document(DirSource(path.parent), path.name, max_bytes)


def read_source_document(
    source: PlanSource, rel: str, max_bytes: int = MAX_BYTES, budget: PlanBudget | None = None
) -> tuple[PlanFile, list[Problem]]:
    """Read and parse one plan file of ``source``, within the plan's ``budget`` when given.
    Raises PlanIOError when unreadable. A file left unread for the budget has no finding
    of its own: :meth:`PlanBudget.refusal` is the finding of them all."""
    display = source.display(rel)
    doc = PlanFile(Path(display), display)
    if budget is not None and budget.exceeded is not None:
        budget.leave(display)
        return doc, []
    try:
        data = read_bytes(source, rel, max_bytes)
    except OverPlanLimitError:
        if budget is None:
            raise
        budget.exceeded = "byte"
        budget.leave(display)
        return doc, []
    if isinstance(data, Problem):
        return doc, [data]
    text = decode(data, display)
    if isinstance(text, Problem):
        return doc, [text]
    items = count_items(text)
    # A file over its own item limit is refused by parse_yaml, and takes nothing.
    if budget is not None and items <= MAX_ITEMS and not budget.take(len(data), items):
        budget.leave(display)
        return doc, []
    doc.text = text
    root, problem = parse_yaml(text, display, items)
    if problem is not None:
        return doc, [problem]
    if root is None:
        return doc, [found.EMPTY.problem(Location(display), "berkas tidak berisi data")]
    doc.root = root
    return doc, []


def validate_model(
    doc: PlanFile, model: type[M], hints: Hints | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate a parsed document against its model; problems are located in ``doc``.
    ``hints`` bounds the work of naming the keys that unknown ones were meant to be."""
    checked, problems, _ = validate_repairing(doc, model, hints)
    return checked, problems


def validate_repairing(
    doc: PlanFile, model: type[M], hints: Hints | None = None
) -> tuple[M | None, list[Problem], tuple[M, list[KeyRepair]] | None]:
    """:func:`validate_model`, and for a file whose only errors are misspelt keys, its model
    with the keys read as suggested and the keys renamed (see renaksi.plan.validation)."""
    if doc.root is None:
        return None, [], None
    if not isinstance(doc.root, dict):
        from renaksi.plan.load_findings import WRONG_TYPE
        from renaksi.plan.validation import describe

        return (
            None,
            [
                WRONG_TYPE.problem(
                    Location(doc.display, 1, 1),
                    "isi berkas harus berupa pemetaan (kunci: nilai), ditemukan {found}",
                    found=describe(doc.root),
                )
            ],
            None,
        )
    try:
        return model.model_validate(doc.root), [], None
    except ValidationError as exc:
        # Only a file with errors needs their wording (and the repairs).
        from renaksi.plan.validation import key_repairs, nearest_keys, problems_from_validation

        # One lookup of the nearest keys, under the plan's hint budget, words the findings
        # and decides the repair: the two cannot disagree when the budget runs out.
        nearest = nearest_keys(model, exc, hints)
        problems = list(problems_from_validation(doc, model, exc, nearest))
        fixed = key_repairs(doc.root, model, exc, nearest)
    if fixed is None:
        return None, problems, None
    try:
        return None, problems, (model.model_validate(fixed[0]), fixed[1])
    except ValidationError:  # a renamed key's value is wrong too: the next round's finding
        return None, problems, None


def _validate_into(result: LoadResult, doc: PlanFile, model: type[M]) -> M | None:
    """Validate ``doc``, adding its problems (and any key repair) to ``result``."""
    checked, problems, repaired = validate_repairing(doc, model, result.hints)
    result.problems.extend(problems)
    if repaired is not None:
        result.repaired[doc.display], result.repairs[doc.display] = repaired
    return checked


def _bidang_files(source: PlanSource) -> Iterator[tuple[str, bool]]:
    """Entries of ``bidang/`` as (relative path, readable-as-bidang) pairs, sorted."""
    if source.kind(BIDANG_DIR) != "dir":
        return
    for name in source.names(BIDANG_DIR):
        if name.startswith("."):
            continue
        usable = name.endswith(".yaml") and bool(_SLUG.match(name[: -len(".yaml")]))
        yield f"{BIDANG_DIR}/{name}", usable


def reading_order(rel: str) -> tuple[int, str] | None:
    """Where the loader reads the plan file ``rel`` (a sort key: the shared files, then
    bidang, then realisasi, each folder by name), or None when it does not read it."""
    folder, _, name = rel.rpartition("/")
    if rel in (INSTANSI_FILE, PK_FILE, PERUBAHAN_FILE):
        return (0 if rel == INSTANSI_FILE else 1, rel)
    if folder == BIDANG_DIR and name.endswith(".yaml") and _SLUG.match(name[: -len(".yaml")]):
        return (2, rel)
    if folder == REALISASI_DIR and Period.of_file(name) is not None:
        return (3, rel)
    return None


def _misnamed(source: PlanSource, name: str) -> str:
    """A hint naming a file that looks like ``name`` saved under another name."""
    try:
        present = [n for n in source.names("") if source.kind(n) == "file"]
    except PlanIOError:
        return ""
    stem = name.removesuffix(".yaml")
    near = [p for p in present if p.replace("_", "-").rsplit(".", 1)[0].lower() == stem]
    near = near or difflib.get_close_matches(name, present, n=1, cutoff=0.8)
    return f"; ada {near[0]}: ganti namanya menjadi {name}" if near else ""


def load_plan(
    folder: Path,
    *,
    max_bytes: int = MAX_BYTES,
    max_plan_bytes: int = MAX_PLAN_BYTES,
    realisasi: Path | None = None,
    perubahan: Path | None = None,
) -> LoadResult:
    """Read every file of a plan folder on disk. Raises PlanIOError if it is unusable.

    The quarterly realisasi files are read from ``<folder>/realisasi/``, or from the folder
    ``realisasi`` when given (e.g. an example kept outside the plan); the Perubahan from
    ``<folder>/perubahan.yaml``, or from the file ``perubahan`` when given."""
    display = display_path(folder)
    if not folder.exists():
        raise PlanIOError(f"{display}: folder rencana tidak ada", display)
    if not folder.is_dir():
        raise PlanIOError(f"{display}: bukan folder rencana (harus sebuah folder)", display)
    if realisasi is not None and not realisasi.is_dir():
        shown = display_path(realisasi)
        raise PlanIOError(f"{shown}: folder realisasi tidak ada", shown)
    if perubahan is not None and perubahan.is_dir():
        # As given: the current folder made relative is ".", which names nothing.
        shown = str(perubahan)
        raise PlanIOError(
            f"{shown}: ini folder, bukan berkas; --perubahan menyebut berkas perubahannya, "
            f"mis. {perubahan / PERUBAHAN_FILE}",
            shown,
        )
    if perubahan is not None and not perubahan.is_file():
        shown = display_path(perubahan)
        raise PlanIOError(f"{shown}: berkas perubahan tidak ada", shown)
    elsewhere = DirSource(realisasi) if realisasi is not None else None
    result = load_source(
        DirSource(folder),
        folder=folder,
        max_bytes=max_bytes,
        max_plan_bytes=max_plan_bytes,
        realisasi_source=elsewhere,
        perubahan_given=perubahan is not None,
    )
    if perubahan is not None:
        _load_perubahan(DirSource(perubahan.parent), perubahan.name, result, max_bytes)
    return result


def _load_perubahan(source: PlanSource, rel: str, result: LoadResult, max_bytes: int) -> None:
    """Read the Perubahan file ``rel`` of ``source`` into the plan."""
    doc, problems = read_source_document(source, rel, max_bytes, result.budget)
    result.files += 1
    result.problems.extend(problems)
    result.plan.perubahan_doc = doc
    result.plan.perubahan = _validate_into(result, doc, PerubahanFile)


def _load_realisasi(source: PlanSource, prefix: str, result: LoadResult, max_bytes: int) -> None:
    """Read the realisasi files (``tw1.yaml`` ... ``tw4.yaml``, ``s1.yaml``, ``tahunan.yaml``,
    ``sd-<date>.yaml``) below ``prefix`` of ``source`` into the plan."""
    kind = source.kind(prefix)
    if kind == "file":
        result.problems.append(
            found.IGNORED_FILE.problem(
                Location(source.display(prefix)),
                "berkas {name} tidak dibaca; realisasi ditulis di folder {name}/ berisi "
                "tw1.yaml sampai tw4.yaml (atau s1.yaml, tahunan.yaml, sd-<tanggal>.yaml)",
                name=prefix,
            )
        )
    if kind != "dir":
        return
    for name in source.names(prefix):
        if name.startswith(".") or name.lower().endswith(".md"):
            continue
        rel = f"{prefix}/{name}" if prefix else name
        period = Period.of_file(name)
        if period is None or source.kind(rel) != "file":
            result.problems.append(
                found.IGNORED_FILE.problem(
                    Location(source.display(rel)),
                    "{kind} {name} tidak dibaca; berkas realisasi bernama tw1.yaml sampai "
                    "tw4.yaml (satu per triwulan), s1.yaml (semester I), tahunan.yaml, atau "
                    "sd-<tanggal>.yaml (s.d. tanggal itu, mis. sd-2024-10-31.yaml){hint}",
                    kind="folder" if source.kind(rel) == "dir" else "berkas",
                    name=name,
                    hint=_semester_two(name),
                )
            )
            continue
        doc, problems = read_source_document(source, rel, max_bytes, result.budget)
        result.files += 1
        result.problems.extend(problems)
        model = _validate_into(result, doc, RealisasiFile)
        result.plan.realisasi.append(RealisasiEntry(period, doc, model))


def _semester_two(name: str) -> str:
    # Semester II "s.d." is the whole year (see renaksi.plan.periods).
    if name.lower() == "s2.yaml":
        return "; realisasi s.d. semester II adalah realisasi setahun: tahunan.yaml"
    return ""


def load_source(
    source: PlanSource,
    *,
    folder: Path,
    max_bytes: int = MAX_BYTES,
    max_plan_bytes: int = MAX_PLAN_BYTES,
    realisasi_source: PlanSource | None = None,
    perubahan_given: bool = False,
) -> LoadResult:
    """Read every file of a plan from ``source``; ``folder`` names it (its year).

    Realisasi files come from ``source``'s ``realisasi/`` folder, or from the top of
    ``realisasi_source`` when given. All of them together hold at most ``max_plan_bytes``
    (never less than ``max_bytes``, one file's limit) and :data:`MAX_PLAN_ITEMS`."""
    # No bidang/ folder at all (not an empty one) is how a folder says it holds a
    # Perjanjian Kinerja alone; a bidang/ folder with no usable file is still FL01's.
    plan = Plan(
        folder=folder,
        display=source.display(""),
        pk_only=source.kind(BIDANG_DIR) == "missing",
        folder_name=source.real_name() if isinstance(source, DirSource) else folder.name,
    )
    result = LoadResult(plan, budget=plan_budget(max(max_plan_bytes, max_bytes)))

    for name in (INSTANSI_FILE, PK_FILE):
        if source.kind(name) == "missing":
            result.problems.append(
                found.MISSING_FILE.problem(
                    Location(source.display(name)),
                    "berkas wajib {name} tidak ada{hint}",
                    name=name,
                    hint=_misnamed(source, name),
                )
            )
            continue
        doc, problems = read_source_document(source, name, max_bytes, result.budget)
        result.files += 1
        result.problems.extend(problems)
        if name == INSTANSI_FILE:
            plan.instansi_doc = doc
            plan.instansi = _validate_into(result, doc, InstansiFile)
        else:
            plan.pk_doc = doc
            plan.pk = _validate_into(result, doc, PerjanjianKinerjaFile)

    for rel, usable in _bidang_files(source):
        is_dir = source.kind(rel) == "dir"
        name = rel.rsplit("/", 1)[-1]
        if not usable or is_dir:
            result.problems.append(
                found.IGNORED_FILE.problem(
                    Location(source.display(rel)),
                    "{kind} {name} tidak dibaca; berkas bidang harus bernama <slug>.yaml "
                    "(huruf kecil, angka, tanda hubung) langsung di folder bidang/",
                    kind="folder" if is_dir else "berkas",
                    name=name,
                )
            )
            continue
        doc, problems = read_source_document(source, rel, max_bytes, result.budget)
        result.files += 1
        result.problems.extend(problems)
        model = _validate_into(result, doc, BidangFile)
        plan.bidang.append(BidangEntry(name[: -len(".yaml")], doc, model))

    if not plan.bidang and not plan.pk_only:
        result.problems.append(
            found.MISSING_FILE.problem(
                Location(source.display(BIDANG_DIR)),
                "tidak ada berkas bidang; tambahkan {name}",
                name=f"{BIDANG_DIR}/<slug>.yaml",
            )
        )
    # A Perubahan given elsewhere (an example kept outside the plan) replaces the plan's own.
    if not perubahan_given and source.kind(PERUBAHAN_FILE) == "file":
        _load_perubahan(source, PERUBAHAN_FILE, result, max_bytes)
    if realisasi_source is not None:
        _load_realisasi(realisasi_source, "", result, max_bytes)
    else:
        _load_realisasi(source, REALISASI_DIR, result, max_bytes)
    refusal = result.budget.refusal()
    if refusal is not None:
        result.problems.append(refusal)
        result.files -= result.budget.unread  # "files checked" counts the files read
    return result
