"""Every field of every plan file shows in a diff: the field-by-field comparison, and the
tables that say how each field is reported. Pure.

:mod:`renaksi.diff.plan` and :mod:`renaksi.diff.realisasi` report the changes whose words
matter most (pagu, indicator targets, aksi, realisasi) by what identifies them across the
whole plan; :mod:`renaksi.diff.pemantauan` the monitoring settings. Every other field is
compared here by walking the models of each file that loaded on both sides, so a field added
to a model later shows in the diff (as a ``field`` change, in generic words) before anyone
writes words for it; ``tests/test_diff_fields.py`` then fails until the field has its words
in :mod:`renaksi.output.diff_words` or a decision in one of the tables below.

A field is named by its path in the models: the kind of file, then field names, ``[]`` for
the items of a list: ``perjanjian-kinerja:program[].kegiatan[].nama``. List items are
matched across revisions by what identifies them (:data:`KEYS`), never by position, so
moving things around in a file is no change. An item with no match on the other side, or a
file present on one side only, is an ``entry-added``/``entry-removed`` change unless another
module reports it. A sub kegiatan (or output) now under another kegiatan is ``sub-regrouped``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from renaksi.diff.changes import (
    Change,
    ChangeKind,
    PlanFieldDetail,
    TargetFieldDetail,
    UnitDetail,
    Weight,
)
from renaksi.diff.realisasi import periods as realisasi_periods
from renaksi.plan.folder import (
    BIDANG_DIR,
    INSTANSI_FILE,
    PERUBAHAN_FILE,
    PK_FILE,
    REALISASI_DIR,
    Plan,
)
from renaksi.plan.model import (
    Anggaran,
    BidangFile,
    CatatanSumber,
    IkuIndikator,
    InstansiFile,
    PerjanjianKinerjaFile,
    PerubahanFile,
    PerubahanPagu,
    RealisasiFile,
    Rupiah,
    TargetRenstra,
)
from renaksi.plan.values import Absent, MonthDate

K = ChangeKind

#: The model of each kind of plan file, by the name paths start with.
MODELS: dict[str, type[BaseModel]] = {
    "instansi": InstansiFile,
    "perjanjian-kinerja": PerjanjianKinerjaFile,
    "bidang": BidangFile,
    "realisasi": RealisasiFile,
    "perubahan": PerubahanFile,
}


def _indikator(file: str) -> dict[str, tuple[ChangeKind, ...]]:
    # PK and bidang indicators are compared alike by renaksi.diff.plan, keyed by id.
    added = (K.INDIKATOR_ADDED, K.INDIKATOR_REMOVED)
    return {
        f"{file}:indikator[]": added,
        f"{file}:indikator[].id": added,
        **{
            f"{file}:indikator[].{name}": (K.INDIKATOR_FIELD,)
            for name in (
                "sasaran",
                "nama",
                "satuan",
                "cara_gabung",
                "arah",
                "jenis_target",
                "skala",
                *(("iku", "alasan_beda_renstra") if file == "perjanjian-kinerja" else ()),
            )
        },
        f"{file}:indikator[].target": (K.INDIKATOR_TARGET,),
        f"{file}:indikator[].triwulan": (K.INDIKATOR_TARGET,),
        f"{file}:indikator[].boleh_lebih_100": (K.INDIKATOR_BOLEH_LEBIH_100,),
    }


def _signer(path: str) -> dict[str, tuple[ChangeKind, ...]]:
    fields = ("nama", "nip", "nrp", "identitas", "pangkat", "golongan", "jabatan", "plt")
    return {f"{path}.{name}": (K.SIGNATORY,) for name in fields}


_SUB = "perjanjian-kinerja:program[].kegiatan[].sub_kegiatan[]"
_OUTPUT = "perjanjian-kinerja:program[].kegiatan[].output[]"
_AKSI = "bidang:rencana_aksi[].aksi[]"
_REALISASI_SUB = "realisasi:sub_kegiatan[]"
#: The source notes (catatan_sumber) of each place that has them, and what they mark there.
_CATATAN = {
    "instansi:catatan_sumber[]": "rencana",
    "perjanjian-kinerja:program[].kegiatan[].catatan_sumber[]": "pagu kegiatan",
    f"{_SUB}.catatan_sumber[]": "pagu sub kegiatan",
    f"{_OUTPUT}.catatan_sumber[]": "pagu output",
    "bidang:catatan_sumber[]": "jadwal bidang",
    f"{_AKSI}.catatan_sumber[]": "jadwal aksi",
}

#: Fields (and lists, for their items added and removed) that another module reports, and
#: the kinds it reports them as. Not compared here.
REPORTED_ELSEWHERE: dict[str, tuple[ChangeKind, ...]] = {
    **_signer("instansi:kepala"),
    **_signer("perjanjian-kinerja:pihak_kedua"),
    "instansi:pemantauan.skala[]": (K.PEMANTAUAN_SKALA,),
    "instansi:pemantauan.skala[].mulai": (K.PEMANTAUAN_SKALA,),
    "instansi:pemantauan.skala[].nama": (K.PEMANTAUAN_SKALA,),
    "instansi:pemantauan.ambang_penjelasan": (K.PEMANTAUAN_AMBANG,),
    "instansi:iku.indikator[].boleh_lebih_100": (K.INDIKATOR_BOLEH_LEBIH_100,),
    **_indikator("perjanjian-kinerja"),
    # Added, removed and (below, _regrouped) moved to another kegiatan.
    _SUB: (K.SUB_ADDED, K.SUB_REMOVED, K.SUB_REGROUPED),
    f"{_SUB}.id": (K.SUB_ADDED, K.SUB_REMOVED),
    f"{_SUB}.nama": (K.SUB_RENAMED,),
    f"{_SUB}.pagu": (K.PAGU,),
    f"{_SUB}.bidang": (K.SUB_MOVED,),
    # Outputs and APBN kegiatan carry a pagu as sub kegiatan do: renaksi.diff.plan reports
    # them alike, as budgeted units.
    _OUTPUT: (K.SUB_ADDED, K.SUB_REMOVED, K.SUB_REGROUPED),
    f"{_OUTPUT}.id": (K.SUB_ADDED, K.SUB_REMOVED),
    f"{_OUTPUT}.nama": (K.SUB_RENAMED,),
    f"{_OUTPUT}.pagu": (K.PAGU,),
    f"{_OUTPUT}.bidang": (K.SUB_MOVED,),
    "perjanjian-kinerja:program[].kegiatan[].bidang": (K.SUB_MOVED,),
    "perjanjian-kinerja:indikator[].kelompok": (K.INDIKATOR_FIELD,),
    **_signer("bidang:penandatangan"),
    **_indikator("bidang"),
    "bidang:rencana_aksi[].target.jumlah": (K.OUTPUT_TARGET,),
    "bidang:rencana_aksi[].target.satuan": (K.OUTPUT_TARGET,),
    _AKSI: (K.AKSI_ADDED, K.AKSI_REMOVED),
    f"{_AKSI}.nama": (K.AKSI_RENAMED, K.AKSI_ADDED, K.AKSI_REMOVED),
    f"{_AKSI}.bulan": (K.AKSI_MONTHS,),
    f"{_AKSI}.keluaran": (K.AKSI_KELUARAN,),
    "realisasi": (K.REALISASI_FILE_ADDED, K.REALISASI_FILE_REMOVED),
    "realisasi:tahun": (K.REALISASI_FIELD,),
    "realisasi:tanggal": (K.REALISASI_FIELD,),
    "realisasi:catatan": (K.REALISASI_FIELD,),
    "realisasi:indikator[]": (K.REALISASI_INDIKATOR_ADDED, K.REALISASI_INDIKATOR_REMOVED),
    "realisasi:indikator[].id": (K.REALISASI_INDIKATOR_ADDED, K.REALISASI_INDIKATOR_REMOVED),
    "realisasi:indikator[].realisasi": (K.REALISASI_INDIKATOR,),
    "realisasi:indikator[].faktor_pendukung": (K.REALISASI_PENJELASAN,),
    "realisasi:indikator[].faktor_penghambat": (K.REALISASI_PENJELASAN,),
    "realisasi:indikator[].upaya_perbaikan": (K.REALISASI_PENJELASAN,),
    _REALISASI_SUB: (K.REALISASI_SUB_ADDED, K.REALISASI_SUB_REMOVED),
    f"{_REALISASI_SUB}.sub_kegiatan": (K.REALISASI_SUB_ADDED, K.REALISASI_SUB_REMOVED),
    f"{_REALISASI_SUB}.anggaran": (K.REALISASI_ANGGARAN,),
    f"{_REALISASI_SUB}.keluaran.jumlah": (K.REALISASI_KELUARAN,),
    f"{_REALISASI_SUB}.keluaran.satuan": (K.REALISASI_KELUARAN,),
    f"{_REALISASI_SUB}.aksi[]": (K.REALISASI_AKSI, K.REALISASI_CATATAN),
    f"{_REALISASI_SUB}.aksi[].no": (K.REALISASI_AKSI, K.REALISASI_CATATAN),
    f"{_REALISASI_SUB}.aksi[].bulan": (K.REALISASI_AKSI,),
    f"{_REALISASI_SUB}.aksi[].catatan": (K.REALISASI_CATATAN,),
}

#: Fields that only restate something the diff reports (a written total, the number an
#: item has by its position, the quarter of the file name): what is printed and judged is
#: the other value. A written value that disagrees is a finding of the rule named here,
#: which the diff lists as new; one that agrees changes nothing. Not compared here.
RESTATED: dict[str, tuple[str, str]] = {
    "perjanjian-kinerja:tahun": ("TH02", "sama dengan tahun di instansi.yaml"),
    "perjanjian-kinerja:total_pagu": ("BG03", "yang dicetak adalah jumlah pagu program"),
    "perjanjian-kinerja:program[].pagu": ("BG02", "yang dicetak adalah jumlah pagu kegiatan"),
    # An APBN kegiatan without outputs is a budgeted unit: renaksi.diff.plan reports a
    # change of its pagu as a pagu change (tests/test_diff_fields.py shows both).
    "perjanjian-kinerja:program[].kegiatan[].pagu": (
        "BG01",
        "yang dicetak adalah jumlah pagu sub kegiatan atau outputnya",
    ),
    "bidang:rencana_aksi[].pagu": ("BG04", "yang dicetak adalah pagu sub kegiatan di PK"),
    f"{_AKSI}.no": ("JD04", "nomor aksi yang dicetak adalah urutannya"),
    "realisasi:triwulan": ("RL01", "triwulan berkas adalah nama berkasnya"),
    "realisasi:sampai": ("RL01", "tanggal akhir berkas adalah nama berkasnya"),
    "realisasi:indikator[].satuan": ("RL04", "satuan realisasi adalah satuan targetnya"),
    f"{_REALISASI_SUB}.aksi[].nama": ("RL03", "aksi dirujuk dengan nomornya"),
    "perubahan:tahun": ("PR02", "sama dengan tahun rencana"),
    "perubahan:pagu[].lama": ("PR04", "pagu lama adalah pagu murni di perjanjian-kinerja.yaml"),
    "perubahan:total_pagu": ("PR05", "total Perubahan adalah total murni ditambah selisihnya"),
}

#: Fields deliberately not compared, and why. Rare: anything that changes what is printed,
#: signed, judged or budgeted must show.
IGNORED: dict[str, str] = {
    # Outside instansi.yaml a source note marks the one field its place has (bulan on a
    # bidang file or an aksi, pagu on a kegiatan or a sub kegiatan).
    **{
        f"{path}.isian": "hanya satu nilai yang sah di tempat ini; nilai lain ditolak (SC06)"
        for path in _CATATAN
        if not path.startswith("instansi:")
    },
    # s1.yaml is the only semester file (semester II to date is the year: tahunan.yaml), so
    # the field restates its file name and RL01 refuses any other value.
    "realisasi:semester": "hanya semester 1 yang sah; nama berkas menentukan periodenya (RL01)",
}

#: How the items of each list are matched across revisions: the fields that identify an
#: item, tried in order (an item whose first key changed is matched by the next, so the
#: change reads as a changed kode rather than one item gone and another new).
KEYS: dict[str, tuple[str, ...]] = {
    "instansi:renstra.misi[]": ("nomor", "uraian"),
    "instansi:renstra.sasaran_strategis[]": ("id", "uraian"),
    "instansi:iku.indikator[]": ("id", "nama", "formulasi"),
    "instansi:iku.indikator[].target_per_tahun[]": ("tahun",),
    "instansi:pemantauan.skala[]": ("mulai", "nama"),
    "instansi:skala_ordinal[]": ("nama",),
    "perjanjian-kinerja:indikator[]": ("id",),
    "perjanjian-kinerja:sasaran_program[]": ("id", "uraian"),
    "perjanjian-kinerja:sasaran_kegiatan[]": ("id", "uraian"),
    "perjanjian-kinerja:kelompok_indikator[]": ("id", "nama"),
    "perjanjian-kinerja:program[]": ("id", "kode", "nama"),
    "perjanjian-kinerja:program[].kegiatan[]": ("id", "kode", "nama"),
    _SUB: ("id",),
    _OUTPUT: ("id",),
    "bidang:indikator[]": ("id",),
    # One of the three names the planned unit (see ONE_OF_KEYS).
    "bidang:rencana_aksi[]": ("sub_kegiatan", "kegiatan", "output"),
    _AKSI: ("nama",),
    "realisasi:indikator[]": ("id",),
    _REALISASI_SUB: ("sub_kegiatan",),
    f"{_REALISASI_SUB}.aksi[]": ("no",),
    "perubahan:pagu[]": ("sub_kegiatan",),
    "perubahan:target[]": ("indikator",),
    # A note is what it marks and how: a changed jenis or alasan reads as that note changed.
    **{path: ("isian", "jenis") for path in _CATATAN},
}

#: Lists whose items name themselves with exactly one of their keys: each key identifies an
#: item alone (a changed one is an item removed and another added), as a single key does.
ONE_OF_KEYS = frozenset({"bidang:rencana_aksi[]"})

#: Fields compared here whose words matter enough for a kind of their own (default
#: ``field``).
KINDS: dict[str, ChangeKind] = {
    "instansi:tempat": K.SIGNING,
    "instansi:tanggal": K.SIGNING,
    "bidang:tempat": K.SIGNING,
    "bidang:tanggal": K.SIGNING,
    "perjanjian-kinerja:tempat": K.SIGNING,
    "perjanjian-kinerja:tanggal": K.SIGNING,
    "instansi:iku.indikator[].target": K.IKU_TARGET,
}

#: How much a field compared here weighs (default: wording). Items added or removed
#: weigh as structure.
WEIGHTS: dict[str, Weight] = {
    **{
        f"instansi:iku.indikator[].{name}": Weight.TARGET
        for name in (
            "target",
            "satuan",
            "formulasi",
            "sasaran",
            "kondisi_awal",
            "target_akhir",
            "target_per_tahun[].target",
        )
    },
    "perjanjian-kinerja:program[].indikator": Weight.TARGET,
    "instansi:skala_ordinal[].nilai": Weight.TARGET,
    "perjanjian-kinerja:sasaran_program[].program": Weight.TARGET,
    "perjanjian-kinerja:sasaran_kegiatan[].kegiatan": Weight.TARGET,
    "perubahan:pagu[].baru": Weight.BUDGET,
    "perubahan:target[].target": Weight.TARGET,
    "perubahan:target[].triwulan": Weight.TARGET,
    "perubahan:tanggal": Weight.STRUCTURE,
    **{
        path: Weight.STRUCTURE
        for path in (
            "instansi:tahun",
            "instansi:tempat",
            "instansi:tanggal",
            "bidang:tempat",
            "bidang:tanggal",
            "perjanjian-kinerja:tempat",
            "perjanjian-kinerja:tanggal",
            "instansi:renstra.periode.mulai",
            "instansi:renstra.periode.selesai",
            "instansi:renstra.misi[].nomor",
            "instansi:renstra.sasaran_strategis[].id",
            "instansi:satuan_tambahan",
            "perjanjian-kinerja:anggaran",
            "perjanjian-kinerja:program[].id",
            "perjanjian-kinerja:program[].kode",
            "perjanjian-kinerja:program[].kegiatan[].id",
            "perjanjian-kinerja:program[].kegiatan[].kode",
            f"{_SUB}.kode",
            f"{_OUTPUT}.kode",
            # What a source note says of its values (reconstructed, estimated, reconciled).
            *(f"{path}.{name}" for path in _CATATAN for name in ("jenis", "isian")),
        )
    },
}

#: The Renstra values of an IKU, written in the IKU's unit: their changes carry it
#: (``TargetFieldDetail``), so they print ``70% → 75%``, as the IKU's own target does.
IN_IKU_UNIT = frozenset(
    f"instansi:iku.indikator[].{name}"
    for name in ("kondisi_awal", "target_akhir", "target_per_tahun[].target")
)

_NOT_HERE = frozenset(REPORTED_ELSEWHERE) | frozenset(RESTATED) | frozenset(IGNORED)
#: Parts whose every field another module reports, and so their appearing or going too (a
#: pihak kedua written, or written ``tidak tercantum``).
_WHOLE_ELSEWHERE = frozenset({"perjanjian-kinerja:pihak_kedua"})
#: The validators that make an int a rupiah amount (printed as ``Rp 1.000``).
_RUPIAH = [meta for alias in (Rupiah, Anggaran) for meta in get_args(alias)[1:]]


@dataclass(frozen=True, slots=True)
class _Where:
    """Where compared values are: the file, the bidang that owns them, and the item."""

    file: str
    bidang: str | None
    subject: str
    item: str | None
    key: str
    weight: Weight | None
    sub_names: Mapping[str, str]
    #: The bidang owning each budgeted unit, for the pagu a Perubahan changes.
    sub_bidang: Mapping[str, str | None]
    #: Inside an IKU: its unit before and after, in which its Renstra values are written.
    satuan: tuple[str, str] | None = None


_Side = tuple[bool, BaseModel | None]
"""One revision of a file: whether it is there, and its model if it loaded."""


def _files(base: Plan, head: Plan) -> Iterator[tuple[str, str, str | None, _Side, _Side]]:
    """(kind, file, bidang slug, base side, head side) of every plan file of either."""
    yield (
        "instansi",
        INSTANSI_FILE,
        None,
        (base.instansi_doc is not None, base.instansi),
        (head.instansi_doc is not None, head.instansi),
    )
    yield (
        "perjanjian-kinerja",
        PK_FILE,
        None,
        (base.pk_doc is not None, base.pk),
        (head.pk_doc is not None, head.pk),
    )
    old_bidang = {e.slug: e.model for e in base.bidang}
    new_bidang = {e.slug: e.model for e in head.bidang}
    for slug in dict.fromkeys([*old_bidang, *new_bidang]):
        yield (
            "bidang",
            f"{BIDANG_DIR}/{slug}.yaml",
            slug,
            (slug in old_bidang, old_bidang.get(slug)),
            (slug in new_bidang, new_bidang.get(slug)),
        )
    yield (
        "perubahan",
        PERUBAHAN_FILE,
        None,
        (base.perubahan_doc is not None, base.perubahan),
        (head.perubahan_doc is not None, head.perubahan),
    )
    for period in realisasi_periods(base, head):
        old, new = base.realisasi_at(period), head.realisasi_at(period)
        yield (
            "realisasi",
            f"{REALISASI_DIR}/{period.file_name}",
            None,
            (old is not None, old.model if old is not None else None),
            (new is not None, new.model if new is not None else None),
        )


def field_changes(base: Plan, head: Plan) -> list[Change]:
    """Every change to a field no other module reports, file by file.

    A file that did not load on either side is not compared (its contents are unknown, not
    changed; :func:`renaksi.diff.plan.diff_plans` names it as unreadable).
    """
    units = [(sid, sub) for plan in (base, head) for sid, sub in plan.units_by_id().items()]
    sub_names = {sid: sub.nama for sid, sub in units}
    sub_bidang = {sid: sub.bidang for sid, sub in units}
    out: list[Change] = []
    for kind, file, slug, (had, old), (has, new) in _files(base, head):
        if (had and old is None) or (has and new is None) or (old is None and new is None):
            continue
        either = new if new is not None else old
        subject = str(getattr(either, "nama", file))
        weight = Weight.REALISASI if kind == "realisasi" else None
        where = _Where(file, slug, subject, None, "", weight, sub_names, sub_bidang)
        if old is None or new is None:
            if kind not in REPORTED_ELSEWHERE:
                out.append(_entry(kind, where, old, new))
            continue
        out += _compare(old, new, kind, where)
        if isinstance(old, PerjanjianKinerjaFile) and isinstance(new, PerjanjianKinerjaFile):
            out += _regrouped(old, new)
    return out


def _regrouped(old: PerjanjianKinerjaFile, new: PerjanjianKinerjaFile) -> Iterator[Change]:
    """Sub kegiatan now under another kegiatan (Tabel 2.3 prints them there).

    Sub kegiatan are matched by id across the whole PK (by :mod:`renaksi.diff.plan`), so
    the comparison of each kegiatan's list does not see one leave a kegiatan for another.
    Programs and kegiatan are matched as everywhere here: a renamed kegiatan keeps its sub
    kegiatan.
    """
    same: dict[tuple[int, int], tuple[int, int]] = {}
    for i, j in _match(old.program, new.program, KEYS["perjanjian-kinerja:program[]"])[0]:
        pairs = _match(
            old.program[i].kegiatan,
            new.program[j].kegiatan,
            KEYS["perjanjian-kinerja:program[].kegiatan[]"],
        )[0]
        same.update({(i, a): (j, b) for a, b in pairs})
    before, after, subs = _parents(old), _parents(new), new.unit_index()
    for sid, now in after.items():
        was = before.get(sid)
        if was is None or same.get(was) == now:
            continue
        sub = subs[sid]
        old_program, new_program = old.program[was[0]], new.program[now[0]]
        yield Change(
            K.SUB_REGROUPED,
            Weight.STRUCTURE,
            sub.bidang,
            sub.nama,
            sid,
            (old_program.nama, old_program.kegiatan[was[1]].nama),
            (new_program.nama, new_program.kegiatan[now[1]].nama),
            UnitDetail(level=sub.level),
        )


def _parents(pk: PerjanjianKinerjaFile) -> dict[str, tuple[int, int]]:
    """(program, kegiatan) position of each sub kegiatan and output id (the first of a
    duplicate). An APBN kegiatan that carries its own pagu is no part of another kegiatan."""
    out: dict[str, tuple[int, int]] = {}
    for i, program in enumerate(pk.program):
        for a, keg in enumerate(program.kegiatan):
            for part in (*keg.sub_kegiatan, *keg.output):
                out.setdefault(part.id, (i, a))
    return out


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if ":" in path else f"{path}:{name}"


def _is_model_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


def _compare(
    old: BaseModel | None, new: BaseModel | None, path: str, where: _Where
) -> Iterator[Change]:
    """Changes between two versions of one item (either may be None: an optional part)."""
    either = new if new is not None else old
    if either is None:
        return
    if isinstance(either, IkuIndikator):
        units = (str(getattr(old, "satuan", "")), str(getattr(new, "satuan", "")))
        where = replace(where, satuan=units)
    for name, info in type(either).model_fields.items():
        field_path = _child(path, name)
        if field_path in _NOT_HERE or field_path in _WHOLE_ELSEWHERE:
            continue
        a, b = getattr(old, name, None), getattr(new, name, None)
        inner = replace(where, key=f"{where.key}.{name}" if where.key else name)
        if isinstance(a, BaseModel) or isinstance(b, BaseModel):
            yield from _compare(a, b, field_path, inner)
        elif _is_model_list(a) or _is_model_list(b):
            # A list written `tidak tercantum` on one side has no items there.
            yield from _compare_lists(_items(a), _items(b), field_path + "[]", inner)
        elif a != b:
            yield _field(field_path, info, (old, new), (a, b), inner)


def _items(value: object) -> list[BaseModel]:
    return value if isinstance(value, list) else []


def _match(
    old: Sequence[BaseModel], new: Sequence[BaseModel], keys: Sequence[str]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(matched (old, new) index pairs in the new order, unmatched old, unmatched new).

    Each key in turn pairs the items still unmatched that have the same value for it (the
    first of a duplicate wins: duplicates are findings of their own). Without keys, items
    are paired by position.
    """
    if not keys:
        n = min(len(old), len(new))
        return [(i, i) for i in range(n)], list(range(n, len(old))), list(range(n, len(new)))
    pairs: list[tuple[int, int]] = []
    left_old, left_new = list(range(len(old))), list(range(len(new)))
    for key in keys:
        waiting: dict[object, int] = {}
        for i in left_old:
            value = getattr(old[i], key, None)
            if value is not None:
                waiting.setdefault(value, i)
        unmatched: list[int] = []
        for j in left_new:
            value = getattr(new[j], key, None)
            found = waiting.pop(value, -1) if value is not None else -1
            if found < 0:
                unmatched.append(j)
            else:
                pairs.append((found, j))
        paired = {i for i, _ in pairs}
        left_old, left_new = [i for i in left_old if i not in paired], unmatched
    return sorted(pairs, key=lambda pair: pair[1]), left_old, left_new


def _inside(item: BaseModel, keys: Sequence[str], position: int, where: _Where) -> _Where:
    """Where the fields of one list item are: the item named by its first key, its name."""
    ident = next(
        (str(v) for v in (getattr(item, k, None) for k in keys) if v is not None),
        str(position + 1),
    )
    name = getattr(item, "nama", None) or getattr(item, "uraian", None)
    sub = getattr(item, "unit", None) or getattr(item, "sub_kegiatan", None)
    if isinstance(item, CatatanSumber | TargetRenstra):
        name = where.subject  # a source note, a year's target: about what holds it
    elif not isinstance(name, str):
        name = where.sub_names.get(sub, sub) if isinstance(sub, str) else ident
    # A sub kegiatan belongs to the bidang that owns it, as its pagu and name changes do.
    owner = getattr(item, "bidang", None)
    if isinstance(item, PerubahanPagu):  # a pagu the Perubahan changes: its unit's bidang
        owner = where.sub_bidang.get(item.sub_kegiatan)
    return replace(
        where,
        bidang=owner if isinstance(owner, str) else where.bidang,
        subject=name,
        item=ident,
        key=f"{where.key}[{ident}]",
    )


def _compare_lists(
    old: Sequence[BaseModel], new: Sequence[BaseModel], path: str, where: _Where
) -> Iterator[Change]:
    keys = KEYS.get(path, ())
    pairs, removed, added = _match(old, new, keys)
    for i, j in pairs:
        yield from _compare(old[i], new[j], path, _inside(new[j], keys, j, where))
    if path in REPORTED_ELSEWHERE:
        return
    for i in removed:
        yield _entry(path, _inside(old[i], keys, i, where), old[i], None)
    for j in added:
        yield _entry(path, _inside(new[j], keys, j, where), None, new[j])


def _is_rupiah(info: FieldInfo) -> bool:
    metadata = list(info.metadata)
    for arg in get_args(info.annotation):  # Rupiah | None
        metadata += getattr(arg, "__metadata__", ())
    return any(meta in _RUPIAH for meta in metadata)


def _value_kind(info: FieldInfo, sample: object) -> str:
    """How a value reads: the words format it by this (rupiah, dates, ...)."""
    if isinstance(sample, bool):
        return "bool"
    if isinstance(sample, list):
        return "list"
    if isinstance(sample, dt.date | MonthDate):
        return "date"
    if isinstance(sample, Decimal):
        return "number"
    if isinstance(sample, int):
        return "rupiah" if _is_rupiah(info) else "int"
    return "text"


def _field(
    path: str,
    info: FieldInfo,
    items: tuple[BaseModel | None, BaseModel | None],
    values: tuple[Any, Any],
    where: _Where,
) -> Change:
    a, b = values
    kind = KINDS.get(path, K.FIELD)
    weight = where.weight or WEIGHTS.get(path, Weight.WORDING)
    # The kind of what is written: a side that is empty or not stated says nothing of it.
    sample = next((v for v in (b, a) if v is not None and not isinstance(v, Absent)), None)
    value = _value_kind(info, sample)
    detail: PlanFieldDetail = PlanFieldDetail(
        file=where.file, field=path, item=where.item, value=value
    )
    if kind is K.IKU_TARGET or (path in IN_IKU_UNIT and where.satuan is not None):
        old_item, new_item = items
        old_unit, new_unit = where.satuan or (
            str(getattr(old_item, "satuan", "")),
            str(getattr(new_item, "satuan", "")),
        )
        detail = TargetFieldDetail(
            file=where.file,
            field=path,
            item=where.item,
            value=value,
            satuan=new_unit,
            old_satuan=old_unit,
        )
    return Change(kind, weight, where.bidang, where.subject, where.key, a, b, detail)


def _flat(item: BaseModel) -> dict[str, Any]:
    """An item's own values: its fields that are not lists, and its parts that hold no
    lists (a target, an address, a signer)."""
    out: dict[str, Any] = {}
    for name in type(item).model_fields:
        value = getattr(item, name)
        if isinstance(value, BaseModel):
            parts = value.model_dump()
            if not any(isinstance(v, list | dict) for v in parts.values()):
                out[name] = parts
        elif value is not None and not isinstance(value, list):
            out[name] = value
    return out


def _entry(path: str, where: _Where, old: BaseModel | None, new: BaseModel | None) -> Change:
    """A list item or a file present on one side only."""
    kind = K.ENTRY_ADDED if old is None else K.ENTRY_REMOVED
    detail: PlanFieldDetail = PlanFieldDetail(
        file=where.file, field=path, item=where.item, value="entry"
    )
    if f"{path}.target" in IN_IKU_UNIT and where.satuan is not None:
        # A year's Renstra target: in the unit of the IKU that holds it.
        old_unit, new_unit = where.satuan
        detail = TargetFieldDetail(
            file=where.file,
            field=path,
            item=where.item,
            value="entry",
            satuan=new_unit,
            old_satuan=old_unit,
        )
    return Change(
        kind,
        where.weight or Weight.STRUCTURE,
        where.bidang,
        where.subject,
        where.key or where.file,
        None if old is None else _flat(old),
        None if new is None else _flat(new),
        detail,
    )
