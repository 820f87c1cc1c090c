"""Who reports what is found while reading a plan file: the identity (code, name, severity)
of each file, YAML and schema rule.

The loader reports these before any rule runs; their documentation is declared in
:mod:`renaksi.rules.berkas`, :mod:`renaksi.rules.yaml` and :mod:`renaksi.rules.skema` from
the same identities, so a loader finding and its documented rule cannot disagree.
"""

from __future__ import annotations

from renaksi.plan.findings import RuleId, Severity

E, W = Severity.ERROR, Severity.WARNING

MISSING_FILE = RuleId("FL01", "berkas.tidak-ada", E)
IGNORED_FILE = RuleId("FL02", "berkas.diabaikan", W)

SYNTAX = RuleId("YM01", "yaml.sintaks", E)
DUPLICATE_KEY = RuleId("YM02", "yaml.kunci-ganda", E)
ENCODING = RuleId("YM03", "yaml.pengodean", E)
REFERENCE_FEATURE = RuleId("YM04", "yaml.anchor-alias", E)
TAG = RuleId("YM05", "yaml.tag", E)
TOO_LARGE = RuleId("YM06", "yaml.terlalu-besar", E)
EMPTY = RuleId("YM07", "yaml.kosong", E)

UNKNOWN_KEY = RuleId("SC01", "skema.kunci-tak-dikenal", E)
MISSING_KEY = RuleId("SC02", "skema.kunci-wajib", E)
WRONG_TYPE = RuleId("SC03", "skema.jenis-nilai", E)
MONEY = RuleId("SC04", "skema.rupiah", E)
DATE = RuleId("SC05", "skema.tanggal", E)
BAD_VALUE = RuleId("SC06", "skema.nilai", E)
LIST_LENGTH = RuleId("SC07", "skema.jumlah-butir", E)
NUMBER = RuleId("SC08", "skema.angka", E)
