"""A signal while ``report -o`` writes leaves no temporary file and exits as a shell expects.

The write is made slow deterministically in a child process: its file object writes a
little, says so on stdout and sleeps, so the test signals it while the temporary file
exists. Nothing in renaksi knows it is being tested.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from renaksi.text.atomic import STOPPING, write_atomic

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"

DRIVER = """
import os, signal, sys, time
from renaksi import cli

if os.environ.get("IGNORE_SIGHUP"):
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup does
real_fdopen = os.fdopen


class Slow:
    def __init__(self, file):
        self.file = file

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()

    def write(self, text):
        self.file.write(text[:4096])
        self.file.flush()
        print("menulis", flush=True)
        time.sleep(60)


os.fdopen = lambda *a, **k: Slow(real_fdopen(*a, **k))
sys.exit(cli.main(sys.argv[1:]))
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _start(out: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, "report", str(PLAN), "-f", "html", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "menulis\n", child.communicate(timeout=30)
    return child


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize(
    ("signum", "code"),
    [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)],
    ids=["SIGTERM", "SIGINT", "SIGHUP"],
)
def test_a_signal_while_writing_removes_the_temporary_file(
    tmp_path: Path, signum: int, code: int
) -> None:
    if signum == signal.SIGINT and signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # A background job's shell ignores SIGINT; renaksi keeps an ignored signal
        # ignored (as for nohup), so the child would rightly go on writing.
        pytest.skip("SIGINT is ignored in this process (a background job): the child inherits it")
    out = tmp_path / "laporan.html"
    child = _start(out)
    assert len(_temporaries(tmp_path)) == 1  # the write is under way
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == code, stderr
    assert "renaksi: dihentikan" in stderr
    assert "Traceback" not in stderr
    assert _temporaries(tmp_path) == []
    assert not out.exists()


def test_an_ignored_hangup_stays_ignored(tmp_path: Path) -> None:
    # Under nohup the write goes on after SIGHUP; SIGTERM still stops it cleanly.
    child = _start(tmp_path / "laporan.html", env={"IGNORE_SIGHUP": "1"})
    child.send_signal(signal.SIGHUP)
    time.sleep(0.5)
    assert child.poll() is None
    child.send_signal(signal.SIGTERM)
    child.communicate(timeout=30)
    assert child.returncode == 143
    assert _temporaries(tmp_path) == []


def test_the_handlers_are_restored_after_a_write(tmp_path: Path) -> None:
    before = {s: signal.getsignal(s) for s in STOPPING}
    write_atomic(tmp_path / "a.md", "isi\n")
    with pytest.raises(Exception, match="folder"):
        write_atomic(tmp_path, "isi\n")  # a folder: refused before anything is written
    assert {s: signal.getsignal(s) for s in STOPPING} == before
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "isi\n"
