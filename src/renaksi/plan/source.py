"""Where a plan's files come from: a folder on disk, or a set of files read from git.

The loader asks a source for names and bytes only, so the same checks run on the working
tree and on any revision (``renaksi diff`` reads both sides without touching the tree).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

from renaksi.text.os_errors import os_reason

Kind = Literal["file", "dir", "missing"]


def read_at_most(handle: BinaryIO, limit: int, size: int | None = None) -> bytes:
    """At most ``limit`` bytes of an open file whose size was ``size`` when looked at.

    Asked for ``limit`` bytes, a buffered read first allocates all of them (2 MiB for a plan
    file of a few KiB, a fifth of reading a plan); the known size bounds the first read, and
    a file grown since is read on up to the limit."""
    if size is None:
        size = os.fstat(handle.fileno()).st_size
    want = min(limit, size + 1)
    data = handle.read(want)
    if len(data) == want < limit:
        data += handle.read(limit - want)
    return data


class PlanIOError(Exception):
    """A plan folder or file that cannot be read at all (exit code 2)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class OverPlanLimitError(Exception):
    """A file left unread because the plan's files before it already pass the size limit
    of the whole plan: a source that knows sizes before reading (git) stops there."""


def display_path(path: Path) -> str:
    """A path as shown to users: relative to the current folder when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def check_regular(path: Path, folder: Path, shown: str, root: Path | None = None) -> None:
    """Refuse what only looks like a plan file: a device or pipe (reading it would never
    end), or a symbolic link leading out of the plan folder (in a pull request it could
    make renaksi print lines of any file on the machine that runs the check). ``root`` is
    ``folder`` already resolved, when the caller has it."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise PlanIOError(f"{shown}: bukan berkas biasa (perangkat atau pipa)", shown)
    check_inside(path, folder, shown, root)


def check_inside(path: Path, folder: Path, shown: str, root: Path | None = None) -> None:
    """Refuse ``path`` when it (or a folder on the way to it, e.g. a ``realisasi/`` that is
    a symbolic link) leads out of the plan folder (``root``: the folder resolved)."""
    try:
        target = path.resolve()
        root = root or folder.resolve()
    except RuntimeError:  # a symbolic link loop (Python < 3.13 raises this)
        raise PlanIOError(
            f"{shown}: tautan simbolik berputar (menunjuk ke dirinya sendiri)", shown
        ) from None
    if not target.is_relative_to(root):
        raise PlanIOError(
            f"{shown}: tautan simbolik ke luar folder rencana ({target}) tidak dibaca", shown
        )


class PlanSource(Protocol):
    """Read access to one plan folder; ``rel`` paths use ``/`` and are relative to it."""

    def display(self, rel: str) -> str:
        """How a file is named in findings."""

    def kind(self, rel: str) -> Kind:
        """Whether ``rel`` is a file, a folder, or absent."""

    def names(self, rel: str) -> list[str]:
        """The entries of folder ``rel``, sorted."""

    def read(self, rel: str, limit: int) -> bytes:
        """At most ``limit`` bytes of file ``rel``."""


class DirSource:
    """A plan folder on disk."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root: Path | None = None
        self._shown: str | None = None
        #: Folders below the plan folder (relative) known to hold no link on the way.
        self._plain_folders: set[str] = {""}

    def _resolved(self) -> Path:
        # Resolved once: resolving walks every component of the path with a system call
        # each, and every file of the plan is checked against the same folder.
        if self._root is None:
            self._root = self.folder.resolve()
        return self._root

    def display(self, rel: str) -> str:
        if self._shown is None:
            self._shown = display_path(self.folder)
        if not rel:
            return self._shown
        shown = self._shown
        if os.sep != "/" or rel[0] == "." or shown.startswith("..") or os.path.isabs(shown):
            return display_path(self.folder / rel)
        # Below the current folder, a plain name below the plan folder is shown below the
        # folder's own name: display_path would ask the system for the current folder again
        # for every file.
        return rel if shown == "." else f"{shown}/{rel}"

    def real_name(self) -> str:
        """The name the folder really has (``.`` or a link resolved on disk), from the one
        resolution every file is checked against."""
        return self._resolved().name

    def kind(self, rel: str) -> Kind:
        # One lstat (and a stat for a link) answers what is_dir, exists and is_symlink
        # answered with two or three system calls, with their errors: a name that is not
        # there is missing, a link leading nowhere a file, any other failure raised.
        path = self.folder / rel
        try:
            info = os.lstat(path)
        except ValueError:  # a NUL in the name
            return "missing"
        except OSError as exc:
            if _absent(exc):
                return "missing"
            raise
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(path)
            except OSError as exc:
                if _absent(exc):
                    return "file"
                raise
        return "dir" if stat.S_ISDIR(info.st_mode) else "file"

    def names(self, rel: str) -> list[str]:
        if not self._plain_folder(rel):
            check_inside(self.folder / rel, self.folder, self.display(rel), self._resolved())
        try:
            return sorted(os.listdir(self.folder / rel))
        except OSError as exc:
            shown = self.display(rel)
            raise PlanIOError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})", shown) from None

    def read(self, rel: str, limit: int) -> bytes:
        shown = self.display(rel)
        path = self.folder / rel
        try:
            info = os.lstat(path)
            linked = stat.S_ISLNK(info.st_mode)
            if linked:
                info = path.stat()  # what the link leads to
            if stat.S_ISDIR(info.st_mode):
                raise PlanIOError(f"{shown}: sebuah folder, padahal yang diharapkan berkas", shown)
            if not stat.S_ISREG(info.st_mode):
                raise PlanIOError(f"{shown}: bukan berkas biasa (perangkat atau pipa)", shown)
            if linked or not self._plain_folder(rel.rpartition("/")[0]):
                check_inside(path, self.folder, shown, self._resolved())
            with path.open("rb") as handle:
                return read_at_most(handle, limit, info.st_size)
        except OSError as exc:
            raise PlanIOError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})", shown) from None

    def _plain_folder(self, rel: str) -> bool:
        """Whether no folder on the way from the plan folder to ``rel`` is a link: a file
        that is no link itself is then inside the plan folder, without resolving its path
        (a system call for every part of it, for every file)."""
        if rel in self._plain_folders:
            return True
        parent = rel.rpartition("/")[0]
        if not self._plain_folder(parent) or os.path.islink(self.folder / rel):
            return False
        self._plain_folders.add(rel)
        return True


#: The errors after which pathlib's is_dir, exists and is_symlink answer False rather
#: than raise (pathlib._IGNORED_ERRNOS and _IGNORED_WINERRORS in Python 3.11-3.12):
#: no such file, a file on the way, a bad descriptor, a link loop; on Windows a drive not
#: ready, an invalid name, a name that cannot be resolved.
_ABSENT_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
_ABSENT_WINERRORS = frozenset({21, 123, 1921})


def _absent(exc: OSError) -> bool:
    return exc.errno in _ABSENT_ERRNOS or getattr(exc, "winerror", None) in _ABSENT_WINERRORS


class MemorySource:
    """A plan folder held in memory, e.g. as read from a git revision. A file given as
    None was left unread (:class:`OverPlanLimitError`)."""

    def __init__(self, files: Mapping[str, bytes | None], display_root: str) -> None:
        self.files = dict(files)
        self.display_root = display_root

    def display(self, rel: str) -> str:
        return f"{self.display_root}/{rel}" if rel else self.display_root

    def kind(self, rel: str) -> Kind:
        if rel in self.files:
            return "file"
        prefix = f"{rel}/" if rel else ""
        return "dir" if any(name.startswith(prefix) for name in self.files) else "missing"

    def names(self, rel: str) -> list[str]:
        prefix = f"{rel}/" if rel else ""
        found = {n[len(prefix) :].split("/", 1)[0] for n in self.files if n.startswith(prefix)}
        return sorted(found)

    def read(self, rel: str, limit: int) -> bytes:
        data = self.files[rel]
        if data is None:
            raise OverPlanLimitError(rel)
        return data[:limit]
