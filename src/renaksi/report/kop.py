"""The letterhead (kop) on the cover: its lines, and the logo embedded as a data URI.

The logo is a file inside the plan folder named in ``instansi.yaml`` (``kop.logo``). It
is read the way plan files are read: never through a symbolic link out of the folder,
never a device or pipe, at most :data:`MAX_LOGO_BYTES`. Its kind is read from its
content, not its name: a PNG by its signature, an SVG by its ``<svg`` element. An SVG is
refused when it holds a script, a document type (entities can expand without bound) or a
reference to anything outside itself: the HTML report fetches nothing, and WeasyPrint
would otherwise fetch what an SVG names (the PDF path refuses every URL but ``data:``
too; this says why the logo is missing instead of printing a page without it).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from renaksi.plan.file import PlanFile
from renaksi.plan.folder import Plan
from renaksi.plan.model import Kantor
from renaksi.plan.source import PlanIOError, check_regular, display_path, read_at_most

#: Largest logo embedded (bytes): a crest is a few dozen KiB; the data URI is written
#: into every report, a third larger than the file.
MAX_LOGO_BYTES = 512 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_SVG_ROOT = re.compile(r"<svg[\s>]", re.IGNORECASE)
#: What an SVG may not hold: scripts and event handlers, document types (entities), and
#: foreign content that could embed HTML.
_SVG_FORBIDDEN = re.compile(r"<script|<!DOCTYPE|<!ENTITY|<foreignObject|\son[a-z]+\s*=", re.I)
#: References in an SVG: href/src attributes, url(...) in styles, @import.
_SVG_REFERENCE = re.compile(
    r"""(?:href|src)\s*=\s*["']\s*([^"']*)|url\(\s*["']?\s*([^)"']*)|@import""", re.I
)


class LogoError(Exception):
    """The logo named in ``instansi.yaml`` cannot be embedded (exit code 2)."""


@dataclass(frozen=True, slots=True)
class KopView:
    """The printed letterhead: the lines from the top, and the logo (a data URI) if any."""

    lines: tuple[str, ...]
    logo: str | None
    logo_name: str | None


def kop_view(plan: Plan) -> KopView:
    """The letterhead of ``plan``: the kop lines written in ``instansi.yaml``, or lines
    made of the agency's government, name and address; the logo read and embedded."""
    instansi = plan.instansi
    assert instansi is not None
    kop = instansi.kop
    lines = tuple(kop.baris) if kop is not None and kop.baris else _default_lines(instansi.instansi)
    if kop is None or kop.logo is None:
        return KopView(lines, None, None)
    return KopView(lines, _data_uri(plan, kop.logo), kop.logo)


def _default_lines(org: Kantor) -> tuple[str, ...]:
    lines = [org.pemerintah.upper()] if isinstance(org.pemerintah, str) else []
    lines.append(org.nama.upper())
    address = [org.alamat] if isinstance(org.alamat, str) else []
    if isinstance(org.kode_pos, str):
        address.append(org.kode_pos)
    contact = " ".join(address)
    if isinstance(org.telepon, str):
        contact = f"{contact} Telp. {org.telepon}".strip()
    if contact:
        lines.append(contact)
    return tuple(lines)


def _data_uri(plan: Plan, name: str) -> str:
    doc = plan.instansi_doc
    assert doc is not None
    where = _where(doc)
    path = plan.folder / name
    shown = display_path(path)
    try:
        check_regular(path, plan.folder, shown)
        with path.open("rb") as handle:
            data = read_at_most(handle, MAX_LOGO_BYTES + 1)
    except PlanIOError as exc:
        raise LogoError(f"{where}: logo tidak dipakai: {exc.message}") from None
    except OSError as exc:
        from renaksi.text.os_errors import os_reason

        raise LogoError(f"{where}: logo {shown} tidak dapat dibaca ({os_reason(exc)})") from None
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(
            f"{where}: logo {shown} lebih besar dari {MAX_LOGO_BYTES // 1024} KiB; "
            "perkecil gambarnya"
        )
    return f"data:{_media_type(data, shown, where)};base64,{base64.b64encode(data).decode()}"


def _where(doc: PlanFile) -> str:
    line, column = doc.position(("kop", "logo"))
    return f"{doc.display}:{line}:{column}"


def _media_type(data: bytes, shown: str, where: str) -> str:
    if data.startswith(_PNG):
        return "image/png"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if not _SVG_ROOT.search(text):
        raise LogoError(f"{where}: logo {shown} bukan gambar PNG atau SVG")
    if _SVG_FORBIDDEN.search(text):
        raise LogoError(
            f"{where}: logo {shown} berisi skrip, DOCTYPE atau konten asing; simpan ulang "
            "sebagai SVG biasa"
        )
    for match in _SVG_REFERENCE.finditer(text):
        target = (match.group(1) or match.group(2) or "").strip()
        if match.group(0).lower() == "@import" or not target.startswith(("#", "data:")):
            raise LogoError(
                f"{where}: logo {shown} merujuk berkas atau alamat di luar dirinya "
                f"({target or '@import'}); sisipkan gambarnya ke dalam SVG"
            )
    return "image/svg+xml"
