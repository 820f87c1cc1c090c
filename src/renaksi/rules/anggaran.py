"""Budget rules (``BG``): the budget tree has the plan's shape, pagu add up at every level,
and restated pagu agree.

Pagu is written once, on each budgeted unit in ``perjanjian-kinerja.yaml``: the sub kegiatan
of a pemda budget, the kegiatan (or their outputs) of an APBN one; a PK that states no
budget says ``anggaran: tidak tercantum`` and writes no pagu (BG05). Totals above the units
(kegiatan, program, the agency) may be written too; each written total is checked against
the sum of the level directly below it, taking a written subtotal where there is one, so a
wrong unit pagu is reported once, at its kegiatan, not again at every level above. (A
wrong written subtotal disagrees both with its parts and with the level above, and is
reported at both: either side may be the one to correct.)

A pagu written ``tidak tercantum`` is not zero: a total with such a part cannot be checked,
so it is not (TC02 says so, TC01 lists the pagu), and an unstated total checks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Location, Severity
from renaksi.plan.model import Kegiatan, PerjanjianKinerjaFile, Program
from renaksi.plan.values import TIDAK_TERCANTUM, Absent, Rupiah
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
    parts: Sequence[tuple[KeyPath, Total]],
    part_word: str,
    places: Sequence[KeyPath] | None = None,
) -> Finding | None:
    """A finding when ``stated`` is not the sum of ``parts``; ``places`` are shown as parts.
    Nothing when the total or a part is not stated (``tidak tercantum``: TC02 says so) or
    not written (BG05's finding): there is nothing to compare."""
    computed = total_of(value for _, value in parts)
    if isinstance(stated, Absent) or not isinstance(computed, int) or computed == stated:
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


def _stated(pk: PerjanjianKinerjaFile) -> bool:
    """Whether the PK states a budget; a pagu written despite ``anggaran: tidak tercantum``
    is BG05's finding, and no sum is checked."""
    return not isinstance(pk.anggaran, Absent)


#: A pagu as a sum sees it: an amount; absent when written ``tidak tercantum`` (a sum with
#: such a part is unknown, never smaller: TC02); None when not written where the budget
#: shape needs it (BG05's finding: no sum can include it).
Total = int | Absent | None


def total_of(values: Iterable[Total]) -> Total:
    """The sum of ``values``: absent when one of them is absent, else None when one is not
    written, else the amount."""
    listed = list(values)
    if any(isinstance(value, Absent) for value in listed):
        return TIDAK_TERCANTUM
    amounts = [value for value in listed if isinstance(value, int)]
    return sum(amounts) if len(amounts) == len(listed) else None


def kegiatan_total(item: Kegiatan) -> Total:
    """A kegiatan's pagu as the level above sees it: written if written, else the sum of
    its parts; an undivided (APBN) kegiatan is its own part, so its pagu as written
    (absent, or None when not written)."""
    if isinstance(item.pagu, int):
        return item.pagu
    return item.computed_pagu if item.sub_kegiatan or item.output else item.pagu


def program_total(item: Program) -> Total:
    """A program's pagu as the total sees it: written if written, else its kegiatan's."""
    if isinstance(item.pagu, int):
        return item.pagu
    return total_of(kegiatan_total(k) for k in item.kegiatan)


@rule(
    "BG01",
    "anggaran.jumlah-kegiatan",
    E,
    "Pagu kegiatan = jumlah pagu sub kegiatan atau outputnya.",
)
def kegiatan_sum(ctx: Context) -> Iterator[Finding]:
    """
    Bila pagu kegiatan ditulis dan kegiatan itu dirinci (sub kegiatan pada anggaran pemda,
    output pada anggaran APBN), nilainya harus sama dengan jumlah pagu rinciannya. Temuan
    menunjuk pagu kegiatan yang tertulis dan menyebut baris pagu setiap rincian, karena yang
    salah bisa salah satu bagiannya. Contoh: kegiatan Bidang Ideologi tertulis
    Rp 2.718.270.000 = 506.090.000 + 112.180.000 + 150.000.000 + 1.850.000.000 + 100.000.000.
    Kegiatan APBN tanpa output tidak dirinci: pagunya sendiri adalah anggarannya.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None or not _stated(pk):
        return
    for keg in ctx.kegiatan():
        key, word = (
            ("sub_kegiatan", "sub kegiatan") if keg.item.sub_kegiatan else ("output", "output")
        )
        items = keg.item.sub_kegiatan or keg.item.output
        if keg.item.pagu is None or not items:
            continue
        parts = [((*keg.path, key, k, "pagu"), part.pagu) for k, part in enumerate(items)]
        found = _sum_finding(
            ctx, doc, (*keg.path, "pagu"), "pagu kegiatan", keg.item.pagu, parts, word
        )
        if found:
            yield found


@rule("BG02", "anggaran.jumlah-program", E, "Pagu program = jumlah pagu kegiatannya.")
def program_sum(ctx: Context) -> Iterator[Finding]:
    """
    Bila pagu program ditulis, nilainya harus sama dengan jumlah pagu kegiatannya (pagu
    kegiatan yang tertulis, atau jumlah sub kegiatan atau outputnya bila tidak ditulis).
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None or not _stated(pk):
        return
    for prog in ctx.programs():
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
    if pk is None or doc is None or pk.total_pagu is None or not _stated(pk):
        return
    parts: list[tuple[KeyPath, Total]] = []
    places: list[KeyPath] = []
    for prog in ctx.programs():
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
    units = ctx.placed_by_id()
    for _, ren, key, ident in ctx.planned():
        restated = ren.item.pagu
        if not isinstance(restated, int):
            continue
        source = walk.named_unit(units, key, ident)
        if source is None:
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
            id=ident,
            restated=Rupiah(restated),
            line=pk_place.line,
            pk=Rupiah(original),
            direction=direction,
            amount=amount,
        )


@rule("BG05", "anggaran.bentuk", E, "Pohon anggaran sesuai bentuk anggaran PK.")
def budget_shape(ctx: Context) -> Iterator[Finding]:
    """
    ``anggaran:`` di ``perjanjian-kinerja.yaml`` menyatakan bentuk anggaran, dan pohon
    program di bawahnya harus berbentuk itu:

    - ``pemda`` (bawaan): program > kegiatan > sub kegiatan; pagu dan bidang pemilik
      ditulis di setiap sub kegiatan.
    - ``apbn``: program > kegiatan, tanpa sub kegiatan. Kegiatan berpagu sendiri (dengan
      ``id``, ``pagu`` dan ``bidang``), atau dirinci menjadi ``output`` (KRO/RO) yang
      masing-masing ber-``id``, ber-``pagu`` dan ber-``bidang``. Folder yang hanya berisi
      Perjanjian Kinerja (tanpa folder ``bidang/``) tidak menulis ``bidang``.
    - ``tidak tercantum``: dokumen tidak mencantumkan anggaran (TC01 mencatatnya seperti
      fakta lain yang tidak tercantum). Program dan kegiatan boleh ditulis (mis. agar
      sasaran program dan kegiatan dapat merujuknya), tetapi tanpa pagu, ``total_pagu``,
      sub kegiatan atau output.

    Anggaran yang tidak dicantumkan dokumen ditulis sebagai tidak tercantum, bukan
    ``pagu: 0`` atau sub kegiatan rekaan: rencana tanpa program pada anggaran pemda atau
    APBN, dan kegiatan tanpa rincian, adalah temuan ini. Satu pagu yang tidak tercantum
    pada anggaran pemda atau APBN ditulis ``pagu: tidak tercantum`` di unitnya.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None:
        return
    if isinstance(pk.anggaran, Absent):
        yield from _unstated_but_written(ctx, doc, pk)
        return
    if not pk.program:
        yield ctx.finding(
            doc,
            (),
            "anggaran {shape} ditulis per program, tetapi tidak ada program; bila dokumen "
            "tidak mencantumkan anggaran, tulis anggaran: tidak tercantum",
            shape=pk.anggaran,
        )
    for prog in ctx.programs():
        if not prog.item.kegiatan:
            yield ctx.finding(
                doc,
                prog.path,
                "program {name} tidak punya kegiatan; anggaran {shape} ditulis per kegiatan",
                name=prog.item.nama,
                shape=pk.anggaran,
            )
    check = _pemda_kegiatan if pk.anggaran == "pemda" else _apbn_kegiatan
    for keg in ctx.kegiatan():
        yield from check(ctx, doc, keg.path, keg.item)


def _unstated_but_written(
    ctx: Context, doc: PlanFile, pk: PerjanjianKinerjaFile
) -> Iterator[Finding]:
    """What contradicts ``anggaran: tidak tercantum``: every pagu and budget detail. A pagu
    written ``tidak tercantum`` says what ``anggaran`` says, and is not one."""
    places: list[KeyPath] = [("total_pagu",)] if _written(pk.total_pagu) else []
    for prog in ctx.programs():
        places += [(*prog.path, name) for name in _present(prog.item, ("pagu",))]
    for keg in ctx.kegiatan():
        names = _present(keg.item, ("pagu", "sub_kegiatan", "output"))
        places += [(*keg.path, name) for name in names]
    line = ctx.at(doc, ("anggaran",)).line
    for path in places:
        yield ctx.finding(
            doc,
            path,
            "anggaran dinyatakan tidak tercantum (baris {line}), tetapi {what} ditulis; hapus "
            "{what}, atau tulis bentuk anggarannya (anggaran: pemda atau apbn)",
            at_key=True,
            line=line,
            what=str(path[-1]),
        )


def _pemda_kegiatan(ctx: Context, doc: PlanFile, path: KeyPath, keg: Kegiatan) -> Iterator[Finding]:
    """A pemda kegiatan is divided into sub kegiatan, which carry the pagu and the owner."""
    if not keg.sub_kegiatan:
        yield ctx.finding(
            doc,
            path,
            "kegiatan {name} tidak punya sub kegiatan; anggaran pemda dirinci sampai sub "
            "kegiatan (untuk anggaran per kegiatan tulis anggaran: apbn)",
            name=keg.nama,
        )
    for name in _present(keg, ("output", "bidang")):
        yield ctx.finding(
            doc,
            (*path, name),
            "{key} pada kegiatan hanya untuk anggaran apbn; anggaran pemda mencatat pagu dan "
            "bidang pemilik di setiap sub kegiatan",
            at_key=True,
            key=name,
        )


def _apbn_kegiatan(ctx: Context, doc: PlanFile, path: KeyPath, keg: Kegiatan) -> Iterator[Finding]:
    """An APBN kegiatan carries its own pagu and owner, or is divided into outputs."""
    if keg.sub_kegiatan:
        yield ctx.finding(
            doc,
            (*path, "sub_kegiatan"),
            "sub kegiatan adalah rincian anggaran pemda; anggaran apbn berhenti di kegiatan "
            "atau dirinci menjadi output",
            at_key=True,
        )
    elif keg.output:
        if keg.bidang is not None:
            yield ctx.finding(
                doc,
                (*path, "bidang"),
                "kegiatan {name} dirinci menjadi output; bidang pemilik ditulis di setiap output",
                at_key=True,
                name=keg.nama,
            )
    else:
        # A Perjanjian Kinerja alone has no bidang files, so no owner to name.
        needed = ("id", "pagu") if ctx.plan.pk_only else ("id", "pagu", "bidang")
        missing = [name for name in needed if getattr(keg, name) is None]
        if missing:
            yield ctx.finding(
                doc,
                path,
                "kegiatan {name} berpagu sendiri (apbn tanpa output), tetapi tidak menulis "
                "{missing}",
                name=keg.nama,
                missing=", ".join(missing),
            )


def _written(value: object) -> bool:
    """Whether a value is written and stated: not missing, not an empty list and not
    ``tidak tercantum``."""
    return value is not None and value != [] and not isinstance(value, Absent)


def _present(item: Program | Kegiatan, names: Sequence[str]) -> list[str]:
    """The fields of ``names`` that are written and stated."""
    return [name for name in names if _written(getattr(item, name))]


RULES = (kegiatan_sum, program_sum, grand_total, restated_pagu, budget_shape)
