"""Publication dates: the ``date`` header, ISO strings and dates in URL paths."""

from __future__ import annotations

import re
from datetime import date

from hending.read.document import Published

HEADER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|\Z)")
URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/)")
ISO = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\Z")


class DateError(ValueError):
    """A date that is present but not valid."""


def _published(year: str, month: str, day: str | None, origin: str) -> Published:
    try:
        if day is None:
            date(int(year), int(month), 1)
            return Published(f"{int(year):04d}-{int(month):02d}", "month", origin)
        d = date(int(year), int(month), int(day))
    except ValueError as exc:
        raise DateError(f"invalid date {year}-{month}-{day or '??'}: {exc}") from None
    return Published(d.isoformat(), "day", origin)


def parse_header(text: str) -> tuple[Published, int] | None:
    """Parse a leading ``date YYYY-MM[-DD]`` header; return it and where the body starts."""
    m = HEADER.match(text)
    if not m:
        return None
    published = _published(m.group(1), m.group(2), m.group(3), "header")
    end = m.end()
    while end < len(text) and text[end].isspace():
        end += 1
    return published, end


def parse_iso(value: str) -> Published:
    """Parse a ``published`` field: ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO timestamp."""
    m = ISO.match(value.strip())
    if not m:
        raise DateError(f"'published' is not an ISO date: {value!r}")
    return _published(m.group(1), m.group(2), m.group(3), "published")


def date_from_url(url: str) -> Published | None:
    """A ``/YYYY/MM/DD/`` date in a URL path, if there is a valid one."""
    m = URL_DATE.search(url)
    if not m:
        return None
    try:
        return _published(m.group(1), m.group(2), m.group(3), "url")
    except DateError:
        return None
