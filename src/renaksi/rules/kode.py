"""Nomenclature code rules (``KD``): ``kode`` values follow Kepmendagri 050-5889/2021.

A sub kegiatan code is ``U.BB.PP.L.KK.SSSS`` (``8.01.02.2.01.0004``); its kegiatan's is
``U.BB.PP.L.KK`` (``8.01.02.2.01``) and its program's ``U.BB.PP`` (``8.01.02``). Codes are
optional (some are not published); those written must be well formed and nest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Severity
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E = Severity.ERROR

FORMATS = {
    "program": (re.compile(r"^[0-9]\.[0-9]{2}\.[0-9]{2}$"), "U.BB.PP, mis. 8.01.02"),
    "kegiatan": (
        re.compile(r"^[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}$"),
        "U.BB.PP.L.KK, mis. 8.01.02.2.01",
    ),
    "sub kegiatan": (
        re.compile(r"^[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$"),
        "U.BB.PP.L.KK.SSSS, mis. 8.01.02.2.01.0004",
    ),
}
_OLD_SUB = re.compile(r"^[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}$")


def _codes(ctx: Context) -> Iterator[tuple[str, PlanFile, KeyPath, str | None, str | None]]:
    """(level, doc, path, code, parent code) for every program, kegiatan and sub kegiatan."""
    pk, doc = ctx.plan.pk, ctx.plan.pk_doc
    if pk is None or doc is None:
        return
    for prog in walk.programs(doc, pk):
        yield "program", doc, (*prog.path, "kode"), prog.item.kode, None
        for j, keg in enumerate(prog.item.kegiatan):
            keg_path = (*prog.path, "kegiatan", j)
            yield "kegiatan", doc, (*keg_path, "kode"), keg.kode, prog.item.kode
            for k, sub in enumerate(keg.sub_kegiatan):
                sub_path = (*keg_path, "sub_kegiatan", k, "kode")
                yield "sub kegiatan", doc, sub_path, sub.kode, keg.kode


def _well_formed(level: str, code: str | None) -> bool:
    return code is not None and bool(FORMATS[level][0].match(code))


@rule("KD01", "kode.format", E, "Kode nomenklatur berformat benar.")
def code_format(ctx: Context) -> Iterator[Finding]:
    """
    Kode program ``U.BB.PP``, kegiatan ``U.BB.PP.L.KK``, sub kegiatan ``U.BB.PP.L.KK.SSSS``
    (Kepmendagri 050-5889/2021). Kode sub kegiatan lama dua digit (``8.01.02.2.01.04``,
    era Permendagri 90/2019) ditolak dengan saran bentuk empat digitnya.
    """
    for level, doc, path, code, _ in _codes(ctx):
        if code is None or _well_formed(level, code):
            continue
        hint = ""
        if level == "sub kegiatan" and _OLD_SUB.match(code):
            head, tail = code.rsplit(".", 1)
            hint = f"; bentuk lama dua digit, tulis {head}.00{tail}"
        yield ctx.finding(
            doc,
            path,
            "kode {level} {code} tidak berformat {form}{hint}",
            level=level,
            code=code,
            form=FORMATS[level][1],
            hint=hint,
        )


@rule("KD02", "kode.induk", E, "Kode diawali kode induknya.")
def code_nesting(ctx: Context) -> Iterator[Finding]:
    """
    Kode sub kegiatan diawali kode kegiatannya, dan kode kegiatan diawali kode programnya:
    ``8.01.02.2.01.0004`` berada di bawah ``8.01.02.2.01`` yang berada di bawah ``8.01.02``.
    Diperiksa bila kedua kode tertulis dan berformat benar.
    """
    parent_level = {"kegiatan": "program", "sub kegiatan": "kegiatan"}
    for level, doc, path, code, parent in _codes(ctx):
        if level == "program" or not _well_formed(level, code):
            continue
        if not _well_formed(parent_level[level], parent):
            continue
        assert code is not None
        assert parent is not None
        if not code.startswith(parent + "."):
            yield ctx.finding(
                doc,
                path,
                "kode {level} {code} tidak diawali kode induknya {parent}",
                level=level,
                code=code,
                parent=parent,
            )


@rule("KD03", "kode.ganda", E, "Setiap kode dipakai sekali.")
def code_unique(ctx: Context) -> Iterator[Finding]:
    """Satu kode nomenklatur menunjuk satu program, kegiatan atau sub kegiatan."""
    first: dict[str, KeyPath] = {}
    for _, doc, path, code, _ in _codes(ctx):
        if code is None:
            continue
        if code in first:
            where = ctx.at(doc, first[code])
            yield ctx.finding(
                doc,
                path,
                "kode {code} sudah dipakai di {where}",
                related=[where],
                code=code,
                where=str(where),
            )
        else:
            first[code] = path


RULES = (code_format, code_nesting, code_unique)
