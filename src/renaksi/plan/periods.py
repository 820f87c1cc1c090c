"""Which period a realisasi file reports, from its name.

``realisasi/tw1.yaml`` ... ``tw4.yaml`` report one quarter each (as written per
``cara_gabung``). Agencies that do not report per quarter keep one of these instead, each
holding the values from 1 January up to the end of its period ("s.d."):

- ``s1.yaml``: semester I (January to June);
- ``tahunan.yaml``: the whole year;
- ``sd-2024-10-31.yaml``: the year up to a date ("s.d. 31 Oktober 2024").

There is no ``s2.yaml``: semester II "s.d." is the whole year, and a file named after the
second half alone would invite writing July to December only.

The name decides the period; the file says it again (``triwulan``, ``semester`` or
``sampai``), so a file copied under another name is caught (RL01).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from renaksi.text.formats import MONTHS, ROMAN

Kind = Literal["triwulan", "semester", "tahunan", "sampai"]

_NAME = re.compile(r"^(?:tw([1-4])|s(1)|(tahunan)|sd-([0-9]{4})-([0-9]{2})-([0-9]{2}))$")
#: Reports that end on the same day are listed quarter first.
_ORDER = {"triwulan": 0, "semester": 1, "sampai": 2, "tahunan": 3}


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period of one year: a quarter, semester I, the year, or the year to a
    date (``until``)."""

    kind: Kind
    number: int = 0  # the quarter (1-4) or the semester (1)
    until: dt.date | None = None

    @classmethod
    def quarter(cls, q: int) -> Period:
        """Quarter ``q`` (1-4)."""
        return cls("triwulan", q)

    @classmethod
    def parse(cls, stem: str) -> Period | None:
        """The period a file stem (``tw2``, ``s1``, ``tahunan``, ``sd-2024-10-31``) names,
        or None (also for a date that is not in the calendar)."""
        match = _NAME.match(stem)
        if match is None:
            return None
        tw, semester, tahunan, year, month, day = match.groups()
        if tw:
            return cls.quarter(int(tw))
        if semester:
            return cls("semester", int(semester))
        if tahunan:
            return cls("tahunan")
        try:
            return cls("sampai", until=dt.date(int(year), int(month), int(day)))
        except ValueError:
            return None

    @classmethod
    def of_file(cls, name: str) -> Period | None:
        """The period of a realisasi file name (``tw2.yaml``), or None."""
        return cls.parse(name[: -len(".yaml")]) if name.endswith(".yaml") else None

    @property
    def stem(self) -> str:
        """The file name without ``.yaml``: ``tw2``, ``s1``, ``tahunan``, ``sd-2024-10-31``."""
        if self.kind == "triwulan":
            return f"tw{self.number}"
        if self.kind == "semester":
            return f"s{self.number}"
        if self.until is not None:
            return f"sd-{self.until.isoformat()}"
        return "tahunan"

    @property
    def file_name(self) -> str:
        """``tw2.yaml`` and so on."""
        return f"{self.stem}.yaml"

    @property
    def last_month(self) -> int:
        """The month the period ends in."""
        if self.kind == "triwulan":
            return 3 * self.number
        if self.kind == "semester":
            return 6 * self.number
        return self.until.month if self.until is not None else 12

    @property
    def months(self) -> range:
        """The months the file reports: its quarter's, or January up to its last month."""
        first = 3 * self.number - 2 if self.kind == "triwulan" else 1
        return range(first, self.last_month + 1)

    @property
    def in_force(self) -> int:
        """The quarter whose targets (up to it) are in force at the period's end: for a
        date, the quarter that contains it."""
        return (self.last_month - 1) // 3 + 1

    @property
    def to_date(self) -> bool:
        """Whether the file holds values from January to the period's end (all but a
        quarter's file, whose values are written as its targets are)."""
        return self.kind != "triwulan"

    @property
    def year_end(self) -> bool:
        """Whether the period ends on 31 December."""
        if self.until is not None:
            return (self.until.month, self.until.day) == (12, 31)
        return self.last_month == 12

    @property
    def label(self) -> str:
        """As a heading says it: ``Triwulan II``, ``Semester I``, ``Tahunan``,
        ``s.d. 31 Oktober 2024``."""
        if self.kind == "triwulan":
            return f"Triwulan {ROMAN[self.number - 1]}"
        if self.kind == "semester":
            return f"Semester {ROMAN[self.number - 1]}"
        if self.until is not None:
            until = self.until
            return f"s.d. {until.day} {MONTHS[until.month - 1]} {until.year}"
        return "Tahunan"

    @property
    def upto(self) -> str:
        """The span of values to date: ``s.d. Triwulan II``, ``s.d. Semester I``,
        ``s.d. akhir tahun``, ``s.d. 31 Oktober 2024``."""
        if self.kind == "sampai":
            return self.label
        if self.kind == "tahunan":
            return "s.d. akhir tahun"
        return f"s.d. {self.label}"

    def sort_key(self) -> tuple[int, int, int]:
        """Reports in the order they end (quarter first on the same day)."""
        day = self.until.day if self.until is not None else 31
        return (self.last_month, day, _ORDER[self.kind])
