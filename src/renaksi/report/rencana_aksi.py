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

import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from renaksi.plan.folder import BidangEntry, Plan
from renaksi.plan.model import (
    Aksi,
    BidangFile,
    BudgetUnit,
    CatatanSumber,
    IkuIndikator,
    Indikator,
    Kantor,
    Kegiatan,
    Output,
    Pegawai,
    PerjanjianKinerjaFile,
    PkIndikator,
    Program,
    RencanaUnit,
    SubKegiatan,
)
from renaksi.plan.source import PlanIOError, check_regular, display_path, read_at_most
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
    plan: Plan, kegiatan: Kegiatan, sub: SubKegiatan | Output | BudgetUnit | None = None
) -> tuple[CatatanSumber, ...]:
    """The notes on a pagu: the plan's, the kegiatan's (its own and its parts' pagu), and
    the part's (a sub kegiatan's or an output's; a budgeted unit carries its part's)."""
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
    """The aksi table of one budgeted unit on a bidang page (``sub``: the sub kegiatan, or
    the APBN kegiatan or output; ``sub.level`` says which)."""

    sub: BudgetUnit
    kegiatan: Kegiatan
    program: Program
    rencana: RencanaUnit
    rows: tuple[AksiRow, ...]
    #: Its number among the bidang's tables of the same level (Sub Kegiatan 1, Output 2).
    no: int = 0
    captions: tuple[str, ...] = ()  # source notes on the months of every aksi
    pagu_refs: Refs = ()
    footnotes: tuple[Footnote, ...] = ()


@dataclass(frozen=True, slots=True)
class IndikatorRow:
    """An indicator with the text of the sasaran it serves (and, in the tables of sasaran
    program and sasaran kegiatan, the name of that program or kegiatan)."""

    no: int
    indikator: Indikator
    sasaran: str
    induk: str = ""


@dataclass(frozen=True, slots=True)
class IndikatorTable:
    """One printed table of PK indicators: a tier of goals, or a declared set."""

    nomor: str
    judul: str
    kolom_sasaran: str
    kolom_induk: str | None
    kolom_indikator: str
    rows: tuple[IndikatorRow, ...]


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
    unplanned: tuple[BudgetUnit, ...]
    unplanned_refs: Mapping[str, Refs] = field(default_factory=dict)  # by unit id
    unplanned_footnotes: tuple[Footnote, ...] = ()

    @property
    def aksi_count(self) -> int:
        """How many aksi the bidang plans."""
        return sum(len(t.rows) for t in self.tables)

    @property
    def unplanned_word(self) -> str:
        """What the unplanned units are: "sub kegiatan", "output", "kegiatan dan output"."""
        levels = list(dict.fromkeys(unit.level for unit in self.unplanned))
        return " dan ".join(levels)


@dataclass(frozen=True, slots=True)
class KegiatanBlock:
    """A kegiatan of Tabel 2.3 with its computed subtotal and the parts that carry its pagu
    (sub kegiatan or outputs; none for an APBN kegiatan that carries its own)."""

    kegiatan: Kegiatan
    total: int | Absent
    parts: tuple[SubKegiatan, ...] | tuple[Output, ...] = ()
    refs: Refs = ()  # footnotes on its pagu

    @property
    def part_label(self) -> str:
        """How its parts are printed: "Sub Kegiatan" or "Output"."""
        return "Sub Kegiatan" if self.kegiatan.sub_kegiatan else "Output"


@dataclass(frozen=True, slots=True)
class ProgramBlock:
    """A program row group of Tabel 2.3."""

    no: int
    program: Program
    indikator: Indikator | None
    sasaran: str
    kegiatan: tuple[KegiatanBlock, ...]
    total: int | Absent

    @property
    def rows(self) -> int:
        """How many table rows the program spans: its kegiatan and their parts."""
        return sum(1 + len(k.parts) for k in self.kegiatan)


@dataclass(frozen=True, slots=True)
class Budget:
    """Tabel 2.3: programs, kegiatan, their parts, and the computed grand total.

    ``stated`` is false when the PK states no budget (``anggaran: tidak tercantum``).
    ``levels`` names the depths printed (caption), ``column`` the kegiatan column.
    """

    programs: tuple[ProgramBlock, ...]
    total: int | Absent
    stated: bool = True
    levels: str = "Program, Kegiatan dan Sub Kegiatan"
    column: str = "Kegiatan/Sub Kegiatan"
    part_refs: Mapping[str, Refs] = field(default_factory=dict)  # by sub kegiatan/output id
    total_refs: Refs = ()
    footnotes: tuple[Footnote, ...] = ()


#: How each contact detail of the cover is named when the document does not state it.
KONTAK_LABELS = {
    "alamat": "Alamat",
    "kode_pos": "Kode pos",
    "telepon": "Telepon",
    "website": "Situs web",
}


def kontak(kantor: Kantor) -> tuple[str, ...]:
    """The contact details under the cover's name, in print order: the address with its
    postcode, the telephone, the website. A detail written ``tidak tercantum`` is printed
    as such with its name ("Situs web: tidak tercantum"), so no line or separator dangles
    without saying what is missing; a detail not written at all is left out."""
    parts: list[str] = []
    absent = [
        f"{label}: {TIDAK_TERCANTUM}"
        for key, label in KONTAK_LABELS.items()
        if isinstance(getattr(kantor, key), Absent)
    ]
    address = " ".join(v for v in (kantor.alamat, kantor.kode_pos) if isinstance(v, str))
    if address:
        # A postcode alone (an unstated address) is still named as one.
        parts.append(address if isinstance(kantor.alamat, str) else f"Kode pos {address}")
    if isinstance(kantor.telepon, str):
        parts.append(f"Telepon {kantor.telepon}")
    if isinstance(kantor.website, str):
        parts.append(kantor.website)
    return (*parts, *absent)


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
    indikator_tables: tuple[IndikatorTable, ...]
    budget: Budget
    bidang: tuple[BidangPage, ...]
    narasi: dict[str, str]
    months: tuple[str, ...] = MONTH_SHORT
    triwulan: tuple[str, ...] = TRIWULAN
    warnings: tuple[PrintedFinding, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)
    #: The number of each table that is not an indicator table: iku, anggaran, triwulan.
    nomor: dict[str, str] = field(default_factory=dict)
    #: Whether the PK has goals beyond sasaran strategis (or indicator sets): then the
    #: tables that list indicators of every tier head their columns "Sasaran" and
    #: "Indikator Kinerja" rather than "Sasaran Strategis".
    tiered: bool = False
    #: The PK's pihak kedua: a signer, stated absent, or not written (None).
    pihak_kedua: Pegawai | Absent | None = None

    @property
    def kontak(self) -> tuple[str, ...]:
        """The cover's contact details (:func:`kontak`)."""
        return kontak(self.plan.instansi.instansi) if self.plan.instansi is not None else ()

    @property
    def pk_only(self) -> bool:
        """The folder holds a Perjanjian Kinerja alone: it is printed as one."""
        return self.plan.pk_only


def month_grid(months: Sequence[int]) -> tuple[bool, ...]:
    """Twelve flags, Jan to Des, for the months an aksi is scheduled in."""
    return tuple(map(set(months).__contains__, range(1, 13)))


def _sasaran(plan: Plan) -> dict[str, str]:
    """The text of every sasaran by id: strategis, then program and kegiatan."""
    out: dict[str, str] = {}
    if plan.instansi is not None:
        out.update({s.id: s.uraian for s in plan.instansi.sasaran_strategis})
    if plan.pk is not None:
        for goals in (plan.pk.sasaran_program, plan.pk.sasaran_kegiatan):
            for goal in goals:
                out.setdefault(goal.id, goal.uraian)
    return out


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


def budget(plan: Plan, pk: PerjanjianKinerjaFile, sasaran: dict[str, str]) -> Budget:
    """Tabel 2.3 with every subtotal computed from the pagu of the budgeted units, and the
    source notes on its pagu (a kegiatan's, a part's, the plan's on the total)."""
    if isinstance(pk.anggaran, Absent):
        return Budget((), TIDAK_TERCANTUM, stated=False)
    indikator = {i.id: i for i in pk.indikator}
    notes = Footnotes()
    part_refs: dict[str, Refs] = {}
    blocks = []
    for n, program in enumerate(pk.program, start=1):
        kegiatan = []
        for k in program.kegiatan:
            parts: tuple[SubKegiatan, ...] | tuple[Output, ...] = tuple(k.sub_kegiatan) or tuple(
                k.output
            )
            refs = notes.refs(pagu_marks(plan, k))
            kegiatan.append(KegiatanBlock(k, _printed_total(k.computed_pagu, k.pagu), parts, refs))
            for part in parts:
                part_refs.setdefault(part.id, notes.refs(pagu_marks(plan, k, part)))
        ind = indikator.get(program.indikator) if program.indikator else None
        blocks.append(
            ProgramBlock(
                n,
                program,
                ind,
                sasaran.get(ind.sasaran, ind.sasaran) if ind else "",
                tuple(kegiatan),
                _printed_total(sum_or_absent(k.total for k in kegiatan), program.pagu),
            )
        )
    levels, column = _budget_words(pk)
    total = _printed_total(sum_or_absent(b.total for b in blocks), pk.total_pagu)
    total_refs = notes.refs(_plan_marks(plan, "pagu"))
    return Budget(tuple(blocks), total, True, levels, column, part_refs, total_refs, notes.items())


def _budget_words(pk: PerjanjianKinerjaFile) -> tuple[str, str]:
    """The depths Tabel 2.3 prints, for its caption and its kegiatan column."""
    if pk.anggaran == "pemda":
        return "Program, Kegiatan dan Sub Kegiatan", "Kegiatan/Sub Kegiatan"
    if any(k.output for p in pk.program for k in p.kegiatan):
        return "Program, Kegiatan dan Output", "Kegiatan/Output"
    return "Program dan Kegiatan", "Kegiatan"


@dataclass(frozen=True, slots=True)
class Tier:
    """One tier of the PK's goals (or a declared set of indicators), as its tables print
    it: the same grouping in the Rencana Aksi, the Perjanjian Kinerja and the monitoring
    report. ``nama`` names its indicators (a monitoring table is "Capaian " + ``nama``)."""

    judul: str
    nama: str
    kolom_induk: str | None
    kolom_sasaran: str
    kolom_indikator: str
    members: tuple[PkIndikator, ...]
    parents: Mapping[str, str]  # the program or kegiatan name by sasaran id


def pk_tiers(pk: PerjanjianKinerjaFile) -> tuple[Tier, ...]:
    """The PK's indicators by tier, in print order: those of sasaran strategis, of sasaran
    program (IKP), of sasaran kegiatan (IKK), then each declared set. A tier with no
    indicator is left out."""
    programs = {p.id: p.nama for p in pk.program if p.id is not None}
    kegiatan = {k.id: k.nama for p in pk.program for k in p.kegiatan if k.id is not None}
    of_program = {s.id: programs.get(s.program, s.program) for s in pk.sasaran_program}
    of_kegiatan = {s.id: kegiatan.get(s.kegiatan, s.kegiatan) for s in pk.sasaran_kegiatan}
    groups = {g.id for g in pk.kelompok_indikator}
    # An indicator of an undeclared set (RF's finding) stays in the PK's own tables.
    main = [i for i in pk.indikator if i.kelompok not in groups]
    tiers = [
        Tier("Perjanjian Kinerja", "Indikator Kinerja Sasaran Strategis", None,
             "Sasaran Strategis", "Indikator Kinerja Sasaran",
             tuple(i for i in main if i.sasaran not in of_program and i.sasaran not in of_kegiatan),
             {}),
        Tier("Sasaran Program dan Indikator Kinerja Program (IKP)",
             "Indikator Kinerja Program (IKP)", "Program", "Sasaran Program",
             "Indikator Kinerja Program", tuple(i for i in main if i.sasaran in of_program),
             of_program),
        Tier("Sasaran Kegiatan dan Indikator Kinerja Kegiatan (IKK)",
             "Indikator Kinerja Kegiatan (IKK)", "Kegiatan", "Sasaran Kegiatan",
             "Indikator Kinerja Kegiatan", tuple(i for i in main if i.sasaran in of_kegiatan),
             of_kegiatan),
    ]  # fmt: skip
    for group in pk.kelompok_indikator:
        members = tuple(i for i in pk.indikator if i.kelompok == group.id)
        tiers.append(
            Tier(group.nama, group.nama, None, "Sasaran", "Indikator Kinerja", members, {})
        )
    return tuple(t for t in tiers if t.members)


def indikator_tables(
    pk: PerjanjianKinerjaFile, sasaran: dict[str, str], first: int
) -> tuple[IndikatorTable, ...]:
    """The PK's indicators as printed (:func:`pk_tiers`), numbered from Tabel 2.``first``."""
    tables: list[IndikatorTable] = []
    for tier in pk_tiers(pk):
        rows = tuple(
            IndikatorRow(
                no, ind, sasaran.get(ind.sasaran, ind.sasaran), tier.parents.get(ind.sasaran, "")
            )
            for no, ind in enumerate(tier.members, start=1)
        )
        nomor = f"2.{first + len(tables)}"
        tables.append(
            IndikatorTable(
                nomor, tier.judul, tier.kolom_sasaran, tier.kolom_induk, tier.kolom_indikator, rows
            )
        )
    return tuple(tables)


def _bidang_page(
    plan: Plan, entry: BidangEntry, sasaran: dict[str, str], owners: Mapping[str, BudgetUnit]
) -> BidangPage:
    """One bidang's pages; ``owners``: the Perjanjian Kinerja's units by id."""
    assert entry.model is not None
    covered = schedule_marks(plan, entry.model)
    tables: list[RencanaTable] = []
    numbered: dict[str, int] = {}  # tables so far of each level: Sub Kegiatan 1, Output 2
    for ren in entry.model.rencana_aksi:
        unit = owners.get(ren.unit)
        if unit is None or unit.key != ren.unit_key or not ren.aksi:
            continue  # an empty plan is listed under "Belum ada rencana aksi" instead
        notes = Footnotes()
        pagu_refs = notes.refs(pagu_marks(plan, unit.kegiatan, unit))
        rows = tuple(
            AksiRow(no, aksi, month_grid(aksi.bulan), notes.refs(aksi.catatan_sumber, covered))
            for no, aksi in enumerate(ren.aksi, start=1)
        )
        numbered[unit.level] = numbered.get(unit.level, 0) + 1
        tables.append(
            RencanaTable(
                unit,
                unit.kegiatan,
                unit.program,
                ren,
                rows,
                numbered[unit.level],
                captions=captions(covered),
                pagu_refs=pagu_refs,
                footnotes=notes.items(),
            )
        )
    planned = {t.sub.id for t in tables if t.rows}
    unplanned = tuple(
        unit for unit in owners.values() if unit.bidang == entry.slug and unit.id not in planned
    )
    notes = Footnotes()
    unplanned_refs = {u.id: notes.refs(pagu_marks(plan, u.kegiatan, u)) for u in unplanned}
    return BidangPage(
        entry.slug,
        entry,
        _indikator_rows(entry.model.indikator, sasaran),
        tuple(tables),
        unplanned,
        unplanned_refs,
        notes.items(),
    )


def _document_order(pk: PerjanjianKinerjaFile) -> Callable[[str], tuple[int, str]]:
    """Bidang pages follow the budget: the bidang of the first program comes first (the
    position of its first unit; a bidang with none after every unit)."""
    first: dict[object, int] = {}
    count = 0
    for count, unit in enumerate(pk.units(), start=1):
        first.setdefault(unit.bidang, count - 1)
    return lambda slug: (first.get(slug, count), slug)


#: Largest narrative chapter read; real chapters are a few KiB.
MAX_NARASI_BYTES = 1024 * 1024


def read_narasi(folder: Path) -> dict[str, str]:
    """The narrative chapters present in ``<plan>/narasi/``; missing ones are left out.

    Raises PlanIOError for a chapter that is not an ordinary UTF-8 file of sane size.
    """
    # Resolved once: checking each chapter on its own resolved the plan folder and the
    # chapter's path again, a system call per component each (half a millisecond per
    # report). A chapter that is a plain file in a narasi/ that stays in the plan folder
    # needs nothing more; a link, or anything odd, gets the full checks of _chapter_path.
    narasi = folder / "narasi"
    try:
        inside = narasi.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        inside = False
    out: dict[str, str] = {}
    for name in NARASI:
        path = narasi / f"{name}.md"
        if not (inside and _plain_file(path)) and not _chapter_path(path, folder):
            continue
        try:
            with path.open("rb") as handle:
                data = read_at_most(handle, MAX_NARASI_BYTES + 1)
        except OSError as exc:
            shown = display_path(path)
            raise PlanIOError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})", shown) from None
        if len(data) > MAX_NARASI_BYTES:
            shown = display_path(path)
            raise PlanIOError(f"{shown}: lebih besar dari {MAX_NARASI_BYTES} byte", shown)
        try:
            out[name.replace("-", "_")] = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            shown = display_path(path)
            raise PlanIOError(
                f"{shown}: bukan teks UTF-8; simpan ulang sebagai UTF-8", shown
            ) from None
    return out


def _plain_file(path: Path) -> bool:
    """True when ``path`` itself is a regular file, not a link: then it resolves to itself
    in its (already checked) folder."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _chapter_path(path: Path, folder: Path) -> bool:
    """Whether chapter ``path`` is there to read, after every check (a link out of the plan
    folder, a device or a pipe is refused with PlanIOError)."""
    if not path.exists() and not path.is_symlink():
        return False
    shown = display_path(path)
    try:
        check_regular(path, folder, shown)
    except OSError as exc:
        raise PlanIOError(f"{shown}: tidak dapat dibaca ({os_reason(exc)})", shown) from None
    return True


def rencana_aksi_view(plan: Plan, warnings: Sequence[PrintedFinding] = ()) -> RencanaAksiView:
    """The view of a loaded plan. The plan's three kinds of file must have loaded."""
    if plan.instansi is None or plan.pk is None:
        raise ValueError("rencana belum dapat dicetak: instansi.yaml atau PK tidak terbaca")
    sasaran = _sasaran(plan)
    pk = plan.pk
    iku = tuple(
        IkuRow(i, ind, sasaran.get(ind.sasaran, ind.sasaran))
        for i, ind in enumerate(plan.instansi.iku_indikator, start=1)
    )
    owners, order = pk.unit_index(), _document_order(pk)
    pages = tuple(
        _bidang_page(plan, entry, sasaran, owners)
        for entry in sorted(plan.bidang, key=lambda e: order(e.slug))
        if entry.model is not None
    )
    tables = indikator_tables(pk, sasaran, 2)
    after = 2 + len(tables)
    budget_table = budget(plan, pk, sasaran)
    nomor = {"iku": "2.1", "anggaran": f"2.{after}"}
    nomor["triwulan"] = f"2.{after + 1}" if budget_table.stated else f"2.{after}"
    return RencanaAksiView(
        plan=plan,
        tahun=plan.instansi.tahun,
        sasaran=sasaran,
        iku=iku,
        pk=_indikator_rows(plan.pk.indikator, sasaran),
        indikator_tables=tables,
        budget=budget_table,
        bidang=pages,
        narasi=read_narasi(plan.folder),
        warnings=tuple(warnings),
        nomor=nomor,
        tiered=bool(pk.sasaran_program or pk.sasaran_kegiatan or pk.kelompok_indikator),
        pihak_kedua=pk.pihak_kedua,
    )
