"""The only place that runs git: which revision a plan folder is at.

Every rendered document carries this in its footer, so a printed, signed page can be traced
back to the exact YAML it was made from.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from renaksi import __version__


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a rendered document came from."""

    commit: str | None
    dirty: bool
    version: str = __version__

    @property
    def in_git(self) -> bool:
        """True when the plan folder is inside a git repository."""
        return self.commit is not None

    @property
    def short(self) -> str | None:
        """The abbreviated commit, as people quote it."""
        return self.commit[:12] if self.commit else None


def _git(folder: Path, *args: str) -> str | None:
    exe = shutil.which("git")
    if exe is None:
        return None
    try:
        run = subprocess.run(
            [exe, "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


def provenance(folder: Path) -> Provenance:
    """The commit of the repository holding ``folder``, and whether the folder has
    uncommitted changes (modified, staged or untracked files below it)."""
    head = _git(folder, "rev-parse", "--verify", "--quiet", "HEAD")
    if head is None:
        inside = _git(folder, "rev-parse", "--is-inside-work-tree")
        if inside is None or inside.strip() != "true":
            return Provenance(commit=None, dirty=False)
        # A repository without commits yet: everything is uncommitted.
        return Provenance(commit="0" * 40, dirty=True)
    status = _git(folder, "status", "--porcelain", "--untracked-files=normal", "--", ".")
    return Provenance(commit=head.strip(), dirty=bool(status and status.strip()))
