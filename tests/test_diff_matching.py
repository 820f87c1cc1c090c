"""Matching aksi across revisions: the bounded search pairs as the exhaustive one did."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from renaksi.diff.plan import RenameBudget, match_aksi
from renaksi.plan.model import Aksi

Pairs = tuple[list[tuple[int, int]], list[tuple[int, int]]]


def exhaustive(old: Sequence[Aksi], new: Sequence[Aksi]) -> Pairs:
    """The matching as it was: every pair compared, every ratio computed."""

    def similar(a: Aksi, b: Aksi) -> bool:
        ratio = difflib.SequenceMatcher(None, a.nama.lower(), b.nama.lower()).ratio()
        same_work = sorted(a.bulan) == sorted(b.bulan) and a.keluaran == b.keluaran
        return ratio >= 0.6 or (same_work and ratio >= 0.3)

    used_old: set[int] = set()
    same: list[tuple[int, int]] = []
    for j, aksi in enumerate(new):
        for i, before in enumerate(old):
            if i not in used_old and before.nama == aksi.nama:
                same.append((i, j))
                used_old.add(i)
                break
    used_new = {j for _, j in same}
    renamed: list[tuple[int, int]] = []
    for j, aksi in enumerate(new):
        if j in used_new:
            continue
        for i, before in enumerate(old):
            if i not in used_old and similar(before, aksi):
                renamed.append((i, j))
                used_old.add(i)
                used_new.add(j)
                break
    return same, renamed


_AKSI = st.builds(
    Aksi,
    nama=st.lists(st.sampled_from(["rapat", "Rapat", "kota", "ab"]), min_size=1, max_size=3).map(
        " ".join
    ),
    bulan=st.lists(st.integers(1, 3), max_size=2),
    keluaran=st.sampled_from(["Laporan", "Notulen"]),
)


@given(old=st.lists(_AKSI, max_size=8), new=st.lists(_AKSI, max_size=8))
def test_pairs_as_the_exhaustive_search(old: list[Aksi], new: list[Aksi]) -> None:
    assert match_aksi(old, new) == exhaustive(old, new)


def _aksi(nama: str) -> Aksi:
    return Aksi(nama=nama, bulan=[1], keluaran="Laporan")


def test_the_same_name_twice_pairs_in_order() -> None:
    old = [_aksi("Rapat"), _aksi("Monitoring"), _aksi("Rapat")]
    new = [_aksi("Rapat"), _aksi("Rapat"), _aksi("Rapat")]
    assert match_aksi(old, new) == exhaustive(old, new) == ([(0, 0), (2, 1)], [])


def test_a_spent_budget_finds_no_more_renames() -> None:
    old = [_aksi("Rapat koordinasi bidang"), _aksi("Monitoring ormas")]
    new = [_aksi("Rapat koordinasi bidang politik"), _aksi("Monitoring ormas daerah")]
    assert match_aksi(old, new) == ([], [(0, 0), (1, 1)])
    budget = RenameBudget(left=1)
    assert match_aksi(old, new, budget) == ([], [])
    assert budget.left == 0
    # Same names need no search: they pair however spent the budget is.
    assert match_aksi(old, old, budget) == ([(0, 0), (1, 1)], [])


def test_the_budget_is_shared() -> None:
    # 300 aksi whose long names all look alike to the quick bounds and are never alike
    # enough: the exhaustive search compares 90 000 pairs in full.
    words = ["rapat", "koordinasi", "evaluasi", "kegiatan", "pembinaan", "laporan"]
    old = [_aksi(" ".join(words[(i + k) % 6] for k in range(40)) + f" {i}") for i in range(300)]
    new = [_aksi(" ".join(words[(i * k) % 6] for k in range(40)) + f" {i}") for i in range(300)]
    budget = RenameBudget()
    match_aksi(old, new, budget)
    assert budget.left == 0
    assert match_aksi(old[:1], [_aksi(old[0].nama + "x")], budget) == ([], [])
