"""Render the official Rencana Aksi document from a plan: Jinja templates, Indonesian filters.

Templates live in the top-level ``templates/`` folder (shipped inside the wheel as
``renaksi/templates``). ``--templates DIR`` puts a folder of the user's in front: a template
there replaces the default of the same name, and can extend it as ``default/<name>``.

Plan text is always data: it is inserted through ``{{ ... }}`` and never becomes template
source, so ``{{ 7*7 }}`` typed into an aksi name is printed as typed. HTML templates
autoescape; Markdown templates escape every inserted value for Markdown (pipes, emphasis,
HTML), so plan text cannot break a table or inject markup. Undefined names are errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from renaksi.plan import pegawai
from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.report.rencana_aksi import PrintedFinding, rencana_aksi_view
from renaksi.text import formats
from renaksi.text.controls import show_controls
from renaksi.text.markdown import escape_markdown

FORMATS = ("md", "html")
#: Longest narrative chapter rendered as Markdown (in characters), and most Markdown marks
#: (:data:`_MARKS`) in one. markdown-it works hard per mark (up to some 25 µs and a token
#: each) and rescans the text after some constructs, so seven chapters of ``![`` within
#: their 1 MiB took 81 s and hundreds of MB. Real chapters are a few KiB with a few dozen
#: marks; one past either bound is shown as plain text, with a note saying why.
MAX_MARKDOWN_CHARS = 64 * 1024
MAX_MARKDOWN_MARKS = 8_000
#: The characters that start inline Markdown: links and images, emphasis, code, autolinks
#: and raw HTML, entities, escapes.
_MARKS = "[]!*_`<&\\"
_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")
_PACKAGED = Path(__file__).resolve().parent.parent / "templates"
_REPOSITORY = Path(__file__).resolve().parents[3] / "templates"


class ReportTemplateError(Exception):
    """A user template that cannot be loaded or rendered (exit code 2)."""


def default_templates() -> Path:
    """The packaged templates; in a source checkout, the repository's ``templates/``."""
    return _PACKAGED if _PACKAGED.is_dir() else _REPOSITORY


def _pangkat(person: Any) -> str:
    name, inline = pegawai.split_pangkat(person.pangkat)
    golongan = person.golongan or inline
    if name and golongan:
        return f"{name} ({pegawai.normal_golongan(golongan) or golongan})"
    return name or golongan or ""


def _jabatan(person: Any) -> str:
    return f"Plt. {person.jabatan}" if person.plt else str(person.jabatan)


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    # html=False: raw HTML typed into the prose is shown as text, never passed through.
    return MarkdownIt("commonmark", {"html": False})


def _markdown_html(text: str) -> Any:
    """Narrative Markdown as HTML."""
    from markupsafe import Markup

    plain = _plain_if_costly(text)
    if plain is not None:
        return plain
    return Markup(_markdown().render(text))


def _plain_if_costly(text: str) -> Any:
    """A chapter too long or too dense in marks to render as Markdown within bounds (see
    :data:`MAX_MARKDOWN_CHARS`), as escaped plain text after a note; else None."""
    from markupsafe import Markup, escape

    if len(text) <= MAX_MARKDOWN_CHARS:
        marks = sum(text.count(mark) for mark in _MARKS)
        if marks <= MAX_MARKDOWN_MARKS:
            return None
    note = (
        "Catatan renaksi: bab ini tidak diolah sebagai Markdown karena lebih panjang dari "
        f"{MAX_MARKDOWN_CHARS} karakter atau berisi lebih dari {MAX_MARKDOWN_MARKS} tanda "
        "Markdown ([ ] ! * _ ` < & \\); teksnya ditampilkan apa adanya."
    )
    return Markup(
        '<p class="narasi-mentah-catatan"><em>{}</em></p>\n<pre class="narasi-mentah">{}</pre>\n'
    ).format(note, escape(text))


def _computed_percent(value: Any) -> str:
    from renaksi.report.pemantauan import percent

    return percent(value)


FILTERS: dict[str, Callable[..., Any]] = {
    "rupiah": lambda v: formats.rupiah(int(v)),
    "angka": lambda v: formats.number(v) if v is not None else "",
    "persen": formats.percent,
    "tanggal": formats.date,
    "nip": pegawai.format_nip,
    "target": formats.target,
    "pangkat": _pangkat,
    "jabatan": _jabatan,
    "markdown_html": _markdown_html,
    "capaian": _computed_percent,
    "hasil": lambda v, satuan: formats.target(formats.at_most(v, 2), satuan),
}


@cache
def _environment(kind: str, user: Path | None) -> Any:
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        PrefixLoader,
        StrictUndefined,
    )

    default = FileSystemLoader(str(default_templates()))
    loaders: list[Any] = [FileSystemLoader(str(user))] if user is not None else []
    loaders += [PrefixLoader({"default": default}), default]
    options: dict[str, Any] = {
        "loader": ChoiceLoader(loaders),
        "undefined": StrictUndefined,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "autoescape": kind == "html",
    }
    # Every value a template prints passes here first (then HTML autoescaping).
    options["finalize"] = escape_markdown if kind == "md" else show_controls
    env = Environment(**options)
    env.filters.update(FILTERS)
    return env


def render(
    plan: Plan,
    *,
    output_format: str,
    bidang: str | None,
    provenance: Provenance,
    templates: Path | None = None,
    warnings: Sequence[PrintedFinding] = (),
) -> str:
    """The document (``bidang=None``) or one bidang's pages, as Markdown or HTML."""
    document = rencana_aksi_view(plan, warnings)
    pages = document.bidang
    if bidang is not None:
        pages = tuple(p for p in document.bidang if p.slug.lower() == bidang.lower())
    name = f"{'bidang' if bidang is not None else 'dokumen'}.{output_format}.j2"
    return _render(
        name,
        output_format,
        templates,
        doc=document,
        instansi=plan.instansi,
        pages=pages,
        provenance=provenance,
        warnings=document.warnings,
    )


def render_monitoring(
    plan: Plan,
    triwulan: int,
    *,
    output_format: str,
    bidang: str | None,
    provenance: Provenance,
    templates: Path | None = None,
    warnings: Sequence[PrintedFinding] = (),
) -> str:
    """The monitoring report of quarter ``triwulan``: the agency's, or one bidang's."""
    from renaksi.report.pemantauan import pemantauan_view

    document = pemantauan_view(plan, triwulan, bidang=bidang, warnings=warnings)
    return _render(
        f"pemantauan.{output_format}.j2",
        output_format,
        templates,
        doc=document,
        bidang=bidang,
        provenance=provenance,
        warnings=document.warnings,
    )


def _render(name: str, output_format: str, templates: Path | None, **context: Any) -> str:
    env = _environment(output_format, templates.resolve() if templates else None)
    try:
        return str(env.get_template(name).render(**context))
    except Exception as exc:  # a user template can fail in any way; say where, not how
        raise ReportTemplateError(_template_message(exc, name)) from None


def _template_message(exc: Exception, name: str) -> str:
    """Where a template failed (the innermost template frame) and why, in Indonesian."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError

    place = name
    if isinstance(exc, TemplateSyntaxError):
        place = f"{exc.name or exc.filename or name}:{exc.lineno}"
    else:
        # Jinja rewrites tracebacks so that template frames carry the template's own file
        # name and line: the innermost such frame is where the template failed.
        frame = exc.__traceback__
        while frame is not None:
            filename = frame.tb_frame.f_code.co_filename
            if filename.endswith(".j2"):
                place = f"{Path(filename).name}:{frame.tb_lineno}"
            frame = frame.tb_next
    if isinstance(exc, UndefinedError):
        what = _UNDEFINED.search(str(exc))
        unknown = (what.group(1) or what.group(2)) if what else None
        reason = f"nama {unknown} tidak dikenal" if unknown else "nama yang tidak dikenal"
    elif isinstance(exc, TemplateNotFound):
        reason = f"template {exc.name} tidak ditemukan"
    elif isinstance(exc, TemplateSyntaxError):
        reason = f"sintaks template salah ({exc.message})"
    else:
        reason = f"gagal dijalankan ({type(exc).__name__}: {exc})"
    return f"template {place}: {reason}"
