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

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renaksi.plan import pegawai
from renaksi.plan.folder import Plan
from renaksi.plan.git import Provenance
from renaksi.plan.model import Pegawai, Target
from renaksi.plan.pegawai import split_pangkat
from renaksi.plan.periods import Period
from renaksi.plan.perubahan import apply
from renaksi.plan.values import ABSENT_TEXT, Absent, MonthDate
from renaksi.report.kop import kop_view
from renaksi.report.rencana_aksi import PrintedFinding, rencana_aksi_view
from renaksi.report.template_cache import bytecode_cache, usable_folder
from renaksi.text import formats
from renaksi.text.controls import HIDDEN, show_controls
from renaksi.text.markdown import escape_markdown, inert_html, simple_html

if TYPE_CHECKING:
    # Only the Perubahan and monitoring reports use it (1.5 ms to import): loaded there.
    from renaksi.report.perubahan import Perbandingan

FORMATS = ("md", "html")
#: Formats drawn from another's templates: a PDF is the HTML report, paged by WeasyPrint.
TEMPLATE_FORMAT = {"md": "md", "html": "html", "pdf": "html"}
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


def _or_absent(show: Callable[..., str]) -> Callable[..., str]:
    """``show``, except that a fact the document does not state prints as such."""

    def shown(value: object, *args: object) -> str:
        return ABSENT_TEXT if isinstance(value, Absent) else show(value, *args)

    return shown


#: How a cap or a floor (``jenis_target``) is printed before its target: "maks. 1%".
BOUND_WORDS = {"maksimal": "maks.", "minimal": "min."}


def _batas(printed: str, jenis: str | None) -> str:
    """A printed target of a cap or a floor, with its word: a bare "1%" would read as a
    goal to reach. A dash or an absent target has no bound to show."""
    word = BOUND_WORDS.get(jenis or "")
    if word is None or printed in ("-", ABSENT_TEXT):
        return printed
    return f"{word} {printed}"


def _said(value: str | Absent | None, what: str) -> str | None:
    """A signer's written field as text, "<what> tidak tercantum" when it is absent."""
    return f"{what} {ABSENT_TEXT}" if isinstance(value, Absent) else value


def _pangkat(person: Pegawai) -> str:
    written = _said(person.pangkat, "pangkat")
    name, inline = (written, None) if isinstance(person.pangkat, Absent) else split_pangkat(written)
    golongan = _said(person.golongan, "golongan") or inline
    if golongan and not isinstance(person.golongan, Absent):
        golongan = pegawai.normal_golongan(golongan) or golongan
    if name and golongan:
        return f"{name} ({golongan})"
    return name or golongan or ""


def _jabatan(person: Pegawai) -> str:
    jabatan = _said(person.jabatan, "jabatan")
    return f"Plt. {jabatan}" if person.plt else str(jabatan)


def _identitas(person: Pegawai) -> str:
    """The identity line of a signature: ``NIP. 19670319 199702 1 003``, ``NRP. 69050243``,
    ``NIP. tidak tercantum``, or nothing for a pejabat negara (who has neither)."""
    if person.nip is not None:
        return f"NIP. {_or_absent(pegawai.format_nip)(person.nip)}"
    if person.nrp is not None:
        return f"NRP. {person.nrp}"
    return ""


@dataclass(frozen=True, slots=True)
class SignerLines:
    """What the Perjanjian Kinerja form prints of one party, each line as text."""

    nama: str
    jabatan: str
    pangkat: str
    identitas: str


def _penanda_tangan(person: object) -> SignerLines:
    """A party of the PK form: a signer's lines, with the pangkat the form asks for said
    absent when not written (a pejabat negara has none to write), and a party the plan does
    not name printed as not stated."""
    if not isinstance(person, Pegawai):
        return SignerLines(ABSENT_TEXT, ABSENT_TEXT, "", "")
    pangkat = _pangkat(person)
    if not pangkat and person.identitas is None:
        pangkat = f"pangkat/golongan {ABSENT_TEXT}"
    return SignerLines(str(person.nama), _jabatan(person), pangkat, _identitas(person))


def _tempat_tanggal(place: object, date: object) -> str:
    """The line above a signature: ``Samarinda, 2 Januari 2024``, with what the document
    does not state said so, and dots to fill in for a report with no date."""
    if isinstance(place, Absent) and isinstance(date, Absent):
        return f"tempat dan tanggal {ABSENT_TEXT}"
    where = f"tempat {ABSENT_TEXT}" if isinstance(place, Absent) else str(place)
    if isinstance(date, Absent):
        return f"{where}, tanggal {ABSENT_TEXT}"
    return f"{where}, {_date(date) if date else '..................'}"


def _date(value: object) -> str:
    if isinstance(value, MonthDate):
        return str(value)  # printed as written: a day the document does not state is not made up
    assert isinstance(value, dt.date)
    return formats.date(value)


def _keluaran(target: object) -> str:
    """An output target, ``1200 orang``."""
    if isinstance(target, Target):
        return formats.target(target.jumlah, target.satuan)
    return ABSENT_TEXT if isinstance(target, Absent) else "-"


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    # html=False: raw HTML typed into the prose is shown as text, never passed through.
    return _no_downloads(MarkdownIt("commonmark", {"html": False}))


def _markdown_html(text: str) -> Any:
    """Narrative Markdown as HTML."""
    from markupsafe import Markup

    plain = _plain_if_costly(text)
    if plain is not None:
        return plain
    # Controls are shown in the source: the rendered HTML then has none for Jinja's
    # finalize to reveal (which would turn the Markup into text and escape every tag).
    shown = str(show_controls(text))
    simple = simple_html(shown)
    return Markup(simple if simple is not None else _markdown().render(shown))


_LOCAL_IMAGE = re.compile(r"data:image/", re.IGNORECASE)


def _no_downloads(md: Any) -> Any:
    """An image in the narrative becomes text unless it is embedded (``data:image/...``).

    The HTML report is one self-contained file that fetches nothing (its Content Security
    Policy allows images from ``data:`` only): a remote image would tell a server who opens
    the plan and when, and a relative one is missing once the file is mailed. The reader
    sees ``[gambar tidak dimuat: alt (URL)]`` in its place. Links stay links: following
    one is the reader's choice, not a download.
    """
    from markdown_it.common.utils import escapeHtml

    default = md.renderer.rules.get("image")

    def image(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        source = str(token.attrGet("src") or "")
        if _LOCAL_IMAGE.match(source):
            return str(default(tokens, idx, options, env))
        alt = self.renderInlineAsText(token.children or [], options, env)
        shown = f"{alt} ({source})" if alt else source
        return f'<span class="gambar-luar">[gambar tidak dimuat: {escapeHtml(shown)}]</span>'

    md.add_render_rule("image", image)
    return md


@cache
def _markdown_blocks() -> Any:
    from markdown_it import MarkdownIt

    # Only the block structure is needed (which lines are code): no inline parsing.
    return MarkdownIt("commonmark", {"html": False}).disable("inline")


def _code_lines(text: str) -> Iterator[int]:
    """The lines (0-based) of code block content in Markdown ``text``."""
    for token in _markdown_blocks().parse(text):
        if token.map is None:
            continue
        if token.type == "code_block":
            yield from range(*token.map)
        elif token.type == "fence":
            # Content lines only: the fence lines (the info string) stay escaped.
            first = token.map[0] + 1
            yield from range(first, first + token.content.count("\n"))


def _markdown_md(text: str) -> Any:
    """Narrative Markdown for the Markdown report: raw HTML shown as text, as in HTML."""
    from markupsafe import Markup

    return Markup(inert_html(text, _code_lines))


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(refs: Any) -> str:
    """Footnote numbers as Markdown prints them next to a value: ``¹`` or ``¹,²``."""
    numbers = (refs,) if isinstance(refs, int) else tuple(refs)
    return ",".join(str(n).translate(_SUPERSCRIPT) for n in numbers)


def _plain_if_costly(text: str) -> Any:
    """A chapter too long or too dense in marks to render as Markdown within bounds (see
    :data:`MAX_MARKDOWN_CHARS`), as escaped plain text after a note; else None. Controls
    are shown as in :func:`_markdown_html`: Markup passes Jinja's finalize untouched."""
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
    ).format(note, escape(show_controls(text)))


def _css_string(value: object) -> Any:
    """A CSS string literal of ``value`` (for the running header in ``@page``): every
    character but letters and digits written as a six-digit escape, so plan text cannot
    end the string, the rule or the ``<style>`` element."""
    from markupsafe import Markup

    text = str(value)
    if isinstance(value, Markup) and "&" in text:
        # Only text with an entity to unescape pays for importing html.entities (5 ms).
        text = value.unescape()
    text = " ".join(text.split())
    return Markup('"{}"').format(
        Markup("".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}" for c in text))
    )


def _runs(rows: Sequence[Any], attribute: str) -> list[tuple[Any, int]]:
    """Each row with the number of rows its ``attribute`` spans from there: the length of
    the run of equal values it starts, 0 inside a run. Printed as ``rowspan``, this merges
    a sasaran's cells as the official tables do."""
    spans: list[tuple[Any, int]] = []
    start = 0
    for index, row in enumerate(rows):
        if index and getattr(row, attribute) == getattr(rows[start], attribute):
            spans.append((row, 0))
            first, span = spans[start]
            spans[start] = (first, span + 1)
        else:
            start = index
            spans.append((row, 1))
    return spans


def _computed_percent(value: Any) -> str:
    from renaksi.report.pemantauan import percent

    return percent(value)


def _selisih_rupiah(value: int) -> str:
    """A difference of pagu with its sign: ``+Rp 50.000.000``, ``-Rp 50.000.000``, ``Rp 0``."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return sign + formats.rupiah(abs(value))


def _selisih(value: Decimal | None, satuan: str) -> str:
    """A difference of targets with its sign, ``+20 orang``, or ``+1 poin`` for a percent
    (as ``renaksi diff`` says it: 29% to 30% is one point, not one percent more); ``-``
    when there is none (a scale)."""
    if value is None:
        return "-"
    sign = "+" if value > 0 else "-" if value < 0 else ""
    shown = abs(value).normalize()
    if shown.as_tuple().exponent > 0:  # type: ignore[operator]
        shown = shown.quantize(Decimal(1))  # 1E+1 is ten
    if formats.is_percent(satuan):
        return f"{sign}{formats.number(shown)} poin"
    return sign + formats.target(shown, satuan)


FILTERS: dict[str, Callable[..., Any]] = {
    "rupiah": _or_absent(lambda v: formats.rupiah(int(v))),
    "angka": _or_absent(lambda v: formats.number(v) if v is not None else ""),
    "persen": formats.percent,
    "tanggal": _or_absent(_date),
    "nip": _or_absent(pegawai.format_nip),
    "target": _or_absent(formats.target),
    "keluaran": _keluaran,
    "pangkat": _pangkat,
    "jabatan": _jabatan,
    "identitas": _identitas,
    "tempat_tanggal": _tempat_tanggal,
    "penanda_tangan": _penanda_tangan,
    "markdown_html": _markdown_html,
    "markdown_md": _markdown_md,
    "capaian": _computed_percent,
    "hasil": lambda v, satuan: formats.target(
        formats.at_most(v, 2) if isinstance(v, Decimal) else v, satuan
    ),
    "superscript": _superscript,
    "batas": _batas,
    "selisih_rupiah": _selisih_rupiah,
    "selisih": _selisih,
    "tingkat": formats.levels,
    "target_lama": lambda v, satuan: "-" if v is None else _or_absent(formats.target)(v, satuan),
    "css_string": _css_string,
    "runs": _runs,
    "zip": zip,
}


#: Jinja tests: ``{% if signed_by is pegawai %}`` (a named signer, not one stated absent).
TESTS: dict[str, Callable[[Any], bool]] = {
    "pegawai": lambda v: isinstance(v, Pegawai),
    "absent": lambda v: isinstance(v, Absent),
}


#: What HTML escaping changes (markupsafe's escape: & < > ' ").
_ESCAPED = re.compile("[&<>'\"]")


@cache
def _environment_class() -> Any:
    """Jinja's Environment, writing an HTML template's ``{{ value }}`` as one call.

    Jinja compiles it to ``escape(environment.finalize(value))``: with ``show_controls`` as
    finalize, four Python calls and a Markup made for each of a document's ~1000 printed
    values, most of them plain text with nothing to show or escape. The code generator
    (``Environment.code_generator_class``, a documented hook) writes
    ``environment.shown_html(value)`` instead: such text is returned as it is (it is joined
    into the page like the Markup it would have become), anything else takes the same
    ``escape(show_controls(value))``. The hook's two methods are Jinja internals:
    tests/test_shown_html.py fails loudly if Jinja stops calling them, and holds every
    printed value to Jinja's own code. Generated code is kept in the bytecode cache under
    a name of its own (``template_cache.CODE``), so no other version's entries are read.
    """
    from jinja2 import Environment
    from jinja2.compiler import CodeGenerator
    from markupsafe import escape

    hidden, escaped = HIDDEN.search, _ESCAPED.search

    def shown(value: object) -> object:
        if type(value) is str and hidden(value) is None and escaped(value) is None:
            return value
        return escape(show_controls(value))

    class ShownCodeGenerator(CodeGenerator):
        def _fused(self, frame: Any) -> bool:
            return bool(
                frame.eval_ctx.autoescape
                and not frame.eval_ctx.volatile
                and self.environment.finalize is show_controls
            )

        def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
            if self._fused(frame):
                self.write("environment.shown_html(")
            else:
                super()._output_child_pre(node, frame, finalize)

        def _output_child_post(self, node: Any, frame: Any, finalize: Any) -> None:
            if self._fused(frame):
                self.write(")")
            else:
                super()._output_child_post(node, frame, finalize)

    class ReportEnvironment(Environment):
        code_generator_class = ShownCodeGenerator
        shown_html = staticmethod(shown)

    return ReportEnvironment


@cache
def _environment(kind: str, user: Path | None, cache_folder: Path | None = None) -> Any:
    from jinja2 import (
        ChoiceLoader,
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
        # A run renders from templates that do not change under it: without this, Jinja
        # checks each template file's time again at every include (hundreds per page).
        "auto_reload": False,
    }
    # Every value a template prints passes here first (then HTML autoescaping).
    options["finalize"] = escape_markdown if kind == "md" else show_controls
    if cache_folder is not None:
        options["bytecode_cache"] = bytecode_cache(cache_folder)
    env = _environment_class()(**options)
    env.filters.update(FILTERS)
    env.tests.update(TESTS)
    # The default templates include a partial only where it prints something (footnote
    # numbers next to a value that has some), as each include costs a new context; with
    # the user's own templates every include happens as before, whatever theirs print.
    env.globals["user_templates"] = user is not None
    return env


def render(
    plan: Plan,
    *,
    output_format: str,
    bidang: str | None,
    provenance: Provenance,
    templates: Path | None = None,
    warnings: Sequence[PrintedFinding] = (),
    perubahan: Perbandingan | None = None,
) -> str:
    """The document (``bidang=None``) or one bidang's pages, as Markdown or HTML. The
    document of a folder that holds a Perjanjian Kinerja alone is that Perjanjian Kinerja.
    With ``perubahan`` (``plan`` is then the Perubahan version) the document is the
    Perubahan's, titled so and carrying the comparison with the murni values."""
    document = rencana_aksi_view(plan, warnings)
    pages = document.bidang
    if bidang is not None:
        pages = tuple(p for p in document.bidang if p.slug.lower() == bidang.lower())
    kind = "bidang" if bidang is not None else "perjanjian-kinerja" if plan.pk_only else "dokumen"
    output_format = TEMPLATE_FORMAT.get(output_format, output_format)
    name = f"{kind}.{output_format}.j2"
    return _render(
        name,
        output_format,
        templates,
        plan.folder,
        doc=document,
        kop=kop_view(plan) if bidang is None else None,
        instansi=plan.instansi,
        pages=pages,
        provenance=provenance,
        warnings=document.warnings,
        perubahan=perubahan,
    )


def render_pk(
    plan: Plan,
    *,
    output_format: str,
    bidang: str | None,
    provenance: Provenance,
    templates: Path | None = None,
    warnings: Sequence[PrintedFinding] = (),
    perubahan: Perbandingan | None = None,
) -> str:
    """The Perjanjian Kinerja on its official form: the Kepala's, or with ``bidang`` the
    cascaded PK of that bidang's head; with ``perubahan``, the PK Perubahan."""
    from renaksi.report.perjanjian_kinerja import pk_document

    document = pk_document(plan, bidang, tuple(warnings))
    output_format = TEMPLATE_FORMAT.get(output_format, output_format)
    return _render(
        f"pk.{output_format}.j2",
        output_format,
        templates,
        plan.folder,
        doc=document,
        provenance=provenance,
        warnings=document.warnings,
        perubahan=perubahan,
    )


def render_monitoring(
    plan: Plan,
    triwulan: int | Period,
    *,
    output_format: str,
    bidang: str | None,
    provenance: Provenance,
    templates: Path | None = None,
    warnings: Sequence[PrintedFinding] = (),
) -> str:
    """The monitoring report of quarter ``triwulan`` (or of a period): the agency's, or one
    bidang's."""
    from renaksi.report.pemantauan import pemantauan_view
    from renaksi.report.perubahan import target_version

    period = Period.quarter(triwulan) if isinstance(triwulan, int) else triwulan
    versi = target_version(plan, period, bidang)
    judged = apply(plan) if versi is not None and versi.perubahan else None
    document = pemantauan_view(judged or plan, triwulan, bidang=bidang, warnings=warnings)
    output_format = TEMPLATE_FORMAT.get(output_format, output_format)
    return _render(
        f"pemantauan.{output_format}.j2",
        output_format,
        templates,
        plan.folder,
        doc=document,
        bidang=bidang,
        provenance=provenance,
        warnings=document.warnings,
        versi=versi,
    )


def _render(
    name: str, output_format: str, templates: Path | None, plan_folder: Path, **context: Any
) -> str:
    user = templates.resolve() if templates else None
    env = _environment(output_format, user, usable_folder(plan_folder))
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
        from renaksi.report.template_words import syntax_reason

        reason = f"sintaks template salah: {syntax_reason(exc.message)}"
    else:
        reason = f"gagal dijalankan ({type(exc).__name__}: {exc})"
    return f"template {place}: {reason}"
