"""The only place that runs git: which revision a plan folder is at, and a plan folder
as it was at any revision (read from git objects, never from the work tree).

Every rendered document carries this in its footer, so a printed, signed page can be traced
back to the exact YAML it was made from.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renaksi import __version__


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a rendered document came from."""

    commit: str | None
    dirty: bool
    version: str = __version__
    repository: bool = True

    @property
    def in_git(self) -> bool:
        """True when the plan folder is inside a git repository."""
        return self.repository

    @property
    def short(self) -> str | None:
        """The abbreviated commit, as people quote it."""
        return self.commit[:12] if self.commit else None


class GitError(Exception):
    """git could not answer: not a repository, an unknown revision (exit code 2)."""


def _run(root: Path, *args: str, data: bytes | None = None, timeout: float = 60) -> bytes:
    """Run ``git -C root ARGS``: its output, or GitError with git's own message."""
    exe = shutil.which("git")
    if exe is None:
        raise GitError(
            "git tidak terpasang; untuk membandingkan tanpa git pakai --base-dir/--head-dir"
        )
    try:
        run = subprocess.run(
            [exe, "-C", str(root), *args],
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git gagal dijalankan: {exc}") from None
    if run.returncode != 0:
        raise GitError(run.stderr.decode("utf-8", "replace").strip() or "git gagal")
    return run.stdout


def provenance(folder: Path) -> Provenance:
    """The commit of the repository holding ``folder``, and whether the folder has
    uncommitted changes (modified, staged or untracked files below it).

    One ``git status`` answers both (its porcelain v2 header names the commit).
    """
    try:
        status = _run(
            folder,
            "status",
            "--porcelain=v2",
            "--branch",
            "--untracked-files=normal",
            "--",
            ".",
            timeout=10,
        ).decode("utf-8", "surrogateescape")
    except GitError:  # no git, not a repository: the footer says so, nothing fails
        return Provenance(commit=None, dirty=False, repository=False)
    commit = None
    dirty = False
    for line in status.splitlines():
        if line.startswith("# branch.oid "):
            oid = line.removeprefix("# branch.oid ").strip()
            commit = None if oid == "(initial)" else oid
        elif line and not line.startswith("#"):
            dirty = True
    # A repository without commits yet: everything in it is uncommitted.
    return Provenance(commit=commit, dirty=dirty or commit is None)


def repo_root(path: Path) -> Path:
    """The top folder of the git work tree holding ``path``."""
    if shutil.which("git") is None:
        raise GitError(
            "git tidak terpasang; untuk membandingkan tanpa git pakai --base-dir/--head-dir"
        )
    try:
        out = _run(path, "rev-parse", "--show-toplevel")
    except GitError:
        raise GitError(
            f"{path}: bukan repositori git; untuk membandingkan dua folder pakai "
            "--base-dir dan --head-dir"
        ) from None
    return Path(out.decode().strip())


def resolve(root: Path, revision: str) -> str:
    """The commit a revision names (branch, tag, sha, ``A...B`` for their merge base)."""
    if "..." in revision:
        left, right = revision.split("...", 1)
        first, second = resolve(root, left or "HEAD"), resolve(root, right or "HEAD")
        try:
            out = _run(root, "merge-base", first, second)
        except GitError:
            hint = ""
            if _run(root, "rev-parse", "--is-shallow-repository").strip() == b"true":
                hint = (
                    "; repositori ini dangkal (shallow clone): ambil riwayatnya dengan "
                    "'git fetch --deepen=100' atau fetch-depth: 0 di GitHub Actions"
                )
            raise GitError(f"revisi {revision}: tidak ada merge base{hint}") from None
        return out.decode().strip()
    try:
        out = _run(
            root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except GitError:
        raise GitError(f"revisi {revision} tidak dikenal di repositori ini") from None
    return out.decode().strip()


def read_folder(
    root: Path,
    commit: str,
    prefix: str,
    limit: int,
    wanted: Callable[[str], bool],
    *,
    total: int | None = None,
    order: Callable[[str], Any] = str,
) -> dict[str, bytes | None]:
    """The files below ``prefix`` at ``commit``, keyed by path relative to ``prefix``.

    Reads objects straight from the repository: the working tree and index are untouched.
    Only files ``wanted`` (by relative path) are read, and none beyond ``limit`` + 1 bytes:
    a file of zeros compresses to almost nothing in git, so its size in the repository
    says nothing about its size once read. Other files are listed with no content.

    With ``total``, wanted files are read in ``order`` until their sizes add up past it:
    that file and the ones after it are left unread (None), so a revision with thousands
    of files holds no more than ``total`` bytes in memory.
    """
    listing = _run(root, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", prefix)
    base = prefix.rstrip("/") + "/"
    files: dict[str, bytes | None] = {}
    entries = []
    # One object for every oversized file: each is refused unread, and a thousand of them
    # must not take a thousand times ``limit`` bytes.
    oversized = b"\0" * (limit + 1)
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, raw_path = record.split(b"\t", 1)
        _, kind, sha, blob_size = meta.split()
        if kind != b"blob":
            continue
        name = raw_path.decode("utf-8", "surrogateescape")
        rel = name[len(base) :] if name.startswith(base) else name
        if not wanted(rel):
            files[rel] = b""
        elif int(blob_size) > limit:
            files[rel] = oversized  # read as "too large", never loaded
        else:
            entries.append((rel, sha.decode(), int(blob_size)))
    entries.sort(key=lambda entry: order(entry[0]))
    if total is not None:
        for index, (_, _, size) in enumerate(entries):
            total -= size
            if total < 0:
                files.update((rel, None) for rel, _, _ in entries[index:])
                del entries[index:]
                break
    if not entries:
        return files
    batch = _run(
        root, "cat-file", "--batch", data="".join(f"{sha}\n" for _, sha, _ in entries).encode()
    )
    offset = 0
    for rel, _, _ in entries:
        header_end = batch.index(b"\n", offset)
        size = int(batch[offset:header_end].split()[2])
        start = header_end + 1
        files[rel] = batch[start : start + size]
        offset = start + size + 1
    return files
