"""renaksi's own coercion of command-line values (``renaksi.cli._Coercion``) gives what
typer's gives: the same value of the same type, or the same refusal with the same cause
and the same Indonesian message.

typer builds a pydantic TypeAdapter per parameter; renaksi coerces the common values
without one and hands every other value to typer. The hook is a typer internal (a
parameter's ``_runtime_param``); the first tests fail loudly if typer stops using it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from renaksi import cli
from renaksi.cli import _Coercion, app, usage_message

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024"


def _commands() -> Iterator[tuple[Any, Context]]:
    group = typer.main.get_command(app)
    yield group, Context(group, info_name="renaksi")
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        yield command, Context(command, info_name=name)


def _params() -> list[tuple[Any, Context]]:
    found = []
    for command, ctx in _commands():
        for param in command.get_params(ctx):
            found.append((param, ctx))
    return found


PARAMS = _params()


def test_every_parameter_uses_renaksis_coercion() -> None:
    # typer reads a parameter's coercion from ``_runtime_param``; if it stops, typer's
    # adapters (and their start-up cost) come back silently. This says so.
    assert len(PARAMS) > 40
    for param, _ in PARAMS:
        assert isinstance(param.get_runtime_param(), _Coercion), param.name


def test_validate_builds_no_typeadapter_for_its_parameters() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from renaksi.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['validate', {str(PLAN)!r}, '--select', 'BG,RF', '-f', 'json'])\n"
        "print(code, 'typer._adapters' in sys.modules)\n"
    )
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["0", "False"]


def _outcome(runtime: Any, value: Any, param: Any, ctx: Context) -> tuple[Any, ...]:
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as exc:
        cause = exc.__cause__
        errors = getattr(cause, "errors", None)
        reasons = errors(include_url=False, include_context=False) if errors else None
        return ("refused", exc.message, type(cause), reasons, usage_message(exc))
    if isinstance(result, list):
        return ("value", list, [(type(item), item) for item in result])
    return ("value", type(result), result)


def _same(param: Any, ctx: Context, value: Any) -> None:
    ours = param.get_runtime_param()
    assert isinstance(ours, _Coercion)
    typers = build_runtime_param(param.type_descriptor)
    assert _outcome(ours, value, param, ctx) == _outcome(typers, value, param, ctx)


_WORDS = [
    "",
    ".",
    "-",
    " ",
    "text",
    "TEXT",
    "json",
    "github",
    "md",
    "html",
    "pdf",
    "pk",
    "rencana-aksi",
    "murni",
    "perubahan",
    "Perubahan",
    "0",
    "1",
    "5",
    "-3",
    "2024",
    "1_000",
    " 7 ",
    "1.0",
    "true",
    "no",
    "a\x00b",
    "\udcff",
    str(PLAN),
    str(PLAN / "instansi.yaml"),
    str(PLAN / "tidak-ada"),
    "plans/2024",
]
TEXTS = st.one_of(st.sampled_from(_WORDS), st.text(max_size=12))
VALUES = st.one_of(
    st.none(),
    TEXTS,
    st.lists(TEXTS, max_size=4).map(tuple),
    st.lists(TEXTS, max_size=3),
    st.sampled_from([True, False, 3, Path("plans"), *cli.OutputFormat, *cli.ReportFormat]),
)


@given(index=st.integers(min_value=0, max_value=len(PARAMS) - 1), value=VALUES)
def test_renaksis_coercion_gives_what_typers_gives(index: int, value: Any) -> None:
    param, ctx = PARAMS[index]
    _same(param, ctx, value)


def test_every_parameter_and_value_kind_is_compared() -> None:
    # Not left to chance: each parameter with each listed word, alone and in a tuple.
    for param, ctx in PARAMS:
        for word in _WORDS:
            _same(param, ctx, word)
            _same(param, ctx, (word,))
        _same(param, ctx, None)
        _same(param, ctx, ())
        _same(param, ctx, param.default)


def test_an_unreadable_path_is_refused_as_typer_refuses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As root, chmod does not stop reading: os.access stands in for the file system.
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    paths = [(p, c) for p, c in PARAMS if p.type_descriptor.annotation is Path]
    assert paths
    for param, ctx in paths:
        _same(param, ctx, str(PLAN))
        assert _outcome(param.get_runtime_param(), str(PLAN), param, ctx)[0] == "refused"


def test_a_token_normalizer_is_left_to_typer() -> None:
    command = typer.main.get_command(app).commands["validate"]  # type: ignore[attr-defined]
    ctx = Context(command, info_name="validate", token_normalize_func=str.lower)
    (param,) = [p for p in command.get_params(ctx) if p.name == "output_format"]
    for word in ("JSON", "json", "Text", "xml"):
        _same(param, ctx, word)


def test_command_annotations_are_objects_not_strings() -> None:
    # typer evaluates string annotations (compiling them, typer.Option(...) calls and
    # all) on every run; cli.py has no ``from __future__ import annotations`` for this.
    for function in (cli.validate, cli.report, cli.export, cli.diff, cli.init, cli.schema):
        assert not any(isinstance(a, str) for a in function.__annotations__.values())
