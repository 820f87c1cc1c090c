"""HTML templates print each value through one call (render.py ``_environment_class``):
the same text as Jinja's own ``escape(finalize(value))``, for any value, and the code
generator's hook still in use (it overrides two Jinja internals: this fails loudly if
Jinja stops calling them)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from renaksi.plan.git import Provenance
from renaksi.plan.load import load_plan
from renaksi.report import render as render_module
from renaksi.report.template_cache import CACHE_ENV, CODE, bytecode_cache

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = (
    '<p title="{{ v }}">{{ v }}</p>{% set block %}[{{ v }}]{% endset %}{{ block }}'
    "{% autoescape false %}{{ v }}{% endautoescape %}{{ v | string }}"
)


def _options(kind: str) -> dict[str, Any]:
    env = render_module._environment(kind, None, None)
    return {
        "undefined": env.undefined,
        "autoescape": env.autoescape,
        "finalize": env.finalize,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }


def _ours(kind: str = "html") -> jinja2.Environment:
    return render_module._environment_class()(**_options(kind))  # type: ignore[no-any-return]


def _jinja(kind: str = "html") -> jinja2.Environment:
    return jinja2.Environment(**_options(kind))


def test_html_values_are_printed_through_one_call() -> None:
    code = _ours().compile("{{ v }}", raw=True)
    assert "environment.shown_html(" in code
    assert "escape(environment.finalize(" not in code
    assert "escape(environment.finalize(" in _jinja().compile("{{ v }}", raw=True)


def test_markdown_templates_are_compiled_as_jinja_compiles_them() -> None:
    source = "{{ v }} {{ v | upper }}"
    assert _ours("md").compile(source, raw=True) == _jinja("md").compile(source, raw=True)


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("<>&\"'\x00\x1b\r\n\t\x85\u202e\u2066 aZ9"), st.characters(codec="utf-8")
    ),
    max_size=12,
)
_VALUES = st.one_of(
    _TEXT,
    _TEXT.map(Markup),
    _TEXT.map(Markup.escape),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.none(),
    st.booleans(),
)


@given(_VALUES)
def test_any_value_prints_as_jinja_prints_it(value: object) -> None:
    ours = _ours().from_string(TEMPLATE).render(v=value)
    assert ours == _jinja().from_string(TEMPLATE).render(v=value)


@pytest.mark.parametrize("value", ["", "Rp 1.000", Decimal("2.50"), 3, Markup("<b>x</b>")])
def test_examples_print_as_jinja_prints_them(value: object) -> None:
    assert _ours().from_string(TEMPLATE).render(v=value) == _jinja().from_string(TEMPLATE).render(
        v=value
    )


def test_an_undefined_value_fails_as_before() -> None:
    with pytest.raises(jinja2.UndefinedError) as ours:
        _ours().from_string("{{ missing }}").render()
    with pytest.raises(jinja2.UndefinedError) as theirs:
        _jinja().from_string("{{ missing }}").render()
    assert str(ours.value) == str(theirs.value)


def test_the_whole_document_is_the_one_jinja_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    # No bytecode cache: Jinja's code must not be read from entries of the other kind.
    monkeypatch.setenv(CACHE_ENV, "")
    plan = load_plan(ROOT / "plans" / "2024").plan
    assert plan is not None
    provenance = Provenance(commit=None, dirty=False)
    ours = render_module.render(plan, output_format="html", bidang=None, provenance=provenance)
    render_module._environment.cache_clear()
    monkeypatch.setattr(render_module, "_environment_class", lambda: jinja2.Environment)
    try:
        theirs = render_module.render(
            plan, output_format="html", bidang=None, provenance=provenance
        )
    finally:
        render_module._environment.cache_clear()
    assert ours == theirs


def test_compiled_code_is_cached_under_a_name_of_its_kind(tmp_path: Path) -> None:
    env = render_module._environment_class()(
        loader=jinja2.DictLoader({"t.html": "{{ v }}"}),
        bytecode_cache=bytecode_cache(tmp_path),
        **_options("html"),
    )
    env.get_template("t.html")
    names = [entry.name for entry in tmp_path.iterdir()]
    assert names
    assert all(name.endswith(f".{CODE}.jinja-cache") for name in names)
