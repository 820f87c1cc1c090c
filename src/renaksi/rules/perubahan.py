"""Perubahan rules (``PR``): the revision within the year (``perubahan.yaml``) says on what
basis, from when and why; names what the plan has; states the murni values it replaces; keeps
the totals consistent; and changes a target only with a reason. The Perubahan version as a
whole is checked by every other rule too (:func:`renaksi.rules.check.check_loaded`).
"""

from __future__ import annotations

from collections.abc import Iterator

from renaksi.plan.findings import Severity
from renaksi.plan.model import Indikator, PerubahanFile
from renaksi.plan.values import Absent, Rupiah, sum_or_absent
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E, W = Severity.ERROR, Severity.WARNING


def _stated(text: str | None) -> bool:
    return text is not None and text.strip().lower() not in ("", "tidak tercantum")


@rule("PR01", "perubahan.dasar-alasan", E, "Perubahan menyebut dasar hukum dan alasannya.")
def basis_and_reason(ctx: Context) -> Iterator[Finding]:
    """
    ``perubahan.yaml`` menulis ``dasar`` (nomor dan tanggal DPPA atau SK perubahan) dan
    ``alasan`` (mis. mutasi pejabat, perubahan program/kegiatan atau anggaran, perubahan
    prioritas). Evaluator menanyakan keduanya; Perubahan tanpa dasar atau alasan tidak sah.
    """
    plan = ctx.plan
    if plan.perubahan is None or plan.perubahan_doc is None:
        return
    for key, what in (("dasar", "dasar hukum (nomor dan tanggal DPPA/SK)"), ("alasan", "alasan")):
        if not _stated(getattr(plan.perubahan, key)):
            yield ctx.finding(
                plan.perubahan_doc,
                (),
                "perubahan tidak menyebut {what}; tulis {key}",
                what=what,
                key=key,
            )


@rule("PR02", "perubahan.tanggal", E, "Perubahan berlaku pada tahun rencana.")
def in_the_year(ctx: Context) -> Iterator[Finding]:
    """
    ``tanggal`` perubahan (sejak kapan berlaku) jatuh pada tahun rencana: Perubahan adalah
    revisi di dalam tahun berjalan. Bila ``tahun`` ditulis, sama dengan tahun rencana.
    """
    plan = ctx.plan
    year = walk.plan_year(plan)
    if plan.perubahan is None or plan.perubahan_doc is None or year is None:
        return
    if plan.perubahan.tanggal.year != year:
        yield ctx.finding(
            plan.perubahan_doc,
            ("tanggal",),
            "tanggal perubahan {date} tidak jatuh pada tahun rencana {year}",
            date=plan.perubahan.tanggal,
            year=year,
        )
    if plan.perubahan.tahun is not None and plan.perubahan.tahun != year:
        yield ctx.finding(
            plan.perubahan_doc,
            ("tahun",),
            "tahun perubahan {tahun} tidak sama dengan tahun rencana {year}",
            tahun=plan.perubahan.tahun,
            year=year,
        )


def _indicators(ctx: Context) -> dict[str, Indikator]:
    plan = ctx.plan
    found: dict[str, Indikator] = {}
    for entry in plan.bidang:
        if entry.model is not None:
            found.update({i.id: i for i in entry.model.indikator})
    if plan.pk is not None:
        found.update({i.id: i for i in plan.pk.indikator})
    return found


@rule("PR03", "perubahan.rujukan", E, "Yang diubah Perubahan ada di rencana.")
def known(ctx: Context) -> Iterator[Finding]:
    """
    Setiap pagu yang diubah menyebut ``sub_kegiatan`` (id sub kegiatan, output atau kegiatan
    APBN berpagu di ``perjanjian-kinerja.yaml``), dan setiap target yang diubah menyebut
    ``indikator`` (id indikator PK atau bidang) yang ada di rencana murni; masing-masing
    sekali saja.
    """
    plan = ctx.plan
    if plan.perubahan is None or plan.perubahan_doc is None or plan.pk is None:
        return
    units = ctx.unit_index()
    indicators = _indicators(ctx)
    doc, change = plan.perubahan_doc, plan.perubahan
    seen: set[tuple[str, str]] = set()
    for i, pagu in enumerate(change.pagu):
        if pagu.sub_kegiatan not in units:
            yield ctx.finding(
                doc,
                ("pagu", i, "sub_kegiatan"),
                "sub kegiatan {id} tidak ada di perjanjian-kinerja.yaml{hint}",
                id=pagu.sub_kegiatan,
                hint=walk.nearest(ctx.hints, pagu.sub_kegiatan, units),
            )
        elif ("pagu", pagu.sub_kegiatan) in seen:
            yield ctx.finding(
                doc,
                ("pagu", i, "sub_kegiatan"),
                "pagu {id} diubah dua kali; tulis sekali",
                id=pagu.sub_kegiatan,
            )
        seen.add(("pagu", pagu.sub_kegiatan))
    for i, target in enumerate(change.target):
        if target.indikator not in indicators:
            yield ctx.finding(
                doc,
                ("target", i, "indikator"),
                "indikator {id} tidak ada di rencana{hint}",
                id=target.indikator,
                hint=walk.nearest(ctx.hints, target.indikator, indicators),
            )
        elif ("target", target.indikator) in seen:
            yield ctx.finding(
                doc,
                ("target", i, "indikator"),
                "target {id} diubah dua kali; tulis sekali",
                id=target.indikator,
            )
        seen.add(("target", target.indikator))


@rule("PR04", "perubahan.pagu-lama", E, "Pagu lama yang ditulis Perubahan adalah pagu murni.")
def old_pagu(ctx: Context) -> Iterator[Finding]:
    """
    ``lama`` setiap pagu yang diubah sama dengan pagu murni di ``perjanjian-kinerja.yaml``:
    tabel perbandingan dan selisihnya dicetak dari angka yang benar, dan Perubahan yang
    ditulis untuk rencana lain (atau sebelum rencana murni dikoreksi) ketahuan.
    """
    plan = ctx.plan
    if plan.perubahan is None or plan.perubahan_doc is None:
        return
    units = ctx.unit_index()
    for i, pagu in enumerate(plan.perubahan.pagu):
        unit = units.get(pagu.sub_kegiatan)
        if unit is None or isinstance(unit.pagu, Absent) or unit.pagu == pagu.lama:
            continue
        yield ctx.finding(
            plan.perubahan_doc,
            ("pagu", i, "lama"),
            "pagu lama {id} ditulis {written}, padahal pagu murninya {murni}",
            id=pagu.sub_kegiatan,
            written=Rupiah(pagu.lama),
            murni=Rupiah(unit.pagu),
        )


def _total_moved(change: PerubahanFile) -> int:
    return sum(p.baru - p.lama for p in change.pagu)


@rule("PR05", "perubahan.total", E, "Pagu yang berubah menggeser total dengan konsisten.")
def total(ctx: Context) -> Iterator[Finding]:
    """
    Jumlah selisih (``baru - lama``) semua pagu yang diubah sama dengan selisih total pagu:
    pagu yang dipindah antar sub kegiatan tidak mengubah total (selisihnya nol); Perubahan yang
    menambah atau mengurangi total menulis ``total_pagu`` barunya, sama dengan total murni
    ditambah jumlah selisih itu.
    """
    plan = ctx.plan
    if plan.perubahan is None or plan.perubahan_doc is None or plan.pk is None:
        return
    murni = sum_or_absent(u.pagu for u in ctx.pk_units())
    if isinstance(murni, Absent):
        return
    moved = _total_moved(plan.perubahan)
    written = plan.perubahan.total_pagu
    if written is None and moved != 0:
        yield ctx.finding(
            plan.perubahan_doc,
            ("pagu",),
            "pagu yang diubah menggeser total sebesar {moved}; tulis total_pagu perubahan "
            "({expected}), atau pindahkan pagu tanpa mengubah total",
            at_key=True,
            moved=Rupiah(moved),
            expected=Rupiah(murni + moved),
        )
    elif written is not None and written != murni + moved:
        yield ctx.finding(
            plan.perubahan_doc,
            ("total_pagu",),
            "total_pagu perubahan {written} tidak sama dengan total murni {murni} ditambah "
            "selisih pagu yang diubah {moved}, yaitu {expected}",
            written=Rupiah(written),
            murni=Rupiah(murni),
            moved=Rupiah(moved),
            expected=Rupiah(murni + moved),
        )


@rule("PR06", "perubahan.alasan-target", E, "Target diubah hanya dengan alasan.")
def target_reason(ctx: Context) -> Iterator[Finding]:
    """
    Setiap target yang diubah menulis ``alasan``-nya sendiri: perubahan target mengubah
    penilaian capaian setiap triwulan sesudahnya, jadi evaluator menanyakan mengapa. Target
    yang diubah juga menulis ``target`` atau ``triwulan`` (yang baru).
    """
    plan = ctx.plan
    if plan.perubahan is None or plan.perubahan_doc is None:
        return
    for i, change in enumerate(plan.perubahan.target):
        if not _stated(change.alasan):
            yield ctx.finding(
                plan.perubahan_doc,
                ("target", i),
                "target indikator {id} diubah tanpa alasan; tulis alasan",
                id=change.indikator,
            )
        if change.target is None and change.triwulan is None:
            yield ctx.finding(
                plan.perubahan_doc,
                ("target", i),
                "perubahan target indikator {id} tidak menulis target atau triwulan barunya",
                id=change.indikator,
            )


@rule("PR07", "perubahan.tanpa-beda", W, "Yang ditulis berubah memang berubah.")
def no_difference(ctx: Context) -> Iterator[Finding]:
    """
    Pagu yang ``baru``-nya sama dengan ``lama``, atau target perubahan yang sama dengan
    target murni, bukan perubahan: hapus dari ``perubahan.yaml`` agar tabel perbandingan
    hanya memuat yang benar berubah.
    """
    plan = ctx.plan
    if plan.perubahan is None or plan.perubahan_doc is None:
        return
    for i, pagu in enumerate(plan.perubahan.pagu):
        if pagu.baru == pagu.lama:
            yield ctx.finding(
                plan.perubahan_doc,
                ("pagu", i, "baru"),
                "pagu {id} tidak berubah ({value})",
                id=pagu.sub_kegiatan,
                value=Rupiah(pagu.baru),
            )
    indicators = _indicators(ctx)
    for i, change in enumerate(plan.perubahan.target):
        murni = indicators.get(change.indikator)
        if murni is None or (change.target is None and change.triwulan is None):
            continue  # PR03 and PR06 say what is wrong with these
        same_year = change.target is None or change.target == murni.target
        same_quarters = change.triwulan is None or list(change.triwulan) == list(
            murni.triwulan or ()
        )
        if same_year and same_quarters:
            yield ctx.finding(
                plan.perubahan_doc,
                ("target", i),
                "target indikator {id} tidak berubah",
                id=change.indikator,
            )


RULES = (basis_and_reason, in_the_year, known, old_pagu, total, target_reason, no_difference)
