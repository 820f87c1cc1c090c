"""The command line: each command parses options, calls the core, prints, and picks the
exit code. 0: no errors; 1: errors (or warnings with --strict); 2: usage or I/O problems.

Heavy modules (pydantic models, ruamel.yaml, rich, Babel) are imported inside the commands
that need them, so ``renaksi --help`` starts quickly. No ``from __future__ import
annotations`` here: typer reads every command's annotations on every run, and as strings
they would be compiled and evaluated again, ``typer.Option(...)`` calls and all.
"""

import errno
import gc
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import Enum, StrEnum
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_origin

import typer
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer.core import TyperCommand, TyperGroup

from renaksi import __version__
from renaksi.text.controls import one_line
from renaksi.text.os_errors import os_reason

if TYPE_CHECKING:
    from renaksi.plan.folder import Plan
    from renaksi.plan.periods import Period
    from renaksi.report.rencana_aksi import PrintedFinding

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
HELP_TEXT = "Tampilkan bantuan ini lalu keluar."


def _translated(option: Any) -> Any:
    if option is not None:
        option.help = HELP_TEXT
        _own_coercion([option])
    return option


# Help and usage errors in Indonesian. typer's vendored click has no message catalogue
# (its strings are plain English literals; only a few of typer's own go through gettext),
# so a translation catalogue would cover a fraction and silently miss the rest. Instead
# renaksi writes its help itself from the parameters (names, metavars, choices, ranges)
# and words each usage error from the structured data click attaches to it (the option,
# the parameter, the rejected value, pydantic's error type), never from click's English
# text. An error renaksi does not recognise gets a general Indonesian sentence.


class _WordedError(UsageError):
    """A usage error already worded in Indonesian."""


def _param_name(param: Any) -> str:
    """How a parameter is named to the user: its longest option, or its metavar."""
    opts = [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
    if getattr(param, "param_type_name", "") == "option" and opts:
        return str(max(opts, key=len))
    return str(getattr(param, "metavar", None) or getattr(param, "name", None) or "?").upper()


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice:
        return []
    return [str(c.value if isinstance(c, Enum) else c) for c in descriptor.choices or ()]


def _range_words(param: Any) -> str:
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return f"{low} sampai {high}"
    if low is not None:
        return f"paling kecil {low}"
    return f"paling besar {high}" if high is not None else ""


def _value_word(param: Any) -> str:
    """The placeholder for an option's value in help and messages."""
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    return str(param.metavar or "NILAI")


def _find_option(ctx: Any, name: str) -> Any:
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if name in (*param.opts, *param.secondary_opts):
            return param
    return None


#: pydantic's reasons for refusing an option's value (typer checks values with pydantic).
_VALUE_REASONS = {
    "int_parsing": "bilangan bulat",
    "int_type": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "float_parsing": "angka",
    "bool_parsing": "true atau false",
}


def _bad_value(exc: BadParameter) -> str:
    param = exc.param
    name = _param_name(param) if param is not None else "nilai"
    # typer checks values with pydantic: its ValidationError, when there is one, is the
    # cause, and says why (its type) and what was given (its input).
    reasons = getattr(exc.__cause__, "errors", None)
    errors = reasons() if callable(reasons) else []
    first = errors[0] if errors else {}
    raw = first.get("input")
    found = f", ditemukan {one_line(str(raw))}" if raw is not None else ""
    choices = _choices(param)
    if choices:
        return f"{name} harus salah satu dari {', '.join(choices)}{found}"
    expected = _VALUE_REASONS.get(str(first.get("type")), "") or _range_words(param)
    if expected:
        return f"{name} harus {expected}{found}"
    return f"nilai untuk {name} tidak sah{found}"


def _bad_option_usage(exc: BadOptionUsage) -> str:
    name = one_line(exc.option_name)
    param = _find_option(exc.ctx, exc.option_name)
    if param is not None and param.is_flag:
        return f"opsi {name} tidak menerima nilai; tulis {name} saja"
    if param is not None:
        return f"opsi {name} perlu nilai ({_value_word(param)})"
    return f"opsi {name} tidak ditulis dengan benar"


def _no_such_option(exc: NoSuchOption) -> str:
    near = f"; maksudnya {exc.possibilities[0]}?" if exc.possibilities else ""
    return f"opsi {one_line(exc.option_name)} tidak dikenal{near}"


def _missing(exc: MissingParameter) -> str:
    return f"{_param_name(exc.param)} wajib diisi" if exc.param else "nilai wajib belum diisi"


_WORDS: tuple[tuple[type[ClickException], Callable[[Any], str]], ...] = (
    (_WordedError, lambda exc: str(exc.message)),
    (NoSuchOption, _no_such_option),
    (BadOptionUsage, _bad_option_usage),
    (MissingParameter, _missing),
    (BadParameter, _bad_value),
)


def usage_message(exc: ClickException) -> str:
    """An Indonesian sentence for a click usage error (never click's English)."""
    for kind, words in _WORDS:
        if isinstance(exc, kind):
            return words(exc)
    return "perintah tidak ditulis dengan benar"


def _show_usage_error(exc: ClickException) -> None:
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, NoArgsIsHelpError) and ctx is not None:
        typer.echo(ctx.get_help(), err=True)
        return
    typer.echo(f"renaksi: {usage_message(exc)}", err=True)
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(f"Bantuan: {ctx.command_path} {ctx.help_option_names[0]}", err=True)


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    pieces = ["[OPSI]"]
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            continue
        name = _param_name(param)
        piece = name if param.required else f"[{name}]"
        pieces.append(piece + ("..." if param.nargs != 1 else ""))
    if isinstance(command, TyperGroup):
        pieces.append("PERINTAH [ARGUMEN]...")
    return pieces


def _option_row(param: Any) -> tuple[str, str]:
    names = ", ".join(sorted([*param.opts, *param.secondary_opts], key=len))
    if not param.is_flag:
        names += f" {_value_word(param)}"
    extra = []
    default = param.default
    if _choices(param) and default is not None:
        extra.append(f"bawaan: {default.value if isinstance(default, Enum) else default}")
    if _range_words(param):
        extra.append(_range_words(param))
    if param.multiple:
        extra.append("boleh diulang")
    if param.required:
        extra.append("wajib")
    help_text = param.help or ""
    return names, (f"{help_text} [{'; '.join(extra)}]" if extra else help_text).strip()


def _first_paragraph(text: str | None) -> str:
    return inspect.cleandoc(text or "").split("\n\n")[0].replace("\n", " ")


def _format_help(command: Any, ctx: Any, formatter: Any) -> None:
    """The whole --help page, in Indonesian, in plain text."""
    command.format_usage(ctx, formatter)
    command.format_help_text(ctx, formatter)
    params = [p for p in command.get_params(ctx) if not p.hidden]
    arguments = [
        (_param_name(p) + ("..." if p.nargs != 1 else ""), p.help or "")
        for p in params
        if p.param_type_name == "argument"
    ]
    options = [_option_row(p) for p in params if p.param_type_name == "option"]
    for title, rows in (("Argumen", arguments), ("Opsi", options)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)
    if isinstance(command, TyperGroup):
        commands = [(n, c) for n, c in command.commands.items() if not c.hidden]
        if commands:
            with formatter.section("Perintah"):
                formatter.write_dl([(n, _first_paragraph(c.help)) for n, c in commands])


def _located(exc: UsageError, ctx: Any) -> None:
    # Some parser errors (an option missing its value) come without the command they
    # belong to; the message needs it to tell a flag from an option that takes a value.
    # (The exception is re-raised as it is: its cause holds pydantic's reason.)
    if exc.ctx is None:
        exc.ctx = ctx
        exc.cmd = ctx.command


#: A fast coercion's answer "not mine: ask typer" (a value typer may refuse, or one whose
#: result it shapes in a way the fast path does not repeat).
_TYPERS = object()


def _fast_text(value: Any, ctx: Any) -> Any:
    return value if type(value) is str else _TYPERS


def _fast_path(value: Any, ctx: Any) -> Any:
    # typer's path coercion for a Path with no path options (exists, file_okay, ...):
    # pydantic's Path(str), then a stat, and a refusal only for an existing path that
    # cannot be read. Anything unusual (a NUL byte makes os.stat raise ValueError) is
    # typer's to word.
    if type(value) is not str:
        return _TYPERS
    path = Path(value)
    try:
        os.stat(path)
    except OSError:
        return path
    except ValueError:
        return _TYPERS
    return path if os.access(path, os.R_OK) else _TYPERS


def _fast_choice(choices: tuple[Enum, ...]) -> Callable[[Any, Any], Any]:
    def choice(value: Any, ctx: Any) -> Any:
        if any(value is c for c in choices):  # already a member (a default)
            return value
        if type(value) is not str or ctx is None or ctx.token_normalize_func is not None:
            return _TYPERS
        # Written exactly as listed: the first choice whose value reads so, as typer does.
        return next((c for c in choices if str(c.value) == value), _TYPERS)

    return choice


def _fast_leaf(annotation: Any, info: Any) -> Callable[[Any, Any], Any] | None:
    """The fast coercion of one value of ``annotation`` with typer's options ``info``, if
    there is one."""
    if info.parser is not None:
        return None
    if annotation is str:
        return _fast_text
    if annotation is Path and not (
        info.exists
        or info.resolve_path
        or info.allow_dash
        or info.writable
        or info.path_type is not None
        or not (info.file_okay and info.dir_okay and info.readable)
    ):
        return _fast_path
    if isinstance(annotation, type) and issubclass(annotation, Enum) and info.case_sensitive:
        return _fast_choice(tuple(annotation))
    return None


class _Coercion(RuntimeParam):
    """How one parameter's text becomes its value, without a pydantic TypeAdapter where
    none is needed.

    typer builds a TypeAdapter for every parameter of a command the first time it runs,
    also for the many left out (None), and one more for every path given. The common
    values (left out, a path, a string, a choice written as listed) are coerced here to
    exactly what typer's adapter gives (tests/test_cli_coercion.py holds the two
    together); every other value, and every value typer would refuse, goes to typer's own
    coercion, built on first need, so usage errors and their causes stay typer's. ``None``
    and the multi-value checks are typer's own ``RuntimeParam.coerce``. (A subclass of
    typer's dataclass, not a dataclass itself: creating a dataclass costs every run about
    half a millisecond.)
    """

    @cached_property
    def _is_list(self) -> bool:
        origin: Any = get_origin(self.annotation)
        return origin is list

    @cached_property
    def _fast(self) -> Callable[[Any, Any], Any] | None:
        annotation = get_args(self.annotation)[0] if self._is_list else self.annotation
        return _fast_leaf(annotation, self.parameter_info)

    @cached_property
    def _typers(self) -> RuntimeParam:
        return build_runtime_param(TypeDescriptor(self.annotation, self.parameter_info, None))

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        fast = self._fast
        if fast is not None and not self._is_list:
            done = fast(value, ctx)
        elif fast is not None and type(value) in (tuple, list):
            items = [fast(item, ctx) for item in value]
            done = _TYPERS if any(item is _TYPERS for item in items) else items
        else:
            done = _TYPERS
        if done is _TYPERS:
            return self._typers._coerce_value(value, param=param, ctx=ctx)
        return done


def _own_coercion(params: Iterable[Any]) -> None:
    """Give typer's parameters renaksi's coercion (see ``_Coercion``).

    typer has no public hook for this: its parameters cache their coercion in
    ``_runtime_param`` (typer 0.29), filled on first use. tests/test_cli_coercion.py fails
    if typer stops reading it from there."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if (
            isinstance(descriptor, TypeDescriptor)
            and descriptor.file_annotation is None
            and getattr(param, "_runtime_param", None) is None
        ):
            param._runtime_param = _Coercion(descriptor.parameter_info, descriptor.annotation)


class _Group(TyperGroup):
    """The command group: help, usage errors and --help's description in Indonesian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_coercion(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        return _translated(super().get_help_option(ctx))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(self, ctx)), "Pemakaian: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _format_help(self, ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            _located(exc, ctx)
            raise

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            import difflib  # only for a mistyped command

            known = list(self.commands)
            near = difflib.get_close_matches(name, known, n=1)
            hint = f"maksudnya {near[0]}?" if near else f"perintah yang ada: {', '.join(known)}"
            raise _WordedError(f"perintah {one_line(name)} tidak dikenal; {hint}", ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        if not getattr(ctx, "_protected_args", True) and not self.invoke_without_command:
            raise _WordedError(f"sebutkan perintah: {', '.join(self.commands)}", ctx)
        return super().invoke(ctx)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run; usage errors are printed in Indonesian (click's own printing is English)."""
        run = partial(
            super().main, args, prog_name, complete_var, False, windows_expand_args, **extra
        )
        if not standalone_mode:
            return run()
        try:
            code = run()
        except ClickException as exc:
            _show_usage_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("renaksi: dihentikan", err=True)
            sys.exit(EXIT_INVALID)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


class _Command(TyperCommand):
    """A command: help, usage errors and --help's description in Indonesian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_coercion(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        return _translated(super().get_help_option(ctx))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(self, ctx)), "Pemakaian: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _format_help(self, ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Extra arguments are refused here, not by click, so the message is ours.
        strict = not ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as exc:
            _located(exc, ctx)
            raise
        finally:
            ctx.allow_extra_args = not strict
        if strict and rest and not ctx.resilient_parsing:
            extra = " ".join(one_line(str(a)) for a in rest)
            raise _WordedError(f"argumen berlebih: {extra}", ctx)
        return rest


def _write(text: str) -> None:
    """Print ``text``; characters the terminal cannot encode are shown as escapes.

    Output that cannot be written (a full disk, ``> /dev/full``, a disk error, a reader that
    went away) ends the command with exit code 2, as any I/O problem does, and says why;
    it is flushed here so that the failure comes now, not when the interpreter exits.
    """
    try:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))
        sys.stdout.flush()
    except OSError as exc:
        raise _unwritable(exc) from None


def _unwritable(exc: OSError) -> typer.Exit:
    """The exit for standard output that failed with ``exc``."""
    # What is still buffered would fail again when the interpreter flushes at exit (an
    # "Exception ignored" and exit code 120): it goes to /dev/null instead.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no descriptor (a test's captured output)
        pass
    if exc.errno == errno.EPIPE:
        # The reader stopped reading (| head): it has what it wanted; nothing to explain.
        return typer.Exit(EXIT_USAGE)
    return _fail(f"keluaran standar tidak dapat ditulis ({os_reason(exc)})")


_APP_SETTINGS: dict[str, Any] = {
    "name": "renaksi",
    "cls": _Group,
    "help": "Rencana Aksi SAKIP sebagai berkas YAML yang diperiksa.",
    "no_args_is_help": True,
    "add_completion": False,
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_APP_SETTINGS)


class OutputFormat(StrEnum):
    """Output formats of ``validate``."""

    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        _write(f"renaksi {__version__}\n")
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
    # Messages quote paths, bidang names and revisions: one line each, whatever they hold.
    typer.echo(f"renaksi: {one_line(message)}", err=True)
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


def _plan_folder(given: Path | None, how: str = "RENCANA") -> Path:
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


#: The plan folder(s) a command reads: one definition, so every command describes it alike.
_PLAN_ARGUMENT = typer.Argument(
    help="Folder rencana (mis. plans/2024). Bawaan: plans/<tahun> terbaru di folder ini.",
    show_default=False,
    metavar="RENCANA",
)
_REALISASI_OPTION = typer.Option(
    "--realisasi",
    metavar="FOLDER",
    help=(
        "Folder berkas realisasi (tw1-tw4.yaml, s1.yaml, tahunan.yaml, sd-<tanggal>.yaml). "
        "Bawaan: <rencana>/realisasi."
    ),
)
_PERUBAHAN_OPTION = typer.Option(
    "--perubahan",
    metavar="BERKAS",
    help="Berkas Perubahan (perubahan.yaml) di luar rencana. Bawaan: <rencana>/perubahan.yaml.",
)
_MAX_PLAN_BYTES_OPTION = typer.Option(
    "--max-plan-bytes",
    min=1,
    metavar="BYTE",
    help="Ukuran terbesar semua berkas satu rencana bersama-sama (byte). Bawaan: 8 MiB.",
)


@app.command(cls=_Command)
def validate(
    paths: Annotated[
        list[Path] | None,
        _PLAN_ARGUMENT,
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Bentuk keluaran.")
    ] = OutputFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Peringatan juga membuat exit code 1.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="ATURAN",
            help="Hanya aturan ini (kode, nama, atau awalan seperti BG).",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="ATURAN", help="Abaikan aturan ini (kode, nama, atau awalan)."
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes", min=1, metavar="BYTE", help="Ukuran terbesar satu berkas rencana (byte)."
        ),
    ] = None,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
    realisasi: Annotated[Path | None, _REALISASI_OPTION] = None,
    perubahan: Annotated[Path | None, _PERUBAHAN_OPTION] = None,
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
    if perubahan is not None and len(folders) > 1:
        raise _fail("--perubahan hanya untuk satu folder rencana")
    try:
        result = run_validate(
            folders,
            select=_split(select),
            ignore=_split(ignore),
            max_bytes=max_bytes or MAX_BYTES,
            max_plan_bytes=max_plan_bytes or MAX_PLAN_BYTES,
            keep_plans=False,
            realisasi=realisasi,
            perubahan=perubahan,
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
    pdf = "pdf"


class Versi(StrEnum):
    """The versions of a plan within its year ``report`` prints."""

    murni = "murni"
    perubahan = "perubahan"


class Dokumen(StrEnum):
    """The documents ``report`` prints from a plan."""

    rencana_aksi = "rencana-aksi"
    pk = "pk"


@app.command(cls=_Command)
def report(
    path: Annotated[
        Path | None,
        _PLAN_ARGUMENT,
    ] = None,
    bidang: Annotated[
        str | None,
        typer.Option(
            "--bidang", "-b", metavar="SLUG", help="Hanya halaman satu bidang (slug, mis. politik)."
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="md (Markdown), html, atau pdf (perlu --output)."),
    ] = ReportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BERKAS",
            help="Tulis ke berkas ini (atomik) alih-alih ke layar.",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", metavar="FOLDER", help="Folder template yang menimpa template bawaan."
        ),
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
            metavar="TRIWULAN",
            help="Cetak laporan pemantauan triwulan ini (1-4): target, realisasi, capaian.",
        ),
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option(
            "--periode",
            "-p",
            metavar="PERIODE",
            help=(
                "Cetak laporan pemantauan periode ini, seperti nama berkas realisasinya: "
                "s1 (semester I), tahunan, sd-2024-10-31 (s.d. tanggal), tw2."
            ),
        ),
    ] = None,
    realisasi: Annotated[Path | None, _REALISASI_OPTION] = None,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
    dokumen: Annotated[
        Dokumen,
        typer.Option(
            "--dokumen",
            "-d",
            help=(
                "rencana-aksi, atau pk: Perjanjian Kinerja Kepala (dengan --bidang: "
                "Perjanjian Kinerja Kepala Bidang itu)."
            ),
        ),
    ] = Dokumen.rencana_aksi,
    versi: Annotated[
        Versi,
        typer.Option(
            "--versi",
            help=(
                "murni, atau perubahan: dokumen Perubahan (judul PERUBAHAN, tabel "
                "perbandingan lama-baru-selisih)."
            ),
        ),
    ] = Versi.murni,
    perubahan: Annotated[Path | None, _PERUBAHAN_OPTION] = None,
) -> None:
    """Cetak Rencana Aksi (dokumen utuh atau satu bidang), Perjanjian Kinerja, atau laporan
    pemantauan."""
    from renaksi.plan.git import provenance
    from renaksi.plan.source import PlanIOError
    from renaksi.report.kop import LogoError
    from renaksi.report.render import ReportTemplateError, render, render_monitoring, render_pk
    from renaksi.text.atomic import OutputFileError, write_atomic

    folder = _plan_folder(path)
    if templates is not None and not templates.is_dir():
        raise _fail(f"{templates}: folder template tidak ada")
    if output_format is ReportFormat.pdf and output is None:
        raise _fail("PDF tidak dicetak ke layar: sebutkan berkasnya dengan --output BERKAS.pdf")
    period = _period(triwulan, periode)
    if period is not None and dokumen is Dokumen.pk:
        raise _fail("--dokumen pk tidak dapat digabung dengan --triwulan atau --periode")
    if period is not None and versi is Versi.perubahan:
        raise _fail(
            "--versi tidak dipakai untuk laporan pemantauan: setiap periode dinilai dengan "
            "target versi yang berlaku pada akhir periodenya"
        )
    plan, warnings = _printable(folder, bidang, force, period, realisasi, max_plan_bytes, perubahan)
    draw = partial(render_monitoring, plan, period) if period else partial(render, plan)
    if dokumen is Dokumen.pk:
        draw = partial(render_pk, plan)
    if versi is Versi.perubahan:
        draw = _perubahan_version(plan, bidang, render_pk if dokumen is Dokumen.pk else render)
    try:
        text = draw(
            output_format=output_format.value,
            bidang=bidang,
            provenance=provenance(folder),
            templates=templates,
            warnings=warnings,
        )
    except (ReportTemplateError, LogoError) as exc:
        raise _fail(str(exc)) from None
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    if output is None:
        _write(text)
        return
    written: str | bytes = _pdf(text) if output_format is ReportFormat.pdf else text
    try:
        write_atomic(output, written, protected=[plan.folder, *([realisasi] if realisasi else [])])
    except OutputFileError as exc:
        raise _fail(str(exc)) from None


def _perubahan_version(plan: "Plan", bidang: str | None, draw: Callable[..., str]) -> Any:
    """``draw`` for the Perubahan version of ``plan``, with its comparison."""
    from renaksi.plan.perubahan import printed
    from renaksi.report.perubahan import perbandingan

    changed = printed(plan)
    if plan.perubahan_doc is not None and plan.perubahan is None:
        # Found but unreadable (printed with --force): not a plan without a Perubahan.
        shown = plan.perubahan_doc.display
        raise _fail(
            f"berkas perubahan {shown} tidak dapat dibaca atau tidak sah; jalankan "
            "renaksi validate untuk melihat sebabnya"
        )
    if changed is None or plan.perubahan is None:
        raise _fail(
            "rencana ini tidak punya Perubahan: tulis <rencana>/perubahan.yaml, atau sebutkan "
            "berkasnya dengan --perubahan BERKAS"
        )
    page = plan.bidang_by_slug(bidang) if bidang is not None else None
    compared = perbandingan(plan, page.slug if page is not None else None)
    return partial(draw, changed, perubahan=compared)


def _pdf(html: str) -> bytes:
    """The HTML report paged into a PDF; exit 2 when WeasyPrint cannot be loaded."""
    from renaksi.report.pdf import PdfUnavailableError, html_to_pdf

    try:
        return html_to_pdf(html)
    except PdfUnavailableError as exc:
        raise _fail(str(exc)) from None


def _period(triwulan: int | None, periode: str | None) -> "Period | None":
    """The period ``--triwulan`` or ``--periode`` asks for (not both)."""
    from renaksi.plan.periods import Period

    if periode is None:
        return Period.quarter(triwulan) if triwulan is not None else None
    if triwulan is not None:
        raise _fail("pilih --triwulan atau --periode, tidak keduanya")
    found = Period.parse(periode.strip().lower().removesuffix(".yaml"))
    if found is None:
        raise _fail(
            f"periode {periode} tidak dikenal; tulis tw1-tw4, s1, tahunan, atau "
            "sd-<tanggal> (mis. sd-2024-10-31)"
        )
    return found


def _printable(
    folder: Path,
    bidang: str | None,
    force: bool,
    period: "Period | None",
    realisasi: Path | None,
    max_plan_bytes: int | None,
    perubahan: Path | None = None,
) -> "tuple[Plan, list[PrintedFinding]]":
    """The plan to print and the findings its warning block shows, or the exit that
    :func:`renaksi.report.printable.check_printable` decided, in words."""
    from renaksi.output import formatter
    from renaksi.output.messages import message
    from renaksi.plan.load import MAX_PLAN_BYTES
    from renaksi.plan.source import PlanIOError, display_path
    from renaksi.report.printable import Refusal, check_printable
    from renaksi.report.rencana_aksi import PrintedFinding

    try:
        checked = check_printable(
            folder,
            bidang=bidang,
            triwulan=period,
            realisasi=realisasi,
            force=force,
            max_plan_bytes=max_plan_bytes or MAX_PLAN_BYTES,
            perubahan=perubahan,
        )
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    plan, refusal = checked.plan, checked.refusal
    if refusal is Refusal.UNKNOWN_BIDANG:
        known = ", ".join(plan.bidang_slugs) or "-"
        raise _fail(f"bidang {bidang} tidak ada; bidang yang ada: {known}")
    if refusal is Refusal.NO_REALISASI and period is not None:
        missing = display_path(checked.missing) if checked.missing else "?"
        example = _example_realisasi(folder, period) if realisasi is None else None
        hint = f"; untuk mencoba dengan contoh berlabel: --realisasi {example}" if example else ""
        raise _fail(f"realisasi {period.label} belum ada: tambahkan {missing}{hint}")
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


def _example_realisasi(folder: Path, period: "Period") -> str | None:
    """The labelled example realisasi of the plan's year that has this period, as shown
    to the user: ``examples/realisasi-<year>`` beside the ``plans`` folder (the repository
    ships one for 2024; plans/2024 itself has no realisasi, as the source document has none).
    """
    example = folder.resolve().parent.parent / "examples" / f"realisasi-{folder.resolve().name}"
    if not (example / period.file_name).is_file():
        return None
    try:  # a path to type, so relative also when it climbs out of this folder
        return os.path.relpath(example)
    except ValueError:  # another drive on Windows
        return str(example)


@app.command(cls=_Command)
def export(
    path: Annotated[
        Path | None,
        _PLAN_ARGUMENT,
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="BERKAS", help="Buku kerja yang ditulis (.xlsx, atomik)."
        ),
    ] = None,
    bidang: Annotated[
        str | None,
        typer.Option("--bidang", "-b", metavar="SLUG", help="Hanya lembar satu bidang."),
    ] = None,
    triwulan: Annotated[
        int | None,
        typer.Option(
            "--triwulan",
            "-t",
            min=1,
            max=4,
            metavar="TRIWULAN",
            help="Tambahkan lembar pemantauan triwulan ini (1-4).",
        ),
    ] = None,
    realisasi: Annotated[Path | None, _REALISASI_OPTION] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Tulis juga bila rencana tidak lolos pemeriksaan."),
    ] = False,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
) -> None:
    """Tulis tabel Rencana Aksi, PK dan pemantauan sebagai buku kerja Excel (.xlsx)."""
    from renaksi.plan.periods import Period
    from renaksi.report.pemantauan import pemantauan_view
    from renaksi.report.rencana_aksi import rencana_aksi_view
    from renaksi.sheet.write import workbook_bytes
    from renaksi.text.atomic import OutputFileError, check_destination, write_atomic

    if output is None:
        raise _fail("sebutkan berkas keluaran: -o BERKAS.xlsx")
    if output.suffix.lower() != ".xlsx":
        raise _fail(f"{output}: buku kerja ditulis sebagai .xlsx")
    folder = _plan_folder(path)
    protected = [folder, *([realisasi] if realisasi else [])]
    try:
        check_destination(output, protected)  # before the plan is read and checked
    except OutputFileError as exc:
        raise _fail(str(exc)) from None
    period = Period.quarter(triwulan) if triwulan is not None else None
    plan, warnings = _printable(folder, bidang, force, period, realisasi, max_plan_bytes)
    view = rencana_aksi_view(plan, warnings)
    monitoring = pemantauan_view(plan, period, bidang=bidang, warnings=warnings) if period else None
    try:
        write_atomic(output, workbook_bytes(view, monitoring, bidang), protected=protected)
    except OutputFileError as exc:
        raise _fail(str(exc)) from None


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@app.command(name="import", cls=_Command)
def import_workbook(
    workbook: Annotated[
        Path,
        typer.Argument(help="Buku kerja Excel (.xlsx) berisi tabel Rencana Aksi.", metavar="BUKU"),
    ],
    bidang: Annotated[
        str,
        typer.Option(
            "--bidang",
            "-b",
            metavar="SLUG",
            help="Slug bidang (nama berkas bidang tanpa .yaml), mis. politik.",
        ),
    ],
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            "-s",
            metavar="LEMBAR",
            help="Nama lembar. Bawaan: lembar bernama SLUG, atau satu-satunya lembar.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BERKAS",
            help="Tulis berkas bidang ke sini alih-alih ke layar.",
        ),
    ] = None,
    pk_output: Annotated[
        Path | None,
        typer.Option(
            "--pk",
            metavar="BERKAS",
            help="Tulis juga baris program, kegiatan dan sub kegiatan (untuk PK) ke sini.",
        ),
    ] = None,
    rencana: Annotated[
        Path | None,
        typer.Option(
            "--rencana",
            metavar="FOLDER",
            help="Cocokkan sub kegiatan dengan id di PK rencana ini (menurut namanya).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas keluaran yang sudah ada.")
    ] = False,
) -> None:
    """Baca tabel Rencana Aksi dari buku kerja Excel menjadi berkas bidang YAML."""
    from renaksi.sheet.guard import WorkbookError, open_workbook
    from renaksi.sheet.imports import ImportRefusedError, import_sheet
    from renaksi.text.atomic import OutputFileError, write_atomic

    if not _SLUG.match(bidang):
        raise _fail(f"slug bidang {bidang} tidak sah: huruf kecil, angka dan tanda hubung")
    _import_destinations(workbook, output, pk_output, rencana, force=force)
    try:
        book = open_workbook(workbook, str(workbook))
        result = import_sheet(book, str(workbook), bidang, sheet, rencana)
    except (WorkbookError, ImportRefusedError) as exc:
        raise _fail(str(exc)) from None
    _show_import_findings(result.problems)
    if result.failed:
        typer.echo(
            "renaksi: buku kerja tidak terbaca utuh, jadi tidak ada yang ditulis; perbaiki sel "
            "yang disebut di atas",
            err=True,
        )
        raise typer.Exit(EXIT_INVALID)
    try:
        if pk_output is not None:
            write_atomic(pk_output, result.pk_yaml)
        if output is None:
            _write(result.bidang_yaml)
        else:
            write_atomic(output, result.bidang_yaml)
    except OutputFileError as exc:
        raise _fail(str(exc)) from None


def _import_destinations(
    workbook: Path,
    output: Path | None,
    pk_output: Path | None,
    rencana: Path | None,
    *,
    force: bool,
) -> None:
    """Refuse, before the workbook is read, a destination that would be lost or destroy
    something: in a plan folder, the workbook itself, both outputs one file, or an existing
    file without ``--force``."""
    from renaksi.text.atomic import OutputFileError, check_destination

    for target in (output, pk_output):
        if target is None:
            continue
        try:
            check_destination(target, [rencana] if rencana else [])
        except OutputFileError as exc:
            raise _fail(str(exc)) from None
        if _same_file(target, workbook):
            raise _fail(f"{target}: itu buku kerja yang dibaca; tulis YAML ke berkas lain")
        if (target.exists() or target.is_symlink()) and not force:
            raise _fail(f"{target}: sudah ada; pakai --force untuk menimpanya")
    if output is not None and pk_output is not None and _same_file(output, pk_output):
        raise _fail(f"{output}: --output dan --pk menunjuk berkas yang sama")


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links too), as far as the disk can say."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _show_import_findings(problems: Sequence[Any]) -> None:
    """The import's findings on stderr (stdout may carry the YAML), one a line."""
    from renaksi.output.messages import message

    for problem in problems:
        where = f"{problem.location.file} {problem.location.path}".strip()
        typer.echo(
            f"{one_line(where)}: {problem.severity.label} {problem.code}: {message(problem)}",
            err=True,
        )


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
            help="Revisi dasar (cabang, tag, sha, main...fitur). Bawaan: HEAD.",
            show_default=False,
            metavar="DASAR",
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help="Revisi yang dibandingkan. Bawaan: working tree.",
            show_default=False,
            metavar="BANDING",
        ),
    ] = None,
    plans: Annotated[
        Path | None,
        typer.Option(
            "--plans", metavar="FOLDER", help="Folder rencana. Bawaan: plans/<tahun> terbaru."
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text, md (komentar PR) atau json.")
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Keluar dengan kode 1 bila ada perubahan.")
    ] = False,
    base_dir: Annotated[
        Path | None,
        typer.Option("--base-dir", metavar="FOLDER", help="Bandingkan folder ini (tanpa git) ..."),
    ] = None,
    head_dir: Annotated[
        Path | None, typer.Option("--head-dir", metavar="FOLDER", help="... dengan folder ini.")
    ] = None,
    max_plan_bytes: Annotated[int | None, _MAX_PLAN_BYTES_OPTION] = None,
    murni_perubahan: Annotated[
        bool,
        typer.Option(
            "--murni-perubahan",
            help="Bandingkan versi murni rencana dengan versi Perubahannya (tanpa git).",
        ),
    ] = False,
    perubahan: Annotated[Path | None, _PERUBAHAN_OPTION] = None,
) -> None:
    """Tunjukkan apa yang diubah sebuah perubahan pada pagu, target dan jadwal rencana."""
    from renaksi.diff.revisions import compare_dirs, compare_git
    from renaksi.output.diff_format import render_diff
    from renaksi.plan.git import GitError
    from renaksi.plan.load import MAX_PLAN_BYTES
    from renaksi.plan.source import PlanIOError

    limit = max_plan_bytes or MAX_PLAN_BYTES
    if murni_perubahan or perubahan is not None:
        result = _murni_perubahan(plans, perubahan, limit, (base, head, base_dir, head_dir))
        _write(render_diff(result, output_format.value))
        raise typer.Exit(EXIT_INVALID if exit_code and not result.empty else EXIT_OK)
    try:
        if base_dir is not None or head_dir is not None:
            if base_dir is None or head_dir is None or base is not None or head is not None:
                raise _fail("--base-dir dan --head-dir dipakai berdua, tanpa revisi git")
            result = compare_dirs(base_dir, head_dir, max_plan_bytes=limit)
        else:
            folder = _plan_folder(plans, "--plans FOLDER")
            result = compare_git(folder, base or "HEAD", head, max_plan_bytes=limit)
    except GitError as exc:
        raise _fail(str(exc)) from None
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    _write(render_diff(result, output_format.value))
    raise typer.Exit(EXIT_INVALID if exit_code and not result.empty else EXIT_OK)


def _murni_perubahan(
    plans: Path | None, perubahan: Path | None, limit: int, others: tuple[object, ...]
) -> Any:
    """The diff from the murni version of a plan to its Perubahan."""
    from renaksi.diff.revisions import compare_perubahan
    from renaksi.plan.source import PlanIOError

    if any(other is not None for other in others):
        raise _fail("--murni-perubahan membandingkan dua versi satu rencana, tanpa revisi git")
    folder = _plan_folder(plans, "--plans FOLDER")
    try:
        result = compare_perubahan(folder, perubahan, max_plan_bytes=limit)
    except PlanIOError as exc:
        raise _fail(exc.message) from None
    if result is None:
        raise _fail(
            "rencana ini tidak punya Perubahan: tulis <rencana>/perubahan.yaml, atau sebutkan "
            "berkasnya dengan --perubahan BERKAS"
        )
    return result


@app.command(cls=_Command)
def init(
    tahun: Annotated[
        int,
        typer.Argument(min=1900, max=2999, help="Tahun rencana baru, mis. 2025.", metavar="TAHUN"),
    ],
    plans: Annotated[
        Path | None,
        typer.Option("--plans", metavar="FOLDER", help="Folder plans/. Bawaan: ./plans."),
    ] = None,
) -> None:
    """Mulai plans/<TAHUN> dari tahun terakhir sebelumnya: pagu, target, tanggal dan bulan
    aksi dikosongkan untuk diisi; tidak pernah menimpa folder yang ada."""
    from renaksi.plan.next_year import InitError, init_year

    folder = plans or Path.cwd() / "plans"
    try:
        new, source, count = init_year(folder, tahun)
    except InitError as exc:
        raise _fail(str(exc)) from None
    # Folder and file names come from the disk: shown, never obeyed by the terminal.
    files = ", ".join(one_line(name) for name in count.files)
    typer.echo(
        f"{one_line(str(new))}: dimulai dari {one_line(str(source))} "
        f"({len(count.files)} berkas: {files})."
    )
    typer.echo("Yang disalin: instansi, kepala, Renstra, IKU, indikator PK, program/kegiatan/sub")
    typer.echo(
        "kegiatan dan bidangnya, berkas bidang (penandatangan, indikator, nama aksi, keluaran)."
    )
    typer.echo("Yang harus diisi (tertulis kosong, dilaporkan renaksi validate di barisnya):")
    typer.echo(f"  - {count.pagu} pagu (program, kegiatan, sub kegiatan, total) dari DPA {tahun}")
    typer.echo(f"  - {count.target} target indikator dan keluaran (tahunan dan triwulan)")
    typer.echo(f"  - {count.tanggal} tanggal tanda tangan")
    typer.echo(f"  - bulan pelaksanaan {count.bulan} aksi")
    if count.dari_renstra:
        typer.echo(
            f"Diambil dari target Renstra {tahun} (bertanda komentar, periksa terhadap PK): "
            f"{count.dari_renstra} target tahunan indikator PK"
        )
    typer.echo("Tidak disalin: narasi/, realisasi/, perubahan.yaml, catatan_sumber tahun lalu.")
    typer.echo(f"Lanjutkan dengan: renaksi validate {one_line(str(new))}")


#: The kinds of plan file ``schema`` describes, in the order of
#: :data:`renaksi.plan.json_schema.KINDS` (named here so that --help needs no pydantic).
SCHEMA_KINDS = ("instansi", "perjanjian-kinerja", "bidang", "realisasi", "perubahan")


def _listed(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + " atau " + words[-1]


@app.command(cls=_Command)
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(help=f"{_listed(SCHEMA_KINDS)}.", show_default=False, metavar="JENIS"),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            metavar="FOLDER",
            help=(
                f"Tulis skema semua jenis ({len(SCHEMA_KINDS)} berkas: "
                f"{', '.join(SCHEMA_KINDS)}) sebagai <jenis>.schema.json di sini."
            ),
        ),
    ] = None,
) -> None:
    """JSON Schema berkas rencana, untuk editor (VS Code + ekstensi YAML)."""
    import json

    from renaksi.plan.json_schema import KINDS
    from renaksi.plan.json_schema import schema as make_schema
    from renaksi.text.atomic import OutputFileError, check_destination, write_atomic

    def text(name: str) -> str:
        return json.dumps(make_schema(name), ensure_ascii=False, indent=2) + "\n"

    if output_dir is not None:
        if kind is not None:
            raise _fail("pakai JENIS atau --output-dir, tidak keduanya")
        try:
            # Refused before the folder is made: not even an empty folder in a plan.
            check_destination(output_dir)
            output_dir.mkdir(parents=True, exist_ok=True)
            for name in KINDS:
                write_atomic(output_dir / f"{name}.schema.json", text(name))
        except OutputFileError as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:
            raise _fail(f"{output_dir}: tidak dapat ditulis ({os_reason(exc)})") from None
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
        typer.Argument(
            help="Kode (BG01) atau nama (anggaran.total) aturan.",
            show_default=False,
            metavar="ATURAN",
        ),
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Semua aturan sebagai Markdown (docs/rules.md).")
    ] = False,
) -> None:
    """Daftar semua aturan, atau penjelasan satu aturan."""
    from renaksi.rules.docs import literals, terminal
    from renaksi.rules.docs import markdown as rules_markdown
    from renaksi.rules.registry import ALL_RULES, find

    if markdown:
        _write(rules_markdown())
        return
    if code is None:
        _write(
            "".join(
                f"{r.code}  {r.severity.label:<10}  {r.name:<28}  {literals(r.summary)}\n"
                for r in ALL_RULES
            )
        )
        return
    found = find(code)
    if found is None:
        raise _fail(f"aturan {code} tidak dikenal; lihat 'renaksi rules'")
    lines = []
    if code.lower() in found.aliases:
        lines += [
            f"{code} adalah nama lama {found.code}; namanya sekarang {found.name} "
            "(nama lama tetap diterima).",
            "",
        ]
    _write("".join(f"{line}\n" for line in lines) + terminal(found))


def main(argv: Sequence[str] | None = None) -> int:
    """Run renaksi with ``argv`` (default: the process's arguments); return the exit code.

    The console script and ``python -m renaksi`` exit with it. This is also the last line
    of defence: a bug must not show a user a Python traceback. The message says what
    happened and asks for a report; the exit code is 2 (renaksi could not check).
    """
    # A short-lived process builds a tree of plan objects and exits: the cyclic garbage
    # collector would only re-scan that tree (it measured up to a third of a large run).
    gc.disable()
    # pydantic looks for plugins on its first model by scanning the entry points of every
    # installed distribution; renaksi's models use none. A user's own setting is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    try:
        _app_for(sys.argv[1:] if argv is None else argv)(args=None if argv is None else list(argv))
    except SystemExit as exc:  # typer ends every run, successful or not, with one
        # Only a write raises Interrupted, and every write loads renaksi.text.atomic first:
        # a run that wrote nothing (validate) need not load it (and tempfile) to ask.
        atomic = sys.modules.get("renaksi.text.atomic")
        if atomic is not None and isinstance(exc, atomic.Interrupted):
            # A signal stopped a write, exit code 128 + signum.
            typer.echo("renaksi: dihentikan", err=True)
        return _exit_status(exc.code)
    except KeyboardInterrupt:
        typer.echo("renaksi: dihentikan", err=True)
        return 130
    except Exception as exc:  # deliberately broad, see the docstring
        typer.echo(
            f"renaksi: galat internal ({type(exc).__name__}: {one_line(str(exc))}). Mohon "
            "laporkan beserta berkas rencana yang diperiksa.",
            err=True,
        )
        return EXIT_USAGE
    finally:
        gc.enable()
    return EXIT_OK


def _command_name(info: Any) -> str:
    # As typer names a command: its given name, or its function's, with dashes.
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app to run ``args`` with. For ``renaksi <command> ...``: one holding only that
    command (and the group's own options), so typer builds the parameters of one command
    rather than of all of them on every run. Anything else (help, an option first, a
    mistyped command) gets the whole app, whose messages name every command; with a known
    command first, nothing shown depends on the others (tests/test_cli_startup.py)."""
    chosen = [info for info in app.registered_commands if args and _command_name(info) == args[0]]
    if len(chosen) != 1:
        return app
    lean = typer.Typer(**_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return lean


#: The values of PYDANTIC_DISABLE_PLUGINS with which pydantic loads no plugin at all.
_ALL_PLUGINS_OFF = ("__all__", "1", "true")


def _no_plugin_loader() -> None:
    """With every pydantic plugin turned off, give pydantic a plugin loader that answers
    "none" without importing ``importlib.metadata`` (its real loader imports it at the top,
    for the scan it then skips: about a twentieth of a small plan's whole run). The stand-in
    answers what the real one does under that setting; any other setting, or a loader
    already imported, is left alone."""
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _ALL_PLUGINS_OFF or name in sys.modules:
        return
    import types

    loader = types.ModuleType(name, "pydantic's plugin loader while every plugin is off.")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugins: ()
    sys.modules[name] = loader


def _exit_status(code: object) -> int:
    """The number a ``SystemExit`` stands for (None is success, as for the interpreter)."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    typer.echo(str(code), err=True)
    return EXIT_USAGE
