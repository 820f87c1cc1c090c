"""The report's view of a plan: what each printed table shows, with derived numbers computed.

Templates receive these plain objects and never compute anything themselves: subtotals,
the grand total, aksi numbers and the month grid are all worked out here, from the same
models that ``validate`` checks, so every printed number is a validated one.

Source notes (``catatan_sumber``: values reconstructed, estimated or reconciled rather than
copied) are worked out here too, per printed table: a note on the months of every aksi of a
table (from ``instansi.yaml`` or the bidang file) is a caption of the table, and a note on
some values (one aksi's months, a pagu) is a numbered footnote next to each of them, its
text printed under the table. A value that shows a note's values never prints without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from renaksi.plan.folder import BidangEntry, Plan
from renaksi.plan.model import (
    Aksi,
    BidangFile,
    CatatanSumber,
    IkuIndikator,
    Indikator,
    Kegiatan,
    PerjanjianKinerjaFile,
    Program,
    RencanaSubKegiatan,
    SubKegiatan,
)
from renaksi.plan.source import PlanIOError, check_regular, display_path
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

#: How each kind of source note reads in print, after what it marks.
JENIS_WORDS = {
    "rekonstruksi": "direkonstruksi, tidak disalin dari dokumen sumber",
    "perkiraan": "adalah perkiraan, tidak disalin dari dokumen sumber",
    "rekonsiliasi": "hasil rekonsiliasi, karena dokumen sumber tidak konsisten",
}
#: What a note marks, as the caption of a whole aksi table and as a footnote.
SCHEDULE_CAPTION = "Jadwal pelaksanaan (bulan) semua aksi di tabel ini"
SUBJECTS = {"bulan": "Jadwal pelaksanaan (bulan)", "pagu": "Pagu"}
Refs = tuple[int, ...]


def note_text(subject: str, mark: CatatanSumber) -> str:
    """A source note as printed: ``Pagu hasil rekonsiliasi, ... tidak konsisten. <alasan>.``"""
    reason = mark.alasan if mark.alasan.endswith((".", "!", "?")) else mark.alasan + "."
    return f"{subject} {JENIS_WORDS[mark.jenis]}. {reason}"


@dataclass(frozen=True, slots=True)
class Footnote:
    """One numbered source note under a table."""

    no: int
    text: str


def _key(mark: CatatanSumber) -> tuple[str, str, str]:
    return (mark.jenis, mark.isian, mark.alasan)


class Footnotes:
    """The numbered source notes of one table: one number per distinct note, in the order
    they are first referenced, so a note on several values is one footnote."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def refs(self, marks: Iterable[CatatanSumber], covered: Iterable[CatatanSumber] = ()) -> Refs:
        """The footnote numbers of ``marks``; none for a note ``covered`` already by the
        table's caption."""
        said = {_key(m) for m in covered}
        out: list[int] = []
        for mark in marks:
            if _key(mark) in said:
                continue
            text = note_text(SUBJECTS[mark.isian], mark)
            number = self._numbers.setdefault(text, len(self._numbers) + 1)
            if number not in out:
                out.append(number)
        return tuple(out)

    def items(self) -> tuple[Footnote, ...]:
        """The footnotes to print under the table."""
        return tuple(Footnote(n, text) for text, n in self._numbers.items())


def _plan_marks(plan: Plan, isian: str) -> tuple[CatatanSumber, ...]:
    """The notes of ``instansi.yaml`` on ``isian`` (they cover the whole plan)."""
    marks = plan.instansi.catatan_sumber if plan.instansi is not None else []
    return tuple(m for m in marks if m.isian == isian)


def schedule_marks(plan: Plan, bidang: BidangFile) -> tuple[CatatanSumber, ...]:
    """The notes on the months of every aksi of a bidang: from ``instansi.yaml`` and from
    the bidang file, each once."""
    once: dict[tuple[str, str, str], CatatanSumber] = {}
    for mark in (*_plan_marks(plan, "bulan"), *bidang.catatan_sumber):
        once.setdefault(_key(mark), mark)
    return tuple(once.values())


def captions(marks: Iterable[CatatanSumber], subject: str = SCHEDULE_CAPTION) -> tuple[str, ...]:
    """Each note as the caption of a table whose every value it marks."""
    return tuple(note_text(subject, m) for m in marks)


def pagu_marks(
    plan: Plan, kegiatan: Kegiatan, sub: SubKegiatan | None = None
) -> tuple[CatatanSumber, ...]:
    """The notes on a pagu: the plan's, the kegiatan's (its own and its sub kegiatan's
    pagu), and the sub kegiatan's."""
    return (
        *_plan_marks(plan, "pagu"),
        *kegiatan.catatan_sumber,
        *(sub.catatan_sumber if sub is not None else ()),
    )


@dataclass(frozen=True, slots=True)
class AksiRow:
    """One row of an aksi table: its number comes from its position."""

    no: int
    aksi: Aksi
    months: tuple[bool, ...]
    refs: Refs = ()  # footnotes on this aksi's months


@dataclass(frozen=True, slots=True)
class RencanaTable:
    """The aksi table of one sub kegiatan on a bidang page."""

    sub: SubKegiatan
    kegiatan: Kegiatan
    program: Program
    rencana: RencanaSubKegiatan
    rows: tuple[AksiRow, ...]
    captions: tuple[str, ...] = ()  # source notes on the months of every aksi
    pagu_refs: Refs = ()
    footnotes: tuple[Footnote, ...] = ()


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
    unplanned_refs: Mapping[str, Refs] = field(default_factory=dict)  # by sub kegiatan id
    unplanned_footnotes: tuple[Footnote, ...] = ()

    @property
    def aksi_count(self) -> int:
        """How many aksi the bidang plans."""
        return sum(len(t.rows) for t in self.tables)


@dataclass(frozen=True, slots=True)
class KegiatanBlock:
    """A kegiatan of Tabel 2.3 with its computed subtotal."""

    kegiatan: Kegiatan
    total: int
    refs: Refs = ()  # footnotes on its pagu


@dataclass(frozen=True, slots=True)
class ProgramBlock:
    """A program row group of Tabel 2.3."""

    no: int
    program: Program
    indikator: Indikator | None
    sasaran: str
    kegiatan: tuple[KegiatanBlock, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Budget:
    """Tabel 2.3: programs, kegiatan, sub kegiatan, and the computed grand total."""

    programs: tuple[ProgramBlock, ...]
    total: int
    sub_refs: Mapping[str, Refs] = field(default_factory=dict)  # by sub kegiatan id
    total_refs: Refs = ()
    footnotes: tuple[Footnote, ...] = ()


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


def budget(plan: Plan, pk: PerjanjianKinerjaFile, sasaran: dict[str, str]) -> Budget:
    """Tabel 2.3 with every subtotal computed from the sub kegiatan pagu, and the source
    notes on its pagu."""
    indikator = {i.id: i for i in pk.indikator}
    notes = Footnotes()
    sub_refs: dict[str, Refs] = {}
    blocks = []
    for n, program in enumerate(pk.program, start=1):
        kegiatan = []
        for k in program.kegiatan:
            kegiatan.append(KegiatanBlock(k, k.computed_pagu, notes.refs(pagu_marks(plan, k))))
            for sub in k.sub_kegiatan:
                sub_refs.setdefault(sub.id, notes.refs(pagu_marks(plan, k, sub)))
        ind = indikator.get(program.indikator) if program.indikator else None
        blocks.append(
            ProgramBlock(
                n,
                program,
                ind,
                sasaran.get(ind.sasaran, ind.sasaran) if ind else "",
                tuple(kegiatan),
                sum(k.total for k in kegiatan),
            )
        )
    total_refs = notes.refs(_plan_marks(plan, "pagu"))
    total = sum(b.total for b in blocks)
    return Budget(tuple(blocks), total, sub_refs, total_refs, notes.items())


def _bidang_page(plan: Plan, entry: BidangEntry, sasaran: dict[str, str]) -> BidangPage:
    assert entry.model is not None
    owners = plan.pk.sub_index() if plan.pk is not None else {}
    covered = schedule_marks(plan, entry.model)
    tables = []
    for ren in entry.model.rencana_aksi:
        if ren.sub_kegiatan not in owners or not ren.aksi:
            continue  # an empty plan is listed under "Belum ada rencana aksi" instead
        sub, keg, program = owners[ren.sub_kegiatan]
        notes = Footnotes()
        pagu_refs = notes.refs(pagu_marks(plan, keg, sub))
        rows = tuple(
            AksiRow(no, aksi, month_grid(aksi.bulan), notes.refs(aksi.catatan_sumber, covered))
            for no, aksi in enumerate(ren.aksi, start=1)
        )
        tables.append(
            RencanaTable(sub, keg, program, ren, rows, captions(covered), pagu_refs, notes.items())
        )
    planned = {t.sub.id for t in tables if t.rows}
    unplanned = tuple(
        (sub, keg)
        for sub, keg, _ in owners.values()
        if sub.bidang == entry.slug and sub.id not in planned
    )
    notes = Footnotes()
    unplanned_refs = {sub.id: notes.refs(pagu_marks(plan, keg, sub)) for sub, keg in unplanned}
    return BidangPage(
        entry.slug,
        entry,
        _indikator_rows(entry.model.indikator, sasaran),
        tuple(tables),
        tuple(sub for sub, _ in unplanned),
        unplanned_refs,
        notes.items(),
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
        budget=budget(plan, plan.pk, sasaran),
        bidang=pages,
        narasi=read_narasi(plan.folder),
        warnings=tuple(warnings),
    )
