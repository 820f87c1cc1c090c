"""Target rules (``TG``): quarterly targets agree with the annual one; no negatives; known
units; percentages that stay plausible; targets on an ordered scale, distributions and caps
written so that they can be judged.

Each indicator with quarterly targets declares how its quarters combine (``cara_gabung``):

- ``jumlah``: the four quarters add up to the annual target (Tabel 2.4 of the 2024 plan:
  1,56 + 1,64 + 12,98 + 12,99 = 29,17);
- ``kumulatif``: the quarters are running totals, never falling, the fourth equal to the annual;
- ``tetap``: the same target every quarter, equal to the annual.

Quarterly targets are optional: many documents state the annual target only. Values on an
ordered scale ("Level 3") combine by rank (``kumulatif``: never falling; ``tetap``: equal);
they cannot be added up.

All arithmetic is exact (Decimal, with a precision sized to the operands): 0,1 + 0,2 is
0,3 here, and 0,99999999999999999999999999999 + 0 is not 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renaksi.monitoring import state
from renaksi.monitoring.capaian import Judging, to_date
from renaksi.plan.findings import Severity
from renaksi.plan.model import Indikator
from renaksi.plan.values import (
    Absent,
    Percent,
    TargetValue,
    Terms,
    exact_sum,
    in_unit,
    level_key,
    stated,
)
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule
from renaksi.text.formats import ROMAN, is_percent, target, unit_key

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
        "level",
        "skala",
        "predikat",
    }
)


def _combine_problem(ind: Indikator, how: Judging) -> tuple[str, dict[str, object]] | None:
    """(message, args) when the quarters disagree with the annual target."""
    tw = ind.triwulan
    if tw is None:
        return None
    if ind.cara_gabung is None:
        return (
            "target triwulan ditulis tanpa cara_gabung; tulis cara_gabung: jumlah, kumulatif "
            "atau tetap agar target triwulan dapat dicocokkan dengan target tahunan",
            {},
        )
    numbers = [v for v in tw if isinstance(v, Decimal)]
    annual = stated(ind.target)  # an unstated target is compared with nothing
    if how.skala is None and len(numbers) == 4 and not isinstance(annual, str | tuple):
        return _numbers_problem(ind.cara_gabung, numbers, annual, ind.satuan)
    if how.skala is not None and not any(isinstance(v, tuple) for v in tw):
        return _levels_problem(ind.cara_gabung, tw, annual, how)
    return None  # distributions or words without a scale are TG05's


def _numbers_problem(
    cara_gabung: str, tw: list[Decimal], annual: Decimal | None, unit: str
) -> tuple[str, dict[str, object]] | None:
    if cara_gabung == "jumlah":
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
    elif cara_gabung == "kumulatif":
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


def _levels_problem(
    cara_gabung: str, tw: list[TargetValue], annual: TargetValue | None, how: Judging
) -> tuple[str, dict[str, object]] | None:
    """Quarterly targets on an ordered scale: by rank, never added up."""
    if cara_gabung == "jumlah":
        return (
            "target bertingkat tidak dapat dijumlahkan; tulis cara_gabung: kumulatif (tingkat "
            "yang tidak turun, triwulan IV = tahunan) atau tetap",
            {},
        )
    ranks = [how.rank(v) for v in tw]
    last = tw[3] if cara_gabung == "kumulatif" else tw[0]
    for q in range(1, 4):
        before, now = ranks[q - 1], ranks[q]
        if before is None or now is None:
            continue  # off the scale: TG05's
        if (cara_gabung == "kumulatif" and now < before) or (
            cara_gabung == "tetap" and now != before
        ):
            return (
                "target {how} triwulan {b} ({vb}) {wrong} triwulan {a} ({va})",
                {
                    "how": "kumulatif" if cara_gabung == "kumulatif" else "tetap",
                    "a": ROMAN[q - 1],
                    "va": target(tw[q - 1], ""),
                    "b": ROMAN[q],
                    "vb": target(tw[q], ""),
                    "wrong": "lebih rendah daripada"
                    if cara_gabung == "kumulatif"
                    else "tidak sama dengan",
                },
            )
    if annual is not None and how.rank(annual) is not None and how.rank(annual) != how.rank(last):
        return (
            "target triwulan {q} {last} harus sama dengan target tahunan {annual}",
            {
                "q": "IV" if cara_gabung == "kumulatif" else "I",
                "last": target(last, ""),
                "annual": target(annual, ""),
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

    Target triwulan boleh tidak ditulis bila dokumen hanya memuat target tahunan; bila
    ditulis, ``cara_gabung`` wajib. Target bertingkat (nilai skala seperti ``Level 3``)
    dibandingkan menurut urutannya: ``kumulatif`` tidak turun tingkat dan triwulan IV sama
    dengan tahunan, ``tetap`` sama setiap triwulan; menjumlahkannya (``jumlah``) tidak
    bermakna. Indikator tanpa target tahunan dan tanpa target triwulan tidak punya target
    sama sekali.
    """
    settings = state.settings(ctx.plan)
    for ind in ctx.indikator():
        item = ind.item
        if item.target is None and item.triwulan is None:
            yield ctx.finding(
                ind.doc,
                (*ind.path, "id"),
                "indikator {id} tidak punya target: tulis target tahunan (target) atau "
                "target triwulan (triwulan)",
                id=item.id,
            )
            continue
        problem = _combine_problem(item, state.judging(item, settings))
        if problem is None:
            continue
        message, args = problem
        written = stated(item.target) is not None
        related = [ctx.at(ind.doc, (*ind.path, "target"))] if written else []
        yield Finding(
            ctx.at(ind.doc, (*ind.path, "triwulan")),
            message,
            {"id": item.id, **args},
            tuple(related),
        )


@rule("TG02", "target.negatif", E, "Target tidak boleh negatif.")
def no_negative(ctx: Context) -> Iterator[Finding]:
    """
    Target tahunan, target triwulan, porsi distribusi dan target keluaran sub kegiatan
    tidak boleh negatif. Indikator yang makin kecil makin baik ditulis dengan
    ``arah: turun``, bukan dengan angka negatif.
    """
    for ind in ctx.indikator():
        unit = ind.item.satuan
        for keys, what, value in _targets(ind.item):
            if isinstance(value, Decimal) and value < 0:
                yield ctx.finding(
                    ind.doc,
                    (*ind.path, *keys),
                    "{what} tidak boleh negatif, ditemukan {value}",
                    what=what,
                    value=in_unit(value, unit),
                )
            elif isinstance(value, tuple):
                for level, share in value:
                    if share < 0:
                        yield ctx.finding(
                            ind.doc,
                            (*ind.path, *keys, level),
                            "porsi {level} tidak boleh negatif, ditemukan {value}",
                            level=level,
                            value=Percent(share),
                        )
    for _, ren in ctx.rencana():
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
    places = [(ind.doc, (*ind.path, "satuan"), ind.item.satuan) for ind in ctx.indikator()]
    places += [
        (ren.doc, (*ren.path, "target"), ren.item.target.satuan)
        for _, ren in ctx.rencana()
        if not isinstance(ren.item.target, Absent)
    ]
    if ctx.plan.instansi is not None and ctx.plan.instansi_doc is not None:
        for i, iku in enumerate(ctx.plan.instansi.iku_indikator):
            places.append((ctx.plan.instansi_doc, ("iku", "indikator", i, "satuan"), iku.satuan))
    options: list[str] | None = None  # sorted once, when a unit is not known
    for doc, path, unit in places:
        key = unit_key(unit)
        if key in known:
            continue
        if options is None:
            options = sorted(known)
        near = ctx.hints.closest(key, options, cutoff=0.6)
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


def _annual(ind: Indikator) -> Decimal | None:
    """The annual target as written, or as the quarters make it when it is not written;
    None when it is not a number."""
    written = stated(ind.target)
    if written is not None:
        return written if isinstance(written, Decimal) else None
    if ind.triwulan is None:
        return None
    annual = to_date(ind.cara_gabung, ind.triwulan, 4)
    return annual if isinstance(annual, Decimal) else None


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
    for ind in ctx.indikator():
        item = ind.item
        if item.boleh_lebih_100 or not is_percent(item.satuan):
            continue
        annual = _annual(item)
        if annual is not None and annual > _FULL:
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
    for i, iku in enumerate(instansi.iku_indikator):
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


def _targets(ind: Indikator) -> Iterator[tuple[tuple[str | int, ...], str, TargetValue]]:
    """The annual and quarterly targets of ``ind`` that are written, with their keys and
    names (an absent one, ``tidak tercantum``, is TC01's)."""
    annual = stated(ind.target)
    if annual is not None:
        yield ("target",), "target tahunan", annual
    for q, value in enumerate(ind.triwulan or []):
        yield ("triwulan", q), f"target triwulan {ROMAN[q]}", value


def _twice(values: list[str]) -> str | None:
    """The first scale value written twice (compared as scale values are)."""
    seen: set[str] = set()
    for value in values:
        if level_key(value) in seen:
            return value
        seen.add(level_key(value))
    return None


def _scale_values(ind: Indikator, named: dict[str, list[str]]) -> str:
    """The scale's values as a message lists them (the first few of a long one)."""
    values = ind.skala if isinstance(ind.skala, list) else named.get(ind.skala or "", [])
    return walk.listing(values)


def _value_problem(
    value: TargetValue, quarterly: bool, how: Judging, arah: str | Absent
) -> tuple[str, dict[str, object]] | None:
    """(message, args) when a target value does not fit the indicator's scale."""
    if isinstance(value, tuple):
        if quarterly:
            return "{what} ditulis sebagai angka atau nilai skala, bukan distribusi", {}
        if how.skala is None:
            if arah in ("naik", "turun"):
                return (
                    "distribusi dengan arah: {arah} perlu skala agar tingkatnya berurutan; "
                    "tulis skala (daftar tingkat dari yang terendah)",
                    {"arah": arah},
                )
            return None
        off = [level for level, _ in value if how.rank(level) is None]
        if off:
            return "tingkat {value} pada {what} tidak ada di skala: {levels}", {"value": off[0]}
        return None
    if how.skala is not None:
        if how.rank(value) is None:
            return "{what} {value} tidak ada di skala: {levels}", {"value": target(value, "")}
        return None
    if isinstance(value, str):
        return (
            "{what} {value} bukan angka; target bertingkat ditulis bersama skalanya "
            "(skala: daftar tingkat dari yang terendah, atau nama skala di instansi.yaml: "
            "skala_ordinal)",
            {"value": value},
        )
    return None


@rule("TG05", "target.skala", E, "Target bertingkat ditulis pada skalanya.")
def on_scale(ctx: Context) -> Iterator[Finding]:
    """
    Target yang bukan angka (``Level 3``, ``Skala 7``, predikat ``AA``) ditulis bersama
    skalanya, agar dapat dibandingkan menurut urutan: ``skala: [Level 1, Level 2, Level 3,
    Level 4, Level 5]`` pada indikatornya (dari yang terendah), atau ``skala: predikat``
    yang merujuk skala bernama di ``instansi.yaml: skala_ordinal``. Target tahunan dan
    target triwulan indikator berskala harus nilai skala itu; setiap nilai skala ditulis
    sekali; nama skala harus ada.

    Target distribusi (``target: {Level 1: 33%, Level 2: 50%, Level 3: 17%}``: porsi unit
    di setiap tingkat) dicetak seperti tertulis. Tingkatnya harus ada di skala bila skala
    ditulis; distribusi dengan ``arah: naik`` atau ``turun`` perlu skala, karena dinilai
    menurut urutan tingkat. Target triwulan tidak berupa distribusi.
    """
    settings = state.settings(ctx.plan)
    named = {k.nama: k.nilai for k in ctx.plan.instansi.skala_ordinal} if ctx.plan.instansi else {}
    yield from _named_scales(ctx)
    for ind in ctx.indikator():
        item = ind.item
        if isinstance(item.skala, str) and item.skala not in named:
            yield ctx.finding(
                ind.doc,
                (*ind.path, "skala"),
                "skala {name} tidak ada di instansi.yaml: skala_ordinal{hint}",
                name=item.skala,
                hint=walk.nearest(ctx.hints, item.skala, named),
            )
            continue
        twice = _twice(item.skala) if isinstance(item.skala, list) else None
        if twice is not None:
            yield ctx.finding(
                ind.doc, (*ind.path, "skala"), "nilai skala {value} tertulis dua kali", value=twice
            )
            continue
        how = state.judging(item, settings)
        levels = _scale_values(item, named)
        for keys, what, value in _targets(item):
            problem = _value_problem(value, keys[0] == "triwulan", how, item.arah)
            if problem is not None:
                message, args = problem
                place = ctx.at(ind.doc, (*ind.path, *keys))
                yield Finding(place, message, {"what": what, "levels": levels, **args})


def _named_scales(ctx: Context) -> Iterator[Finding]:
    instansi, doc = ctx.plan.instansi, ctx.plan.instansi_doc
    if instansi is None or doc is None:
        return
    names: set[str] = set()
    for i, skala in enumerate(instansi.skala_ordinal):
        if skala.nama in names:
            yield ctx.finding(
                doc,
                ("skala_ordinal", i, "nama"),
                "skala bernama {name} tertulis dua kali",
                name=skala.nama,
            )
        names.add(skala.nama)
        twice = _twice(skala.nilai)
        if twice is not None:
            yield ctx.finding(
                doc,
                ("skala_ordinal", i, "nilai"),
                "nilai skala {value} tertulis dua kali",
                value=twice,
            )


_HUNDRED = Decimal(100)


@rule("TG06", "target.distribusi", E, "Porsi target distribusi berjumlah 100%.")
def distribution_whole(ctx: Context) -> Iterator[Finding]:
    """
    Target distribusi menyebut porsi unit di setiap tingkat, mis. 33% unit di Level 1, 50%
    di Level 2 dan 17% di Level 3: ``target: {Level 1: 33%, Level 2: 50%, Level 3: 17%}``.
    Porsinya, dalam persen, berjumlah tepat 100% (dijumlah tepat, tanpa pembulatan).
    """
    for ind in ctx.indikator():
        value = ind.item.target
        if not isinstance(value, tuple):
            continue
        shares = [share for _, share in value]
        total = exact_sum(shares)
        if total != _HUNDRED:
            yield ctx.finding(
                ind.doc,
                (*ind.path, "target"),
                "porsi distribusi {id} berjumlah {total} ({parts}), bukan 100%",
                id=ind.item.id,
                total=Percent(total),
                parts=Terms(Percent(v) for v in shares),
            )


@rule("TG07", "target.jenis", E, "Target maksimal atau minimal searah dengan arahnya.")
def kind_agrees(ctx: Context) -> Iterator[Finding]:
    """
    ``jenis_target: maksimal`` menyatakan batas atas (mis. "maksimal 1% per bulan"):
    tercapai bila realisasi paling tinggi target, jadi makin rendah makin baik; ``arah``
    indikatornya ``turun`` atau ``tidak tercantum``, bukan ``naik``. ``minimal``
    sebaliknya (batas bawah, ``arah`` bukan ``turun``). Batas berlaku untuk angka atau
    nilai skala, bukan untuk distribusi.
    """
    for ind in ctx.indikator():
        item = ind.item
        if item.jenis_target is None:
            continue
        against = "naik" if item.jenis_target == "maksimal" else "turun"
        if item.arah == against:
            yield ctx.finding(
                ind.doc,
                (*ind.path, "arah"),
                "jenis_target: {jenis} berarti makin {better} makin baik, tetapi arah: {arah}; "
                "tulis arah: {right} (atau tidak tercantum)",
                jenis=item.jenis_target,
                better="rendah" if item.jenis_target == "maksimal" else "tinggi",
                arah=item.arah,
                right="turun" if item.jenis_target == "maksimal" else "naik",
            )
        if isinstance(item.target, tuple):
            yield ctx.finding(
                ind.doc,
                (*ind.path, "jenis_target"),
                "jenis_target: {jenis} tidak berlaku untuk target distribusi",
                jenis=item.jenis_target,
            )


RULES = (
    quarters_agree,
    no_negative,
    known_unit,
    plausible_percent,
    on_scale,
    distribution_whole,
    kind_agrees,
)
