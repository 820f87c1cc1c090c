"""The Perubahan within the year: the example for plans/2024 validates, prints as the
Perubahan Rencana Aksi and PK with the comparison, and monitoring judges each quarter by the
targets in force at its end (Triwulan I murni, Triwulan IV Perubahan)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renaksi.cli import main
from renaksi.plan.perubahan import apply
from renaksi.rules.check import validate

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"
EXAMPLE = ROOT / "examples" / "perubahan-2024"
CHANGE = EXAMPLE / "perubahan.yaml"
REALISASI = EXAMPLE / "realisasi"


def printed(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "out.md"
    base = ["report", str(PLAN), "--perubahan", str(CHANGE), "-o", str(out)]
    assert main([*base, *args]) == 0
    return out.read_text(encoding="utf-8")


def test_the_example_validates_and_moves_pagu_within_a_kegiatan() -> None:
    result = validate([PLAN], perubahan=CHANGE, realisasi=REALISASI)
    assert not result.failed()
    plan = result.loads[0].plan
    changed = apply(plan)
    assert changed is not None
    assert changed.pk is not None
    assert plan.pk is not None
    murni, baru = plan.units_by_id(), changed.units_by_id()
    assert (murni["ideologi-koordinasi"].pagu, baru["ideologi-koordinasi"].pagu) == (
        506_090_000,
        456_090_000,
    )
    assert (murni["ideologi-monev"].pagu, baru["ideologi-monev"].pagu) == (
        112_180_000,
        162_180_000,
    )
    assert changed.pk.total_pagu == plan.pk.total_pagu == 59_059_304_998
    # The murni plan is untouched: the Perubahan is a version beside it.
    assert str(plan.pk.indikator[0].triwulan[3]) == "12.99"  # type: ignore[index]
    assert str(changed.pk.indikator[0].triwulan[3]) == "13.99"  # type: ignore[index]


def test_the_perubahan_is_checked_as_a_whole_plan(tmp_path: Path) -> None:
    # A quarterly target changed without the annual target: the quarters no longer add up
    # in the Perubahan version, and TG says so of that version.
    folder = tmp_path / "2024"
    shutil.copytree(PLAN, folder)
    text = CHANGE.read_text(encoding="utf-8").replace("    target: 30.17\n", "")
    (folder / "perubahan.yaml").write_text(text, encoding="utf-8")
    result = validate([folder])
    found = [p for p in result.problems if p.message.startswith("versi perubahan: ")]
    assert found
    assert all(p.location.file.endswith("perjanjian-kinerja.yaml") for p in found)
    assert result.failed()


def test_perubahan_rencana_aksi_is_titled_so_with_the_comparison(tmp_path: Path) -> None:
    md = printed(tmp_path, "--versi", "perubahan")
    assert "# RENCANA AKSI PERUBAHAN TAHUN 2024" in md
    assert "## Perbandingan Murni dan Perubahan" in md
    assert "| Rp 506.090.000 | Rp 456.090.000 | -Rp 50.000.000 |" in md
    assert "| Rp 112.180.000 | Rp 162.180.000 | +Rp 50.000.000 |" in md
    assert "| Triwulan IV | 12,99% | 13,99% | +1 poin |" in md
    assert "Dokumen Pelaksanaan Perubahan Anggaran" in md


def test_perubahan_pk_carries_the_new_target_and_the_comparison(tmp_path: Path) -> None:
    md = printed(tmp_path, "--versi", "perubahan", "--dokumen", "pk")
    assert "# PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in md
    assert "| 30,17% |" in md
    assert "| Tahunan | 29,17% | 30,17% | +1 poin |" in md
    assert "**Rp 59.059.304.998**" in md


def test_a_bidang_perubahan_shows_only_its_changes(tmp_path: Path) -> None:
    politik = printed(tmp_path, "--versi", "perubahan", "--bidang", "politik")
    assert "RENCANA AKSI PERUBAHAN PENCAPAIAN KINERJA" in politik
    assert "tidak mengubah pagu atau target" in politik
    ideologi = printed(tmp_path, "--versi", "perubahan", "--bidang", "ideologi", "-f", "html")
    assert "-Rp 50.000.000" in ideologi


def test_monitoring_uses_the_targets_in_force_at_the_quarter_end(tmp_path: Path) -> None:
    tw1 = printed(tmp_path, "--realisasi", str(REALISASI), "--triwulan", "1")
    assert "target **murni**" in tw1
    assert "Perubahan baru berlaku sejak 2 September 2024" in tw1
    tw4 = printed(tmp_path, "--realisasi", str(REALISASI), "--triwulan", "4")
    assert "target **Perubahan**" in tw4
    assert "| 13,99% | 13,99% | 100,00% |" in tw4


def test_murni_is_the_default_and_unchanged(tmp_path: Path) -> None:
    md = printed(tmp_path)
    assert "# RENCANA AKSI TAHUN 2024" in md
    assert "Perbandingan" not in md


def test_perubahan_version_needs_a_perubahan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(PLAN), "--versi", "perubahan"]) == 2
    assert "tidak punya Perubahan" in capsys.readouterr().err


def test_versi_is_not_for_monitoring(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["report", str(PLAN), "--perubahan", str(CHANGE), "--versi", "perubahan", "-t", "1"]
    assert main(args) == 2
    assert "--versi tidak dipakai" in capsys.readouterr().err


def test_diff_from_murni_to_perubahan_reads_like_the_comparison(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["diff", "--plans", str(PLAN), "--perubahan", str(CHANGE)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "murni → perubahan" in out
    assert "Total pagu tetap Rp 59.059.304.998; 2 pagu berubah; 2 target indikator berubah" in out
    assert "Rp 506.090.000 → Rp 456.090.000 (-Rp 50.000.000" in out
    assert "Target triwulan IV indikator" in out
    assert "12,99% → 13,99% (+1 poin)" in out


def test_diff_murni_perubahan_needs_a_perubahan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--plans", str(PLAN), "--murni-perubahan"]) == 2
    assert "tidak punya Perubahan" in capsys.readouterr().err


def test_a_revision_that_edits_the_perubahan_itemises_it(tmp_path: Path) -> None:
    # A pull request that edits perubahan.yaml: the reviewer reads which pagu and target of
    # the Perubahan changed, in words, not only that the file changed.
    from renaksi.diff.revisions import compare_dirs
    from renaksi.output.diff_words import sentence

    base, head = tmp_path / "2024", tmp_path / "head" / "2024"
    shutil.copytree(PLAN, base)
    shutil.copy(CHANGE, base / "perubahan.yaml")
    shutil.copytree(base, head)
    text = (head / "perubahan.yaml").read_text(encoding="utf-8")
    for old, new in (
        ("baru: 456_090_000", "baru: 446_090_000"),
        ("baru: 162_180_000", "baru: 172_180_000"),
        ("tanggal: 2024-09-02", "tanggal: 2024-09-03"),
        ("    target: 30.17\n", "    target: 30.5\n"),
        ("triwulan: [1.56, 1.64, 12.98, 13.99]", "triwulan: [1.56, 1.64, 12.98, 14.32]"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    (head / "perubahan.yaml").write_text(text, encoding="utf-8")
    result = compare_dirs(base, head)
    said = [sentence(c, result.bidang_names) for c in result.changes]
    by_bidang = [(c.bidang, line) for c, line in zip(result.changes, said, strict=True)]
    pagu = [line for bidang, line in by_bidang if bidang == "ideologi"]
    assert "Pagu Perubahan sub kegiatan “Pelaksanaan Koordinasi di Bidang Ideologi" in pagu[0]
    assert pagu[0].endswith("(ideologi-koordinasi): Rp 456.090.000 → Rp 446.090.000")
    assert pagu[1].endswith("(ideologi-monev): Rp 162.180.000 → Rp 172.180.000")
    assert "Tanggal berlaku Perubahan: 2 September 2024 → 3 September 2024" in said
    assert "Target tahunan Perubahan indikator pk-1: 30,17 → 30,5" in said
    assert "Target triwulan Perubahan indikator pk-1: triwulan IV 13,99 → 14,32" in said
    assert result.introduced == []
    # A Perubahan file added in a revision is named as such.
    (head / "perubahan.yaml").unlink()
    said = [sentence(c, {}) for c in compare_dirs(head, base).changes]
    assert "Berkas perubahan.yaml ditambahkan" in said


TARGETS = ROOT / "tests" / "fixtures" / "targets" / "2024"


def test_murni_perubahan_shows_how_far_each_target_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As pagu changes show their difference: a percent target in points, exactly, and a
    # target on an ordered scale in levels; a distribution has no single difference.
    folder = tmp_path / "2024"
    shutil.copytree(TARGETS, folder)
    (folder / "perubahan.yaml").write_text(
        "tahun: 2024\n"
        "dasar: DPPA Nomor 1/DPPA/2024 tanggal 1 September 2024\n"
        "tanggal: 2024-09-01\n"
        "alasan: perubahan prioritas\n"
        "target:\n"
        "  - indikator: ikk-1\n"
        "    target: 82.5\n"
        "    alasan: tambahan layanan daring\n"
        "  - indikator: ikk-2\n"
        "    target: Level 2\n"
        "    alasan: anggaran asesmen dipotong\n"
        "  - indikator: ikk-3\n"
        "    target: {Level 1: 30%, Level 2: 50%, Level 3: 20%}\n"
        "    alasan: sebaran baru\n",
        encoding="utf-8",
    )
    assert main(["diff", "--plans", str(folder), "--murni-perubahan"]) == 0
    out = capsys.readouterr().out
    assert "80% → 82,5% (+2,5 poin)" in out
    assert "Level 3 → Level 2 (-1 tingkat)" in out
    distribution = next(line for line in out.splitlines() if "Sebaran unit kerja" in line)
    assert distribution.endswith("Level 3: 20%"), distribution


@pytest.mark.parametrize("dokumen", ["rencana-aksi", "pk"])
def test_the_perubahan_is_not_signed_with_the_murni_place_and_date(
    tmp_path: Path, dokumen: str
) -> None:
    md = printed(tmp_path, "--versi", "perubahan", "--dokumen", dokumen)
    assert "2 Januari 2024" not in md
    assert "tempat dan tanggal tidak tercantum" in md


def test_the_perubahan_is_signed_where_and_when_it_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change = tmp_path / "perubahan.yaml"
    written = CHANGE.read_text(encoding="utf-8")
    change.write_text(f"{written}tempat: Samarinda\ntanggal_tanda_tangan: 2024-09-10\n", "utf-8")
    for dokumen in ("rencana-aksi", "pk"):
        out = tmp_path / f"{dokumen}.md"
        args = ["report", str(PLAN), "--perubahan", str(change), "--versi", "perubahan"]
        assert main([*args, "--dokumen", dokumen, "-o", str(out)]) == 0
        md = out.read_text(encoding="utf-8")
        assert "Samarinda, 10 September 2024" in md
        assert "tempat dan tanggal tidak tercantum" not in md
    # Validation keeps the murni signatures in the Perubahan version: it does not report
    # each of them as missing there.
    capsys.readouterr()
    assert main(["validate", str(PLAN), "--perubahan", str(change)]) == 0
    assert "versi perubahan: tempat" not in capsys.readouterr().out


def test_a_folder_given_as_the_perubahan_is_named_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(PLAN), "--versi", "perubahan", "--perubahan", "."]) == 2
    err = capsys.readouterr().err
    assert "renaksi: .: ini folder, bukan berkas" in err
    assert "tidak ada" not in err
    assert main(["report", str(PLAN), "--versi", "perubahan", "--perubahan", str(tmp_path)]) == 2
    assert f"{tmp_path}: ini folder, bukan berkas" in capsys.readouterr().err


def test_an_invalid_perubahan_forced_is_not_called_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change = tmp_path / "min.yaml"
    change.write_text("tahun: 2024\n", encoding="utf-8")
    args = ["report", str(PLAN), "--versi", "perubahan", "--force", "--perubahan", str(change)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "min.yaml tidak dapat dibaca atau tidak sah" in err
    assert "renaksi validate" in err
    assert "tidak punya Perubahan" not in err


def test_the_comparison_says_how_many_levels_a_scale_target_moved(tmp_path: Path) -> None:
    # A target on an ordered scale has no numeric difference, but it moved a number of
    # levels, as `renaksi diff` says it ("+1 tingkat"): the printed comparison says so too.
    plan = tmp_path / "perwakilan"
    shutil.copytree(ROOT / "examples" / "perwakilan-2024", plan)
    shutil.rmtree(plan / "realisasi")  # its Level 3 would fall short of the new Level 4
    (plan / "perubahan.yaml").write_text(
        "tahun: 2024\ndasar: Revisi DIPA contoh\ntanggal: 2024-09-02\nalasan: Contoh.\n"
        "target:\n  - indikator: ikk-1\n    target: Level 4\n    alasan: Naik satu tingkat.\n"
        "  - indikator: ikp-2\n    target: Skala 5\n    alasan: Turun dua tingkat.\n",
        encoding="utf-8",
    )
    for fmt in ("md", "html"):
        out = tmp_path / f"pk.{fmt}"
        argv = ["report", str(plan), "--versi", "perubahan", "--dokumen", "pk", "-o", str(out)]
        assert main([*argv, "--format", fmt]) == 0
        text = out.read_text(encoding="utf-8")
        assert "+1 tingkat" in text
        assert "-2 tingkat" in text
