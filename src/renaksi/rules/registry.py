"""The rule registry: every rule renaksi reports, in the order ``renaksi rules`` lists them.

One module per family, named for the family's rule-name prefix: ``berkas`` (FL), ``yaml``
(YM) and ``skema`` (SC) are reported while loading (SC02, SC08 and SC09 also check the loaded
plan); ``anggaran`` (BG), ``target`` (TG),
``rujukan`` (RF), ``jadwal`` (JD), ``kode`` (KD), ``pegawai`` (PG), ``tahun`` (TH) and
``realisasi`` (RL) check the loaded plan; ``tercantum`` (TC) lists the facts written as
not stated; ``perubahan`` (PR) checks the revision within the year; ``renstra`` (RS) the
Renstra years and the IKU from one year to the next.
"""

from __future__ import annotations

from renaksi.rules import (
    anggaran,
    berkas,
    jadwal,
    kode,
    pegawai,
    perubahan,
    realisasi,
    renstra,
    rujukan,
    skema,
    tahun,
    target,
    tercantum,
    yaml,
)
from renaksi.rules.base import Rule

LOAD_RULES: tuple[Rule, ...] = (*berkas.RULES, *yaml.RULES, *skema.RULES)
_FAMILIES: tuple[Rule, ...] = (
    *anggaran.RULES,
    *target.RULES,
    *rujukan.RULES,
    *jadwal.RULES,
    *kode.RULES,
    *pegawai.RULES,
    *tahun.RULES,
    *realisasi.RULES,
    *tercantum.RULES,
    *perubahan.RULES,
    *renstra.RULES,
)
#: What runs on a loaded plan: every family's checks, and the checks of reading rules
#: that look at the loaded plan for what the loader cannot see (SC02, SC08, SC09).
CHECK_RULES: tuple[Rule, ...] = (*(r for r in LOAD_RULES if r.check is not None), *_FAMILIES)
ALL_RULES: tuple[Rule, ...] = (*LOAD_RULES, *_FAMILIES)
BY_CODE: dict[str, Rule] = {r.code: r for r in ALL_RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in ALL_RULES}
#: Names a rule was published under before its family's prefix was made one.
BY_ALIAS: dict[str, Rule] = {alias: r for r in ALL_RULES for alias in r.aliases}


def find(code_or_name: str) -> Rule | None:
    """Look a rule up by code (``BG01``, case-insensitive), name (``anggaran.total``) or
    a former name (``nip.format``)."""
    name = code_or_name.lower()
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(name) or BY_ALIAS.get(name)
