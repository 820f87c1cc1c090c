"""Every field of every plan file model shows in ``renaksi diff``, or is a recorded decision.

The models' fields are walked recursively (nested models, lists of models); every field
path must be in exactly one place:

- compared field by field in :mod:`renaksi.diff.fields`, with its words in
  :data:`renaksi.output.diff_words.LABELS` (or a kind of its own in ``fields.KINDS``);
- the key that identifies the items of a list compared there (a changed key reads as one
  item removed and another added);
- ``fields.REPORTED_ELSEWHERE``: another module reports it, as the kinds listed;
- ``fields.RESTATED``: it restates another value, and a disagreement is the named rule's
  finding;
- ``fields.IGNORED``, with a reason.

Then, for every field path, two plan folders that differ only in that field (the monitoring
fixture, written out from its models, with the field changed by its type) are compared
with :func:`renaksi.diff.revisions.compare_dirs`, and the change must be reported as the
tables say: a generic field change exactly once with its own words, the kinds of the module
that reports it, or the rule's finding. A field added to a model fails here until it is
given words or a decision.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import types
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from renaksi.diff.changes import Change, ChangeKind, Weight
from renaksi.diff.fields import (
    IGNORED,
    KEYS,
    KINDS,
    MODELS,
    ONE_OF_KEYS,
    REPORTED_ELSEWHERE,
    RESTATED,
    field_changes,
)
from renaksi.diff.plan import PlanDiff
from renaksi.diff.revisions import compare_dirs
from renaksi.output.diff_words import ENTRY_NOUNS, LABELS, sentence
from renaksi.plan.load import load_plan
from renaksi.plan.model import IDENTITY_KEYS, Kantor, Rupiah, TargetRenstra
from renaksi.plan.values import TIDAK_TERCANTUM

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "monitoring" / "2024"
#: A plan with an APBN budget (outputs, kegiatan that carry their own pagu), tiers of goals
#: and an indicator set: the fields the pemda fixture above has no place for.
APBN = Path(__file__).resolve().parent / "fixtures" / "apbn" / "2024"
APBN_FIELDS = (
    "perjanjian-kinerja:program[].id",
    "perjanjian-kinerja:program[].kegiatan[].id",
    "perjanjian-kinerja:program[].kegiatan[].bidang",
    "perjanjian-kinerja:program[].kegiatan[].output[]",
    "perjanjian-kinerja:sasaran_program[]",
    "perjanjian-kinerja:sasaran_kegiatan[]",
    "perjanjian-kinerja:kelompok_indikator[]",
    "perjanjian-kinerja:indikator[].kelompok",
    "bidang:rencana_aksi[].kegiatan",
    "bidang:rencana_aksi[].output",
)
#: The file of each kind that the changed value is written to, in each fixture.
FILES = {
    FIXTURE: {
        "instansi": "instansi.yaml",
        "perjanjian-kinerja": "perjanjian-kinerja.yaml",
        "bidang": "bidang/alpha.yaml",
        "realisasi": "realisasi/tw2.yaml",
        "perubahan": "perubahan.yaml",
    },
    APBN: {
        "instansi": "instansi.yaml",
        "perjanjian-kinerja": "perjanjian-kinerja.yaml",
        "bidang": "bidang/akuntabilitas.yaml",
    },
}
_BULAN = {"jenis": "rekonstruksi", "isian": "bulan", "alasan": "Arsiran bulan hilang."}
_PAGU = {"jenis": "rekonsiliasi", "isian": "pagu", "alasan": "Dua tabel menulis lain."}


def fixture_for(path: str) -> Path:
    """The plan a change of the field ``path`` is tried on."""
    return APBN if path.startswith(APBN_FIELDS) else FIXTURE


#: Optional parts the fixture leaves out, written on both sides so a field inside can change
#: (inside a list, in its first item that has the part's parent).
SEEDS: dict[str, Any] = {
    "instansi:pemantauan": {
        "skala": [{"mulai": 91, "nama": "Sangat Tinggi"}, {"mulai": 0, "nama": "Lainnya"}],
        "ambang_penjelasan": 90,
    },
    "instansi:catatan_sumber": [_BULAN],
    "perjanjian-kinerja:program[].kegiatan[].catatan_sumber": [_PAGU],
    "perjanjian-kinerja:program[].kegiatan[].sub_kegiatan[].catatan_sumber": [_PAGU],
    "bidang:catatan_sumber": [_BULAN],
    "bidang:rencana_aksi[].aksi[].catatan_sumber": [_BULAN],
    "perjanjian-kinerja:program[].kegiatan[].output[].catatan_sumber": [_PAGU],
    "instansi:skala_ordinal": [{"nama": "mutu", "nilai": ["C", "B", "A"]}],
    "instansi:kop": {"logo": "kop/logo.png", "baris": ["PEMERINTAH KOTA UJI"]},
    "instansi:iku.indikator[].target_per_tahun": [{"tahun": 2024, "target": 10}],
    "perjanjian-kinerja:pihak_kedua": {
        "nama": "WALI KOTA UJI",
        "jabatan": "Wali Kota Uji",
        "nip": "19670319 199702 1 003",
    },
}
#: A value for a field the fixture leaves out whose type alone does not make a valid one
#: (an ordered scale has at least two values).
FRESH_AT: dict[str, Any] = {
    "perjanjian-kinerja:indikator[].skala": ["Rendah", "Tinggi"],
    "bidang:indikator[].skala": ["Rendah", "Tinggi"],
    "instansi:iku.indikator[].id": "iku-uji",
    "perjanjian-kinerja:indikator[].iku": "iku-uji",
}
#: A value for a field the fixture leaves out, by type (the head writes it, the base not).
FRESH: dict[type, Any] = {
    str: "Teks uji",
    Decimal: Decimal(7),
    int: 7,
    bool: True,
    dt.date: dt.date(2024, 3, 4),
}
GENERIC = {ChangeKind.FIELD, *KINDS.values()}
ENTRIES = {ChangeKind.ENTRY_ADDED, ChangeKind.ENTRY_REMOVED}


# --- walking the models ----------------------------------------------------------------------


def _bare(tp: Any) -> Any:
    """The type inside ``Annotated[...]`` and ``X | None``."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _shape(tp: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the model a field holds, or None for a plain value; whether it is a list of them)."""
    tp = _bare(tp)
    if get_origin(tp) is list:
        inner = _bare(get_args(tp)[0])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner, True
        return None, False  # a list of plain values is one value
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp, False
    return None, False


def walk(model: type[BaseModel], path: str) -> Iterator[tuple[str, Any, bool]]:
    """(path, annotation, is a list of models) of every field below ``model``."""
    for name, info in model.model_fields.items():
        child = f"{path}.{name}" if ":" in path else f"{path}:{name}"
        inner, many = _shape(info.annotation)
        if inner is None:
            yield child, info.annotation, False
        elif many:
            yield child + "[]", info.annotation, True
            yield from walk(inner, child + "[]")
        else:
            yield from walk(inner, child)


def leaves(models: dict[str, type[BaseModel]]) -> dict[str, Any]:
    """Every plain field path of ``models``, with its annotation."""
    return {
        path: tp
        for kind, model in models.items()
        for path, tp, many in walk(model, kind)
        if not many
    }


def lists(models: dict[str, type[BaseModel]]) -> list[str]:
    """Every list-of-models path of ``models``."""
    return [path for kind, model in models.items() for path, _, many in walk(model, kind) if many]


def identities() -> set[str]:
    """Keys of lists compared field by field and matched by that key alone (or by the one
    of their keys an item has, ONE_OF_KEYS): changing one is an item removed and another
    added."""
    return {
        f"{path}.{key}"
        for path, keys in KEYS.items()
        if (len(keys) == 1 or path in ONE_OF_KEYS) and path not in REPORTED_ELSEWHERE
        for key in keys
    }


def unclassified(models: dict[str, type[BaseModel]]) -> list[str]:
    """Field paths no table accounts for, and paths in more than one table."""
    tables = [
        set(LABELS) | set(KINDS),
        identities(),
        set(REPORTED_ELSEWHERE),
        set(RESTATED),
        set(IGNORED),
    ]
    problems = []
    for path in leaves(models):
        places = sum(path in table for table in tables)
        if places != 1:
            problems.append(f"{path} ({'in no table' if not places else 'in several tables'})")
    return problems


ALL = leaves(MODELS)


def test_every_field_is_reported_or_a_decision() -> None:
    assert unclassified(MODELS) == [], (
        "give each field words in renaksi.output.diff_words.LABELS, or a decision in "
        "renaksi.diff.fields (REPORTED_ELSEWHERE, RESTATED, IGNORED)"
    )


def test_a_new_field_is_caught() -> None:
    # The check above is not vacuous: a field nobody decided about is named.
    class LaterKantor(Kantor):
        faksimile: str | None = None

    later_instansi = type(
        "LaterInstansi",
        (MODELS["instansi"],),
        {"__annotations__": {"instansi": LaterKantor}},
    )
    models = {**MODELS, "instansi": later_instansi}
    assert "instansi:instansi.faksimile (in no table)" in unclassified(models)


def test_the_tables_name_only_real_fields() -> None:
    known = set(ALL) | set(lists(MODELS)) | set(MODELS)
    for table in (LABELS, KINDS, REPORTED_ELSEWHERE, RESTATED, IGNORED, KEYS, ENTRY_NOUNS):
        assert set(table) <= known, set(table) - known


def test_every_list_is_matched_by_what_identifies_its_items() -> None:
    assert sorted(lists(MODELS)) == sorted(KEYS)
    # A list compared field by field names its added and removed items.
    generic = {path for path in KEYS if path not in REPORTED_ELSEWHERE}
    assert set(ENTRY_NOUNS) == generic


def test_ignored_fields_have_reasons() -> None:
    for reason in IGNORED.values():
        assert len(reason.split()) >= 3
    for code, reason in RESTATED.values():
        assert code[:2].isalpha()
        assert code[2:].isdigit()
        assert len(reason.split()) >= 3


# --- changing one field ------------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]

    def decimal(representer: Any, value: Decimal) -> Any:
        # A plain number as the loader reads one: an int or a float literal, never quoted.
        tag = "int" if value == value.to_integral_value() else "float"
        text = str(int(value)) if tag == "int" else format(value, "f")
        return representer.represent_scalar(f"tag:yaml.org,2002:{tag}", text)

    yaml.representer.add_representer(Decimal, decimal)
    return yaml


def _model(fixture: Path, kind: str) -> BaseModel | None:
    plan = load_plan(fixture).plan
    if kind == "instansi":
        return plan.instansi
    if kind == "perjanjian-kinerja":
        return plan.pk
    if kind == "bidang":
        slug = Path(FILES[fixture]["bidang"]).stem
        return next(e.model for e in plan.bidang if e.slug == slug)
    if kind == "perubahan":
        return plan.perubahan
    return next(r.model for r in plan.realisasi if r.triwulan == 2)


#: Lists that may be left out but, when written, hold at least one item (a pemda kegiatan
#: has no outputs, an APBN one no sub kegiatan): dumped as ``[]``, they are left out.
OPTIONAL_NONEMPTY = frozenset({"program", "kegiatan", "sub_kegiatan", "output"})


def _written(value: Any) -> Any:
    """``value`` as a plan file writes it: without the empty OPTIONAL_NONEMPTY lists."""
    if isinstance(value, dict):
        return {
            k: _written(v) for k, v in value.items() if not (k in OPTIONAL_NONEMPTY and v == [])
        }
    if isinstance(value, list):
        return [_written(v) for v in value]
    return value


#: Whole files the fixture does not have, written on both sides so their fields can change.
FILE_SEEDS: dict[str, dict[str, Any]] = {
    "perubahan": {
        "tahun": 2024,
        "dasar": "DPPA Nomor 1/DPPA/2024 tanggal 1 September 2024",
        "tanggal": dt.date(2024, 9, 1),
        "alasan": "Perubahan anggaran pada APBD-Perubahan.",
        "pagu": [
            {"sub_kegiatan": "sub-a", "lama": 100_000_000, "baru": 150_000_000},
            {"sub_kegiatan": "sub-b", "lama": 200_000_000, "baru": 150_000_000},
        ],
        "target": [
            {
                "indikator": "pk-1",
                "target": Decimal(11),
                "triwulan": [Decimal(1), Decimal(2), Decimal(3), Decimal(5)],
                "alasan": "Tambahan kegiatan pada triwulan IV.",
            }
        ],
    },
}


def _data(kind: str, fixture: Path = FIXTURE) -> dict[str, Any]:
    """The fixture's file of ``kind`` as plain data, read through its model."""
    model = _model(fixture, kind)
    if model is None and kind in FILE_SEEDS:
        return copy.deepcopy(FILE_SEEDS[kind])
    assert model is not None
    data: dict[str, Any] = _written(model.model_dump(exclude_none=True))
    return data


def _slot(node: Any, segments: list[str]) -> tuple[dict[str, Any], str] | None:
    """The mapping and key that hold the field: where it is written, in the first list item
    that has it (a rencana aksi names its unit with one of three keys), else in the first
    list item that has its parent."""
    return _find(node, segments, written=True) or _find(node, segments, written=False)


def _find(node: Any, segments: list[str], *, written: bool) -> tuple[dict[str, Any], str] | None:
    name, rest = segments[0], segments[1:]
    if not rest:
        has = isinstance(node, dict) and (name in node or not written)
        return (node, name) if has else None
    if name.endswith("[]"):
        for item in node.get(name[:-2]) or []:
            found = _find(item, rest, written=written)
            if found is not None:
                return found
        return None
    child = node.get(name)
    return None if child is None else _find(child, rest, written=written)


def _fresh(tp: Any) -> Any:
    tp = _bare(tp)
    if get_origin(tp) is Literal:
        return get_args(tp)[0]
    if get_origin(tp) is list:
        return [_fresh(get_args(tp)[0])]
    assert tp in FRESH, f"no value to write for a field of type {tp}: add one to FRESH"
    return FRESH[tp]


def changed(value: Any, tp: Any) -> Any:
    """``value`` changed by its type: text appended to, numbers and dates one more, a flag
    flipped, another allowed word, a list's first item changed."""
    if value is None:
        return _fresh(tp)
    bare = _bare(tp)
    if get_origin(bare) is Literal:
        return next(a for a in get_args(bare) if a != value)
    if isinstance(value, list):
        inner = get_args(bare)[0]
        return [changed(value[0], inner), *value[1:]] if value else [_fresh(inner)]
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | Decimal):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    assert isinstance(value, str), f"cannot change a {type(value)}"
    return value + "-uji"


def _seeded(kind: str, data: dict[str, Any], fixture: Path = FIXTURE) -> dict[str, Any]:
    for path, value in SEEDS.items():
        file_kind, _, rest = path.partition(":")
        # Each seed is written in the plan its fields are tried on (an output's in APBN).
        if file_kind == kind and fixture_for(path) == fixture:
            slot = _slot(data, rest.split("."))
            assert slot is not None, f"the fixture has no place for the seed {path}"
            holder, name = slot
            holder[name] = copy.deepcopy(value)
    return data


def _write(folder: Path, kind: str, data: dict[str, Any], fixture: Path = FIXTURE) -> None:
    shutil.copytree(fixture, folder)
    with (folder / FILES[fixture][kind]).open("w", encoding="utf-8") as out:
        _yaml().dump(data, out)


def diff_one(path: str, tmp_path: Path, value: Any = None) -> tuple[PlanDiff, Any, Any]:
    """Compare the fixture with itself changed in the field ``path`` only (to ``value``, or
    by its type): (diff, old value, new value)."""
    kind, _, rest = path.partition(":")
    fixture = fixture_for(path)
    base = _seeded(kind, _data(kind, fixture), fixture)
    head = _seeded(kind, _data(kind, fixture), fixture)
    slot = _slot(head, rest.split("."))
    assert slot is not None, f"the fixture has no place for {path}: add a seed to SEEDS"
    holder, name = slot
    old = holder.get(name)
    fresh = old is None and path in FRESH_AT
    if value is not None:
        holder[name] = value
    elif fresh:
        holder[name] = copy.deepcopy(FRESH_AT[path])
    else:
        holder[name] = changed(old, ALL[path])
    if name in IDENTITY_KEYS:
        # A signer has one identity: writing another replaces the one written.
        for other in set(IDENTITY_KEYS) - {name}:
            holder.pop(other, None)
    _write(tmp_path / "base", kind, base, fixture)
    _write(tmp_path / "head", kind, head, fixture)
    result = compare_dirs(tmp_path / "base", tmp_path / "head")
    if value is None:
        assert result.unreadable == [], f"{path}: the changed file did not load"
    return result, old, holder[name]


def _only_value(tp: Any) -> bool:
    """Whether a field has a single allowed value (a one-word ``Literal``)."""
    bare = _bare(tp)
    return get_origin(bare) is Literal and len(get_args(bare)) == 1


@pytest.mark.parametrize("path", sorted(ALL))
def test_changing_one_field_is_reported(path: str, tmp_path: Path) -> None:
    if _only_value(ALL[path]) and path.rpartition(".")[2] not in IDENTITY_KEYS:
        # One word is valid here: any other is refused when the file is read, so the field
        # cannot differ between two revisions that load. The table says so. (Not so for
        # `identitas: pejabat negara`: writing it replaces a NIP or NRP, a change of signer.)
        assert path in IGNORED, f"{path} can hold one value only: record it in IGNORED"
        result, _, _ = diff_one(path, tmp_path, "lain")
        assert result.unreadable != [], f"{path}: another value was not refused"
        return
    result, old, new = diff_one(path, tmp_path)
    kinds = [c.kind for c in result.changes]
    said = [sentence(c, result.bidang_names) for c in result.changes]
    if path in RESTATED:
        code = RESTATED[path][0]
        assert kinds == [], f"{path} restates another value: {said}"
        assert code in [p.code for p in result.introduced], f"{path}: {code} should say so"
    elif path in IGNORED:
        assert kinds == []
    elif path in identities():
        # One item gone and another new, plus whatever else reports the items inside.
        assert set(kinds) >= ENTRIES, f"{path} changed {old!r} -> {new!r}: {said}"
    elif path in REPORTED_ELSEWHERE:
        assert kinds, f"{path} changed {old!r} -> {new!r} and the diff said nothing"
        assert set(kinds) <= set(REPORTED_ELSEWHERE[path]), f"{path}: {said}"
    else:
        # Compared field by field: exactly one change, for this field, in its own words.
        assert len(result.changes) == 1, f"{path} changed {old!r} -> {new!r}: {said}"
        change = result.changes[0]
        assert change.kind is KINDS.get(path, ChangeKind.FIELD), said
        assert change.detail["field"] == path
        assert (change.old, change.new) == (old, new)
        assert not said[0].startswith("Isian "), f"{path} has no words in LABELS: {said[0]}"


# --- the generic comparison itself -------------------------------------------------------------


def _plan() -> Any:
    return load_plan(FIXTURE).plan


def test_a_field_nobody_has_words_for_still_shows() -> None:
    # The runtime fallback: a field added to a model is compared before it has words, its
    # value formatted by its type (a rupiah amount as rupiah).
    class LaterKantor(Kantor):
        faksimile: str | None = None
        pagu_gedung: Rupiah | None = None

    base = _plan()
    assert base.instansi is not None
    written = base.instansi.instansi.model_dump()
    before = base.instansi.model_copy(update={"instansi": LaterKantor(**written)})
    after = LaterKantor(**written, faksimile="0541-123", pagu_gedung=1_500_000)
    old = replace(base, instansi=before)
    head = replace(base, instansi=base.instansi.model_copy(update={"instansi": after}))
    changes = field_changes(old, head)
    assert [c.detail["field"] for c in changes] == [
        "instansi:instansi.faksimile",
        "instansi:instansi.pagu_gedung",
    ]
    assert [sentence(c, {}) for c in changes] == [
        "Isian instansi.faksimile “instansi.yaml”: (kosong) → “0541-123”",
        "Isian instansi.pagu_gedung “instansi.yaml”: (kosong) → Rp 1.500.000",
    ]


def _entries(base: Any, head: Any) -> list[str]:
    return [sentence(c, {}) for c in field_changes(base, head)]


def test_items_added_and_removed() -> None:
    base = _plan()
    assert base.instansi is not None
    assert base.pk is not None
    renstra = base.instansi.renstra
    misi = renstra.misi[0].model_copy(update={"nomor": 2, "uraian": "Misi kedua"})
    iku = base.instansi.iku.indikator[0].model_copy(
        update={"nama": "IKU kedua", "formulasi": "C dibagi D", "target": Decimal("12.5")}
    )
    instansi = base.instansi.model_copy(
        update={
            "renstra": renstra.model_copy(update={"misi": [*renstra.misi, misi]}),
            "iku": base.instansi.iku.model_copy(
                update={"indikator": [*base.instansi.iku.indikator, iku]}
            ),
        }
    )
    program = base.pk.program[0].model_copy(update={"kode": "8.01.03", "nama": "Program Lain"})
    pk = base.pk.model_copy(update={"program": [program]})
    head = replace(base, instansi=instansi, pk=pk)
    assert _entries(base, head) == [
        "Misi Renstra ditambahkan: “Misi kedua” (2)",
        "IKU ditambahkan: “IKU kedua”, target 12,5%",
        "Program dihapus: “Program Contoh” (8.01.02)",
        "Program ditambahkan: “Program Lain” (8.01.03)",
        # Their sub kegiatan now print under the new program.
        "Sub kegiatan Sub Kegiatan A (sub-a) pindah: program “Program Contoh”, kegiatan "
        "“Kegiatan Contoh” → program “Program Lain”, kegiatan “Kegiatan Contoh”",
        "Sub kegiatan Sub Kegiatan B (sub-b) pindah: program “Program Contoh”, kegiatan "
        "“Kegiatan Contoh” → program “Program Lain”, kegiatan “Kegiatan Contoh”",
    ]
    assert _entries(head, base)[0] == "Misi Renstra dihapus: “Misi kedua” (2)"


PLAN_2024 = Path(__file__).resolve().parent.parent / "plans" / "2024"


def test_source_notes_added_removed_and_changed(tmp_path: Path) -> None:
    # The schedule of Bidang Politik now comes from the coloured original (its note goes),
    # the Paskibraka note is reworded, and one aksi of Ekonomi gets a note of its own.
    head = tmp_path / "head"
    shutil.copytree(PLAN_2024, head)
    politik = head / "bidang" / "politik.yaml"
    text = politik.read_text(encoding="utf-8")
    start = text.index("catatan_sumber:\n")
    politik.write_text(text[:start] + text[text.index("\n\n", start) + 1 :], "utf-8")
    pk = head / "perjanjian-kinerja.yaml"
    text = pk.read_text(encoding="utf-8")
    at = text.index("id: paskibraka-pembentukan")
    said_before = "Yang dipakai\n                  angka Tabel 2.3."
    assert said_before in text[at:]
    pk.write_text(text[:at] + text[at:].replace(said_before, "Dipakai.", 1), "utf-8")
    ekonomi = head / "bidang" / "ekonomi.yaml"
    text = ekonomi.read_text(encoding="utf-8")
    old = "        keluaran: Notulan Hasil rapat\n"
    assert old in text
    ekonomi.write_text(
        text.replace(
            old,
            old + "        catatan_sumber:\n          - jenis: perkiraan\n"
            "            isian: bulan\n            alasan: Rapat mengikuti jadwal pimpinan.\n",
            1,
        ),
        "utf-8",
    )
    result = compare_dirs(PLAN_2024, head)
    said = [sentence(c, result.bidang_names) for c in result.changes]
    assert [c.bidang for c in result.changes] == ["ideologi", "ekonomi", "politik"]
    assert said[1:] == [
        "Catatan sumber jadwal aksi ditambahkan: “Rapat Interen” (bulan), perkiraan: "
        "“Rapat mengikuti jadwal pimpinan.”",
        "Catatan sumber jadwal bidang dihapus: “Bidang Politik Dalam Negeri” (bulan), "
        "rekonstruksi: “Arsiran bulan pada tabel jadwal pelaksanaan hilang dalam salinan "
        "teks dokumen Rencana Aksi 2024; jadwal disusun ulang menurut urutan aksi dan target "
        "triwulan PK.”",
    ]
    assert said[0].startswith(
        "Alasan catatan sumber pagu sub kegiatan “Pembentukan Paskibraka” atas pagu: "
        "“Tabel 2.3 (perjanjian yang ditandatangani)"
    )
    assert "Yang dipakai angka Tabel 2.3.” → “Tabel 2.3" in said[0]
    assert said[0].endswith("(Rp 2.718.270.000). Dipakai.”"), said[0]
    assert result.introduced == []


def test_a_new_bidang_file_and_a_new_plan_action() -> None:
    base = _plan()
    alpha = base.bidang[0]
    assert alpha.model is not None
    beta = replace(alpha, slug="beta", model=alpha.model.model_copy(update={"nama": "Bidang Beta"}))
    rencana = alpha.model.rencana_aksi[0].model_copy(update={"sub_kegiatan": "sub-c"})
    more = alpha.model.model_copy(update={"rencana_aksi": [*alpha.model.rencana_aksi, rencana]})
    head = replace(base, bidang=[replace(alpha, model=more), beta])
    changes = field_changes(base, head)
    assert [sentence(c, {}) for c in changes] == [
        "Rencana aksi sub kegiatan ditambahkan: “sub-c”, target 100 orang",
        "Berkas bidang/beta.yaml ditambahkan: “Bidang Beta”",
    ]
    assert [c.bidang for c in changes] == ["alpha", "beta"]


def test_a_sub_kegiatan_under_another_kegiatan() -> None:
    # Sub kegiatan are matched by id across the PK, so a move between kegiatan is no pagu,
    # name or bidang change; Tabel 2.3 prints it under the other kegiatan all the same.
    base = _plan()
    assert base.pk is not None
    program = base.pk.program[0]
    kegiatan = program.kegiatan[0]
    sub_a, sub_b = kegiatan.sub_kegiatan
    second = kegiatan.model_copy(
        update={"kode": "8.01.02.2.02", "nama": "Kegiatan Kedua", "sub_kegiatan": [sub_b]}
    )

    def with_kegiatan(*kegiatan: Any) -> Any:
        pk = base.pk.model_copy(
            update={"program": [program.model_copy(update={"kegiatan": list(kegiatan)})]}
        )
        return replace(base, pk=pk)

    before = with_kegiatan(kegiatan.model_copy(update={"sub_kegiatan": [sub_a]}), second)
    after = with_kegiatan(kegiatan, second.model_copy(update={"sub_kegiatan": []}))
    (change,) = field_changes(before, after)
    assert (change.kind, change.bidang, change.key) == (ChangeKind.SUB_REGROUPED, "alpha", "sub-b")
    assert sentence(change, {}) == (
        "Sub kegiatan Sub Kegiatan B (sub-b) pindah kegiatan: “Kegiatan Kedua” → “Kegiatan Contoh”"
    )
    # A renamed kegiatan keeps its sub kegiatan: matched by kode, nothing moved.
    renamed = with_kegiatan(kegiatan.model_copy(update={"nama": "Kegiatan Baru"}))
    assert [c.detail["field"] for c in field_changes(base, renamed)] == [
        "perjanjian-kinerja:program[].kegiatan[].nama"
    ]


def test_an_unreadable_file_is_not_compared() -> None:
    base = _plan()
    alpha = base.bidang[0]
    head = replace(base, bidang=[replace(alpha, model=None)], instansi=None)
    assert field_changes(base, head) == []
    assert field_changes(head, base) == []


@pytest.mark.parametrize(
    ("value", "old", "new", "said"),
    [
        ("rupiah", 1_000_000, 2_500_000, "Rp 1.000.000 → Rp 2.500.000"),
        ("date", dt.date(2024, 1, 2), None, "2 Januari 2024 → (kosong)"),
        ("bool", False, True, "tidak → ya"),
        ("int", 2024, 2025, "2024 → 2025"),
        ("number", Decimal("1200.5"), Decimal(3), "1.200,5 → 3"),
        ("text", None, "baru", "(kosong) → “baru”"),
        ("list", ["a", "b"], ["b", "c"], "ditambah “c”; dihapus “a”"),
        ("list", ["a", "b"], ["b", "a"], "urutannya berubah"),
    ],
)
def test_field_values_read_as_what_they_are(value: str, old: Any, new: Any, said: str) -> None:
    detail = {"file": "instansi.yaml", "field": "instansi:kelak", "item": None, "value": value}
    change = Change(ChangeKind.FIELD, Weight.WORDING, None, "x", "kelak", old, new, detail)
    assert sentence(change, {}) == f"Isian kelak “x”: {said}"


def test_a_list_written_absent_on_one_side(tmp_path: Path) -> None:
    # `tidak tercantum` on one side and a list on the other: the items read as added or
    # removed (a list of values, a list of parts), never as a failure to compare.
    base = _plan()
    assert base.instansi is not None
    renstra, iku = base.instansi.renstra, base.instansi.iku

    def plan(tujuan: Any, years: Any) -> Any:
        first = iku.indikator[0].model_copy(update={"target_per_tahun": years})
        instansi = base.instansi.model_copy(
            update={
                "renstra": renstra.model_copy(update={"tujuan": tujuan}),
                "iku": iku.model_copy(update={"indikator": [first]}),
            }
        )
        return replace(base, instansi=instansi)

    years = [TargetRenstra(tahun=2024, target=Decimal(10))]
    absent, stated = plan(TIDAK_TERCANTUM, TIDAK_TERCANTUM), plan(renstra.tujuan, years)
    assert _entries(absent, stated) == [
        "Tujuan Renstra: ditambah “Tujuan contoh”",
        "Target Renstra per tahun ditambahkan: “Indikator utama contoh” (2024), target 10%",
    ]
    changed = plan(renstra.tujuan, [TargetRenstra(tahun=2024, target=Decimal(12))])
    assert _entries(stated, changed) == [
        "Target Renstra tahun 2024 IKU “Indikator utama contoh”: 10% → 12%"
    ]


def test_renstra_values_of_an_iku_print_with_its_unit() -> None:
    # The baseline, the final target and each year's target are in the IKU's unit, as its
    # target is: a reviewer reads "70% → 75%", not "70 → 75".
    base = _plan()
    assert base.instansi is not None
    iku = base.instansi.iku

    def plan(**values: Any) -> Any:
        first = iku.indikator[0].model_copy(update=values)
        instansi = base.instansi.model_copy(
            update={"iku": iku.model_copy(update={"indikator": [first]})}
        )
        return replace(base, instansi=instansi)

    before = plan(kondisi_awal=Decimal(70), target_akhir=Decimal(90))
    after = plan(kondisi_awal=TIDAK_TERCANTUM, target_akhir=Decimal("92.5"))
    assert _entries(before, after) == [
        "Kondisi awal Renstra IKU “Indikator utama contoh”: 70% → tidak tercantum",
        "Target akhir Renstra IKU “Indikator utama contoh”: 90% → 92,5%",
    ]
    # A year removed while the unit changed: the year's target in the unit it had.
    years = [TargetRenstra(tahun=2024, target=Decimal(10))]
    assert _entries(plan(target_per_tahun=years), plan(satuan="indeks")) == [
        "Satuan IKU “Indikator utama contoh”: “%” → “indeks”",
        "Target Renstra per tahun dihapus: “Indikator utama contoh” (2024), target 10%",
    ]
    counted = plan(satuan="orang", kondisi_awal=Decimal(1500))
    more = plan(satuan="orang", kondisi_awal=Decimal(1750))
    assert _entries(counted, more) == [
        "Kondisi awal Renstra IKU “Indikator utama contoh”: 1500 orang → 1750 orang"
    ]
