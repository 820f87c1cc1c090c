"""The report's view of a plan: what each printed table shows, with derived numbers computed.

Templates receive these plain objects and never compute anything themselves: subtotals,
the grand total, aksi numbers and the month grid are all worked out here, from the same
models that ``validate`` checks, so every printed number is a validated one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from renaksi.plan.folder import BidangEntry, Plan
from renaksi.plan.model import (
    Aksi,
    IkuIndikator,
    Indikator,
    Kegiatan,
    Pegawai,
    PerjanjianKinerjaFile,
    Program,
    RencanaSubKegiatan,
    SubKegiatan,
)
from renaksi.plan.source import PlanIOError, check_regular, display_path
from renaksi.plan.values import TIDAK_TERCANTUM, Absent, sum_or_absent
from renaksi.text.formats import MONTH_SHORT, ROMAN
from renaksi.text.os_errors import os_reason

#: The narrative chapters, as files in ``<plan>/narasi/``, in document order.
NARASI = (
    "kata-pengantar",
    "bab-1-pendahuluan",
    "bab-2-rencana-strategis",
    "bab-2-iku",
    "bab-2-perjanjian-kinerja",
    "bab-2-rencana-aksi",
    "bab-3-penutup",
)
TRIWULAN = ROMAN


@dataclass(frozen=True, slots=True)
class AksiRow:
    """One row of an aksi table: its number comes from its position."""

    no: int
    aksi: Aksi
    months: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class RencanaTable:
    """The aksi table of one sub kegiatan on a bidang page."""

    sub: SubKegiatan
    kegiatan: Kegiatan
    program: Program
    rencana: RencanaSubKegiatan
    rows: tuple[AksiRow, ...]


@dataclass(frozen=True, slots=True)
class IndikatorRow:
    """An indicator with the text of the sasaran it serves."""

    no: int
    indikator: Indikator
    sasaran: str


@dataclass(frozen=True, slots=True)
class IkuRow:
    """A row of Tabel 2.1."""

    no: int
    indikator: IkuIndikator
    sasaran: str


@dataclass(frozen=True, slots=True)
class BidangPage:
    """Everything on one bidang's pages."""

    slug: str
    entry: BidangEntry
    indikator: tuple[IndikatorRow, ...]
    tables: tuple[RencanaTable, ...]
    unplanned: tuple[SubKegiatan, ...]

    @property
    def aksi_count(self) -> int:
        """How many aksi the bidang plans."""
        return sum(len(t.rows) for t in self.tables)


@dataclass(frozen=True, slots=True)
class KegiatanBlock:
    """A kegiatan of Tabel 2.3 with its computed subtotal."""

    kegiatan: Kegiatan
    total: int | Absent


@dataclass(frozen=True, slots=True)
class ProgramBlock:
    """A program row group of Tabel 2.3."""

    no: int
    program: Program
    indikator: Indikator | None
    sasaran: str
    kegiatan: tuple[KegiatanBlock, ...]
    total: int | Absent


@dataclass(frozen=True, slots=True)
class Budget:
    """Tabel 2.3: programs, kegiatan, sub kegiatan, and the computed grand total."""

    programs: tuple[ProgramBlock, ...]
    total: int | Absent


@dataclass(frozen=True, slots=True)
class PrintedFinding:
    """A validation finding shown in the warning block of a forced render."""

    code: str
    severity: str
    where: str
    message: str


@dataclass(slots=True)
class RencanaAksiView:
    """The whole view: what every template may use."""

    plan: Plan
    tahun: int
    sasaran: dict[str, str]
    iku: tuple[IkuRow, ...]
    pk: tuple[IndikatorRow, ...]
    budget: Budget
    bidang: tuple[BidangPage, ...]
    narasi: dict[str, str]
    months: tuple[str, ...] = MONTH_SHORT
    triwulan: tuple[str, ...] = TRIWULAN
    warnings: tuple[PrintedFinding, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)
    #: The PK's pihak kedua: a signer, stated absent, or not written (None).
    pihak_kedua: Pegawai | Absent | None = None

    @property
    def pk_only(self) -> bool:
        """The folder holds a Perjanjian Kinerja alone: it is printed as one."""
        return self.plan.pk_only


def month_grid(months: Sequence[int]) -> tuple[bool, ...]:
    """Twelve flags, Jan to Des, for the months an aksi is scheduled in."""
    wanted = set(months)
    return tuple(m in wanted for m in range(1, 13))


def _sasaran(plan: Plan) -> dict[str, str]:
    if plan.instansi is None:
        return {}
    return {s.id: s.uraian for s in plan.instansi.renstra.sasaran_strategis}


def _indikator_rows(
    items: Sequence[Indikator], sasaran: dict[str, str]
) -> tuple[IndikatorRow, ...]:
    return tuple(
        IndikatorRow(i, ind, sasaran.get(ind.sasaran, ind.sasaran))
        for i, ind in enumerate(items, start=1)
    )


def _printed_total(computed: int | Absent, written: object) -> int | Absent:
    # A total with a part the document does not state is the written one, if the
    # document states it (TC02 says it could not be checked), else not stated either.
    if isinstance(computed, int):
        return computed
    return written if isinstance(written, int) else TIDAK_TERCANTUM


def budget(pk: PerjanjianKinerjaFile, sasaran: dict[str, str]) -> Budget:
    """Tabel 2.3 with every subtotal computed from the sub kegiatan pagu."""
    indikator = {i.id: i for i in pk.indikator}
    blocks = []
    for n, program in enumerate(pk.program, start=1):
        kegiatan = tuple(
            KegiatanBlock(k, _printed_total(k.computed_pagu, k.pagu)) for k in program.kegiatan
        )
        ind = indikator.get(program.indikator) if program.indikator else None
        blocks.append(
            ProgramBlock(
                n,
                program,
                ind,
                sasaran.get(ind.sasaran, ind.sasaran) if ind else "",
                kegiatan,
                _printed_total(sum_or_absent(k.total for k in kegiatan), program.pagu),
            )
        )
    return Budget(
        tuple(blocks), _printed_total(sum_or_absent(b.total for b in blocks), pk.total_pagu)
    )


def _bidang_page(plan: Plan, entry: BidangEntry, sasaran: dict[str, str]) -> BidangPage:
    assert entry.model is not None
    owners = plan.pk.sub_index() if plan.pk is not None else {}
    tables = []
    for ren in entry.model.rencana_aksi:
        if ren.sub_kegiatan not in owners or not ren.aksi:
            continue  # an empty plan is listed under "Belum ada rencana aksi" instead
        sub, keg, program = owners[ren.sub_kegiatan]
        rows = tuple(
            AksiRow(no, aksi, month_grid(aksi.bulan)) for no, aksi in enumerate(ren.aksi, start=1)
        )
        tables.append(RencanaTable(sub, keg, program, ren, rows))
    planned = {t.sub.id for t in tables if t.rows}
    unplanned = tuple(
        sub for sub, _, _ in owners.values() if sub.bidang == entry.slug and sub.id not in planned
    )
    return BidangPage(
        entry.slug,
        entry,
        _indikator_rows(entry.model.indikator, sasaran),
        tuple(tables),
        unplanned,
    )


def _document_order(pk: PerjanjianKinerjaFile, slug: str) -> tuple[int, str]:
    """Bidang pages follow the budget: the bidang of the first program comes first."""
    position = 0
    for program in pk.program:
        for keg in program.kegiatan:
            for sub in keg.sub_kegiatan:
                if sub.bidang == slug:
                    return (position, slug)
                position += 1
    return (position, slug)


#: Largest narrative chapter read; real chapters are a few KiB.
MAX_NARASI_BYTES = 1024 * 1024


def read_narasi(folder: Path) -> dict[str, str]:
    """The narrative chapters present in ``<plan>/narasi/``; missing ones are left out.

    Raises PlanIOError for a chapter that is not an ordinary UTF-8 file of sane size.
    """
    out: dict[str, str] = {}
    for name in NARASI:
        path = folder / "narasi" / f"{name}.md"
        if not path.exists() and not path.is_symlink():
            continue
        shown = display_path(path)
        try:
            check_regular(path, folder, shown)
            with path.open("rb") as handle:
                data = handle.read(MAX_NARASI_BYTES + 1)
        except OSError as exc:
            raise PlanIOError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})", shown) from None
        if len(data) > MAX_NARASI_BYTES:
            raise PlanIOError(f"{shown}: lebih besar dari {MAX_NARASI_BYTES} byte", shown)
        try:
            out[name.replace("-", "_")] = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanIOError(
                f"{shown}: bukan teks UTF-8; simpan ulang sebagai UTF-8", shown
            ) from None
    return out


def rencana_aksi_view(plan: Plan, warnings: Sequence[PrintedFinding] = ()) -> RencanaAksiView:
    """The view of a loaded plan. The plan's three kinds of file must have loaded."""
    if plan.instansi is None or plan.pk is None:
        raise ValueError("rencana belum dapat dicetak: instansi.yaml atau PK tidak terbaca")
    sasaran = _sasaran(plan)
    pk = plan.pk
    iku = tuple(
        IkuRow(i, ind, sasaran.get(ind.sasaran, ind.sasaran))
        for i, ind in enumerate(plan.instansi.iku.indikator, start=1)
    )
    pages = tuple(
        _bidang_page(plan, entry, sasaran)
        for entry in sorted(plan.bidang, key=lambda e: _document_order(pk, e.slug))
        if entry.model is not None
    )
    return RencanaAksiView(
        plan=plan,
        tahun=plan.instansi.tahun,
        sasaran=sasaran,
        iku=iku,
        pk=_indikator_rows(plan.pk.indikator, sasaran),
        budget=budget(plan.pk, sasaran),
        bidang=pages,
        narasi=read_narasi(plan.folder),
        warnings=tuple(warnings),
        pihak_kedua=pk.pihak_kedua,
    )
