"""Ways through a plan that several rule families share, each with its YAML path."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.folder import BidangEntry, Plan
from renaksi.plan.model import (
    BidangFile,
    BudgetUnit,
    Indikator,
    InstansiFile,
    Kegiatan,
    Pegawai,
    PerjanjianKinerjaFile,
    Program,
    RealisasiFile,
    RencanaUnit,
)
from renaksi.text.hints import Hints

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Placed(Generic[T]):
    """A model object together with the document and YAML path it came from."""

    doc: PlanFile
    path: KeyPath
    item: T


def nearest(hints: Hints, word: str, options: Iterable[str]) -> str:
    """A "did you mean" hint (``; maksudnya X?``) naming the closest option, or nothing
    (also once ``hints`` has spent its budget)."""
    near = hints.closest(word, options, cutoff=0.5)
    return f"; maksudnya {near}?" if near else ""


#: How many names a message lists before it says how many more there are.
SHOWN = 10


def listing(names: Iterable[str], shown: int = SHOWN) -> str:
    """Names as a message lists them: all of a short list, the first ``shown`` of a long one
    and how many more (a plan with a thousand ids must not print a thousand-id message)."""
    names = list(names)
    if not names:
        return "-"
    head = ", ".join(names[:shown])
    rest = len(names) - shown
    return f"{head}, ... (dan {rest} lainnya)" if rest > 0 else head


def programs(doc: PlanFile, pk: PerjanjianKinerjaFile) -> Iterator[Placed[Program]]:
    """Each program of the PK."""
    for i, program in enumerate(pk.program):
        yield Placed(doc, ("program", i), program)


def kegiatan(doc: PlanFile, pk: PerjanjianKinerjaFile) -> Iterator[Placed[Kegiatan]]:
    """Each kegiatan of the PK, across programs."""
    for prog in programs(doc, pk):
        for j, keg in enumerate(prog.item.kegiatan):
            yield Placed(doc, (*prog.path, "kegiatan", j), keg)


def pk_programs(plan: Plan) -> Iterator[Placed[Program]]:
    """Each program of the plan's PK, if the PK loaded."""
    if plan.pk is not None and plan.pk_doc is not None:
        yield from programs(plan.pk_doc, plan.pk)


def pk_kegiatan(plan: Plan) -> Iterator[Placed[Kegiatan]]:
    """Each kegiatan of the plan's PK, across programs, if the PK loaded."""
    if plan.pk is not None and plan.pk_doc is not None:
        yield from kegiatan(plan.pk_doc, plan.pk)


def units(plan: Plan) -> Iterator[Placed[BudgetUnit]]:
    """Each budgeted unit of the plan's PK (sub kegiatan, or APBN kegiatan and outputs), in
    document order, if the PK loaded."""
    if plan.pk is not None and plan.pk_doc is not None:
        for unit in plan.pk.units():
            yield Placed(plan.pk_doc, unit.path, unit)


def named_unit(
    units: Mapping[str, Placed[BudgetUnit]], key: str, ident: str
) -> Placed[BudgetUnit] | None:
    """The unit a rencana aksi plans when it names ``ident`` with ``key``
    (``RencanaUnit.unit_key``): named by its id and by the key of its level (a
    ``kegiatan:`` reference to a sub kegiatan's id is no reference; RF03 says so)."""
    unit = units.get(ident)
    return unit if unit is not None and unit.item.key == key else None


def loaded_bidang(plan: Plan) -> Iterator[tuple[BidangEntry, PlanFile]]:
    """Bidang files that loaded and validated."""
    for entry in plan.bidang:
        if entry.model is not None:
            yield entry, entry.doc


def rencana(plan: Plan) -> Iterator[tuple[BidangEntry, Placed[RencanaUnit]]]:
    """Each action plan (of a sub kegiatan, kegiatan or output) across bidang files."""
    for entry, doc in loaded_bidang(plan):
        assert entry.model is not None
        for i, item in enumerate(entry.model.rencana_aksi):
            yield entry, Placed(doc, ("rencana_aksi", i), item)


def indikator(plan: Plan) -> Iterator[Placed[Indikator]]:
    """Every indicator with quarterly targets: the PK's, then each bidang's."""
    if plan.pk is not None and plan.pk_doc is not None:
        for i, pk_ind in enumerate(plan.pk.indikator):
            yield Placed(plan.pk_doc, ("indikator", i), pk_ind)
    for entry, doc in loaded_bidang(plan):
        assert entry.model is not None
        for i, ind in enumerate(entry.model.indikator):
            yield Placed(doc, ("indikator", i), ind)


def documents(plan: Plan) -> Iterator[tuple[PlanFile, type[BaseModel]]]:
    """Every file that was read, loaded or not, with the model it is read as."""
    if plan.instansi_doc is not None:
        yield plan.instansi_doc, InstansiFile
    if plan.pk_doc is not None:
        yield plan.pk_doc, PerjanjianKinerjaFile
    for entry in plan.bidang:
        yield entry.doc, BidangFile
    for real in plan.realisasi:
        yield real.doc, RealisasiFile


def folder_year(plan: Plan) -> int | None:
    """The year a ``plans/<year>`` folder is named after, if it is named after one."""
    # The reader resolved the folder once (``.`` to its real name); a plan built by hand
    # has no name yet and asks the disk.
    name = plan.folder_name or plan.folder.resolve().name
    return int(name) if len(name) == 4 and name.isdigit() else None


def plan_year(plan: Plan) -> int | None:
    """The plan's year: the folder's name when it is a year, else ``instansi.yaml: tahun``.

    The folder wins because it is what every file in it is filed under; a disagreeing
    ``tahun`` is reported once (TH01) instead of making every date look wrong.
    """
    year = folder_year(plan)
    if year is None and plan.instansi is not None:
        year = plan.instansi.tahun
    return year


def signatories(plan: Plan) -> Iterator[Placed[Pegawai]]:
    """The agency head, the PK's pihak kedua (when named) and each bidang's signing
    official."""
    if plan.instansi is not None and plan.instansi_doc is not None:
        yield Placed(plan.instansi_doc, ("kepala",), plan.instansi.kepala)
    second = plan.pk.pihak_kedua if plan.pk is not None else None
    if isinstance(second, Pegawai) and plan.pk_doc is not None:
        yield Placed(plan.pk_doc, ("pihak_kedua",), second)
    for entry, doc in loaded_bidang(plan):
        assert entry.model is not None
        yield Placed(doc, ("penandatangan",), entry.model.penandatangan)
