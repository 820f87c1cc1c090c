"""The rules' documentation as one Markdown page (``docs/rules.md`` is generated from it),
and one rule's documentation as ``renaksi rules CODE`` prints it.

A rule's docstring is the one source of both. It marks literals the way the code's own
docstrings do, with RST double backticks; both views show them as Markdown code spans
(`--strict`), which a terminal reader takes as quoting and a Markdown page renders as code.
"""

from __future__ import annotations

import re

from renaksi.rules.base import Rule
from renaksi.rules.registry import ALL_RULES

_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)


def _code_span(match: re.Match[str]) -> str:
    text = match.group(1)
    # A literal that holds a backtick needs a longer fence (and spaces) in Markdown.
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def literals(text: str) -> str:
    """``text`` with its RST double-backtick literals written as Markdown code spans."""
    return _LITERAL.sub(_code_span, text)


def terminal(rule: Rule) -> str:
    """One rule as ``renaksi rules CODE`` prints it (without the former-name note)."""
    return (
        f"{rule.code} {rule.name} ({rule.severity.label})\n"
        f"{literals(rule.summary)}\n\n{literals(rule.doc)}\n"
    )


_HEADER = """\
# Aturan renaksi

Halaman ini dibuat dari docstring setiap aturan (`renaksi rules --markdown > docs/rules.md`);
jangan diedit dengan tangan. `renaksi rules KODE` menampilkan satu aturan di terminal.

Keparahan: **galat** membuat `renaksi validate` keluar dengan kode 1; **peringatan** hanya
dengan `--strict`. Aturan dapat dipilih atau diabaikan dengan `--select`/`--ignore` memakai
kode (`BG01`), nama (`anggaran.total`) atau awalan kode (`BG`); galat pembacaan berkas
(FL, YM, SC) tidak pernah disembunyikan.

Setiap keluarga aturan punya satu awalan kode dan satu awalan nama (`PG` = `pegawai.*`).
Kode tidak pernah berubah. Nama yang pernah diganti agar awalannya seragam tetap diterima
sebagai nama lama (lihat "Nama lama" di bawah aturannya).

| kode | nama | keparahan | ringkas |
|---|---|---|---|
"""


def markdown() -> str:
    """All rules: a summary table, then one section per rule with its documentation."""
    rows = [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.label} | "
        f"{literals(r.summary)} |"
        for r in ALL_RULES
    ]
    sections = [
        f"## {r.code}\n\n`{r.name}` ({r.severity.label}): {literals(r.summary)}\n\n"
        f"{literals(r.doc)}\n" + (former_names(r.aliases) if r.aliases else "")
        for r in ALL_RULES
    ]
    return _HEADER + "\n".join(rows) + "\n\n" + "\n".join(sections)


def former_names(aliases: tuple[str, ...]) -> str:
    """The line that lists a rule's former names."""
    names = ", ".join(f"`{a}`" for a in aliases)
    return (
        f"\nNama lama: {names} (masih diterima oleh `--select`, `--ignore` dan `renaksi rules`).\n"
    )
