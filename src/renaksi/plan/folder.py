"""A loaded plan folder: the parsed models of each file next to the files they came from.

A file that failed to load or to match its schema is present as a document with no model,
so rules that need it skip quietly: its own findings already say what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from renaksi.plan.file import PlanFile
from renaksi.plan.model import (
    BidangFile,
    BudgetUnit,
    InstansiFile,
    PerjanjianKinerjaFile,
    PerubahanFile,
    RealisasiFile,
)
from renaksi.plan.periods import Period

INSTANSI_FILE = "instansi.yaml"
PK_FILE = "perjanjian-kinerja.yaml"
PERUBAHAN_FILE = "perubahan.yaml"
BIDANG_DIR = "bidang"
REALISASI_DIR = "realisasi"


@dataclass(slots=True)
class BidangEntry:
    """One ``bidang/<slug>.yaml``: its slug, document and (if it loaded) model."""

    slug: str
    doc: PlanFile
    model: BidangFile | None


@dataclass(slots=True)
class RealisasiEntry:
    """One realisasi file: its period (from the file name, see :mod:`renaksi.plan.periods`),
    document and model."""

    period: Period
    doc: PlanFile
    model: RealisasiFile | None

    @property
    def triwulan(self) -> int | None:
        """The quarter of a ``tw<N>.yaml``; None for the other periods."""
        return self.period.number if self.period.kind == "triwulan" else None


@dataclass(frozen=True, slots=True)
class PreviousYear:
    """The ``instansi.yaml`` of the year before, read beside the plan (``plans/<year-1>``)
    so that the IKU can be compared from one year to the next."""

    doc: PlanFile
    instansi: InstansiFile


@dataclass(slots=True)
class Plan:
    """Everything read from one plan folder (e.g. ``plans/2024``)."""

    folder: Path
    display: str
    instansi_doc: PlanFile | None = None
    instansi: InstansiFile | None = None
    pk_doc: PlanFile | None = None
    pk: PerjanjianKinerjaFile | None = None
    bidang: list[BidangEntry] = field(default_factory=list)
    realisasi: list[RealisasiEntry] = field(default_factory=list)
    #: The folder has no ``bidang/`` folder: it holds a Perjanjian Kinerja alone, with no
    #: action plans, so the rules about action plans and their coverage do not apply and
    #: the printed document is the Perjanjian Kinerja.
    pk_only: bool = False
    #: ``perubahan.yaml``: the Perubahan within the year, if the plan has one.
    perubahan_doc: PlanFile | None = None
    perubahan: PerubahanFile | None = None
    #: The year before's ``instansi.yaml`` when validate found it (see
    #: :mod:`renaksi.plan.previous`); None otherwise, and for revisions read from git.
    previous: PreviousYear | None = None
    #: The folder's real name (``.`` or a link resolved), when the reader knows it: the
    #: year ``plans/<year>`` is filed under. Empty: ask the disk.
    folder_name: str = ""

    def documents(self) -> Iterator[PlanFile]:
        """Every file that was found, loaded or not, in reading order."""
        for doc in (self.instansi_doc, self.pk_doc, self.perubahan_doc):
            if doc is not None:
                yield doc
        for entry in self.bidang:
            yield entry.doc
        for real in self.realisasi:
            yield real.doc

    def units_by_id(self) -> dict[str, BudgetUnit]:
        """Each budgeted unit of the PK (sub kegiatan, or APBN kegiatan and outputs) by id;
        none when the PK did not load (its findings say why). The first of a duplicate id
        wins."""
        if self.pk is None:
            return {}
        return self.pk.unit_index()

    def realisasi_for(self, triwulan: int) -> RealisasiEntry | None:
        """The realisasi file of quarter ``triwulan`` (1-4), if present."""
        return self.realisasi_at(Period.quarter(triwulan))

    def realisasi_at(self, period: Period) -> RealisasiEntry | None:
        """The realisasi file of ``period``, if present."""
        return next((r for r in self.realisasi if r.period == period), None)

    @property
    def bidang_slugs(self) -> list[str]:
        """Slugs of all bidang files present, loaded or not."""
        return [entry.slug for entry in self.bidang]

    def bidang_by_slug(self, slug: str) -> BidangEntry | None:
        """The bidang entry for ``slug`` (case-insensitive), if present."""
        wanted = slug.lower()
        for entry in self.bidang:
            if entry.slug.lower() == wanted:
                return entry
        return None
