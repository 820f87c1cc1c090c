"""``renaksi diff``: what a change does to budgets, targets and schedules.

Every test builds its own git repository in a temporary folder (a copy of plans/2024,
committed on ``main``), changes the plan the way a staff member would (by editing the YAML
text), and runs the command in-process. The scenarios of the issue are checked in all three
formats: the JSON ``changes`` list exactly, and the text and Markdown output against golden
files in ``tests/golden/diff-*.txt`` and ``diff-*.md``.

After an intended change to the wording, rewrite the golden files and read the diff::

    .venv/bin/pytest tests/test_diff.py --update-golden
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from renaksi.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
GOLDEN = Path(__file__).resolve().parent / "golden"
PK = "perjanjian-kinerja.yaml"
POLITIK = "bidang/politik.yaml"
IDEOLOGI = "bidang/ideologi.yaml"
TOTAL = "Rp 59.059.304.998"
#: GitHub refuses a comment longer than this.
GITHUB_LIMIT = 65_536

#: Identity and signing for every git command, so no user or system setting leaks in.
GIT_CONFIG = (
    "-c",
    "user.name=t",
    "-c",
    "user.email=t@example.invalid",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "tag.gpgsign=false",
    "-c",
    "core.autocrlf=false",
)

#: Variables with which an outer git (a hook, a CI step) would redirect the test's git.
GIT_REDIRECTS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# --- helpers ----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _clean_git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in GIT_REDIRECTS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_TERMINAL_PROMPT", "0")


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd``; fail the test with git's own message when it fails."""
    run = subprocess.run(
        ["git", *GIT_CONFIG, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, f"git {' '.join(args)}: {run.stderr}"
    return run.stdout


def make_repo(folder: Path) -> Path:
    """A git repository at ``folder`` holding plans/2024, committed once on ``main``."""
    shutil.copytree(PLAN, folder / "plans" / "2024")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Rencana Aksi 2024")
    return folder


def commit_all(repo: Path, message: str) -> None:
    git(repo, "commit", "-q", "-a", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh repository with plans/2024 committed; the current folder is its top."""
    folder = make_repo(tmp_path / "repo")
    monkeypatch.chdir(folder)
    return folder


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``old`` (which must occur exactly once) with ``new`` in one plan file."""

    file: str
    old: str
    new: str

    def apply(self, plan: Path) -> None:
        path = plan / self.file
        text = path.read_text(encoding="utf-8")
        assert text.count(self.old) == 1, f"{self.file}: {self.old!r} is not there exactly once"
        path.write_text(text.replace(self.old, self.new), encoding="utf-8")


def swap(file: str, first: str, second: str) -> Edit:
    """Exchange two adjacent blocks of YAML text."""
    return Edit(file, first + second, second + first)


def apply(plan: Path, edits: tuple[Edit, ...] | list[Edit]) -> None:
    for one in edits:
        one.apply(plan)


def invoke(*args: str | Path) -> Result:
    """Run ``renaksi ARGS`` in-process."""
    return CliRunner().invoke(app, [str(a) for a in args])


def assert_no_crash(result: Result) -> None:
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def run_diff(*args: str | Path, code: int = 0) -> Result:
    """``renaksi diff ARGS``, which must end with exit ``code``."""
    result = invoke("diff", *args)
    assert_no_crash(result)
    assert result.exit_code == code, result.output
    return result


def diff_json(*args: str | Path, code: int = 0) -> dict[str, Any]:
    document = json.loads(run_diff(*args, "--format", "json", code=code).stdout)
    assert isinstance(document, dict)
    return document


def changes(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The classified changes, without the derived fields (weight, subject)."""
    return [
        {k: c[k] for k in ("kind", "bidang", "key", "old", "new", "detail")}
        for c in document["changes"]
    ]


def codes(findings: list[dict[str, Any]]) -> list[str]:
    return [f["code"] for f in findings]


def check_golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing; run pytest tests/test_diff.py --update-golden"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        lines = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"tests/golden/{name}",
            tofile=f"{name} (now)",
        )
        pytest.fail(
            "".join(list(lines)[:60]) + "\nIf intended: pytest tests/test_diff.py --update-golden"
        )


def pagu(key: str, old: int, new: int, bidang: str = "ideologi") -> dict[str, Any]:
    return {"kind": "pagu", "bidang": bidang, "key": key, "old": old, "new": new, "detail": {}}


# --- YAML text the scenarios change -----------------------------------------------------

IDEOLOGI_KOORDINASI = """\
          - id: ideologi-koordinasi
            kode: "8.01.02.2.01.0004"
            nama: >-
              Pelaksanaan Koordinasi di Bidang Ideologi Wawasan Kebangsaan, Bela Negara,
              Karakter Bangsa, Pembauran Kebangsaan, Bineka Tunggal Ika dan Sejarah
              Kebangsaan
            pagu: 506_090_000
            bidang: ideologi
"""
IDEOLOGI_MONEV = """\
          # Kode disimpulkan dari pola (0005 = monitoring, evaluasi dan pelaporan).
          - id: ideologi-monev
            kode: "8.01.02.2.01.0005"
            nama: >-
              Pelaksanaan Monitoring Evaluasi dan Pelaporan di Bidang Ideologi Wawasan
              Kebangsaan, Bela Negara, Karakter Bangsa, Pembauran Kebangsaan, Bineka
              Tunggal Ika dan Sejarah Kebangsaan
            pagu: 112_180_000
            bidang: ideologi
"""
ORMAS_KOORDINASI = """\
          - id: ormas-koordinasi
            kode: "8.01.04.2.01.0004"
            nama: >-
              Pelaksanaan Koordinasi dibidang Pendaftaran Ormas, Pemberdayaan Ormas,
              Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di
              Daerah
            pagu: 220_000_000
            bidang: ekonomi
"""
ORMAS_MONEV = """\
          # Dokumen tidak memuat tabel aksi untuk sub kegiatan ini.
          - id: ormas-monev
            kode: "8.01.04.2.01.0005"
            nama: >-
              Pelaksanaan Monitoring Evaluasi dan Pelaporan Dibidang Pendaftaran Ormas,
              Pemberdayaan Ormas, Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan
              Ormas Asing di Daerah
            pagu: 125_000_000
            bidang: ekonomi
"""
POLITIK_KOORDINASI_PLAN = """\
  - sub_kegiatan: politik-koordinasi
    target: 10000 orang
    aksi:
      - nama: Rapat Interen
        bulan: [1]
        keluaran: Notulan Hasil rapat
      - nama: Koordinasi dengan Instansis terkait/Lembaga
        bulan: [1, 2, 3, 4]
        keluaran: Jumlah Peserta Pembinaan
      - nama: Pengumpulan Data awal Peserta
        bulan: [2, 3, 4, 5]
        keluaran: Jumlah Data Awal peserta
      - nama: Pelaksanaan Kegiatan Sosialisasi dan Dialog Inter Aktif
        bulan: [3, 4, 5, 6, 7, 8, 9, 10, 11]
        keluaran: >-
          Jumlah peserta Sosialisasi dan Dialog Inter Aktif Pelajar, Mahasiswa, Ormas dan
          Parpol

"""
POLITIK_MONEV_PLAN = """\
  # 12 laporan: monitoring bulanan.
  - sub_kegiatan: politik-monev
    target: 12 laporan
    aksi:
      - nama: Pelaksanaan Monitoring dan Evaluasi
        bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        keluaran: Jumlah laporan Monitoring dan Evaluasi
      - nama: Evaluasi hasil Kegiatan
        bulan: [3, 6, 9, 12]
        keluaran: Jumlah laporan hasil kegiatan
      - nama: >-
          Penyusunan laporan akhir dan rekomendasi hasil kegiatan serta
          pertanggungjawaban keuangan
        bulan: [12]
        keluaran: Berkas penyusunan laporan kegiatan dan pertanggungjawaban keuangan
"""
SELEKSI_PARPOL = """\
      - nama: Seleksi administrasi bantuan Parpol
        bulan: [5, 6, 7]
        keluaran: Jumlah Parpol yang mendapat bantuan
"""
REKOMENDASI_PARPOL = """\
      - nama: Penyampaian rekomendasi bantuan Parpol
        bulan: [8, 9]
        keluaran: Jumlah Parpol yang mendapat bantuan
"""
#: The first aksi of politik-koordinasi (the other "Rapat Interen" is in [1, 2]).
RAPAT_INTEREN_KOORDINASI = """\
      - nama: Rapat Interen
        bulan: [1]
        keluaran: Notulan Hasil rapat
"""
NEW_AKSI = """\
      - nama: Sosialisasi Pemilih Pemula di Sekolah
        bulan: [1, 2]
        keluaran: Jumlah pemilih pemula yang mengikuti sosialisasi
"""
LAPORAN_AKHIR = (
    "Penyusunan laporan akhir dan rekomendasi hasil kegiatan serta pertanggungjawaban keuangan"
)
BAHAN_KEBIJAKAN_AKSI = [
    "Rapat Interen",
    "Koordinasi dengan Instansis terkait/Lembaga",
    "Pelaksanaan Rapat Koordinasi",
    "Seleksi administrasi bantuan Parpol",
    "Penyampaian rekomendasi bantuan Parpol",
    LAPORAN_AKHIR,
]

PASKIBRAKA_SPLIT = (
    Edit(PK, "pagu: 150_000_000", "pagu: 200_000_000"),
    Edit(PK, "pagu: 1_850_000_000", "pagu: 1_800_000_000"),
)
#: One sub kegiatan pagu changes, the kegiatan total written above it does not (BG01).
BUDGET_MISMATCH = (Edit(PK, "pagu: 100_000_000", "pagu: 120_000_000"),)


# --- the scenarios ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scenario:
    """A change to the plan and exactly what ``renaksi diff`` must classify it as."""

    name: str
    edits: tuple[Edit, ...]
    changes: list[dict[str, Any]]
    headline: str
    introduced: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)


SCENARIOS = [
    Scenario(
        "paskibraka-split",
        PASKIBRAKA_SPLIT,
        [
            pagu("paskibraka-pembinaan", 150_000_000, 200_000_000),
            pagu("paskibraka-pembentukan", 1_850_000_000, 1_800_000_000),
        ],
        f"Total pagu tetap {TOTAL}; 2 pagu berubah",
    ),
    Scenario(
        "pemotongan-pagu",
        (
            Edit(PK, "pagu: 1_850_000_000", "pagu: 1_800_000_000"),
            Edit(PK, "pagu: 2_718_270_000", "pagu: 2_668_270_000"),
            Edit(PK, "total_pagu: 59_059_304_998", "total_pagu: 59_009_304_998"),
        ),
        [pagu("paskibraka-pembentukan", 1_850_000_000, 1_800_000_000)],
        f"Total pagu {TOTAL} → Rp 59.009.304.998 (-Rp 50.000.000; -0,08%); 1 pagu berubah",
    ),
    Scenario(
        "aksi-baru",
        (Edit(POLITIK, RAPAT_INTEREN_KOORDINASI, RAPAT_INTEREN_KOORDINASI + NEW_AKSI),),
        [
            {
                "kind": "aksi-added",
                "bidang": "politik",
                "key": "politik-koordinasi",
                "old": None,
                "new": "Sosialisasi Pemilih Pemula di Sekolah",
                "detail": {
                    "position": 2,
                    "bulan": [1, 2],
                    "keluaran": "Jumlah pemilih pemula yang mengikuti sosialisasi",
                },
            }
        ],
        f"Total pagu tetap {TOTAL}; 1 aksi ditambah",
    ),
    Scenario(
        "aksi-pindah-bulan",
        (
            Edit(
                POLITIK,
                "Evaluasi hasil Kegiatan\n        bulan: [3, 6, 9, 12]",
                "Evaluasi hasil Kegiatan\n        bulan: [4, 6, 9, 12]",
            ),
        ),
        [
            {
                "kind": "aksi-months",
                "bidang": "politik",
                "key": "politik-monev",
                "old": [3, 6, 9, 12],
                "new": [4, 6, 9, 12],
                "detail": {"aksi": "Evaluasi hasil Kegiatan", "added": [4], "removed": [3]},
            }
        ],
        f"Total pagu tetap {TOTAL}; 1 jadwal aksi berubah",
    ),
    Scenario(
        "target-triwulan",
        (Edit(PK, "triwulan: [1.56, 1.64, 12.98, 12.99]", "triwulan: [1.56, 1.64, 13.98, 12.99]"),),
        [
            {
                "kind": "indikator-target",
                "bidang": None,
                "key": "pk-1",
                "old": "12.98",
                "new": "13.98",
                "detail": {"satuan": "%", "old_satuan": "%", "triwulan": 3, "selisih": "1.00"},
            }
        ],
        f"Total pagu tetap {TOTAL}; 1 target indikator berubah; 1 galat baru",
        introduced=["TG01"],
    ),
    Scenario(
        "target-triwulan-dan-tahunan",
        (
            Edit(PK, "target: 29.17", "target: 30.17"),
            Edit(
                PK, "triwulan: [1.56, 1.64, 12.98, 12.99]", "triwulan: [1.56, 1.64, 13.98, 12.99]"
            ),
        ),
        [
            {
                "kind": "indikator-target",
                "bidang": None,
                "key": "pk-1",
                "old": "29.17",
                "new": "30.17",
                "detail": {"satuan": "%", "old_satuan": "%", "triwulan": None, "selisih": "1.00"},
            },
            {
                "kind": "indikator-target",
                "bidang": None,
                "key": "pk-1",
                "old": "12.98",
                "new": "13.98",
                "detail": {"satuan": "%", "old_satuan": "%", "triwulan": 3, "selisih": "1.00"},
            },
        ],
        f"Total pagu tetap {TOTAL}; 2 target indikator berubah",
    ),
    Scenario(
        "urutan-sub-kegiatan",
        (
            swap(PK, IDEOLOGI_KOORDINASI, IDEOLOGI_MONEV),
            Edit(
                POLITIK,
                POLITIK_KOORDINASI_PLAN + POLITIK_MONEV_PLAN,
                POLITIK_MONEV_PLAN + "\n" + POLITIK_KOORDINASI_PLAN.rstrip("\n") + "\n",
            ),
        ),
        [],
        f"Total pagu tetap {TOTAL}; tidak ada perubahan",
    ),
    Scenario(
        "urutan-aksi",
        (swap(POLITIK, SELEKSI_PARPOL, REKOMENDASI_PARPOL),),
        [
            {
                "kind": "aksi-reordered",
                "bidang": "politik",
                "key": "politik-bahan-kebijakan",
                "old": BAHAN_KEBIJAKAN_AKSI,
                "new": [*BAHAN_KEBIJAKAN_AKSI[:3], *BAHAN_KEBIJAKAN_AKSI[3:5][::-1], LAPORAN_AKHIR],
                "detail": {},
            }
        ],
        f"Total pagu tetap {TOTAL}; 1 urutan aksi berubah",
    ),
    Scenario(
        "aksi-ganti-nama",
        (
            Edit(
                POLITIK,
                "- nama: Pengumpulan Data awal Peserta\n        bulan: [2, 3, 4, 5]",
                "- nama: Pendataan Awal Calon Peserta\n        bulan: [2, 3, 4, 5]",
            ),
        ),
        [
            {
                "kind": "aksi-renamed",
                "bidang": "politik",
                "key": "politik-koordinasi",
                "old": "Pengumpulan Data awal Peserta",
                "new": "Pendataan Awal Calon Peserta",
                "detail": {},
            }
        ],
        f"Total pagu tetap {TOTAL}; 1 aksi berganti nama",
    ),
    Scenario(
        "pagu-tidak-cocok",
        BUDGET_MISMATCH,
        [pagu("duta-pancasila", 100_000_000, 120_000_000)],
        f"Total pagu {TOTAL} → Rp 59.079.304.998 (+Rp 20.000.000; +0,03%); 1 pagu berubah; "
        "1 galat baru",
        introduced=["BG01"],
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario: Scenario, repo: Path, update_golden: bool) -> None:
    apply(repo / "plans" / "2024", scenario.edits)
    document = diff_json()
    assert changes(document) == scenario.changes
    assert codes(document["findings"]["introduced"]) == scenario.introduced
    assert codes(document["findings"]["fixed"]) == scenario.fixed
    assert document["summary"]["headline"] == scenario.headline
    assert document["summary"]["changes"] == len(scenario.changes)
    empty = not (scenario.changes or scenario.introduced or scenario.fixed)
    assert document["summary"]["empty"] is empty
    assert (document["base"], document["head"]) == ("HEAD", "salinan kerja (belum di-commit)")

    text = run_diff().stdout
    assert text.splitlines()[:2] == [
        "Perubahan rencana HEAD → salinan kerja (belum di-commit)",
        scenario.headline,
    ]
    check_golden(f"diff-{scenario.name}.txt", text, update_golden)

    md = run_diff("--format", "md").stdout
    assert md.startswith("<!-- renaksi-diff -->\n")
    assert f"**{scenario.headline}**" in md
    check_golden(f"diff-{scenario.name}.md", md, update_golden)


# --- details of the scenarios -----------------------------------------------------------


def test_budget_cut_lists_program_and_bidang_totals(repo: Path) -> None:
    apply(repo / "plans" / "2024", SCENARIOS[1].edits)
    document = diff_json()
    totals = document["totals"]
    assert totals["agency"] == {
        "key": "total",
        "name": "Total pagu",
        "old": 59_059_304_998,
        "new": 59_009_304_998,
        "delta": -50_000_000,
    }
    moved = [(t["key"], t["old"], t["new"], t["delta"]) for t in totals["programs"] if t["delta"]]
    assert moved == [("8.01.02", 2_718_270_000, 2_668_270_000, -50_000_000)]
    bidang = [(t["key"], t["delta"]) for t in totals["bidang"] if t["delta"]]
    assert bidang == [("ideologi", -50_000_000)]

    text = run_diff().stdout
    assert "Total per program dan bidang:" in text
    assert (
        "  Program Penguatan Ideologi Pancasila Dan Karakter Kebangsaan: Rp 2.718.270.000 → "
        "Rp 2.668.270.000 (-Rp 50.000.000; -1,84%)"
    ) in text
    assert "  Bidang Ideologi dan Wawasan Kebangsaan: Rp 2.718.270.000 → Rp 2.668.270.000" in text
    # Unchanged programs are not listed.
    assert "Program Pemberdayaan" not in text

    md = run_diff("--format", "md").stdout
    total = "| **Total** | **Rp 59.059.304.998 → Rp 59.009.304.998 (-Rp 50.000.000; -0,08%)** |"
    assert total in md


def test_split_leaves_totals_alone(repo: Path) -> None:
    apply(repo / "plans" / "2024", PASKIBRAKA_SPLIT)
    document = diff_json()
    assert all(t["delta"] == 0 for t in document["totals"]["programs"])
    assert all(t["delta"] == 0 for t in document["totals"]["bidang"])
    text = run_diff().stdout
    assert "Total per program dan bidang" not in text
    assert "Pagu Pembentukan Paskibraka: Rp 1.850.000.000 → Rp 1.800.000.000" in text


def test_new_aksi_renumbers_later_aksi_without_a_reorder(repo: Path) -> None:
    # The new aksi is number 2, so the three after it are now 3-5: still one change.
    apply(repo / "plans" / "2024", SCENARIOS[2].edits)
    kinds = [c["kind"] for c in diff_json()["changes"]]
    assert kinds == ["aksi-added"]


def test_renaming_a_sub_kegiatan_alone_counts_one_change(repo: Path) -> None:
    # A rename is the whole diff here, so the headline must not read as if nothing changed.
    apply(
        repo / "plans" / "2024",
        (Edit(PK, "Kebangsaan, Bela Negara,\n", "Kebangsaan dan Bela Negara,\n"),),
    )
    document = diff_json()
    assert [(c["kind"], c["key"]) for c in document["changes"]] == [
        ("sub-renamed", "ideologi-koordinasi")
    ]
    headline = f"Total pagu tetap {TOTAL}; 1 sub kegiatan berganti nama"
    assert document["summary"]["headline"] == headline
    text = run_diff().stdout
    assert text.splitlines()[1] == headline
    assert "  - Nama sub kegiatan ideologi-koordinasi berubah: “Pelaksanaan" in text


def test_budget_mismatch_introduced_then_fixed(repo: Path) -> None:
    apply(repo / "plans" / "2024", BUDGET_MISMATCH)
    commit_all(repo, "pagu duta pancasila saja")
    broken = diff_json("HEAD~1", "HEAD")
    assert codes(broken["findings"]["introduced"]) == ["BG01"]
    assert broken["findings"]["fixed"] == []
    finding = broken["findings"]["introduced"][0]
    assert finding["severity"] == "error"
    assert finding["file"] == "HEAD:plans/2024/perjanjian-kinerja.yaml"
    assert "2.718.270.000" in finding["message"]

    repaired = diff_json("HEAD", "HEAD~1")
    assert codes(repaired["findings"]["fixed"]) == ["BG01"]
    assert repaired["findings"]["introduced"] == []
    assert changes(repaired) == [pagu("duta-pancasila", 120_000_000, 100_000_000)]
    assert "1 temuan diperbaiki" in repaired["summary"]["headline"]

    text = run_diff("HEAD", "HEAD~1").stdout
    assert "Temuan yang diperbaiki:\n  - BG01 " in text
    md = run_diff("HEAD", "HEAD~1", "--format", "md").stdout
    assert "<details><summary>Temuan yang diperbaiki (1)</summary>" in md


def test_existing_warnings_are_not_new_findings(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # plans/2024 has two RF06 warnings on both sides; run from inside the plan folder too.
    apply(repo / "plans" / "2024", PASKIBRAKA_SPLIT)
    assert diff_json()["findings"] == {"introduced": [], "fixed": []}
    monkeypatch.chdir(repo / "plans" / "2024")
    assert diff_json()["findings"] == {"introduced": [], "fixed": []}


def test_reordering_a_sub_kegiatan_with_a_warning_is_no_change(repo: Path) -> None:
    # ormas-monev has an RF06 warning (no aksi); swapping it with ormas-koordinasi moves it.
    apply(repo / "plans" / "2024", (swap(PK, ORMAS_KOORDINASI, ORMAS_MONEV),))
    document = diff_json()
    assert document["summary"]["empty"] is True
    assert document["findings"] == {"introduced": [], "fixed": []}


def test_wholly_new_name_with_the_same_work_is_not_a_rename(repo: Path) -> None:
    # Outputs repeat a lot in these plans: a different name means a different aksi.
    apply(
        repo / "plans" / "2024",
        (
            Edit(
                POLITIK,
                "- nama: Rapat Interen\n        bulan: [1]\n",
                "- nama: Konsolidasi Tim Bidang\n        bulan: [1]\n",
            ),
        ),
    )
    kinds = sorted(c["kind"] for c in diff_json()["changes"])
    assert kinds == ["aksi-added", "aksi-removed"]


def test_similar_name_with_the_same_work_is_a_rename(repo: Path) -> None:
    apply(
        repo / "plans" / "2024",
        (
            Edit(
                POLITIK,
                "- nama: Rapat Interen\n        bulan: [1]\n",
                "- nama: Rapat Internal Bidang\n        bulan: [1]\n",
            ),
        ),
    )
    kinds = [c["kind"] for c in diff_json()["changes"]]
    assert kinds == ["aksi-renamed"]


# --- git: revisions, and leaving the repository alone -------------------------------------


def snapshot(repo: Path) -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every work tree file, and of .git/index."""
    out: dict[str, tuple[str, int]] = {}
    paths = [p for p in repo.rglob("*") if p.is_file() and ".git" not in p.relative_to(repo).parts]
    for path in sorted([*paths, repo / ".git" / "index", repo / ".git" / "HEAD"]):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        out[path.relative_to(repo).as_posix()] = (digest, path.stat().st_mtime_ns)
    return out


def test_diff_leaves_a_dirty_tree_and_index_untouched(repo: Path) -> None:
    plan = repo / "plans" / "2024"
    git(repo, "checkout", "-q", "-b", "fitur")
    apply(plan, PASKIBRAKA_SPLIT)
    commit_all(repo, "fitur")
    # Staged: a new aksi; unstaged: a month moved; untracked: a note; stat-dirty: a file
    # whose time changed but not its bytes (`git status` would rewrite the index for it).
    apply(plan, SCENARIOS[2].edits)
    git(repo, "add", f"plans/2024/{POLITIK}")
    ideologi_month = Edit(
        IDEOLOGI,
        "Evaluasi hasil Kegiatan\n        bulan: [3, 6, 9, 12]",
        "Evaluasi hasil Kegiatan\n        bulan: [4, 6, 9, 12]",
    )
    ideologi_month.apply(plan)
    (repo / "catatan.txt").write_text("belum dikirim\n", encoding="utf-8")
    stamp = (plan / "instansi.yaml").stat().st_mtime_ns + 5_000_000_000
    os.utime(plan / "instansi.yaml", ns=(stamp, stamp))
    before = snapshot(repo)

    document = diff_json()
    assert [c["kind"] for c in document["changes"]] == ["aksi-added", "aksi-months"]
    for args in (["main"], ["main", "fitur"], ["main...HEAD"], ["main...fitur", "-f", "md"]):
        run_diff(*args)
    assert diff_json("main...HEAD")["changes"] == diff_json("main", "HEAD")["changes"]

    assert snapshot(repo) == before
    status = git(repo, "status", "--porcelain").splitlines()
    assert sorted(status) == [
        " M plans/2024/bidang/ideologi.yaml",
        "?? catatan.txt",
        "M  plans/2024/bidang/politik.yaml",
    ]


def _feature_branch(repo: Path, name: str = "fitur") -> None:
    git(repo, "checkout", "-q", "-b", name)
    apply(repo / "plans" / "2024", PASKIBRAKA_SPLIT)
    commit_all(repo, "Pagu Paskibraka mengikuti halaman bidang")


def test_merge_base_revisions(repo: Path) -> None:
    _feature_branch(repo)
    git(repo, "checkout", "-q", "main")
    apply(repo / "plans" / "2024", BUDGET_MISMATCH)
    commit_all(repo, "main maju")
    # main...fitur: only what fitur did since it left main, not main's own later change.
    document = diff_json("main...fitur")
    assert (document["base"], document["head"]) == ("main...fitur", "fitur")
    assert changes(document) == SCENARIOS[0].changes
    # Two revisions: main's change shows up reversed.
    kinds = sorted(c["key"] for c in diff_json("main", "fitur")["changes"])
    assert kinds == ["duta-pancasila", "paskibraka-pembentukan", "paskibraka-pembinaan"]


def test_in_a_git_worktree(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _feature_branch(repo)
    git(repo, "checkout", "-q", "main")
    worktree = tmp_path / "pohon-kerja"
    git(repo, "worktree", "add", "-q", str(worktree), "fitur")
    monkeypatch.chdir(worktree)
    assert changes(diff_json("main...HEAD")) == SCENARIOS[0].changes
    apply(worktree / "plans" / "2024", SCENARIOS[3].edits)
    kinds = [c["kind"] for c in diff_json("main")["changes"]]
    assert kinds == ["pagu", "pagu", "aksi-months"]
    # The main checkout (on main, clean) saw nothing of it.
    assert git(repo, "status", "--porcelain") == ""


def test_in_a_shallow_clone(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    _feature_branch(clone)
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main")
    monkeypatch.chdir(clone)
    document = diff_json("origin/main...HEAD")
    assert (document["base"], document["head"]) == ("origin/main...HEAD", "HEAD")
    assert changes(document) == SCENARIOS[0].changes


def test_in_a_shallow_ci_checkout(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _feature_branch(repo)  # the origin has fitur checked out, as a PR's head
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    monkeypatch.chdir(clone)
    # Both tips are there but not the history joining them: no merge base can be found.
    # renaksi says so and how to fetch enough history (the workflow uses fetch-depth: 0).
    result = run_diff("origin/main...HEAD", code=2)
    assert "tidak ada merge base" in result.stderr
    assert "shallow" in result.stderr
    assert "fetch-depth: 0" in result.stderr
    git(clone, "fetch", "-q", "--deepen=10", "origin", "main")
    assert changes(diff_json("origin/main...HEAD")) == SCENARIOS[0].changes


def test_plans_option_from_outside_the_repository(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply(repo / "plans" / "2024", PASKIBRAKA_SPLIT)
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    document = diff_json("--plans", repo / "plans" / "2024")
    assert changes(document) == SCENARIOS[0].changes
    assert document["findings"] == {"introduced": [], "fixed": []}


def test_outside_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lepas"
    shutil.copytree(PLAN, folder / "plans" / "2024")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(folder)
    for args in ([], ["--plans", "plans/2024"], ["HEAD~1", "HEAD"]):
        result = run_diff(*args, code=2)
        assert result.stdout == ""
        assert "bukan repositori git" in result.stderr
        assert "--base-dir" in result.stderr
        assert "--head-dir" in result.stderr


def test_no_plan_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_diff(code=2)
    assert "tidak ada folder rencana" in result.stderr
    assert "--plans" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["tidak-ada"], ["HEAD", "tidak-ada"], ["--output=x"]],
    ids=["base", "head", "option-like"],
)
def test_unknown_revision(repo: Path, args: list[str]) -> None:
    result = invoke("diff", "--", *args)
    assert_no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "tidak dikenal" in result.stderr
    assert not (repo / "x").exists()


def test_unknown_revision_in_a_merge_base_range(repo: Path) -> None:
    result = run_diff("origin/main...HEAD", code=2)
    assert "origin/main" in result.stderr
    assert "tidak dikenal" in result.stderr


def test_plan_folder_missing_at_the_revision(repo: Path) -> None:
    git(repo, "checkout", "-q", "--orphan", "kosong")
    git(repo, "rm", "-q", "-r", "--cached", "plans")
    (repo / "README.md").write_text("kosong\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "kosong")
    # As the base, a revision without the plan means everything is new ...
    document = diff_json("kosong", "main")
    assert document["totals"]["agency"]["old"] is None
    # ... as the head, there is nothing to show.
    result = run_diff("main", "kosong", code=2)
    assert "plans/2024 tidak ada di revisi kosong" in result.stderr


def test_git_not_installed(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "tanpa-git"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_diff(code=2)
    assert "git tidak terpasang" in result.stderr


# --- two folders, exit codes ------------------------------------------------------------


def test_two_folders_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, head = tmp_path / "lama" / "2024", tmp_path / "baru" / "2024"
    shutil.copytree(PLAN, base)
    shutil.copytree(PLAN, head)
    apply(head, PASKIBRAKA_SPLIT)
    empty = tmp_path / "tanpa-git"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no git program at all
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    document = diff_json("--base-dir", "lama/2024", "--head-dir", "baru/2024")
    assert (document["base"], document["head"]) == ("lama/2024", "baru/2024")
    assert changes(document) == SCENARIOS[0].changes
    # Both folders have the same two RF06 warnings: neither new nor fixed.
    assert document["findings"] == {"introduced": [], "fixed": []}
    same = diff_json("--base-dir", "lama/2024", "--head-dir", "lama/2024")
    assert same["summary"]["empty"] is True
    run_diff("--base-dir", "lama/2024", "--head-dir", "baru/2024", "--exit-code", code=1)


@pytest.mark.parametrize(
    "args",
    [
        ["--base-dir", "a"],
        ["--head-dir", "a"],
        ["HEAD", "--base-dir", "a", "--head-dir", "b"],
    ],
    ids=["base-only", "head-only", "with-revision"],
)
def test_folder_options_go_together(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_diff(*args, code=2)
    assert "--base-dir dan --head-dir" in result.stderr


def test_missing_folder_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(PLAN, tmp_path / "ada")
    monkeypatch.chdir(tmp_path)
    result = run_diff("--base-dir", "tidak-ada", "--head-dir", "ada", code=2)
    assert "tidak-ada" in result.stderr


def test_exit_code(repo: Path) -> None:
    # Only a comment changes: no change, exit 0 even with --exit-code.
    apply(repo / "plans" / "2024", (Edit(PK, "# Kode tidak diketahui.", "# Kode belum ada."),))
    text = run_diff("--exit-code").stdout
    assert "tidak ada perubahan" in text.splitlines()[1]
    assert diff_json("--exit-code")["summary"]["empty"] is True
    apply(repo / "plans" / "2024", PASKIBRAKA_SPLIT)
    run_diff(code=0)
    run_diff("--exit-code", code=1)
    run_diff("--exit-code", "--format", "md", code=1)
    assert diff_json("--exit-code", code=1)["summary"]["empty"] is False


def test_exit_code_for_a_new_finding_alone(repo: Path) -> None:
    # total_pagu no longer matches: no classified change, but a new error is a change too.
    apply(repo / "plans" / "2024", (Edit(PK, "total_pagu: 59_059_304_998", "total_pagu: 1"),))
    document = diff_json("--exit-code", code=1)
    assert document["changes"] == []
    assert codes(document["findings"]["introduced"]) == ["BG03"]


# --- the pull-request comment -----------------------------------------------------------

MANY_IN_IDEOLOGI = (
    Edit(PK, "pagu: 506_090_000", "pagu: 516_090_000"),
    Edit(PK, "pagu: 112_180_000", "pagu: 122_180_000"),
    Edit(PK, "pagu: 150_000_000", "pagu: 160_000_000"),
    Edit(PK, "pagu: 1_850_000_000", "pagu: 1_810_000_000"),
    Edit(PK, "pagu: 100_000_000", "pagu: 110_000_000"),
    Edit(IDEOLOGI, "target: 1200 orang", "target: 1300 orang"),
    Edit(IDEOLOGI, "target: 8 laporan", "target: 9 laporan"),
    Edit(IDEOLOGI, "target: 4 dokumen", "target: 5 dokumen"),
    Edit(IDEOLOGI, "target: 300 orang", "target: 310 orang"),
    Edit(IDEOLOGI, "target: 44 orang", "target: 45 orang"),
)


def test_md_folds_long_lists(repo: Path) -> None:
    apply(repo / "plans" / "2024", MANY_IN_IDEOLOGI)
    document = diff_json()
    assert [c["kind"] for c in document["changes"]] == ["pagu"] * 5 + ["output-target"] * 5
    assert document["summary"]["headline"] == (
        f"Total pagu tetap {TOTAL}; 5 pagu berubah; 5 target keluaran berubah"
    )
    md = run_diff("--format", "md").stdout
    section = md.split("#### Bidang Ideologi dan Wawasan Kebangsaan\n", 1)[1]
    lines = section.splitlines()
    assert all(line.startswith("- Pagu ") for line in lines[:5])
    assert all(line.startswith("- Target keluaran ") for line in lines[5:8])
    assert lines[8:11] == ["", "<details><summary>2 perubahan lainnya</summary>", ""]
    assert [line[:18] for line in lines[11:13]] == ["- Target keluaran "] * 2
    assert lines[13:15] == ["", "</details>"]
    # The terminal shows everything, nothing folded.
    text = run_diff().stdout
    assert "<details>" not in text
    assert text.count("\n  - ") == 10


def test_md_short_lists_are_not_folded(repo: Path) -> None:
    apply(repo / "plans" / "2024", PASKIBRAKA_SPLIT)
    assert "<details>" not in run_diff("--format", "md").stdout


def _rename_every_aksi(plan: Path) -> int:
    """Prefix every aksi name with "Revisi "; return how many there are."""
    count = 0
    for path in sorted((plan / "bidang").glob("*.yaml")):
        out: list[str] = []
        folded = False
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            renamed = line
            if folded:
                renamed = re.sub(r"^(\s*)", r"\1Revisi ", line, count=1)
                folded = False
            elif m := re.match(r"^(\s+- nama: )(.*)$", line):
                count += 1
                if m.group(2) == ">-":
                    folded = True
                else:
                    renamed = f"{m.group(1)}Revisi {m.group(2)}\n"
            out.append(renamed)
        path.write_text("".join(out), encoding="utf-8")
    return count


def test_md_renaming_every_aksi(repo: Path) -> None:
    count = _rename_every_aksi(repo / "plans" / "2024")
    assert count > 40
    document = diff_json()
    assert [c["kind"] for c in document["changes"]] == ["aksi-renamed"] * count
    assert document["findings"] == {"introduced": [], "fixed": []}
    md = run_diff("--format", "md").stdout
    assert md.startswith("<!-- renaksi-diff -->\n")
    assert len(md) < GITHUB_LIMIT
    per_bidang = Counter(c["bidang"] for c in document["changes"])
    folded = sum(1 for n in per_bidang.values() if n > 8)
    assert folded >= 3
    assert md.count("<details>") == md.count("</details>") == folded
    assert md.count("berganti nama:") == count


def _many_new_aksi(plan: Path, count: int) -> None:
    block = "".join(
        f"      - nama: Aksi tambahan nomor {i} untuk pendataan wilayah kelurahan\n"
        "        bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\n"
        f"        keluaran: Laporan pendataan kelurahan ke-{i}\n"
        for i in range(1, count + 1)
    )
    Edit(POLITIK, POLITIK_MONEV_PLAN, POLITIK_MONEV_PLAN + block).apply(plan)


def test_md_stays_under_the_github_limit(repo: Path) -> None:
    _many_new_aksi(repo / "plans" / "2024", 600)
    document = diff_json()
    assert len(document["changes"]) == 600
    md = run_diff("--format", "md").stdout
    assert md.startswith("<!-- renaksi-diff -->\n")
    assert len(md) < GITHUB_LIMIT
    assert "dipotong" in md.splitlines()[-1]
    # The terminal and JSON are never cut.
    assert run_diff().stdout.count("Aksi baru di ") == 600


def test_md_cut_closes_its_details(repo: Path) -> None:
    _many_new_aksi(repo / "plans" / "2024", 600)
    md = run_diff("--format", "md").stdout
    assert md.count("<details>") == md.count("</details>")


def test_md_branch_name_with_underscore(repo: Path) -> None:
    _feature_branch(repo, "fitur_pagu")
    md = run_diff("main", "fitur_pagu", "--format", "md").stdout
    assert "`fitur_pagu`" in md.splitlines()[1]


def test_md_escapes_plan_text(repo: Path) -> None:
    apply(
        repo / "plans" / "2024",
        (
            Edit(
                POLITIK,
                "- nama: Pengumpulan Data awal Peserta\n",
                "- nama: Pengumpulan Data awal Peserta <b>*penting*</b> | [tautan](x)\n",
            ),
        ),
    )
    md = run_diff("--format", "md").stdout
    line = next(ln for ln in md.splitlines() if ln.startswith("- Aksi di "))
    assert "<b>" not in line
    assert "&lt;b&gt;" in line
    assert "\\*penting\\*" in line
    assert "\\|" in line
    assert "\\[tautan\\]" in line


# --- the scenarios read through git revisions, not the working tree ------------------------


def test_scenario_between_two_commits_matches_the_working_tree(repo: Path) -> None:
    apply(repo / "plans" / "2024", SCENARIOS[4].edits)
    from_tree = diff_json()
    commit_all(repo, "target triwulan")
    from_git = diff_json("HEAD~1", "HEAD")
    assert from_git["changes"] == from_tree["changes"]
    assert from_git["summary"]["headline"] == from_tree["summary"]["headline"]
    introduced = from_git["findings"]["introduced"]
    assert [(f["code"], f["file"], f["line"]) for f in introduced] == [
        ("TG01", "HEAD:plans/2024/perjanjian-kinerja.yaml", 19)
    ]


def test_a_new_year_folder_is_all_new(repo: Path) -> None:
    # A pull request that starts next year's plan: there is no base to compare with.
    new = repo / "plans" / "2025"
    shutil.copytree(repo / "plans" / "2024", new)
    document = diff_json("--plans", new)
    kinds = {c["kind"] for c in document["changes"]}
    assert "sub-added" in kinds
    assert document["totals"]["agency"] == {
        "key": "total",
        "name": "Total pagu",
        "old": None,
        "new": 59_059_304_998,
        "delta": 59_059_304_998,
    }
    # Nothing can be "fixed" on a side that did not exist.
    assert document["findings"]["fixed"] == []


def test_allowing_a_target_above_100_percent_is_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # boleh_lebih_100 silences TG04: a reviewer must see it switched on or off, for a PK
    # indicator (by id) and for an IKU (by its number, IKU have no id).
    base, head = tmp_path / "lama" / "2024", tmp_path / "baru" / "2024"
    shutil.copytree(PLAN, base)
    shutil.copytree(PLAN, head)
    apply(
        head,
        [
            Edit(PK, "  - id: pk-1\n", "  - id: pk-1\n    boleh_lebih_100: true\n"),
            Edit(
                "instansi.yaml",
                '      satuan: "%"\n',
                '      satuan: "%"\n      boleh_lebih_100: true\n',
            ),
        ],
    )
    monkeypatch.chdir(tmp_path)
    document = diff_json("--base-dir", "lama/2024", "--head-dir", "baru/2024")
    found = [c for c in changes(document) if c["kind"] == "indikator-boleh-lebih-100"]
    assert [(c["bidang"], c["key"], c["old"], c["new"]) for c in found] == [
        (None, "pk-1", False, True),
        (None, "IKU 1", False, True),
    ]
    text = run_diff("--base-dir", "lama/2024", "--head-dir", "baru/2024").stdout
    assert "target persennya boleh melebihi 100%" in text
    assert "2 batas 100% indikator berubah" in text
