"""The command line: each command parses options, calls the core, prints, and picks the
exit code. 0: no errors; 1: errors (or warnings with --strict); 2: usage or I/O problems.

Heavy modules (pydantic models, ruamel.yaml, rich, Babel) are imported inside the commands
that need them, so ``renaksi --help`` starts quickly.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Sequence
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from renaksi import __version__
from renaksi.text.os_errors import os_reason

if TYPE_CHECKING:
    from renaksi.plan.folder import Plan
    from renaksi.report.rencana_aksi import PrintedFinding

HELP_TEXT = "Tampilkan bantuan ini lalu keluar."


def _translated(option: Any) -> Any:
    if option is not None:
        option.help = HELP_TEXT
    return option


class _Group(TyperGroup):
    """The command group, with its --help described in Indonesian."""

    def get_help_option(self, ctx: Any) -> Any:
        return _translated(super().get_help_option(ctx))


class _Command(TyperCommand):
    """A command, with its --help described in Indonesian."""

    def get_help_option(self, ctx: Any) -> Any:
        return _translated(super().get_help_option(ctx))


def _write(text: str) -> None:
    """Print ``text``; characters the terminal cannot encode are shown as escapes."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))


app = typer.Typer(
    name="renaksi",
    cls=_Group,
    help="Rencana Aksi SAKIP sebagai berkas YAML yang diperiksa.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class OutputFormat(StrEnum):
    """Output formats of ``validate``."""

    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"renaksi {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi."),
    ] = False,
) -> None:
    """renaksi: periksa, cetak, dan tinjau Rencana Aksi yang disimpan sebagai YAML."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"renaksi: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


_YEAR = re.compile(r"^[0-9]{4}$")


def default_plan(cwd: Path) -> Path | None:
    """The newest ``plans/<year>`` below ``cwd``, or ``cwd`` itself if it is a plan folder."""
    plans = cwd / "plans"
    if plans.is_dir():
        try:
            years = sorted(p for p in plans.iterdir() if _YEAR.match(p.name) and p.is_dir())
        except OSError as exc:
            raise _fail(f"{plans}: tidak dapat dibaca ({os_reason(exc)})") from None
        if years:
            return years[-1]
    if (cwd / "instansi.yaml").exists():
        return cwd
    return None


def _years(folder: Path) -> list[Path]:
    """``plans/`` (a folder of ``<year>`` folders, no plan of its own) means all its years."""
    if folder.is_dir() and not (folder / "instansi.yaml").exists():
        try:
            years = sorted(p for p in folder.iterdir() if _YEAR.match(p.name) and p.is_dir())
        except OSError:
            years = []
        if years:
            return years
    return [folder]


def _plan_folder(given: Path | None, how: str = "PATH") -> Path:
    """The plan folder a command works on: the one given, or the default one."""
    folder = given or default_plan(Path.cwd())
    if folder is None:
        raise _fail(
            f"tidak ada folder rencana: sebutkan {how}, atau jalankan dari folder yang berisi "
            "plans/<tahun>/"
        )
    return folder


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


_REALISASI_OPTION = typer.Option(
    "--realisasi", help="Folder berkas realisasi tw1-tw4.yaml. Bawaan: <rencana>/realisasi."
)
_MAX_PLAN_BYTES_OPTION = typer.Option(
    "--max-plan-bytes",
    min=1,
    help="Ukuran terbesar semua berkas satu rencana bersama-sama (byte). Bawaan: 8 MiB.",
)


@app.command(cls=_Command)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Folder rencana (mis. plans/2024). Bawaan: plans/<tahun> terbaru di folder ini.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")
    ] = OutputFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Peringatan juga membuat exit code 1.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Hanya aturan ini (kode, nama, atau awalan seperti BG)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Abaikan aturan ini (kode, nama, atau awalan)."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help="Ukuran terbesar satu berkas rencana (byte)."),
    ] = None,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
    realisasi: Annotated[Path | None, _REALISASI_OPTION] = None,
) -> None:
    """Periksa rencana: skema, aritmetika pagu dan target, rujukan antar-berkas, NIP, tahun."""
    from renaksi.output import formatter
    from renaksi.plan.load import MAX_BYTES, MAX_PLAN_BYTES
    from renaksi.plan.source import PlanIOError
    from renaksi.rules.check import UnknownRuleError
    from renaksi.rules.check import validate as run_validate

    folders = [year for folder in paths or [] for year in _years(folder)]
    if not folders:
        folders = [_plan_folder(None)]
    if realisasi is not None and len(folders) > 1:
        raise _fail("--realisasi hanya untuk satu folder rencana")
    try:
        result = run_validate(
            folders,
            select=_split(select),
            ignore=_split(ignore),
            max_bytes=max_bytes or MAX_BYTES,
            max_plan_bytes=max_plan_bytes or MAX_PLAN_BYTES,
            keep_plans=False,
            realisasi=realisasi,
        )
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    except UnknownRuleError as exc:
        raise _fail(f"aturan {exc} tidak dikenal; lihat 'renaksi rules'") from None
    _write(formatter(output_format.value)(result, strict))
    raise typer.Exit(EXIT_INVALID if result.failed(strict=strict) else EXIT_OK)


class ReportFormat(StrEnum):
    """Output formats of ``report``."""

    md = "md"
    html = "html"


@app.command(cls=_Command)
def report(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Folder rencana (mis. plans/2024). Bawaan: plans/<tahun> terbaru di folder ini.",
            show_default=False,
        ),
    ] = None,
    bidang: Annotated[
        str | None,
        typer.Option("--bidang", "-b", help="Hanya halaman satu bidang (slug, mis. politik)."),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="md (Markdown) atau html.")
    ] = ReportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Tulis ke berkas ini (atomik) alih-alih ke layar."),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Folder template yang menimpa template bawaan."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Cetak juga bila rencana tidak lolos pemeriksaan."),
    ] = False,
    triwulan: Annotated[
        int | None,
        typer.Option(
            "--triwulan",
            "-t",
            min=1,
            max=4,
            help="Cetak laporan pemantauan triwulan ini (1-4): target, realisasi, capaian.",
        ),
    ] = None,
    realisasi: Annotated[Path | None, _REALISASI_OPTION] = None,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
) -> None:
    """Cetak Rencana Aksi (dokumen utuh atau satu bidang), atau laporan pemantauan triwulan."""
    from renaksi.plan.git import provenance
    from renaksi.plan.source import PlanIOError
    from renaksi.report.render import ReportTemplateError, render, render_monitoring
    from renaksi.text.atomic import OutputFileError, write_atomic

    folder = _plan_folder(path)
    if templates is not None and not templates.is_dir():
        raise _fail(f"{templates}: folder template tidak ada")
    plan, warnings = _printable(folder, bidang, force, triwulan, realisasi, max_plan_bytes)
    draw = partial(render_monitoring, plan, triwulan) if triwulan else partial(render, plan)
    try:
        text = draw(
            output_format=output_format.value,
            bidang=bidang,
            provenance=provenance(folder),
            templates=templates,
            warnings=warnings,
        )
    except ReportTemplateError as exc:
        raise _fail(str(exc)) from None
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    if output is None:
        _write(text)
        return
    try:
        write_atomic(output, text, protected=[plan.folder, *([realisasi] if realisasi else [])])
    except OutputFileError as exc:
        raise _fail(str(exc)) from None


def _printable(
    folder: Path,
    bidang: str | None,
    force: bool,
    triwulan: int | None,
    realisasi: Path | None,
    max_plan_bytes: int | None,
) -> tuple[Plan, list[PrintedFinding]]:
    """The plan to print and the findings its warning block shows, or the exit that
    :func:`renaksi.report.printable.check_printable` decided, in words."""
    from renaksi.output import formatter
    from renaksi.output.messages import message
    from renaksi.plan.load import MAX_PLAN_BYTES
    from renaksi.plan.source import PlanIOError
    from renaksi.report.printable import Refusal, check_printable
    from renaksi.report.rencana_aksi import PrintedFinding
    from renaksi.text.formats import ROMAN

    try:
        checked = check_printable(
            folder,
            bidang=bidang,
            triwulan=triwulan,
            realisasi=realisasi,
            force=force,
            max_plan_bytes=max_plan_bytes or MAX_PLAN_BYTES,
        )
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    plan, refusal = checked.plan, checked.refusal
    if refusal is Refusal.UNKNOWN_BIDANG:
        known = ", ".join(plan.bidang_slugs) or "-"
        raise _fail(f"bidang {bidang} tidak ada; bidang yang ada: {known}")
    if refusal is Refusal.NO_REALISASI:
        quarter = ROMAN[(triwulan or 1) - 1]
        raise _fail(f"realisasi Triwulan {quarter} belum ada: tambahkan {checked.missing}")
    if refusal is not None:
        sys.stderr.write(formatter("text")(checked.result, False))
    if refusal is Refusal.FINDINGS:
        typer.echo(
            "renaksi: rencana tidak lolos pemeriksaan, jadi tidak dicetak; perbaiki "
            "temuannya atau pakai --force",
            err=True,
        )
        raise typer.Exit(EXIT_INVALID)
    if refusal is Refusal.SHARED_UNREADABLE:
        raise _fail("instansi.yaml dan perjanjian-kinerja.yaml harus terbaca untuk dicetak")
    if refusal is Refusal.BIDANG_UNREADABLE and checked.page is not None:
        shown = checked.page.doc.display
        raise _fail(f"{shown} tidak terbaca, jadi halamannya tidak dapat dicetak")
    warnings = [
        PrintedFinding(p.code, p.severity.label, str(p.location), message(p)) for p in checked.shown
    ]
    return plan, warnings


class DiffFormat(StrEnum):
    """Output formats of ``diff``."""

    text = "text"
    md = "md"
    json = "json"


@app.command(cls=_Command)
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="Revisi dasar (cabang, tag, sha, main...fitur). Bawaan: HEAD.", show_default=False
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help="Revisi yang dibandingkan. Bawaan: working tree.", show_default=False),
    ] = None,
    plans: Annotated[
        Path | None,
        typer.Option("--plans", help="Folder rencana. Bawaan: plans/<tahun> terbaru."),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text, md (komentar PR) atau json.")
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Keluar dengan kode 1 bila ada perubahan.")
    ] = False,
    base_dir: Annotated[
        Path | None, typer.Option("--base-dir", help="Bandingkan folder ini (tanpa git) ...")
    ] = None,
    head_dir: Annotated[
        Path | None, typer.Option("--head-dir", help="... dengan folder ini.")
    ] = None,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
) -> None:
    """Tunjukkan apa yang diubah sebuah perubahan pada pagu, target dan jadwal rencana."""
    from renaksi.diff.revisions import compare_dirs, compare_git
    from renaksi.output.diff_format import render_diff
    from renaksi.plan.git import GitError
    from renaksi.plan.load import MAX_PLAN_BYTES
    from renaksi.plan.source import PlanIOError

    limit = max_plan_bytes or MAX_PLAN_BYTES
    try:
        if base_dir is not None or head_dir is not None:
            if base_dir is None or head_dir is None or base is not None or head is not None:
                raise _fail("--base-dir dan --head-dir dipakai berdua, tanpa revisi git")
            result = compare_dirs(base_dir, head_dir, max_plan_bytes=limit)
        else:
            folder = _plan_folder(plans, "--plans DIR")
            result = compare_git(folder, base or "HEAD", head, max_plan_bytes=limit)
    except GitError as exc:
        raise _fail(str(exc)) from None
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    _write(render_diff(result, output_format.value))
    raise typer.Exit(EXIT_INVALID if exit_code and not result.empty else EXIT_OK)


@app.command(cls=_Command)
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(
            help="instansi, perjanjian-kinerja, bidang atau realisasi.", show_default=False
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option("--output-dir", help="Tulis ketiganya sebagai <jenis>.schema.json di sini."),
    ] = None,
) -> None:
    """JSON Schema berkas rencana, untuk editor (VS Code + ekstensi YAML)."""
    import json

    from renaksi.plan.json_schema import KINDS
    from renaksi.plan.json_schema import schema as make_schema
    from renaksi.text.atomic import OutputFileError, write_atomic

    def text(name: str) -> str:
        return json.dumps(make_schema(name), ensure_ascii=False, indent=2) + "\n"

    if output_dir is not None:
        if kind is not None:
            raise _fail("pakai JENIS atau --output-dir, tidak keduanya")
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
            for name in KINDS:
                write_atomic(output_dir / f"{name}.schema.json", text(name))
        except (OSError, OutputFileError) as exc:
            raise _fail(f"{output_dir}: tidak dapat ditulis ({exc})") from None
        return
    if kind not in KINDS:
        known = ", ".join(KINDS)
        raise _fail(
            f"sebutkan jenis berkas: {known}"
            if kind is None
            else f"jenis {kind} tidak dikenal; pilihan: {known}"
        )
    _write(text(kind))


@app.command(cls=_Command)
def rules(
    code: Annotated[
        str | None,
        typer.Argument(help="Kode (BG01) atau nama (anggaran.total) aturan.", show_default=False),
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Semua aturan sebagai Markdown (docs/rules.md).")
    ] = False,
) -> None:
    """Daftar semua aturan, atau penjelasan satu aturan."""
    from renaksi.rules.registry import ALL_RULES, find

    if markdown:
        from renaksi.rules.docs import markdown as rules_markdown

        _write(rules_markdown())
        return
    if code is None:
        for r in ALL_RULES:
            typer.echo(f"{r.code}  {r.severity.label:<10}  {r.name:<28}  {r.summary}")
        return
    found = find(code)
    if found is None:
        raise _fail(f"aturan {code} tidak dikenal; lihat 'renaksi rules'")
    if code.lower() in found.aliases:
        typer.echo(
            f"{code} adalah nama lama {found.code}; namanya sekarang {found.name} "
            "(nama lama tetap diterima)."
        )
        typer.echo()
    typer.echo(f"{found.code} {found.name} ({found.severity.label})")
    typer.echo(found.summary)
    typer.echo()
    typer.echo(found.doc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run renaksi with ``argv`` (default: the process's arguments); return the exit code.

    The console script and ``python -m renaksi`` exit with it. This is also the last line
    of defence: a bug must not show a user a Python traceback. The message says what
    happened and asks for a report; the exit code is 2 (renaksi could not check).
    """
    # A short-lived process builds a tree of plan objects and exits: the cyclic garbage
    # collector would only re-scan that tree (it measured up to a third of a large run).
    gc.disable()
    try:
        app(args=None if argv is None else list(argv))
    except SystemExit as exc:  # typer ends every run, successful or not, with one
        return _exit_status(exc.code)
    except KeyboardInterrupt:
        typer.echo("renaksi: dihentikan", err=True)
        return 130
    except Exception as exc:  # deliberately broad, see the docstring
        typer.echo(
            f"renaksi: galat internal ({type(exc).__name__}: {exc}). Mohon laporkan beserta "
            "berkas rencana yang diperiksa.",
            err=True,
        )
        return EXIT_USAGE
    finally:
        gc.enable()
    return EXIT_OK


def _exit_status(code: object) -> int:
    """The number a ``SystemExit`` stands for (None is success, as for the interpreter)."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    typer.echo(str(code), err=True)
    return EXIT_USAGE
