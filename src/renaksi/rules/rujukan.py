"""Reference and coverage rules (``RF``): every id is unique, every reference resolves, and
every budgeted unit (sub kegiatan, or APBN kegiatan or output) has an action plan in the
bidang that owns it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.model import BudgetUnit
from renaksi.plan.values import Absent, Rupiah
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E, W = Severity.ERROR, Severity.WARNING

#: A place where an id is given: the file, the path of the ``id``, the id, and what it names.
_IdPlace = tuple[PlanFile, KeyPath, str, str]


def _level(key: str) -> str:
    """What a rencana aksi key names: sub_kegiatan -> "sub kegiatan"."""
    return key.replace("_", " ")


@rule("RF01", "rujukan.id-ganda", E, "Setiap id dipakai sekali.")
def unique_ids(ctx: Context) -> Iterator[Finding]:
    """
    Pengenal (``id``) harus unik di seluruh rencana, karena berkas lain, laporan dan
    ``renaksi diff`` merujuk dengan id itu. Unik per jenis: sasaran (strategis, program dan
    kegiatan), indikator (di PK dan semua berkas bidang), program, kelompok indikator, dan
    anggaran (kegiatan, sub kegiatan dan output). Temuan menunjuk kemunculan kedua dan
    menyebut yang pertama.
    """
    for entries in _id_groups(ctx):
        first: dict[str, tuple[PlanFile, KeyPath]] = {}
        for doc, path, ident, what in entries:
            if ident not in first:
                first[ident] = (doc, path)
                continue
            where = ctx.at(*first[ident])
            yield ctx.finding(
                doc,
                path,
                "id {what} {id} sudah dipakai di {where}",
                related=[where],
                what=what,
                id=ident,
                where=str(where),
            )


def _id_groups(ctx: Context) -> list[list[_IdPlace]]:
    """The ids that must differ from each other, group by group."""
    plan = ctx.plan
    sasaran: list[_IdPlace] = []
    if plan.instansi is not None and plan.instansi_doc is not None:
        for i, s in enumerate(plan.instansi.sasaran_strategis):
            path = ("renstra", "sasaran_strategis", i, "id")
            sasaran.append((plan.instansi_doc, path, s.id, "sasaran strategis"))
    indikator = [(i.doc, (*i.path, "id"), i.item.id, "indikator") for i in ctx.indikator()]
    program: list[_IdPlace] = []
    kelompok: list[_IdPlace] = []
    budget: list[_IdPlace] = []
    pk, doc = plan.pk, plan.pk_doc
    if pk is not None and doc is not None:
        for i, sp in enumerate(pk.sasaran_program):
            sasaran.append((doc, ("sasaran_program", i, "id"), sp.id, "sasaran program"))
        for i, sk in enumerate(pk.sasaran_kegiatan):
            sasaran.append((doc, ("sasaran_kegiatan", i, "id"), sk.id, "sasaran kegiatan"))
        for i, group in enumerate(pk.kelompok_indikator):
            kelompok.append((doc, ("kelompok_indikator", i, "id"), group.id, "kelompok indikator"))
        for prog in ctx.programs():
            if prog.item.id is not None:
                program.append((doc, (*prog.path, "id"), prog.item.id, "program"))
        # Kegiatan ids and unit ids share one namespace: a unit is found by its id alone.
        budget += [
            (doc, (*keg.path, "id"), keg.item.id, "kegiatan")
            for keg in ctx.kegiatan()
            if keg.item.id is not None
        ]
        budget += [
            (doc, (*u.path, "id"), u.item.id, u.item.level)
            for u in ctx.units()
            if u.item.level != "kegiatan"
        ]
    return [sasaran, indikator, program, kelompok, budget]


@rule("RF02", "rujukan.bidang", E, "Unit berpagu dimiliki bidang yang ada.")
def owner_exists(ctx: Context) -> Iterator[Finding]:
    """
    Setiap sub kegiatan di ``perjanjian-kinerja.yaml`` (pada anggaran APBN: setiap kegiatan
    berpagu atau output) menyebut bidang pemiliknya (``bidang: politik``), dan bidang itu
    harus punya berkas ``bidang/politik.yaml``. Folder yang hanya berisi Perjanjian Kinerja
    (tanpa folder ``bidang/``) tidak punya bidang, jadi tidak diperiksa.
    """
    if ctx.plan.pk_only:
        return
    slugs = ctx.plan.bidang_slugs
    for unit in ctx.units():
        if unit.item.bidang is None or unit.item.bidang in slugs:
            continue  # no bidang written: SC02's finding (BG05's for an APBN kegiatan)
        yield ctx.finding(
            unit.doc,
            (*unit.path, "bidang"),
            "bidang {slug} tidak ada (berkas bidang/{slug}.yaml tidak ditemukan); bidang yang ada: "
            "{known}{hint}",
            slug=unit.item.bidang,
            known=walk.listing(slugs),
            hint=walk.nearest(ctx.hints, unit.item.bidang, slugs),
        )


@rule("RF03", "rujukan.sub-kegiatan", E, "Rencana aksi merujuk unit berpagu yang ada.")
def planned_exists(ctx: Context) -> Iterator[Finding]:
    """
    Rencana aksi sebuah berkas bidang menyebut yang direncanakannya dengan id di
    ``perjanjian-kinerja.yaml``: ``sub_kegiatan:`` (anggaran pemda), ``kegiatan:`` (kegiatan
    APBN yang berpagu sendiri) atau ``output:``. Id itu harus ada, dan harus id dari jenis
    yang disebut kuncinya: kegiatan yang dirinci menjadi sub kegiatan atau output
    direncanakan per rinciannya.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None:
        return
    units = ctx.unit_index()
    # Kegiatan that are no unit: divided into parts, or without a pagu of their own.
    divided = {
        keg.item.id: bool(keg.item.sub_kegiatan or keg.item.output)
        for keg in ctx.kegiatan()
        if keg.item.id is not None and keg.item.id not in units
    }
    for _, ren, key, ident in ctx.planned():
        unit = units.get(ident)
        if unit is not None and unit.key == key:
            continue
        message, args = _unplanned(key, ident, unit, divided, ctx)
        yield Finding(ctx.at(ren.doc, (*ren.path, key)), message, args)


def _ids_by_key(ctx: Context) -> Mapping[str, list[str]]:
    """The ids of the budgeted units by the key a rencana aksi names them with, in the
    PK's order: made once, not once per reference (a thousand broken references among a
    thousand units would otherwise cost a million steps)."""

    def make() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for unit in ctx.unit_index().values():
            out.setdefault(unit.key, []).append(unit.id)
        return out

    return ctx.once("unit ids by key", make)


def _unplanned(
    key: str,
    ident: str,
    unit: BudgetUnit | None,
    divided: dict[str, bool],
    ctx: Context,
) -> tuple[str, dict[str, object]]:
    """Why a rencana aksi reference names no unit of its kind: message and arguments
    (the hint looked up within the plan's budget, ``ctx.hints``)."""
    if unit is not None:
        return (
            "{id} adalah {actual} di perjanjian-kinerja.yaml, bukan {written}; tulis {key}: {id}",
            {"id": ident, "actual": unit.level, "written": _level(key), "key": unit.key},
        )
    if key == "kegiatan" and ident in divided:
        if divided[ident]:
            why = "dirinci menjadi sub kegiatan atau output; rencananya ditulis per rincian itu"
        else:
            why = "tidak berpagu sendiri: pagunya tidak ditulis"
        return "kegiatan {id} {why}", {"id": ident, "why": why}
    same = _ids_by_key(ctx).get(key, [])
    return (
        "{level} {id} tidak ada di perjanjian-kinerja.yaml{hint}",
        {"level": _level(key), "id": ident, "hint": walk.nearest(ctx.hints, ident, same)},
    )


@rule("RF04", "rujukan.bidang-pemilik", E, "Rencana aksi ada di berkas bidang pemiliknya.")
def planned_by_owner(ctx: Context) -> Iterator[Finding]:
    """
    Sebuah unit berpagu (sub kegiatan, atau kegiatan dan output APBN) direncanakan oleh
    bidang yang memilikinya menurut ``perjanjian-kinerja.yaml``. Bila tanggung jawab
    berpindah, ubah ``bidang:`` di PK dan pindahkan rencana aksinya bersama-sama.
    """
    owner = ctx.placed_by_id()
    slugs = ctx.plan.bidang_slugs
    for entry, ren, key, ident in ctx.planned():
        unit = walk.named_unit(owner, key, ident)
        # An owner with no bidang file is RF02's finding; saying it twice helps nobody.
        if unit is None or unit.item.bidang == entry.slug or unit.item.bidang not in slugs:
            continue
        where = ctx.at(unit.doc, (*unit.path, "bidang"))
        yield ctx.finding(
            ren.doc,
            (*ren.path, key),
            "{level} {id} milik bidang {owner} (lihat {where}), tetapi direncanakan di "
            "bidang {here}",
            related=[where],
            level=unit.item.level,
            id=unit.item.id,
            owner=unit.item.bidang,
            where=str(where),
            here=entry.slug,
        )


@rule("RF05", "rujukan.rencana-ganda", E, "Setiap unit berpagu direncanakan sekali.")
def planned_once(ctx: Context) -> Iterator[Finding]:
    """
    Satu sub kegiatan (atau kegiatan atau output APBN) hanya punya satu rencana aksi. Dua
    entri untuk yang sama (di satu berkas atau di dua berkas bidang) membuat nomor aksi dan
    target ganda.
    """
    seen: dict[str, tuple[PlanFile, KeyPath]] = {}
    for _, ren, key, ident in ctx.planned():
        path = (*ren.path, key)
        if ident not in seen:
            seen[ident] = (ren.doc, path)
            continue
        where = ctx.at(*seen[ident])
        yield ctx.finding(
            ren.doc,
            path,
            "{level} {id} sudah direncanakan di {where}",
            related=[where],
            level=_level(key),
            id=ident,
            where=str(where),
        )


@rule(
    "RF06",
    "rujukan.tanpa-aksi",
    W,
    "Unit berpagu tanpa rencana aksi.",
    aliases=("cakupan.tanpa-aksi",),
)
def budgeted_has_aksi(ctx: Context) -> Iterator[Finding]:
    """
    Setiap unit yang diberi pagu (sub kegiatan; pada anggaran APBN kegiatan yang berpagu
    sendiri atau output) seharusnya punya rencana aksi (di berkas bidang pemiliknya;
    rencana di berkas lain dilaporkan oleh RF04); tanpa itu uangnya dianggarkan tetapi
    tidak ada yang dijadwalkan atau dapat dipantau. Ini peringatan
    (rencana tetap sah), kecuali dengan ``--strict``. Dokumen 2024 punya dua: monitoring
    Ormas (Rp 125.000.000) dan koordinasi Ekonomi (Rp 263.500.000). PK yang anggarannya
    tidak tercantum tidak punya unit berpagu.

    Unit yang pagunya ``tidak tercantum`` tidak dianggap berpagu (TC01 mencatat pagunya),
    dan folder yang hanya berisi Perjanjian Kinerja (tanpa folder ``bidang/``) tidak punya
    rencana aksi, jadi tidak diperiksa.
    """
    if ctx.plan.pk_only:
        return
    with_aksi = {(key, ident) for _, ren, key, ident in ctx.planned() if ren.item.aksi}
    # A bidang file that did not load has its own findings; its plans are unknown, not absent.
    unread = {e.slug for e in ctx.plan.bidang if e.model is None}
    for unit in ctx.units():
        item = unit.item
        pagu, owner = item.pagu, item.bidang
        if isinstance(pagu, Absent) or pagu <= 0 or owner is None:  # owner: SC02's, BG05's
            continue
        if (item.key, item.id) in with_aksi or owner in unread:
            continue
        yield ctx.finding(
            unit.doc,
            (*unit.path, "id"),
            "{level} {id} berpagu {pagu} tetapi tidak punya aksi di bidang/{slug}.yaml",
            level=item.level,
            id=item.id,
            pagu=Rupiah(pagu),
            slug=owner,
        )


@rule("RF07", "rujukan.sasaran-indikator", E, "Rujukan ke sasaran dan indikator ada.")
def goals_exist(ctx: Context) -> Iterator[Finding]:
    """
    ``sasaran`` pada indikator PK dan bidang harus id sasaran di rencana: sasaran strategis
    di ``instansi.yaml``, atau sasaran program dan sasaran kegiatan di
    ``perjanjian-kinerja.yaml`` (indikator yang menunjuk sasaran program adalah indikator
    kinerja program, IKP; sasaran kegiatan: indikator kinerja kegiatan, IKK). ``sasaran``
    pada IKU harus sasaran strategis. ``indikator`` pada program harus id indikator PK.
    """
    yield from _sasaran_refs(ctx)
    yield from _program_indikator(ctx)


def _sasaran_refs(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.instansi is None or plan.instansi_doc is None:
        return
    strategis = [s.id for s in plan.instansi.sasaran_strategis]
    tiers: list[str] = []
    if plan.pk is not None:
        tiers = [s.id for s in plan.pk.sasaran_program] + [s.id for s in plan.pk.sasaran_kegiatan]
    iku = [
        (plan.instansi_doc, ("iku", "indikator", i, "sasaran"), ind.sasaran)
        for i, ind in enumerate(plan.instansi.iku_indikator)
    ]
    others = [(i.doc, (*i.path, "sasaran"), i.item.sasaran) for i in ctx.indikator()]
    for goals, refs in ((strategis, iku), (strategis + tiers, others)):
        present = set(goals)  # thousands of references among thousands of ids: no list scans
        for doc, path, ident in refs:
            if ident in present:
                continue
            # Without tiers, every sasaran is a sasaran strategis: say so, as before tiers.
            message = (
                "sasaran strategis {id} tidak ada di instansi.yaml{hint}"
                if len(goals) == len(strategis)
                else "sasaran {id} tidak ada: bukan sasaran strategis di instansi.yaml, bukan "
                "sasaran program atau sasaran kegiatan di perjanjian-kinerja.yaml{hint}"
            )
            yield ctx.finding(
                doc, path, message, id=ident, hint=walk.nearest(ctx.hints, ident, goals)
            )


def _program_indikator(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.pk is None or plan.pk_doc is None:
        return
    pk_ids = [i.id for i in plan.pk.indikator]
    present = set(pk_ids)
    others = {i.item.id for i in ctx.indikator()} - present
    for prog in ctx.programs():
        wanted = prog.item.indikator
        if wanted is None or wanted in present:
            continue
        if wanted in others:
            message = "{id} adalah indikator bidang; program menunjang indikator PK ({known})"
        else:
            message = "indikator {id} tidak ada di daftar indikator PK{hint}"
        yield ctx.finding(
            prog.doc,
            (*prog.path, "indikator"),
            message,
            id=wanted,
            hint=walk.nearest(ctx.hints, wanted, pk_ids),
            known=walk.listing(pk_ids),
        )


@rule(
    "RF08",
    "rujukan.tingkat",
    E,
    "Sasaran program dan kegiatan merujuk program dan kegiatan yang ada; kelompok indikator "
    "yang dirujuk dideklarasikan.",
)
def tiers_exist(ctx: Context) -> Iterator[Finding]:
    """
    Sasaran program menyebut program yang ditujunya (``program:``, id program di
    ``perjanjian-kinerja.yaml``) dan sasaran kegiatan kegiatannya (``kegiatan:``, id
    kegiatan), sehingga tabel indikator kinerja program (IKP) dan indikator kinerja kegiatan
    (IKK) dapat mencetak keduanya. Program dan kegiatan yang dirujuk perlu ``id``. Indikator
    PK yang ber-``kelompok:`` (mis. indikator kinerja tambahan) menunjuk id di
    ``kelompok_indikator``.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None:
        return
    programs = [p.item.id for p in ctx.programs() if p.item.id is not None]
    kegiatan = [k.item.id for k in ctx.kegiatan() if k.item.id is not None]
    groups = [g.id for g in pk.kelompok_indikator]
    refs: list[tuple[KeyPath, str, str, list[str]]] = [
        (("sasaran_program", i, "program"), s.program, "program", programs)
        for i, s in enumerate(pk.sasaran_program)
    ]
    refs += [
        (("sasaran_kegiatan", i, "kegiatan"), s.kegiatan, "kegiatan", kegiatan)
        for i, s in enumerate(pk.sasaran_kegiatan)
    ]
    refs += [
        (("indikator", i, "kelompok"), ind.kelompok, "kelompok indikator", groups)
        for i, ind in enumerate(pk.indikator)
        if ind.kelompok is not None
    ]
    present = {"program": set(programs), "kegiatan": set(kegiatan)}
    present["kelompok indikator"] = set(groups)
    for path, ident, what, known in refs:
        if ident in present[what]:
            continue
        yield ctx.finding(
            doc,
            path,
            "{what} {id} tidak ada di perjanjian-kinerja.yaml ({known}){hint}",
            what=what,
            id=ident,
            known=f"{what} yang ber-id: {walk.listing(known)}"
            if known
            else f"tidak ada {what} ber-id",
            hint=walk.nearest(ctx.hints, ident, known),
        )


@rule("RF09", "rujukan.catatan-sumber", E, "Catatan sumber menandai nilai yang ada.")
def marks_mark_something(ctx: Context) -> Iterator[Finding]:
    """
    Catatan sumber (``catatan_sumber``) menandai nilai yang tidak disalin apa adanya dari
    dokumen sumber (direkonstruksi, diperkirakan atau direkonsiliasi) dan dicetak di samping
    nilai itu. Catatan yang tidak menandai apa pun membuat dokumen cetak mengatakan sesuatu
    yang tidak ada, jadi ditolak: ``isian: bulan`` pada berkas bidang yang tidak punya aksi
    berbulan, atau di ``instansi.yaml`` pada rencana yang tidak punya aksi berbulan di berkas
    bidang mana pun; ``isian: pagu`` pada sub kegiatan atau output yang pagunya
    ``tidak tercantum``, pada kegiatan yang tidak punya pagu tercantum (pagunya sendiri
    maupun pagu rinciannya), atau di ``instansi.yaml`` pada rencana tanpa pagu tercantum sama
    sekali (mis. ``anggaran: tidak tercantum``). Nilai yang tidak dinyatakan dokumen ditulis
    ``tidak tercantum`` dan tidak ditandai: yang tidak ada tidak dapat direkonstruksi atau
    direkonsiliasi. Hapus catatannya, atau tulis nilainya. Catatan pada satu aksi selalu
    menandai nilai: setiap aksi punya bulan (aksi tanpa bulan adalah JD01).
    Bentuk catatan (``jenis``, ``isian`` yang boleh di tempat itu, ``alasan``) diperiksa
    aturan skema (SC02, SC06).
    """
    scheduled = False
    for entry, doc in walk.loaded_bidang(ctx.plan):
        assert entry.model is not None
        if any(a.bulan for ren in entry.model.rencana_aksi for a in ren.aksi):
            scheduled = True
            continue
        for k in range(len(entry.model.catatan_sumber)):
            yield ctx.finding(
                doc,
                ("catatan_sumber", k, "isian"),
                "catatan sumber menandai bulan aksi di bidang/{slug}.yaml, tetapi tidak ada "
                "aksi berbulan di berkas itu",
                slug=entry.slug,
            )
    yield from _plan_marks(ctx, scheduled)
    yield from _pagu_marks(ctx)


def _plan_marks(ctx: Context, scheduled: bool) -> Iterator[Finding]:
    plan = ctx.plan
    # A bidang file that did not load may hold the months: unknown, not absent.
    if plan.instansi is None or plan.instansi_doc is None or scheduled:
        return
    if any(entry.model is None for entry in plan.bidang):
        return
    for k, mark in enumerate(plan.instansi.catatan_sumber):
        if mark.isian == "bulan":
            yield ctx.finding(
                plan.instansi_doc,
                ("catatan_sumber", k, "isian"),
                "catatan sumber menandai bulan aksi seluruh rencana, tetapi tidak ada aksi "
                "berbulan di berkas bidang mana pun",
            )


def _stated(pagu: object) -> bool:
    return isinstance(pagu, int)


def _pagu_marks(ctx: Context) -> Iterator[Finding]:
    """Pagu notes on a pagu that is not stated: of a part, a kegiatan, or the whole plan."""
    plan = ctx.plan
    if plan.pk is None or plan.pk_doc is None:
        return
    for placed in ctx.units():
        unit = placed.item
        if unit.level == "kegiatan" or _stated(unit.pagu):
            continue  # an APBN kegiatan's notes are the kegiatan's, below
        for k in range(len(unit.catatan_sumber)):
            yield ctx.finding(
                placed.doc,
                (*placed.path, "catatan_sumber", k, "isian"),
                "catatan sumber menandai pagu {level} {id}, tetapi pagunya tidak tercantum",
                level=unit.level,
                id=unit.id,
            )
    for keg in ctx.kegiatan():
        parts = (*keg.item.sub_kegiatan, *keg.item.output)
        if _stated(keg.item.pagu) or any(_stated(p.pagu) for p in parts):
            continue
        for k in range(len(keg.item.catatan_sumber)):
            yield ctx.finding(
                keg.doc,
                (*keg.path, "catatan_sumber", k, "isian"),
                "catatan sumber menandai pagu kegiatan {nama}, tetapi tidak ada pagu tercantum "
                "di kegiatan itu",
                nama=keg.item.nama,
            )
    yield from _plan_pagu_marks(ctx)


def _plan_pagu_marks(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.pk is None or plan.instansi is None or plan.instansi_doc is None:
        return
    if not isinstance(plan.pk.anggaran, Absent) and any(
        _stated(unit.pagu) for unit in ctx.pk_units()
    ):
        return
    for k, mark in enumerate(plan.instansi.catatan_sumber):
        if mark.isian == "pagu":
            yield ctx.finding(
                plan.instansi_doc,
                ("catatan_sumber", k, "isian"),
                "catatan sumber menandai pagu seluruh rencana, tetapi tidak ada pagu tercantum "
                "di perjanjian-kinerja.yaml",
            )


RULES = (
    unique_ids,
    owner_exists,
    planned_exists,
    planned_by_owner,
    planned_once,
    budgeted_has_aksi,
    goals_exist,
    tiers_exist,
    marks_mark_something,
)
