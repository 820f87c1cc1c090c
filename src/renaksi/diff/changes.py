"""What one change to a plan is, and how much it matters: shared by the plan diff
(:mod:`renaksi.diff.plan`) and the realisasi diff (:mod:`renaksi.diff.realisasi`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Any, NotRequired, TypedDict


class Weight(IntEnum):
    """How much a Kepala Bidang needs to see a change; higher is listed first.

    ``REALISASI`` (what was reported done and spent) comes after every change to the plan
    itself, so a bidang's plan changes and its realisasi changes each read as one block.
    """

    REALISASI = 0
    WORDING = 1
    SCHEDULE = 2
    TARGET = 3
    STRUCTURE = 4
    BUDGET = 5
    #: How monitoring judges (``instansi.yaml: pemantauan``): it changes every verdict, so
    #: the outputs show it before everything else.
    VERDICT = 6


class ChangeKind(StrEnum):
    """What kind of change a :class:`Change` is.

    The values are what ``renaksi diff --format json`` prints as ``kind``, so tools read
    them: renaming a value breaks them. Each member's comment says what ``old``/``new``
    hold, and the ``*Detail`` below what its ``detail`` holds (none: empty);
    :mod:`renaksi.output.diff_words` gives every kind its words.
    """

    # --- the budget tree (perjanjian-kinerja.yaml), keyed by the id of the budgeted unit
    # (sub kegiatan, or APBN kegiatan or output; ``detail["level"]`` says which)
    #: Pagu in rupiah.
    PAGU = "pagu"
    #: new: its pagu.
    SUB_ADDED = "sub-added"
    #: old: its pagu.
    SUB_REMOVED = "sub-removed"
    #: Bidang slugs.
    SUB_MOVED = "sub-moved"
    #: Names.
    SUB_RENAMED = "sub-renamed"
    #: (program name, kegiatan name) it is under (renaksi.diff.fields).
    SUB_REGROUPED = "sub-regrouped"

    # --- indicators (PK and bidang), keyed by indicator id
    #: new: the annual target.
    INDIKATOR_ADDED = "indikator-added"
    #: old: the annual target.
    INDIKATOR_REMOVED = "indikator-removed"
    #: One of nama, satuan, arah, cara_gabung, sasaran (``detail["field"]``).
    INDIKATOR_FIELD = "indikator-field"
    #: The annual target, or one quarter's (``detail["triwulan"]``).
    INDIKATOR_TARGET = "indikator-target"
    #: Whether the target may exceed 100% (``boleh_lebih_100``), of a PK, bidang or IKU
    #: indicator (an IKU is keyed ``IKU <n>``).
    INDIKATOR_BOLEH_LEBIH_100 = "indikator-boleh-lebih-100"

    # --- the action plans (bidang/*.yaml), keyed by sub kegiatan id
    #: (amount, unit) of the sub kegiatan's output target.
    OUTPUT_TARGET = "output-target"
    #: new: its name.
    AKSI_ADDED = "aksi-added"
    #: old: its name.
    AKSI_REMOVED = "aksi-removed"
    #: Names.
    AKSI_RENAMED = "aksi-renamed"
    #: All aksi names, in the old and the new order.
    AKSI_REORDERED = "aksi-reordered"
    #: Month numbers.
    AKSI_MONTHS = "aksi-months"
    #: The aksi's output.
    AKSI_KELUARAN = "aksi-keluaran"
    #: One field of a signer (the key names it).
    SIGNATORY = "signatory"

    # --- realisasi (realisasi/tw<N>.yaml)
    #: new: rupiah spent in the quarter; detail counts what the file holds.
    REALISASI_FILE_ADDED = "realisasi-file-added"
    #: old: rupiah spent in the quarter; detail counts what the file held.
    REALISASI_FILE_REMOVED = "realisasi-file-removed"
    #: tahun, tanggal or catatan of the file.
    REALISASI_FIELD = "realisasi-field"
    #: An indicator's realised value.
    REALISASI_INDIKATOR = "realisasi-indikator"
    #: new: the realised value.
    REALISASI_INDIKATOR_ADDED = "realisasi-indikator-added"
    #: old: the realised value.
    REALISASI_INDIKATOR_REMOVED = "realisasi-indikator-removed"
    #: faktor_pendukung, faktor_penghambat or upaya_perbaikan of an indicator.
    REALISASI_PENJELASAN = "realisasi-penjelasan"
    #: Rupiah spent on a budgeted unit (``detail["level"]`` says which).
    REALISASI_ANGGARAN = "realisasi-anggaran"
    #: (amount, unit) of a sub kegiatan's realised output.
    REALISASI_KELUARAN = "realisasi-keluaran"
    #: new: rupiah spent.
    REALISASI_SUB_ADDED = "realisasi-sub-added"
    #: old: rupiah spent.
    REALISASI_SUB_REMOVED = "realisasi-sub-removed"
    #: Months an aksi was done.
    REALISASI_AKSI = "realisasi-aksi"
    #: The note on an aksi.
    REALISASI_CATATAN = "realisasi-catatan"

    # --- how monitoring judges (instansi.yaml: pemantauan), weight VERDICT; the values in
    # effect, defaults included (renaksi.diff.pemantauan)
    #: The capaian and serapan scale: [(lower bound in percent, category name), ...].
    PEMANTAUAN_SKALA = "pemantauan-skala"
    #: The threshold (percent) below which a capaian must be explained (rule RL07).
    PEMANTAUAN_AMBANG = "pemantauan-ambang"

    # --- every other field of the plan files, compared by renaksi.diff.fields
    #: An IKU's target (``TargetFieldDetail``).
    IKU_TARGET = "iku-target"
    #: Where or when a document is signed (``tempat``, ``tanggal``).
    SIGNING = "signing"
    #: Any other field: its values; the detail says which field of which item.
    FIELD = "field"
    #: new: the fields of a new list item (a misi, a program, ...) or file, lists left out.
    ENTRY_ADDED = "entry-added"
    #: old: the fields of the removed item or file, lists left out.
    ENTRY_REMOVED = "entry-removed"


# --- the detail of each kind --------------------------------------------------------------
# A detail is a plain dict, so the JSON format prints its keys in the order they are passed:
# producers pass them in the order declared here.

Output = tuple[Decimal, str]
"""An output as (amount, unit): ``(Decimal(10000), "orang")``."""


class AksiAddedDetail(TypedDict):
    """``aksi-added``: where the new aksi is numbered, its months and output."""

    position: int
    bulan: list[int]
    keluaran: str


class AksiRemovedDetail(TypedDict):
    """``aksi-removed``: the number the aksi had."""

    position: int


class AksiDetail(TypedDict):
    """``aksi-keluaran``: which aksi (by its new name)."""

    aksi: str


class AksiMonthsDetail(AksiDetail):
    """``aksi-months``: which aksi, and the months added and removed."""

    added: list[int]
    removed: list[int]


class SatuanDetail(TypedDict):
    """``indikator-added``/``-removed``: the indicator's unit."""

    satuan: str


class FieldDetail(TypedDict):
    """``indikator-field``: which field of the indicator."""

    field: str


class IndikatorTargetDetail(TypedDict):
    """``indikator-target``: units before and after; the quarter, or None for the annual
    target; the difference, when the two values can be subtracted."""

    satuan: str
    old_satuan: str
    triwulan: int | None
    #: New minus old, exact, in the target's unit: both numbers of one unit.
    selisih: NotRequired[Decimal]
    #: Levels moved on the indicator's ordered scale (up is positive): both values of it.
    selisih_tingkat: NotRequired[int]


class QuarterDetail(TypedDict):
    """Every realisasi change: the quarter (1-4); for a file of another period (semester
    I, the year, up to a date), None and the file's stem (``s1``, ``tahunan``,
    ``sd-2024-10-31``)."""

    triwulan: int | None
    periode: NotRequired[str]


class RealisasiFileDetail(QuarterDetail):
    """``realisasi-file-added``/``-removed``: what the file holds, and the total pagu.
    ``sub_kegiatan`` counts its budgeted units; ``level`` names them as the plan does
    (sub kegiatan, kegiatan, output, or "kegiatan/output" for both)."""

    indikator: int
    sub_kegiatan: int
    aksi: int
    pagu: int | None
    level: str


class RealisasiFieldDetail(QuarterDetail):
    """``realisasi-field``: tahun, tanggal or catatan."""

    field: str


class RealisasiIndikatorDetail(QuarterDetail):
    """``realisasi-indikator`` (and ``-added``/``-removed``): the indicator's unit."""

    satuan: str


class RealisasiPenjelasanDetail(RealisasiIndikatorDetail):
    """``realisasi-penjelasan``: which explanation field."""

    field: str


class RealisasiAnggaranDetail(QuarterDetail):
    """``realisasi-anggaran``, ``realisasi-sub-removed``: the budgeted unit's pagu, and
    what the unit is: sub kegiatan, kegiatan (APBN) or output."""

    pagu: int | None
    level: str


class RealisasiSubAddedDetail(RealisasiAnggaranDetail):
    """``realisasi-sub-added``: its realised output and how many aksi were done."""

    keluaran: Output | None
    aksi: int


class RealisasiKeluaranDetail(QuarterDetail):
    """``realisasi-keluaran``: the planned output target, if the plan has one."""

    target: Output | None


class ReportedAksiDetail(QuarterDetail):
    """``realisasi-catatan``: the aksi's number and name."""

    no: int
    aksi: str


class RealisasiAksiDetail(ReportedAksiDetail):
    """``realisasi-aksi``: also the months marked done and unmarked."""

    added: list[int]
    removed: list[int]


class UnitDetail(TypedDict):
    """``sub-*``: what the budgeted unit is: sub kegiatan, kegiatan (APBN) or output."""

    level: str


class PlanFieldDetail(TypedDict):
    """``field``, ``signing``, ``entry-added``/``-removed``: where the value is.

    ``file`` is the file as the plan folder names it; ``field`` the field's path in the
    models (``perjanjian-kinerja:program[].nama``: the key of the tables in
    :mod:`renaksi.diff.fields`); ``item`` what identifies the list item the field belongs
    to (a kode, an id, a number; None outside lists); ``value`` how the values read: text,
    rupiah, number, int, date, bool, list or entry.
    """

    file: str
    field: str
    item: str | None
    value: str


class TargetFieldDetail(PlanFieldDetail):
    """``iku-target``: also the unit before and after."""

    satuan: str
    old_satuan: str


class SettingDetail(TypedDict):
    """``pemantauan-*``: whether the value before and after is renaksi's default (written
    out or not)."""

    old_default: bool
    new_default: bool


@dataclass(frozen=True, slots=True)
class Change:
    """One classified change. ``kind`` names it; the other fields depend on the kind.

    ``old`` and ``new`` are typed by the kind (rupiah, names, months, targets: see
    :class:`ChangeKind`), which one field type cannot say; ``detail`` is the kind's
    ``*Detail``, checked where it is made and read by key in the output layer.
    """

    kind: ChangeKind
    weight: Weight
    bidang: str | None
    subject: str
    key: str
    old: Any = None
    new: Any = None
    detail: Mapping[str, Any] = field(default_factory=dict)
