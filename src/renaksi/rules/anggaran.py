"""Budget rules (``BG``): pagu add up at every level, and restated pagu agree.

Pagu is written once, on each sub kegiatan in ``perjanjian-kinerja.yaml``. Totals above it
(kegiatan, program, the agency) may be written too; each written total is checked against
the sum of the level directly below it, taking a written subtotal where there is one, so a
wrong sub kegiatan pagu is reported once, at its kegiatan, not again at every level above.
(A wrong written subtotal disagrees both with its parts and with the level above, and is
reported at both: either side may be the one to correct.)

A pagu written ``tidak tercantum`` is not zero: a total with such a part cannot be checked,
so it is not (TC02 says so, TC01 lists the pagu), and an unstated total checks nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Location, Severity
from renaksi.plan.model import Kegiatan, Program
from renaksi.plan.values import Absent, Rupiah, sum_or_absent
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E = Severity.ERROR


def _lines(locations: Sequence[Location]) -> str:
    return ", ".join(str(loc.line) for loc in locations)


def gap(written: int, reference: int) -> tuple[str, Rupiah]:
    """How a written amount differs from the one it should equal: ("lebih"|"kurang", amount)."""
    return ("lebih" if written > reference else "kurang"), Rupiah(abs(written - reference))


def _sum_finding(
    ctx: Context,
    doc: PlanFile,
    path: KeyPath,
    what: str,
    stated: int | Absent,
    parts: Sequence[tuple[KeyPath, int | Absent]],
    part_word: str,
    places: Sequence[KeyPath] | None = None,
) -> Finding | None:
    """A finding when ``stated`` is not the sum of ``parts``; ``places`` are shown as parts.
    Nothing when the total or a part is not stated: there is nothing to compare."""
    computed = sum_or_absent(value for _, value in parts)
    if isinstance(stated, Absent) or isinstance(computed, Absent) or computed == stated:
        return None
    related = [ctx.at(doc, p) for p in (places if places is not None else [p for p, _ in parts])]
    direction, amount = gap(stated, computed)
    return ctx.finding(
        doc,
        path,
        "{what} tertulis {stated}, tetapi jumlah {n} {part} {computed} "
        "(tertulis {direction} {amount}); bagiannya di baris {lines}",
        related=related,
        what=what,
        stated=Rupiah(stated),
        n=len(parts),
        part=part_word,
        computed=Rupiah(computed),
        direction=direction,
        amount=amount,
        lines=_lines(related),
    )


def kegiatan_total(item: Kegiatan) -> int | Absent:
    """A kegiatan's pagu as the level above sees it: written if written, else the sum."""
    return item.pagu if isinstance(item.pagu, int) else item.computed_pagu


def program_total(item: Program) -> int | Absent:
    """A program's pagu as the total sees it: written if written, else its kegiatan's."""
    if isinstance(item.pagu, int):
        return item.pagu
    return sum_or_absent(kegiatan_total(k) for k in item.kegiatan)


@rule("BG01", "anggaran.jumlah-kegiatan", E, "Pagu kegiatan = jumlah pagu sub kegiatannya.")
def kegiatan_sum(ctx: Context) -> Iterator[Finding]:
    """
    Bila pagu kegiatan ditulis, nilainya harus sama dengan jumlah pagu sub kegiatannya.
    Temuan menunjuk pagu kegiatan yang tertulis dan menyebut baris pagu setiap sub kegiatan,
    karena yang salah bisa salah satu bagiannya. Contoh: kegiatan Bidang Ideologi tertulis
    Rp 2.718.270.000 = 506.090.000 + 112.180.000 + 150.000.000 + 1.850.000.000 + 100.000.000.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None:
        return
    for keg in walk.kegiatan(doc, pk):
        if keg.item.pagu is None:
            continue
        parts = [
            ((*keg.path, "sub_kegiatan", k, "pagu"), sub.pagu)
            for k, sub in enumerate(keg.item.sub_kegiatan)
        ]
        found = _sum_finding(
            ctx, doc, (*keg.path, "pagu"), "pagu kegiatan", keg.item.pagu, parts, "sub kegiatan"
        )
        if found:
            yield found


@rule("BG02", "anggaran.jumlah-program", E, "Pagu program = jumlah pagu kegiatannya.")
def program_sum(ctx: Context) -> Iterator[Finding]:
    """
    Bila pagu program ditulis, nilainya harus sama dengan jumlah pagu kegiatannya (pagu
    kegiatan yang tertulis, atau jumlah sub kegiatannya bila tidak ditulis).
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None:
        return
    for prog in walk.programs(doc, pk):
        if prog.item.pagu is None:
            continue
        parts = [
            (_total_path((*prog.path, "kegiatan", j), keg.pagu), kegiatan_total(keg))
            for j, keg in enumerate(prog.item.kegiatan)
        ]
        found = _sum_finding(
            ctx, doc, (*prog.path, "pagu"), "pagu program", prog.item.pagu, parts, "kegiatan"
        )
        if found:
            yield found


def _total_path(path: KeyPath, written: object) -> KeyPath:
    # Point at the written subtotal where there is one, else at the item itself.
    return (*path, "pagu") if written is not None else path


@rule("BG03", "anggaran.total", E, "Total pagu = jumlah pagu semua program.")
def grand_total(ctx: Context) -> Iterator[Finding]:
    """
    Bila ``total_pagu`` ditulis di ``perjanjian-kinerja.yaml``, nilainya harus sama dengan
    jumlah pagu seluruh program (pagu program yang tertulis, atau jumlah kegiatannya).
    Untuk rencana 2024 Kesbangpol Samarinda totalnya Rp 59.059.304.998.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None or pk.total_pagu is None:
        return
    parts: list[tuple[KeyPath, int | Absent]] = []
    places: list[KeyPath] = []
    for prog in walk.programs(doc, pk):
        if isinstance(prog.item.pagu, int):
            parts.append(((*prog.path, "pagu"), prog.item.pagu))
            places.append((*prog.path, "pagu"))
            continue
        parts.append((prog.path, program_total(prog.item)))
        # Without a written program pagu, the parts a reader can check are its kegiatan.
        places.extend(
            _total_path((*prog.path, "kegiatan", j), keg.pagu)
            for j, keg in enumerate(prog.item.kegiatan)
        )
    found = _sum_finding(
        ctx, doc, ("total_pagu",), "total pagu", pk.total_pagu, parts, "program", places
    )
    if found:
        yield found


@rule("BG04", "anggaran.pagu-ulang", E, "Pagu yang ditulis ulang di berkas bidang = pagu PK.")
def restated_pagu(ctx: Context) -> Iterator[Finding]:
    """
    Pagu ditulis sekali, di ``perjanjian-kinerja.yaml``. Berkas bidang boleh menulisnya
    ulang (sebagian kantor terbiasa demikian), tetapi nilainya harus sama persis. Dokumen
    2024 yang diterbitkan memuat contoh nyata: Tabel 2.3 memberi Pembentukan Paskibraka
    Rp 1.850.000.000, sedangkan tabel Bidang Ideologi menulis Rp 1.800.000.000.
    """
    pagu = {p.item.id: p for p in walk.plan_sub_kegiatan(ctx.plan)}
    for _, ren in walk.rencana(ctx.plan):
        restated = ren.item.pagu
        source = pagu.get(ren.item.sub_kegiatan)
        if not isinstance(restated, int) or source is None:
            continue
        original = source.item.pagu
        if isinstance(original, Absent) or restated == original:
            continue  # a pagu the PK does not state is not contradicted by one it does
        pk_place = ctx.at(source.doc, (*source.path, "pagu"))
        direction, amount = gap(restated, original)
        yield ctx.finding(
            ren.doc,
            (*ren.path, "pagu"),
            "pagu {id} ditulis {restated}, padahal perjanjian-kinerja.yaml baris {line} "
            "menulis {pk} ({direction} {amount})",
            related=[pk_place],
            id=ren.item.sub_kegiatan,
            restated=Rupiah(restated),
            line=pk_place.line,
            pk=Rupiah(original),
            direction=direction,
            amount=amount,
        )


RULES = (kegiatan_sum, program_sum, grand_total, restated_pagu)
