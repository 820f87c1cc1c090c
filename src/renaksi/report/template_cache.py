"""Compiled templates kept between runs: Jinja's bytecode cache in the user's cache folder.

Compiling the document's templates took longer than rendering them. Jinja checks each
cached entry against the SHA-1 of the template's current source (and its own and Python's
bytecode version), so an edited template, the user's or renaksi's, is compiled again.

The cache is only a speed-up: a folder that cannot be made or written, or an unreadable
entry, means compiling as before, never a failure. It is never written inside the plan
folder (a pull request must not gain files from a report), and only a folder that the
user alone can write is used, since Jinja reads its entries with pickle and marshal.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Any

#: Overrides the cache folder; an empty value turns the cache off.
CACHE_ENV = "RENAKSI_CACHE_DIR"
#: The kind of code renaksi compiles templates to, in each entry's file name: Jinja checks
#: an entry against the template's source, not against how it was compiled, so code of
#: another kind (render.py's code generator; another renaksi version) must have another
#: name. Change it whenever the generated code changes.
CODE = "shown1"


def cache_folder() -> Path | None:
    """Where compiled templates go: $RENAKSI_CACHE_DIR, else the platform's user cache
    folder (``$XDG_CACHE_HOME`` or ``~/.cache``) + ``renaksi/templates``."""
    given = os.environ.get(CACHE_ENV)
    if given is not None:
        return Path(given) if given else None
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "renaksi" / "cache" / "templates" if base else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    base_path = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base_path / "renaksi" / "templates"


def _private(folder: Path) -> bool:
    """Made if missing; True when it is a folder only this user can write to."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except (OSError, RuntimeError):
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if os.name == "nt":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_folder(plan_folder: Path | None) -> Path | None:
    """The cache folder, resolved, when it is safe to use for a report of ``plan_folder``."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder = folder.resolve()
        if plan_folder is not None and folder.is_relative_to(plan_folder.resolve()):
            return None
    except (OSError, RuntimeError):
        return None
    return folder if _private(folder) else None


def bytecode_cache(folder: Path) -> Any:
    """A Jinja bytecode cache in ``folder`` (one :func:`usable_folder` returned)."""
    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        """Any failure of the cache is a cache miss."""

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged or foreign entry: compile instead
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            # A full disk, a folder removed meanwhile: compiled again next time then.
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    return QuietCache(str(folder), f"%s.{CODE}.jinja-cache")
