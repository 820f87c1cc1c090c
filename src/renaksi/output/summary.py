"""The one-line summary every format ends with."""

from __future__ import annotations

from renaksi.rules.check import CheckResult


def summary(result: CheckResult, strict: bool) -> str:
    """E.g. ``6 berkas diperiksa: 0 galat, 2 peringatan. Rencana sah.``"""
    verdict = "Rencana TIDAK sah." if result.failed(strict=strict) else "Rencana sah."
    if strict and result.warnings and not result.errors:
        verdict = "Rencana TIDAK sah (--strict: peringatan dihitung sebagai galat)."
    return (
        f"{result.files} berkas diperiksa: {result.errors} galat, "
        f"{result.warnings} peringatan. {verdict}"
    )
