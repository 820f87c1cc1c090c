"""The only place that runs git: which revision a plan folder is at, and a plan folder
as it was at any revision (read from git objects, never from the work tree).

Every rendered document carries this in its footer, so a printed, signed page can be traced
back to the exact YAML it was made from.

The repository is data, never code to run. renaksi may be run in a folder it did not make
(a downloaded copy with its .git, a pull request's checkout), and a repository's own
config can name programs git runs by itself: an fsmonitor hook at every ``git status``,
hooks, a pager, diff and filter drivers, a fetch command. Every git command gets settings
that turn these off (given with ``-c``, which overrides every config file), and an
environment that cannot prompt, page, or point git at another repository. The system and
global config files are still read: they are the user's own, and may hold what their git
needs (``safe.directory`` for a CI checkout owned by another user, ``core.autocrlf``).
"""

from __future__ import annotations

import os
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


#: Settings on every git command line, over whatever the repository's config says.
_SAFE_SETTINGS = (
    "core.fsmonitor=false",  # a program git runs at every status
    "core.hooksPath=/dev/null",  # no hooks (a status that writes the index runs one)
    "core.pager=cat",
    "diff.external=",
    # No fetch: a partial clone fetches a missing object through its remote, and the
    # repository's config says how (core.sshCommand, remote.<name>.uploadpack).
    "protocol.allow=never",
    "gc.auto=0",
    "maintenance.auto=false",
)
#: Variables with which an outer git (a hook, a CI step) would point git at another
#: repository, index or object store than the one holding the folder, or at a diff program.
_DROPPED_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_EXTERNAL_DIFF",
)
_SET_VARIABLES = {
    "GIT_TERMINAL_PROMPT": "0",  # never wait for a password nobody will type
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    # status neither writes the index nor takes its lock: renaksi leaves the repository
    # as it found it.
    "GIT_OPTIONAL_LOCKS": "0",
}


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_VARIABLES}
    env.update(_SET_VARIABLES)
    return env


def _command(exe: str, root: Path, settings: tuple[str, ...], args: tuple[str, ...]) -> list[str]:
    options = [item for setting in settings for item in ("-c", setting)]
    return [exe, "--no-pager", *options, "-C", str(root), *args]


def _run(
    root: Path,
    *args: str,
    data: bytes | None = None,
    timeout: float = 60,
    settings: tuple[str, ...] = (),
) -> bytes:
    """Run ``git -C root ARGS`` with :data:`_SAFE_SETTINGS` (and ``settings``): its output,
    or GitError with git's own message."""
    exe = shutil.which("git")
    if exe is None:
        raise GitError(
            "git tidak terpasang; untuk membandingkan tanpa git pakai --base-dir/--head-dir"
        )
    try:
        run = subprocess.run(
            _command(exe, root, _SAFE_SETTINGS + settings, args),
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=_environment(),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git gagal dijalankan: {exc}") from None
    if run.returncode != 0:
        raise GitError(run.stderr.decode("utf-8", "replace").strip() or "git gagal")
    return run.stdout


def provenance(folder: Path) -> Provenance:
    """The commit of the repository holding ``folder``, and whether the folder has
    uncommitted changes (modified, staged or untracked files below it).

    One ``git status`` answers both (its porcelain v2 header names the commit), after one
    ``git config`` that names the filter drivers to turn off (see :func:`_status_settings`).
    """
    if not _has_git_above(folder):  # no repository to ask: no git process at all
        return Provenance(commit=None, dirty=False, repository=False)
    try:
        settings = _status_settings(folder)
        if settings is None:
            raise GitError("bukan repositori git")
        status = _run(
            folder,
            "status",
            "--porcelain=v2",
            "--branch",
            "--untracked-files=normal",
            # A submodule's status is another git run, in a repository with its own
            # config; a plan folder holds none.
            "--ignore-submodules=all",
            "--",
            ".",
            timeout=10,
            settings=settings,
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


def _has_git_above(folder: Path) -> bool:
    """Whether ``folder`` or a folder above it holds a ``.git`` (a folder, or the file of
    a linked work tree or submodule): without one, git finds no work tree either (the
    variables that could point it elsewhere are dropped, see :func:`_environment`), so
    the answer is known without starting a process. The physical path is walked, as git
    walks it after changing into the folder."""
    here = Path(os.path.realpath(folder))
    return any(os.path.lexists(there / ".git") for there in (here, *here.parents))


#: The config keys :func:`_status_settings` asks for: every filter driver's, and two that
#: ``git init`` writes into every repository's own config.
_STATUS_KEYS = r"^(filter\.|core\.(repositoryformatversion|bare)$)"


def _status_settings(folder: Path) -> tuple[str, ...] | None:
    """Settings for ``git status`` that turn off every filter driver the config names, or
    None when ``folder`` is in no repository (no config of a repository's own scope).

    status runs a driver's clean command on a file whose time changed, and there is no
    setting for all drivers at once, so each configured one is emptied by name (reading
    config runs nothing). The same answer says whether there is a repository at all, so
    outside one this is the only git run. A driver name that cannot be written as
    ``-c name=value`` (it holds an ``=``) cannot be emptied: GitError, no status.
    """
    try:
        listing = _run(folder, "config", "-z", "--show-scope", "--get-regexp", _STATUS_KEYS)
    except GitError:  # nothing matched (git exits 1): no repository, no driver
        return None
    fields = listing.split(b"\0")
    names = set()
    repository = False
    for scope, record in zip(fields[0::2], fields[1::2], strict=False):
        key = record.split(b"\n", 1)[0].decode("utf-8", "surrogateescape")
        if key.startswith("core."):
            repository = repository or scope in (b"local", b"worktree")
        elif key.count(".") >= 2:
            names.add(key[len("filter.") : key.rindex(".")])
    if not repository:
        return None
    if any("=" in name for name in names):
        raise GitError("filter driver yang namanya memuat '=' tidak dapat dimatikan")
    return tuple(
        f"filter.{name}.{setting}"
        for name in sorted(names)
        for setting in ("clean=", "smudge=", "process=", "required=false")
    )


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
    try:
        listing = _run(root, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", prefix)
    except GitError as exc:  # a tree object is missing or damaged
        raise _missing(commit, prefix, str(exc)) from None
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
        elif not blob_size.isdigit():  # "BAD" or "-": git could not read the object
            raise _missing(commit, name, f"objek {sha.decode()} tidak ada")
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
    files.update(_read_blobs(root, commit, prefix, [(rel, sha) for rel, sha, _ in entries]))
    return files


def _read_blobs(
    root: Path, commit: str, prefix: str, entries: list[tuple[str, str]]
) -> dict[str, bytes]:
    """The contents of blobs (relative path, object id) below ``prefix``, in one git call."""
    if not entries:
        return {}
    base = prefix.rstrip("/") + "/"
    try:
        batch = _run(
            root, "cat-file", "--batch", data="".join(f"{sha}\n" for _, sha in entries).encode()
        )
    except GitError as exc:  # an object is there but damaged
        raise _missing(commit, prefix, str(exc)) from None
    files: dict[str, bytes] = {}
    offset = 0
    for rel, oid in entries:
        header_end = batch.find(b"\n", offset)
        header = batch[offset:header_end].split() if header_end >= 0 else []
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
            # "<sha> missing": listed by the tree, absent from the object store.
            raise _missing(commit, f"{base}{rel}", f"objek {oid} tidak ada")
        size = int(header[2])
        start = header_end + 1
        files[rel] = batch[start : start + size]
        offset = start + size + 1
    return files


def _missing(commit: str, path: str, detail: str) -> GitError:
    """A plan file (or folder) at ``commit`` whose git object cannot be read."""
    return GitError(
        f"{path} di revisi {commit[:12]} tidak dapat dibaca dari repositori git ({detail}): "
        "objeknya hilang atau rusak (klon parsial dengan --filter, atau repositori rusak). "
        "renaksi tidak mengambil objek dari remote; lengkapi dulu objeknya (mis. git fetch "
        "--refetch, atau clone tanpa --filter), atau periksa repositori dengan git fsck"
    )
