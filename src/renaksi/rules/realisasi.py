"""Realisasi rules (``RL``): the realisasi files agree with the plan.

A realisasi file says, for one period, what each indicator reached, how much of each sub
kegiatan's pagu was spent (cumulative), what output was reached and which aksi took place.
The period is a quarter (``realisasi/tw<N>.yaml``), semester I (``s1.yaml``), the year
(``tahunan.yaml``) or the year up to a date (``sd-2024-10-31.yaml``); see
:mod:`renaksi.plan.periods`. These rules check that it refers to what the plan has, in the
plan's units and kinds of value, that cumulative numbers only grow and stay within the pagu,
and that a missed target is explained.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from renaksi.monitoring import state
from renaksi.monitoring.capaian import Judging
from renaksi.plan.file import PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.folder import Plan, RealisasiEntry
from renaksi.plan.model import (
    BudgetUnit,
    Indikator,
    RealisasiFile,
    RealisasiIndikator,
    RealisasiUnit,
    RencanaUnit,
    units_word,
)
from renaksi.plan.periods import Period
from renaksi.plan.values import Absent, Capaian, Percent, Rupiah, in_unit
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule
from renaksi.text.formats import MONTHS, ROMAN, is_percent, rounded, target, unit_key

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, slots=True)
class _File:
    period: Period
    doc: PlanFile
    model: RealisasiFile


def _loaded_files(plan: Plan) -> Iterator[_File]:
    entries: list[RealisasiEntry] = sorted(plan.realisasi, key=lambda r: r.period.sort_key())
    for entry in entries:
        if entry.model is not None:
            yield _File(entry.period, entry.doc, entry.model)


def _files(ctx: Context) -> Sequence[_File]:
    """Realisasi files that loaded, in the order their periods end."""
    return ctx.shared("realisasi files", _loaded_files)


def _during(period: Period) -> str:
    """``di Triwulan II``; for a file of values to date, ``s.d. Semester I``."""
    return period.upto if period.to_date else f"di {period.label}"


def _unread(ctx: Context) -> set[str]:
    """Slugs of bidang files that did not load or are missing: what they hold is unknown,
    so realisasi that may refer to it is not judged (their own findings, or RF02's, say
    what is wrong)."""
    plan = ctx.plan
    unread = {entry.slug for entry in plan.bidang if entry.model is None}
    present = set(plan.bidang_slugs)
    owners = {u.bidang for u in ctx.unit_index().values() if u.bidang is not None}
    return unread | (owners - present)


def _indikator(ctx: Context) -> dict[str, Indikator]:
    """Each indicator by id, the last of a duplicate id winning (RF01 reports it)."""
    return ctx.once(
        "realisasi indikator", lambda: {ind.id: ind for ind, _ in state.all_indikator(ctx.plan)}
    )


def _rencana(ctx: Context) -> dict[str, RencanaUnit]:
    """Each action plan by the id it plans, the first of a duplicate winning (RF05)."""

    def make() -> dict[str, RencanaUnit]:
        out: dict[str, RencanaUnit] = {}
        for _, ren, _, ident in ctx.planned():
            out.setdefault(ident, ren.item)
        return out

    return ctx.once("realisasi rencana", make)


#: The key that restates each kind of period in its file.
_PERIOD_KEYS = {"triwulan": "triwulan", "semester": "semester", "sampai": "sampai"}


def _period_value(period: Period) -> object:
    return period.until if period.kind == "sampai" else period.number


@rule("RL01", "realisasi.triwulan", E, "Periode dan tahun berkas realisasi sesuai namanya.")
def right_quarter(ctx: Context) -> Iterator[Finding]:
    """
    ``realisasi/tw2.yaml`` melaporkan Triwulan II: ``triwulan: 2``. Bila berkas Triwulan I
    disalin untuk Triwulan II dan ``triwulan`` lupa diganti, angka triwulan yang salah
    akan terbaca; karena itu keduanya harus sama. Begitu pula ``s1.yaml`` menulis
    ``semester: 1`` dan ``sd-2024-10-31.yaml`` menulis ``sampai: 2024-10-31``;
    ``tahunan.yaml`` tidak menulis ketiganya, dan setiap berkas hanya menulis kunci
    periodenya sendiri. ``tahun``, bila ditulis, harus tahun rencana, dan tanggal di nama
    berkas ``sd-<tanggal>.yaml`` harus di tahun rencana.
    """
    year = walk.plan_year(ctx.plan)
    for f in _files(ctx):
        yield from _period_keys(ctx, f)
        if f.model.tahun is not None and year is not None and f.model.tahun != year:
            yield ctx.finding(
                f.doc,
                ("tahun",),
                "tahun realisasi {found} tidak sama dengan tahun rencana {year}",
                found=f.model.tahun,
                year=year,
            )
        until = f.period.until
        if until is not None and year is not None and until.year != year:
            yield ctx.finding(
                f.doc,
                (),
                "berkas {name} melaporkan realisasi tahun {found}, bukan tahun rencana {year}",
                name=f.period.file_name,
                found=until.year,
                year=year,
            )


def _period_keys(ctx: Context, f: _File) -> Iterator[Finding]:
    own = _PERIOD_KEYS.get(f.period.kind)
    for key in _PERIOD_KEYS.values():
        found = getattr(f.model, key)
        if key == own and found is None:
            yield ctx.finding(
                f.doc,
                (),
                "berkas {name} melaporkan {label}: tulis {key}: {want}",
                name=f.period.file_name,
                label=f.period.label,
                key=key,
                want=_period_value(f.period),
            )
        elif key == own and found != _period_value(f.period) and key == "triwulan":
            yield ctx.finding(
                f.doc,
                (key,),
                "berkas tw{n}.yaml melaporkan Triwulan {want}, tetapi tertulis triwulan: {found}",
                n=f.period.number,
                want=ROMAN[f.period.number - 1],
                found=found,
            )
        elif (key == own and found != _period_value(f.period)) or (key != own and found):
            yield ctx.finding(
                f.doc,
                (key,),
                "berkas {name} melaporkan {label}, tetapi tertulis {key}: {found}; samakan "
                "isinya dengan nama berkas",
                name=f.period.file_name,
                label=f.period.label,
                key=key,
                found=found,
            )


@rule("RL02", "realisasi.urutan", E, "Triwulan dilaporkan berurutan.")
def in_order(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi triwulan dilaporkan berurutan: ``tw3.yaml`` tanpa ``tw2.yaml`` berarti
    Triwulan II terlewat, sehingga capaian sampai Triwulan III tidak dapat dihitung.
    Temuan menunjuk berkas yang mendahului dan menyebut triwulan yang belum ada.

    Berkas semester I (``s1.yaml``), tahunan (``tahunan.yaml``) dan s.d. tanggal
    (``sd-<tanggal>.yaml``) memuat angka sejak Januari, jadi tidak memerlukan berkas lain:
    unit yang hanya melaporkan semester I dan setahun tidak melanggar aturan ini.
    """
    present = {r.triwulan for r in ctx.plan.realisasi if r.triwulan is not None}
    for entry in sorted(ctx.plan.realisasi, key=lambda r: r.period.sort_key()):
        if entry.triwulan is None:
            continue
        missing = [k for k in range(1, entry.triwulan) if k not in present]
        if missing:
            yield ctx.finding(
                entry.doc,
                ("triwulan",) if entry.model is not None and entry.model.triwulan else (),
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
    files = _files(ctx)
    if ctx.plan.pk is None or not files:
        return  # no realisasi: no reason to index the plan
    indikator = _indikator(ctx)
    subs = ctx.unit_index()
    rencana = _rencana(ctx)
    unread = _unread(ctx)
    for f in files:
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
    subs: Mapping[str, BudgetUnit],
    rencana: dict[str, RencanaUnit],
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
    sub: RealisasiUnit,
    ren: RencanaUnit | None,
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


@rule("RL04", "realisasi.satuan", E, "Realisasi ditulis dalam satuan dan bentuk targetnya.")
def same_unit(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi dibandingkan dengan target, jadi satuannya harus sama: realisasi indikator
    ``%`` tidak boleh ditulis ``orang``, dan realisasi keluaran sub kegiatan bersatuan
    seperti target keluarannya (``2500 orang`` untuk target ``10000 orang``); sub kegiatan
    tanpa rencana aksi tidak punya target keluaran, jadi realisasi keluarannya tidak dapat
    dibandingkan. ``satuan`` pada indikator boleh tidak ditulis; bila ditulis, diperiksa.

    Bentuknya juga seperti target: angka untuk target angka, nilai skala indikator itu
    untuk target bertingkat (``realisasi: Level 3``), dan distribusi tingkat: porsi untuk
    target distribusi.
    """
    files = _files(ctx)
    if not files:
        return
    indikator = _indikator(ctx)
    rencana = _rencana(ctx)
    subs = ctx.unit_index()
    unread = _unread(ctx)
    settings = state.settings(ctx.plan)
    for f in files:
        for i, entry in enumerate(f.model.indikator):
            ind = indikator.get(entry.id)
            if ind is None:
                continue
            problem = _kind_problem(entry, ind, state.judging(ind, settings))
            if problem is not None:
                yield Finding(ctx.at(f.doc, ("indikator", i, "realisasi")), *problem)
            if entry.satuan is None:
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
        yield from _output_units(ctx, f, rencana, subs, unread)


def _output_units(
    ctx: Context,
    f: _File,
    rencana: dict[str, RencanaUnit],
    subs: Mapping[str, BudgetUnit],
    unread: set[str],
) -> Iterator[Finding]:
    """RL04 for the realised outputs of one file: in the unit of their planned target."""
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
                "realisasi keluaran bersatuan {found}, padahal target keluaran {id} dalam {want}",
                id=sub.sub_kegiatan,
                found=sub.keluaran.satuan,
                want=ren.target.satuan,
            )


def _kind_problem(
    entry: RealisasiIndikator, ind: Indikator, how: Judging
) -> tuple[str, dict[str, object]] | None:
    """(message, args) when a realised value is not of its target's kind."""
    value = entry.realisasi
    args: dict[str, object] = {"id": entry.id, "value": target(value, "")}
    spread = isinstance(ind.target, tuple)
    if spread != isinstance(value, tuple):
        if spread:
            return (
                "realisasi {id} ditulis sebagai distribusi tingkat: porsi, seperti targetnya",
                args,
            )
        return "realisasi {id} berupa distribusi, padahal targetnya bukan distribusi", args
    if how.skala is not None:
        levels = [level for level, _ in value] if isinstance(value, tuple) else [value]
        off = [v for v in levels if how.rank(v) is None]
        if off:
            return "realisasi {id} {value} tidak ada di skala indikatornya", {
                **args,
                "value": target(off[0], ""),
            }
        return None
    if isinstance(value, str):
        return (
            "realisasi {id} {value} bukan angka; indikator ini tidak berskala, tulis angkanya",
            args,
        )
    return None


def _unit(text: str) -> str:
    return "%" if is_percent(text) else unit_key(text)


@rule("RL05", "realisasi.pagu", E, "Realisasi anggaran tidak melebihi pagu.")
def within_pagu(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi anggaran sub kegiatan (kumulatif sampai akhir triwulan) tidak boleh melebihi
    pagunya di ``perjanjian-kinerja.yaml``. Bila pagu berubah (pergeseran anggaran), ubah
    dulu pagunya di rencana.
    """
    subs = ctx.unit_index()
    for f in _files(ctx):
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
    biasanya berarti angka triwulan itu saja yang ditulis, bukan jumlahnya. Berkas semester,
    tahunan dan s.d. tanggal dibandingkan dengan berkas lain menurut akhir periodenya.
    """
    spent: dict[str, tuple[Period, int]] = {}  # id -> (period, anggaran)
    output: dict[str, tuple[Period, Decimal]] = {}  # id -> (period, keluaran)
    for f in _files(ctx):
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
                    "realisasi anggaran kumulatif turun dari {old} ({period}) menjadi "
                    "{new}; tulis jumlah sejak awal tahun",
                    old=Rupiah(spent[sid][1]),
                    period=spent[sid][0].label,
                    new=Rupiah(entry.anggaran),
                )
            spent[sid] = (f.period, entry.anggaran)
            if entry.keluaran is None:
                continue
            amount = entry.keluaran.jumlah
            if sid in output and amount < output[sid][1]:
                yield ctx.finding(
                    f.doc,
                    ("sub_kegiatan", i, "keluaran"),
                    "realisasi keluaran kumulatif turun dari {old} {unit} ({period}) "
                    "menjadi {new} {unit}; tulis jumlah sejak awal tahun",
                    old=output[sid][1],
                    period=output[sid][0].label,
                    new=amount,
                    unit=entry.keluaran.satuan,
                )
            output[sid] = (f.period, amount)


@rule("RL07", "realisasi.penjelasan", E, "Capaian di bawah ambang dijelaskan.")
def explained(ctx: Context) -> Iterator[Finding]:
    """
    Bila capaian triwulan atau capaian sampai triwulan itu di bawah ambang (bawaan 100%:
    setiap target yang tidak tercapai; diatur di ``instansi.yaml: pemantauan.
    ambang_penjelasan``), realisasi indikator itu harus menulis ``faktor_penghambat`` dan
    ``upaya_perbaikan``. Itulah gunanya pemantauan: tahu apa yang menghambat dan apa yang
    akan dilakukan.

    Target yang dinilai tanpa persen (batas maksimal/minimal, target bertingkat, distribusi)
    yang "belum tercapai" juga wajib dijelaskan, kecuali ambangnya 0 (penjelasan tidak
    diwajibkan). Target 0 yang makin rendah makin baik dengan realisasi di atas 0 tidak
    tercapai (capaian 0%), jadi wajib dijelaskan. Berkas semester, tahunan dan s.d.
    tanggal dinilai terhadap target yang berlaku di akhir periodenya.
    """
    plan = ctx.plan
    loaded = _files(ctx)
    if not loaded:
        return
    settings = state.settings(plan)
    indikator: dict[str, tuple[Indikator, str | None]] = {}
    for ind, owner in state.all_indikator(plan):
        indikator.setdefault(ind.id, (ind, owner))
    files = state.reports(plan, 4)
    for f in loaded:
        q = f.period.number if f.period.kind == "triwulan" else None
        if q is not None and files.get(q) is not f.model:
            continue
        seen: set[str] = set()
        for i, entry in enumerate(f.model.indikator):
            found = indikator.get(entry.id)
            if found is None or entry.id in seen:
                continue  # a repeated id is RL03's; its first entry is the one used
            seen.add(entry.id)
            if q is not None:
                progress = state.indikator_progress(found[0], found[1], files, q, settings)
            else:
                progress = state.indikator_at(found[0], found[1], f.model, f.period, settings)
            reason = _shortfall(progress, settings.threshold)
            if reason is None:
                continue
            absent = [
                key
                for key in ("faktor_penghambat", "upaya_perbaikan")
                if not (getattr(entry, key) or "").strip()
            ]
            if absent:
                message, args = reason
                yield Finding(
                    ctx.at(f.doc, ("indikator", i, "realisasi")),
                    message,
                    {**args, "id": entry.id, "fields": " dan ".join(absent)},
                )


def _shortfall(
    progress: state.IndikatorProgress, threshold: Decimal
) -> tuple[str, dict[str, object]] | None:
    """(message, args) when the progress needs explaining, else None."""
    low = progress.lowest()
    if low is not None and rounded(low) < threshold:
        return (
            "capaian {id} {value} di bawah ambang {threshold}; tulis {fields}",
            {"value": Capaian(low), "threshold": Percent(threshold)},
        )
    missed = progress.missed()
    if missed is not None and threshold > 0:
        return "target {id} {note}; tulis {fields}", {"note": missed.note}
    return None


@rule("RL08", "realisasi.bulan", E, "Bulan terlaksana berada di triwulan berkasnya.")
def months_in_quarter(ctx: Context) -> Iterator[Finding]:
    """
    Bulan terlaksana sebuah aksi (1-12) dilaporkan di berkas triwulannya: ``tw1.yaml``
    hanya Januari sampai Maret. Aksi yang terlaksana di bulan lain dilaporkan di berkas triwulan
    bulan itu. Berkas s.d. akhir periode memuat bulan Januari sampai akhir periodenya:
    ``s1.yaml`` Januari-Juni, ``sd-2024-10-31.yaml`` Januari-Oktober.
    """
    for f in _files(ctx):
        months = f.period.months
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
                    elif month not in months and not f.period.to_date:
                        yield ctx.finding(
                            f.doc,
                            ("sub_kegiatan", i, "aksi", j, "bulan", k),
                            "{month} bukan bulan Triwulan {q} ({first}-{last}); laporkan di "
                            "realisasi/tw{other}.yaml",
                            month=MONTHS[month - 1],
                            q=ROMAN[f.period.number - 1],
                            first=MONTHS[months[0] - 1],
                            last=MONTHS[months[-1] - 1],
                            other=(month - 1) // 3 + 1,
                        )
                    elif month not in months:
                        yield ctx.finding(
                            f.doc,
                            ("sub_kegiatan", i, "aksi", j, "bulan", k),
                            "{month} sesudah akhir periode berkas ini ({upto}); laporkan di "
                            "berkas periode berikutnya",
                            month=MONTHS[month - 1],
                            upto=f.period.upto,
                        )


@rule("RL09", "realisasi.negatif", E, "Realisasi tidak negatif.")
def not_negative(ctx: Context) -> Iterator[Finding]:
    """
    Realisasi indikator dan realisasi keluaran tidak boleh negatif. Indikator yang makin
    kecil makin baik (``arah: turun``) tetap ditulis dengan angka apa adanya; rumus
    capaiannya yang membalik.
    """
    files = _files(ctx)
    if not files:
        return
    indikator = _indikator(ctx)
    for f in files:
        for i, entry in enumerate(f.model.indikator):
            value = entry.realisasi
            if isinstance(value, Decimal) and value < 0:
                ind = indikator.get(entry.id)
                yield ctx.finding(
                    f.doc,
                    ("indikator", i, "realisasi"),
                    "realisasi {id} tidak boleh negatif, ditemukan {value}",
                    id=entry.id,
                    value=in_unit(value, ind.satuan) if ind else value,
                )
            for level, share in value if isinstance(value, tuple) else ():
                if share < 0:
                    yield ctx.finding(
                        f.doc,
                        ("indikator", i, "realisasi", level),
                        "porsi {level} realisasi {id} tidak boleh negatif, ditemukan {value}",
                        level=level,
                        id=entry.id,
                        value=Percent(share),
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
    files = _files(ctx)
    if ctx.plan.pk is None or not files:
        return
    indikator = _indikator(ctx)
    subs = ctx.unit_index()
    rencana = _rencana(ctx)
    for f in files:
        reported = {e.id for e in f.model.indikator}
        missing = [i for i in indikator if i not in reported]
        if missing:
            yield _missing(ctx, f, "indikator", "indikator", missing)
        reported = {e.sub_kegiatan for e in f.model.sub_kegiatan}
        missing = [s for s in subs if s not in reported]
        if missing:
            what = units_word(subs[s].level for s in missing)
            yield _missing(ctx, f, "sub_kegiatan", what, missing)
        months = set(f.period.months)
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
                    "aksi {id} yang dijadwalkan {when} belum dilaporkan: nomor {due}",
                    id=sub.sub_kegiatan,
                    when=_during(f.period),
                    due=", ".join(due),
                )


def _missing(ctx: Context, f: _File, key: str, what: str, missing: list[str]) -> Finding:
    root = f.doc.root if isinstance(f.doc.root, dict) else {}
    own = _PERIOD_KEYS.get(f.period.kind, "")
    return ctx.finding(
        f.doc,
        (key,) if key in root else (own,) if own in root else (),
        "{what} belum dilaporkan {when}: {ids}",
        at_key=True,
        what=what,
        when=_during(f.period),
        ids=walk.listing(missing),
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
