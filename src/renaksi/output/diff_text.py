"""``renaksi diff --format text``: the change in plain words for the terminal."""

from __future__ import annotations

from renaksi.diff.plan import PlanDiff
from renaksi.output.diff_words import (
    VERDICT_HEADING,
    headline,
    section_name,
    sections,
    sentence,
    total_line,
    verdict_changes,
)
from renaksi.output.messages import message
from renaksi.text.controls import one_line


def render(diff: PlanDiff) -> str:
    """Headline, changes to how monitoring judges, totals that changed, changes per bidang,
    then validation differences."""
    lines = [f"Perubahan rencana {diff.base_label} → {diff.head_label}", headline(diff), ""]
    verdicts = verdict_changes(diff)
    if verdicts:
        lines.append(f"{VERDICT_HEADING}:")
        lines += [f"  - {sentence(c, diff.bidang_names)}" for c in verdicts]
        lines.append("")
    if diff.unreadable:
        lines.append("Tidak dibandingkan (berkas tidak terbaca; lihat temuannya):")
        lines += [f"  - {name}" for name in diff.unreadable]
        lines.append("")
    changed = [t for t in diff.programs if t.old != t.new]
    changed_bidang = [t for t in diff.bidang if t.old != t.new]
    if changed or changed_bidang:
        lines.append("Total per program dan bidang:")
        lines += [f"  {total_line(t)}" for t in changed]
        lines += [
            f"  {diff.bidang_names.get(t.key, t.key)}: {total_line(t).split(': ', 1)[1]}"
            for t in changed_bidang
        ]
        lines.append("")
    for slug, changes in sections(diff).items():
        lines.append(section_name(slug, diff.bidang_names))
        lines += [f"  - {sentence(c, diff.bidang_names)}" for c in changes]
        lines.append("")
    if diff.introduced:
        lines.append("Temuan baru dari renaksi validate:")
        lines += [f"  - {p.code} {p.location}: {message(p)}" for p in diff.introduced]
        lines.append("")
    if diff.fixed:
        lines.append("Temuan yang diperbaiki:")
        lines += [f"  - {p.code} {p.location.file}: {message(p)}" for p in diff.fixed]
        lines.append("")
    # Each entry is one line: a plan value in it shows its breaks as \n, never starts a line.
    return "\n".join(one_line(line) for line in lines).rstrip() + "\n"
