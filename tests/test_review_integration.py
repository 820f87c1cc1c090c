"""Review through git: the workflow's commands, the pre-commit hooks, CODEOWNERS, the doc.

The renaksi commands of ``.github/workflows/plan-review.yml`` are read from the workflow
and run as the runner runs them (``bash --noprofile --norc -eo pipefail``) in a temporary
git repository laid out like a pull request: a copy of ``plans/``, a ``main`` branch that
moved on after the feature branches left it, a bare ``origin`` so that ``origin/main``
exists, and ``HEAD`` at the merge commit GitHub checks out for a pull request. GitHub
expressions are replaced (``github.base_ref`` -> ``main``; any other fails the test) and
``GITHUB_STEP_SUMMARY``/``RUNNER_TEMP`` point into the temporary folder.

The sticky-comment script of the workflow runs under Node.js against a fake GitHub client
(skipped without ``node``). The example output in ``docs/review.md`` is compared with what
renaksi prints for the same change, so the doc cannot drift from the program.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from renaksi.output.diff_md import MARKER

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
WORKFLOW = ROOT / ".github" / "workflows" / "plan-review.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
CODEOWNERS = ROOT / ".github" / "CODEOWNERS.example"
REVIEW_DOC = ROOT / "docs" / "review.md"

#: The folder holding the renaksi executable of the interpreter running the tests.
BIN = Path(sys.executable).parent

#: Values of the GitHub expressions the renaksi steps may use.
EXPRESSIONS = {"github.base_ref": "main"}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

#: A finding line of ``--format github`` (GitHub Actions workflow command syntax).
GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,]+(,line=\d+,col=\d+)?,title=[^:]+::.+$")

#: The file the diff step writes and the comment step reads, below ``$RUNNER_TEMP``.
COMMENT_FILE = "renaksi-diff.md"

#: The feature branches of the temporary repository.
VALID_BRANCH = "ubah-paskibraka"
INVALID_BRANCH = "salah-pagu"


def load_yaml(path: Path) -> Any:
    """A YAML file as plain data (YAML 1.2: the workflow's ``on`` stays a string)."""
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def renaksi_exe() -> Path:
    found = shutil.which("renaksi", path=str(BIN))
    if found is None:  # pragma: no cover - pip install . puts it there
        pytest.fail(f"renaksi is not installed next to {sys.executable}")
    return Path(found)


def tool_env(**extra: str) -> dict[str, str]:
    """The environment of a command: the venv's renaksi first on PATH, git isolated from
    the user's configuration, a fixed identity for commits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    env.update(
        PATH=str(renaksi_exe().parent) + os.pathsep + env.get("PATH", ""),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Perencana",
        GIT_AUTHOR_EMAIL="perencana@example.invalid",
        GIT_COMMITTER_NAME="Perencana",
        GIT_COMMITTER_EMAIL="perencana@example.invalid",
    )
    env.update(extra)
    return env


def git(cwd: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", *args], cwd=cwd, env=tool_env(), capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, f"git {' '.join(args)}: {run.stderr}"
    return run.stdout


# --- the change a planner makes ----------------------------------------------------------


def replace_once(path: Path, old: str, new: str, *, after: str = "") -> None:
    """Replace the first ``old`` that follows ``after`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old, text.index(after) if after else 0)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def move_paskibraka_budget(plan: Path) -> None:
    """Rp 50.000.000 from Pembentukan to Pembinaan Paskibraka (the split the bidang page
    printed: 200.000.000 and 1.800.000.000); the kegiatan total stays the same."""
    pk = plan / "perjanjian-kinerja.yaml"
    after = "id: paskibraka-pembinaan"
    replace_once(pk, "pagu: 150_000_000", "pagu: 200_000_000", after=after)
    replace_once(pk, "pagu: 1_850_000_000", "pagu: 1_800_000_000", after=after)


def add_pengukuhan_and_move_recruitment(plan: Path) -> None:
    """Bidang Ideologi adds an aksi to Pembentukan Paskibraka and moves its recruitment
    from March-April to April-May."""
    ideologi = plan / "bidang" / "ideologi.yaml"
    block = "sub_kegiatan: paskibraka-pembentukan"
    replace_once(ideologi, "bulan: [3, 4]", "bulan: [4, 5]", after=block)
    replace_once(
        ideologi,
        "keluaran: Jumlah anggota Paskibraka dan Purnapaskibraka yang dibina\n"
        "      - nama: Pembinaan anggota",
        "keluaran: Jumlah anggota Paskibraka dan Purnapaskibraka yang dibina\n"
        "      - nama: Pengukuhan anggota Paskibraka\n"
        "        bulan: [8]\n"
        "        keluaran: Berita acara pengukuhan\n"
        "      - nama: Pembinaan anggota",
        after=block,
    )


def half_a_budget_move(plan: Path) -> None:
    """The mistake: Pembentukan lowered, Pembinaan not raised (the kegiatan no longer adds up)."""
    pk = plan / "perjanjian-kinerja.yaml"
    replace_once(pk, "pagu: 1_850_000_000", "pagu: 1_800_000_000")


def politik_meeting_in_january(plan: Path) -> None:
    """A change on main made while the feature branches were open."""
    replace_once(plan / "bidang" / "politik.yaml", "bulan: [1, 2]", "bulan: [1]")


@dataclass(frozen=True)
class Scenario:
    """The temporary repository and its work trees."""

    repo: Path
    #: Work trees with HEAD at the merge commit GitHub checks out for each pull request.
    pull_requests: dict[str, Path]


def build_scenario(top: Path) -> Scenario:
    """``top/repo`` with ``main`` and two feature branches, ``top/origin.git`` as its
    ``origin``, and one work tree per pull request (``top/pr-<branch>``)."""
    repo = top / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    shutil.copytree(PLANS, repo / "plans")
    git(repo, "add", "plans")
    git(repo, "commit", "--quiet", "-m", "Rencana Aksi 2024")
    plan = repo / "plans" / "2024"

    git(repo, "switch", "--quiet", "-c", VALID_BRANCH)
    move_paskibraka_budget(plan)
    git(repo, "commit", "--quiet", "-am", "PK: pagu Paskibraka 200 juta / 1,8 miliar")
    add_pengukuhan_and_move_recruitment(plan)
    git(repo, "commit", "--quiet", "-am", "Ideologi: pengukuhan; perekrutan mulai April")

    git(repo, "switch", "--quiet", "-c", INVALID_BRANCH, "main")
    half_a_budget_move(plan)
    git(repo, "commit", "--quiet", "-am", "PK: pagu Pembentukan Paskibraka 1,8 miliar")

    git(repo, "switch", "--quiet", "main")
    politik_meeting_in_january(plan)
    git(repo, "commit", "--quiet", "-am", "Politik: rapat interen hanya Januari")

    origin = top / "origin.git"
    git(top, "init", "--quiet", "--bare", str(origin))
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "--quiet", "origin", "main")
    git(repo, "fetch", "--quiet", "origin")

    pull_requests = {}
    for branch in (VALID_BRANCH, INVALID_BRANCH):
        tree = top / f"pr-{branch}"
        git(repo, "worktree", "add", "--quiet", "--detach", str(tree), "origin/main")
        git(tree, "merge", "--quiet", "--no-ff", "--no-edit", branch)
        pull_requests[branch] = tree
    return Scenario(repo=repo, pull_requests=pull_requests)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return build_scenario(tmp_path_factory.mktemp("review"))


# --- the workflow ------------------------------------------------------------------------


def workflow() -> dict[str, Any]:
    document = load_yaml(WORKFLOW)
    assert isinstance(document, dict)
    return document


def the_job() -> dict[str, Any]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    assert len(jobs) == 1, "plan-review.yml has one job"
    job = next(iter(jobs.values()))
    assert isinstance(job, dict)
    return job


def steps() -> list[dict[str, Any]]:
    found = the_job()["steps"]
    assert isinstance(found, list)
    return found


def step(step_id: str) -> dict[str, Any]:
    for s in steps():
        if s.get("id") == step_id:
            return s
    raise AssertionError(f"no step with id {step_id} in {WORKFLOW.name}")


def uses(action: str) -> dict[str, Any]:
    for s in steps():
        if str(s.get("uses", "")).split("@")[0] == action:
            return s
    raise AssertionError(f"no step uses {action} in {WORKFLOW.name}")


def renaksi_steps() -> list[dict[str, Any]]:
    """The steps whose ``run:`` calls renaksi, in order."""
    return [s for s in steps() if re.search(r"\brenaksi\b", str(s.get("run", "")))]


def substitute(text: str) -> str:
    """Replace the GitHub expressions the test knows; fail on any other."""

    def value(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression not in EXPRESSIONS:
            pytest.fail(f"the test does not know the value of ${{{{ {expression} }}}}")
        return EXPRESSIONS[expression]

    return EXPRESSION.sub(value, text)


def step_env(s: dict[str, Any]) -> dict[str, str]:
    """The variables a step sees from the workflow, job and step ``env:`` blocks."""
    env: dict[str, str] = {}
    for block in (workflow().get("env"), the_job().get("env"), s.get("env")):
        for key, raw in (block or {}).items():
            env[str(key)] = substitute(str(raw))
    return env


@dataclass(frozen=True)
class Run:
    """One step's run."""

    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Review:
    """What the renaksi steps did for one pull request."""

    runs: dict[str, Run]
    summary: str
    comment: str


def run_step(s: dict[str, Any], cwd: Path, env: dict[str, str], scripts: Path) -> Run:
    script = scripts / f"{s['id']}.sh"
    script.write_text(substitute(str(s["run"])), encoding="utf-8")
    # The runner's command line for `shell: bash`.
    run = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env={**env, **step_env(s)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    return Run(run.returncode, run.stdout, run.stderr)


def review(tree: Path, top: Path) -> Review:
    """Run every renaksi step of the workflow, as the runner does, in work tree ``tree``.

    The later steps run even when validate fails (their ``if:`` says ``!cancelled()``, which
    ``test_workflow_shape`` checks), so every step is run here regardless.
    """
    runner_temp = top / "runner-temp"
    scripts = top / "scripts"
    for folder in (runner_temp, scripts):
        folder.mkdir(parents=True)
    summary = top / "step-summary.md"
    summary.write_text("# Ringkasan langkah sebelumnya\n", encoding="utf-8")
    env = tool_env(
        GITHUB_STEP_SUMMARY=str(summary), RUNNER_TEMP=str(runner_temp), GITHUB_ACTIONS="true"
    )
    runs = {str(s["id"]): run_step(s, tree, env, scripts) for s in renaksi_steps()}
    comment = runner_temp / COMMENT_FILE
    return Review(
        runs=runs,
        summary=summary.read_text(encoding="utf-8"),
        comment=comment.read_text(encoding="utf-8") if comment.exists() else "",
    )


def test_workflow_shape() -> None:
    document = workflow()
    trigger = document["on"]
    assert set(trigger) == {"pull_request"}
    assert "plans/**" in trigger["pull_request"]["paths"]
    assert document["permissions"] == {}
    assert the_job()["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert document["defaults"]["run"]["shell"] == "bash", "run_step assumes shell: bash"

    checkout = uses("actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0, "the merge base needs the whole history"
    assert str(uses("actions/setup-python")["with"]["python-version"]) == "3.11"
    assert "pip install ." in step("install")["run"]

    assert [s["id"] for s in renaksi_steps()] == ["validate", "diff"]
    assert "renaksi validate --format github" in step("validate")["run"]
    assert "if" not in step("validate")
    diff_run = step("diff")["run"]
    assert '"origin/$BASE_REF...HEAD"' in diff_run
    assert step("diff")["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff_run
    assert f'"$RUNNER_TEMP/{COMMENT_FILE}"' in diff_run
    # The diff and the comment still come when validate fails; the job stays failed.
    assert "!cancelled()" in step("diff")["if"]
    assert "steps.validate" not in step("diff")["if"]

    comment = uses("actions/github-script")
    assert "!cancelled()" in comment["if"]
    assert "steps.diff.outcome == 'success'" in comment["if"]
    script = comment["with"]["script"]
    assert f"'{MARKER}'" in script
    assert f"'{COMMENT_FILE}'" in script
    for action in ("actions/checkout", "actions/setup-python", "actions/github-script"):
        ref = str(uses(action)["uses"]).split("@")[1]
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action} is pinned to a commit"


def test_valid_pull_request(scenario: Scenario, tmp_path: Path) -> None:
    result = review(scenario.pull_requests[VALID_BRANCH], tmp_path)

    validate = result.runs["validate"]
    assert validate.returncode == 0, validate.stdout + validate.stderr
    *findings, last = validate.stdout.splitlines()
    assert findings, "the plan's two RF06 warnings are annotated"
    for line in findings:
        assert GITHUB_LINE.match(line), line
        assert line.startswith("::warning file=plans/2024/"), "paths relative to the checkout"
    assert last.endswith("Rencana sah.")

    diff = result.runs["diff"]
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout == ""
    assert result.comment.startswith(MARKER + "\n")
    assert "`origin/main...HEAD`" in result.comment
    for expected in (
        "Rp 150.000.000 → Rp 200.000.000",
        "Rp 1.850.000.000 → Rp 1.800.000.000",
        "Pengukuhan anggota Paskibraka",
        "dihapus Mrt",
    ):
        assert expected in result.comment
    # The merge base is origin/main's tip: main's own later change is not this PR's.
    assert "Rapat Interen" not in result.comment
    # The summary is appended to, not overwritten.
    assert result.summary == "# Ringkasan langkah sebelumnya\n" + result.comment


def test_invalid_pull_request(scenario: Scenario, tmp_path: Path) -> None:
    result = review(scenario.pull_requests[INVALID_BRANCH], tmp_path)

    validate = result.runs["validate"]
    assert validate.returncode == 1, "a galat fails the step, and so the job"
    errors = [line for line in validate.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    assert GITHUB_LINE.match(errors[0])
    assert errors[0].startswith("::error file=plans/2024/perjanjian-kinerja.yaml,line=")
    assert "title=BG01 anggaran.jumlah-kegiatan::" in errors[0]

    diff = result.runs["diff"]
    assert diff.returncode == 0, diff.stderr
    assert result.comment.startswith(MARKER + "\n")
    assert "#### Temuan baru (1)" in result.comment
    assert "`BG01`" in result.comment
    assert result.summary.endswith(result.comment)


def test_diff_step_fails_when_the_base_branch_is_unknown(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(EXPRESSIONS, "github.base_ref", "tidak-ada")
    result = review(scenario.pull_requests[VALID_BRANCH], tmp_path)
    assert result.runs["diff"].returncode == 2
    assert "tidak-ada" in result.runs["diff"].stderr
    assert MARKER not in result.summary, "nothing half-written reaches the summary"


# --- the sticky comment ------------------------------------------------------------------

#: Runs a github-script body with a fake ``github`` client; prints the calls it made.
NODE_HARNESS = """
const fs = require('fs');
const script = fs.readFileSync(process.argv[2], 'utf8');
const comments = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const calls = [];
const github = {
  rest: { issues: {
    listComments: 'listComments',
    createComment: async (args) => { calls.push(['create', args]); },
    updateComment: async (args) => { calls.push(['update', args]); },
  } },
  paginate: async (method, args) => { calls.push(['list', method, args]); return comments; },
};
const context = { repo: { owner: 'kesbangpol', repo: 'rencana-aksi' }, issue: { number: 7 } };
const core = { info: () => {}, setFailed: (m) => { calls.push(['failed', m]); } };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('github', 'context', 'core', 'require', script)(github, context, core, require)
  .then(() => process.stdout.write(JSON.stringify(calls)))
  .catch((err) => { console.error(err); process.exit(1); });
"""

BOT = {"login": "github-actions[bot]", "type": "Bot"}
PERSON = {"login": "kabid-ideologi", "type": "User"}


@pytest.fixture
def comment_script(tmp_path: Path) -> Path:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the github-script step is not exercised")
    script = tmp_path / "script.js"
    script.write_text(str(uses("actions/github-script")["with"]["script"]), encoding="utf-8")
    (tmp_path / "harness.js").write_text(NODE_HARNESS, encoding="utf-8")
    return script


def post(script: Path, body: str, comments: list[dict[str, Any]]) -> list[list[Any]]:
    folder = script.parent
    (folder / COMMENT_FILE).write_text(body, encoding="utf-8")
    (folder / "comments.json").write_text(json.dumps(comments), encoding="utf-8")
    run = subprocess.run(
        ["node", str(folder / "harness.js"), str(script), str(folder / "comments.json")],
        env=tool_env(RUNNER_TEMP=str(folder)),
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert run.returncode == 0, run.stderr
    calls = json.loads(run.stdout)
    assert isinstance(calls, list)
    return calls


def test_comment_is_created_once(comment_script: Path) -> None:
    body = f"{MARKER}\n### Perubahan rencana\n"
    calls = post(comment_script, body, [])
    assert calls[0] == [
        "list",
        "listComments",
        {"owner": "kesbangpol", "repo": "rencana-aksi", "issue_number": 7, "per_page": 100},
    ]
    assert calls[1:] == [
        ["create", {"owner": "kesbangpol", "repo": "rencana-aksi", "issue_number": 7, "body": body}]
    ]


def test_the_bots_comment_is_updated(comment_script: Path) -> None:
    body = f"{MARKER}\n### baru\n"
    comments = [
        {"id": 11, "user": PERSON, "body": f"Setuju. Kutipan: {MARKER}"},
        {"id": 12, "user": BOT, "body": "komentar bot lain"},
        {"id": 13, "user": BOT, "body": f"{MARKER}\n### lama\n"},
    ]
    calls = post(comment_script, body, comments)
    assert calls[1:] == [
        ["update", {"owner": "kesbangpol", "repo": "rencana-aksi", "comment_id": 13, "body": body}]
    ]


def test_an_unchanged_comment_is_left_alone(comment_script: Path) -> None:
    body = f"{MARKER}\n### sama\n"
    calls = post(comment_script, body, [{"id": 13, "user": BOT, "body": body}])
    assert [c[0] for c in calls] == ["list"]


def test_output_without_the_marker_fails_the_step(comment_script: Path) -> None:
    calls = post(comment_script, "bukan keluaran renaksi diff\n", [])
    assert [c[0] for c in calls] == ["failed"]


def test_the_real_comment_body_is_posted(comment_script: Path, scenario: Scenario) -> None:
    result = review(scenario.pull_requests[VALID_BRANCH], comment_script.parent / "run")
    calls = post(comment_script, result.comment, [])
    assert calls[-1][0] == "create"
    assert calls[-1][1]["body"] == result.comment


# --- pre-commit --------------------------------------------------------------------------

PLAN_FILES = [
    "plans/2024/instansi.yaml",
    "plans/2024/perjanjian-kinerja.yaml",
    "plans/2024/bidang/ideologi.yaml",
    "plans/2025/bidang/baru.yml",
    "plans/2024/narasi/bab-1-pendahuluan.md",
]
OTHER_FILES = [
    "README.md",
    "plans/2024/README.md",
    "plans/arsip/instansi.yaml",
    "src/renaksi/cli.py",
    "docs/review.md",
    "tests/fixtures/as-published/2024/instansi.yaml",
]


def hook_of(document: Any) -> dict[str, Any]:
    assert isinstance(document, list)
    assert [h["id"] for h in document] == ["renaksi-validate"]
    hook = document[0]
    assert isinstance(hook, dict)
    return hook


def assert_selects_plan_files(hook: dict[str, Any]) -> None:
    files = re.compile(hook["files"])
    for path in PLAN_FILES:
        assert files.search(path), path
    for path in OTHER_FILES:
        assert not files.search(path), path


def run_entry(hook: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    """The hook's command as pre-commit runs it: entry split like a shell, then args, from
    the repository's top folder, without file names (pass_filenames: false)."""
    command = shlex.split(hook["entry"]) + [str(a) for a in hook.get("args", [])]
    return subprocess.run(
        command, cwd=ROOT, env=tool_env(), capture_output=True, text=True, check=False
    )


def test_pre_commit_hook_for_other_repositories() -> None:
    hook = hook_of(load_yaml(HOOKS))
    assert hook["entry"] == "renaksi validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert_selects_plan_files(hook)
    run = run_entry(hook)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "berkas diperiksa: 0 galat" in run.stdout


def test_pre_commit_config_of_this_repository() -> None:
    config = load_yaml(PRE_COMMIT_CONFIG)
    assert isinstance(config, dict)
    local = config["repos"][0]
    assert local["repo"] == "local"
    hook = hook_of(local["hooks"])
    assert hook["entry"] == "renaksi validate plans/2024"
    # local + python would get a venv without renaksi in it; system uses the project's.
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    assert hook["files"] == hook_of(load_yaml(HOOKS))["files"]
    assert_selects_plan_files(hook)
    run = run_entry(hook)
    assert run.returncode == 0, run.stdout + run.stderr


#: Files the code hooks leave alone: not Python, or Python outside src/ and tests/.
CODE_HOOK_SKIPS = [
    "README.md",
    "pyproject.toml",
    "templates/dokumen.md.j2",
    "tests/rules/cases/BG01.yaml",
    "benchmarks/run.py",
]


def test_pre_commit_code_hooks_of_this_repository() -> None:
    config = load_yaml(PRE_COMMIT_CONFIG)
    assert [r["repo"] for r in config["repos"]] == ["local", "local"]
    hooks = config["repos"][1]["hooks"]
    assert [h["entry"] for h in hooks] == [
        ".venv/bin/ruff check",
        ".venv/bin/ruff format --check",
        ".venv/bin/mypy",
    ]
    for hook in hooks:
        assert hook["language"] == "system"
        files = re.compile(hook["files"])
        for path in ("src/renaksi/cli.py", "tests/rules/test_rule_cases.py"):
            assert files.search(path), path
        for path in [*PLAN_FILES, *CODE_HOOK_SKIPS]:
            assert not files.search(path), path
    # mypy checks the whole project (files from pyproject), like the quality test.
    assert hooks[2]["pass_filenames"] is False
    for hook in hooks[:2]:
        # As pre-commit runs it, with this venv's tools in place of .venv/bin.
        command = shlex.split(hook["entry"].replace(".venv/bin/", f"{BIN}/", 1))
        run = subprocess.run(
            [*command, "src/renaksi/cli.py"], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_pre_commit_entry_fails_on_a_broken_plan(tmp_path: Path) -> None:
    shutil.copytree(PLANS / "2024", tmp_path / "plans" / "2024")
    half_a_budget_move(tmp_path / "plans" / "2024")
    hook = hook_of(load_yaml(HOOKS))
    run = subprocess.run(
        shlex.split(hook["entry"]),
        cwd=tmp_path,
        env=tool_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "BG01" in run.stdout


# --- CODEOWNERS --------------------------------------------------------------------------


def codeowners_rules() -> list[tuple[re.Pattern[str], list[str]]]:
    """(pattern, owners) per line, for the subset of the syntax the example uses."""
    rules = []
    for raw in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, *owners = line.split()
        assert owners, f"{pattern} has an owner"
        anchored = pattern.startswith("/")
        body = re.escape(pattern.strip("/")).replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        regex = ("^" if anchored else "^(?:.*/)?") + body + "(?:/.*)?$"
        rules.append((re.compile(regex), owners))
    return rules


def owners_of(path: str, rules: list[tuple[re.Pattern[str], list[str]]]) -> list[str]:
    """The owners of ``path``: the last matching line wins."""
    found: list[str] = []
    for pattern, owners in rules:
        if pattern.match(path):
            found = owners
    return found


def test_codeowners_gives_each_bidang_its_file() -> None:
    rules = codeowners_rules()
    files = sorted(p.relative_to(ROOT).as_posix() for p in (PLANS / "2024").rglob("*"))
    bidang = sorted(p.stem for p in (PLANS / "2024" / "bidang").glob("*.yaml"))
    assert bidang == ["ekonomi", "ideologi", "kewaspadaan", "politik"]
    for path in files:
        if (ROOT / path).is_dir():
            continue
        parts = path.split("/")
        if parts[2] == "bidang":
            expected = [f"@ORGANISASI/bidang-{Path(path).stem}"]
        else:
            expected = ["@ORGANISASI/subbag-program"]
        assert owners_of(path, rules) == expected, path
        assert owners_of(path.replace("2024", "2025"), rules) == expected, "every year"
    # Quarterly realisasi files are gathered by Subbag Program from the bidang reports.
    realisasi = "plans/2024/realisasi/tw1.yaml"
    assert owners_of(realisasi, rules) == ["@ORGANISASI/subbag-program"]
    for path in (".github/workflows/plan-review.yml", ".github/CODEOWNERS", "README.md"):
        assert owners_of(path, rules) == ["@ORGANISASI/pengelola-renaksi"], path


# --- docs/review.md ----------------------------------------------------------------------

#: ``<!-- diuji: BRANCH $ COMMAND -->`` then the output, as a ```text block or quoted (> ).
DOC_EXAMPLE = re.compile(
    r"<!-- diuji: (?P<branch>\S+) \$ (?P<command>[^\n]+?) -->\n"
    r"(?:```text\n(?P<block>(?:(?!```)[^\n]*\n)*)```\n|(?P<quote>(?:>(?: [^\n]*)?\n)+))"
)


def doc_examples() -> list[tuple[str, str, str]]:
    """(branch, command, output shown) of every tested example in docs/review.md."""
    found = []
    for m in DOC_EXAMPLE.finditer(REVIEW_DOC.read_text(encoding="utf-8")):
        if m.group("block") is not None:
            shown = m.group("block")
        else:
            shown = "".join(line[2:] + "\n" for line in m.group("quote").splitlines())
        found.append((m.group("branch"), m.group("command"), shown))
    return found


def test_review_doc_shows_real_output(scenario: Scenario) -> None:
    examples = doc_examples()
    assert len(examples) >= 4
    markers = REVIEW_DOC.read_text(encoding="utf-8").count("<!-- diuji:")
    assert len(examples) == markers, "every tested example is followed by its output"
    trees: dict[str, Path] = {}
    for branch, command, shown in examples:
        if branch == "main":
            trees[branch] = scenario.repo
        elif branch not in trees:
            tree = scenario.repo.parent / f"doc-{branch}"
            git(scenario.repo, "worktree", "add", "--quiet", str(tree), branch)
            trees[branch] = tree
        argv = shlex.split(command)
        assert argv[0] == "renaksi"
        run = subprocess.run(
            argv, cwd=trees[branch], env=tool_env(), capture_output=True, text=True, check=False
        )
        assert run.returncode in (0, 1), run.stderr
        assert shown == run.stdout, f"docs/review.md: output of `{command}` on {branch}"


def test_review_doc_images_exist_and_are_small() -> None:
    text = REVIEW_DOC.read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((img/[^)]+)\)", text)
    assert len(images) >= 2
    for name in images:
        path = REVIEW_DOC.parent / name
        assert path.is_file(), name
        assert path.stat().st_size < 200_000, f"{name} is under 200 KB"
