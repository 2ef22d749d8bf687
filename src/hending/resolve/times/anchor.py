"""The anchor that relative expressions resolve against: a publication date or only a header month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hending.resolve.times.dates import days_of_month, month_range

SOURCES = ("published", "header-month")
_ISO = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?")


@dataclass(frozen=True)
class Anchor:
    """What relative expressions resolve against."""

    year: int
    month: int
    day: int | None  # None = only the header month is known
    source: str  # "published" (full date known) or "header-month"

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"anchor source must be one of {SOURCES}, not {self.source!r}")
        if (self.day is None) != (self.source == "header-month"):
            raise ValueError("a 'published' anchor needs a day; a 'header-month' anchor has none")
        date(self.year, self.month, self.day or 1)  # raises on an invalid date

    @classmethod
    def parse(cls, value: str) -> Anchor:
        """``"2017-03-02"`` -> published anchor, ``"2017-03"`` -> header-month anchor."""
        m = _ISO.match(value.strip())
        if not m:
            raise ValueError(f"not an ISO date or month: {value!r}")
        day = int(m.group(3)) if m.group(3) else None
        return cls(int(m.group(1)), int(m.group(2)), day, "published" if day else "header-month")

    @classmethod
    def published(cls, d: date) -> Anchor:
        """A full publication date."""
        return cls(d.year, d.month, d.day, "published")

    @classmethod
    def header_month(cls, year: int, month: int) -> Anchor:
        """Only the month from the ``date YYYY-MM`` header."""
        return cls(year, month, None, "header-month")

    @property
    def as_date(self) -> date | None:
        """The publication date, or None when only the month is known."""
        return date(self.year, self.month, self.day) if self.day else None

    @property
    def ym(self) -> tuple[int, int]:
        """(year, month) of the anchor."""
        return self.year, self.month

    def candidate_days(self) -> list[date]:
        """Every date the anchor may stand for: one day, or each day of the header month."""
        return [self.as_date] if self.day else days_of_month(self.year, self.month)

    def month_bounds(self) -> tuple[date, date]:
        """First and last day of the anchor month."""
        return month_range(self.year, self.month)
