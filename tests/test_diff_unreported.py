"""``renaksi diff`` reports the changes it used to miss (issue 11).

Each scenario is a change that once came out as "tidak ada perubahan" with exit code 0: a
lowered IKU target, a new Renstra visi, new signing dates and places, a renamed program, a
new sub kegiatan code, an indicator moved to another sasaran, and a monitoring scale and
threshold under which everything is "Sangat Tinggi" and nothing needs explaining. Each runs
the command the way a reviewer's CI does (``--base-dir A --head-dir B --exit-code``) and
checks the exit code and the exact sentence.

A change to how monitoring judges (``instansi.yaml: pemantauan``) changes every verdict, so
it is shown first, in a section of its own, and flagged in the JSON output.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from renaksi.cli import app

ROOT = Path(__file__).resolve().parent
BASE = ROOT / "rules" / "base" / "2024"
MONITORING = ROOT / "fixtures" / "monitoring" / "2024"
INSTANSI = "instansi.yaml"
PK = "perjanjian-kinerja.yaml"
ALPHA = "bidang/alpha.yaml"
AGENCY = "Tingkat instansi (PK dan Kepala Badan)"
VERDICTS = "Perubahan yang mengubah setiap penilaian"

#: Everything "Sangat Tinggi", and no capaian ever below the threshold (RL07 switched off).
LENIENT = """\
pemantauan:
  skala:
    - mulai: 0
      nama: Sangat Tinggi
  ambang_penjelasan: 0
"""
#: A second sasaran strategis, so an indicator can move to one that exists.
SECOND_SASARAN = """\
    - id: ss-2
      uraian: Sasaran contoh kedua
"""


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


def folders(
    tmp_path: Path, head: list[Edit], both: tuple[Edit, ...] = (), source: Path = BASE
) -> tuple[Path, Path]:
    """A base and a head copy of ``source``; ``both`` edits both, ``head`` only the head."""
    base_dir, head_dir = tmp_path / "base" / "2024", tmp_path / "head" / "2024"
    for folder in (base_dir, head_dir):
        shutil.copytree(source, folder)
        for edit in both:
            edit.apply(folder)
    for edit in head:
        edit.apply(head_dir)
    return base_dir, head_dir


def diff(base_dir: Path, head_dir: Path, *args: str) -> Result:
    result = CliRunner().invoke(
        app, ["diff", "--base-dir", str(base_dir), "--head-dir", str(head_dir), *args]
    )
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def changed_lines(tmp_path: Path, head: list[Edit], both: tuple[Edit, ...] = ()) -> list[str]:
    """The text report's lines of a change that must make ``--exit-code`` exit 1."""
    base_dir, head_dir = folders(tmp_path, head, both)
    assert diff(base_dir, base_dir, "--exit-code").exit_code == 0
    result = diff(base_dir, head_dir, "--exit-code")
    assert result.exit_code == 1, result.output
    assert "tidak ada perubahan" not in result.output
    assert "Temuan baru" not in result.output, "the change must stand on its own"
    return result.output.splitlines()


def section(lines: list[str], heading: str) -> list[str]:
    """The items under one heading of the text report."""
    start = lines.index(heading) + 1
    items = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        items.append(line.strip())
    return items


# --- the scenarios of the issue -----------------------------------------------------------


def test_lowered_iku_target(tmp_path: Path) -> None:
    lines = changed_lines(tmp_path, [Edit(INSTANSI, "target: 100\n", "target: 5\n")])
    assert lines[1] == "Total pagu tetap Rp 300.000.000; 1 target IKU berubah"
    assert section(lines, AGENCY) == ["- Target IKU “Indikator utama contoh”: 100% → 5%"]


def test_new_renstra_visi(tmp_path: Path) -> None:
    lines = changed_lines(
        tmp_path, [Edit(INSTANSI, "visi: Visi contoh", "visi: Visi baru yang lain")]
    )
    assert section(lines, AGENCY) == ["- Visi Renstra: “Visi contoh” → “Visi baru yang lain”"]


def test_signing_dates_and_places(tmp_path: Path) -> None:
    edits = [
        Edit(INSTANSI, "tempat: Samarinda", "tempat: Balikpapan"),
        Edit(INSTANSI, "tanggal: 2024-01-02", "tanggal: 2024-01-03"),
        Edit(ALPHA, "tempat: Samarinda", "tempat: Bontang"),
        Edit(ALPHA, "tanggal: 2024-01-02", "tanggal: 2 Februari 2024"),
    ]
    lines = changed_lines(tmp_path, edits)
    assert lines[1] == "Total pagu tetap Rp 300.000.000; 4 tempat/tanggal tanda tangan berubah"
    assert section(lines, AGENCY) == [
        "- Tempat tanda tangan: “Samarinda” → “Balikpapan”",
        "- Tanggal tanda tangan: 2 Januari 2024 → 3 Januari 2024",
    ]
    assert section(lines, "Bidang Alpha") == [
        "- Tempat tanda tangan: “Samarinda” → “Bontang”",
        "- Tanggal tanda tangan: 2 Januari 2024 → 2 Februari 2024",
    ]


def test_renamed_program(tmp_path: Path) -> None:
    edit = Edit(PK, "nama: Program Contoh", "nama: Program Contoh Yang Baru")
    lines = changed_lines(tmp_path, [edit])
    assert section(lines, AGENCY) == [
        "- Nama program 8.01.02: “Program Contoh” → “Program Contoh Yang Baru”"
    ]


def test_new_sub_kegiatan_code(tmp_path: Path) -> None:
    edit = Edit(PK, 'kode: "8.01.02.2.01.0004"', 'kode: "8.01.02.2.01.0006"')
    lines = changed_lines(tmp_path, [edit])
    # The change belongs to the bidang that owns the sub kegiatan, like its pagu and name.
    assert section(lines, "Bidang Alpha") == [
        "- Kode sub kegiatan “Sub Kegiatan A” (sub-a): “8.01.02.2.01.0004” → “8.01.02.2.01.0006”"
    ]


def test_indicator_moved_to_another_sasaran(tmp_path: Path) -> None:
    both = (
        Edit(
            INSTANSI,
            "      uraian: Sasaran contoh\n",
            "      uraian: Sasaran contoh\n" + SECOND_SASARAN,
        ),
    )
    edit = Edit(PK, "id: pk-1\n    sasaran: ss-1", "id: pk-1\n    sasaran: ss-2")
    lines = changed_lines(tmp_path, [edit], both)
    assert section(lines, AGENCY) == [
        "- Indikator “Persentase contoh”: sasaran strategis “ss-1” → “ss-2”"
    ]


def test_lenient_monitoring_scale_and_threshold(tmp_path: Path) -> None:
    lines = changed_lines(tmp_path, [Edit(INSTANSI, "iku:\n", LENIENT + "iku:\n")])
    assert lines[1] == (
        "Total pagu tetap Rp 300.000.000; 1 skala kategori capaian berubah; "
        "1 ambang penjelasan capaian berubah"
    )
    # Right after the headline, before any other section.
    assert lines[3] == VERDICTS + ":"
    assert section(lines, VERDICTS + ":") == [
        "- Skala kategori capaian dan serapan: 91% Sangat Tinggi, 76% Tinggi, 66% Sedang, "
        "51% Rendah, 0% Sangat Rendah (bawaan) → 0% Sangat Tinggi",
        "- Ambang penjelasan capaian: 100% (bawaan) → 0%: tidak ada capaian yang wajib "
        "dijelaskan (RL07 tidak berlaku lagi)",
    ]
    assert AGENCY not in lines


# --- the monitoring settings in every format ------------------------------------------------


@pytest.fixture
def lenient(tmp_path: Path) -> tuple[Path, Path]:
    """The monitoring fixture (with realisasi), and the same plan judged leniently."""
    return folders(tmp_path, [Edit(INSTANSI, "iku:\n", LENIENT + "iku:\n")], source=MONITORING)


def test_monitoring_settings_come_first_in_markdown(lenient: tuple[Path, Path]) -> None:
    result = diff(*lenient, "--format", "md", "--exit-code")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    headings = [line for line in lines if line.startswith("#### ")]
    assert headings[0] == f"#### {VERDICTS}"
    start = lines.index(f"#### {VERDICTS}")
    assert lines[start + 1].startswith("Skala dan ambang ini menentukan kategori setiap capaian")
    items = [line for line in lines[start + 2 :] if line.startswith("- ")][:2]
    assert items[0].startswith("- Skala kategori capaian dan serapan:")
    assert items[1].startswith("- Ambang penjelasan capaian: 100% (bawaan) → 0%")


def test_monitoring_settings_are_flagged_in_json(lenient: tuple[Path, Path]) -> None:
    document: dict[str, Any] = json.loads(diff(*lenient, "--format", "json").stdout)
    assert document["summary"]["verdicts_changed"] is True
    first, second = document["changes"][:2]
    assert first == {
        "kind": "pemantauan-skala",
        "weight": 6,
        "bidang": None,
        "subject": "instansi.yaml",
        "key": "pemantauan.skala",
        "old": [
            ["91", "Sangat Tinggi"],
            ["76", "Tinggi"],
            ["66", "Sedang"],
            ["51", "Rendah"],
            ["0", "Sangat Rendah"],
        ],
        "new": [["0", "Sangat Tinggi"]],
        "detail": {"old_default": True, "new_default": False},
    }
    assert second["kind"] == "pemantauan-ambang"
    assert (second["old"], second["new"], second["weight"]) == ("100", "0", 6)


def test_json_flag_is_false_for_other_changes(tmp_path: Path) -> None:
    base_dir, head_dir = folders(tmp_path, [Edit(INSTANSI, "target: 100\n", "target: 5\n")])
    document = json.loads(diff(base_dir, head_dir, "--format", "json").stdout)
    assert document["summary"]["verdicts_changed"] is False
    assert [c["kind"] for c in document["changes"]] == ["iku-target"]


def test_writing_the_default_scale_changes_no_verdict(tmp_path: Path) -> None:
    # What counts is the scale in effect: writing out the default judges nothing differently.
    default = (
        "pemantauan:\n  skala:\n"
        + "".join(
            f"    - mulai: {start}\n      nama: {name}\n"
            for start, name in [
                (91, "Sangat Tinggi"),
                (76, "Tinggi"),
                (66, "Sedang"),
                (51, "Rendah"),
                (0, "Sangat Rendah"),
            ]
        )
        + "  ambang_penjelasan: 100\n"
    )
    base_dir, head_dir = folders(tmp_path, [Edit(INSTANSI, "iku:\n", default + "iku:\n")])
    result = diff(base_dir, head_dir, "--exit-code")
    assert result.exit_code == 0, result.output
    assert "tidak ada perubahan" in result.output


def test_a_stricter_threshold_says_what_needs_explaining(tmp_path: Path) -> None:
    stricter = "pemantauan:\n  ambang_penjelasan: 120\n"
    lines = changed_lines(tmp_path, [Edit(INSTANSI, "iku:\n", stricter + "iku:\n")])
    assert section(lines, VERDICTS + ":") == [
        "- Ambang penjelasan capaian: 100% (bawaan) → 120%: capaian di bawah 120% wajib "
        "dijelaskan dengan faktor penghambat dan upaya perbaikan (RL07)"
    ]
