"""The rules' documentation as one Markdown page (``docs/rules.md`` is generated from it)."""

from __future__ import annotations

from renaksi.rules.registry import ALL_RULES

_HEADER = """\
# Aturan renaksi

Halaman ini dibuat dari docstring setiap aturan (`renaksi rules --markdown > docs/rules.md`);
jangan diedit dengan tangan. `renaksi rules KODE` menampilkan satu aturan di terminal.

Keparahan: **galat** membuat `renaksi validate` keluar dengan kode 1; **peringatan** hanya
dengan `--strict`. Aturan dapat dipilih atau diabaikan dengan `--select`/`--ignore` memakai
kode (`BG01`), nama (`anggaran.total`) atau awalan kode (`BG`); galat pembacaan berkas
(FL, YM, SC) tidak pernah disembunyikan.

| kode | nama | keparahan | ringkas |
|---|---|---|---|
"""


def markdown() -> str:
    """All rules: a summary table, then one section per rule with its documentation."""
    rows = [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.label} | {r.summary} |"
        for r in ALL_RULES
    ]
    sections = [
        f"## {r.code}\n\n`{r.name}` ({r.severity.label}): {r.summary}\n\n{r.doc}\n"
        for r in ALL_RULES
    ]
    return _HEADER + "\n".join(rows) + "\n\n" + "\n".join(sections)
