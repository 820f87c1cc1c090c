"""What ``renaksi import`` writes: the bidang file (and, on request, the PK's budget rows)
as YAML, from an :class:`~renaksi.sheet.read.ImportedSheet`.

Ids are how a bidang file names the PK's sub kegiatan. With a plan to match against, each
sub kegiatan read is looked up by its name among the plan's budgeted units (exactly, after
case and spacing; never the nearest one: a near name is a finding with a hint). Without a
plan, ids are made as ``<bidang>-<n>`` in the order read, and the PK rows written with
``--pk`` carry the same ids, so the two files agree.

Every string is written double-quoted (ruamel escapes what needs escaping), so no text from
a workbook can become a YAML number, boolean, alias or tag.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from renaksi.plan.findings import Location, Problem
from renaksi.plan.model import BudgetUnit
from renaksi.plan.values import ABSENT_TEXT
from renaksi.sheet import codes
from renaksi.sheet.read import ImportedSheet
from renaksi.sheet.signature import Signer
from renaksi.text.controls import HIDDEN
from renaksi.text.hints import Hints


def _key(text: str) -> str:
    return " ".join(re.sub(r"\s+", " ", text).casefold().split())


def assign_ids(
    sheet: ImportedSheet,
    slug: str,
    units: Sequence[BudgetUnit] | None,
    hints: Hints,
) -> tuple[dict[int, str], list[Problem]]:
    """The id of every unit read (by its position), and the findings of matching."""
    ids: dict[int, str] = {}
    problems: list[Problem] = []
    if units is None:
        return {n: f"{slug}-{n + 1}" for n in range(len(sheet.units))}, problems
    known = {(u.key, _key(u.nama)): u for u in units}
    names = [u.nama for u in units]
    for n, unit in enumerate(sheet.units):
        found = known.get((unit.key, _key(unit.nama)))
        if found is not None:
            ids[n] = found.id
            continue
        near = hints.closest(unit.nama, names, 0.6)
        problems.append(
            codes.UNIT.problem(
                unit.where,
                "{key} {nama} tidak ada di perjanjian-kinerja.yaml rencana{hint}; samakan "
                "namanya dengan PK",
                key=unit.key.replace("_", " "),
                nama=unit.nama[:80],
                hint=f" (maksudnya {near}?)" if near else "",
            )
        )
    return ids, problems


def _quoted(text: str) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(text)


def bidang_data(sheet: ImportedSheet, ids: dict[int, str]) -> dict[str, Any]:
    """The bidang file's data: what the sheet says (its source notes and signature block
    included), and ``tidak tercantum`` for the signer, place and date when the sheet has no
    whole signature block."""
    absent = _quoted(ABSENT_TEXT)
    rencana = []
    for n, unit in enumerate(sheet.units):
        if n not in ids:
            continue
        entry: dict[str, Any] = {
            unit.key: _quoted(ids[n]),
            "target": _quoted(unit.target) if unit.target is not None else absent,
        }
        if unit.pagu is not None:
            entry["pagu"] = unit.pagu
        entry["aksi"] = [
            {"nama": _quoted(a.nama), "bulan": a.bulan, "keluaran": _quoted(a.keluaran)}
            for a in unit.aksi
        ]
        rencana.append(entry)
    data: dict[str, Any] = {
        "nama": _quoted(sheet.nama or ""),
        "penandatangan": {"nama": absent, "nip": absent, "jabatan": absent},
        "tempat": absent,
        "tanggal": absent,
    }
    if isinstance(sheet.signer, Signer):
        data.update(_signed(sheet.signer))
    if sheet.catatan:
        data["catatan_sumber"] = [
            {"jenis": jenis, "isian": "bulan", "alasan": _quoted(alasan)}
            for jenis, alasan in sheet.catatan
        ]
    data["rencana_aksi"] = rencana
    return data


def _signed(signer: Signer) -> dict[str, Any]:
    """The signer, place and date of a whole signature block, as written there."""
    person: dict[str, Any] = {"nama": _quoted(signer.nama), signer.identity: _quoted(signer.number)}
    if signer.pangkat is not None:
        person["pangkat"] = _quoted(signer.pangkat)
    if signer.golongan is not None:
        person["golongan"] = _quoted(signer.golongan)
    person["jabatan"] = _quoted(signer.jabatan)
    if signer.plt:
        person["plt"] = True
    return {
        "penandatangan": person,
        "tempat": _quoted(signer.tempat),
        "tanggal": _quoted(signer.tanggal),
    }


def pk_rows(sheet: ImportedSheet, ids: dict[int, str], slug: str) -> dict[str, Any]:
    """The program, kegiatan and sub kegiatan (or output) rows of the units read, for
    ``perjanjian-kinerja.yaml``: grouped by program and kegiatan as the sheet names them."""
    absent = _quoted(ABSENT_TEXT)
    programs: dict[str, dict[str, Any]] = {}
    for n, unit in enumerate(sheet.units):
        if n not in ids:
            continue
        program = programs.setdefault(
            _key(unit.program or ""),
            {"nama": _quoted(unit.program or ABSENT_TEXT), "kegiatan": []},
        )
        part = {
            "id": _quoted(ids[n]),
            "nama": _quoted(unit.nama),
            "pagu": unit.pagu if unit.pagu is not None else absent,
            "bidang": slug,
        }
        if unit.key == "kegiatan":
            program["kegiatan"].append({**part})
            continue
        kegiatan = next(
            (k for k in program["kegiatan"] if _key(str(k["nama"])) == _key(unit.kegiatan or "")),
            None,
        )
        if kegiatan is None:
            kegiatan = {"nama": _quoted(unit.kegiatan or ABSENT_TEXT), unit.key: []}
            program["kegiatan"].append(kegiatan)
        kegiatan.setdefault(unit.key, []).append(part)
    return {"program": list(programs.values())}


def dump(data: dict[str, Any], header: str) -> str:
    """``data`` as YAML text, after a comment ``header`` (whose workbook and sheet names
    the caller has made one line with :func:`renaksi.text.controls.one_line`)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "")
    )

    def commented(value: Any) -> Any:
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = commented(v)
            return out
        if isinstance(value, list):
            seq = CommentedSeq(commented(v) for v in value)
            if all(isinstance(v, int) for v in value):
                seq.fa.set_flow_style()  # months: bulan: [1, 2, 3]
            return seq
        return value

    root = commented(data)
    root.yaml_set_start_comment(header)
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    # ruamel escapes C0 and C1 controls in a double-quoted string but writes bidirectional
    # controls as they are, which would reorder the text on a terminal: every string is
    # double-quoted (keys are plain words), so a YAML escape is always in place.
    return HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04X}", buffer.getvalue())


def problem_where(problem: Problem) -> str:
    """How a finding's place is shown: ``buku.xlsx Sheet1!F12``."""
    loc: Location = problem.location
    return f"{loc.file} {loc.path}".strip()
