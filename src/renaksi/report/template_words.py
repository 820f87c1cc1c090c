"""Jinja's syntax-error messages in Indonesian, for user templates (``--templates``).

Jinja words its parse errors in English; a planner who overrides a template reads them in
the same language as every other message. The common shapes are translated; any other is
kept, quoted, after an Indonesian lead-in, so nothing Jinja said is lost.
"""

from __future__ import annotations

import re

#: Jinja's names for token kinds, as they appear inside its messages.
_TOKENS = {
    "end of print statement": "akhir ekspresi }}",
    "end of statement block": "akhir blok %}",
    "end of template": "akhir template",
    "name": "nama",
    "string": "teks",
    "integer": "bilangan",
    "float": "bilangan",
}

_LOOKING_FOR = re.compile(r"Jinja was looking for the following tags: (?P<tags>.+?)\.")
_INNERMOST = re.compile(r"The innermost block that needs to be closed is '(?P<block>[^']+)'\.")

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Unexpected end of template\."), "template berakhir sebelum bloknya ditutup"),
    (re.compile(r"^Encountered unknown tag '(?P<a>[^']+)'\."), "tag {a} tidak dikenal di sini"),
    (
        re.compile(r"^expected token '(?P<a>[^']+)', got '(?P<b>[^']+)'"),
        "seharusnya {a}, tertulis {b}",
    ),
    (re.compile(r"^Expected an expression, got '(?P<b>[^']+)'"), "ekspresi kosong sebelum {b}"),
    (
        re.compile(r"^unexpected '(?P<a>[^']+)', expected '(?P<b>[^']+)'"),
        "{a} tak terduga; seharusnya {b}",
    ),
    (re.compile(r"^unexpected '(?P<a>[^']+)'$"), "{a} tak terduga"),
    (re.compile(r"^unexpected char (?P<c>'.'|\".\") at \d+"), "karakter {c} tak terduga"),
    (re.compile(r"^invalid syntax for function call expression"), "pemanggilan fungsi salah tulis"),
    (
        re.compile(r"^non-default argument follows default argument"),
        "argumen tanpa nilai bawaan ditulis sesudah argumen bernilai bawaan",
    ),
)


def _token(text: str) -> str:
    return _TOKENS.get(text, f"'{text}'")


def _tags(text: str) -> str:
    return " atau ".join(re.findall(r"'([^']+)'", text))


def syntax_reason(message: str | None) -> str:
    """Why a template does not parse, in Indonesian (Jinja's own words kept, quoted, for a
    shape this table does not know)."""
    text = (message or "").strip()
    for pattern, words in _SHAPES:
        found = pattern.search(text)
        if found is None:
            continue
        parts = {k: _token(v) if k in "ab" else v for k, v in found.groupdict().items()}
        reason = words.format(**parts)
        wanted = _LOOKING_FOR.search(text)
        inner = _INNERMOST.search(text)
        if wanted:
            reason += f"; yang diharapkan: {_tags(wanted.group('tags'))}"
        if inner:
            reason += f" (blok {inner.group('block')} belum ditutup)"
        return reason
    return f'kesalahan sintaks; pesan Jinja: "{text}"' if text else "kesalahan sintaks"
