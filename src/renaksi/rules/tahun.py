"""Year rules (``TH``): the folder, the plan year, the PK year and the signing dates agree,
and the year lies within the Renstra period.
"""

from __future__ import annotations

from collections.abc import Iterator

from renaksi.plan.findings import Severity
from renaksi.plan.values import Absent
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E = Severity.ERROR


@rule("TH01", "tahun.folder", E, "Folder plans/<tahun> sama dengan tahun rencana.")
def folder_year(ctx: Context) -> Iterator[Finding]:
    """
    Folder rencana dinamai menurut tahunnya (``plans/2024``), dan ``tahun`` di
    ``instansi.yaml`` harus sama. Folder yang namanya bukan empat digit tidak diperiksa.
    """
    plan = ctx.plan
    folder = walk.folder_year(plan)
    if plan.instansi is None or plan.instansi_doc is None or folder is None:
        return
    if folder != plan.instansi.tahun:
        yield ctx.finding(
            plan.instansi_doc,
            ("tahun",),
            "tahun rencana {year} tidak sama dengan nama folder {folder}",
            year=plan.instansi.tahun,
            folder=str(folder),
        )


@rule("TH02", "tahun.pk", E, "Tahun Perjanjian Kinerja sama dengan tahun rencana.")
def pk_year(ctx: Context) -> Iterator[Finding]:
    """
    Bila ``perjanjian-kinerja.yaml`` menulis ``tahun``, nilainya sama dengan tahun rencana
    (nama folder ``plans/<tahun>``, atau ``tahun`` di ``instansi.yaml`` bila folder tidak
    bernama tahun).
    """
    plan = ctx.plan
    year = walk.plan_year(plan)
    if year is None or plan.pk is None or plan.pk_doc is None or plan.pk.tahun is None:
        return
    if plan.pk.tahun != year:
        yield ctx.finding(
            plan.pk_doc,
            ("tahun",),
            "tahun Perjanjian Kinerja {pk} tidak sama dengan tahun rencana {year}",
            pk=plan.pk.tahun,
            year=year,
        )


@rule("TH03", "tahun.tanggal-tanda-tangan", E, "Tanggal tanda tangan jatuh pada tahun rencana.")
def signing_year(ctx: Context) -> Iterator[Finding]:
    """
    Rencana Aksi tahun 2024 ditandatangani pada tahun 2024 (dokumen Kesbangpol: 2 Januari
    2024). Tanggal di ``instansi.yaml``, di ``perjanjian-kinerja.yaml`` (bila ditulis),
    setiap berkas bidang dan tanggal tanda tangan Perubahan (``perubahan.yaml:
    tanggal_tanda_tangan``, bila ditulis) diperiksa.
    """
    plan = ctx.plan
    year = walk.plan_year(plan)
    if year is None:
        return
    dates = []
    if plan.instansi is not None and plan.instansi_doc is not None:
        dates.append((plan.instansi_doc, plan.instansi.tanggal))
    if plan.pk is not None and plan.pk_doc is not None and plan.pk.tanggal is not None:
        dates.append((plan.pk_doc, plan.pk.tanggal))
    dates += [(doc, entry.model.tanggal) for entry, doc in walk.loaded_bidang(plan) if entry.model]
    keys = ["tanggal"] * len(dates)
    changed, changed_doc = plan.perubahan, plan.perubahan_doc
    if changed is not None and changed_doc is not None and changed.tanggal_tanda_tangan:
        dates.append((changed_doc, changed.tanggal_tanda_tangan))
        keys.append("tanggal_tanda_tangan")
    for (doc, date), key in zip(dates, keys, strict=True):
        # An unstated date has no year to disagree (TC01 lists it); a month has one.
        if not isinstance(date, Absent) and date.year != year:
            yield ctx.finding(
                doc,
                (key,),
                "tanggal tanda tangan {date} tidak jatuh pada tahun rencana {year}",
                date=date,
                year=year,
            )


@rule("TH04", "tahun.renstra", E, "Tahun rencana berada dalam periode Renstra.")
def within_renstra(ctx: Context) -> Iterator[Finding]:
    """
    Periode Renstra (``renstra.periode``) dimulai tidak setelah selesainya, dan tahun rencana
    berada di dalamnya (Renstra 2021-2026 untuk rencana 2024).
    """
    plan = ctx.plan
    if plan.instansi is None or plan.instansi_doc is None:
        return
    renstra = plan.instansi.renstra
    period = renstra if isinstance(renstra, Absent) else renstra.periode
    if isinstance(period, Absent):
        return  # no period stated: nothing to be outside of (TC01 lists it)
    if period.mulai > period.selesai:
        yield ctx.finding(
            plan.instansi_doc,
            ("renstra", "periode"),
            "periode Renstra {start}-{end} terbalik",
            start=period.mulai,
            end=period.selesai,
        )
    elif not period.mulai <= plan.instansi.tahun <= period.selesai:
        # The period is the value that goes stale (a new Renstra every five years).
        yield ctx.finding(
            plan.instansi_doc,
            ("renstra", "periode"),
            "tahun rencana {year} di luar periode Renstra {start}-{end}",
            year=plan.instansi.tahun,
            start=period.mulai,
            end=period.selesai,
        )


RULES = (folder_year, pk_year, signing_year, within_renstra)
