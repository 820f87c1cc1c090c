"""What a change does to the quarterly realisasi: two loaded revisions in, changes out. Pure.

Realisasi files are matched by period (the file name: ``realisasi/tw<N>.yaml``, ``s1.yaml``,
``tahunan.yaml``, ``sd-<date>.yaml``), then
indicators by ``id``, sub kegiatan by ``sub_kegiatan`` and aksi by ``no`` (their number in
the plan's table, which is how a realisasi file names them). A quarter that is new or gone
is one change summarising the file, not a line per number. A file that did not load on
either side is not compared: :func:`renaksi.diff.plan.diff_plans` names it as unreadable.

A change belongs to the bidang that owns its sub kegiatan or indicator as the plan says
(the head revision first); PK indicators and whole files are agency level (``None``).

The kinds are the ``REALISASI_*`` members of :class:`renaksi.diff.changes.ChangeKind`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from renaksi.diff.changes import (
    Change,
    ChangeKind,
    Output,
    QuarterDetail,
    RealisasiAksiDetail,
    RealisasiAnggaranDetail,
    RealisasiFieldDetail,
    RealisasiFileDetail,
    RealisasiIndikatorDetail,
    RealisasiKeluaranDetail,
    RealisasiPenjelasanDetail,
    RealisasiSubAddedDetail,
    ReportedAksiDetail,
    Weight,
)
from renaksi.plan.folder import Plan
from renaksi.plan.model import (
    RealisasiAksi,
    RealisasiFile,
    RealisasiIndikator,
    RealisasiUnit,
    Target,
    UnitLevel,
    units_word,
)
from renaksi.plan.periods import Period
from renaksi.plan.values import Absent, stated, sum_or_absent

W = Weight.REALISASI
PENJELASAN = ("faktor_pendukung", "faktor_penghambat", "upaya_perbaikan")
FILE_FIELDS = ("tahun", "tanggal", "catatan")


@dataclass(slots=True)
class _Names:
    """What the plan says about the items a realisasi file names (head over base)."""

    indikator: dict[str, tuple[str | None, str, str]] = field(default_factory=dict)
    subs: dict[str, tuple[str | None, str, int | None]] = field(default_factory=dict)
    levels: dict[str, UnitLevel] = field(default_factory=dict)
    targets: dict[str, Output] = field(default_factory=dict)
    aksi: dict[tuple[str, int], str] = field(default_factory=dict)

    def indikator_of(self, iid: str) -> tuple[str | None, str, str]:
        """(bidang, name, unit) of an indicator; an unknown one is agency level."""
        return self.indikator.get(iid, (None, iid, ""))

    def sub_of(self, sid: str) -> tuple[str | None, str, int | None]:
        """(bidang, name, pagu) of a sub kegiatan."""
        return self.subs.get(sid, (None, sid, None))

    def level_of(self, sid: str) -> str:
        """What a budgeted unit is; a unit neither plan has is called what the plans'
        units are (an APBN plan has no sub kegiatan to speak of)."""
        found = self.levels.get(sid)
        return found if found is not None else units_word(self.levels.values())


def _names_of(plan: Plan, names: _Names) -> None:
    found: dict[str, tuple[str | None, str, str]] = {}
    if plan.pk is not None:
        for pk_ind in plan.pk.indikator:
            found.setdefault(pk_ind.id, (None, pk_ind.nama, pk_ind.satuan))
        for sid, sub in plan.pk.unit_index().items():
            # An unstated pagu is no pagu to take a share of (as if unknown).
            names.subs[sid] = (sub.bidang, sub.nama, stated(sub.pagu))
            names.levels[sid] = sub.level
    for entry in plan.bidang:
        if entry.model is None:
            continue
        for ind in entry.model.indikator:
            found.setdefault(ind.id, (entry.slug, ind.nama, ind.satuan))
        for ren in entry.model.rencana_aksi:
            if not isinstance(ren.target, Absent):
                names.targets[ren.unit] = (ren.target.jumlah, ren.target.satuan)
            for no, aksi in enumerate(ren.aksi, start=1):
                names.aksi[(ren.unit, no)] = aksi.nama
    names.indikator.update(found)


def _names(base: Plan, head: Plan) -> _Names:
    names = _Names()
    for plan in (base, head):
        _names_of(plan, names)
    return names


def _total_pagu(plan: Plan) -> int | None:
    if plan.pk is None:
        return None
    return stated(sum_or_absent(unit.pagu for unit in plan.pk.units()))


K = TypeVar("K")
T = TypeVar("T")


def _by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    """Items by ``key(item)``; the first of a duplicate wins (duplicates are RL03's)."""
    out: dict[K, T] = {}
    for item in items:
        out.setdefault(key(item), item)
    return out


def _text(value: str | None) -> str | None:
    """Free text as a reader sees it: line breaks and runs of spaces are one space."""
    if value is None:
        return None
    return " ".join(value.split()) or None


def _output(target: Target | None) -> Output | None:
    return None if target is None else (target.jumlah, target.satuan)


def _done(aksi: Sequence[RealisasiAksi]) -> int:
    return sum(1 for a in aksi if a.bulan)


def periods(base: Plan, head: Plan) -> list[Period]:
    """The periods of the realisasi files of either revision, in the order they end."""
    found = {r.period for plan in (base, head) for r in plan.realisasi}
    return sorted(found, key=Period.sort_key)


def _when(period: Period) -> QuarterDetail:
    """The period of a change: its quarter, or (for the other files) the file's stem."""
    if period.kind == "triwulan":
        return QuarterDetail(triwulan=period.number)
    return QuarterDetail(triwulan=None, periode=period.stem)


def realisasi_changes(base: Plan, head: Plan) -> list[Change]:
    """Every change to the realisasi files between ``base`` and ``head``, by period."""
    names = _names(base, head)
    out: list[Change] = []
    for q in periods(base, head):
        before, after = base.realisasi_at(q), head.realisasi_at(q)
        old = before.model if before is not None else None
        new = after.model if after is not None else None
        if (before is not None and old is None) or (after is not None and new is None):
            continue  # did not load: its contents are unknown, not deleted
        if old is None and new is not None:
            added = ChangeKind.REALISASI_FILE_ADDED
            out.append(_file_change(added, q, new, _total_pagu(head), names))
        elif new is None and old is not None:
            removed = ChangeKind.REALISASI_FILE_REMOVED
            out.append(_file_change(removed, q, old, _total_pagu(base), names))
        elif old is not None and new is not None:
            out += _quarter_changes(q, old, new, names)
    return out


def _file_change(
    kind: ChangeKind, q: Period, model: RealisasiFile, pagu: int | None, names: _Names
) -> Change:
    subs = _by(model.sub_kegiatan, lambda s: s.sub_kegiatan)
    spent = sum(s.anggaran for s in subs.values())
    detail = RealisasiFileDetail(
        **_when(q),
        indikator=len(_by(model.indikator, lambda i: i.id)),
        sub_kegiatan=len(subs),
        aksi=sum(_done(s.aksi) for s in subs.values()),
        pagu=pagu,
        level=units_word(names.levels.values()),
    )
    old, new = (None, spent) if kind is ChangeKind.REALISASI_FILE_ADDED else (spent, None)
    return Change(kind, W, None, f"realisasi/{q.file_name}", q.stem, old, new, detail)


def _quarter_changes(
    q: Period, old: RealisasiFile, new: RealisasiFile, names: _Names
) -> Iterator[Change]:
    subject = f"realisasi/{q.file_name}"
    for name in FILE_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if name == "catatan":
            a, b = _text(a), _text(b)
        if a != b:
            yield Change(
                ChangeKind.REALISASI_FIELD,
                W,
                None,
                subject,
                q.stem,
                a,
                b,
                RealisasiFieldDetail(**_when(q), field=name),
            )
    yield from _indikator_changes(q, old.indikator, new.indikator, names)
    yield from _sub_changes(q, old.sub_kegiatan, new.sub_kegiatan, names)


def _indikator_changes(
    q: Period,
    old_list: Sequence[RealisasiIndikator],
    new_list: Sequence[RealisasiIndikator],
    names: _Names,
) -> Iterator[Change]:
    old, new = _by(old_list, lambda i: i.id), _by(new_list, lambda i: i.id)
    for iid, entry in new.items():
        bidang, nama, satuan = names.indikator_of(iid)
        unit = satuan or entry.satuan or ""
        detail = RealisasiIndikatorDetail(**_when(q), satuan=unit)
        before = old.get(iid)
        if before is None:
            kind = ChangeKind.REALISASI_INDIKATOR_ADDED
            yield Change(kind, W, bidang, nama, iid, None, entry.realisasi, detail)
            continue
        if before.realisasi != entry.realisasi:
            old_value, new_value = before.realisasi, entry.realisasi
            yield Change(
                ChangeKind.REALISASI_INDIKATOR, W, bidang, nama, iid, old_value, new_value, detail
            )
        for name in PENJELASAN:
            a, b = _text(getattr(before, name)), _text(getattr(entry, name))
            if a != b:
                yield Change(
                    ChangeKind.REALISASI_PENJELASAN,
                    W,
                    bidang,
                    nama,
                    iid,
                    a,
                    b,
                    RealisasiPenjelasanDetail(**_when(q), satuan=unit, field=name),
                )
    for iid, entry in old.items():
        if iid not in new:
            bidang, nama, satuan = names.indikator_of(iid)
            detail = RealisasiIndikatorDetail(**_when(q), satuan=satuan or entry.satuan or "")
            kind = ChangeKind.REALISASI_INDIKATOR_REMOVED
            yield Change(kind, W, bidang, nama, iid, entry.realisasi, None, detail)


def _sub_changes(
    q: Period,
    old_list: Sequence[RealisasiUnit],
    new_list: Sequence[RealisasiUnit],
    names: _Names,
) -> Iterator[Change]:
    old = _by(old_list, lambda s: s.sub_kegiatan)
    new = _by(new_list, lambda s: s.sub_kegiatan)
    for sid, entry in new.items():
        bidang, nama, pagu = names.sub_of(sid)
        level = names.level_of(sid)
        detail = RealisasiAnggaranDetail(**_when(q), pagu=pagu, level=level)
        before = old.get(sid)
        if before is None:
            added = RealisasiSubAddedDetail(
                **_when(q),
                pagu=pagu,
                level=level,
                keluaran=_output(entry.keluaran),
                aksi=_done(entry.aksi),
            )
            yield Change(
                ChangeKind.REALISASI_SUB_ADDED,
                W,
                bidang,
                nama,
                sid,
                None,
                entry.anggaran,
                added,
            )
            continue
        if before.anggaran != entry.anggaran:
            yield Change(
                ChangeKind.REALISASI_ANGGARAN,
                W,
                bidang,
                nama,
                sid,
                before.anggaran,
                entry.anggaran,
                detail,
            )
        a, b = _output(before.keluaran), _output(entry.keluaran)
        if a != b:
            target = RealisasiKeluaranDetail(**_when(q), target=names.targets.get(sid))
            yield Change(ChangeKind.REALISASI_KELUARAN, W, bidang, nama, sid, a, b, target)
        yield from _aksi_changes(q, sid, (bidang, nama), before.aksi, entry.aksi, names)
    for sid, entry in old.items():
        if sid not in new:
            bidang, nama, pagu = names.sub_of(sid)
            level = names.level_of(sid)
            detail = RealisasiAnggaranDetail(**_when(q), pagu=pagu, level=level)
            yield Change(
                ChangeKind.REALISASI_SUB_REMOVED, W, bidang, nama, sid, entry.anggaran, None, detail
            )


def _aksi_changes(
    q: Period,
    sid: str,
    owner: tuple[str | None, str],
    old_list: Sequence[RealisasiAksi],
    new_list: Sequence[RealisasiAksi],
    names: _Names,
) -> Iterator[Change]:
    """An aksi not reported on one side counts as not done there."""
    bidang, nama = owner
    old, new = _by(old_list, lambda a: a.no), _by(new_list, lambda a: a.no)
    for no in sorted(set(old) | set(new)):
        a, b = old.get(no), new.get(no)
        written = (b.nama if b is not None else None) or (a.nama if a is not None else None)
        aksi = names.aksi.get((sid, no)) or written or f"nomor {no}"
        detail = ReportedAksiDetail(**_when(q), no=no, aksi=aksi)
        before = sorted(set(a.bulan)) if a is not None else []
        after = sorted(set(b.bulan)) if b is not None else []
        if before != after:
            months = RealisasiAksiDetail(
                **_when(q),
                no=no,
                aksi=aksi,
                added=[m for m in after if m not in before],
                removed=[m for m in before if m not in after],
            )
            yield Change(ChangeKind.REALISASI_AKSI, W, bidang, nama, sid, before, after, months)
        note_a = _text(a.catatan) if a is not None else None
        note_b = _text(b.catatan) if b is not None else None
        if note_a != note_b:
            yield Change(ChangeKind.REALISASI_CATATAN, W, bidang, nama, sid, note_a, note_b, detail)
