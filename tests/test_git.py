"""renaksi.plan.git: a repository is data, never code to run, and an object git cannot read
is a clear message.

Each test builds its own repository in a temporary folder holding a copy of plans/2024.
The traps are programs a repository's own config can make git run by itself (an fsmonitor
hook, hooks, a filter driver, a pager, diff programs); each writes a marker file when run.
After ``renaksi report`` and ``renaksi diff`` no marker may exist, and then plain git run
in the same repository does write them, so the traps are known to work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from renaksi.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
POLITIK = "plans/2024/bidang/politik.yaml"

#: The test's own git: no user or system config, a fixed identity, no signing.
GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Penguji",
    "GIT_AUTHOR_EMAIL": "penguji@example.invalid",
    "GIT_COMMITTER_NAME": "Penguji",
    "GIT_COMMITTER_EMAIL": "penguji@example.invalid",
    "GIT_TERMINAL_PROMPT": "0",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd``; fail the test with git's own message when it fails."""
    run = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **GIT_ENV},
    )
    assert run.returncode == 0, f"git {' '.join(args)}: {run.stderr}"
    return run.stdout


def invoke(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(autouse=True)
def _git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with plans/2024 committed twice (politik.yaml changed by the second)."""
    root = tmp_path / "repo"
    shutil.copytree(PLAN, root / "plans" / "2024")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "rencana 2024")
    with (root / POLITIK).open("a", encoding="utf-8") as file:
        file.write("# revisi\n")
    git(root, "commit", "-q", "-a", "-m", "revisi")
    return root


# --- the repository's config runs nothing ------------------------------------------------

TRAPS = ("fsmonitor", "hook", "filter", "textconv", "pager", "external-diff")


def arm_traps(repo: Path, markers: Path) -> None:
    """Config with which git would run a program that writes ``markers/<trap>``."""
    scripts = repo.parent / "scripts"
    scripts.mkdir()

    def script(name: str, body: str) -> str:
        path = scripts / name
        path.write_text(f"#!/bin/sh\ntouch '{markers}/{name}'\n{body}\n", encoding="utf-8")
        path.chmod(0o755)
        return str(path)

    hooks = scripts / "hooks"
    hooks.mkdir()
    for hook in ("post-index-change", "pre-commit", "post-checkout", "reference-transaction"):
        target = hooks / hook
        target.write_text(f"#!/bin/sh\ntouch '{markers}/hook'\n", encoding="utf-8")
        target.chmod(0o755)
    git(repo, "config", "core.fsmonitor", script("fsmonitor", "exit 1"))
    git(repo, "config", "core.hooksPath", str(hooks))
    git(repo, "config", "filter.jejak.clean", script("filter", "cat"))
    git(repo, "config", "filter.jejak.smudge", "cat")
    git(repo, "config", "diff.jejak.textconv", script("textconv", 'cat "$1"'))
    git(repo, "config", "core.pager", script("pager", "cat"))
    git(repo, "config", "diff.external", script("external-diff", "exit 0"))
    (repo / ".gitattributes").write_text("*.yaml filter=jejak diff=jejak\n", encoding="utf-8")
    # A file whose time changed but not its bytes: status must read it (through the clean
    # filter) and would write the refreshed index (running post-index-change).
    path = repo / "plans" / "2024" / "instansi.yaml"
    stamp = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_report_and_diff_run_nothing_the_repository_names(repo: Path, tmp_path: Path) -> None:
    markers = tmp_path / "markers"
    markers.mkdir()
    arm_traps(repo, markers)
    plan = repo / "plans" / "2024"

    report = invoke("report", plan, "--format", "md")
    assert report.exit_code == 0, report.output
    assert "revisi" in report.stdout
    for args in (["HEAD~1"], ["HEAD~1", "HEAD"], ["HEAD~1...HEAD", "--format", "md"]):
        diff = invoke("diff", "--plans", plan, *args)
        assert diff.exit_code == 0, diff.output
    assert sorted(p.name for p in markers.iterdir()) == []

    # Plain git does run them: the traps work, and renaksi turned them off.
    subprocess.run(
        ["git", "-C", str(repo), "-p", "status"], env={**os.environ, **GIT_ENV}, check=False
    )
    git(repo, "diff", "HEAD~1", "--", POLITIK)
    git(repo, "diff", "--no-ext-diff", "HEAD~1", "--", POLITIK)
    assert {"fsmonitor", "hook", "filter", "textconv", "external-diff"} <= {
        p.name for p in markers.iterdir()
    }


def test_report_leaves_the_index_alone(repo: Path) -> None:
    """A status that refreshes stat data rewrites .git/index; renaksi's does not."""
    path = repo / "plans" / "2024" / "instansi.yaml"
    stamp = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(stamp, stamp))
    index = repo / ".git" / "index"
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    result = invoke("report", repo / "plans" / "2024", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "belum di-commit" not in result.stdout
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before


def test_a_filter_driver_that_cannot_be_turned_off_is_not_run(repo: Path, tmp_path: Path) -> None:
    """A driver named with '=' cannot be emptied with -c: renaksi then asks no status and
    the footer names no commit, rather than run it."""
    markers = tmp_path / "markers"
    markers.mkdir()
    script = tmp_path / "filter.sh"
    script.write_text(f"#!/bin/sh\ntouch '{markers}/filter'\ncat\n", encoding="utf-8")
    script.chmod(0o755)
    git(repo, "config", "filter.a=b.clean", str(script))
    (repo / ".gitattributes").write_text("*.yaml filter=a=b\n", encoding="utf-8")
    path = repo / "plans" / "2024" / "instansi.yaml"
    stamp = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(stamp, stamp))

    result = invoke("report", repo / "plans" / "2024", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "bukan repositori git" in result.stdout
    assert list(markers.iterdir()) == []
    git(repo, "status")
    assert [p.name for p in markers.iterdir()] == ["filter"]


def test_footer_in_a_linked_worktree(repo: Path, tmp_path: Path) -> None:
    """The repository is recognised by the config of its own scope, which a worktree
    made with git worktree add shares with its main checkout."""
    worktree = tmp_path / "pohon-kerja"
    git(repo, "worktree", "add", "-q", "--detach", str(worktree), "HEAD~1")
    head = git(worktree, "rev-parse", "HEAD").strip()
    result = invoke("report", worktree / "plans" / "2024", "--format", "md")
    assert result.exit_code == 0, result.output
    assert head[:12] in result.stdout
    assert "belum di-commit" not in result.stdout


def test_an_outer_git_does_not_redirect_renaksi(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a hook, git sets GIT_DIR and GIT_INDEX_FILE for its own repository; renaksi
    reads the repository holding the plan folder."""
    other = tmp_path / "lain"
    other.mkdir()
    git(other, "init", "-q")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(tmp_path / "tidak-ada"))
    head = git(repo, "--git-dir", str(repo / ".git"), "rev-parse", "HEAD").strip()
    result = invoke("report", repo / "plans" / "2024", "--format", "md")
    assert result.exit_code == 0, result.output
    assert head[:12] in result.stdout
    assert "belum di-commit" not in result.stdout
    diff = invoke("diff", "--plans", repo / "plans" / "2024", "HEAD~1", "HEAD")
    assert diff.exit_code == 0, diff.output


# --- objects git cannot read --------------------------------------------------------------


def object_file(repo: Path, oid: str) -> Path:
    return repo / ".git" / "objects" / oid[:2] / oid[2:]


@pytest.mark.parametrize(
    ("spec", "named"),
    [("HEAD~1:" + POLITIK, POLITIK), ("HEAD~1:plans/2024/bidang", "plans/2024")],
    ids=["blob", "tree"],
)
def test_diff_with_a_missing_object(repo: Path, spec: str, named: str) -> None:
    oid = git(repo, "rev-parse", spec).strip()
    object_file(repo, oid).unlink()
    for args in (["HEAD~1", "HEAD"], ["HEAD~1"]):
        result = invoke("diff", "--plans", repo / "plans" / "2024", *args)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert "galat internal" not in result.stderr
        assert "Traceback" not in result.stderr
        assert f"{named} di revisi " in result.stderr
        assert "tidak dapat dibaca dari repositori git" in result.stderr
        assert "git fsck" in result.stderr


def test_diff_in_a_partial_clone_fetches_nothing(tmp_path: Path, repo: Path) -> None:
    """A blobless clone lacks the older revision's files. Fetching them would run what
    the repository's config says (an ssh command, an upload-pack program): renaksi says
    what is missing instead."""
    git(repo, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--filter=blob:none", repo.as_uri(), str(clone))
    oid = git(clone, "rev-parse", "HEAD~1:" + POLITIK).strip()
    result = invoke("diff", "--plans", clone / "plans" / "2024", "HEAD~1", "HEAD")
    assert result.exit_code == 2, result.output
    assert "tidak dapat dibaca dari repositori git" in result.stderr
    assert "klon parsial" in result.stderr
    missing = subprocess.run(
        ["git", "-c", "protocol.allow=never", "-C", str(clone), "cat-file", "-e", oid],
        capture_output=True,
        check=False,
        env={**os.environ, **GIT_ENV},
    )
    assert missing.returncode != 0, "renaksi fetched the object"


# --- no process where there is no repository ---------------------------------------------


def test_outside_a_repository_no_git_process_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One report per folder would otherwise start git once per folder just to hear "not a
    # repository" (most of a small report's extra time over validate).
    from renaksi.plan.git import Provenance, provenance

    folder = tmp_path / "salinan" / "2024"
    shutil.copytree(PLAN, folder)

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"git was started: {args}")

    monkeypatch.setattr(subprocess, "run", no_process)
    assert provenance(folder) == Provenance(commit=None, dirty=False, repository=False)


def test_a_link_into_a_repository_is_still_asked(repo: Path, tmp_path: Path) -> None:
    # git walks up from the physical folder, so the check for a .git does too.
    from renaksi.plan.git import provenance

    link = tmp_path / "tautan"
    link.symlink_to(repo / "plans" / "2024", target_is_directory=True)
    found = provenance(link)
    assert found.in_git
    assert found.commit == git(repo, "rev-parse", "HEAD").strip()
