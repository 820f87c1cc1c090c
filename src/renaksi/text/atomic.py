"""Writing output files: atomically, and never over a plan file.

A report is written to a temporary file next to its destination and renamed into place,
so a reader (or a crash) never sees half a document. Plan folders are protected: renaksi
only ever reads them. Not only the plan being printed: ``report plans/2024 -o
plans/2025/perjanjian-kinerja.yaml`` would overwrite another year's plan. A destination is
refused inside any folder given as protected, inside any year folder beside a protected
year folder (``plans/2025`` next to ``plans/2024``, even one not made yet), and inside any
folder that holds an ``instansi.yaml``: whatever is being printed, that is a plan folder.

A signal that ends the process (SIGTERM from a CI timeout, SIGHUP from a closed terminal,
Ctrl-C) while the temporary file is being written would leave it behind, as big as the
report: while it exists, those signals raise :class:`Interrupted`, the file is removed on
the way out, and the command exits with 128 + the signal's number, as a shell reports it.
It is a SystemExit: typer turns a KeyboardInterrupt into a silent exit 130 whatever the
signal was.
"""

from __future__ import annotations

import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from renaksi.text.os_errors import os_reason


class OutputFileError(Exception):
    """The output file cannot or may not be written (exit code 2)."""


class Interrupted(SystemExit):
    """A signal stopped the write; the exit code is what a shell reports for a process the
    signal ended: 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


#: Signals whose default is to end the process (Ctrl-C's KeyboardInterrupt included).
STOPPING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Within the block, a stopping signal raises :class:`Interrupted`; the handlers in
    place before (Python's, the shell's SIG_IGN under ``nohup``) are restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; an embedding program owns them
        return
    previous = {}
    try:
        for signum in STOPPING:
            before = signal.getsignal(signum)
            if before is not signal.SIG_IGN:  # ignored (nohup, a background job) stays so
                previous[signum] = before
                signal.signal(signum, _interrupt)
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)


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


def write_atomic(path: Path, text: str | bytes, *, protected: Sequence[Path] = ()) -> None:
    """Write ``text`` to ``path`` in UTF-8 (or as given, for bytes: a PDF) via a temporary
    file and a rename.

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
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                with target.open("w", encoding="utf-8", newline="\n") as out:
                    out.write(text)
        except OSError as exc:
            raise OutputFileError(f"{path}: tidak dapat ditulis ({os_reason(exc)})") from None
        return
    with _stopped_by_signals():
        _write_replace(path, target, text)


def _write_replace(path: Path, target: Path, text: str | bytes) -> None:
    """Write a temporary file beside ``target`` and rename it into place; on any failure or
    interruption the temporary file is removed."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OutputFileError(f"{path}: tidak dapat ditulis ({os_reason(exc)})") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
        else:
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
