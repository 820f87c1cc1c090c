"""Nomenclature code rules (``KD``): ``kode`` values follow the nomenclature of the budget.

Pemda (Kepmendagri 050-5889/2021): a sub kegiatan code is ``U.BB.PP.L.KK.SSSS``
(``8.01.02.2.01.0004``); its kegiatan's is ``U.BB.PP.L.KK`` (``8.01.02.2.01``) and its
program's ``U.BB.PP`` (``8.01.02``). APBN: a program code is ``BA.UE.PP`` (``036.01.WA``),
a kegiatan code four digits (``3502``), an output code the kegiatan's followed by the KRO
and optionally the RO (``3502.ABA``, ``3502.ABA.001``). Codes are optional (some are not
published); those written must be well formed and nest. A PK whose budget is not stated
may follow either nomenclature: only the uniqueness of its codes is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.folder import Plan
from renaksi.plan.values import stated
from renaksi.rules.base import Context, Finding, rule

E = Severity.ERROR

PEMDA = {
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
APBN = {
    "program": (re.compile(r"^[0-9]{3}\.[0-9]{2}\.[A-Z]{2}$"), "BA.UE.PP, mis. 036.01.WA"),
    "kegiatan": (re.compile(r"^[0-9]{4}$"), "empat angka, mis. 3502"),
    "output": (
        re.compile(r"^[0-9]{4}\.[A-Z]{3}(\.[0-9]{3})?$"),
        "KKKK.KRO atau KKKK.KRO.RO, mis. 3502.ABA atau 3502.ABA.001",
    ),
}
#: The code formats of each budget shape, by level.
FORMATS = {"pemda": PEMDA, "apbn": APBN}
#: The level whose code each level's code starts with, in each shape.
PARENTS = {
    "pemda": {"kegiatan": "program", "sub kegiatan": "kegiatan"},
    "apbn": {"output": "kegiatan"},
}
_OLD_SUB = re.compile(r"^[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}$")


#: A code's place: level, file, path, the code and its parent's code.
_Code = tuple[str, PlanFile, KeyPath, str | None, str | None]


def _codes(ctx: Context) -> Sequence[_Code]:
    """(level, doc, path, code, parent code) for every program, kegiatan, sub kegiatan and
    output; walked once for the three rules."""
    return ctx.shared("codes", _code_places)


def _code_places(plan: Plan) -> Iterator[_Code]:
    pk, doc = plan.pk, plan.pk_doc
    if pk is None or doc is None:
        return
    for i, prog in enumerate(pk.program):
        prog_path = ("program", i)
        yield "program", doc, (*prog_path, "kode"), prog.kode, None
        for j, keg in enumerate(prog.kegiatan):
            keg_path = (*prog_path, "kegiatan", j)
            yield "kegiatan", doc, (*keg_path, "kode"), keg.kode, prog.kode
            for k, sub in enumerate(keg.sub_kegiatan):
                sub_path = (*keg_path, "sub_kegiatan", k, "kode")
                yield "sub kegiatan", doc, sub_path, sub.kode, keg.kode
            for k, out in enumerate(keg.output):
                yield "output", doc, (*keg_path, "output", k, "kode"), out.kode, keg.kode


def _shape(ctx: Context) -> str:
    """The PK's budget shape: pemda, apbn, or "" when the budget is not stated (or the PK
    did not load)."""
    pk = ctx.plan.pk
    return (stated(pk.anggaran) or "") if pk is not None else ""


def _formats(ctx: Context) -> dict[str, tuple[re.Pattern[str], str]]:
    """The code formats of the PK's budget shape (none when the budget is not stated)."""
    return FORMATS.get(_shape(ctx), {})


def _well_formed(
    formats: dict[str, tuple[re.Pattern[str], str]], level: str, code: str | None
) -> bool:
    return code is not None and level in formats and bool(formats[level][0].match(code))


@rule("KD01", "kode.format", E, "Kode nomenklatur berformat benar.")
def code_format(ctx: Context) -> Iterator[Finding]:
    """
    Anggaran pemda: kode program ``U.BB.PP``, kegiatan ``U.BB.PP.L.KK``, sub kegiatan
    ``U.BB.PP.L.KK.SSSS`` (Kepmendagri 050-5889/2021). Kode sub kegiatan lama dua digit
    (``8.01.02.2.01.04``, era Permendagri 90/2019) ditolak dengan saran bentuk empat
    digitnya. Anggaran APBN: kode program ``BA.UE.PP`` (``036.01.WA``), kegiatan empat
    angka (``3502``), output ``KKKK.KRO`` atau ``KKKK.KRO.RO`` (``3502.ABA.001``). Anggaran
    yang tidak tercantum: format tidak diperiksa.
    """
    formats = _formats(ctx)
    for level, doc, path, code, _ in _codes(ctx):
        if code is None or level not in formats or _well_formed(formats, level, code):
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
            form=formats[level][1],
            hint=hint,
        )


@rule("KD02", "kode.induk", E, "Kode diawali kode induknya.")
def code_nesting(ctx: Context) -> Iterator[Finding]:
    """
    Anggaran pemda: kode sub kegiatan diawali kode kegiatannya, dan kode kegiatan diawali
    kode programnya: ``8.01.02.2.01.0004`` berada di bawah ``8.01.02.2.01`` yang berada di
    bawah ``8.01.02``. Anggaran APBN: kode output diawali kode kegiatannya (``3502.ABA.001``
    di bawah ``3502``); kode kegiatan APBN tidak memuat kode program. Diperiksa bila kedua
    kode tertulis dan berformat benar.
    """
    formats = _formats(ctx)
    parent_level = PARENTS.get(_shape(ctx), {})
    for level, doc, path, code, parent in _codes(ctx):
        if level not in parent_level or not _well_formed(formats, level, code):
            continue
        if not _well_formed(formats, parent_level[level], parent):
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
    """Satu kode nomenklatur menunjuk satu program, kegiatan, sub kegiatan atau output."""
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
