"""What one change to a plan is, and how much it matters: shared by the plan diff
(:mod:`renaksi.diff.plan`) and the realisasi diff (:mod:`renaksi.diff.realisasi`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any


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


class ChangeKind(StrEnum):
    """What kind of change a :class:`Change` is.

    The values are what ``renaksi diff --format json`` prints as ``kind``, so tools read
    them: renaming a value breaks them. Each member's comment says what ``old``/``new``
    hold; :mod:`renaksi.output.diff_words` gives every kind its words.
    """

    # --- the budget tree (perjanjian-kinerja.yaml), keyed by sub kegiatan id
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

    # --- indicators (PK and bidang), keyed by indicator id
    #: new: the annual target.
    INDIKATOR_ADDED = "indikator-added"
    #: old: the annual target.
    INDIKATOR_REMOVED = "indikator-removed"
    #: One of nama, satuan, arah, cara_gabung (``detail["field"]``).
    INDIKATOR_FIELD = "indikator-field"
    #: The annual target, or one quarter's (``detail["triwulan"]``).
    INDIKATOR_TARGET = "indikator-target"

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
    #: Rupiah spent on a sub kegiatan.
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


@dataclass(frozen=True, slots=True)
class Change:
    """One classified change. ``kind`` names it; the other fields depend on the kind."""

    kind: ChangeKind
    weight: Weight
    bidang: str | None
    subject: str
    key: str
    old: Any = None
    new: Any = None
    detail: dict[str, Any] = field(default_factory=dict)
