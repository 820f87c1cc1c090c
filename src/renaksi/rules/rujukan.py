"""Reference and coverage rules (``RF``): every id is unique, every reference resolves, and
every budgeted sub kegiatan has an action plan in the bidang that owns it.
"""

from __future__ import annotations

from collections.abc import Iterator

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.values import Rupiah
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E, W = Severity.ERROR, Severity.WARNING


@rule("RF01", "rujukan.id-ganda", E, "Setiap id dipakai sekali.")
def unique_ids(ctx: Context) -> Iterator[Finding]:
    """
    Pengenal (``id``) sasaran strategis, indikator (di PK dan semua berkas bidang) dan sub
    kegiatan harus unik di seluruh rencana, karena berkas lain, laporan dan ``renaksi diff``
    merujuk dengan id itu. Temuan menunjuk kemunculan kedua dan menyebut yang pertama.
    """
    groups: dict[str, list[tuple[PlanFile, KeyPath, str]]] = {
        "sasaran strategis": [],
        "indikator": [],
        "sub kegiatan": [],
    }
    plan = ctx.plan
    if plan.instansi is not None and plan.instansi_doc is not None:
        for i, s in enumerate(plan.instansi.renstra.sasaran_strategis):
            groups["sasaran strategis"].append(
                (plan.instansi_doc, ("renstra", "sasaran_strategis", i, "id"), s.id)
            )
    for ind in walk.indikator(plan):
        groups["indikator"].append((ind.doc, (*ind.path, "id"), ind.item.id))
    for sub in walk.plan_sub_kegiatan(plan):
        groups["sub kegiatan"].append((sub.doc, (*sub.path, "id"), sub.item.id))
    for what, entries in groups.items():
        first: dict[str, tuple[PlanFile, KeyPath]] = {}
        for doc, path, ident in entries:
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


@rule("RF02", "rujukan.bidang", E, "Sub kegiatan dimiliki bidang yang ada.")
def owner_exists(ctx: Context) -> Iterator[Finding]:
    """
    Setiap sub kegiatan di ``perjanjian-kinerja.yaml`` menyebut bidang pemiliknya
    (``bidang: politik``), dan bidang itu harus punya berkas ``bidang/politik.yaml``.
    """
    slugs = ctx.plan.bidang_slugs
    for sub in walk.plan_sub_kegiatan(ctx.plan):
        if sub.item.bidang in slugs:
            continue
        yield ctx.finding(
            sub.doc,
            (*sub.path, "bidang"),
            "bidang {slug} tidak ada (berkas bidang/{slug}.yaml tidak ditemukan); bidang yang ada: "
            "{known}{hint}",
            slug=sub.item.bidang,
            known=", ".join(slugs) or "-",
            hint=walk.nearest(ctx.hints, sub.item.bidang, slugs),
        )


@rule("RF03", "rujukan.sub-kegiatan", E, "Rencana aksi merujuk sub kegiatan yang ada.")
def planned_exists(ctx: Context) -> Iterator[Finding]:
    """
    ``sub_kegiatan`` di rencana aksi sebuah berkas bidang harus id sub kegiatan yang ada
    di ``perjanjian-kinerja.yaml``.
    """
    if ctx.plan.pk is None:
        return
    ids = {s.item.id for s in walk.plan_sub_kegiatan(ctx.plan)}
    for _, ren in walk.rencana(ctx.plan):
        ident = ren.item.sub_kegiatan
        if ident in ids:
            continue
        yield ctx.finding(
            ren.doc,
            (*ren.path, "sub_kegiatan"),
            "sub kegiatan {id} tidak ada di perjanjian-kinerja.yaml{hint}",
            id=ident,
            hint=walk.nearest(ctx.hints, ident, ids),
        )


@rule("RF04", "rujukan.bidang-pemilik", E, "Rencana aksi ada di berkas bidang pemiliknya.")
def planned_by_owner(ctx: Context) -> Iterator[Finding]:
    """
    Sebuah sub kegiatan direncanakan oleh bidang yang memilikinya menurut
    ``perjanjian-kinerja.yaml``. Bila tanggung jawab berpindah, ubah ``bidang:`` di PK dan
    pindahkan rencana aksinya bersama-sama.
    """
    owner = {s.item.id: s for s in walk.plan_sub_kegiatan(ctx.plan)}
    slugs = ctx.plan.bidang_slugs
    for entry, ren in walk.rencana(ctx.plan):
        sub = owner.get(ren.item.sub_kegiatan)
        # An owner with no bidang file is RF02's finding; saying it twice helps nobody.
        if sub is None or sub.item.bidang == entry.slug or sub.item.bidang not in slugs:
            continue
        where = ctx.at(sub.doc, (*sub.path, "bidang"))
        yield ctx.finding(
            ren.doc,
            (*ren.path, "sub_kegiatan"),
            "sub kegiatan {id} milik bidang {owner} (lihat {where}), tetapi direncanakan di "
            "bidang {here}",
            related=[where],
            id=sub.item.id,
            owner=sub.item.bidang,
            where=str(where),
            here=entry.slug,
        )


@rule("RF05", "rujukan.rencana-ganda", E, "Setiap sub kegiatan direncanakan sekali.")
def planned_once(ctx: Context) -> Iterator[Finding]:
    """
    Satu sub kegiatan hanya punya satu rencana aksi. Dua entri untuk sub kegiatan yang sama
    (di satu berkas atau di dua berkas bidang) membuat nomor aksi dan target ganda.
    """
    seen: dict[str, tuple[PlanFile, KeyPath]] = {}
    for _, ren in walk.rencana(ctx.plan):
        ident = ren.item.sub_kegiatan
        path = (*ren.path, "sub_kegiatan")
        if ident not in seen:
            seen[ident] = (ren.doc, path)
            continue
        where = ctx.at(*seen[ident])
        yield ctx.finding(
            ren.doc,
            path,
            "sub kegiatan {id} sudah direncanakan di {where}",
            related=[where],
            id=ident,
            where=str(where),
        )


@rule(
    "RF06",
    "rujukan.tanpa-aksi",
    W,
    "Sub kegiatan berpagu tanpa rencana aksi.",
    aliases=("cakupan.tanpa-aksi",),
)
def budgeted_has_aksi(ctx: Context) -> Iterator[Finding]:
    """
    Setiap sub kegiatan yang diberi pagu seharusnya punya rencana aksi (di berkas bidang
    pemiliknya; rencana di berkas lain dilaporkan oleh RF04); tanpa itu uangnya
    dianggarkan tetapi tidak ada yang dijadwalkan atau dapat dipantau. Ini peringatan
    (rencana tetap sah), kecuali dengan ``--strict``. Dokumen 2024 punya dua: monitoring
    Ormas (Rp 125.000.000) dan koordinasi Ekonomi (Rp 263.500.000).
    """
    with_aksi = {ren.item.sub_kegiatan for _, ren in walk.rencana(ctx.plan) if ren.item.aksi}
    # A bidang file that did not load has its own findings; its plans are unknown, not absent.
    unread = {e.slug for e in ctx.plan.bidang if e.model is None}
    for sub in walk.plan_sub_kegiatan(ctx.plan):
        if sub.item.pagu <= 0 or sub.item.id in with_aksi or sub.item.bidang in unread:
            continue
        yield ctx.finding(
            sub.doc,
            (*sub.path, "id"),
            "sub kegiatan {id} berpagu {pagu} tetapi tidak punya aksi di bidang/{slug}.yaml",
            id=sub.item.id,
            pagu=Rupiah(sub.item.pagu),
            slug=sub.item.bidang,
        )


@rule("RF07", "rujukan.sasaran-indikator", E, "Rujukan ke sasaran dan indikator ada.")
def goals_exist(ctx: Context) -> Iterator[Finding]:
    """
    ``sasaran`` pada indikator (IKU, PK, bidang) harus id sasaran strategis di
    ``instansi.yaml``; ``indikator`` pada program harus id indikator PK.
    """
    plan = ctx.plan
    if plan.instansi is not None and plan.instansi_doc is not None:
        goals = {s.id for s in plan.instansi.renstra.sasaran_strategis}
        refs: list[tuple[PlanFile, KeyPath, str]] = [
            (plan.instansi_doc, ("iku", "indikator", i, "sasaran"), iku.sasaran)
            for i, iku in enumerate(plan.instansi.iku.indikator)
        ]
        refs += [(i.doc, (*i.path, "sasaran"), i.item.sasaran) for i in walk.indikator(plan)]
        for doc, path, ident in refs:
            if ident not in goals:
                yield ctx.finding(
                    doc,
                    path,
                    "sasaran strategis {id} tidak ada di instansi.yaml{hint}",
                    id=ident,
                    hint=walk.nearest(ctx.hints, ident, goals),
                )
    if plan.pk is not None and plan.pk_doc is not None:
        pk_ids = [i.id for i in plan.pk.indikator]
        known = set(pk_ids)
        others = {i.item.id for i in walk.indikator(plan)} - known
        for prog in walk.programs(plan.pk_doc, plan.pk):
            wanted = prog.item.indikator
            if wanted is None or wanted in known:
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
                known=", ".join(pk_ids),
            )


RULES = (
    unique_ids,
    owner_exists,
    planned_exists,
    planned_by_owner,
    planned_once,
    budgeted_has_aksi,
    goals_exist,
)
