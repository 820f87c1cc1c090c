"""Writing output files: atomically, and never over a plan file.

A report is written to a temporary file next to its destination and renamed into place,
so a reader (or a crash) never sees half a document. Plan folders are protected: renaksi
only ever reads them. Not only the plan being printed: ``report plans/2024 -o
plans/2025/perjanjian-kinerja.yaml`` would overwrite another year's plan. A destination is
refused inside any folder given as protected, inside any year folder beside a protected
year folder (``plans/2025`` next to ``plans/2024``, even one not made yet), and inside any
folder that holds an ``instansi.yaml``: whatever is being printed, that is a plan folder.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from renaksi.text.os_errors import os_reason


class OutputFileError(Exception):
    """The output file cannot or may not be written (exit code 2)."""


#: The file every plan folder has (renaksi reads it first); a folder holding it is a plan.
PLAN_MARKER = "instansi.yaml"
#: A plan folder's name is its year: ``plans/2024``.
_YEAR = re.compile(r"[0-9]{4}")


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


def _plan_folder(target: Path, protected: Sequence[Path]) -> Path | None:
    """The plan folder ``target`` lies in (see the module docstring), if any."""
    for given in protected:
        folder = given.resolve()
        if _inside(target, folder):
            return given
        # plans/2024 protects plans/<every year>, existing or not.
        if _YEAR.fullmatch(folder.name) and _inside(target, folder.parent):
            parts = target.relative_to(folder.parent).parts
            if parts and _YEAR.fullmatch(parts[0]):
                return folder.parent / parts[0]
    for folder in (target, *target.parents):
        try:
            if (folder / PLAN_MARKER).is_file():
                return folder
        except OSError:  # an unreadable folder on the way is not known to be a plan
            continue
    return None


def check_destination(path: Path, protected: Sequence[Path] = ()) -> None:
    """Raise :class:`OutputFileError` when ``path`` lies in a plan folder: one of
    ``protected``, a year folder beside one of them, or any folder with an instansi.yaml."""
    folder = _plan_folder(path.resolve(), protected)
    if folder is not None:
        raise OutputFileError(
            f"{path}: berada di dalam folder rencana {folder}; renaksi tidak menulis ke "
            "folder rencana, pilih tempat lain"
        )


def write_atomic(path: Path, text: str, *, protected: Sequence[Path] = ()) -> None:
    """Write ``text`` to ``path`` in UTF-8 via a temporary file and a rename.

    Refuses a destination in a plan folder (:func:`check_destination`): ``protected`` are
    the folders being read (the plan being rendered, its realisasi).
    """
    check_destination(path, protected)
    target = path.resolve()
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
