"""Load two revisions of a plan and compare them: from git, or from two folders.

This is where :mod:`renaksi.plan.git` (reading revisions) meets :mod:`renaksi.diff.plan`
(comparing); both sides are validated, so the diff can say which findings a change
introduces or fixes.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from renaksi.diff.plan import PlanDiff, diff_plans
from renaksi.plan import git
from renaksi.plan.folder import Plan
from renaksi.plan.load import (
    MAX_BYTES,
    MAX_PLAN_BYTES,
    LoadResult,
    load_plan,
    load_source,
    reading_order,
)
from renaksi.plan.perubahan import apply
from renaksi.plan.source import MemorySource, display_path
from renaksi.rules.check import check_loaded


def _compare(base: LoadResult, head: LoadResult, base_label: str, head_label: str) -> PlanDiff:
    # A side with no plan at all (a new year's folder) has no findings to compare with.
    empty = not base.files
    return diff_plans(
        base.plan,
        head.plan,
        base_problems=[] if empty else check_loaded(base),
        head_problems=check_loaded(head),
        base_label=base_label,
        head_label=head_label,
    )


def compare_dirs(base: Path, head: Path, *, max_plan_bytes: int = MAX_PLAN_BYTES) -> PlanDiff:
    """Compare two plan folders on disk; each holds at most ``max_plan_bytes``."""
    return _compare(
        load_plan(base, max_plan_bytes=max_plan_bytes),
        load_plan(head, max_plan_bytes=max_plan_bytes),
        display_path(base),
        display_path(head),
    )


def compare_perubahan(
    folder: Path, perubahan: Path | None = None, *, max_plan_bytes: int = MAX_PLAN_BYTES
) -> PlanDiff | None:
    """Compare the murni version of the plan in ``folder`` with its Perubahan (its own
    ``perubahan.yaml``, or the file ``perubahan``); None when it has none. Both versions
    are checked as whole plans, as two revisions are."""
    loaded = load_plan(folder, max_plan_bytes=max_plan_bytes, perubahan=perubahan)
    changed = apply(loaded.plan)
    if changed is None:
        return None
    # Neither side is the Perubahan file itself: its values are what differs between them.
    murni = replace(loaded.plan, perubahan=None, perubahan_doc=None)
    versi = replace(changed, perubahan=None, perubahan_doc=None)
    return diff_plans(
        murni,
        versi,
        base_problems=check_loaded(LoadResult(murni, list(loaded.problems), loaded.files)),
        head_problems=check_loaded(LoadResult(versi, list(loaded.problems), loaded.files)),
        base_label="murni",
        head_label="perubahan",
    )


def _plan_file(rel: str) -> bool:
    """The files the loader reads (the rest is only listed)."""
    return reading_order(rel) is not None


def _at_revision(root: Path, revision: str, prefix: str, max_plan_bytes: int) -> LoadResult | None:
    """The plan at ``revision``, or None when the folder does not exist there yet."""
    commit = git.resolve(root, revision)
    # Read in the loader's order and stop at the plan's limit, as the loader would: the
    # files past it are refused unread, so they are not read from git either.
    files = git.read_folder(
        root,
        commit,
        prefix,
        MAX_BYTES,
        _plan_file,
        total=max(max_plan_bytes, MAX_BYTES),
        order=reading_order,
    )
    if not files:
        return None
    return load_source(
        MemorySource(files, f"{revision}:{prefix}"),
        folder=Path(prefix),
        max_plan_bytes=max_plan_bytes,
    )


def _nothing(prefix: str, label: str) -> LoadResult:
    """An empty plan, for a side where the plan folder does not exist: all is new."""
    return LoadResult(Plan(folder=Path(prefix), display=f"{label}:{prefix}"))


def compare_git(
    folder: Path, base: str, head: str | None, *, max_plan_bytes: int = MAX_PLAN_BYTES
) -> PlanDiff:
    """Compare ``folder`` at revision ``base`` with revision ``head`` (or the work tree).

    ``main...feature`` as ``base`` compares the merge base of the two with ``feature``.
    Each revision is one plan: it holds at most ``max_plan_bytes``.
    """
    root = git.repo_root(folder if folder.is_dir() else folder.parent)
    prefix = os.path.relpath(folder.resolve(), root.resolve()).replace(os.sep, "/")
    if prefix.startswith(".."):
        raise git.GitError(f"{folder}: di luar repositori git {root}")
    if "..." in base and head is None:
        head = base.split("...", 1)[1] or "HEAD"
    base_side = _at_revision(root, base, prefix, max_plan_bytes) or _nothing(prefix, base)
    if head is None:
        head_side = load_plan(folder, max_plan_bytes=max_plan_bytes)
        head_label = "salinan kerja (belum di-commit)"
    else:
        found = _at_revision(root, head, prefix, max_plan_bytes)
        if found is None:
            raise git.GitError(f"{prefix} tidak ada di revisi {head}")
        head_side = found
        head_label = head
    return _compare(base_side, head_side, base, head_label)
