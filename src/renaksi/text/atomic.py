"""Writing output files: atomically, and never over a plan file.

A report is written to a temporary file next to its destination and renamed into place,
so a reader (or a crash) never sees half a document. Plan folders are protected: renaksi
only ever reads them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from renaksi.text.os_errors import os_reason


class OutputFileError(Exception):
    """The output file cannot or may not be written (exit code 2)."""


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, text: str, *, protected: Sequence[Path] = ()) -> None:
    """Write ``text`` to ``path`` in UTF-8 via a temporary file and a rename.

    Refuses a destination inside any ``protected`` folder (the plan being rendered).
    """
    target = path.resolve()
    for folder in protected:
        if _inside(target, folder.resolve()):
            raise OutputFileError(
                f"{path}: berada di dalam folder rencana {folder}; renaksi tidak menulis ke "
                "folder rencana, pilih tempat lain"
            )
    if target.is_dir():
        raise OutputFileError(f"{path}: sebuah folder; sebutkan nama berkas keluaran")
    if target.exists() and not target.is_file():
        # A device or pipe (/dev/null, /dev/stdout, a fifo) is written to, never replaced.
        try:
            with target.open("w", encoding="utf-8", newline="\n") as out:
                out.write(text)
        except OSError as exc:
            raise OutputFileError(f"{path}: tidak dapat ditulis ({os_reason(exc)})") from None
        return
    directory = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    except OSError as exc:
        raise OutputFileError(f"{path}: tidak dapat ditulis ({os_reason(exc)})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        # mkstemp makes the file private (0600); a report is an ordinary file.
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputFileError(f"{path}: tidak dapat ditulis ({os_reason(exc)})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
