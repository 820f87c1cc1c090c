"""Reading a plan folder on disk: links out of it are refused, links within it are read,
and the names shown in findings are the same however they are worked out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from renaksi.plan.load import load_plan
from renaksi.plan.source import DirSource, PlanIOError, display_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = tmp_path / "rencana" / "2024"
    shutil.copytree(ROOT / "plans" / "2024", folder)
    return folder


def _refused(folder: Path) -> str:
    with pytest.raises(PlanIOError) as caught:
        load_plan(folder)
    return caught.value.message


def test_a_file_linked_out_of_the_folder_is_refused(plan: Path, tmp_path: Path) -> None:
    outside = tmp_path / "luar.yaml"
    shutil.copy(plan / "bidang" / "politik.yaml", outside)
    (plan / "bidang" / "politik.yaml").unlink()
    os.symlink(outside, plan / "bidang" / "politik.yaml")
    assert "tautan simbolik ke luar folder rencana" in _refused(plan)


def test_a_file_linked_within_the_folder_is_read(plan: Path) -> None:
    shutil.move(plan / "bidang" / "politik.yaml", plan / "politik-asli.yaml")
    os.symlink("../politik-asli.yaml", plan / "bidang" / "politik.yaml")
    result = load_plan(plan)
    assert [entry.slug for entry in result.plan.bidang if entry.model is not None] == [
        entry.slug for entry in result.plan.bidang
    ]


def test_a_folder_linked_out_of_the_plan_is_refused(plan: Path, tmp_path: Path) -> None:
    shutil.move(plan / "bidang", tmp_path / "bidang-luar")
    os.symlink(tmp_path / "bidang-luar", plan / "bidang")
    assert "tautan simbolik ke luar folder rencana" in _refused(plan)


def test_a_realisasi_folder_linked_out_is_refused(plan: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "realisasi-2024", tmp_path / "realisasi-luar")
    os.symlink(tmp_path / "realisasi-luar", plan / "realisasi")
    assert "tautan simbolik ke luar folder rencana" in _refused(plan)


def test_a_plan_reached_through_a_link_is_read(plan: Path, tmp_path: Path) -> None:
    os.symlink(plan, tmp_path / "tautan")
    assert load_plan(tmp_path / "tautan").plan.instansi is not None


@pytest.mark.parametrize(
    "given",
    [".", "rencana/2024", "./rencana/2024/", "rencana/../rencana/2024", "ABS", "OUTSIDE"],
)
@pytest.mark.parametrize("rel", ["", "instansi.yaml", "bidang/politik.yaml", "bidang", "..x"])
def test_names_shown_are_display_path(
    plan: Path, monkeypatch: pytest.MonkeyPatch, given: str, rel: str
) -> None:
    base = plan.parent.parent
    monkeypatch.chdir(plan if given == "." else base)
    if given == "ABS":
        folder = plan
    elif given == "OUTSIDE":
        monkeypatch.chdir(plan / "bidang")
        folder = plan
    else:
        folder = Path(given)
    source = DirSource(folder)
    expected = display_path(folder / rel) if rel else display_path(folder)
    assert source.display(rel) == expected


def _kind_by_pathlib(path: Path) -> str:
    # What DirSource.kind answered with three pathlib calls, before it took one lstat.
    if path.is_dir():
        return "dir"
    if path.exists() or path.is_symlink():
        return "file"
    return "missing"


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_kind_answers_as_pathlib_does(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text("a: 1\n")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "g.yaml").write_text("")
    os.symlink("f.yaml", tmp_path / "link-file")
    os.symlink("d", tmp_path / "link-dir")
    os.symlink("nowhere", tmp_path / "link-broken")
    os.symlink("loop", tmp_path / "loop")
    os.symlink("link-dir", tmp_path / "link-link")
    source = DirSource(tmp_path)
    names = ["", "f.yaml", "d", "d/g.yaml", "link-file", "link-dir", "link-broken", "loop"]
    names += ["link-link", "link-dir/g.yaml", "missing", "f.yaml/under-a-file", "d/", "a\0b"]
    for name in names:
        assert source.kind(name) == _kind_by_pathlib(tmp_path / name), name


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 50])
def test_read_takes_at_most_the_limit(tmp_path: Path, size: int) -> None:
    (tmp_path / "f.yaml").write_bytes(
        bytes(range(48, 48 + size % 10)) * (size // 10) + b"x" * (size % 10)
    )
    data = (tmp_path / "f.yaml").read_bytes()
    assert DirSource(tmp_path).read("f.yaml", 10) == data[:10]


def test_read_goes_on_past_a_size_that_is_out_of_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The read is bounded by the size the stat gave; a file that has grown since (or one
    # whose size the system does not know, given as 0) is still read up to the limit.
    (tmp_path / "f.yaml").write_bytes(b"a" * 100)
    real_lstat = os.lstat

    def stale(path: object) -> os.stat_result:
        info = real_lstat(path)  # type: ignore[arg-type]
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:10]))

    monkeypatch.setattr(os, "lstat", stale)
    assert DirSource(tmp_path).read("f.yaml", 61) == b"a" * 61
    assert DirSource(tmp_path).read("f.yaml", 1000) == b"a" * 100


@pytest.mark.parametrize("stated", [None, 0, 3, 100])
@pytest.mark.parametrize("size", [0, 5, 10, 11, 40])
def test_read_at_most_is_a_bounded_read(tmp_path: Path, size: int, stated: int | None) -> None:
    # The narrative chapters are read the same way: whatever size was stated (or looked up
    # when none is), exactly the first ``limit`` bytes, so an over-long chapter is still
    # seen to be over the limit.
    from renaksi.plan.source import read_at_most

    path = tmp_path / "bab.md"
    path.write_bytes(bytes(range(65, 65 + 26)) * 2)
    path.write_bytes(path.read_bytes()[:size])
    with path.open("rb") as handle:
        assert read_at_most(handle, 10, stated) == path.read_bytes()[:10]
