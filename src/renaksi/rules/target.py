"""Target rules (``TG``): quarterly targets agree with the annual one; no negatives; known
units; percentages that stay plausible.

Each indicator declares how its quarters combine (``cara_gabung``):

- ``jumlah``: the four quarters add up to the annual target (Tabel 2.4 of the 2024 plan:
  1,56 + 1,64 + 12,98 + 12,99 = 29,17);
- ``kumulatif``: the quarters are running totals, never falling, the fourth equal to the annual;
- ``tetap``: the same target every quarter, equal to the annual.

All arithmetic is exact (Decimal, with a precision sized to the operands): 0,1 + 0,2 is
0,3 here, and 0,99999999999999999999999999999 + 0 is not 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renaksi.monitoring.capaian import to_date
from renaksi.plan.findings import Severity
from renaksi.plan.model import Indikator
from renaksi.plan.values import Absent, Percent, Terms, exact_sum, in_unit, stated
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule
from renaksi.text.formats import ROMAN, is_percent, unit_key

E, W = Severity.ERROR, Severity.WARNING


#: Units every plan may use; a plan adds its own in ``instansi.yaml: satuan_tambahan``.
KNOWN_UNITS = frozenset(
    {
        "%",
        "persen",
        "orang",
        "peserta",
        "dokumen",
        "laporan",
        "berkas",
        "kegiatan",
        "kali",
        "paket",
        "lembaga",
        "ormas",
        "parpol",
        "unit",
        "rapat",
        "bulan",
        "hari",
        "kasus",
        "indeks",
        "nilai",
        "rekomendasi",
        "kelurahan",
        "kecamatan",
        "sekolah",
        "buku",
        "tim",
    }
)


def _combine_problem(ind: Indikator) -> tuple[str, dict[str, object]] | None:
    """(message, args) when the quarters disagree with the annual target."""
    tw = ind.triwulan
    annual = stated(ind.target)  # an unstated target is compared with nothing
    unit = ind.satuan
    if ind.cara_gabung == "jumlah":
        total = exact_sum(tw)
        if annual is not None and total != annual:
            return (
                "jumlah target triwulan {total} ({parts}) tidak sama dengan "
                "target tahunan {annual}",
                {
                    "total": in_unit(total, unit),
                    "parts": Terms(in_unit(v, unit) for v in tw),
                    "annual": in_unit(annual, unit),
                },
            )
    elif ind.cara_gabung == "kumulatif":
        for q in range(1, 4):
            if tw[q] < tw[q - 1]:
                return (
                    "target kumulatif turun dari triwulan {a} ({va}) ke triwulan {b} ({vb}); "
                    "angka berjalan tidak boleh turun",
                    {
                        "a": ROMAN[q - 1],
                        "va": in_unit(tw[q - 1], unit),
                        "b": ROMAN[q],
                        "vb": in_unit(tw[q], unit),
                    },
                )
        if annual is not None and tw[3] != annual:
            return (
                "target kumulatif triwulan IV {last} harus sama dengan target tahunan {annual}",
                {"last": in_unit(tw[3], unit), "annual": in_unit(annual, unit)},
            )
    else:
        expected = annual if annual is not None else tw[0]
        for q, value in enumerate(tw):
            if value != expected:
                return (
                    "cara_gabung tetap: target triwulan {q} {value} harus sama dengan {expected}",
                    {
                        "q": ROMAN[q],
                        "value": in_unit(value, unit),
                        "expected": in_unit(expected, unit),
                    },
                )
    return None


@rule("TG01", "target.triwulan", E, "Target triwulan cocok dengan target tahunan.")
def quarters_agree(ctx: Context) -> Iterator[Finding]:
    """
    Target triwulan harus cocok dengan target tahunan menurut ``cara_gabung`` indikator:
    ``jumlah`` (I + II + III + IV = tahunan), ``kumulatif`` (angka berjalan yang tidak
    turun, IV = tahunan) atau ``tetap`` (sama setiap triwulan). Indikator bidang yang tidak
    menulis target tahunan hanya diperiksa bentuknya (kumulatif tidak turun, tetap sama).
    """
    for ind in walk.indikator(ctx.plan):
        problem = _combine_problem(ind.item)
        if problem is None:
            continue
        message, args = problem
        written = stated(ind.item.target) is not None
        related = [ctx.at(ind.doc, (*ind.path, "target"))] if written else []
        yield Finding(
            ctx.at(ind.doc, (*ind.path, "triwulan")),
            message,
            {"id": ind.item.id, **args},
            tuple(related),
        )


@rule("TG02", "target.negatif", E, "Target tidak boleh negatif.")
def no_negative(ctx: Context) -> Iterator[Finding]:
    """
    Target tahunan, target triwulan dan target keluaran sub kegiatan tidak boleh negatif.
    Indikator yang makin kecil makin baik ditulis dengan ``arah: turun``, bukan dengan
    angka negatif.
    """
    for ind in walk.indikator(ctx.plan):
        annual = stated(ind.item.target)
        if annual is not None and annual < 0:
            yield ctx.finding(
                ind.doc,
                (*ind.path, "target"),
                "target tahunan tidak boleh negatif, ditemukan {value}",
                value=in_unit(annual, ind.item.satuan),
            )
        for q, value in enumerate(ind.item.triwulan):
            if value < 0:
                yield ctx.finding(
                    ind.doc,
                    (*ind.path, "triwulan", q),
                    "target triwulan {q} tidak boleh negatif, ditemukan {value}",
                    q=ROMAN[q],
                    value=in_unit(value, ind.item.satuan),
                )
    for _, ren in walk.rencana(ctx.plan):
        output = ren.item.target
        if not isinstance(output, Absent) and output.jumlah < 0:
            yield ctx.finding(
                ren.doc,
                (*ren.path, "target"),
                "target keluaran tidak boleh negatif, ditemukan {value}",
                value=output.jumlah,
            )


@rule("TG03", "target.satuan", E, "Satuan target dikenal.")
def known_unit(ctx: Context) -> Iterator[Finding]:
    """
    Satuan target harus satuan yang dikenal (``%``, orang, dokumen, laporan, kegiatan, ...),
    tanpa membedakan huruf besar/kecil, spasi ganda, atau bentuk Unicode (huruf beraksen yang
    diketik sebagai huruf dan tanda aksen terpisah, huruf lebar penuh dari dokumen kantor),
    agar target dapat dijumlah dan dibandingkan. Satuan khusus instansi didaftarkan di
    ``instansi.yaml`` pada ``satuan_tambahan``.
    """
    extra = ctx.plan.instansi.satuan_tambahan if ctx.plan.instansi else []
    known = KNOWN_UNITS | {unit_key(u) for u in extra}
    places = [(ind.doc, (*ind.path, "satuan"), ind.item.satuan) for ind in walk.indikator(ctx.plan)]
    places += [
        (ren.doc, (*ren.path, "target"), ren.item.target.satuan)
        for _, ren in walk.rencana(ctx.plan)
        if not isinstance(ren.item.target, Absent)
    ]
    if ctx.plan.instansi is not None and ctx.plan.instansi_doc is not None:
        for i, iku in enumerate(ctx.plan.instansi.iku.indikator):
            places.append((ctx.plan.instansi_doc, ("iku", "indikator", i, "satuan"), iku.satuan))
    for doc, path, unit in places:
        if unit_key(unit) in known:
            continue
        near = ctx.hints.closest(unit_key(unit), sorted(known), cutoff=0.6)
        yield ctx.finding(
            doc,
            path,
            "satuan {unit} tidak dikenal{hint}; bila memang dipakai, daftarkan di "
            "instansi.yaml: satuan_tambahan",
            unit=unit,
            hint=f" (maksudnya {near}?)" if near else "",
        )


#: A percentage above this is a typing slip, unless the indicator says it may exceed it.
_FULL = Decimal(100)


def _annual(ind: Indikator) -> Decimal:
    """The annual target as written, or as the quarters make it when it is not written."""
    annual = stated(ind.target)
    if annual is not None:
        return annual
    return to_date(ind.cara_gabung, ind.triwulan, 4)


@rule("TG04", "target.persen", W, "Target persen tidak melebihi 100% tanpa keterangan.")
def plausible_percent(ctx: Context) -> Iterator[Finding]:
    """
    Target yang satuannya persen (``%``, ``persen``) biasanya paling tinggi 100%: target
    PK 1000% atau IKU 100000% hampir pasti salah ketik (angka nol berlebih, atau titik
    ribuan). Indikator yang memang dapat melebihi 100% (mis. persentase kenaikan, atau
    realisasi terhadap standar) ditandai ``boleh_lebih_100: true``, dan tidak
    diperingatkan. Yang diperiksa: target tahunan PK, bidang dan IKU; indikator bidang tanpa
    target tahunan diperiksa dengan gabungan target triwulannya menurut ``cara_gabung``.
    """
    for ind in walk.indikator(ctx.plan):
        item = ind.item
        if item.boleh_lebih_100 or not is_percent(item.satuan):
            continue
        annual = _annual(item)
        if annual > _FULL:
            written = stated(item.target) is not None
            yield ctx.finding(
                ind.doc,
                (*ind.path, "target" if written else "triwulan"),
                _OVER,
                id=item.id,
                what="target tahunan" if written else "gabungan target triwulan",
                value=Percent(annual),
            )
    instansi, doc = ctx.plan.instansi, ctx.plan.instansi_doc
    if instansi is None or doc is None:
        return
    for i, iku in enumerate(instansi.iku.indikator):
        target = stated(iku.target)
        if target is None or iku.boleh_lebih_100 or not is_percent(iku.satuan):
            continue
        if target > _FULL:
            yield ctx.finding(
                doc,
                ("iku", "indikator", i, "target"),
                _OVER,
                id=f"IKU {i + 1}",
                what="target",
                value=Percent(target),
            )


_OVER = (
    "{what} {id} {value} di atas 100%; periksa angkanya (nol berlebih? titik ribuan?), "
    "atau tulis boleh_lebih_100: true pada indikator ini bila memang boleh melebihi 100%"
)


RULES = (quarters_agree, no_negative, known_unit, plausible_percent)
