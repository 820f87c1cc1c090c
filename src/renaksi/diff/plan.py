"""What a change does to a plan: two loaded revisions in, classified changes out. Pure.

Items are matched by what identifies them, never by list position: sub kegiatan and
indicators by ``id``, bidang by slug, programs by ``kode`` (or name), aksi by name within
their sub kegiatan. So moving things around in a file is no change at all; reordering aksi
is one reorder (the printed numbering changes); an aksi whose name changed but whose
schedule and output did not (or whose name is nearly the same) is a rename.

Every other field of the plan files is compared by :mod:`renaksi.diff.fields`, and how
monitoring judges by :mod:`renaksi.diff.pemantauan`. Changes are data;
:mod:`renaksi.output.diff_text` and friends choose the words.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from renaksi.diff.changes import (
    AksiAddedDetail,
    AksiDetail,
    AksiMonthsDetail,
    AksiRemovedDetail,
    Change,
    ChangeKind,
    FieldDetail,
    IndikatorTargetDetail,
    SatuanDetail,
    UnitDetail,
    Weight,
)
from renaksi.diff.fields import field_changes
from renaksi.diff.pemantauan import pemantauan_changes
from renaksi.diff.realisasi import realisasi_changes
from renaksi.monitoring import state
from renaksi.plan.file import PlanFile
from renaksi.plan.findings import Problem
from renaksi.plan.folder import Plan
from renaksi.plan.model import Aksi, Indikator, Pegawai, RencanaUnit
from renaksi.plan.values import TIDAK_TERCANTUM, Absent, TargetValue, sum_or_absent
from renaksi.text.formats import unit_key


@dataclass(frozen=True, slots=True)
class Total:
    """A total before and after (``None`` where the item does not exist on that side,
    :data:`~renaksi.plan.values.TIDAK_TERCANTUM` where a pagu in it is not stated)."""

    key: str
    name: str
    old: int | Absent | None
    new: int | Absent | None

    @property
    def delta(self) -> int | Absent:
        """New minus old, counting a missing side as zero; absent when either side is."""
        if isinstance(self.old, Absent) or isinstance(self.new, Absent):
            return TIDAK_TERCANTUM
        return (self.new or 0) - (self.old or 0)


@dataclass(slots=True)
class PlanDiff:
    """Everything that differs between a base and a head revision of one plan."""

    base_label: str
    head_label: str
    changes: list[Change]
    agency: Total
    programs: list[Total]
    bidang: list[Total]
    bidang_names: dict[str, str]
    introduced: list[Problem]
    fixed: list[Problem]
    base_errors: int
    head_errors: int
    unreadable: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing a reader would care about changed."""
        return not self.changes and not self.introduced and not self.fixed

    def by_bidang(self) -> dict[str | None, list[Change]]:
        """Changes grouped by bidang (``None``: the agency level), most important first."""
        groups: dict[str | None, list[Change]] = {}
        for change in sorted(self.changes, key=lambda c: -c.weight):
            groups.setdefault(change.bidang, []).append(change)
        return groups


# --- plan facts -------------------------------------------------------------------------


def _rencana(plan: Plan) -> dict[str, tuple[str, RencanaUnit]]:
    out: dict[str, tuple[str, RencanaUnit]] = {}
    for entry in plan.bidang:
        if entry.model is not None:
            for ren in entry.model.rencana_aksi:
                out.setdefault(ren.unit, (entry.slug, ren))
    return out


def _indikator(plan: Plan) -> dict[tuple[str | None, str], Indikator]:
    out: dict[tuple[str | None, str], Indikator] = {}
    if plan.pk is not None:
        for pk_ind in plan.pk.indikator:
            out[(None, pk_ind.id)] = pk_ind
    for entry in plan.bidang:
        if entry.model is not None:
            for ind in entry.model.indikator:
                out[(entry.slug, ind.id)] = ind
    return out


def _signers(plan: Plan) -> dict[str | None, Pegawai]:
    out: dict[str | None, Pegawai] = {}
    if plan.instansi is not None:
        out[None] = plan.instansi.kepala
    for entry in plan.bidang:
        if entry.model is not None:
            out[entry.slug] = entry.model.penandatangan
    return out


def _program_totals(plan: Plan) -> dict[str, tuple[str, int | Absent]]:
    if plan.pk is None:
        return {}
    return {(p.kode or p.nama): (p.nama, p.computed_pagu) for p in plan.pk.program}


def _bidang_totals(plan: Plan) -> dict[str, int | Absent]:
    totals: dict[str, int | Absent] = {}
    for unit in plan.units_by_id().values():
        if unit.bidang is not None:
            totals[unit.bidang] = sum_or_absent((totals.get(unit.bidang, 0), unit.pagu))
    return totals


def bidang_names(*plans: Plan) -> dict[str, str]:
    """Printed names of the bidang of any of ``plans`` (the later plan wins)."""
    names: dict[str, str] = {}
    for plan in plans:
        for entry in plan.bidang:
            if entry.model is not None:
                names[entry.slug] = entry.model.nama
    return names


# --- comparing --------------------------------------------------------------------------


def _budget_changes(base: Plan, head: Plan) -> Iterable[Change]:
    old, new = base.units_by_id(), head.units_by_id()
    for sid, sub in new.items():
        level = UnitDetail(level=sub.level)
        before = old.get(sid)
        if before is None:
            yield Change(
                ChangeKind.SUB_ADDED,
                Weight.BUDGET,
                sub.bidang,
                sub.nama,
                sid,
                None,
                sub.pagu,
                level,
            )
            continue
        if before.pagu != sub.pagu:
            yield Change(
                ChangeKind.PAGU, Weight.BUDGET, sub.bidang, sub.nama, sid, before.pagu, sub.pagu
            )
        if before.bidang != sub.bidang:
            yield Change(
                ChangeKind.SUB_MOVED,
                Weight.STRUCTURE,
                sub.bidang,
                sub.nama,
                sid,
                before.bidang,
                sub.bidang,
                level,
            )
        if before.nama != sub.nama:
            yield Change(
                ChangeKind.SUB_RENAMED,
                Weight.WORDING,
                sub.bidang,
                sub.nama,
                sid,
                before.nama,
                sub.nama,
                level,
            )
    for sid, sub in old.items():
        if sid not in new:
            yield Change(
                ChangeKind.SUB_REMOVED,
                Weight.BUDGET,
                sub.bidang,
                sub.nama,
                sid,
                sub.pagu,
                None,
                UnitDetail(level=sub.level),
            )


def _target_text(ren: RencanaUnit) -> tuple[Decimal, str] | Absent:
    target = ren.target
    return target if isinstance(target, Absent) else (target.jumlah, target.satuan)


def _plan_changes(base: Plan, head: Plan) -> Iterable[Change]:
    old, new = _rencana(base), _rencana(head)
    renames = RenameBudget()
    subs = {**base.units_by_id(), **head.units_by_id()}
    for sid in sorted(set(old) | set(new), key=lambda s: (s not in new, s)):
        name = subs[sid].nama if sid in subs else sid
        before = old.get(sid)
        after = new.get(sid)
        either = after or before
        slug = either[0] if either is not None else None
        if before and after and _target_text(before[1]) != _target_text(after[1]):
            yield Change(
                ChangeKind.OUTPUT_TARGET,
                Weight.TARGET,
                slug,
                name,
                sid,
                _target_text(before[1]),
                _target_text(after[1]),
            )
        yield from _aksi_changes(
            slug,
            name,
            sid,
            before[1].aksi if before else [],
            after[1].aksi if after else [],
            renames,
        )


#: Work the rename search of one diff may do, in character comparisons (about 0.1 µs
#: each). Comparing names costs about the product of their lengths, for every pair of
#: unmatched aksi: 600 renamed aksi with long names took 80 s. An ordinary revision needs a
#: few thousand; past the budget, the aksi still unmatched are shown as added and removed.
RENAME_BUDGET = 30_000_000
#: What looking at one pair costs besides its characters.
_PAIR_COST = 10


class _RenameBudgetSpentError(Exception):
    """The rename search of this diff has used its budget."""


@dataclass(slots=True)
class RenameBudget:
    """The work the rename search of one diff has left (shared by its sub kegiatan)."""

    left: int = RENAME_BUDGET

    def spend(self, work: int) -> None:
        """Take ``work``, or raise _RenameBudgetSpentError (and stay spent)."""
        if work > self.left:
            self.left = 0
            raise _RenameBudgetSpentError
        self.left -= work


def _similar(a: Aksi, b: Aksi, budget: RenameBudget) -> bool:
    """A rename where that is clear: nearly the same name, or a name with something in
    common and the very same schedule and output. A wholly different name is a different
    aksi even when its months and output match (outputs repeat a lot in these plans)."""
    old, new = a.nama.lower(), b.nama.lower()
    budget.spend(len(old) + len(new) + _PAIR_COST)
    same_work = sorted(a.bulan) == sorted(b.bulan) and a.keluaran == b.keluaran
    cutoff = 0.3 if same_work else 0.6
    matcher = difflib.SequenceMatcher(None, old, new)
    # Both quick ratios bound the ratio from above: below the cutoff, so is the ratio, and
    # the costly comparison is not needed.
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return False
    budget.spend(len(old) * len(new))
    return matcher.ratio() >= cutoff


def match_aksi(
    old: Sequence[Aksi], new: Sequence[Aksi], budget: RenameBudget | None = None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pair aksi across revisions: (same-name pairs, rename pairs), as (old, new) indexes.

    Each aksi takes the first one of the other side with the same name, else the first
    similar one not yet taken. ``budget`` (one per diff) bounds the search for renames:
    once it is spent, no more are found.
    """
    by_name: dict[str, deque[int]] = {}
    for i, before in enumerate(old):
        by_name.setdefault(before.nama, deque()).append(i)
    same: list[tuple[int, int]] = []
    for j, aksi in enumerate(new):
        waiting = by_name.get(aksi.nama)
        if waiting:
            same.append((waiting.popleft(), j))
    used_old = {i for i, _ in same}
    used_new = {j for _, j in same}
    free_old = [i for i in range(len(old)) if i not in used_old]
    renamed: list[tuple[int, int]] = []
    budget = budget if budget is not None else RenameBudget()
    try:
        for j, aksi in enumerate(new):
            if j in used_new or not free_old:
                continue
            match = next((k for k in free_old if _similar(old[k], aksi, budget)), None)
            if match is not None:
                renamed.append((match, j))
                free_old.remove(match)
    except _RenameBudgetSpentError:
        pass
    return same, renamed


def _aksi_changes(
    slug: str | None,
    name: str,
    sid: str,
    old: Sequence[Aksi],
    new: Sequence[Aksi],
    renames: RenameBudget | None = None,
) -> Iterable[Change]:
    same, renamed = match_aksi(old, new, renames)
    pairs = sorted(same + renamed, key=lambda p: p[1])
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    for j, aksi in enumerate(new):
        if j not in matched_new:
            yield Change(
                ChangeKind.AKSI_ADDED,
                Weight.STRUCTURE,
                slug,
                name,
                sid,
                None,
                aksi.nama,
                AksiAddedDetail(position=j + 1, bulan=list(aksi.bulan), keluaran=aksi.keluaran),
            )
    for i, aksi in enumerate(old):
        if i not in matched_old:
            yield Change(
                ChangeKind.AKSI_REMOVED,
                Weight.STRUCTURE,
                slug,
                name,
                sid,
                aksi.nama,
                None,
                AksiRemovedDetail(position=i + 1),
            )
    for i, j in renamed:
        yield Change(
            ChangeKind.AKSI_RENAMED, Weight.WORDING, slug, name, sid, old[i].nama, new[j].nama
        )
    order = [i for i, _ in pairs]
    if order != sorted(order):
        yield Change(
            ChangeKind.AKSI_REORDERED,
            Weight.SCHEDULE,
            slug,
            name,
            sid,
            [old[i].nama for i in sorted(order)],
            [new[j].nama for _, j in pairs],
        )
    for i, j in pairs:
        before, after = old[i], new[j]
        added = sorted(set(after.bulan) - set(before.bulan))
        removed = sorted(set(before.bulan) - set(after.bulan))
        if added or removed:
            yield Change(
                ChangeKind.AKSI_MONTHS,
                Weight.SCHEDULE,
                slug,
                name,
                sid,
                sorted(set(before.bulan)),
                sorted(set(after.bulan)),
                AksiMonthsDetail(aksi=after.nama, added=added, removed=removed),
            )
        if before.keluaran != after.keluaran:
            yield Change(
                ChangeKind.AKSI_KELUARAN,
                Weight.WORDING,
                slug,
                name,
                sid,
                before.keluaran,
                after.keluaran,
                AksiDetail(aksi=after.nama),
            )


def _target_detail(
    before: Indikator,
    after: Indikator,
    values: tuple[TargetValue | Absent | None, TargetValue | Absent | None],
    triwulan: int | None,
    settings: state.Settings,
) -> IndikatorTargetDetail:
    """The detail of a changed target, with the difference when there is one to state: the
    exact difference of two numbers of one unit, or the levels moved on an ordered scale."""
    detail = IndikatorTargetDetail(satuan=after.satuan, old_satuan=before.satuan, triwulan=triwulan)
    a, b = values
    if state.judging(after, settings).skala is not None:
        levels = state.levels_moved(after, settings, a, b)
        if levels is not None:
            detail["selisih_tingkat"] = levels
    elif (
        isinstance(a, Decimal)
        and isinstance(b, Decimal)
        and unit_key(before.satuan) == unit_key(after.satuan)
    ):
        detail["selisih"] = b - a
    return detail


def _indikator_changes(base: Plan, head: Plan) -> Iterable[Change]:
    old, new = _indikator(base), _indikator(head)
    settings = state.settings(head)
    for key, ind in new.items():
        slug, iid = key
        before = old.get(key)
        if before is None:
            yield Change(
                ChangeKind.INDIKATOR_ADDED,
                Weight.TARGET,
                slug,
                ind.nama,
                iid,
                None,
                ind.target,
                SatuanDetail(satuan=ind.satuan),
            )
            continue
        # kelompok, iku and alasan_beda_renstra: PK indicators only (the indicator set a PK
        # indicator is printed in, the IKU it measures and why its target is not the Renstra's).
        for name in (
            "nama",
            "satuan",
            "arah",
            "cara_gabung",
            "jenis_target",
            "skala",
            "sasaran",
            "kelompok",
            "iku",
            "alasan_beda_renstra",
        ):
            old_value, new_value = getattr(before, name, None), getattr(ind, name, None)
            if old_value != new_value:
                weight = Weight.WORDING if name == "nama" else Weight.TARGET
                yield Change(
                    ChangeKind.INDIKATOR_FIELD,
                    weight,
                    slug,
                    ind.nama,
                    iid,
                    old_value,
                    new_value,
                    FieldDetail(field=name),
                )
        if before.boleh_lebih_100 != ind.boleh_lebih_100:
            yield _over_100(slug, ind.nama, iid, before.boleh_lebih_100, ind.boleh_lebih_100)
        if before.target != ind.target:
            yield Change(
                ChangeKind.INDIKATOR_TARGET,
                Weight.TARGET,
                slug,
                ind.nama,
                iid,
                before.target,
                ind.target,
                _target_detail(before, ind, (before.target, ind.target), None, settings),
            )
        none: list[TargetValue | None] = [None] * 4
        olds: list[TargetValue | None] = list(before.triwulan) if before.triwulan else none
        news: list[TargetValue | None] = list(ind.triwulan) if ind.triwulan else none
        for q, (a, b) in enumerate(zip(olds, news, strict=True)):
            if a != b:
                yield Change(
                    ChangeKind.INDIKATOR_TARGET,
                    Weight.TARGET,
                    slug,
                    ind.nama,
                    iid,
                    a,
                    b,
                    _target_detail(before, ind, (a, b), q + 1, settings),
                )
    for key, ind in old.items():
        if key not in new:
            yield Change(
                ChangeKind.INDIKATOR_REMOVED,
                Weight.TARGET,
                key[0],
                ind.nama,
                key[1],
                ind.target,
                None,
                SatuanDetail(satuan=ind.satuan),
            )


def _over_100(slug: str | None, nama: str, key: str, old: bool, new: bool) -> Change:
    return Change(ChangeKind.INDIKATOR_BOLEH_LEBIH_100, Weight.TARGET, slug, nama, key, old, new)


def _iku_changes(base: Plan, head: Plan) -> Iterable[Change]:
    """IKU indicators have no id: they are matched by name."""
    if base.instansi is None or head.instansi is None:
        return
    old = {ind.nama: ind for ind in base.instansi.iku_indikator}
    for n, ind in enumerate(head.instansi.iku_indikator, start=1):
        before = old.get(ind.nama)
        if before is not None and before.boleh_lebih_100 != ind.boleh_lebih_100:
            yield _over_100(None, ind.nama, f"IKU {n}", before.boleh_lebih_100, ind.boleh_lebih_100)


_SIGNER_FIELDS = ("nama", "nip", "nrp", "identitas", "pangkat", "golongan", "jabatan", "plt")


def _second(plan: Plan) -> Pegawai | Absent | None:
    return plan.pk.pihak_kedua if plan.pk is not None else None


def _second_changes(base: Plan, head: Plan) -> Iterable[Change]:
    """The PK's pihak kedua: named, dropped or stated absent, or one of its fields."""
    before, after = _second(base), _second(head)
    if isinstance(before, Pegawai) and isinstance(after, Pegawai):
        for name in _SIGNER_FIELDS:
            a, b = getattr(before, name), getattr(after, name)
            if a != b:
                key = f"{name} pihak kedua"
                yield Change(
                    ChangeKind.SIGNATORY, Weight.STRUCTURE, None, str(after.nama), key, a, b
                )
    elif before != after:
        a, b = (p.nama if isinstance(p, Pegawai) else p for p in (before, after))
        yield Change(
            ChangeKind.SIGNATORY, Weight.STRUCTURE, None, "pihak kedua", "pihak kedua", a, b
        )


def _signer_changes(base: Plan, head: Plan) -> Iterable[Change]:
    yield from _second_changes(base, head)
    old, new = _signers(base), _signers(head)
    for slug, person in new.items():
        before = old.get(slug)
        if before is None:
            continue
        for name in _SIGNER_FIELDS:
            a, b = getattr(before, name), getattr(person, name)
            if a != b:
                yield Change(
                    ChangeKind.SIGNATORY, Weight.STRUCTURE, slug, str(person.nama), name, a, b
                )


def _totals(base: Plan, head: Plan) -> tuple[Total, list[Total], list[Total]]:
    old_p, new_p = _program_totals(base), _program_totals(head)
    programs = [
        Total(
            k,
            (new_p.get(k) or old_p[k])[0],
            old_p[k][1] if k in old_p else None,
            new_p[k][1] if k in new_p else None,
        )
        for k in list(dict.fromkeys([*old_p, *new_p]))
    ]
    old_b, new_b = _bidang_totals(base), _bidang_totals(head)
    names = bidang_names(base, head)
    bidang = [
        Total(k, names.get(k, k), old_b.get(k), new_b.get(k))
        for k in list(dict.fromkeys([*old_b, *new_b]))
    ]
    agency = Total(
        "total",
        "Total pagu",
        sum_or_absent(v for _, v in old_p.values()) if base.pk else None,
        sum_or_absent(v for _, v in new_p.values()) if head.pk else None,
    )
    return agency, programs, bidang


#: Message arguments that only say where something is; they move when lines move.
_PLACE_ARGS = frozenset({"lines", "where", "line", "first"})


def _finding_key(problem: Problem, root: str) -> tuple[str, str, str, str]:
    """What identifies a finding across revisions: not its line or list position (which
    move when something above it changes) but its rule, file and what it says."""
    file = problem.location.file
    if file.startswith(root):
        file = file[len(root) :].lstrip("/")
    said = sorted((k, str(v)) for k, v in problem.args.items() if k not in _PLACE_ARGS)
    return (problem.code, file, problem.message, repr(said))


def _finding_delta(
    base: Sequence[Problem], head: Sequence[Problem], base_root: str, head_root: str
) -> tuple[list[Problem], list[Problem]]:
    old = {_finding_key(p, base_root) for p in base}
    new = {_finding_key(p, head_root) for p in head}
    introduced = [p for p in head if _finding_key(p, head_root) not in old]
    fixed = [p for p in base if _finding_key(p, base_root) not in new]
    return introduced, fixed


def diff_plans(
    base: Plan,
    head: Plan,
    *,
    base_problems: Sequence[Problem] = (),
    head_problems: Sequence[Problem] = (),
    base_label: str = "base",
    head_label: str = "head",
) -> PlanDiff:
    """Compare two loaded revisions of one plan.

    A file that exists but did not load on one side is not compared (its contents are
    unknown, not deleted): it is named in ``unreadable`` and its findings say why.
    """
    unreadable = [
        f"{doc.display} ({label})"
        for plan, label in ((base, base_label), (head, head_label))
        for doc, model in _documents(plan)
        if model is None
    ]
    skip_pk = any(p.pk is None and p.pk_doc is not None for p in (base, head))
    skip_bidang = {e.slug for p in (base, head) for e in p.bidang if e.model is None}
    changes = [
        *([] if skip_pk else _budget_changes(base, head)),
        *_indikator_changes(base, head),
        *_iku_changes(base, head),
        *_plan_changes(base, head),
        *_signer_changes(base, head),
    ]
    changes = [
        c for c in changes if not (skip_pk and c.bidang is None) and c.bidang not in skip_bidang
    ]
    # Each skips the files that did not load itself.
    changes += pemantauan_changes(base, head)
    changes += field_changes(base, head)
    changes += realisasi_changes(base, head)
    agency, programs, bidang = _totals(base, head)
    if skip_pk:
        agency, programs, bidang = Total("total", "Total pagu", None, None), [], []
    introduced, fixed = _finding_delta(base_problems, head_problems, base.display, head.display)
    return PlanDiff(
        base_label=base_label,
        head_label=head_label,
        changes=changes,
        agency=agency,
        programs=programs,
        bidang=bidang,
        bidang_names=bidang_names(base, head),
        introduced=introduced,
        fixed=fixed,
        base_errors=sum(1 for p in base_problems if p.severity.value == "error"),
        head_errors=sum(1 for p in head_problems if p.severity.value == "error"),
        unreadable=unreadable,
    )


def _documents(plan: Plan) -> list[tuple[PlanFile, object]]:
    """(document, model) of every file of ``plan`` that was found."""
    found: list[tuple[PlanFile, object]] = []
    if plan.instansi_doc is not None:
        found.append((plan.instansi_doc, plan.instansi))
    if plan.pk_doc is not None:
        found.append((plan.pk_doc, plan.pk))
    found += [(entry.doc, entry.model) for entry in plan.bidang]
    found += [(entry.doc, entry.model) for entry in plan.realisasi]
    return found
