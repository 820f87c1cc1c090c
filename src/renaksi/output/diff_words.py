"""The words of a plan diff, in Indonesian: one sentence per change, and the headline."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import Any

from renaksi.diff.changes import Change
from renaksi.diff.plan import PlanDiff, Total
from renaksi.plan.values import MONTH_SHORT, ROMAN
from renaksi.text import formats


def money_change(old: int | None, new: int | None) -> str:
    """``Rp 1.850.000.000 → Rp 1.800.000.000 (-Rp 50.000.000; -2,7%)``."""
    if old is None:
        return f"(baru) {formats.rupiah(new or 0)}"
    if new is None:
        return f"{formats.rupiah(old)} → (dihapus)"
    if old == new:
        return f"{formats.rupiah(new)} (tetap)"
    delta = new - old
    percent = ""
    if old:
        ratio = (Decimal(delta) * 100 / Decimal(old)).quantize(Decimal("0.01"))
        percent = f"; {'+' if ratio > 0 else ''}{formats.fixed(ratio)}%"
    return (
        f"{formats.rupiah(old)} → {formats.rupiah(new)} ({formats.signed_rupiah(delta)}{percent})"
    )


_amount = formats.target


def _months(months: Any) -> str:
    # A month outside 1-12 is a finding of its own (JD02, RL08); show it as written.
    return ", ".join(MONTH_SHORT[m - 1] if 1 <= m <= 12 else str(m) for m in months) or "-"


def _quote(text: Any) -> str:
    return f"“{text}”"


def short(name: str, words: int = 8) -> str:
    """Official sub kegiatan names run to forty words; a diff line needs the first few."""
    parts = name.split()
    return name if len(parts) <= words else " ".join(parts[:words]) + " …"


def sentence(change: Change, bidang_names: dict[str, str]) -> str:
    """One change as a sentence a Kepala Bidang can approve."""
    c = replace(change, subject=short(change.subject))
    d = c.detail
    if c.kind == "pagu":
        return f"Pagu {c.subject}: {money_change(c.old, c.new)}"
    if c.kind == "sub-added":
        return f"Sub kegiatan baru {c.subject} ({c.key}), pagu {formats.rupiah(c.new)}"
    if c.kind == "sub-removed":
        return f"Sub kegiatan {c.subject} ({c.key}) dihapus; pagunya {formats.rupiah(c.old)}"
    if c.kind == "sub-moved":
        old = bidang_names.get(c.old, c.old)
        new = bidang_names.get(c.new, c.new)
        return f"Sub kegiatan {c.subject} pindah dari {old} ke {new}"
    if c.kind == "sub-renamed":
        return f"Nama sub kegiatan {c.key} berubah: {_quote(c.old)} → {_quote(c.new)}"
    if c.kind == "output-target":
        return (
            f"Target keluaran {c.subject}: {_amount(c.old[0], c.old[1])} → "
            f"{_amount(c.new[0], c.new[1])}"
        )
    if c.kind == "indikator-target":
        what = "tahunan" if d.get("triwulan") is None else f"triwulan {ROMAN[d['triwulan'] - 1]}"
        old_unit = d.get("old_satuan", d["satuan"])
        return (
            f"Target {what} indikator {_quote(c.subject)}: {_amount(c.old, old_unit)} → "
            f"{_amount(c.new, d['satuan'])}"
        )
    if c.kind == "indikator-field":
        words = {
            "nama": "nama",
            "satuan": "satuan",
            "arah": "arah (naik: makin tinggi makin baik; turun: makin rendah makin baik)",
            "cara_gabung": "cara_gabung target triwulan",
        }
        return (
            f"Indikator {_quote(c.subject)}: {words.get(d['field'], d['field'])} "
            f"{_quote(c.old)} → {_quote(c.new)}"
        )
    if c.kind == "indikator-added":
        return f"Indikator baru {_quote(c.subject)} ({c.key}), target {_amount(c.new, d['satuan'])}"
    if c.kind == "indikator-removed":
        return f"Indikator {_quote(c.subject)} ({c.key}) dihapus"
    if c.kind == "aksi-added":
        return (
            f"Aksi baru di {c.subject}: {_quote(c.new)} (nomor {d['position']}; "
            f"bulan {_months(d['bulan'])}; keluaran {_quote(d['keluaran'])})"
        )
    if c.kind == "aksi-removed":
        return f"Aksi dihapus dari {c.subject}: {_quote(c.old)} (dulu nomor {d['position']})"
    if c.kind == "aksi-renamed":
        return f"Aksi di {c.subject} berganti nama: {_quote(c.old)} → {_quote(c.new)}"
    if c.kind == "aksi-reordered":
        before = "; ".join(f"{i}. {n}" for i, n in enumerate(c.old, start=1))
        after = "; ".join(f"{i}. {n}" for i, n in enumerate(c.new, start=1))
        return f"Urutan aksi {c.subject} berubah, jadi nomor aksinya berubah: {before} → {after}"
    if c.kind == "aksi-months":
        parts = []
        if d["added"]:
            parts.append(f"ditambah {_months(d['added'])}")
        if d["removed"]:
            parts.append(f"dihapus {_months(d['removed'])}")
        return (
            f"Jadwal {_quote(d['aksi'])} ({c.subject}): {', '.join(parts)}; "
            f"sekarang {_months(c.new)}"
        )
    if c.kind == "aksi-keluaran":
        return f"Keluaran {_quote(d['aksi'])} ({c.subject}): {_quote(c.old)} → {_quote(c.new)}"
    if c.kind == "signatory":
        return f"Penandatangan: {c.key} {_quote(c.old)} → {_quote(c.new)}"
    if c.kind.startswith("realisasi-"):
        return _realisasi(c)
    return f"{c.kind}: {c.subject} {c.old} → {c.new}"


# --- realisasi ---------------------------------------------------------------------------

_PENJELASAN_WORDS = {
    "faktor_pendukung": "Faktor pendukung",
    "faktor_penghambat": "Faktor penghambat",
    "upaya_perbaikan": "Upaya perbaikan",
}


def _quarter(d: dict[str, Any]) -> str:
    return f"Triwulan {ROMAN[d['triwulan'] - 1]}"


def _share(amount: int, pagu: int | None, of: str = "pagu") -> str:
    """``55,00% dari pagu Rp 100.000.000``; nothing when there is no pagu to compare with."""
    if not pagu:
        return ""
    ratio = (Decimal(amount) * 100 / Decimal(pagu)).quantize(Decimal("0.01"))
    return f"{formats.fixed(ratio)}% dari {of} {formats.rupiah(pagu)}"


def _text_change(old: Any, new: Any) -> str:
    """Free text before and after: written, removed or changed."""
    if old is None:
        return f"ditulis {_quote(new)}"
    if new is None:
        return f"dihapus (dulu {_quote(old)})"
    return f"{_quote(old)} → {_quote(new)}"


def _realised(value: Any, satuan: str) -> str:
    """An indicator's value in its unit (an indicator the plan lacks may have none)."""
    return _amount(value, satuan).rstrip()


def _output(value: Any) -> str:
    return "(kosong)" if value is None else _amount(value[0], value[1])


def _file_summary(c: Change) -> str:
    d = c.detail
    spent = c.new if c.old is None else c.old
    counts = (
        f"{d['indikator']} indikator, {d['sub_kegiatan']} sub kegiatan, "
        f"{d['aksi']} aksi terlaksana, anggaran terserap {formats.rupiah(spent)}"
    )
    share = _share(spent, d["pagu"], "total pagu")
    counts += f" ({share})" if share else ""
    if c.old is None:
        return f"Realisasi {_quarter(d)} ditambahkan: {counts}"
    return f"Realisasi {_quarter(d)} dihapus; isinya dulu {counts}"


def _realisasi(c: Change) -> str:
    """One realisasi change as a sentence (``c.subject`` already shortened)."""
    d = c.detail
    if c.kind in ("realisasi-file-added", "realisasi-file-removed"):
        return _file_summary(c)
    q = _quarter(d)
    if c.kind == "realisasi-field":
        if d["field"] == "tanggal":
            old = "(kosong)" if c.old is None else formats.date(c.old)
            new = "(kosong)" if c.new is None else formats.date(c.new)
            return f"Tanggal laporan realisasi {q}: {old} → {new}"
        if d["field"] == "tahun":
            return f"Tahun realisasi {q}: {c.old or '(kosong)'} → {c.new or '(kosong)'}"
        return f"Catatan realisasi {q}: {_text_change(c.old, c.new)}"
    indikator = f"indikator {_quote(c.subject)} ({c.key})"
    if c.kind == "realisasi-indikator":
        old, new = _realised(c.old, d["satuan"]), _realised(c.new, d["satuan"])
        return f"Realisasi {q} {indikator}: {old} → {new}"
    if c.kind == "realisasi-indikator-added":
        return f"Realisasi {q} {indikator} ditambahkan: {_realised(c.new, d['satuan'])}"
    if c.kind == "realisasi-indikator-removed":
        return f"Realisasi {q} {indikator} dihapus (dulu {_realised(c.old, d['satuan'])})"
    if c.kind == "realisasi-penjelasan":
        what = _PENJELASAN_WORDS.get(d["field"], d["field"])
        return f"{what} {q} {indikator}: {_text_change(c.old, c.new)}"
    if c.kind == "realisasi-anggaran":
        share = _share(c.new, d["pagu"])
        diff = formats.signed_rupiah(c.new - c.old)
        change = f"{formats.rupiah(c.old)} → {formats.rupiah(c.new)} ({diff})"
        return f"Realisasi anggaran {q} {c.subject}: {change}" + (f"; {share}" if share else "")
    if c.kind == "realisasi-keluaran":
        target = f" (target {_output(d['target'])})" if d["target"] is not None else ""
        return f"Realisasi keluaran {q} {c.subject}: {_output(c.old)} → {_output(c.new)}{target}"
    if c.kind == "realisasi-sub-added":
        share = _share(c.new, d["pagu"])
        return (
            f"Realisasi {q} {c.subject} ditambahkan: anggaran {formats.rupiah(c.new)}"
            + (f" ({share})" if share else "")
            + f", keluaran {_output(d['keluaran'])}, {d['aksi']} aksi terlaksana"
        )
    if c.kind == "realisasi-sub-removed":
        return f"Realisasi {q} {c.subject} dihapus (dulu anggaran {formats.rupiah(c.old)})"
    aksi = f"aksi {d['no']} {_quote(d['aksi'])} ({c.subject}) {q}"
    if c.kind == "realisasi-aksi":
        parts = []
        if d["added"]:
            parts.append(f"ditandai terlaksana {_months(d['added'])}")
        if d["removed"]:
            parts.append(f"tanda terlaksana dihapus {_months(d['removed'])}")
        if not d["removed"] and c.new and list(d["added"]) == list(c.new):
            return f"Pelaksanaan {aksi}: ditandai terlaksana {_months(c.new)}"
        now = f"sekarang terlaksana {_months(c.new)}" if c.new else "sekarang belum terlaksana"
        return f"Pelaksanaan {aksi}: {', '.join(parts)}; {now}"
    if c.kind == "realisasi-catatan":
        return f"Catatan {aksi}: {_text_change(c.old, c.new)}"
    return f"{c.kind}: {c.subject} {c.old} → {c.new}"


def section_name(slug: str | None, bidang_names: dict[str, str]) -> str:
    """The heading of a group of changes."""
    if slug is None:
        return "Tingkat instansi (PK dan Kepala Badan)"
    return bidang_names.get(slug, f"Bidang {slug}")


def total_line(total: Total) -> str:
    """``Program X: Rp a → Rp b (+Rp c)``."""
    return f"{total.name}: {money_change(total.old, total.new)}"


_COUNT_WORDS = (
    ("pagu", "pagu berubah"),
    ("sub-added", "sub kegiatan baru"),
    ("sub-removed", "sub kegiatan dihapus"),
    ("sub-moved", "sub kegiatan pindah bidang"),
    ("indikator-target", "target indikator berubah"),
    ("indikator-field", "sifat indikator berubah"),
    ("output-target", "target keluaran berubah"),
    ("aksi-added", "aksi ditambah"),
    ("aksi-removed", "aksi dihapus"),
    ("aksi-renamed", "aksi berganti nama"),
    ("aksi-reordered", "urutan aksi berubah"),
    ("aksi-months", "jadwal aksi berubah"),
    ("signatory", "data penandatangan berubah"),
    ("realisasi-file-added", "triwulan realisasi ditambahkan"),
    ("realisasi-file-removed", "triwulan realisasi dihapus"),
    ("realisasi-anggaran", "realisasi anggaran berubah"),
    ("realisasi-keluaran", "realisasi keluaran berubah"),
    ("realisasi-indikator", "realisasi indikator berubah"),
    ("realisasi-indikator-added", "realisasi indikator ditambahkan"),
    ("realisasi-indikator-removed", "realisasi indikator dihapus"),
    ("realisasi-sub-added", "realisasi sub kegiatan ditambahkan"),
    ("realisasi-sub-removed", "realisasi sub kegiatan dihapus"),
    ("realisasi-aksi", "pelaksanaan aksi berubah"),
    ("realisasi-penjelasan", "penjelasan realisasi berubah"),
)


def headline(diff: PlanDiff) -> str:
    """One line: total pagu, counts of changes, findings introduced and fixed."""
    total = diff.agency
    if total.old is None and total.new is None:
        parts = ["Total pagu tidak dapat dibandingkan"]
    elif total.old == total.new:
        parts = [f"Total pagu tetap {formats.rupiah(total.new or 0)}"]
    else:
        parts = [f"Total pagu {money_change(total.old, total.new)}"]
    counts: Counter[str] = Counter(c.kind for c in diff.changes)
    parts += [f"{counts[k]} {words}" for k, words in _COUNT_WORDS if counts[k]]
    new_errors = sum(1 for p in diff.introduced if p.severity.value == "error")
    new_warnings = len(diff.introduced) - new_errors
    if new_errors:
        parts.append(f"{new_errors} galat baru")
    if new_warnings:
        parts.append(f"{new_warnings} peringatan baru")
    if diff.fixed:
        parts.append(f"{len(diff.fixed)} temuan diperbaiki")
    if diff.unreadable:
        parts.append(f"{len(diff.unreadable)} berkas tidak terbaca, tidak dibandingkan")
    if diff.empty and not diff.unreadable:
        parts.append("tidak ada perubahan")
    return "; ".join(parts)
