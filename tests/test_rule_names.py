"""Rule codes and names agree: one code prefix and one name prefix per family, and the
family's module is named for its name prefix. Former names still work."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from typer.testing import CliRunner

import renaksi.rules
from renaksi.cli import app
from renaksi.rules.base import Rule
from renaksi.rules.registry import ALL_RULES, find

#: Modules of the rules package that hold no rule family.
NOT_FAMILIES = {"base", "check", "docs", "registry", "walk"}


def _families() -> dict[str, tuple[Rule, ...]]:
    out = {}
    for info in pkgutil.iter_modules(renaksi.rules.__path__):
        if info.name not in NOT_FAMILIES:
            module = importlib.import_module(f"renaksi.rules.{info.name}")
            out[info.name] = module.RULES
    return out


def test_every_registered_rule_is_in_a_family_module() -> None:
    families = _families()
    assert sorted(r.code for rules in families.values() for r in rules) == sorted(
        r.code for r in ALL_RULES
    )


@pytest.mark.parametrize("family", sorted(_families()))
def test_a_family_has_one_code_prefix_and_its_module_name_as_name_prefix(family: str) -> None:
    rules = _families()[family]
    assert rules, family
    assert len({r.code[:2] for r in rules}) == 1, [r.code for r in rules]
    assert [r.name for r in rules if not r.name.startswith(family + ".")] == []


def test_code_prefixes_are_not_shared_between_families() -> None:
    owners: dict[str, set[str]] = {}
    for family, rules in _families().items():
        for r in rules:
            owners.setdefault(r.code[:2], set()).add(family)
    assert {p: f for p, f in owners.items() if len(f) > 1} == {}


def test_former_names_find_their_rule_and_clash_with_no_name() -> None:
    names = {r.name for r in ALL_RULES}
    aliases = [(a, r) for r in ALL_RULES for a in r.aliases]
    assert {a for a, _ in aliases} == {
        "nip.format",
        "nip.tanggal-lahir",
        "nip.tmt",
        "nip.jenis-kelamin",
        "aksi.nomor",
        "cakupan.tanpa-aksi",
    }
    for alias, rule in aliases:
        assert alias not in names
        assert find(alias) is rule
        assert find(alias.upper()) is rule


def test_rules_explains_a_former_name() -> None:
    result = CliRunner().invoke(app, ["rules", "aksi.nomor"])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == (
        "aksi.nomor adalah nama lama JD04; namanya sekarang jadwal.nomor-aksi "
        "(nama lama tetap diterima)."
    )
    assert "JD04 jadwal.nomor-aksi (galat)" in result.stdout


def test_the_current_name_prints_no_former_name_line() -> None:
    result = CliRunner().invoke(app, ["rules", "jadwal.nomor-aksi"])
    assert result.exit_code == 0
    assert result.stdout.startswith("JD04 jadwal.nomor-aksi (galat)")
