"""A user template that does not parse is reported in Indonesian, with where it failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, TemplateSyntaxError

from renaksi.cli import main
from renaksi.report.template_words import syntax_reason

PLAN = Path(__file__).parent / "rules" / "base" / "2024"

CASES = [
    (
        "{% for x in y %}",
        "template berakhir sebelum bloknya ditutup; yang diharapkan: endfor atau else "
        "(blok for belum ditutup)",
    ),
    ("{{ x }", "'}' tak terduga"),
    ("{% endfor %}", "tag 'endfor' tidak dikenal di sini"),
    ("{{ x | }}", "seharusnya nama, tertulis akhir ekspresi }}"),
    ("{{ 'a }}", 'karakter "\'" tak terduga'),
    ("{% set %}", "ekspresi kosong sebelum akhir blok %}"),
    ("{{ (1 }}", "'}' tak terduga; seharusnya ')'"),
    ("{{ f(a=1, 2) }}", "pemanggilan fungsi salah tulis"),
    ("{% macro m(a=1, b) %}{% endmacro %}", "argumen tanpa nilai bawaan"),
]


def _message(source: str) -> str:
    with pytest.raises(TemplateSyntaxError) as caught:
        Environment().parse(source)
    return caught.value.message or ""


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_common_syntax_errors_are_indonesian(source: str, expected: str) -> None:
    reason = syntax_reason(_message(source))
    assert expected in reason
    assert "Jinja was looking" not in reason
    assert "unexpected" not in reason.lower()


def test_unknown_shape_keeps_jinja_words_quoted() -> None:
    assert syntax_reason("something new") == 'kesalahan sintaks; pesan Jinja: "something new"'
    assert syntax_reason(None) == "kesalahan sintaks"


def test_report_with_broken_user_template_says_where_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "dokumen.md.j2").write_text("baris satu\n{% for x in y %}\n", encoding="utf-8")
    code = main(
        ["report", str(PLAN), "--templates", str(templates), "-o", str(tmp_path / "out.md")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "dokumen.md.j2:" in err
    assert "template berakhir sebelum bloknya ditutup" in err
    assert "Jinja was looking" not in err
