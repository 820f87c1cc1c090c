"""Schema findings speak Indonesian and describe what was found, whatever pydantic says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renaksi.output.messages import message
from renaksi.rules.check import validate

BASE = Path(__file__).parent / "rules" / "base" / "2024"


def _messages(tmp_path: Path, file: str, old: str, new: str) -> list[tuple[str, str]]:
    folder = tmp_path / "2024"
    shutil.copytree(BASE, folder)
    target = folder / file
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1
    target.write_text(text.replace(old, new), encoding="utf-8")
    return [(p.code, message(p)) for p in validate([folder]).problems]


@pytest.mark.parametrize(
    ("file", "old", "new", "code", "expected"),
    [
        (
            "perjanjian-kinerja.yaml",
            "cara_gabung: jumlah",
            "cara_gabung: rata-rata",
            "SC06",
            'nilai teks "rata-rata" tidak dikenal; pilihan: jumlah, kumulatif atau tetap',
        ),
        (
            "perjanjian-kinerja.yaml",
            "pagu: 100_000_000",
            "pagu: 0.3",
            "SC04",
            "ditemukan pecahan 0.3",
        ),
        (
            "perjanjian-kinerja.yaml",
            "pagu: 100_000_000",
            'pagu: "100,000,000"',
            "SC04",
            'pemisah ribuan rupiah adalah titik, bukan koma: teks "100,000,000"; '
            'tulis "100.000.000"',
        ),
        (
            "instansi.yaml",
            "  kota: Samarinda",
            "  kota: Samarinda\n  kode_pos: 75123",
            "SC03",
            'harus teks, ditemukan angka 75123; beri tanda kutip: "75123"',
        ),
        ("bidang/alpha.yaml", "nama: Bidang Alpha", "nama:", "SC06", "teks tidak boleh kosong"),
        (
            "bidang/alpha.yaml",
            "jabatan: Kepala Bidang Alpha",
            "jabatan: Kepala Bidang Alpha\n  plt: ya",
            "SC03",
            "harus true atau false",
        ),
        (
            "bidang/alpha.yaml",
            "target: 100 orang",
            "target: banyak orang",
            "SC03",
            "target keluaran ditulis jumlah lalu satuan (mis. 1200 orang)",
        ),
        (
            "perjanjian-kinerja.yaml",
            "            pagu: 100_000_000",
            "            pgu: 100_000_000",
            "SC01",
            "kunci pgu tidak dikenal di sini; maksudnya pagu?",
        ),
    ],
)
def test_schema_message(
    tmp_path: Path, file: str, old: str, new: str, code: str, expected: str
) -> None:
    found = _messages(tmp_path, file, old, new)
    assert any(c == code and expected in m for c, m in found), found


def test_percent_output_target_without_space_is_read(tmp_path: Path) -> None:
    assert _messages(tmp_path, "bidang/alpha.yaml", "target: 4 laporan", "target: 100%") == []


def test_yes_is_not_a_boolean(tmp_path: Path) -> None:
    found = _messages(
        tmp_path,
        "bidang/alpha.yaml",
        "  jabatan: Kepala Bidang Alpha",
        "  jabatan: Kepala Bidang Alpha\n  plt: yes",
    )
    assert [c for c, _ in found] == ["SC03"]
