"""Event dates: from the time expression attached to the event, else the sentence's, else the
article's own time frame; with a small fallback detector for when no ``times[]`` are given."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ]
    )
}
WEEKDAYS = {
    "mandag": 0,
    "måndag": 0,
    "tirsdag": 1,
    "tysdag": 1,
    "onsdag": 2,
    "torsdag": 3,
    "fredag": 4,
    "lørdag": 5,
    "laurdag": 5,
    "søndag": 6,
    "sundag": 6,
}
PARTS = {
    "morgen": "TMO",
    "morgon": "TMO",
    "formiddag": "TMO",
    "ettermiddag": "TAF",
    "ettermiddagen": "TAF",
    "kveld": "TEV",
    "kvelden": "TEV",
    "natt": "TNI",
    "natta": "TNI",
    "natten": "TNI",
}
_MONTH = "|".join(MONTHS)
_WD = "|".join(WEEKDAYS)
PATTERNS = [
    ("month", re.compile(rf"\b(?:i\s+)?({_MONTH})(?:\s+(\d{{4}})|\s+(i\s+fjor))?\b", re.I)),
    ("year", re.compile(r"\b(?:i\s+)?((?:19|20)\d{2})\b")),
    ("lastyear", re.compile(r"\bi\s+fjor\b", re.I)),
    ("weekday", re.compile(rf"\b({_WD})(?:\s+(morgen|morgon|formiddag|ettermiddag|kveld|natt))?\b", re.I)),
    (
        "week",
        re.compile(
            r"\b(?:(tidligere|tidlegare|seinare|senere)\s+)?(denne|dette|forrige|førre|sist)\s+"
            r"(uke|uken|uka|veka|veke|veka)\b",
            re.I,
        ),
    ),
    ("yesterday", re.compile(r"\bi\s+går\b", re.I)),
    ("today", re.compile(r"\bi\s+dag\b", re.I)),
]


def parse_published(published: dict) -> tuple[date, str]:
    """The publication date (first of the month when only the month is known) and precision."""
    value = str(published.get("value", ""))
    prec = published.get("precision") or ("day" if len(value) == 10 else "month")
    y, m = int(value[:4]), int(value[5:7])
    d = int(value[8:10]) if prec == "day" and len(value) >= 10 else 1
    return date(y, m, d), prec


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def shift_month(d: date, months: int) -> date:
    y, m = d.year, d.month - months
    while m < 1:
        m += 12
        y -= 1
    return date(y, m, 1)


def frame(published: dict) -> tuple[date, date]:
    """The article's own time frame: the publication day, or its month."""
    pub, prec = parse_published(published)
    if prec == "day":
        return pub, pub
    return pub, month_end(pub.year, pub.month)


def value_range(value: str) -> tuple[date, date] | None:
    """The interval of a TIMEX3-style value (2015, 2015-05, 2017-03-02TEV, 2017-W09, 2017-03-WXX)."""
    v = value or ""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    m = re.match(r"^(\d{4})-W(\d{2})", v)
    if m:
        d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return d, d + timedelta(days=6)
    m = re.match(r"^(\d{4})-(\d{2})-WXX(-\d)?", v)
    if m:
        y, mo = int(m[1]), int(m[2])
        if m[3]:
            return date(y, mo, 1), month_end(y, mo)
        first = date(y, mo, 1)
        return first - timedelta(days=first.weekday()), month_end(y, mo)
    m = re.match(r"^(\d{4})-(\d{2})$", v)
    if m:
        return date(int(m[1]), int(m[2]), 1), month_end(int(m[1]), int(m[2]))
    m = re.match(r"^(\d{4})$", v)
    if m:
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    return None


def time_range(t: dict) -> tuple[date, date] | None:
    """A times[] entry's interval: its ``range`` when given, else from its value."""
    r = t.get("range") or {}
    try:
        if r.get("start") and r.get("end"):
            return date.fromisoformat(str(r["start"])[:10]), date.fromisoformat(str(r["end"])[:10])
    except ValueError:
        pass
    return value_range(str(t.get("value") or ""))


def precision(start: date, end: date) -> str:
    if start == end:
        return "day"
    if start.day == 1 and end == month_end(start.year, start.month):
        return "month"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return "year"
    if (end - start).days == 6 and start.weekday() == 0:
        return "week"
    return "range"


def detect(text: str, published: dict) -> list[dict]:
    """A minimal time-expression finder (used only when no times[] are given)."""
    pub, prec = parse_published(published)
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            res = _value(kind, m, pub, prec)
            if res is None:
                continue
            value, (a, b), gran = res
            taken.append((m.start(), m.end()))
            out.append(
                {
                    "text": m.group(0),
                    "start": m.start(),
                    "end": m.end(),
                    "value": value,
                    "range": {"start": a.isoformat(), "end": b.isoformat()},
                    "granularity": gran,
                    "source": "hending.extract.dates",
                }
            )
    return sorted(out, key=lambda t: t["start"])


def _value(kind: str, m: re.Match, pub: date, prec: str) -> tuple[str, tuple[date, date], str] | None:
    if kind == "month":
        mo = MONTHS[m.group(1).lower()]
        if m.group(2):
            y = int(m.group(2))
        elif m.group(3):
            y = pub.year - 1
        else:
            if not m.group(0).lower().startswith("i "):
                return None  # "mars" alone is too ambiguous (a name, a march)
            y = pub.year if mo <= pub.month else pub.year - 1
        return f"{y:04d}-{mo:02d}", (date(y, mo, 1), month_end(y, mo)), "month"
    if kind == "year":
        y = int(m.group(1))
        return f"{y:04d}", (date(y, 1, 1), date(y, 12, 31)), "year"
    if kind == "lastyear":
        y = pub.year - 1
        return f"{y:04d}", (date(y, 1, 1), date(y, 12, 31)), "year"
    if kind == "weekday":
        wd = WEEKDAYS[m.group(1).lower()]
        part = PARTS.get((m.group(2) or "").lower(), "")
        if prec == "day":
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
            return d.isoformat() + part, (d, d), "day"
        return (
            f"{pub.year:04d}-{pub.month:02d}-WXX-{wd + 1}{part}",
            (pub, month_end(pub.year, pub.month)),
            "day",
        )
    if kind == "week":
        which = m.group(2).lower()
        back = 1 if which in ("forrige", "førre", "sist") else 0
        if prec == "day":
            mon = pub - timedelta(days=pub.weekday() + 7 * back)
            y, w, _ = mon.isocalendar()
            return f"{y:04d}-W{w:02d}", (mon, mon + timedelta(days=6)), "week"
        first = pub - timedelta(days=pub.weekday() + 7 * back)
        return f"{pub.year:04d}-{pub.month:02d}-WXX", (first, month_end(pub.year, pub.month)), "week"
    if kind in ("yesterday", "today"):
        if prec != "day":
            return None
        d = pub - timedelta(days=1 if kind == "yesterday" else 0)
        return d.isoformat(), (d, d), "day"
    return None


def duration_range(words: list[str], durations: list[dict], published: dict) -> tuple[date, date] | None:
    """Ongoing background ("i flere uker"): from the start of an earlier month to the frame's end."""
    low = [w.lower() for w in words]
    for d in durations:
        pat = [w.lower() for w in d["words"]]
        for i in range(len(low) - len(pat) + 1):
            if low[i : i + len(pat)] == pat:
                pub, _ = parse_published(published)
                return shift_month(pub, int(d["months"])), frame(published)[1]
    return None


def is_historical(end: date, published: dict) -> bool:
    """Before the article's news period: before its month (month precision) or four weeks."""
    pub, prec = parse_published(published)
    if prec == "day":
        return end < pub - timedelta(days=27)
    return end < date(pub.year, pub.month, 1)


def event_date(
    trig_start: int,
    trig_end: int,
    seg: tuple[int, int],
    sent: tuple[int, int],
    times: list[dict],
    published: dict,
    duration: tuple[date, date] | None,
) -> dict:
    """The date of an event: its attached expression (after it in its segment, then before),
    else the sentence's nearest, else a background duration, else the article frame."""
    in_sent = [t for t in times if sent[0] <= t["start"] and t["end"] <= sent[1] and time_range(t)]
    after = [t for t in in_sent if t["start"] >= trig_end and t["end"] <= seg[1]]
    before = [t for t in in_sent if t["end"] <= trig_start and t["start"] >= seg[0]]
    chosen = None
    if after:
        chosen = min(after, key=lambda t: t["start"] - trig_end)
    elif before:
        chosen = min(before, key=lambda t: trig_start - t["end"])
    elif in_sent:
        chosen = min(in_sent, key=lambda t: min(abs(t["start"] - trig_end), abs(trig_start - t["end"])))
    if chosen is not None:
        a, b = time_range(chosen)  # type: ignore[misc]
        tinfo = {k: chosen.get(k) for k in ("text", "start", "end", "value")}
    elif duration is not None:
        (a, b), tinfo = duration, None
    else:
        (a, b), tinfo = frame(published), None
    return {"start": a.isoformat(), "end": b.isoformat(), "precision": precision(a, b), "time": tinfo}
