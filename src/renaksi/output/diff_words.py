"""The words of a plan diff, in Indonesian: one sentence per change, and the headline.

What each :class:`~renaksi.diff.changes.ChangeKind` reads as is one row of :data:`WORDS`:
its sentence and what the headline counts it as, so a kind cannot have one without the
other.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from renaksi.diff.changes import Change, ChangeKind, Output, Weight
from renaksi.diff.plan import PlanDiff, Total
from renaksi.plan.periods import Period
from renaksi.plan.values import ABSENT_TEXT, Absent, MonthDate, TargetValue
from renaksi.text import formats
from renaksi.text.formats import MONTH_SHORT, ROMAN


def money_change(old: int | Absent | None, new: int | Absent | None) -> str:
    """``Rp 1.850.000.000 → Rp 1.800.000.000 (-Rp 50.000.000; -2,7%)``; an amount that is
    not stated reads ``tidak tercantum``, and no difference is taken with it."""
    if isinstance(old, Absent) or isinstance(new, Absent):
        if old == new:
            return f"{ABSENT_TEXT} (tetap)"
        before = "(baru)" if old is None else _rupiah(old)
        after = "(dihapus)" if new is None else _rupiah(new)
        return f"{before} → {after}"
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


def _rupiah(value: int | Absent) -> str:
    return ABSENT_TEXT if isinstance(value, Absent) else formats.rupiah(value)


def _amount(value: TargetValue | Absent | None, satuan: str) -> str:
    return ABSENT_TEXT if isinstance(value, Absent) else formats.target(value, satuan)


def _months(months: Iterable[int]) -> str:
    # A month outside 1-12 is a finding of its own (JD02, RL08); show it as written.
    return ", ".join(MONTH_SHORT[m - 1] if 1 <= m <= 12 else str(m) for m in months) or "-"


def _quote(text: object) -> str:
    return f"“{text}”"


def short(name: str, words: int = 8) -> str:
    """Official sub kegiatan names run to forty words; a diff line needs the first few."""
    parts = name.split()
    return name if len(parts) <= words else " ".join(parts[:words]) + " …"


#: Printed bidang names by slug (only a move between bidang needs them).
BidangNames = Mapping[str, str]


# --- the budget tree and the plan ------------------------------------------------------


def _pagu(c: Change, _names: BidangNames) -> str:
    return f"Pagu {c.subject}: {money_change(c.old, c.new)}"


def _level(c: Change) -> str:
    """What the budgeted unit of a ``sub-*`` change is (changes made before units had
    levels are about sub kegiatan)."""
    return str(c.detail.get("level", "sub kegiatan"))


def _sub_added(c: Change, _names: BidangNames) -> str:
    return f"{_level(c).capitalize()} baru {c.subject} ({c.key}), pagu {_rupiah(c.new)}"


def _sub_removed(c: Change, _names: BidangNames) -> str:
    level = _level(c).capitalize()
    return f"{level} {c.subject} ({c.key}) dihapus; pagunya {_rupiah(c.old)}"


def _sub_moved(c: Change, names: BidangNames) -> str:
    old, new = names.get(c.old, c.old), names.get(c.new, c.new)
    return f"{_level(c).capitalize()} {c.subject} pindah dari {old} ke {new}"


def _sub_renamed(c: Change, _names: BidangNames) -> str:
    return f"Nama {_level(c)} {c.key} berubah: {_quote(c.old)} → {_quote(c.new)}"


def _sub_regrouped(c: Change, _names: BidangNames) -> str:
    (old_program, old_kegiatan), (new_program, new_kegiatan) = c.old, c.new
    if old_program == new_program:
        moved = f"pindah kegiatan: {_quote(old_kegiatan)} → {_quote(new_kegiatan)}"
    else:
        moved = (
            f"pindah: program {_quote(old_program)}, kegiatan {_quote(old_kegiatan)} → "
            f"program {_quote(new_program)}, kegiatan {_quote(new_kegiatan)}"
        )
    return f"{_level(c).capitalize()} {c.subject} ({c.key}) {moved}"


def _output_target(c: Change, _names: BidangNames) -> str:
    old, new = (v if isinstance(v, Absent) else _amount(v[0], v[1]) for v in (c.old, c.new))
    return f"Target keluaran {c.subject}: {old} → {new}"


def _tidy(value: Decimal) -> Decimal:
    # 30,17 - 29,17 is 1,00 in exact arithmetic; the difference is printed as 1.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def target_difference(detail: Mapping[str, Any]) -> str:
    """How far a target moved, as the comparison prints it: ``+1 poin`` (percent), ``+20
    orang``, ``-2 tingkat`` (an ordered scale); nothing when it cannot be said."""
    if detail.get("selisih_tingkat") is not None:
        return formats.levels(int(detail["selisih_tingkat"]))
    diff = detail.get("selisih")
    if not isinstance(diff, Decimal):
        return ""
    sign = "+" if diff > 0 else "-" if diff < 0 else ""
    amount = _tidy(abs(diff))
    if formats.is_percent(detail["satuan"]):
        return f"{sign}{formats.number(amount)} poin"
    return sign + formats.target(amount, detail["satuan"])


def _indikator_target(c: Change, _names: BidangNames) -> str:
    d = c.detail
    what = "tahunan" if d.get("triwulan") is None else f"triwulan {ROMAN[d['triwulan'] - 1]}"
    old_unit = d.get("old_satuan", d["satuan"])
    moved = target_difference(d)
    return (
        f"Target {what} indikator {_quote(c.subject)}: {_amount(c.old, old_unit)} → "
        f"{_amount(c.new, d['satuan'])}" + (f" ({moved})" if moved else "")
    )


_FIELD_WORDS = {
    "nama": "nama",
    "satuan": "satuan",
    "arah": "arah (naik: makin tinggi makin baik; turun: makin rendah makin baik)",
    "cara_gabung": "cara_gabung target triwulan",
    "sasaran": "sasaran strategis",
    "jenis_target": "jenis target (maksimal: batas atas; minimal: batas bawah)",
    "skala": "skala bertingkat",
    "kelompok": "kelompok indikator",
    "iku": "IKU yang diukur",
    "alasan_beda_renstra": "alasan target berbeda dari Renstra",
}


def _said(value: object) -> str:
    """An indicator field's value: quoted, a list as its items, nothing as (kosong), an
    absent one as ``tidak tercantum``."""
    if value is None:
        return "(kosong)"
    if isinstance(value, Absent):
        return ABSENT_TEXT
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return _quote(value)


def _indikator_field(c: Change, _names: BidangNames) -> str:
    field = c.detail["field"]
    return (
        f"Indikator {_quote(c.subject)}: {_FIELD_WORDS.get(field, field)} "
        f"{_said(c.old)} → {_said(c.new)}"
    )


def _indikator_over_100(c: Change, _names: BidangNames) -> str:
    now = "boleh" if c.new else "tidak lagi boleh"
    return f"Indikator {_quote(c.subject)} ({c.key}): target persennya {now} melebihi 100%"


def _indikator_added(c: Change, _names: BidangNames) -> str:
    target = _amount(c.new, c.detail["satuan"])
    return f"Indikator baru {_quote(c.subject)} ({c.key}), target {target}"


def _indikator_removed(c: Change, _names: BidangNames) -> str:
    return f"Indikator {_quote(c.subject)} ({c.key}) dihapus"


def _aksi_added(c: Change, _names: BidangNames) -> str:
    d = c.detail
    return (
        f"Aksi baru di {c.subject}: {_quote(c.new)} (nomor {d['position']}; "
        f"bulan {_months(d['bulan'])}; keluaran {_quote(d['keluaran'])})"
    )


def _aksi_removed(c: Change, _names: BidangNames) -> str:
    return f"Aksi dihapus dari {c.subject}: {_quote(c.old)} (dulu nomor {c.detail['position']})"


def _aksi_renamed(c: Change, _names: BidangNames) -> str:
    return f"Aksi di {c.subject} berganti nama: {_quote(c.old)} → {_quote(c.new)}"


def _aksi_reordered(c: Change, _names: BidangNames) -> str:
    before = "; ".join(f"{i}. {n}" for i, n in enumerate(c.old, start=1))
    after = "; ".join(f"{i}. {n}" for i, n in enumerate(c.new, start=1))
    return f"Urutan aksi {c.subject} berubah, jadi nomor aksinya berubah: {before} → {after}"


def _aksi_months(c: Change, _names: BidangNames) -> str:
    d = c.detail
    parts = []
    if d["added"]:
        parts.append(f"ditambah {_months(d['added'])}")
    if d["removed"]:
        parts.append(f"dihapus {_months(d['removed'])}")
    return (
        f"Jadwal {_quote(d['aksi'])} ({c.subject}): {', '.join(parts)}; sekarang {_months(c.new)}"
    )


def _aksi_keluaran(c: Change, _names: BidangNames) -> str:
    aksi = _quote(c.detail["aksi"])
    return f"Keluaran {aksi} ({c.subject}): {_quote(c.old)} → {_quote(c.new)}"


def _signatory(c: Change, _names: BidangNames) -> str:
    return f"Penandatangan: {c.key} {_value(c.old, '')} → {_value(c.new, '')}"


# --- how monitoring judges ----------------------------------------------------------------


def _default(is_default: bool) -> str:
    return " (bawaan)" if is_default else ""


def _skala(c: Change, _names: BidangNames) -> str:
    def bands(scale: Iterable[tuple[Decimal, str]]) -> str:
        return ", ".join(f"{formats.percent(start)} {name}" for start, name in scale)

    old = bands(c.old) + _default(c.detail["old_default"])
    new = bands(c.new) + _default(c.detail["new_default"])
    return f"Skala kategori capaian dan serapan: {old} → {new}"


def _ambang(c: Change, _names: BidangNames) -> str:
    old = formats.percent(c.old) + _default(c.detail["old_default"])
    new = formats.percent(c.new) + _default(c.detail["new_default"])
    # No capaian is below 0%: a threshold of 0 means nothing is ever explained.
    if c.new <= 0:
        effect = "tidak ada capaian yang wajib dijelaskan (RL07 tidak berlaku lagi)"
    else:
        effect = (
            f"capaian di bawah {formats.percent(c.new)} wajib dijelaskan dengan faktor "
            "penghambat dan upaya perbaikan (RL07)"
        )
    return f"Ambang penjelasan capaian: {old} → {new}: {effect}"


# --- every other field (renaksi.diff.fields) -------------------------------------------------

#: What each field compared field by field is called; ``{subject}`` is the item's name
#: (quoted), ``{item}`` what identifies it (a kode, an id, a number). A field missing here
#: still shows, in generic words; tests/test_diff_fields.py asks for its words.
LABELS: dict[str, str] = {
    "instansi:tahun": "Tahun rencana",
    "instansi:instansi.nama": "Nama instansi",
    "instansi:instansi.singkatan": "Singkatan nama instansi",
    "instansi:instansi.pemerintah": "Pemerintah daerah instansi",
    "instansi:instansi.kota": "Kota instansi",
    "instansi:instansi.alamat": "Alamat instansi",
    "instansi:instansi.kode_pos": "Kode pos instansi",
    "instansi:instansi.website": "Situs web instansi",
    "instansi:instansi.telepon": "Telepon instansi",
    "instansi:kop.logo": "Berkas logo kop",
    "instansi:kop.baris": "Baris kop",
    "instansi:renstra.periode.mulai": "Tahun awal periode Renstra",
    "instansi:renstra.periode.selesai": "Tahun akhir periode Renstra",
    "instansi:renstra.visi": "Visi Renstra",
    "instansi:renstra.misi[].nomor": "Nomor misi Renstra {subject}",
    "instansi:renstra.misi[].uraian": "Uraian misi Renstra nomor {item}",
    "instansi:renstra.tujuan": "Tujuan Renstra",
    "instansi:renstra.sasaran_strategis[].id": "Id sasaran strategis {subject}",
    "instansi:renstra.sasaran_strategis[].uraian": "Uraian sasaran strategis {item}",
    "instansi:iku.dasar": "Dasar penetapan IKU",
    "instansi:iku.indikator[].sasaran": "Sasaran strategis IKU {subject}",
    "instansi:iku.indikator[].nama": "Nama IKU",
    "instansi:iku.indikator[].formulasi": "Formulasi IKU {subject}",
    "instansi:iku.indikator[].satuan": "Satuan IKU {subject}",
    "instansi:iku.indikator[].id": "Id IKU {subject}",
    "instansi:iku.indikator[].kondisi_awal": "Kondisi awal Renstra IKU {subject}",
    "instansi:iku.indikator[].target_akhir": "Target akhir Renstra IKU {subject}",
    "instansi:iku.indikator[].target_per_tahun[].target": (
        "Target Renstra tahun {item} IKU {subject}"
    ),
    "instansi:satuan_tambahan": "Satuan tambahan yang dikenal",
    "instansi:skala_ordinal[].nilai": "Nilai skala bertingkat {subject}",
    "perjanjian-kinerja:anggaran": "Bentuk anggaran PK",
    "perjanjian-kinerja:sasaran_program[].id": "Id sasaran program {subject}",
    "perjanjian-kinerja:sasaran_program[].program": "Program yang dituju sasaran program {subject}",
    "perjanjian-kinerja:sasaran_program[].uraian": "Uraian sasaran program {item}",
    "perjanjian-kinerja:sasaran_kegiatan[].id": "Id sasaran kegiatan {subject}",
    "perjanjian-kinerja:sasaran_kegiatan[].kegiatan": (
        "Kegiatan yang dituju sasaran kegiatan {subject}"
    ),
    "perjanjian-kinerja:sasaran_kegiatan[].uraian": "Uraian sasaran kegiatan {item}",
    "perjanjian-kinerja:kelompok_indikator[].id": "Id kelompok indikator {subject}",
    "perjanjian-kinerja:kelompok_indikator[].nama": "Judul kelompok indikator {item}",
    "perjanjian-kinerja:program[].id": "Id program {subject}",
    "perjanjian-kinerja:program[].kode": "Kode program {subject}",
    "perjanjian-kinerja:program[].nama": "Nama program {item}",
    "perjanjian-kinerja:program[].indikator": "Indikator PK yang ditunjang program {subject}",
    "perjanjian-kinerja:program[].kegiatan[].id": "Id kegiatan {subject}",
    "perjanjian-kinerja:program[].kegiatan[].kode": "Kode kegiatan {subject}",
    "perjanjian-kinerja:program[].kegiatan[].nama": "Nama kegiatan {item}",
    "perjanjian-kinerja:program[].kegiatan[].sub_kegiatan[].kode": (
        "Kode sub kegiatan {subject} ({item})"
    ),
    "perjanjian-kinerja:program[].kegiatan[].output[].kode": "Kode output {subject} ({item})",
    "bidang:nama": "Nama bidang",
    **{
        f"{path}.{name}": f"{word} catatan sumber {where} {{subject}} atas {{item}}"
        for path, where in {
            "instansi:catatan_sumber[]": "rencana",
            "perjanjian-kinerja:program[].kegiatan[].catatan_sumber[]": "pagu kegiatan",
            "perjanjian-kinerja:program[].kegiatan[].sub_kegiatan[].catatan_sumber[]": (
                "pagu sub kegiatan"
            ),
            "perjanjian-kinerja:program[].kegiatan[].output[].catatan_sumber[]": "pagu output",
            "bidang:catatan_sumber[]": "jadwal bidang",
            "bidang:rencana_aksi[].aksi[].catatan_sumber[]": "jadwal aksi",
        }.items()
        for name, word in (("jenis", "Jenis"), ("alasan", "Alasan"))
    },
    "instansi:catatan_sumber[].isian": "Nilai yang ditandai catatan sumber rencana",
    "perubahan:dasar": "Dasar hukum Perubahan",
    "perubahan:tanggal": "Tanggal berlaku Perubahan",
    "perubahan:alasan": "Alasan Perubahan",
    "perubahan:tempat": "Tempat tanda tangan Perubahan",
    "perubahan:tanggal_tanda_tangan": "Tanggal tanda tangan Perubahan",
    "perubahan:pagu[].baru": "Pagu Perubahan sub kegiatan {subject} ({item})",
    "perubahan:target[].target": "Target tahunan Perubahan indikator {item}",
    "perubahan:target[].triwulan": "Target triwulan Perubahan indikator {item}",
    "perubahan:target[].alasan": "Alasan perubahan target indikator {item}",
}

#: What an item of each list compared here is called, when one is added or removed.
ENTRY_NOUNS: dict[str, str] = {
    "instansi:renstra.misi[]": "Misi Renstra",
    "instansi:renstra.sasaran_strategis[]": "Sasaran strategis",
    "instansi:iku.indikator[]": "IKU",
    "instansi:iku.indikator[].target_per_tahun[]": "Target Renstra per tahun",
    "instansi:skala_ordinal[]": "Skala bertingkat",
    "perjanjian-kinerja:program[]": "Program",
    "perjanjian-kinerja:program[].kegiatan[]": "Kegiatan",
    "perjanjian-kinerja:sasaran_program[]": "Sasaran program",
    "perjanjian-kinerja:sasaran_kegiatan[]": "Sasaran kegiatan",
    "perjanjian-kinerja:kelompok_indikator[]": "Kelompok indikator",
    "bidang:rencana_aksi[]": "Rencana aksi",
    "instansi:catatan_sumber[]": "Catatan sumber rencana",
    "perjanjian-kinerja:program[].kegiatan[].catatan_sumber[]": "Catatan sumber pagu kegiatan",
    "perjanjian-kinerja:program[].kegiatan[].sub_kegiatan[].catatan_sumber[]": (
        "Catatan sumber pagu sub kegiatan"
    ),
    "perjanjian-kinerja:program[].kegiatan[].output[].catatan_sumber[]": (
        "Catatan sumber pagu output"
    ),
    "bidang:catatan_sumber[]": "Catatan sumber jadwal bidang",
    "bidang:rencana_aksi[].aksi[].catatan_sumber[]": "Catatan sumber jadwal aksi",
    "perubahan:pagu[]": "Pagu yang diubah Perubahan",
    "perubahan:target[]": "Target yang diubah Perubahan",
}


def _value(value: object, kind: str) -> str:
    """One value of a field, formatted as what it is (``kind`` from the change's detail)."""
    if value is None:
        return "(kosong)"
    if isinstance(value, Absent | MonthDate):
        return str(value)
    if kind == "rupiah" and isinstance(value, int):
        return formats.rupiah(value)
    if kind == "date" and isinstance(value, dt.date):
        return formats.date(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | Decimal):
        # Years, numbers and codes are not amounts: no thousands separator (2024, not 2.024).
        return formats.number(value) if kind == "number" else str(value)
    return _quote(value)


def _list_change(old: Iterable[object] | None, new: Iterable[object] | None) -> str:
    """A list of values before and after: what was added and removed."""
    # A list written `tidak tercantum` (or not at all) on one side has no values there.
    before = list(old) if isinstance(old, list | tuple) else []
    after = list(new) if isinstance(new, list | tuple) else []
    added = [_value(v, "") for v in after if v not in before]
    removed = [_value(v, "") for v in before if v not in after]
    parts = []
    if added:
        parts.append(f"ditambah {', '.join(added)}")
    if removed:
        parts.append(f"dihapus {', '.join(removed)}")
    return "; ".join(parts) or "urutannya berubah"


#: Fields that hold the four quarterly targets: a change reads quarter by quarter.
QUARTERS = frozenset({"perubahan:target[].triwulan"})


def _quarters(old: object, new: object) -> str:
    before = list(old) if isinstance(old, list | tuple) else []
    after = list(new) if isinstance(new, list | tuple) else []
    if len(before) != 4 or len(after) != 4:
        return f"{_value(old or None, 'number')} → {_value(new or None, 'number')}"
    return "; ".join(
        f"triwulan {formats.ROMAN[q]} {_value(a, 'number')} → {_value(b, 'number')}"
        for q, (a, b) in enumerate(zip(before, after, strict=True))
        if a != b
    )


def _field(c: Change, _names: BidangNames) -> str:
    d = c.detail
    label = LABELS.get(d["field"], f"Isian {d['field'].split(':', 1)[-1]} {{subject}}")
    what = label.format(subject=_quote(c.subject), item=d["item"])
    if d["field"] in QUARTERS:
        return f"{what}: {_quarters(c.old, c.new)}"
    if d["value"] == "list":
        return f"{what}: {_list_change(c.old, c.new)}"
    if "satuan" in d:  # a value in a unit: an IKU's Renstra values
        old, new = _amount_or_empty(c.old, d["old_satuan"]), _amount_or_empty(c.new, d["satuan"])
        return f"{what}: {old} → {new}"
    return f"{what}: {_value(c.old, d['value'])} → {_value(c.new, d['value'])}"


def _amount_or_empty(value: Any, satuan: str) -> str:
    return "(kosong)" if value is None else _amount(value, satuan)


def _signing(c: Change, _names: BidangNames) -> str:
    what = "Tanggal" if c.detail["field"].endswith("tanggal") else "Tempat"
    kind = c.detail["value"]
    return f"{what} tanda tangan: {_value(c.old, kind)} → {_value(c.new, kind)}"


def _iku_target(c: Change, _names: BidangNames) -> str:
    d = c.detail
    return (
        f"Target IKU {_quote(c.subject)}: {_amount(c.old, d['old_satuan'])} → "
        f"{_amount(c.new, d['satuan'])}"
    )


def _entry(c: Change, verb: str) -> str:
    """``IKU ditambahkan: “…”, target 100%``: which item or file was added or removed."""
    d = c.detail
    path, item = d["field"], d["item"]
    if ":" not in path:  # a whole file
        named = "" if c.subject == d["file"] else f": {_quote(c.subject)}"
        return f"Berkas {d['file']} {verb}{named}"
    noun = ENTRY_NOUNS.get(path, f"Isian {path.split(':', 1)[1]}")
    values = c.new if c.old is None else c.old
    if path == "bidang:rencana_aksi[]" and isinstance(values, Mapping):
        # What is planned: a sub kegiatan, or an APBN kegiatan or output.
        key = next((k for k in ("sub_kegiatan", "kegiatan", "output") if k in values), "")
        noun += " " + key.replace("_", " ")
    said = _quote(c.subject) + (f" ({item})" if item and item != c.subject else "")
    target = values.get("target") if isinstance(values, Mapping) else None
    if isinstance(target, Mapping):
        said += f", target {_amount(target['jumlah'], target['satuan'])}"
    elif isinstance(target, Decimal):
        # A year's Renstra target: in its IKU's unit, as it was when the year was removed.
        side = "satuan" if c.old is None else "old_satuan"
        unit = values.get("satuan", d.get(side, ""))
        said += f", target {_amount(target, str(unit))}"
    elif isinstance(values, Mapping) and "jenis" in values:  # a source note: what it says
        said += f", {values['jenis']}: {_quote(values['alasan'])}"
    if isinstance(values, Mapping) and isinstance(values.get("baru"), int):
        # A pagu the Perubahan changes: from what to what.
        said += f", pagu {formats.rupiah(values.get('lama', 0))} → {formats.rupiah(values['baru'])}"
    return f"{noun} {verb}: {said}"


def _entry_added(c: Change, _names: BidangNames) -> str:
    return _entry(c, "ditambahkan")


def _entry_removed(c: Change, _names: BidangNames) -> str:
    return _entry(c, "dihapus")


# --- realisasi ---------------------------------------------------------------------------

_PENJELASAN_WORDS = {
    "faktor_pendukung": "Faktor pendukung",
    "faktor_penghambat": "Faktor penghambat",
    "upaya_perbaikan": "Upaya perbaikan",
}


def _quarter(c: Change) -> str:
    """``Triwulan II``; for another period's file, its name (``Semester I``, ``Tahunan``)."""
    stem = c.detail.get("periode")
    period = Period.parse(stem) if isinstance(stem, str) else None
    if period is not None:
        return period.label
    return f"Triwulan {ROMAN[c.detail['triwulan'] - 1]}"


def _share(amount: int, pagu: int | None, of: str = "pagu") -> str:
    """``55,00% dari pagu Rp 100.000.000``; nothing when there is no pagu to compare with."""
    if not pagu:
        return ""
    ratio = (Decimal(amount) * 100 / Decimal(pagu)).quantize(Decimal("0.01"))
    return f"{formats.fixed(ratio)}% dari {of} {formats.rupiah(pagu)}"


def _text_change(old: str | None, new: str | None) -> str:
    """Free text before and after: written, removed or changed."""
    if old is None:
        return f"ditulis {_quote(new)}"
    if new is None:
        return f"dihapus (dulu {_quote(old)})"
    return f"{_quote(old)} → {_quote(new)}"


def _realised(value: Decimal | None, satuan: str) -> str:
    """An indicator's value in its unit (an indicator the plan lacks may have none)."""
    return _amount(value, satuan).rstrip()


def _output(value: Output | None) -> str:
    return "(kosong)" if value is None else _amount(value[0], value[1])


def _file_counts(c: Change) -> str:
    d = c.detail
    spent = c.new if c.old is None else c.old
    counts = (
        f"{d['indikator']} indikator, {d['sub_kegiatan']} {d.get('level', 'sub kegiatan')}, "
        f"{d['aksi']} aksi terlaksana, anggaran terserap {formats.rupiah(spent)}"
    )
    share = _share(spent, d["pagu"], "total pagu")
    return counts + (f" ({share})" if share else "")


def _file_added(c: Change, _names: BidangNames) -> str:
    return f"Realisasi {_quarter(c)} ditambahkan: {_file_counts(c)}"


def _file_removed(c: Change, _names: BidangNames) -> str:
    return f"Realisasi {_quarter(c)} dihapus; isinya dulu {_file_counts(c)}"


def _realisasi_field(c: Change, _names: BidangNames) -> str:
    q, field = _quarter(c), c.detail["field"]
    if field == "tanggal":
        old = "(kosong)" if c.old is None else formats.date(c.old)
        new = "(kosong)" if c.new is None else formats.date(c.new)
        return f"Tanggal laporan realisasi {q}: {old} → {new}"
    if field == "tahun":
        return f"Tahun realisasi {q}: {c.old or '(kosong)'} → {c.new or '(kosong)'}"
    return f"Catatan realisasi {q}: {_text_change(c.old, c.new)}"


def _indikator_of(c: Change) -> str:
    """``Triwulan II indikator “…” (id)``: which realised value a change is about."""
    return f"{_quarter(c)} indikator {_quote(c.subject)} ({c.key})"


def _realisasi_indikator(c: Change, _names: BidangNames) -> str:
    satuan = c.detail["satuan"]
    old, new = _realised(c.old, satuan), _realised(c.new, satuan)
    return f"Realisasi {_indikator_of(c)}: {old} → {new}"


def _realisasi_indikator_added(c: Change, _names: BidangNames) -> str:
    return f"Realisasi {_indikator_of(c)} ditambahkan: {_realised(c.new, c.detail['satuan'])}"


def _realisasi_indikator_removed(c: Change, _names: BidangNames) -> str:
    return f"Realisasi {_indikator_of(c)} dihapus (dulu {_realised(c.old, c.detail['satuan'])})"


def _realisasi_penjelasan(c: Change, _names: BidangNames) -> str:
    field = c.detail["field"]
    what = _PENJELASAN_WORDS.get(field, field)
    return f"{what} {_indikator_of(c)}: {_text_change(c.old, c.new)}"


def _realisasi_anggaran(c: Change, _names: BidangNames) -> str:
    share = _share(c.new, c.detail["pagu"])
    diff = formats.signed_rupiah(c.new - c.old)
    change = f"{formats.rupiah(c.old)} → {formats.rupiah(c.new)} ({diff})"
    q = _quarter(c)
    return f"Realisasi anggaran {q} {c.subject}: {change}" + (f"; {share}" if share else "")


def _realisasi_keluaran(c: Change, _names: BidangNames) -> str:
    d = c.detail
    target = f" (target {_output(d['target'])})" if d["target"] is not None else ""
    q = _quarter(c)
    return f"Realisasi keluaran {q} {c.subject}: {_output(c.old)} → {_output(c.new)}{target}"


def _realisasi_sub_added(c: Change, _names: BidangNames) -> str:
    d = c.detail
    share = _share(c.new, d["pagu"])
    return (
        f"Realisasi {_quarter(c)} {c.subject} ditambahkan: anggaran {formats.rupiah(c.new)}"
        + (f" ({share})" if share else "")
        + f", keluaran {_output(d['keluaran'])}, {d['aksi']} aksi terlaksana"
    )


def _realisasi_sub_removed(c: Change, _names: BidangNames) -> str:
    q = _quarter(c)
    return f"Realisasi {q} {c.subject} dihapus (dulu anggaran {formats.rupiah(c.old)})"


def _aksi_of(c: Change) -> str:
    """``aksi 2 “…” (sub kegiatan) Triwulan II``: which reported aksi a change is about."""
    d = c.detail
    return f"aksi {d['no']} {_quote(d['aksi'])} ({c.subject}) {_quarter(c)}"


def _realisasi_aksi(c: Change, _names: BidangNames) -> str:
    d, aksi = c.detail, _aksi_of(c)
    # Newly reported done is the common case; it reads as one plain clause.
    if not d["removed"] and c.new and list(d["added"]) == list(c.new):
        return f"Pelaksanaan {aksi}: ditandai terlaksana {_months(c.new)}"
    parts = []
    if d["added"]:
        parts.append(f"ditandai terlaksana {_months(d['added'])}")
    if d["removed"]:
        parts.append(f"tanda terlaksana dihapus {_months(d['removed'])}")
    now = f"sekarang terlaksana {_months(c.new)}" if c.new else "sekarang belum terlaksana"
    return f"Pelaksanaan {aksi}: {', '.join(parts)}; {now}"


def _realisasi_catatan(c: Change, _names: BidangNames) -> str:
    return f"Catatan {_aksi_of(c)}: {_text_change(c.old, c.new)}"


# --- the table ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Words:
    """How one kind of change reads: what the headline counts it as, and its sentence.

    ``count`` is the noun phrase after the number in the headline (``2 pagu berubah``);
    kinds that share one add up into one count.
    """

    count: str
    sentence: Callable[[Change, BidangNames], str]


#: Every kind's words, in the order the headline lists its counts (the most important
#: first). A kind missing here is a KeyError in every diff that has one, and a failing
#: test before that.
WORDS: dict[ChangeKind, Words] = {
    ChangeKind.PEMANTAUAN_SKALA: Words("skala kategori capaian berubah", _skala),
    ChangeKind.PEMANTAUAN_AMBANG: Words("ambang penjelasan capaian berubah", _ambang),
    ChangeKind.PAGU: Words("pagu berubah", _pagu),
    ChangeKind.SUB_ADDED: Words("sub kegiatan baru", _sub_added),
    ChangeKind.SUB_REMOVED: Words("sub kegiatan dihapus", _sub_removed),
    ChangeKind.SUB_MOVED: Words("sub kegiatan pindah bidang", _sub_moved),
    ChangeKind.SUB_RENAMED: Words("sub kegiatan berganti nama", _sub_renamed),
    ChangeKind.SUB_REGROUPED: Words("sub kegiatan pindah kegiatan", _sub_regrouped),
    ChangeKind.INDIKATOR_ADDED: Words("indikator baru", _indikator_added),
    ChangeKind.INDIKATOR_REMOVED: Words("indikator dihapus", _indikator_removed),
    ChangeKind.INDIKATOR_TARGET: Words("target indikator berubah", _indikator_target),
    ChangeKind.INDIKATOR_FIELD: Words("sifat indikator berubah", _indikator_field),
    ChangeKind.IKU_TARGET: Words("target IKU berubah", _iku_target),
    ChangeKind.INDIKATOR_BOLEH_LEBIH_100: Words(
        "batas 100% indikator berubah", _indikator_over_100
    ),
    ChangeKind.OUTPUT_TARGET: Words("target keluaran berubah", _output_target),
    ChangeKind.AKSI_ADDED: Words("aksi ditambah", _aksi_added),
    ChangeKind.AKSI_REMOVED: Words("aksi dihapus", _aksi_removed),
    ChangeKind.AKSI_RENAMED: Words("aksi berganti nama", _aksi_renamed),
    ChangeKind.AKSI_REORDERED: Words("urutan aksi berubah", _aksi_reordered),
    ChangeKind.AKSI_MONTHS: Words("jadwal aksi berubah", _aksi_months),
    ChangeKind.AKSI_KELUARAN: Words("keluaran aksi berubah", _aksi_keluaran),
    ChangeKind.SIGNATORY: Words("data penandatangan berubah", _signatory),
    ChangeKind.SIGNING: Words("tempat/tanggal tanda tangan berubah", _signing),
    ChangeKind.ENTRY_ADDED: Words("butir rencana ditambahkan", _entry_added),
    ChangeKind.ENTRY_REMOVED: Words("butir rencana dihapus", _entry_removed),
    ChangeKind.FIELD: Words("isian rencana berubah", _field),
    ChangeKind.REALISASI_FILE_ADDED: Words("triwulan realisasi ditambahkan", _file_added),
    ChangeKind.REALISASI_FILE_REMOVED: Words("triwulan realisasi dihapus", _file_removed),
    ChangeKind.REALISASI_ANGGARAN: Words("realisasi anggaran berubah", _realisasi_anggaran),
    ChangeKind.REALISASI_KELUARAN: Words("realisasi keluaran berubah", _realisasi_keluaran),
    ChangeKind.REALISASI_INDIKATOR: Words("realisasi indikator berubah", _realisasi_indikator),
    ChangeKind.REALISASI_INDIKATOR_ADDED: Words(
        "realisasi indikator ditambahkan", _realisasi_indikator_added
    ),
    ChangeKind.REALISASI_INDIKATOR_REMOVED: Words(
        "realisasi indikator dihapus", _realisasi_indikator_removed
    ),
    ChangeKind.REALISASI_SUB_ADDED: Words(
        "realisasi sub kegiatan ditambahkan", _realisasi_sub_added
    ),
    ChangeKind.REALISASI_SUB_REMOVED: Words(
        "realisasi sub kegiatan dihapus", _realisasi_sub_removed
    ),
    ChangeKind.REALISASI_AKSI: Words("pelaksanaan aksi berubah", _realisasi_aksi),
    ChangeKind.REALISASI_CATATAN: Words("catatan aksi berubah", _realisasi_catatan),
    ChangeKind.REALISASI_PENJELASAN: Words("penjelasan realisasi berubah", _realisasi_penjelasan),
    ChangeKind.REALISASI_FIELD: Words("data laporan realisasi berubah", _realisasi_field),
}


def sentence(change: Change, bidang_names: BidangNames) -> str:
    """One change as a sentence a Kepala Bidang can approve."""
    shortened = replace(change, subject=short(change.subject))
    return WORDS[change.kind].sentence(shortened, bidang_names)


#: The section of the changes to how monitoring judges, shown before every other.
VERDICT_HEADING = "Perubahan yang mengubah setiap penilaian"
VERDICT_NOTE = (
    "Skala dan ambang ini menentukan kategori setiap capaian dan serapan, dan capaian mana "
    "yang wajib dijelaskan (RL07)."
)


def verdict_changes(diff: PlanDiff) -> list[Change]:
    """The changes that change every verdict (the monitoring scale and threshold)."""
    return [c for c in diff.changes if c.weight is Weight.VERDICT]


def sections(diff: PlanDiff) -> dict[str | None, list[Change]]:
    """The other changes by bidang (``None``: the agency level), most important first."""
    groups = {
        slug: [c for c in changes if c.weight is not Weight.VERDICT]
        for slug, changes in diff.by_bidang().items()
    }
    return {slug: changes for slug, changes in groups.items() if changes}


def section_name(slug: str | None, bidang_names: dict[str, str]) -> str:
    """The heading of a group of changes."""
    if slug is None:
        return "Tingkat instansi (PK dan Kepala Badan)"
    return bidang_names.get(slug, f"Bidang {slug}")


def total_line(total: Total) -> str:
    """``Program X: Rp a → Rp b (+Rp c)``."""
    return f"{total.name}: {money_change(total.old, total.new)}"


def _count_noun(c: Change) -> str:
    """What the headline counts a change as, in its unit's own word: an APBN plan's
    changed units are "output baru", not "sub kegiatan baru"; a semester's realisasi file
    is a "laporan realisasi", not a "triwulan realisasi"."""
    noun = WORDS[c.kind].count
    if c.detail.get("periode") is not None:
        # A file of a semester, the year or a date is not a quarter's.
        noun = noun.replace("triwulan realisasi", "laporan realisasi")
    level = c.detail.get("level")
    return noun.replace("sub kegiatan", level) if isinstance(level, str) else noun


def headline(diff: PlanDiff) -> str:
    """One line: total pagu, counts of changes, findings introduced and fixed."""
    total = diff.agency
    if total.old is None and total.new is None:
        parts = ["Total pagu tidak dapat dibandingkan"]
    elif total.old == total.new:
        parts = [f"Total pagu tetap {_rupiah(total.new or 0)}"]
    else:
        parts = [f"Total pagu {money_change(total.old, total.new)}"]
    rank: dict[str, int] = {}
    for i, words in enumerate(WORDS.values()):
        rank.setdefault(words.count, i)
    counts = Counter((rank[WORDS[c.kind].count], _count_noun(c)) for c in diff.changes)
    parts += [f"{n} {noun}" for (_, noun), n in sorted(counts.items())]
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
