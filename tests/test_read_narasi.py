"""read_narasi's shortcut for plain chapter files (one resolve of the folders, one lstat
per chapter) gives what the full per-file checks give, chapter by chapter and error by
error, whatever the narasi folder holds."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from renaksi.plan.source import PlanIOError, check_regular, display_path
from renaksi.report.rencana_aksi import MAX_NARASI_BYTES, NARASI, read_narasi
from renaksi.text.os_errors import os_reason

PLAN = Path(__file__).resolve().parents[1] / "plans" / "2024"


def reference(folder: Path) -> dict[str, str]:
    """read_narasi as it was: every check on every chapter."""
    out: dict[str, str] = {}
    for name in NARASI:
        path = folder / "narasi" / f"{name}.md"
        if not path.exists() and not path.is_symlink():
            continue
        shown = display_path(path)
        try:
            check_regular(path, folder, shown)
            with path.open("rb") as handle:
                data = handle.read(MAX_NARASI_BYTES + 1)
        except OSError as exc:
            raise PlanIOError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})", shown) from None
        if len(data) > MAX_NARASI_BYTES:
            raise PlanIOError(f"{shown}: lebih besar dari {MAX_NARASI_BYTES} byte", shown)
        try:
            out[name.replace("-", "_")] = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanIOError(
                f"{shown}: bukan teks UTF-8; simpan ulang sebagai UTF-8", shown
            ) from None
    return out


def outcome(read: Callable[[Path], dict[str, str]], folder: Path) -> object:
    try:
        return read(folder)
    except PlanIOError as exc:
        return ("PlanIOError", exc.message, exc.path)


def _chapter(plan: Path, name: str = "bab-2-iku") -> Path:
    return plan / "narasi" / f"{name}.md"


def _link_inside(plan: Path, outside: Path) -> None:
    (plan / "teks.md").write_text("isi **tebal**\n", encoding="utf-8")
    _chapter(plan).unlink()
    _chapter(plan).symlink_to(plan / "teks.md")


def _link_outside(plan: Path, outside: Path) -> None:
    _chapter(plan).unlink()
    _chapter(plan).symlink_to(outside / "rahasia.md")


def _dangling(plan: Path, outside: Path) -> None:
    _chapter(plan).unlink()
    _chapter(plan).symlink_to(plan / "tidak-ada.md")


def _fifo(plan: Path, outside: Path) -> None:
    _chapter(plan).unlink()
    os.mkfifo(_chapter(plan))


def _folder(plan: Path, outside: Path) -> None:
    _chapter(plan).unlink()
    _chapter(plan).mkdir()


def _narasi_outside(plan: Path, outside: Path) -> None:
    shutil.move(plan / "narasi", outside / "narasi")
    (plan / "narasi").symlink_to(outside / "narasi")


def _narasi_inside(plan: Path, outside: Path) -> None:
    shutil.move(plan / "narasi", plan / "teks")
    (plan / "narasi").symlink_to(plan / "teks")


def _narasi_file(plan: Path, outside: Path) -> None:
    shutil.rmtree(plan / "narasi")
    (plan / "narasi").write_text("bukan folder", encoding="utf-8")


def _no_narasi(plan: Path, outside: Path) -> None:
    shutil.rmtree(plan / "narasi")


def _some_missing(plan: Path, outside: Path) -> None:
    _chapter(plan).unlink()
    _chapter(plan, "kata-pengantar").unlink()


def _not_utf8(plan: Path, outside: Path) -> None:
    _chapter(plan).write_bytes(b"\xff\xfe teks")


def _too_big(plan: Path, outside: Path) -> None:
    _chapter(plan).write_bytes(b"a" * (MAX_NARASI_BYTES + 1))


def _unreadable(plan: Path, outside: Path) -> None:
    _chapter(plan).chmod(0)


def _loop(plan: Path, outside: Path) -> None:
    _chapter(plan).unlink()
    _chapter(plan).symlink_to(_chapter(plan))


LAYOUTS = [
    lambda plan, outside: None,
    _link_inside,
    _link_outside,
    _dangling,
    _fifo,
    _folder,
    _narasi_outside,
    _narasi_inside,
    _narasi_file,
    _no_narasi,
    _some_missing,
    _not_utf8,
    _too_big,
    _unreadable,
    _loop,
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: getattr(f, "__name__", "plain"))
def test_same_chapters_and_errors_as_the_full_checks(
    tmp_path: Path, layout: Callable[[Path, Path], None]
) -> None:
    plan = tmp_path / "plans" / "2024"
    shutil.copytree(PLAN, plan)
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "rahasia.md").write_text("rahasia\n", encoding="utf-8")
    layout(plan, outside)
    assert outcome(read_narasi, plan) == outcome(reference, plan)


def test_a_plan_folder_reached_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "asli" / "2024"
    shutil.copytree(PLAN, real)
    (tmp_path / "tautan").symlink_to(tmp_path / "asli")
    folder = tmp_path / "tautan" / "2024"
    assert outcome(read_narasi, folder) == outcome(reference, folder)
    assert read_narasi(folder)
