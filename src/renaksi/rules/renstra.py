"""Renstra rules (``RS``): the years of the Renstra and the IKU across them.

The Renstra states, for each IKU, a target for every year of its period (besides the
kondisi awal and target akhir, ``instansi.yaml: iku.indikator[].target_per_tahun``). A PK
indicator tied to an IKU (``iku: <id>``) carries that year's target, or says why not;
evaluators ask both whether the PK follows the Renstra and whether indicators change too
often, so an IKU that disappears or is renamed from last year's folder is named.
Targets the source does not state (``tidak tercantum``) are passed over, as everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renaksi.plan.file import KeyPath
from renaksi.plan.findings import Severity
from renaksi.plan.model import IkuIndikator, InstansiFile, TargetRenstra
from renaksi.plan.values import Absent
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule
from renaksi.text.formats import target as target_text

E, W = Severity.ERROR, Severity.WARNING
_IKU: KeyPath = ("iku", "indikator")


def _ikus(instansi: InstansiFile | None) -> dict[str, tuple[int, IkuIndikator]]:
    """Each IKU with an id, by id, with its position (the first of a duplicate wins)."""
    found: dict[str, tuple[int, IkuIndikator]] = {}
    for i, iku in enumerate([] if instansi is None else instansi.iku_indikator):
        if iku.id is not None:
            found.setdefault(iku.id, (i, iku))
    return found


def _years(iku: IkuIndikator) -> list[TargetRenstra]:
    return [] if not isinstance(iku.target_per_tahun, list) else iku.target_per_tahun


def _value(value: Decimal | str | tuple[tuple[str, Decimal], ...], satuan: str) -> str:
    return target_text(value, satuan)


@rule("RS01", "renstra.target-pk", E, "Target PK yang terkait IKU sama dengan target Renstra.")
def pk_follows_renstra(ctx: Context) -> Iterator[Finding]:
    """
    Indikator PK yang menyebut ``iku: <id>`` punya target tahunan yang sama dengan target
    Renstra tahun rencana (``target_per_tahun`` IKU itu di ``instansi.yaml``), atau menulis
    ``alasan_beda_renstra``: evaluator menanyakan apakah target PK sama dengan target
    Renstra tahun itu. Diam bila Renstra tidak mencantumkan target per tahun, bila target
    tahun itu atau target PK ditulis ``tidak tercantum``.
    """
    plan = ctx.plan
    year = walk.plan_year(plan)
    if plan.pk is None or plan.pk_doc is None or plan.instansi_doc is None or year is None:
        return
    ikus = _ikus(plan.instansi)
    for i, ind in enumerate(plan.pk.indikator):
        if ind.iku is None or ind.iku not in ikus or ind.alasan_beda_renstra is not None:
            continue
        at, iku = ikus[ind.iku]
        years = _years(iku)
        j, stated = next(((j, t) for j, t in enumerate(years) if t.tahun == year), (-1, None))
        if stated is None or isinstance(stated.target, Absent) or isinstance(ind.target, Absent):
            continue
        if stated.target == ind.target:
            continue
        yield ctx.finding(
            plan.pk_doc,
            ("indikator", i, "target"),
            "target {target} indikator {id} berbeda dari target Renstra tahun {year} untuk "
            "IKU {iku} ({renstra}); samakan dengan Renstra, atau tulis alasan_beda_renstra",
            related=[ctx.at(plan.instansi_doc, (*_IKU, at, "target_per_tahun", j, "target"))],
            target=_value(ind.target, ind.satuan),
            id=ind.id,
            year=year,
            iku=ind.iku,
            renstra=_value(stated.target, iku.satuan),
        )


@rule("RS02", "renstra.rujukan-iku", E, "IKU yang dirujuk indikator PK ada, sekali.")
def iku_known(ctx: Context) -> Iterator[Finding]:
    """
    ``iku:`` indikator PK menyebut ``id`` IKU yang ada di ``instansi.yaml: iku``; setiap
    ``id`` IKU ditulis sekali, agar rujukan dan perbandingan antartahun tidak rancu.
    """
    plan = ctx.plan
    instansi = plan.instansi
    if instansi is None or plan.instansi_doc is None:
        return
    seen: set[str] = set()
    for i, iku in enumerate(instansi.iku_indikator):
        if iku.id is not None and iku.id in seen:
            yield ctx.finding(
                plan.instansi_doc, (*_IKU, i, "id"), "id IKU {id} ditulis dua kali", id=iku.id
            )
        if iku.id is not None:
            seen.add(iku.id)
    if plan.pk is None or plan.pk_doc is None:
        return
    ikus = _ikus(instansi)
    for i, ind in enumerate(plan.pk.indikator):
        if ind.iku is None or ind.iku in ikus:
            continue
        yield ctx.finding(
            plan.pk_doc,
            ("indikator", i, "iku"),
            "IKU {iku} yang dirujuk indikator {id} tidak ada di instansi.yaml{hint}",
            iku=ind.iku,
            id=ind.id,
            hint=walk.nearest(ctx.hints, ind.iku, ikus)
            or ("; beri IKU itu id: " + ind.iku if ikus == {} else ""),
        )


@rule("RS03", "renstra.target-per-tahun", E, "Target Renstra per tahun mengisi periodenya.")
def years_of_the_period(ctx: Context) -> Iterator[Finding]:
    """
    ``target_per_tahun`` sebuah IKU, bila ditulis, menyebut setiap tahun periode Renstra
    tepat sekali dan tidak ada tahun di luar periode. Tahun yang targetnya tidak dicetak
    Renstra ditulis dengan ``target: tidak tercantum``, bukan dilewati.
    """
    plan = ctx.plan
    instansi, doc = plan.instansi, plan.instansi_doc
    if instansi is None or doc is None or isinstance(instansi.renstra, Absent):
        return
    periode = instansi.renstra.periode
    span = None if isinstance(periode, Absent) else range(periode.mulai, periode.selesai + 1)
    for i, iku in enumerate(instansi.iku_indikator):
        if not isinstance(iku.target_per_tahun, list):
            continue
        where = (*_IKU, i, "target_per_tahun")
        seen: set[int] = set()
        for j, entry in enumerate(iku.target_per_tahun):
            if entry.tahun in seen:
                yield ctx.finding(
                    doc, (*where, j, "tahun"), "tahun {year} ditulis dua kali", year=entry.tahun
                )
            elif span is not None and entry.tahun not in span:
                yield ctx.finding(
                    doc,
                    (*where, j, "tahun"),
                    "tahun {year} di luar periode Renstra {start}-{end}",
                    year=entry.tahun,
                    start=span.start,
                    end=span.stop - 1,
                )
            seen.add(entry.tahun)
        missing = [str(y) for y in (span or ()) if y not in seen]
        if missing:
            yield ctx.finding(
                doc,
                where,
                "target Renstra IKU {iku} tidak menyebut tahun {years}; tulis targetnya, atau "
                "target: tidak tercantum bila Renstra tidak mencetaknya",
                at_key=True,
                iku=iku.id or i + 1,
                years=walk.listing(missing),
            )


def _same(a: str, b: str) -> bool:
    # Line breaks and capitals are how a name is typed, not what it says.
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@rule("RS04", "renstra.iku-tahun-lalu", W, "IKU tahun lalu masih ada dengan nama yang sama.")
def iku_kept(ctx: Context) -> Iterator[Finding]:
    """
    IKU ditetapkan untuk seluruh periode Renstra: IKU di ``instansi.yaml`` folder tahun
    sebelumnya (``plans/<tahun-1>/``) masih ada tahun ini, dengan nama yang sama. IKU
    dicocokkan dengan ``id`` bila keduanya punya, selain itu dengan namanya. Peringatan,
    karena IKU memang boleh diubah dengan SK baru; evaluator menanyakan indikator yang
    terlalu sering berubah. Hanya tahun tepat sebelumnya yang dibaca; bila foldernya tidak
    ada, tidak terbaca atau tidak sah, aturan ini diam.
    """
    plan = ctx.plan
    before, instansi, doc = plan.previous, plan.instansi, plan.instansi_doc
    if before is None or instansi is None or doc is None or isinstance(instansi.iku, Absent):
        return
    now = instansi.iku_indikator
    by_id = {iku.id: (i, iku) for i, iku in reversed(list(enumerate(now))) if iku.id}
    for j, old in enumerate(before.instansi.iku_indikator):
        was = ctx.at(before.doc, (*_IKU, j, "nama"))
        if old.id is not None and old.id in by_id:
            i, iku = by_id[old.id]
            if not _same(old.nama, iku.nama):
                yield ctx.finding(
                    doc,
                    (*_IKU, i, "nama"),
                    "IKU {id} berganti nama dari tahun lalu: “{old}” menjadi “{new}”",
                    related=[was],
                    id=old.id,
                    old=old.nama,
                    new=iku.nama,
                )
            continue
        if any(_same(old.nama, iku.nama) for iku in now):
            continue
        yield ctx.finding(
            doc,
            ("iku", "indikator"),
            "IKU tahun lalu “{old}” tidak ada lagi di IKU tahun ini (dihapus atau berganti "
            "nama); bila diganti dengan SK baru, sebutkan di iku.dasar",
            at_key=True,
            related=[was],
            old=old.nama,
        )


RULES = (pk_follows_renstra, iku_known, years_of_the_period, iku_kept)
