"""Realisasi rules (``RL``): the quarterly files ``realisasi/tw<N>.yaml`` agree with the plan.

A realisasi file says, for one quarter, what each indicator reached, how much of each sub
kegiatan's pagu was spent (cumulative), what output was reached and which aksi took place.
These rules check that it refers to what the plan has, in the plan's units, that cumulative
numbers only grow and stay within the pagu, and that a missed target is explained.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from renaksi.monitoring import state
from renaksi.plan.file import PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.folder import Plan, RealisasiEntry
from renaksi.plan.model import (
    BudgetUnit,
    Indikator,
    RealisasiFile,
    RealisasiSubKegiatan,
    RencanaSubKegiatan,
)
from renaksi.plan.values import Absent, Capaian, Percent, Rupiah, in_unit
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule
from renaksi.text.formats import MONTHS, ROMAN, is_percent, rounded, unit_key

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, slots=True)
class _File:
    triwulan: int
    doc: PlanFile
    model: RealisasiFile


def _files(plan: Plan) -> Iterator[_File]:
    """Realisasi files that loaded, by quarter."""
    entries: list[RealisasiEntry] = sorted(plan.realisasi, key=lambda r: r.triwulan)
    for entry in entries:
        if entry.model is not None:
            yield _File(entry.triwulan, entry.doc, entry.model)


def _unread(plan: Plan) -> set[str]:
    """Slugs of bidang files that did not load or are missing: what they hold is unknown,
    so realisasi that may refer to it is not judged (their own findings, or RF02's, say
    what is wrong)."""
    unread = {entry.slug for entry in plan.bidang if entry.model is None}
    present = set(plan.bidang_slugs)
    owners = {u.bidang for u in plan.units_by_id().values() if u.bidang is not None}
    return unread | (owners - present)


def _indikator(plan: Plan) -> dict[str, Indikator]:
    return {ind.id: ind for ind, _ in state.all_indikator(plan)}


def _rencana(plan: Plan) -> dict[str, RencanaSubKegiatan]:
    out: dict[str, RencanaSubKegiatan] = {}
    for _, ren in walk.rencana(plan):
        out.setdefault(ren.item.unit, ren.item)
    return out


@rule("RL01", "realisasi.triwulan", E, "Triwulan dan tahun berkas realisasi sesuai namanya.")
def right_quarter(ctx: Context) -> Iterator[Finding]:
    """
    ``realisasi/tw2.yaml`` melaporkan Triwulan II: ``triwulan: 2``. Bila berkas Triwulan I
    disalin untuk Triwulan II dan ``triwulan`` lupa diganti, angka triwulan yang salah
    akan terbaca; karena itu keduanya harus sama. ``tahun``, bila ditulis, harus tahun
    rencana.
    """
    year = walk.plan_year(ctx.plan)
    for f in _files(ctx.plan):
        if f.model.triwulan != f.triwulan:
            yield ctx.finding(
                f.doc,
                ("triwulan",),
                "berkas tw{n}.yaml melaporkan Triwulan {want}, tetapi tertulis triwulan: {found}",
                n=f.triwulan,
                want=ROMAN[f.triwulan - 1],
                found=f.model.triwulan,
            )
        if f.model.tahun is not None and year is not None and f.model.tahun != year:
            yield ctx.finding(
                f.doc,
                ("tahun",),
                "tahun realisasi {found} tidak sama dengan tahun rencana {year}",
                found=f.model.tahun,
                year=year,
            )


@rule("RL02", "realisasi.urutan", E, "Triwulan dilaporkan berurutan.")
def in_order(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi triwulan dilaporkan berurutan: ``tw3.yaml`` tanpa ``tw2.yaml`` berarti
    Triwulan II terlewat, sehingga capaian sampai Triwulan III tidak dapat dihitung.
    Temuan menunjuk berkas yang mendahului dan menyebut triwulan yang belum ada.
    """
    present = {r.triwulan for r in ctx.plan.realisasi}
    for entry in sorted(ctx.plan.realisasi, key=lambda r: r.triwulan):
        missing = [k for k in range(1, entry.triwulan) if k not in present]
        if missing:
            yield ctx.finding(
                entry.doc,
                ("triwulan",) if entry.model is not None else (),
                "realisasi Triwulan {q} dilaporkan sebelum Triwulan {missing}; tambahkan "
                "{files} lebih dulu",
                q=ROMAN[entry.triwulan - 1],
                missing=", ".join(ROMAN[k - 1] for k in missing),
                files=", ".join(f"realisasi/tw{k}.yaml" for k in missing),
            )


@rule(
    "RL03", "realisasi.rujukan", E, "Realisasi merujuk indikator, sub kegiatan dan aksi yang ada."
)
def known_items(ctx: Context) -> Iterator[Finding]:
    """
    Setiap ``id`` indikator dan ``sub_kegiatan`` di berkas realisasi harus ada di rencana,
    sekali saja per berkas. Aksi dirujuk dengan nomornya di tabel sub kegiatan (``no``);
    bila ``nama`` ikut ditulis, harus sama dengan nama aksi bernomor itu, sehingga aksi
    yang diurutkan ulang di rencana tidak diam-diam tertukar.
    """
    plan = ctx.plan
    if plan.pk is None:
        return
    indikator = _indikator(plan)
    subs = plan.units_by_id()
    rencana = _rencana(plan)
    unread = _unread(plan)
    for f in _files(plan):
        yield from _known_indikator(ctx, f, indikator, unread)
        yield from _known_subs(ctx, f, subs, rencana, unread)


def _known_indikator(
    ctx: Context, f: _File, indikator: dict[str, Indikator], unread: set[str]
) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, ind in enumerate(f.model.indikator):
        if ind.id not in indikator and not unread:
            yield ctx.finding(
                f.doc,
                ("indikator", i, "id"),
                "indikator {id} tidak ada di rencana{hint}",
                id=ind.id,
                hint=walk.nearest(ctx.hints, ind.id, indikator),
            )
        elif ind.id in seen:
            yield ctx.finding(
                f.doc, ("indikator", i, "id"), "indikator {id} dilaporkan dua kali", id=ind.id
            )
        seen.add(ind.id)


def _known_subs(
    ctx: Context,
    f: _File,
    subs: dict[str, BudgetUnit],
    rencana: dict[str, RencanaSubKegiatan],
    unread: set[str],
) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, sub in enumerate(f.model.sub_kegiatan):
        path = ("sub_kegiatan", i)
        if sub.sub_kegiatan not in subs:
            yield ctx.finding(
                f.doc,
                (*path, "sub_kegiatan"),
                "sub kegiatan {id} tidak ada di perjanjian-kinerja.yaml{hint}",
                id=sub.sub_kegiatan,
                hint=walk.nearest(ctx.hints, sub.sub_kegiatan, subs),
            )
            continue
        if sub.sub_kegiatan in seen:
            yield ctx.finding(
                f.doc,
                (*path, "sub_kegiatan"),
                "sub kegiatan {id} dilaporkan dua kali",
                id=sub.sub_kegiatan,
            )
        seen.add(sub.sub_kegiatan)
        if subs[sub.sub_kegiatan].bidang in unread:
            continue
        yield from _known_aksi(ctx, f.doc, path, sub, rencana.get(sub.sub_kegiatan))


def _known_aksi(
    ctx: Context,
    doc: PlanFile,
    path: tuple[str, int],
    sub: RealisasiSubKegiatan,
    ren: RencanaSubKegiatan | None,
) -> Iterator[Finding]:
    """Aksi are referred to by number in the sub kegiatan's table; a name, when written,
    must be that aksi's."""
    count = len(ren.aksi) if ren is not None else 0
    numbers: set[int] = set()
    for j, item in enumerate(sub.aksi):
        where = (*path, "aksi", j)
        if item.no > count:
            yield ctx.finding(
                doc,
                (*where, "no"),
                "aksi nomor {no} tidak ada; rencana aksi {id} punya {count} aksi",
                no=item.no,
                id=sub.sub_kegiatan,
                count=count,
            )
        elif item.no in numbers:
            yield ctx.finding(
                doc, (*where, "no"), "aksi nomor {no} dilaporkan dua kali", no=item.no
            )
        elif ren is not None and item.nama is not None:
            planned = ren.aksi[item.no - 1].nama
            if " ".join(item.nama.split()) != " ".join(planned.split()):
                yield ctx.finding(
                    doc,
                    (*where, "nama"),
                    "aksi nomor {no} di rencana bernama {planned}, bukan {found}",
                    no=item.no,
                    planned=planned,
                    found=item.nama,
                )
        numbers.add(item.no)


@rule("RL04", "realisasi.satuan", E, "Realisasi ditulis dalam satuan targetnya.")
def same_unit(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi dibandingkan dengan target, jadi satuannya harus sama: realisasi indikator
    ``%`` tidak boleh ditulis ``orang``, dan realisasi keluaran sub kegiatan bersatuan
    seperti target keluarannya (``2500 orang`` untuk target ``10000 orang``); sub kegiatan
    tanpa rencana aksi tidak punya target keluaran, jadi realisasi keluarannya tidak dapat
    dibandingkan. ``satuan`` pada indikator boleh tidak ditulis; bila ditulis, diperiksa.
    """
    indikator = _indikator(ctx.plan)
    rencana = _rencana(ctx.plan)
    subs = ctx.plan.units_by_id()
    unread = _unread(ctx.plan)
    for f in _files(ctx.plan):
        for i, entry in enumerate(f.model.indikator):
            ind = indikator.get(entry.id)
            if ind is None or entry.satuan is None:
                continue
            if _unit(entry.satuan) != _unit(ind.satuan):
                yield ctx.finding(
                    f.doc,
                    ("indikator", i, "satuan"),
                    "realisasi {id} bersatuan {found}, padahal targetnya dalam {want}",
                    id=entry.id,
                    found=entry.satuan,
                    want=ind.satuan,
                )
        for i, sub in enumerate(f.model.sub_kegiatan):
            ren = rencana.get(sub.sub_kegiatan)
            if sub.keluaran is None or sub.sub_kegiatan not in subs:
                continue
            if ren is None:
                if subs[sub.sub_kegiatan].bidang not in unread:
                    yield ctx.finding(
                        f.doc,
                        ("sub_kegiatan", i, "keluaran"),
                        "sub kegiatan {id} tidak punya target keluaran (belum ada rencana "
                        "aksinya), jadi realisasi keluaran tidak dapat dibandingkan",
                        id=sub.sub_kegiatan,
                    )
                continue
            if isinstance(ren.target, Absent):
                continue  # an unstated target has no unit to compare with (TC01 lists it)
            if _unit(sub.keluaran.satuan) != _unit(ren.target.satuan):
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "keluaran"),
                    "realisasi keluaran bersatuan {found}, padahal target keluaran {id} "
                    "dalam {want}",
                    id=sub.sub_kegiatan,
                    found=sub.keluaran.satuan,
                    want=ren.target.satuan,
                )


def _unit(text: str) -> str:
    return "%" if is_percent(text) else unit_key(text)


@rule("RL05", "realisasi.pagu", E, "Realisasi anggaran tidak melebihi pagu.")
def within_pagu(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi anggaran sub kegiatan (kumulatif sampai akhir triwulan) tidak boleh melebihi
    pagunya di ``perjanjian-kinerja.yaml``. Bila pagu berubah (pergeseran anggaran), ubah
    dulu pagunya di rencana.
    """
    subs = ctx.plan.units_by_id()
    for f in _files(ctx.plan):
        for i, entry in enumerate(f.model.sub_kegiatan):
            sub = subs.get(entry.sub_kegiatan)
            # An unstated pagu bounds nothing (TC01 lists it).
            if sub is None or isinstance(sub.pagu, Absent):
                continue
            if entry.anggaran > sub.pagu:
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "anggaran"),
                    "realisasi anggaran {spent} melebihi pagu {id} {pagu} (lebih {over})",
                    spent=Rupiah(entry.anggaran),
                    id=entry.sub_kegiatan,
                    pagu=Rupiah(sub.pagu),
                    over=Rupiah(entry.anggaran - sub.pagu),
                )


@rule("RL06", "realisasi.kumulatif", E, "Angka kumulatif tidak turun dari triwulan ke triwulan.")
def never_down(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi anggaran dan realisasi keluaran sub kegiatan ditulis kumulatif (jumlah sejak
    awal tahun), jadi tidak bisa lebih kecil daripada triwulan sebelumnya. Angka yang turun
    biasanya berarti angka triwulan itu saja yang ditulis, bukan jumlahnya.
    """
    spent: dict[str, tuple[int, int]] = {}  # id -> (quarter, anggaran)
    output: dict[str, tuple[int, Decimal]] = {}  # id -> (quarter, keluaran)
    for f in _files(ctx.plan):
        seen: set[str] = set()
        for i, entry in enumerate(f.model.sub_kegiatan):
            sid = entry.sub_kegiatan
            if sid in seen:
                continue  # a repeat within the quarter is RL03's, not a fall
            seen.add(sid)
            if sid in spent and entry.anggaran < spent[sid][1]:
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "anggaran"),
                    "realisasi anggaran kumulatif turun dari {old} (Triwulan {q}) menjadi "
                    "{new}; tulis jumlah sejak awal tahun",
                    old=Rupiah(spent[sid][1]),
                    q=ROMAN[spent[sid][0] - 1],
                    new=Rupiah(entry.anggaran),
                )
            spent[sid] = (f.triwulan, entry.anggaran)
            if entry.keluaran is None:
                continue
            amount = entry.keluaran.jumlah
            if sid in output and amount < output[sid][1]:
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "keluaran"),
                    "realisasi keluaran kumulatif turun dari {old} {unit} (Triwulan {q}) "
                    "menjadi {new} {unit}; tulis jumlah sejak awal tahun",
                    old=output[sid][1],
                    q=ROMAN[output[sid][0] - 1],
                    new=amount,
                    unit=entry.keluaran.satuan,
                )
            output[sid] = (f.triwulan, amount)


@rule("RL07", "realisasi.penjelasan", E, "Capaian di bawah ambang dijelaskan.")
def explained(ctx: Context) -> Iterator[Finding]:
    """
    Bila capaian triwulan atau capaian sampai triwulan itu di bawah ambang (bawaan 100%:
    setiap target yang tidak tercapai; diatur di ``instansi.yaml: pemantauan.
    ambang_penjelasan``), realisasi indikator itu harus menulis ``faktor_penghambat`` dan
    ``upaya_perbaikan``. Itulah gunanya pemantauan: tahu apa yang menghambat dan apa yang
    akan dilakukan.
    """
    plan = ctx.plan
    settings = state.settings(plan)
    indikator: dict[str, tuple[Indikator, str | None]] = {}
    for ind, owner in state.all_indikator(plan):
        indikator.setdefault(ind.id, (ind, owner))
    files = state.reports(plan, 4)
    for f in _files(plan):
        if files.get(f.triwulan) is not f.model:
            continue
        seen: set[str] = set()
        for i, entry in enumerate(f.model.indikator):
            found = indikator.get(entry.id)
            if found is None or entry.id in seen:
                continue  # a repeated id is RL03's; its first entry is the one used
            seen.add(entry.id)
            progress = state.indikator_progress(found[0], found[1], files, f.triwulan, settings)
            low = progress.lowest()
            if low is None or rounded(low) >= settings.threshold:
                continue
            absent = [
                key
                for key in ("faktor_penghambat", "upaya_perbaikan")
                if not (getattr(entry, key) or "").strip()
            ]
            if absent:
                yield ctx.finding(
                    f.doc,
                    ("indikator", i, "realisasi"),
                    "capaian {id} {value} di bawah ambang {threshold}; tulis {fields}",
                    id=entry.id,
                    value=Capaian(low),
                    threshold=Percent(settings.threshold),
                    fields=" dan ".join(absent),
                )


@rule("RL08", "realisasi.bulan", E, "Bulan terlaksana berada di triwulan berkasnya.")
def months_in_quarter(ctx: Context) -> Iterator[Finding]:
    """
    Bulan terlaksana sebuah aksi (1-12) dilaporkan di berkas triwulannya: ``tw1.yaml``
    hanya Januari sampai Maret. Aksi yang terlaksana di bulan lain dilaporkan di berkas triwulan
    bulan itu.
    """
    for f in _files(ctx.plan):
        months = state.QUARTER_MONTHS[f.triwulan]
        for i, sub in enumerate(f.model.sub_kegiatan):
            for j, item in enumerate(sub.aksi):
                for k, month in enumerate(item.bulan):
                    if not 1 <= month <= 12:
                        yield ctx.finding(
                            f.doc,
                            ("sub_kegiatan", i, "aksi", j, "bulan", k),
                            "bulan {month} tidak ada; tulis 1-12 atau nama bulan",
                            month=month,
                        )
                    elif month not in months:
                        yield ctx.finding(
                            f.doc,
                            ("sub_kegiatan", i, "aksi", j, "bulan", k),
                            "{month} bukan bulan Triwulan {q} ({first}-{last}); laporkan di "
                            "realisasi/tw{other}.yaml",
                            month=MONTHS[month - 1],
                            q=ROMAN[f.triwulan - 1],
                            first=MONTHS[months[0] - 1],
                            last=MONTHS[months[-1] - 1],
                            other=(month - 1) // 3 + 1,
                        )


@rule("RL09", "realisasi.negatif", E, "Realisasi tidak negatif.")
def not_negative(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi indikator dan realisasi keluaran tidak boleh negatif. Indikator yang makin
    kecil makin baik (``arah: turun``) tetap ditulis dengan angka apa adanya; rumus
    capaiannya yang membalik.
    """
    indikator = _indikator(ctx.plan)
    for f in _files(ctx.plan):
        for i, entry in enumerate(f.model.indikator):
            if entry.realisasi < 0:
                ind = indikator.get(entry.id)
                yield ctx.finding(
                    f.doc,
                    ("indikator", i, "realisasi"),
                    "realisasi {id} tidak boleh negatif, ditemukan {value}",
                    id=entry.id,
                    value=in_unit(entry.realisasi, ind.satuan) if ind else entry.realisasi,
                )
        for i, sub in enumerate(f.model.sub_kegiatan):
            if sub.keluaran is not None and sub.keluaran.jumlah < 0:
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "keluaran"),
                    "realisasi keluaran tidak boleh negatif, ditemukan {value} {unit}",
                    value=sub.keluaran.jumlah,
                    unit=sub.keluaran.satuan,
                )


@rule("RL10", "realisasi.kelengkapan", W, "Realisasi triwulan mencakup seluruh rencana.")
def complete(ctx: Context) -> Iterator[Finding]:
    """
    Berkas realisasi sebaiknya melaporkan setiap indikator (PK dan bidang), setiap sub
    kegiatan berpagu, dan setiap aksi yang dijadwalkan pada triwulan itu. Yang tidak
    dilaporkan tampil sebagai "belum dilaporkan" di laporan pemantauan; peringatan ini
    menyebutkannya lebih awal, satu temuan per daftar.
    """
    plan = ctx.plan
    if plan.pk is None:
        return
    indikator = _indikator(plan)
    subs = plan.units_by_id()
    rencana = _rencana(plan)
    for f in _files(plan):
        reported = {e.id for e in f.model.indikator}
        missing = [i for i in indikator if i not in reported]
        if missing:
            yield _missing(ctx, f, "indikator", "indikator", missing)
        reported = {e.sub_kegiatan for e in f.model.sub_kegiatan}
        missing = [s for s in subs if s not in reported]
        if missing:
            yield _missing(ctx, f, "sub_kegiatan", "sub kegiatan", missing)
        months = set(state.QUARTER_MONTHS[f.triwulan])
        for i, sub in enumerate(f.model.sub_kegiatan):
            ren = rencana.get(sub.sub_kegiatan)
            if ren is None:
                continue
            told = {item.no for item in sub.aksi}
            due = [
                str(no)
                for no, aksi in enumerate(ren.aksi, start=1)
                if months & set(aksi.bulan) and no not in told
            ]
            if due:
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "sub_kegiatan"),
                    "aksi {id} yang dijadwalkan di Triwulan {q} belum dilaporkan: nomor {due}",
                    id=sub.sub_kegiatan,
                    q=ROMAN[f.triwulan - 1],
                    due=", ".join(due),
                )


def _missing(ctx: Context, f: _File, key: str, what: str, missing: list[str]) -> Finding:
    present = key in (f.doc.root or {}) if isinstance(f.doc.root, dict) else False
    return ctx.finding(
        f.doc,
        (key,) if present else ("triwulan",),
        "{what} belum dilaporkan di Triwulan {q}: {ids}",
        at_key=True,
        what=what,
        q=ROMAN[f.triwulan - 1],
        ids=", ".join(missing),
    )


RULES = (
    right_quarter,
    in_order,
    known_items,
    same_unit,
    within_pagu,
    never_down,
    explained,
    months_in_quarter,
    not_negative,
    complete,
)
