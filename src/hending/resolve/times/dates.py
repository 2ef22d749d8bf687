"""Calendar arithmetic and TIMEX3-style value formatting (no Norwegian knowledge here)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

# Season codes -> (first month, number of months). Winter YYYY-WI is Dec (YYYY-1) .. Feb YYYY.
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}


@dataclass(frozen=True)
class Interval:
    """A resolved expression: TIMEX3-style value, inclusive calendar range and granularity."""

    value: str
    start: date
    end: date
    granularity: str

    @property
    def is_day(self) -> bool:
        """True when the range is one known calendar day."""
        return self.start == self.end


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date:
    """A date with the day clamped to the month's length ("31 June" -> 30 June)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def shift_unit(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` days, weeks, months or years (day clamped to the month's length)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return shift_month_keep_day(d, n)
    return safe_date(d.year + n, d.month, d.day)


def unit_bounds(start: date, end: date, unit: str) -> tuple[date, date]:
    """``start``..``end`` widened to whole units (weeks Monday..Sunday, months, years)."""
    if unit == "week":
        return week_monday(start), week_monday(end) + timedelta(days=6)
    if unit == "month":
        return start.replace(day=1), month_end(end.year, end.month)
    if unit == "year":
        return date(start.year, 1, 1), date(end.year, 12, 31)
    return start, end


def month_range(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), month_end(year, month)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Shift a (year, month) pair by ``n`` months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift_month_keep_day(d: date, n: int) -> date:
    """Shift a date by ``n`` months, clamping the day to the target month's length."""
    y, m = add_months(d.year, d.month, n)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def week_monday(d: date) -> date:
    """Monday of the ISO week containing ``d``."""
    return d - timedelta(days=d.weekday())


def week_value(d: date) -> str:
    """ISO week of ``d`` as ``YYYY-Www``."""
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_interval(d: date) -> Interval:
    """The ISO week containing ``d``."""
    mon = week_monday(d)
    return Interval(week_value(d), mon, mon + timedelta(days=6), "week")


def weekend_interval(saturday: date) -> Interval:
    """The weekend starting on ``saturday`` (value ``YYYY-Www-WE``)."""
    return Interval(f"{week_value(saturday)}-WE", saturday, saturday + timedelta(days=1), "week")


def day_interval(d: date, pod: str | None = None) -> Interval:
    """One day, optionally with a TIMEX3 part-of-day suffix (TMO/TAF/TEV/TNI)."""
    if pod:
        return Interval(f"{d.isoformat()}{pod}", d, d, "part-of-day")
    return Interval(d.isoformat(), d, d, "day")


def month_interval(year: int, month: int) -> Interval:
    """A calendar month."""
    start, end = month_range(year, month)
    return Interval(f"{year:04d}-{month:02d}", start, end, "month")


def year_interval(year: int) -> Interval:
    """A calendar year."""
    return Interval(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def decade_interval(first_year: int) -> Interval:
    """A decade given its first year (1990 -> value ``199X``, as in the gold)."""
    start, end = date(first_year, 1, 1), date(first_year + 9, 12, 31)
    return Interval(f"{first_year // 10:03d}X", start, end, "decade")


def season_interval(year: int, code: str) -> Interval:
    """A meteorological season; ``YYYY-WI`` runs from December of YYYY-1 to February of YYYY."""
    first, length = SEASON_MONTHS[code]
    sy, sm = (year - 1, 12) if code == "WI" else (year, first)
    ey, em = add_months(sy, sm, length - 1)
    return Interval(f"{year:04d}-{code}", date(sy, sm, 1), month_end(ey, em), "season")


def narrow(iv: Interval, part: str | None) -> Interval:
    """Restrict a range to its first, middle or last third (``START``/``MID``/``END``); value unchanged."""
    if not part:
        return iv
    if iv.granularity in ("day", "part-of-day"):
        return iv
    if iv.granularity in ("month", "week"):
        days = (iv.end - iv.start).days + 1
        third = days // 3
        if part == "START":
            return Interval(iv.value, iv.start, iv.start + timedelta(days=third - 1), iv.granularity)
        if part == "MID":
            return Interval(iv.value, iv.start + timedelta(days=third),
                            iv.start + timedelta(days=2 * third - 1), iv.granularity)
        return Interval(iv.value, iv.start + timedelta(days=2 * third), iv.end, iv.granularity)
    if iv.granularity == "decade":
        y = iv.start.year
        spans = {"START": (y, y + 3), "MID": (y + 3, y + 6), "END": (y + 7, y + 9)}
        a, b = spans[part]
        return Interval(iv.value, date(a, 1, 1), date(b, 12, 31), iv.granularity)
    # year (12 months) or season (3 months): split by months
    months = (iv.end.year - iv.start.year) * 12 + iv.end.month - iv.start.month + 1
    third = max(1, months // 3)
    offset = {"START": 0, "MID": third, "END": months - third}[part]
    sy, sm = add_months(iv.start.year, iv.start.month, offset)
    ey, em = add_months(sy, sm, third - 1)
    return Interval(iv.value, date(sy, sm, 1), month_end(ey, em), iv.granularity)


def clamp(iv: Interval, lo: date | None = None, hi: date | None = None) -> Interval:
    """Cut a range to ``[lo, hi]`` (kept non-empty); the value is unchanged."""
    start = max(iv.start, lo) if lo else iv.start
    end = min(iv.end, hi) if hi else iv.end
    if start > end:
        start, end = (end, end) if lo and lo > iv.end else (start, start)
    return Interval(iv.value, start, end, iv.granularity)


def generic_day_value(start: date, end: date) -> str:
    """The most specific ``YYYY-MM-DD`` pattern (with XX) covering every day in the range."""
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}-XX"
    if start.year == end.year:
        return f"{start.year:04d}-XX-XX"
    return "XXXX-XX-XX"


def generic_week_value(start: date, end: date) -> str:
    """A week value with XX for the unknown week number."""
    if week_value(start) == week_value(end):
        return week_value(start)
    y0, y1 = start.isocalendar().year, end.isocalendar().year
    return f"{y0:04d}-WXX" if y0 == y1 else "XXXX-WXX"


def days_of_month(year: int, month: int) -> list[date]:
    """Every date of a month."""
    return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
