"""Civil-servant facts: the NIP's structure and the pangkat/golongan table.

NIP (Peraturan Kepala BKN 22/2007) is 18 digits: birth date ``YYYYMMDD``, TMT CPNS
``YYYYMM``, gender (1 pria, 2 wanita) and a 3-digit sequence; printed grouped
``19670319 199702 1 003``. Pangkat and golongan come in fixed pairs (Pembina = IV/a).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_OF = {name.lower(): gol for gol, name in PANGKAT.items()}


def golongan_of(pangkat: str) -> str | None:
    """The golongan of a pangkat name, accepting "Tk. I" and "Tingkat 1" for "Tingkat I"."""
    words = " ".join(pangkat.replace(".", ". ").split()).lower()
    words = re.sub(r"\btk\.?(?=\s)", "tingkat", words)
    words = re.sub(r"\btingkat 1\b", "tingkat i", words)
    return GOLONGAN_OF.get(words.replace(" .", "").strip())


_GROUPED = re.compile(r"^([0-9]{8})\s+([0-9]{6})\s+([0-9])\s+([0-9]{3})$")
_PLAIN = re.compile(r"^[0-9]{18}$")
_GOLONGAN = re.compile(r"^(IV|III|II|I)\s*/\s*([a-e])$", re.IGNORECASE)
_COMBINED = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")


@dataclass(frozen=True, slots=True)
class NipParts:
    """The four fields of a NIP, as digit strings."""

    birth: str
    tmt: str
    gender: str
    sequence: str

    @property
    def grouped(self) -> str:
        """The NIP printed the official way: ``19690325 199103 2 004``."""
        return f"{self.birth} {self.tmt} {self.gender} {self.sequence}"


def split_nip(text: str) -> NipParts | None:
    """Split an 18-digit NIP written grouped or plain; None when it is neither."""
    # Word and PDF copies bring non-breaking and doubled spaces; they are still spaces.
    value = " ".join(text.replace("\u00a0", " ").split())
    grouped = _GROUPED.match(value)
    if grouped:
        return NipParts(*grouped.groups())
    if _PLAIN.match(value):
        return NipParts(value[:8], value[8:14], value[14], value[15:])
    return None


def format_nip(text: str) -> str:
    """The grouped form of a NIP, or the text unchanged when it is not a NIP."""
    parts = split_nip(text)
    return parts.grouped if parts else text


def birth_date(parts: NipParts) -> dt.date | None:
    """The birth date in a NIP, or None when it is not a real date."""
    try:
        return dt.date(int(parts.birth[:4]), int(parts.birth[4:6]), int(parts.birth[6:]))
    except ValueError:
        return None


def normal_golongan(text: str) -> str | None:
    """``iv/A`` -> ``IV/a``; None when it is not a golongan."""
    match = _GOLONGAN.match(text.strip())
    if not match:
        return None
    return f"{match.group(1).upper()}/{match.group(2).lower()}"


def split_pangkat(pangkat: str | None) -> tuple[str | None, str | None]:
    """Split ``Pembina (IV/a)`` into (pangkat, golongan); a bare name has no golongan."""
    if pangkat is None:
        return None, None
    combined = _COMBINED.match(pangkat)
    if combined:
        return combined.group(1).strip(), combined.group(2).strip()
    return pangkat.strip(), None
