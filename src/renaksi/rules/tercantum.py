"""Absence rules (``TC``): every fact a plan writes as ``tidak tercantum`` is listed, and
every written total that an absent part keeps from being checked is named.

A plan never has to invent a fact its source document does not state: it writes the one
spelling ``tidak tercantum`` (:data:`~renaksi.plan.values.TIDAK_TERCANTUM`), every other
rule passes the value over, and these rules make sure that is never silent. They are
warnings, so the plan stays valid, and ``--strict`` fails it: a reviewer can demand a
complete plan.

The absent values are found by walking the loaded models, not from a list of fields, so a
field that may be absent later is listed the day it is added.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.model import (
    IkuIndikator,
    Indikator,
    Kantor,
    Kegiatan,
    Output,
    Pegawai,
    Program,
    RencanaUnit,
    SubKegiatan,
    TargetRenstra,
)
from renaksi.plan.values import Absent, Rupiah
from renaksi.rules import walk
from renaksi.rules.anggaran import kegiatan_total, program_total, total_of
from renaksi.rules.base import Context, Finding, rule

W = Severity.WARNING

#: What each field that may be absent is, in the words of the message.
_FACT = {
    "nip": "NIP",
    "nrp": "NRP",
    "tempat": "tempat penandatanganan",
    "tanggal": "tanggal penandatanganan",
    "total_pagu": "total pagu",
    "pemerintah": "pemerintah atau kementerian induk",
    "kode_pos": "kode pos",
    "website": "situs web",
    "pihak_kedua": "pihak kedua Perjanjian Kinerja",
    "anggaran": "anggaran Perjanjian Kinerja",
    "renstra": "Renstra (periode, visi, misi, tujuan dan sasaran strategis)",
    "periode": "periode Renstra",
    "visi": "visi Renstra",
    "misi": "misi Renstra",
    "tujuan": "tujuan Renstra",
    "iku": "tabel IKU (indikator kinerja utama)",
    "kondisi_awal": "kondisi awal Renstra",
    "target_per_tahun": "target Renstra per tahun",
    "target_akhir": "target akhir Renstra",
}
#: Whose signer a Pegawai is, by the key that holds it.
_SIGNER = {"kepala": "kepala instansi", "penandatangan": "penandatangan bidang"}


def _named(kind: str) -> Callable[[BaseModel, str], str]:
    def name(item: BaseModel, _key: str) -> str:
        ident = (
            getattr(item, "id", None) or getattr(item, "kode", None) or getattr(item, "nama", "")
        )
        return f"{kind} {ident}"

    return name


#: Whose fact it is, by the model that holds the field (and the key that holds the model).
_OWNER: dict[type[BaseModel], Callable[[BaseModel, str], str]] = {
    Pegawai: lambda _item, key: _SIGNER.get(key, key.replace("_", " ")),
    Kantor: lambda _item, _key: "instansi",
    SubKegiatan: _named("sub kegiatan"),
    Output: _named("output"),
    Kegiatan: _named("kegiatan"),
    Program: _named("program"),
    Indikator: _named("indikator"),
    IkuIndikator: lambda _item, key: f"IKU {key}",
    TargetRenstra: lambda item, _key: f"Renstra tahun {getattr(item, 'tahun', '')}",
    RencanaUnit: lambda item, _key: (
        f"{getattr(item, 'unit_key', '').replace('_', ' ')} {getattr(item, 'unit', '')} "
        "di berkas bidang"
    ),
}


def _what(holder: BaseModel, holder_key: str, field: str) -> str:
    fact = _FACT.get(field, field.replace("_", " "))
    owner = next((f for cls, f in _OWNER.items() if isinstance(holder, cls)), None)
    return f"{fact} {owner(holder, holder_key)}" if owner is not None else fact


def absent_facts(item: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every field below ``item`` written ``tidak tercantum``: its path and what it is."""
    found: list[tuple[KeyPath, str]] = []
    _collect(item, path, found)
    return iter(found)


def _collect(item: BaseModel, path: KeyPath, found: list[tuple[KeyPath, str]]) -> None:
    key = path[-1] if path else ""
    # A list item is named by its number counted from 1 (an IKU has no id).
    holder_key = str(key + 1) if isinstance(key, int) else key
    for name, deep in _holding(type(item)):
        value = getattr(item, name)
        if isinstance(value, Absent):
            found.append(((*path, name), _what(item, holder_key, name)))
        elif not deep:
            continue  # otherwise text, numbers, or models that hold none
        elif isinstance(value, BaseModel):
            if _holding(type(value)):  # a model that cannot hold one (a target) is passed
                _collect(value, (*path, name), found)
        elif isinstance(value, list):
            for i, part in enumerate(value):
                if isinstance(part, BaseModel) and _holding(type(part)):
                    _collect(part, (*path, name, i), found)


#: The types a field's annotation can name whose values are neither absent nor hold a model:
#: what the walk need not look at.
_PLAIN: tuple[type, ...] = (str, int, float, bool, Decimal, date, type(None))


@functools.cache
def _holding(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``model``, in order, whose values may be absent or hold a model that
    may, at any depth, each with whether it may hold one (else it may only be absent):
    worked out once per model class from the fields' types, so a field added later that
    may be absent is walked, and what can only be text, numbers or models of those (every
    aksi with its notes) is not."""
    fields = ((name, f.annotation) for name, f in model.model_fields.items())
    return tuple(
        (name, _deep(kind)) for name, kind in fields if _deep(kind) or _may_be_absent(kind)
    )


def _deep(annotation: object) -> bool:
    """False only for a type whose values are certainly absent or plain (text, numbers,
    dates, a literal, models that hold none, lists of those); anything not understood is
    walked."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _deep(args[0])
    if origin in (typing.Union, types.UnionType, list, tuple):
        return any(_deep(arg) for arg in args if arg is not Ellipsis)
    if origin is Literal:
        return False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        # A value may be of a subclass (a model built in code keeps the instance it got).
        return any(_holding(kind) for kind in _kinds(annotation))
    return not (isinstance(annotation, type) and issubclass(annotation, (*_PLAIN, Absent)))


def _may_be_absent(annotation: object) -> bool:
    """Whether a value of this type may itself be absent; anything not understood may."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _may_be_absent(args[0])
    if origin in (typing.Union, types.UnionType):
        return any(_may_be_absent(arg) for arg in args)
    if origin in (list, tuple, Literal):
        return False
    if isinstance(annotation, type):
        return issubclass(annotation, Absent) or not issubclass(annotation, (*_PLAIN, BaseModel))
    return True


def _kinds(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for sub in model.__subclasses__():
        yield from _kinds(sub)


def _loaded(ctx: Context) -> Iterator[tuple[PlanFile, BaseModel]]:
    plan = ctx.plan
    if plan.instansi is not None and plan.instansi_doc is not None:
        yield plan.instansi_doc, plan.instansi
    if plan.pk is not None and plan.pk_doc is not None:
        yield plan.pk_doc, plan.pk
    for entry, doc in walk.loaded_bidang(plan):
        assert entry.model is not None
        yield doc, entry.model
    for real in plan.realisasi:
        if real.model is not None:
            yield real.doc, real.model


@rule("TC01", "tercantum.tidak-tercantum", W, "Fakta yang tidak tercantum di dokumen sumber.")
def listed(ctx: Context) -> Iterator[Finding]:
    """
    Fakta yang tidak dicantumkan dokumen sumber ditulis ``tidak tercantum`` (tepat begitu,
    huruf kecil), tidak dikarang: nama, NIP atau NRP, pangkat, golongan dan jabatan
    penandatangan; tempat dan tanggal penandatanganan; pagu; target; alamat dan kota
    instansi; seluruh anggaran PK (``anggaran: tidak tercantum``: satu temuan, bukan satu
    per pagu yang tidak ditulis). Aturan lain melewati nilai itu (jumlah yang bagiannya
    tidak tercantum tidak dianggap nol: lihat TC02), laporan mencetak "tidak tercantum",
    dan aturan ini mencatat setiap fakta itu satu per satu. Ini peringatan: rencana tetap
    sah, tetapi ``--strict`` menolaknya, sehingga peninjau dapat meminta rencana yang
    lengkap.

    Berbeda dengan kunci yang lupa ditulis (SC02) dan nilai kosong (SC06). Folder yang hanya
    berisi Perjanjian Kinerja (tanpa folder ``bidang/``) tanpa ``pihak_kedua`` juga dicatat:
    Perjanjian Kinerja ditandatangani dua pihak.
    """
    for doc, model in _loaded(ctx):
        for path, what in absent_facts(model):
            yield ctx.finding(doc, path, "{what} tidak tercantum di dokumen sumber", what=what)
    plan = ctx.plan
    pk, pk_doc = plan.pk, plan.pk_doc
    if plan.pk_only and pk is not None and pk_doc is not None and pk.pihak_kedua is None:
        yield ctx.finding(
            pk_doc,
            (),
            "pihak kedua Perjanjian Kinerja (atasan langsung yang ikut menandatangani) "
            "tidak ditulis; tulis pihak_kedua, atau pihak_kedua: tidak tercantum bila "
            "dokumen tidak mencantumkannya",
        )


def _absent_pagu(places: Iterator[tuple[KeyPath, object]]) -> list[KeyPath]:
    return [path for path, value in places if isinstance(value, Absent)]


def _kegiatan_parts(keg: walk.Placed[Kegiatan]) -> Iterator[tuple[KeyPath, object]]:
    # Its sub kegiatan (pemda) or outputs (APBN); an APBN kegiatan that is not divided is
    # its own part, and its pagu is listed by the level above.
    for key in ("sub_kegiatan", "output"):
        for k, part in enumerate(getattr(keg.item, key)):
            yield (*keg.path, key, k, "pagu"), part.pagu


def _program_parts(prog: walk.Placed[Program]) -> Iterator[tuple[KeyPath, object]]:
    # Only what the program's total is made of: a kegiatan with a written pagu hides its
    # sub kegiatan from the level above.
    for j, keg in enumerate(prog.item.kegiatan):
        path = (*prog.path, "kegiatan", j)
        if not isinstance(keg.pagu, int):
            yield (*path, "pagu"), keg.pagu
            yield from _kegiatan_parts(walk.Placed(prog.doc, path, keg))


def _total_parts(prog: walk.Placed[Program]) -> Iterator[tuple[KeyPath, object]]:
    if not isinstance(prog.item.pagu, int):
        yield (*prog.path, "pagu"), prog.item.pagu
        yield from _program_parts(prog)


@rule(
    "TC02",
    "tercantum.jumlah-tak-terperiksa",
    W,
    "Jumlah tertulis yang tidak dapat diperiksa karena bagiannya tidak tercantum.",
)
def unchecked(ctx: Context) -> Iterator[Finding]:
    """
    Pagu kegiatan, pagu program dan ``total_pagu`` yang tertulis diperiksa terhadap jumlah
    bagiannya (BG01-BG03). Bila salah satu bagian ``tidak tercantum``, jumlahnya tidak
    diketahui: pagu yang tidak tercantum tidak dianggap Rp 0, jadi jumlah tertulis itu tidak
    diperiksa, dan aturan ini mengatakannya di tempat jumlah itu, menyebut baris bagian
    yang tidak tercantum.
    """
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None or isinstance(pk.anggaran, Absent):
        return  # no budget stated: no total to check (BG05 refuses one written anyway)
    totals: list[tuple[KeyPath, str, object, list[KeyPath]]] = []
    for keg in ctx.kegiatan():
        if isinstance(keg.item.computed_pagu, Absent):
            parts = _absent_pagu(_kegiatan_parts(keg))
            totals.append(((*keg.path, "pagu"), "pagu kegiatan", keg.item.pagu, parts))
    programs = list(ctx.programs())
    for prog in programs:
        if isinstance(total_of(kegiatan_total(k) for k in prog.item.kegiatan), Absent):
            parts = _absent_pagu(_program_parts(prog))
            totals.append(((*prog.path, "pagu"), "pagu program", prog.item.pagu, parts))
    if isinstance(total_of(program_total(p.item) for p in programs), Absent):
        parts = [part for prog in programs for part in _absent_pagu(_total_parts(prog))]
        totals.append((("total_pagu",), "total pagu", pk.total_pagu, parts))
    for path, what, written, parts in totals:
        if not isinstance(written, int):
            continue  # nothing written, or written absent: nothing to check
        related = [ctx.at(doc, p) for p in parts]
        yield ctx.finding(
            doc,
            path,
            "{what} tertulis {stated} tidak dapat diperiksa: {n} pagu bagiannya tidak "
            "tercantum (baris {lines}), dan pagu yang tidak tercantum tidak dianggap Rp 0",
            related=related,
            what=what,
            stated=Rupiah(written),
            n=len(parts),
            lines=", ".join(str(r.line) for r in related),
        )


RULES = (listed, unchecked)
