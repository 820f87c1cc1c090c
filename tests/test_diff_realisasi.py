"""``renaksi diff`` on the quarterly realisasi files (``realisasi/tw<N>.yaml``).

Like ``tests/test_diff.py``: every test builds its own git repository in a temporary folder,
changes the plan the way a staff member would (by editing the YAML text) and runs the
command in-process. The plan is the smallest valid one (``tests/rules/base/2024``: two sub
kegiatan of Bidang Alpha, one PK and one bidang indicator) with realisasi for Triwulan I and
II, so every number in the expected sentences can be checked by hand. The scenarios are
checked in all three formats: the JSON ``changes`` exactly, the text and Markdown against
golden files ``tests/golden/diff-realisasi-*.txt`` and ``.md``::

    .venv/bin/pytest tests/test_diff_realisasi.py --update-golden
"""

from __future__ import annotations

import difflib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from test_diff import (  # the git set-up and CLI helpers of the plan diff tests
    _clean_git_env,  # noqa: F401 (an autouse fixture: imported to apply here)
    changes,
    codes,
    diff_json,
    git,
    run_diff,
)

ROOT = Path(__file__).resolve().parent.parent
PLAN_2024 = ROOT / "plans" / "2024"
BASE_PLAN = ROOT / "tests" / "rules" / "base" / "2024"
GOLDEN = Path(__file__).resolve().parent / "golden"
TW1, TW2, TW3 = "realisasi/tw1.yaml", "realisasi/tw2.yaml", "realisasi/tw3.yaml"
ALPHA = "bidang/alpha.yaml"
PAGU = "Total pagu tetap Rp 300.000.000"
WORKTREE = "salinan kerja (belum di-commit)"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# --- the realisasi the repository starts with ----------------------------------------------

TW1_TEXT = """\
tahun: 2024
triwulan: 1
tanggal: 2024-04-10
indikator:
  - id: pk-1
    realisasi: 1
    faktor_pendukung: Narasumber dari perguruan tinggi hadir tepat waktu
  - id: alpha-1
    realisasi: 25
    satuan: "%"
sub_kegiatan:
  - sub_kegiatan: sub-a
    anggaran: 40_000_000
    keluaran: 30 orang
    aksi:
      - no: 1
        nama: Rapat internal
        bulan: [1, 2]
  - sub_kegiatan: sub-b
    anggaran: 30_000_000
    keluaran: 1 laporan
    aksi:
      - no: 1
        bulan: [3]
"""
#: pk-1 is below its target (1,5 of 2), so the hindrance and the remedy are written (RL07).
TW2_TEXT = """\
tahun: 2024
triwulan: 2
tanggal: 2024-07-10
indikator:
  - id: pk-1
    realisasi: 1.5
    faktor_penghambat: Jadwal sosialisasi bergeser karena libur panjang
    upaya_perbaikan: Sosialisasi tambahan pada bulan Juli
  - id: alpha-1
    realisasi: 25
sub_kegiatan:
  - sub_kegiatan: sub-a
    anggaran: 70_000_000
    keluaran: 60 orang
  - sub_kegiatan: sub-b
    anggaran: 90_000_000
    keluaran: 2 laporan
    aksi:
      - no: 1
        bulan: [6]
"""
TW3_TEXT = """\
tahun: 2024
triwulan: 3
tanggal: 2024-10-10
indikator:
  - id: pk-1
    realisasi: 3.5
  - id: alpha-1
    realisasi: 25
sub_kegiatan:
  - sub_kegiatan: sub-a
    anggaran: 85_000_000
    keluaran: 90 orang
  - sub_kegiatan: sub-b
    anggaran: 140_000_000
    keluaran: 3 laporan
    aksi:
      - no: 1
        bulan: [9]
"""
#: Sub kegiatan B in Triwulan II.
SUB_B_TW2 = """\
  - sub_kegiatan: sub-b
    anggaran: 90_000_000
    keluaran: 2 laporan
    aksi:
      - no: 1
        bulan: [6]
"""
PENGHAMBAT = "Jadwal sosialisasi bergeser karena libur panjang"
PENGHAMBAT_BARU = "Narasumber berhalangan dan jadwal sosialisasi bergeser karena libur panjang"


# --- helpers ----------------------------------------------------------------------------


def commit_all(repo: Path, message: str) -> None:
    """Commit every file, new ones included."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plans/2024 (the base plan with realisasi Triwulan I and II) committed on ``main``."""
    folder = tmp_path / "repo"
    plan = folder / "plans" / "2024"
    shutil.copytree(BASE_PLAN, plan)
    (plan / "realisasi").mkdir()
    (plan / TW1).write_text(TW1_TEXT, encoding="utf-8")
    (plan / TW2).write_text(TW2_TEXT, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    commit_all(folder, "Rencana Aksi 2024 dengan realisasi Triwulan I dan II")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def plan(repo: Path) -> Path:
    return repo / "plans" / "2024"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``old`` (exactly once) with ``new`` in one file; ``old=""`` writes the file
    whole and ``new=None`` deletes it."""

    file: str
    old: str
    new: str | None

    def apply(self, plan: Path) -> None:
        path = plan / self.file
        if self.new is None:
            path.unlink()
            return
        if not self.old:
            path.write_text(self.new, encoding="utf-8")
            return
        text = path.read_text(encoding="utf-8")
        assert text.count(self.old) == 1, f"{self.file}: {self.old!r} is not there exactly once"
        path.write_text(text.replace(self.old, self.new), encoding="utf-8")


def apply(plan: Path, edits: tuple[Edit, ...]) -> None:
    for one in edits:
        one.apply(plan)


def bullets(text: str) -> list[str]:
    """The change sentences of the text output (not the findings listed after them)."""
    changed = text.split("\nTemuan ", 1)[0]
    return [line[4:] for line in changed.splitlines() if line.startswith("  - ")]


def check_golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing; run pytest {__file__} --update-golden"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        lines = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"tests/golden/{name}",
            tofile=f"{name} (now)",
        )
        pytest.fail(
            "".join(list(lines)[:60])
            + "\nIf intended: pytest tests/test_diff_realisasi.py --update-golden"
        )


# --- the scenarios ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scenario:
    """A change to the realisasi, what it is classified as and the sentence it reads as."""

    name: str
    edits: tuple[Edit, ...]
    changes: list[dict[str, Any]]
    sentences: list[str]
    headline: str
    introduced: list[str] = field(default_factory=list)


SCENARIOS = [
    Scenario(
        "triwulan-baru",
        (Edit(TW3, "", TW3_TEXT),),
        [
            {
                "kind": "realisasi-file-added",
                "bidang": None,
                "key": "tw3",
                "old": None,
                "new": 225_000_000,
                "detail": {
                    "triwulan": 3,
                    "indikator": 2,
                    "sub_kegiatan": 2,
                    "aksi": 1,
                    "pagu": 300_000_000,
                    "level": "sub kegiatan",
                },
            }
        ],
        [
            "Realisasi Triwulan III ditambahkan: 2 indikator, 2 sub kegiatan, 1 aksi "
            "terlaksana, anggaran terserap Rp 225.000.000 (75,00% dari total pagu "
            "Rp 300.000.000)"
        ],
        f"{PAGU}; 1 triwulan realisasi ditambahkan",
    ),
    Scenario(
        "indikator",
        (Edit(TW1, "realisasi: 1\n", "realisasi: 1.25\n"),),
        [
            {
                "kind": "realisasi-indikator",
                "bidang": None,
                "key": "pk-1",
                "old": "1",
                "new": "1.25",
                "detail": {"triwulan": 1, "satuan": "%"},
            }
        ],
        ["Realisasi Triwulan I indikator “Persentase contoh” (pk-1): 1% → 1,25%"],
        f"{PAGU}; 1 realisasi indikator berubah",
    ),
    Scenario(
        "anggaran-naik",
        (Edit(TW2, "anggaran: 70_000_000", "anggaran: 85_000_000"),),
        [
            {
                "kind": "realisasi-anggaran",
                "bidang": "alpha",
                "key": "sub-a",
                "old": 70_000_000,
                "new": 85_000_000,
                "detail": {"triwulan": 2, "pagu": 100_000_000, "level": "sub kegiatan"},
            }
        ],
        [
            "Realisasi anggaran Triwulan II Sub Kegiatan A: Rp 70.000.000 → Rp 85.000.000 "
            "(+Rp 15.000.000); 85,00% dari pagu Rp 100.000.000"
        ],
        f"{PAGU}; 1 realisasi anggaran berubah",
    ),
    Scenario(
        "aksi-bulan-lain",
        (Edit(TW2, "bulan: [6]", "bulan: [5, 6]"),),
        [
            {
                "kind": "realisasi-aksi",
                "bidang": "alpha",
                "key": "sub-b",
                "old": [6],
                "new": [5, 6],
                "detail": {
                    "triwulan": 2,
                    "no": 1,
                    "aksi": "Monitoring",
                    "added": [5],
                    "removed": [],
                },
            }
        ],
        [
            "Pelaksanaan aksi 1 “Monitoring” (Sub Kegiatan B) Triwulan II: ditandai "
            "terlaksana Mei; sekarang terlaksana Mei, Jun"
        ],
        f"{PAGU}; 1 pelaksanaan aksi berubah",
    ),
    Scenario(
        "faktor-penghambat",
        (Edit(TW2, PENGHAMBAT, PENGHAMBAT_BARU),),
        [
            {
                "kind": "realisasi-penjelasan",
                "bidang": None,
                "key": "pk-1",
                "old": PENGHAMBAT,
                "new": PENGHAMBAT_BARU,
                "detail": {"triwulan": 2, "satuan": "%", "field": "faktor_penghambat"},
            }
        ],
        [
            f"Faktor penghambat Triwulan II indikator “Persentase contoh” (pk-1): "
            f"“{PENGHAMBAT}” → “{PENGHAMBAT_BARU}”"
        ],
        f"{PAGU}; 1 penjelasan realisasi berubah",
    ),
    Scenario(
        "melebihi-pagu",
        (Edit(TW2, "anggaran: 70_000_000", "anggaran: 120_000_000"),),
        [
            {
                "kind": "realisasi-anggaran",
                "bidang": "alpha",
                "key": "sub-a",
                "old": 70_000_000,
                "new": 120_000_000,
                "detail": {"triwulan": 2, "pagu": 100_000_000, "level": "sub kegiatan"},
            }
        ],
        [
            "Realisasi anggaran Triwulan II Sub Kegiatan A: Rp 70.000.000 → Rp 120.000.000 "
            "(+Rp 50.000.000); 120,00% dari pagu Rp 100.000.000"
        ],
        f"{PAGU}; 1 realisasi anggaran berubah; 1 galat baru",
        introduced=["RL05"],
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario: Scenario, plan: Path, update_golden: bool) -> None:
    apply(plan, scenario.edits)
    document = diff_json()
    assert changes(document) == scenario.changes
    assert [c["weight"] for c in document["changes"]] == [0] * len(scenario.changes)
    assert codes(document["findings"]["introduced"]) == scenario.introduced
    assert document["findings"]["fixed"] == []
    assert document["summary"]["headline"] == scenario.headline

    text = run_diff().stdout
    assert text.splitlines()[:2] == [f"Perubahan rencana HEAD → {WORKTREE}", scenario.headline]
    assert bullets(text) == scenario.sentences
    check_golden(f"diff-realisasi-{scenario.name}.txt", text, update_golden)

    md = run_diff("--format", "md").stdout
    assert f"**{scenario.headline}**" in md
    check_golden(f"diff-realisasi-{scenario.name}.md", md, update_golden)


# --- details ----------------------------------------------------------------------------


def test_new_quarter_is_one_change_in_the_agency_section(plan: Path) -> None:
    apply(plan, SCENARIOS[0].edits)
    text = run_diff().stdout
    assert "Tingkat instansi (PK dan Kepala Badan)\n  - Realisasi Triwulan III ditambahkan" in text
    assert len(bullets(text)) == 1
    assert "Bidang Alpha" not in text


def test_removed_quarter_is_one_change(plan: Path) -> None:
    apply(plan, (Edit(TW2, "", None),))
    document = diff_json()
    assert [c["kind"] for c in document["changes"]] == ["realisasi-file-removed"]
    assert bullets(run_diff().stdout) == [
        "Realisasi Triwulan II dihapus; isinya dulu 2 indikator, 2 sub kegiatan, 1 aksi "
        "terlaksana, anggaran terserap Rp 160.000.000 (53,33% dari total pagu Rp 300.000.000)"
    ]
    assert "1 triwulan realisasi dihapus" in document["summary"]["headline"]


def test_penghambat_removed_is_a_change_and_a_new_finding(plan: Path) -> None:
    apply(plan, (Edit(TW2, f"    faktor_penghambat: {PENGHAMBAT}\n", ""),))
    document = diff_json()
    assert [(c["kind"], c["old"], c["new"]) for c in document["changes"]] == [
        ("realisasi-penjelasan", PENGHAMBAT, None)
    ]
    assert codes(document["findings"]["introduced"]) == ["RL07"]
    assert bullets(run_diff().stdout) == [
        "Faktor penghambat Triwulan II indikator “Persentase contoh” (pk-1): dihapus "
        f"(dulu “{PENGHAMBAT}”)"
    ]


def test_reflowing_text_is_no_change(plan: Path) -> None:
    # The same words over two lines (a folded YAML string) are the same explanation.
    folded = "faktor_penghambat: >-\n      Jadwal sosialisasi bergeser\n      karena libur panjang"
    apply(plan, (Edit(TW2, f"faktor_penghambat: {PENGHAMBAT}", folded),))
    document = diff_json()
    assert document["changes"] == []
    assert document["summary"]["empty"] is True


def test_entries_added_and_removed(plan: Path) -> None:
    apply(
        plan,
        (
            Edit(TW2, "  - id: alpha-1\n    realisasi: 25\n", ""),
            Edit(TW2, SUB_B_TW2, ""),
            Edit(TW1, '    satuan: "%"\n', '    satuan: "%"\n    faktor_pendukung: Rapat rutin\n'),
        ),
    )
    document = diff_json()
    assert [(c["kind"], c["bidang"], c["key"]) for c in document["changes"]] == [
        ("realisasi-penjelasan", "alpha", "alpha-1"),
        ("realisasi-indikator-removed", "alpha", "alpha-1"),
        ("realisasi-sub-removed", "alpha", "sub-b"),
    ]
    # Reporting less is a warning (RL10), not a change to hide.
    assert set(codes(document["findings"]["introduced"])) == {"RL10"}
    assert bullets(run_diff().stdout) == [
        "Faktor pendukung Triwulan I indikator “Indikator bidang contoh” (alpha-1): "
        "ditulis “Rapat rutin”",
        "Realisasi Triwulan II indikator “Indikator bidang contoh” (alpha-1) dihapus (dulu 25%)",
        "Realisasi Triwulan II Sub Kegiatan B dihapus (dulu anggaran Rp 90.000.000)",
    ]


def test_entries_added(repo: Path, plan: Path) -> None:
    apply(plan, (Edit(TW2, "  - id: alpha-1\n    realisasi: 25\n", ""), Edit(TW2, SUB_B_TW2, "")))
    commit_all(repo, "alpha-1 dan sub-b belum dilaporkan")
    apply(plan, (Edit(TW2, "", TW2_TEXT),))
    document = diff_json()
    assert changes(document) == [
        {
            "kind": "realisasi-indikator-added",
            "bidang": "alpha",
            "key": "alpha-1",
            "old": None,
            "new": "25",
            "detail": {"triwulan": 2, "satuan": "%"},
        },
        {
            "kind": "realisasi-sub-added",
            "bidang": "alpha",
            "key": "sub-b",
            "old": None,
            "new": 90_000_000,
            "detail": {
                "triwulan": 2,
                "pagu": 200_000_000,
                "level": "sub kegiatan",
                "keluaran": ["2", "laporan"],
                "aksi": 1,
            },
        },
    ]
    assert set(codes(document["findings"]["fixed"])) == {"RL10"}
    assert bullets(run_diff().stdout) == [
        "Realisasi Triwulan II indikator “Indikator bidang contoh” (alpha-1) ditambahkan: 25%",
        "Realisasi Triwulan II Sub Kegiatan B ditambahkan: anggaran Rp 90.000.000 (45,00% dari "
        "pagu Rp 200.000.000), keluaran 2 laporan, 1 aksi terlaksana",
    ]


def test_aksi_no_longer_done(plan: Path) -> None:
    apply(plan, (Edit(TW1, "bulan: [3]", "bulan: []"),))
    document = diff_json()
    assert [(c["kind"], c["old"], c["new"]) for c in document["changes"]] == [
        ("realisasi-aksi", [3], [])
    ]
    assert bullets(run_diff().stdout) == [
        "Pelaksanaan aksi 1 “Monitoring” (Sub Kegiatan B) Triwulan I: tanda terlaksana dihapus "
        "Mrt; sekarang belum terlaksana"
    ]


def test_output_date_and_note(plan: Path) -> None:
    apply(
        plan,
        (
            Edit(TW1, "keluaran: 30 orang", "keluaran: 35 orang"),
            Edit(TW1, "tanggal: 2024-04-10", "tanggal: 2024-04-12\ncatatan: Data sementara"),
            Edit(
                TW1, "        bulan: [1, 2]\n", "        bulan: [1, 2]\n        catatan: Daring\n"
            ),
        ),
    )
    document = diff_json()
    assert [c["kind"] for c in document["changes"]] == [
        "realisasi-field",
        "realisasi-field",
        "realisasi-keluaran",
        "realisasi-catatan",
    ]
    assert document["changes"][0]["old"] == "2024-04-10"  # dates as ISO strings
    assert bullets(run_diff().stdout) == [
        "Tanggal laporan realisasi Triwulan I: 10 April 2024 → 12 April 2024",
        "Catatan realisasi Triwulan I: ditulis “Data sementara”",
        "Realisasi keluaran Triwulan I Sub Kegiatan A: 30 orang → 35 orang (target 100 orang)",
        "Catatan aksi 1 “Rapat internal” (Sub Kegiatan A) Triwulan I: ditulis “Daring”",
    ]


def test_plan_changes_come_before_realisasi_changes(plan: Path) -> None:
    apply(
        plan,
        (
            Edit(TW2, "anggaran: 70_000_000", "anggaran: 85_000_000"),
            Edit(ALPHA, "target: 100 orang", "target: 120 orang"),
        ),
    )
    document = diff_json()
    assert [(c["kind"], c["weight"]) for c in document["changes"]] == [
        ("output-target", 3),
        ("realisasi-anggaran", 0),
    ]
    text = run_diff().stdout
    assert bullets(text) == [
        "Target keluaran Sub Kegiatan A: 100 orang → 120 orang",
        SCENARIOS[2].sentences[0],
    ]


def test_unreadable_quarter_is_not_compared(plan: Path) -> None:
    # tw2 no longer matches its schema: its contents are unknown, not deleted; tw1 still
    # compares.
    apply(
        plan,
        (
            Edit(TW2, "anggaran: 70_000_000", "anggaran: banyak"),
            Edit(TW1, "realisasi: 1\n", "realisasi: 1.25\n"),
        ),
    )
    document = diff_json()
    assert [c["kind"] for c in document["changes"]] == ["realisasi-indikator"]
    assert document["summary"]["unreadable"] == [
        f"plans/2024/{TW2} ({WORKTREE})",
    ]
    text = run_diff().stdout
    assert "dihapus" not in text
    assert f"Tidak dibandingkan (berkas tidak terbaca; lihat temuannya):\n  - plans/2024/{TW2}" in (
        text
    )


def test_unreadable_in_the_base_is_not_new(repo: Path, plan: Path) -> None:
    apply(plan, (Edit(TW2, "tanggal: 2024-07-10\n", "tanggal: 2024-07-10\n  - rusak\n"),))
    commit_all(repo, "tw2 rusak")
    apply(plan, (Edit(TW2, "", TW2_TEXT),))
    document = diff_json()
    assert document["changes"] == []
    assert len(document["summary"]["unreadable"]) == 1
    assert document["summary"]["unreadable"][0].endswith(f"{TW2} (HEAD)")
    # The reason it could not be read is the finding that the repair fixes.
    assert [f["file"] for f in document["findings"]["fixed"]] == [f"HEAD:plans/2024/{TW2}"]


def test_between_two_commits_matches_the_working_tree(repo: Path, plan: Path) -> None:
    apply(plan, (*SCENARIOS[0].edits, *SCENARIOS[5].edits))
    from_tree = diff_json()
    commit_all(repo, "realisasi Triwulan III")
    from_git = diff_json("HEAD~1", "HEAD")
    assert from_git["changes"] == from_tree["changes"]
    assert [c["kind"] for c in from_git["changes"]] == [
        "realisasi-anggaran",
        "realisasi-file-added",
    ]
    # Triwulan III's 85 juta is now below Triwulan II's 120 juta, too (RL06).
    assert codes(from_git["findings"]["introduced"]) == ["RL05", "RL06"]
    finding = from_git["findings"]["introduced"][0]
    assert finding["file"] == f"HEAD:plans/2024/{TW2}"
    assert "melebihi pagu sub-a" in finding["message"]


def test_no_realisasi_change_is_empty(plan: Path) -> None:
    apply(plan, (Edit(TW1, "tahun: 2024\n", "# Dilaporkan tepat waktu.\ntahun: 2024\n"),))
    assert diff_json("--exit-code")["summary"]["empty"] is True


#: A first, partial Triwulan I for the real plan: one PK and one bidang indicator, and a
#: sub kegiatan each of Bidang Ideologi and Bidang Ekonomi.
REAL_TW1 = """\
triwulan: 1
indikator:
  - id: pk-1
    realisasi: 1.56
  - id: politik-1
    realisasi: 10
sub_kegiatan:
  - sub_kegiatan: ideologi-koordinasi
    anggaran: 100_000_000
  - sub_kegiatan: ormas-koordinasi
    anggaran: 50_000_000
"""


def test_real_plan_groups_by_the_bidang_that_owns_each_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "repo"
    plan = folder / "plans" / "2024"
    shutil.copytree(PLAN_2024, plan)
    git(folder, "init", "-q", "-b", "main")
    commit_all(folder, "Rencana Aksi 2024")
    monkeypatch.chdir(folder)
    (plan / "realisasi").mkdir()
    (plan / TW1).write_text(REAL_TW1, encoding="utf-8")
    added = diff_json()
    assert [(c["kind"], c["bidang"]) for c in added["changes"]] == [("realisasi-file-added", None)]
    assert bullets(run_diff().stdout) == [
        "Realisasi Triwulan I ditambahkan: 2 indikator, 2 sub kegiatan, 0 aksi terlaksana, "
        "anggaran terserap Rp 150.000.000 (0,25% dari total pagu Rp 59.059.304.998)"
    ]
    commit_all(folder, "realisasi Triwulan I")
    apply(
        plan,
        (
            Edit(TW1, "realisasi: 1.56", "realisasi: 1.60"),
            Edit(TW1, "realisasi: 10", "realisasi: 12"),
            Edit(TW1, "anggaran: 100_000_000", "anggaran: 150_000_000"),
            Edit(TW1, "anggaran: 50_000_000", "anggaran: 60_000_000"),
        ),
    )
    document = diff_json()
    assert [(c["kind"], c["bidang"], c["key"]) for c in document["changes"]] == [
        ("realisasi-indikator", None, "pk-1"),
        ("realisasi-indikator", "politik", "politik-1"),
        ("realisasi-anggaran", "ideologi", "ideologi-koordinasi"),
        ("realisasi-anggaran", "ekonomi", "ormas-koordinasi"),
    ]
    text = run_diff().stdout
    changed = text.split("\nTemuan ", 1)[0].splitlines()[3:]  # findings: RL07, RL10
    sections = [line for line in changed if line and not line.startswith(" ")]
    assert sections == [
        "Tingkat instansi (PK dan Kepala Badan)",
        "Bidang Politik Dalam Negeri",
        "Bidang Ideologi dan Wawasan Kebangsaan",
        "Bidang Ketahanan Ekonomi, Sosial Budaya, Agama dan Organisasi Kemasyarakatan",
    ]
    assert (
        "  - Realisasi anggaran Triwulan I Pelaksanaan Koordinasi di Bidang Ideologi Wawasan "
        "Kebangsaan, Bela …: Rp 100.000.000 → Rp 150.000.000 (+Rp 50.000.000); 29,64% dari "
        "pagu Rp 506.090.000"
    ) in text


def test_an_aksi_newly_reported_done_is_one_plain_sentence(repo: Path, plan: Path) -> None:
    # Nothing was marked done before: no "sekarang ..." repeating the same months.
    apply(plan, (Edit(TW2, "bulan: [6]", "bulan: []"),))
    commit_all(repo, "Monitoring Juni belum terlaksana")
    apply(plan, (Edit(TW2, "bulan: []", "bulan: [6]"),))
    assert bullets(run_diff().stdout) == [
        "Pelaksanaan aksi 1 “Monitoring” (Sub Kegiatan B) Triwulan II: ditandai terlaksana Jun"
    ]


def test_files_of_other_periods_are_compared_by_period(tmp_path: Path) -> None:
    # A unit that reports semester I, up to a date and the year: each file is matched by
    # its period and the sentences name it.
    from renaksi.diff.revisions import compare_dirs
    from renaksi.output.diff_words import sentence

    targets = ROOT / "tests" / "fixtures" / "targets" / "2024"
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(targets, base)
    shutil.copytree(targets, head)
    s1 = head / "realisasi" / "s1.yaml"
    s1.write_text(
        s1.read_text(encoding="utf-8").replace("realisasi: 35\n", "realisasi: 40\n"),
        encoding="utf-8",
    )
    (head / "realisasi" / "tahunan.yaml").unlink()
    result = compare_dirs(base, head)
    said = [sentence(c, result.bidang_names) for c in result.changes]
    assert [c.detail.get("periode") for c in result.changes] == ["s1", "tahunan"]
    assert said[0].startswith("Realisasi Semester I indikator “Persentase layanan"), said
    assert "35% → 40%" in said[0]
    assert said[1].startswith("Realisasi Tahunan dihapus; isinya dulu 8 indikator"), said
