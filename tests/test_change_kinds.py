"""Every kind of change has its words: a sentence, and a count in the headline.

The kinds are an enum and their words one table (:data:`renaksi.output.diff_words.WORDS`),
so a kind added to :class:`~renaksi.diff.changes.ChangeKind` without words fails here,
not in a reviewer's pull request as a headline that counts nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from renaksi.diff.changes import (
    AksiAddedDetail,
    AksiDetail,
    AksiMonthsDetail,
    AksiRemovedDetail,
    Change,
    ChangeKind,
    FieldDetail,
    IndikatorTargetDetail,
    PlanFieldDetail,
    RealisasiAksiDetail,
    RealisasiAnggaranDetail,
    RealisasiFieldDetail,
    RealisasiFileDetail,
    RealisasiIndikatorDetail,
    RealisasiKeluaranDetail,
    RealisasiPenjelasanDetail,
    RealisasiSubAddedDetail,
    ReportedAksiDetail,
    SatuanDetail,
    SettingDetail,
    TargetFieldDetail,
    Weight,
)
from renaksi.diff.plan import PlanDiff, Total
from renaksi.output.diff_words import WORDS, headline, sentence

W = Weight.REALISASI
SUB = "Pelaksanaan Koordinasi di Bidang Politik Dalam Negeri"
K = ChangeKind

#: One plausible change of each kind, its detail built (and type-checked) as the diff does.
SAMPLES: dict[ChangeKind, Change] = {
    K.PEMANTAUAN_SKALA: Change(
        K.PEMANTAUAN_SKALA, Weight.VERDICT, None, "instansi.yaml", "pemantauan.skala",
        [(Decimal(91), "Sangat Tinggi"), (Decimal(0), "Sangat Rendah")],
        [(Decimal(0), "Sangat Tinggi")],
        SettingDetail(old_default=False, new_default=False),
    ),
    K.PEMANTAUAN_AMBANG: Change(
        K.PEMANTAUAN_AMBANG, Weight.VERDICT, None, "instansi.yaml",
        "pemantauan.ambang_penjelasan", Decimal(100), Decimal(0),
        SettingDetail(old_default=True, new_default=False),
    ),
    K.PAGU: Change(K.PAGU, Weight.BUDGET, "politik", SUB, "s", 100, 120),
    K.SUB_ADDED: Change(K.SUB_ADDED, Weight.BUDGET, "politik", SUB, "s", None, 100),
    K.SUB_REMOVED: Change(K.SUB_REMOVED, Weight.BUDGET, "politik", SUB, "s", 100, None),
    K.SUB_MOVED: Change(K.SUB_MOVED, Weight.STRUCTURE, "ekonomi", SUB, "s", "politik", "ekonomi"),
    K.SUB_RENAMED: Change(K.SUB_RENAMED, Weight.WORDING, "politik", SUB, "s", "Lama", SUB),
    K.SUB_REGROUPED: Change(
        K.SUB_REGROUPED, Weight.STRUCTURE, "politik", SUB, "s", ("P", "K1"), ("P", "K2")
    ),
    K.INDIKATOR_ADDED: Change(
        K.INDIKATOR_ADDED, Weight.TARGET, None, "Indeks", "pk-9", None, Decimal(5),
        SatuanDetail(satuan="%"),
    ),
    K.INDIKATOR_REMOVED: Change(
        K.INDIKATOR_REMOVED, Weight.TARGET, None, "Indeks", "pk-9", Decimal(5), None,
        SatuanDetail(satuan="%"),
    ),
    K.INDIKATOR_FIELD: Change(
        K.INDIKATOR_FIELD, Weight.TARGET, None, "Indeks", "pk-9", "naik", "turun",
        FieldDetail(field="arah"),
    ),
    K.INDIKATOR_TARGET: Change(
        K.INDIKATOR_TARGET, Weight.TARGET, None, "Indeks", "pk-9", Decimal(5), Decimal(6),
        IndikatorTargetDetail(satuan="%", old_satuan="%", triwulan=2),
    ),
    K.INDIKATOR_BOLEH_LEBIH_100: Change(
        K.INDIKATOR_BOLEH_LEBIH_100, Weight.TARGET, None, "Indeks", "pk-9", False, True
    ),
    K.OUTPUT_TARGET: Change(
        K.OUTPUT_TARGET, Weight.TARGET, "politik", SUB, "s",
        (Decimal(10), "orang"), (Decimal(12), "orang"),
    ),
    K.AKSI_ADDED: Change(
        K.AKSI_ADDED, Weight.STRUCTURE, "politik", SUB, "s", None, "Rapat",
        AksiAddedDetail(position=2, bulan=[1, 2], keluaran="Notulen"),
    ),
    K.AKSI_REMOVED: Change(
        K.AKSI_REMOVED, Weight.STRUCTURE, "politik", SUB, "s", "Rapat", None,
        AksiRemovedDetail(position=2),
    ),
    K.AKSI_RENAMED: Change(K.AKSI_RENAMED, Weight.WORDING, "politik", SUB, "s", "Rapat", "Rapat"),
    K.AKSI_REORDERED: Change(
        K.AKSI_REORDERED, Weight.SCHEDULE, "politik", SUB, "s", ["A", "B"], ["B", "A"]
    ),
    K.AKSI_MONTHS: Change(
        K.AKSI_MONTHS, Weight.SCHEDULE, "politik", SUB, "s", [3], [4],
        AksiMonthsDetail(aksi="Rapat", added=[4], removed=[3]),
    ),
    K.AKSI_KELUARAN: Change(
        K.AKSI_KELUARAN, Weight.WORDING, "politik", SUB, "s", "Notulen", "Laporan",
        AksiDetail(aksi="Rapat"),
    ),
    K.SIGNATORY: Change(K.SIGNATORY, Weight.STRUCTURE, "politik", "Nama", "nip", "1", "2"),
    K.IKU_TARGET: Change(
        K.IKU_TARGET, Weight.TARGET, None, "Indeks", "iku.indikator[Indeks].target",
        Decimal(100), Decimal(5),
        TargetFieldDetail(
            file="instansi.yaml", field="instansi:iku.indikator[].target", item="Indeks",
            value="number", satuan="%", old_satuan="%",
        ),
    ),
    K.SIGNING: Change(
        K.SIGNING, Weight.STRUCTURE, "politik", "Bidang Politik", "tanggal",
        dt.date(2024, 1, 2), dt.date(2024, 1, 3),
        PlanFieldDetail(
            file="bidang/politik.yaml", field="bidang:tanggal", item=None, value="date"
        ),
    ),
    K.FIELD: Change(
        K.FIELD, Weight.WORDING, None, "instansi.yaml", "renstra.visi", "Lama", "Baru",
        PlanFieldDetail(
            file="instansi.yaml", field="instansi:renstra.visi", item=None, value="text"
        ),
    ),
    K.ENTRY_ADDED: Change(
        K.ENTRY_ADDED, Weight.STRUCTURE, None, "Program Baru", "program[8.01.03]", None,
        {"kode": "8.01.03", "nama": "Program Baru"},
        PlanFieldDetail(
            file="perjanjian-kinerja.yaml", field="perjanjian-kinerja:program[]",
            item="8.01.03", value="entry",
        ),
    ),
    K.ENTRY_REMOVED: Change(
        K.ENTRY_REMOVED, Weight.STRUCTURE, None, "Indeks", "iku.indikator[Indeks]",
        {"nama": "Indeks", "target": Decimal(5), "satuan": "%"}, None,
        PlanFieldDetail(
            file="instansi.yaml", field="instansi:iku.indikator[]", item="Indeks",
            value="entry",
        ),
    ),
    K.REALISASI_FILE_ADDED: Change(
        K.REALISASI_FILE_ADDED, W, None, "realisasi/tw2.yaml", "tw2", None, 50,
        RealisasiFileDetail(triwulan=2, indikator=1, sub_kegiatan=1, aksi=3, pagu=100,
                            level="sub kegiatan"),
    ),
    K.REALISASI_FILE_REMOVED: Change(
        K.REALISASI_FILE_REMOVED, W, None, "realisasi/tw2.yaml", "tw2", 50, None,
        RealisasiFileDetail(triwulan=2, indikator=1, sub_kegiatan=1, aksi=3, pagu=None,
                            level="sub kegiatan"),
    ),
    K.REALISASI_FIELD: Change(
        K.REALISASI_FIELD, W, None, "realisasi/tw2.yaml", "tw2",
        dt.date(2024, 7, 1), dt.date(2024, 7, 2), RealisasiFieldDetail(triwulan=2, field="tanggal"),
    ),
    K.REALISASI_INDIKATOR: Change(
        K.REALISASI_INDIKATOR, W, None, "Indeks", "pk-9", Decimal(1), Decimal(2),
        RealisasiIndikatorDetail(triwulan=2, satuan="%"),
    ),
    K.REALISASI_INDIKATOR_ADDED: Change(
        K.REALISASI_INDIKATOR_ADDED, W, None, "Indeks", "pk-9", None, Decimal(2),
        RealisasiIndikatorDetail(triwulan=2, satuan="%"),
    ),
    K.REALISASI_INDIKATOR_REMOVED: Change(
        K.REALISASI_INDIKATOR_REMOVED, W, None, "Indeks", "pk-9", Decimal(2), None,
        RealisasiIndikatorDetail(triwulan=2, satuan="%"),
    ),
    K.REALISASI_PENJELASAN: Change(
        K.REALISASI_PENJELASAN, W, None, "Indeks", "pk-9", None, "Hujan",
        RealisasiPenjelasanDetail(triwulan=2, satuan="%", field="faktor_penghambat"),
    ),
    K.REALISASI_ANGGARAN: Change(
        K.REALISASI_ANGGARAN, W, "politik", SUB, "s", 10, 20,
        RealisasiAnggaranDetail(triwulan=2, pagu=100, level="sub kegiatan"),
    ),
    K.REALISASI_KELUARAN: Change(
        K.REALISASI_KELUARAN, W, "politik", SUB, "s", None, (Decimal(3), "orang"),
        RealisasiKeluaranDetail(triwulan=2, target=(Decimal(10), "orang")),
    ),
    K.REALISASI_SUB_ADDED: Change(
        K.REALISASI_SUB_ADDED, W, "politik", SUB, "s", None, 20,
        RealisasiSubAddedDetail(
            triwulan=2, pagu=100, level="sub kegiatan", keluaran=None, aksi=1
        ),
    ),
    K.REALISASI_SUB_REMOVED: Change(
        K.REALISASI_SUB_REMOVED, W, "politik", SUB, "s", 20, None,
        RealisasiAnggaranDetail(triwulan=2, pagu=100, level="sub kegiatan"),
    ),
    K.REALISASI_AKSI: Change(
        K.REALISASI_AKSI, W, "politik", SUB, "s", [4], [4, 5],
        RealisasiAksiDetail(triwulan=2, no=1, aksi="Rapat", added=[5], removed=[]),
    ),
    K.REALISASI_CATATAN: Change(
        K.REALISASI_CATATAN, W, "politik", SUB, "s", "lama", "baru",
        ReportedAksiDetail(triwulan=2, no=1, aksi="Rapat"),
    ),
}  # fmt: skip


def _diff(changes: list[Change]) -> PlanDiff:
    return PlanDiff(
        base_label="base",
        head_label="head",
        changes=changes,
        agency=Total("total", "Total pagu", 100, 100),
        programs=[],
        bidang=[],
        bidang_names={"politik": "Bidang Politik", "ekonomi": "Bidang Ekonomi"},
        introduced=[],
        fixed=[],
        base_errors=0,
        head_errors=0,
    )


def test_kind_values_are_what_the_json_format_prints() -> None:
    # Tools read these strings from ``renaksi diff --format json``: changing one breaks them.
    assert sorted(ChangeKind) == sorted(
        [
            "pagu", "sub-added", "sub-removed", "sub-moved", "sub-renamed",
            "indikator-added", "indikator-removed", "indikator-field", "indikator-target",
            "indikator-boleh-lebih-100",
            "output-target", "aksi-added", "aksi-removed", "aksi-renamed", "aksi-reordered",
            "aksi-months", "aksi-keluaran", "signatory",
            "realisasi-file-added", "realisasi-file-removed", "realisasi-field",
            "realisasi-indikator", "realisasi-indikator-added", "realisasi-indikator-removed",
            "realisasi-penjelasan", "realisasi-anggaran", "realisasi-keluaran",
            "realisasi-sub-added", "realisasi-sub-removed", "realisasi-aksi",
            "realisasi-catatan",
            "pemantauan-skala", "pemantauan-ambang", "iku-target", "signing", "field",
            "entry-added", "entry-removed", "sub-regrouped",
        ]
    )  # fmt: skip


@pytest.mark.parametrize("kind", list(ChangeKind), ids=str)
def test_every_kind_has_words(kind: ChangeKind) -> None:
    assert kind in WORDS, f"{kind!r} has no entry in renaksi.output.diff_words.WORDS"
    words = WORDS[kind]
    assert words.count.strip()
    assert callable(words.sentence)


@pytest.mark.parametrize("kind", list(ChangeKind), ids=str)
def test_every_kind_reads_as_a_sentence_and_is_counted(kind: ChangeKind) -> None:
    assert kind in SAMPLES, f"add a sample {kind!r} change to SAMPLES"
    change = SAMPLES[kind]
    assert change.kind is kind
    said = sentence(change, {"politik": "Bidang Politik"})
    assert said.strip()
    assert not said.startswith(str(kind))
    assert headline(_diff([change])) == f"Total pagu tetap Rp 100; 1 {WORDS[kind].count}"


def test_headline_counts_every_change_once() -> None:
    line = headline(_diff(list(SAMPLES.values())))
    counts = [part.split(" ", 1) for part in line.split("; ")[1:]]
    assert sum(int(n) for n, _ in counts) == len(ChangeKind)
    # Listed in the table's order, each noun once.
    nouns = [noun for _, noun in counts]
    assert nouns == list(dict.fromkeys(words.count for words in WORDS.values()))


def test_changes_of_one_kind_add_up() -> None:
    two = [SAMPLES[ChangeKind.PAGU], SAMPLES[ChangeKind.PAGU]]
    assert headline(_diff(two)) == "Total pagu tetap Rp 100; 2 pagu berubah"
