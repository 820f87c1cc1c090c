"""Load two revisions of a plan and compare them: from git, or from two folders.

This is where :mod:`renaksi.plan.git` (reading revisions) meets :mod:`renaksi.diff.plan`
(comparing); both sides are validated, so the diff can say which findings a change
introduces or fixes.
"""

from __future__ import annotations

import os
from pathlib import Path

from renaksi.diff.plan import PlanDiff, diff_plans
from renaksi.plan import git
from renaksi.plan.folder import BIDANG_DIR, INSTANSI_FILE, PK_FILE, REALISASI_DIR, Plan
from renaksi.plan.load import MAX_BYTES, LoadResult, load_plan, load_source
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


def compare_dirs(base: Path, head: Path) -> PlanDiff:
    """Compare two plan folders on disk."""
    return _compare(load_plan(base), load_plan(head), display_path(base), display_path(head))


def _plan_file(rel: str) -> bool:
    """The files the loader reads (the rest is only listed)."""
    return rel in (INSTANSI_FILE, PK_FILE) or (
        rel.startswith((f"{BIDANG_DIR}/", f"{REALISASI_DIR}/")) and rel.count("/") == 1
    )


def _at_revision(root: Path, revision: str, prefix: str) -> LoadResult | None:
    """The plan at ``revision``, or None when the folder does not exist there yet."""
    commit = git.resolve(root, revision)
    files = git.read_folder(root, commit, prefix, MAX_BYTES, _plan_file)
    if not files:
        return None
    return load_source(MemorySource(files, f"{revision}:{prefix}"), folder=Path(prefix))


def _nothing(prefix: str, label: str) -> LoadResult:
    """An empty plan, for a side where the plan folder does not exist: all is new."""
    return LoadResult(Plan(folder=Path(prefix), display=f"{label}:{prefix}"))


def compare_git(folder: Path, base: str, head: str | None) -> PlanDiff:
    """Compare ``folder`` at revision ``base`` with revision ``head`` (or the work tree).

    ``main...feature`` as ``base`` compares the merge base of the two with ``feature``.
    """
    root = git.repo_root(folder if folder.is_dir() else folder.parent)
    prefix = os.path.relpath(folder.resolve(), root.resolve()).replace(os.sep, "/")
    if prefix.startswith(".."):
        raise git.GitError(f"{folder}: di luar repositori git {root}")
    if "..." in base and head is None:
        head = base.split("...", 1)[1] or "HEAD"
    base_side = _at_revision(root, base, prefix) or _nothing(prefix, base)
    if head is None:
        head_side = load_plan(folder)
        head_label = "salinan kerja (belum di-commit)"
    else:
        found = _at_revision(root, head, prefix)
        if found is None:
            raise git.GitError(f"{prefix} tidak ada di revisi {head}")
        head_side = found
        head_label = head
    return _compare(base_side, head_side, base, head_label)
