"""The Perubahan plan: the murni plan with the values ``perubahan.yaml`` changes.

The murni files are never edited for a Perubahan: ``perubahan.yaml`` lists each changed
pagu and target with its old and new value, so a pull request that adds it shows exactly
what the DPPA changed, and both versions can be printed, checked and compared. Applying it
replaces the changed pagu (the written kegiatan, program and plan totals move by the same
amounts, so the sums stay as consistent as they were) and the changed targets; anything
the Perubahan names that the plan does not have is left for the PR rules to report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from renaksi.plan.folder import BidangEntry, Plan
from renaksi.plan.model import (
    BidangFile,
    Indikator,
    Kegiatan,
    PerjanjianKinerjaFile,
    PerubahanFile,
    PerubahanTarget,
    Program,
    _Part,
)
from renaksi.plan.values import TIDAK_TERCANTUM, Absent


def _moved(written: object, delta: int) -> object:
    """A written total moved by ``delta`` (a total not written, or not stated, stays so)."""
    return written + delta if isinstance(written, int) else written


def _part(part: _Part, new: Mapping[str, int]) -> _Part:
    return part.model_copy(update={"pagu": new[part.id]}) if part.id in new else part


def _delta(part: _Part, new: Mapping[str, int]) -> int:
    if part.id not in new or isinstance(part.pagu, Absent):
        return 0
    return new[part.id] - part.pagu


def _kegiatan(keg: Kegiatan, new: Mapping[str, int]) -> tuple[Kegiatan, int]:
    parts = [*keg.sub_kegiatan, *keg.output]
    delta = sum(_delta(p, new) for p in parts)
    update: dict[str, object] = {
        "sub_kegiatan": [_part(p, new) for p in keg.sub_kegiatan],
        "output": [_part(p, new) for p in keg.output],
    }
    if not parts and keg.id is not None and keg.id in new and isinstance(keg.pagu, int):
        delta = new[keg.id] - keg.pagu  # an APBN kegiatan that carries its own pagu
        update["pagu"] = new[keg.id]
    else:
        update["pagu"] = _moved(keg.pagu, delta)
    return keg.model_copy(update=update), delta


def _program(program: Program, new: Mapping[str, int]) -> tuple[Program, int]:
    done = [_kegiatan(k, new) for k in program.kegiatan]
    delta = sum(d for _, d in done)
    update = {"kegiatan": [k for k, _ in done], "pagu": _moved(program.pagu, delta)}
    return program.model_copy(update=update), delta


def _indikator(ind: Indikator, changes: Mapping[str, PerubahanTarget]) -> Indikator:
    change = changes.get(ind.id)
    if change is None:
        return ind
    update: dict[str, object] = {}
    if change.target is not None:
        update["target"] = change.target
    if change.triwulan is not None:
        update["triwulan"] = list(change.triwulan)
    return ind.model_copy(update=update)


def pk_perubahan(pk: PerjanjianKinerjaFile, perubahan: PerubahanFile) -> PerjanjianKinerjaFile:
    """The PK with the Perubahan's pagu and targets."""
    new = {p.sub_kegiatan: p.baru for p in perubahan.pagu}
    targets = {t.indikator: t for t in perubahan.target}
    done = [_program(p, new) for p in pk.program]
    # The written total moves with its parts, as the kegiatan's do: whether the Perubahan
    # says so consistently (its own total_pagu) is PR05's finding, not a second one here.
    return pk.model_copy(
        update={
            "program": [p for p, _ in done],
            "indikator": [_indikator(i, targets) for i in pk.indikator],
            "total_pagu": _moved(pk.total_pagu, sum(d for _, d in done)),
        }
    )


def bidang_perubahan(bidang: BidangFile, perubahan: PerubahanFile) -> BidangFile:
    """A bidang file with the Perubahan's targets of its indicators."""
    targets = {t.indikator: t for t in perubahan.target}
    if not any(i.id in targets for i in bidang.indikator):
        return bidang
    return bidang.model_copy(
        update={"indikator": [_indikator(i, targets) for i in bidang.indikator]}
    )


def apply(plan: Plan) -> Plan | None:
    """The Perubahan version of ``plan``; None when it has no (readable) Perubahan or its
    PK did not load. The files and their texts are the murni ones: a finding in the
    Perubahan version points at the murni value it concerns."""
    if plan.perubahan is None or plan.pk is None:
        return None
    change = plan.perubahan
    return replace(
        plan,
        pk=pk_perubahan(plan.pk, change),
        bidang=[
            BidangEntry(e.slug, e.doc, bidang_perubahan(e.model, change) if e.model else None)
            for e in plan.bidang
        ],
    )


def printed(plan: Plan) -> Plan | None:
    """The Perubahan version of ``plan`` as its documents are printed: signed where and
    when ``perubahan.yaml`` says, or not stated. The murni place and date would date the
    Perubahan before it took effect; validation keeps the murni ones (:func:`apply`), so
    it does not report every murni signature as missing from the Perubahan version."""
    changed = apply(plan)
    if changed is None or plan.perubahan is None:
        return None
    change = plan.perubahan
    signing = {
        "tempat": change.tempat if change.tempat is not None else TIDAK_TERCANTUM,
        "tanggal": (
            change.tanggal_tanda_tangan
            if change.tanggal_tanda_tangan is not None
            else TIDAK_TERCANTUM
        ),
    }
    instansi = changed.instansi
    assert changed.pk is not None
    return replace(
        changed,
        instansi=instansi.model_copy(update=signing) if instansi is not None else None,
        pk=changed.pk.model_copy(update=signing),
        bidang=[
            BidangEntry(e.slug, e.doc, e.model.model_copy(update=signing) if e.model else None)
            for e in changed.bidang
        ],
    )
