"""The rule registry: every rule renaksi reports, in the order ``renaksi rules`` lists them.

Families, one module each: ``files`` (FL, YM) and ``schema`` (SC) are reported while
loading; ``budget`` (BG), ``targets`` (TG), ``references`` (RF), ``schedule`` (JD),
``codes`` (KD), ``people`` (PG), ``year`` (TH) and ``realisasi`` (RL) check the loaded
plan.
"""

from __future__ import annotations

from renaksi.rules import (
    budget,
    codes,
    files,
    people,
    realisasi,
    references,
    schedule,
    schema,
    targets,
    year,
)
from renaksi.rules.base import Rule

LOAD_RULES: tuple[Rule, ...] = (*files.RULES, *schema.RULES)
CHECK_RULES: tuple[Rule, ...] = (
    *budget.RULES,
    *targets.RULES,
    *references.RULES,
    *schedule.RULES,
    *codes.RULES,
    *people.RULES,
    *year.RULES,
    *realisasi.RULES,
)
ALL_RULES: tuple[Rule, ...] = (*LOAD_RULES, *CHECK_RULES)
BY_CODE: dict[str, Rule] = {r.code: r for r in ALL_RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in ALL_RULES}


def find(code_or_name: str) -> Rule | None:
    """Look a rule up by code (``BG01``, case-insensitive) or name (``anggaran.total``)."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
