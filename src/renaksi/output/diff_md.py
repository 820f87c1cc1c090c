"""``renaksi diff --format md``: one pull-request comment, most important first.

Long lists fold into ``<details>``; the whole comment stays under GitHub's 65 536-character
limit (cut with a note when a change is enormous). Plan text is escaped for Markdown.
"""

from __future__ import annotations

from renaksi.diff.plan import PlanDiff
from renaksi.output.diff_words import (
    VERDICT_HEADING,
    VERDICT_NOTE,
    headline,
    money_change,
    section_name,
    sections,
    sentence,
    verdict_changes,
)
from renaksi.output.messages import message
from renaksi.text.markdown import escape_markdown

#: GitHub refuses comments over 65 536 characters; leave room for the marker and a note.
LIMIT = 60_000
SHOWN = 8
MARKER = "<!-- renaksi-diff -->"


def _code(label: str) -> str:
    """A revision name as inline code: backslash escapes would show inside backticks."""
    return "`" + label.replace("`", "'") + "`"


def _items(lines: list[str]) -> list[str]:
    out = [f"- {line}" for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        out.append("")
        out.append(f"<details><summary>{len(lines) - SHOWN} perubahan lainnya</summary>")
        out.append("")
        out += [f"- {line}" for line in lines[SHOWN:]]
        out.append("")
        out.append("</details>")
    return out


def render(diff: PlanDiff) -> str:
    """The comment body."""
    e = escape_markdown
    out = [
        MARKER,
        f"### Perubahan rencana {_code(diff.base_label)} → {_code(diff.head_label)}",
        "",
        f"**{e(headline(diff))}**",
        "",
    ]
    verdicts = verdict_changes(diff)
    if verdicts:
        out += [f"#### {VERDICT_HEADING}", VERDICT_NOTE, ""]
        out += [f"- {e(sentence(c, diff.bidang_names))}" for c in verdicts]
        out.append("")
    if diff.unreadable:
        out.append("**Tidak dibandingkan** (berkas tidak terbaca; lihat temuannya):")
        out += [f"- {e(name)}" for name in diff.unreadable]
        out.append("")
    if diff.introduced:
        out.append(f"#### Temuan baru ({len(diff.introduced)})")
        out += _items([f"`{p.code}` {e(p.location)}: {e(message(p))}" for p in diff.introduced])
        out.append("")
    totals = [t for t in diff.programs if t.old != t.new]
    totals_b = [t for t in diff.bidang if t.old != t.new]
    if totals or totals_b:
        out += ["| | sebelum → sesudah |", "|---|---|"]
        out += [f"| {e(t.name)} | {e(money_change(t.old, t.new))} |" for t in totals]
        out += [
            f"| {e(diff.bidang_names.get(t.key, t.key))} | {e(money_change(t.old, t.new))} |"
            for t in totals_b
        ]
        out.append(f"| **Total** | **{e(money_change(diff.agency.old, diff.agency.new))}** |")
        out.append("")
    for slug, changes in sections(diff).items():
        out.append(f"#### {e(section_name(slug, diff.bidang_names))}")
        out += _items([e(sentence(c, diff.bidang_names)) for c in changes])
        out.append("")
    if diff.fixed:
        out.append(f"<details><summary>Temuan yang diperbaiki ({len(diff.fixed)})</summary>")
        out.append("")
        out += [f"- `{p.code}` {e(p.location.file)}: {e(message(p))}" for p in diff.fixed]
        out += ["", "</details>", ""]
    text = "\n".join(out).rstrip() + "\n"
    if len(text) > LIMIT:
        cut = text[:LIMIT].rsplit("\n", 1)[0]
        cut += "\n\n</details>" * (cut.count("<details>") - cut.count("</details>"))
        text = (
            cut + "\n\n… (dipotong: perubahan terlalu banyak untuk satu komentar; "
            "jalankan `renaksi diff` untuk daftar lengkap)\n"
        )
    return text
