"""``renaksi init <tahun>``: next year's plan folder, started from the latest year's.

What carries over is what stays true from one year to the next: the agency, its head, the
Renstra and IKU, the PK indicators and the budget tree (program, kegiatan, sub kegiatan and
their bidang), the bidang files with their signers, indicators and aksi names and outputs.
What belongs to one year is not guessed: every pagu, every target, every signing date and
every aksi's months is written as an empty value (YAML ``null``) or an empty month list,
which ``renaksi validate`` reports, each at its line, until the planner fills it in. The
one exception is stated elsewhere, not guessed: a PK indicator tied to an IKU (``iku:``)
whose Renstra states a target for the new year starts with that target, marked by a
comment on its line as taken from the Renstra. Source
notes (``catatan_sumber``) describe last year's values, so they are dropped; the narrative
chapters, the realisasi and a Perubahan belong to last year and are not copied.

The new folder is written beside the old one under a temporary name and renamed into place
once complete, and never over an existing folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from renaksi.plan import values
from renaksi.plan.folder import BIDANG_DIR, INSTANSI_FILE, PK_FILE
from renaksi.text.os_errors import os_reason

#: The note at the top of every file ``init`` writes.
HEADER = (
    "Dimulai oleh `renaksi init {tahun}` dari plans/{asal}. Isian bernilai kosong (null) dan\n"
    "bulan aksi yang kosong ([]) BELUM DIISI: isi dari dokumen tahun {tahun}; jalankan\n"
    "`renaksi validate` untuk daftar letaknya. Komentar di bawah disalin dari tahun {asal}.\n"
)


class InitError(Exception):
    """Why the new year's folder was not written (exit code 2)."""


@dataclass(slots=True)
class Unfilled:
    """What the planner must fill in, counted as it was cleared."""

    pagu: int = 0
    target: int = 0
    tanggal: int = 0
    bulan: int = 0
    files: list[str] = field(default_factory=list)
    #: PK indicators whose annual target was taken from the Renstra target of the new year.
    dari_renstra: int = 0


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # keep long names on one line, as the planner wrote them
    yaml.indent(mapping=2, sequence=4, offset=2)
    # An empty value is written ``null``, not left blank: the planner sees it is unset.
    yaml.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _flow(items: list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _clear(node: Any, key: str, count: Unfilled, what: str) -> None:
    if key in node:
        node[key] = None
        setattr(count, what, getattr(count, what) + 1)


#: The comment that marks a target taken from the Renstra (see :func:`_pk`).
FROM_RENSTRA = "dari target Renstra"


def _indicator(ind: Any, count: Unfilled) -> None:
    had_quarters = ind.get("triwulan") is not None
    _clear(ind, "target", count, "target")
    _drop_renstra_mark(ind)
    if had_quarters:
        ind["triwulan"] = _flow([None] * 4)
        count.target += 4


def _drop_renstra_mark(ind: Any) -> None:
    # Last year's mark describes last year's value; ruamel keeps a key's end-of-line
    # comment (and comment lines below it) in one slot, so only our own mark is removed.
    slot = getattr(ind, "ca", None)
    comments: list[Any] = (slot.items.get("target") if slot is not None else None) or []
    mark = comments[2] if len(comments) > 2 else None
    if mark is not None and mark.value.lstrip("# ").startswith(FROM_RENSTRA):
        comments[2] = None


def _budget(node: Any, count: Unfilled) -> None:
    """Every pagu of a program, its kegiatan and their parts, cleared."""
    node.pop("catatan_sumber", None)
    _clear(node, "pagu", count, "pagu")
    for key in ("kegiatan", "sub_kegiatan", "output"):
        for child in node.get(key) or []:
            _budget(child, count)


def _instansi(data: Any, tahun: int, count: Unfilled, renstra: dict[str, Any]) -> None:
    data["tahun"] = tahun
    _clear(data, "tanggal", count, "tanggal")
    data.pop("catatan_sumber", None)
    renstra.update(renstra_targets(data, tahun))


def renstra_targets(data: Any, tahun: int) -> dict[str, Any]:
    """The Renstra target of year ``tahun`` of each IKU with an id, as written in
    ``instansi.yaml`` (``data``, as read); IKU without one, or whose target that year is
    not stated, are left out. Shapes that do not fit are passed over: validate names them."""
    iku = data.get("iku") if isinstance(data, dict) else None
    found: dict[str, Any] = {}
    for ind in (iku.get("indikator") if isinstance(iku, dict) else None) or []:
        years = ind.get("target_per_tahun") if isinstance(ind, dict) else None
        if not isinstance(ind.get("id") if isinstance(ind, dict) else None, str):
            continue
        for entry in years if isinstance(years, list) else []:
            if not isinstance(entry, dict) or entry.get("tahun") != tahun:
                continue
            value = entry.get("target")
            if value is not None and not values.is_absent_text(value):
                found.setdefault(ind["id"], value)
    return found


def _pk(data: Any, tahun: int, count: Unfilled, renstra: dict[str, Any]) -> None:
    if "tahun" in data:
        data["tahun"] = tahun
    for key in ("tempat", "tanggal"):
        data.pop(key, None)  # the PK's own signing, if last year's wrote one
    for ind in data.get("indikator") or []:
        # Last year's reason for differing from the Renstra was about last year's target.
        ind.pop("alasan_beda_renstra", None)
        _indicator(ind, count)
        iku = ind.get("iku")
        if isinstance(iku, str) and iku in renstra and "target" in ind:
            ind["target"] = renstra[iku]
            ind.yaml_add_eol_comment(
                f"{FROM_RENSTRA} {tahun} (IKU {iku}); periksa terhadap PK yang ditandatangani",
                "target",
            )
            count.target -= 1
            count.dari_renstra += 1
    for program in data.get("program") or []:
        _budget(program, count)
    _clear(data, "total_pagu", count, "pagu")


def _bidang(data: Any, count: Unfilled) -> None:
    _clear(data, "tanggal", count, "tanggal")
    data.pop("catatan_sumber", None)
    for ind in data.get("indikator") or []:
        _indicator(ind, count)
    for plan in data.get("rencana_aksi") or []:
        _clear(plan, "target", count, "target")
        plan.pop("pagu", None)
        for aksi in plan.get("aksi") or []:
            aksi.pop("catatan_sumber", None)
            aksi["bulan"] = _flow([])
            count.bulan += 1


def _rewrite(source: Path, target: Path, change: Any, header: str) -> None:
    yaml = _yaml()
    data = yaml.load(source.read_text(encoding="utf-8-sig"))
    change(data)
    data.yaml_set_start_comment(header)
    out = StringIO()
    yaml.dump(data, out)
    target.write_text(out.getvalue(), encoding="utf-8")


def latest_before(plans: Path, tahun: int) -> Path | None:
    """The newest ``plans/<year>`` folder before ``tahun`` that holds a plan."""
    years = [
        p
        for p in plans.iterdir()
        if p.name.isdigit() and len(p.name) == 4 and int(p.name) < tahun and p.is_dir()
    ]
    years = [p for p in years if (p / INSTANSI_FILE).is_file()]
    return max(years, key=lambda p: int(p.name)) if years else None


def init_year(plans: Path, tahun: int) -> tuple[Path, Path, Unfilled]:
    """Write ``plans/<tahun>`` from the latest earlier year; returns (new, source, unfilled).

    Raises InitError when the folder exists, there is no earlier year, or a file of the
    earlier year cannot be read as YAML."""
    new = plans / str(tahun)
    if new.exists() or new.is_symlink():
        raise InitError(f"{new} sudah ada; renaksi init tidak pernah menimpa folder rencana")
    source = latest_before(plans, tahun) if plans.is_dir() else None
    if source is None:
        raise InitError(f"tidak ada folder rencana sebelum {tahun} di {plans}")
    count = Unfilled()
    renstra: dict[str, Any] = {}
    header = HEADER.format(tahun=tahun, asal=source.name)
    work = Path(tempfile.mkdtemp(prefix=f".{tahun}-init-", dir=plans))
    try:
        _rewrite(
            source / INSTANSI_FILE,
            work / INSTANSI_FILE,
            lambda d: _instansi(d, tahun, count, renstra),
            header,
        )
        _rewrite(source / PK_FILE, work / PK_FILE, lambda d: _pk(d, tahun, count, renstra), header)
        count.files = [INSTANSI_FILE, PK_FILE]
        bidang = source / BIDANG_DIR
        if bidang.is_dir():
            (work / BIDANG_DIR).mkdir()
            for path in sorted(bidang.glob("*.yaml")):
                rel = f"{BIDANG_DIR}/{path.name}"
                _rewrite(path, work / rel, lambda d: _bidang(d, count), header)
                count.files.append(rel)
        os.rename(work, new)  # fails rather than replace a folder made meanwhile
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise InitError(f"{new} tidak dapat ditulis ({os_reason(exc)})") from None
    except Exception as exc:  # a YAML file of the earlier year that does not read
        shutil.rmtree(work, ignore_errors=True)
        raise InitError(
            f"plans/{source.name} tidak dapat dibaca untuk dijadikan awal ({type(exc).__name__}); "
            "jalankan renaksi validate pada folder itu"
        ) from None
    return new, source, count
