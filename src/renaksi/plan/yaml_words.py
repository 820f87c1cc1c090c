"""The YAML reader's syntax errors in Indonesian: what went wrong and what to do about it.

ruamel.yaml reports a syntax error as an English *problem* ("mapping values are not allowed
here") and *context* ("while scanning a quoted scalar"). Every problem its scanner, parser,
composer, reader and constructor can raise has an entry in :data:`PROBLEMS` (a test reads
ruamel's source to check that); a problem not listed is worded by its context, and failing
that by a general sentence, so ruamel's English never reaches a user. libyaml's messages
need no table: a file libyaml cannot read goes to ruamel's reader, which words the error
(see :mod:`renaksi.plan.fast_yaml`).

One problem has two common causes that need opposite fixes: "mapping values are not allowed
here" is text holding ': ' (add quotes), or a key indented deeper than the key above it
(YAML then reads the line as the continuation of that key's text). :func:`syntax_message`
looks at the two lines to tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAB = "tab tidak boleh dipakai; YAML hanya menerima spasi untuk indentasi"
_ONE_DOCUMENT = "berkas hanya boleh berisi satu dokumen YAML (tanpa '---' kedua)"
_DIRECTIVE = "direktif YAML (baris berawalan %) tidak didukung di berkas rencana; hapus baris ini"
_TAG = (
    "tag YAML (nilai berawalan !) tidak diizinkan di berkas rencana; bila '!' bagian dari "
    'teks, beri tanda kutip, mis. "!penting"'
)
_ANCHOR = (
    "anchor atau alias (nilai berawalan & atau *) tidak diizinkan di berkas rencana; bila "
    'tanda itu bagian dari teks, beri tanda kutip, mis. "*catatan"'
)
_BLOCK_SCALAR = (
    "teks blok ('|' atau '>') ditulis dengan '|' atau '>' saja di akhir baris kuncinya, "
    "lalu teksnya di baris-baris berikutnya"
)
_UNCLOSED_QUOTE = "berkas berakhir sebelum kutipan atau kurung ditutup"
_NOT_A_VALUE = "jenis nilai ini tidak dapat dibaca di berkas rencana"
_QUOTE_COLON = "tanda ':' tidak boleh di sini; teks yang memuat ': ' perlu diberi tanda kutip"
_INDENTATION = "indentasi tidak konsisten"

#: ruamel's problems (a regular expression matched against the problem text) and what
#: they mean to someone editing a plan file. The first match wins.
PROBLEMS: tuple[tuple[str, str], ...] = (
    # scanner.py
    (r"found character '\\t' that cannot start any token", _TAB),
    (r"found a tab character", _TAB),
    (r"found character .* that cannot start any token", "{cannot_start}"),
    (r"could not find expected ':'", "tanda ':' sesudah kunci tidak ditemukan"),
    (
        r"sequence entries are not allowed here",
        "butir daftar ('- ') tidak boleh di sini; tulis butir daftar di baris sendiri di "
        "bawah kuncinya, atau beri tanda kutip bila '- ' bagian dari teks",
    ),
    (
        r"mapping keys are not allowed here",
        "'? ' (kunci kompleks) tidak boleh di sini; bila '?' bagian dari teks, beri tanda kutip",
    ),
    (r"mapping values are not allowed here", _QUOTE_COLON),
    (
        r"found unexpected ':'",
        "tanda ':' di dalam [...] atau {...} perlu diberi tanda kutip, mis. [\"09:00\"]",
    ),
    (r"found unknown escape character", "karakter escape tidak dikenal di dalam tanda kutip ganda"),
    (
        r"expected escape sequence of .+ hexdecimal numbers",
        "escape \\x, \\u atau \\U di dalam tanda kutip ganda harus diikuti digit heksadesimal",
    ),
    (r"found unexpected end of stream", _UNCLOSED_QUOTE),
    (
        r"found unexpected document separator",
        "tanda kutip belum ditutup ketika baris '---' atau '...' ditemukan",
    ),
    (
        r"expected indentation indicator in the range 1-9|expected chomping or indentation",
        _BLOCK_SCALAR,
    ),
    (
        r"more indented follow up line than first in a block scalar",
        "baris pertama teks blok ('|' atau '>') harus sejauh baris-baris sesudahnya menjorok",
    ),
    (r"expected URI|URI escape sequence|expected '!'|expected '>'", _TAG),
    # parser.py
    (r"expected <block end>, but found", _INDENTATION),
    (
        r"expected '<document start>', but found",
        "indentasi tidak konsisten: kunci teratas harus mulai di kolom 1",
    ),
    (
        r"found non-comment content after document end marker",
        "ada isi sesudah penanda akhir dokumen '...'; hapus penanda itu",
    ),
    (r"found undefined tag handle", _TAG),
    (
        r"found duplicate YAML directive|found incompatible YAML document|duplicate tag handle",
        _DIRECTIVE,
    ),
    (r"expected ',' or '\]'", "daftar '[...]' tidak ditutup dengan benar"),
    (r"expected ',' or '\}+'", "pemetaan '{...}' tidak ditutup dengan benar"),
    (r"expected the node content, but found '<stream end>'", "{stream_end}"),
    (
        r"expected the node content, but found",
        "nilai diharapkan di sini, tetapi yang tertulis tanda baca YAML; beri tanda kutip "
        "bila tanda itu bagian dari teks",
    ),
    # composer.py
    (r"expected a single document in the stream|but found another document", _ONE_DOCUMENT),
    (r"found undefined alias", _ANCHOR),
    # reader.py
    (r"special characters are not allowed", "berkas memuat karakter kontrol yang tidak diizinkan"),
    # constructor.py (the round-trip constructor; tags, anchors and merge keys are refused
    # before it runs, so most of these are unreachable and listed to be sure)
    (r"found unhashable key", "kunci tidak boleh berupa daftar atau pemetaan"),
    (r"could not determine a constructor for the tag", _TAG),
    (r"for merging", "merge key << tidak boleh dipakai di berkas rencana; tulis kuncinya langsung"),
    (r"failed to construct timestamp", "tanggal tidak dapat dibaca"),
    (
        r"base64|expected a (scalar|sequence|mapping) node|expected a sequence|"
        r"expected a mapping of length 1|expected a single mapping item|"
        r"expected non-empty name|expected the empty value|cannot find",
        _NOT_A_VALUE,
    ),
)

#: ruamel's contexts ("while scanning ..."), for a problem :data:`PROBLEMS` does not list.
CONTEXTS: tuple[tuple[str, str], ...] = (
    (r"directive", _DIRECTIVE),
    (r"\btag\b", _TAG),
    (r"anchor|alias", _ANCHOR),
    (r"block scalar", _BLOCK_SCALAR),
    (r"quoted scalar", _UNCLOSED_QUOTE),
    (r"flow sequence", "daftar '[...]' tidak ditutup dengan benar"),
    (r"flow mapping", "pemetaan '{...}' tidak ditutup dengan benar"),
    (r"block (mapping|collection)|simple key", _INDENTATION),
)

#: What any other problem is called: never ruamel's English.
GENERAL = (
    "YAML tidak sah di sini; periksa indentasi, tanda ':' dan tanda kutip di sekitar baris ini"
)

_PROBLEMS = tuple((re.compile(p), words) for p, words in PROBLEMS)
_CONTEXTS = tuple((re.compile(p), words) for p, words in CONTEXTS)
_CANNOT_START = re.compile(r"found character '(.+?)' that cannot start any token")
#: A line that is only a key and its colon so far: ``   kota`` (before ``: Samarinda``).
_BARE_KEY = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_.-]*) *")
#: ``  nama: Badan Contoh`` or ``  - nomor: 1``: a key whose value is plain text.
_KEY_WITH_TEXT = re.compile(r"( *(?:- +)*)([^\s#:'\"\[\]{}-][^:#]*?) *: +([^\s'\"\[{|>&*!#])")


@dataclass(frozen=True, slots=True)
class SyntaxWords:
    """A syntax error in words, and the 1-based (line, column) to point at when the
    error's own mark is not the best place (None: keep it)."""

    message: str
    at: tuple[int, int] | None = None


def syntax_message(
    problem: str, context: str = "", text: str = "", mark: tuple[int, int] | None = None
) -> SyntaxWords:
    """Indonesian words for ruamel's ``problem`` (with its ``context``), found at 0-based
    ``mark`` (line, column) of ``text``."""
    for pattern, words in _PROBLEMS:
        if pattern.search(problem):
            return _fitted(words, problem, context, text, mark)
    for pattern, words in _CONTEXTS:
        if pattern.search(context):
            return SyntaxWords(words)
    return SyntaxWords(GENERAL)


def _fitted(
    words: str, problem: str, context: str, text: str, mark: tuple[int, int] | None
) -> SyntaxWords:
    """The words of a listed problem, fitted to this case where they depend on it."""
    if words == "{stream_end}":
        # ruamel marks the end of the file, not the bracket left open.
        if "flow" in context:
            return SyntaxWords("berkas berakhir sebelum kurung '[' atau '{' ditutup")
        return SyntaxWords("berkas berakhir sebelum nilainya ditulis")
    if words == "{cannot_start}":
        char = _CANNOT_START.search(problem)
        shown = char.group(1) if char else "?"
        return SyntaxWords(
            f"karakter '{shown}' tidak boleh mengawali nilai; beri tanda kutip, mis. \"{shown}\""
        )
    if words == _QUOTE_COLON and mark is not None:
        return _indentation_slip(text, mark) or SyntaxWords(words)
    return SyntaxWords(words)


def _indentation_slip(text: str, mark: tuple[int, int]) -> SyntaxWords | None:
    """The words for a key indented deeper than the key with text above it, if that is
    what stopped the reader at ``mark`` (the colon after the key)."""
    lines = text.splitlines()
    line, column = mark
    if not 0 < line < len(lines):
        return None
    here = _BARE_KEY.fullmatch(lines[line][:column])
    if here is None:
        return None
    above = line - 1
    while above >= 0 and (not lines[above].strip() or lines[above].lstrip().startswith("#")):
        above -= 1
    previous = _KEY_WITH_TEXT.match(lines[above]) if above >= 0 else None
    indent, key_column = len(here.group(1)), len(previous.group(1)) if previous else -1
    if previous is None or indent <= key_column:
        return None
    key, previous_key = here.group(2), previous.group(2)
    return SyntaxWords(
        f"indentasi tidak sama: kunci {key} menjorok {indent} spasi, lebih dalam daripada "
        f"kunci {previous_key} di baris {above + 1} ({key_column} spasi), sehingga YAML "
        f"membacanya sebagai lanjutan teks {previous_key}; samakan indentasi kunci-kunci "
        "yang sejajar",
        (line + 1, indent + 1),
    )
