"""Rules: turn one pattern match into a Plan (span + how to resolve it), or reject it.

Each handler named in patterns.yaml reads the match's named groups, checks the context where the
surface form is ambiguous, and returns a Plan whose ``fn`` computes the Interval. Plan kinds:

- ``fixed``: ``fn()`` — fully specified ("19. januar 2017", "i 2015").
- ``anchored``: ``fn(anchor, tense)`` — needs the anchor's year/month only (or copes with day None).
- ``daily``: ``fn(day, tense)`` — needs the anchor day; with only a header month the normaliser
  runs it for every day of the month and keeps the union ("i går", "denne uken").
- ``weekday``: like ``daily``; with only a header month the value is ``YYYY-MM-WXX-D`` and the
  range the whole header month (the gold convention).
- ``text``: ``fn(previous_interval)`` — anchored on the previous resolved time in the text
  (``need``: "" any previous time, "day" the previous day — else the anchor day, "event" the
  previous day read off an explicit date — else the expression is dropped).

Vague expressions get the TIMEX3 values PAST_REF / PRESENT_REF / FUTURE_REF with a rough range.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from hending.resolve.times import dates as D
from hending.resolve.times.anchor import Anchor
from hending.resolve.times.dates import Interval
from hending.resolve.times.lexicon import Lexicon, norm

_NEXT_WORD = re.compile(r"\s*(\S)(\w*)")
_PREV_WORD = re.compile(r"(\w+)\W*\Z")
_TWO_WORDS = re.compile(r"\s+(\w+)\s+(\w+)")
_DAY_VALUE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})")
_WEEKDAY_FORM = re.compile(r"\A(\d{4}-\d{2})-WXX-(\d)(T[A-Z]{2}|T\d\d:\d\d)?\Z")


@dataclass
class Plan:
    """A chosen span and how to resolve it."""

    start: int
    end: int
    kind: str  # fixed | anchored | daily | weekday | text
    fn: Callable[..., Interval]
    priority: int = 0
    tense: bool = False  # whether a tense guess is needed
    form: str = "day"  # month-only value form: day | week | weekend | weekday
    pod: str = ""  # part-of-day suffix for month-only values
    weekday: int = 0  # ISO weekday for the weekday form
    need: str = ""  # text plans: which previous time they hang on ("", "day", "event")


Handler = Callable[[re.Match[str], Lexicon, str], "Plan | None"]
HANDLERS: dict[str, Handler] = {}


def handler(fn: Handler) -> Handler:
    """Register a rule under its function name (the `handler` key in patterns.yaml)."""
    HANDLERS[fn.__name__] = fn
    return fn


# ---------------------------------------------------------------- helpers


def _span(m: re.Match[str], content: str) -> tuple[int, int]:
    """Match span, leaving out an introducing preposition/conjunction (groups trig, conj, dash)."""
    for g in ("trig", "conj", "dash"):
        if g in m.re.groupindex and m.group(g) is not None:
            return m.start(content), m.end()
    return m.start(), m.end()


def _number(s: str, lex: Lexicon) -> int:
    return int(s) if s.isdigit() else int(lex.lookup("number", s))


def _followed_ok(text: str, pos: int, lex: Lexicon) -> bool:
    """True unless the next word could start a noun phrase (then the match is probably not a time)."""
    m = _NEXT_WORD.match(text, pos)
    if not m:
        return True
    first, rest = m.group(1), m.group(2)
    if not first.isalpha() or first.isupper():
        return True
    return (first + rest).lower() in lex.followers


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


@lru_cache(maxsize=1)
def _month_or_year(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation})\b|\b(?:1[0-9]|20)\d\d\b", re.IGNORECASE)


def _coordinated(m: re.Match[str], lex: Lexicon, text: str) -> bool:
    """For "og/eller X": a month or year must stand just before the conjunction."""
    s = m.start()
    return bool(_month_or_year(lex.alternations["month"]).search(text, max(0, s - 30), s))


def _anchor_bounds(anchor: Anchor) -> tuple[date, date]:
    """The anchor day, or the header month when only the month is known."""
    d = anchor.as_date
    return (d, d) if d else anchor.month_bounds()


def _within(iv: Interval, pre: str | None, lo: date, hi: date) -> Interval:
    """Apply "tidligere"/"senere": keep the part before/after the anchor."""
    if pre == "before":
        return D.clamp(iv, hi=hi)
    if pre == "after":
        return D.clamp(iv, lo=lo)
    return iv


def _past(tense: str | None) -> bool:
    return tense != "future"


def _weekday_date(day: date, wd: int, tense: str | None, strict: int = 0) -> date:
    """The weekday ``wd`` nearest ``day``: backwards for past (default), forwards for future."""
    if strict < 0 or (strict == 0 and _past(tense)):
        back = (day.isoweekday() - wd) % 7
        if strict < 0 and back == 0:
            back = 7
        return day - timedelta(days=back)
    ahead = (wd - day.isoweekday()) % 7
    if strict > 0 and ahead == 0:
        ahead = 7
    return day + timedelta(days=ahead)


def _weekend(day: date, tense: str | None, offset: int = 0) -> Interval:
    """The weekend around ``day``: most recent (past/default) or coming (future); offset ±1 = strict.

    "forrige helg" is the weekend before the one "i helga" names: on a Saturday, Sunday or Monday
    that is the weekend just (being) spent, so "forrige helg" then goes back one more week.
    """
    wd = day.weekday()  # Saturday = 5
    if offset < 0 or (offset == 0 and _past(tense)):
        sat = day - timedelta(days=(wd - 5) % 7)
        if offset < 0 and (wd >= 5 or wd == 0):
            sat -= timedelta(days=7)
    else:
        sat = day + timedelta(days=(5 - wd) % 7) if wd < 5 else day - timedelta(days=wd - 5)
        if offset > 0 and wd >= 5:
            sat += timedelta(days=7)
    return D.weekend_interval(sat)


def _month_year(anchor: Anchor, month: int, tense: str | None) -> int:
    """Year of a bare month name: latest at or before the anchor month (past), else next."""
    if _past(tense):
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month >= anchor.month else anchor.year + 1


def _night(d: date, pod: str, before: bool) -> Interval:
    """A day with a part of day; a night also covers the evening before or the morning after."""
    iv = D.day_interval(d, pod)
    if pod != "TNI":
        return iv
    return Interval(iv.value, d - timedelta(days=1), d, iv.granularity) if before else \
        Interval(iv.value, d, d + timedelta(days=1), iv.granularity)


def _date_year(a: Anchor, month: int, day: int, tense: str | None) -> date:
    """A day and month without a year: the latest occurrence not after the anchor (past), the first
    not before it (future), or with no tense cue the nearest one (ties to the past). With only a
    header month, occurrences are compared by month."""
    return _pick_year(a, lambda y: date(y, month, day), tense)


# A tense cue does not move a day-and-month more than (far) days away when one occurrence lies
# within (near) days of the anchor: a story names a day next week, not the same day a year ago.
NEAR_DAYS = (14, 180)


def _pick_year(a: Anchor, on: Callable[[int], date], tense: str | None) -> date:
    """The occurrence ``on(year)`` of a yearly date chosen as in :func:`_date_year`."""
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            cands.append(on(y))
        except ValueError:  # 29 February
            continue

    def pos(d: date) -> int:
        return d.toordinal() if a.day else d.year * 12 + d.month

    pivot = pos(date(a.year, a.month, a.day or 1))
    nearest = min(cands, key=lambda d: (abs(pos(d) - pivot), pos(d) > pivot))
    if tense == "past":
        chosen = max(d for d in cands if pos(d) <= pivot)
    elif tense == "future":
        chosen = min(d for d in cands if pos(d) >= pivot)
    else:
        return nearest
    if a.day and abs(pos(chosen) - pivot) > NEAR_DAYS[1] and abs(pos(nearest) - pivot) <= NEAR_DAYS[0]:
        return nearest  # "29. juni" the day after publication, whatever the clause's tense looks like
    return chosen


# ---------------------------------------------------------------- dates


@handler
def day_month(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """19. januar 2017, onsdag 1. mars, den 19. jan., 1. mars i fjor."""
    day = int(m.group("day"))
    month = lex.lookup("month", m["mon"]) if m["mon"] else lex.lookup("month_abbreviation", m["abbr"])
    if not 1 <= day <= 31:
        return None
    # An impossible day ("31. juni") is read as the month's last day.
    if m["year"]:
        fixed = D.day_interval(D.safe_date(int(m["year"]), month, day))
        return Plan(m.start(), m.end(), "fixed", lambda: fixed)
    if m["yrel"]:
        off = lex.lookup("year_relative", m["yrel"])
        return Plan(m.start(), m.end(), "anchored",
                    lambda a, t: D.day_interval(D.safe_date(a.year + off, month, day)))
    landmark = lex["landmark_date"].get(f"{day}. {norm(m['mon'])}") if m["mon"] else None
    if landmark and _prev_word(text, m.start()) in lex["landmark_left"]:
        # "etter 11. september": the well-known date, when the text is later and not looking ahead
        def known(a: Anchor, t: str | None) -> Interval:
            if a.year > landmark and t != "future":
                return D.day_interval(date(landmark, month, day))
            return D.day_interval(_pick_year(a, lambda y: D.safe_date(y, month, day), t))

        return Plan(m.start(), m.end(), "anchored", known, tense=True)
    return Plan(m.start(), m.end(), "anchored",
                lambda a, t: D.day_interval(_pick_year(a, lambda y: D.safe_date(y, month, day), t)),
                tense=True)


@handler
def numeric_date(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """19.01.2017, 1.3.17, 2017-01-19."""
    day, month, ys = int(m["day"]), int(m["mon"]), m["year"]
    try:
        date(2000, month, day)
    except ValueError:
        return None
    if len(ys) == 4:
        try:
            fixed = D.day_interval(date(int(ys), month, day))
        except ValueError:
            return None
        return Plan(m.start(), m.end(), "fixed", lambda: fixed)

    def resolve(a: Anchor, tense: str | None) -> Interval:
        year = 2000 + int(ys)
        if year > a.year + 1:
            year -= 100
        return D.day_interval(date(year, month, day))

    return Plan(m.start(), m.end(), "anchored", resolve)


@handler
def day_of_month(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """den 19.: that day of the anchor month (previous/next month only when the tense says so)."""
    day = int(m["day"])
    if not 1 <= day <= 31 or not _followed_ok(text, m.end(), lex):
        return None

    def resolve(a: Anchor, tense: str | None) -> Interval:
        y, mo = a.year, a.month
        if a.day and tense == "past" and day > a.day:
            y, mo = D.add_months(y, mo, -1)
        elif a.day and tense == "future" and day < a.day:
            y, mo = D.add_months(y, mo, 1)
        return D.day_interval(date(y, mo, day))

    return Plan(m.start(), m.end(), "anchored", resolve, tense=True)


# ---------------------------------------------------------------- weekdays and days


def _clock(m: re.Match[str], lex: Lexicon, pod: str) -> str:
    """TIMEX3 time suffix ("T20:00") from groups ``hour``/``min``; with an afternoon or evening
    part of day a 12-hour number is p.m. ("åtte måndag kveld" = 20:00)."""
    hour = _number(m["hour"], lex)
    minute = int(m["min"]) if m["min"] else 0
    if not (0 <= hour <= 24 and minute < 60):
        raise ValueError(m.group())
    if (pod in ("TAF", "TEV") and hour < 12) or (pod == "TNI" and 6 <= hour < 12):
        hour += 12
    return f"T{hour % 24:02d}:{minute:02d}"


@handler
def weekday(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """onsdag, Torsdag morgen, onsdagskvelden, søndagens, sist fredag, onsdag i forrige uke,
    torsdag om ei veke, litt over åtte måndag kveld, fredag klokka 14."""
    g = m.groupdict()
    wd = lex.lookup("weekday", m["wd"])
    pod_word = g.get("podc") or g.get("pod")
    pod = lex.lookup("part_of_day", pod_word) if pod_word else ""
    if "hour" in g and g["hour"]:
        if not (g.get("kl") or g.get("hedge")):
            return None  # a bare number before a weekday is not a clock time
        try:
            pod = _clock(m, lex, pod)
        except (KeyError, ValueError):
            return None
    strict = lex.lookup("weekday_modifier", m["wmod"]) if g.get("wmod") else 0
    week_off = lex.lookup("relative_word", m["wrel"]) if g.get("wrel") else None
    if g.get("wnum"):  # "torsdag om ei veke": that weekday in the week n weeks on
        week_off = _number(g["wnum"], lex)

    def resolve(day: date, tense: str | None) -> Interval:
        if week_off is not None:
            d = D.week_monday(day) + timedelta(days=7 * week_off + wd - 1)
        else:
            d = _weekday_date(day, wd, tense, strict)
        return _night(d, pod, before=False)

    return Plan(m.start(), m.end(), "weekday", resolve, tense=week_off is None and not strict,
                form="weekday", pod=pod, weekday=wd)


@handler
def night_before(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """natt til onsdag: value on the Wednesday (TNI), range Tuesday..Wednesday."""
    if m["wd"]:
        wd = lex.lookup("weekday", m["wd"])
        return Plan(m.start(), m.end(), "weekday",
                    lambda day, tense: _night(_weekday_date(day, wd, tense), "TNI", before=True),
                    tense=True, form="weekday", pod="TNI", weekday=wd)
    off = lex.lookup("deictic_day", m["rel"])
    return Plan(m.start(), m.end(), "daily",
                lambda day, tense: _night(day + timedelta(days=off), "TNI", before=True), pod="TNI")


@handler
def deictic_day(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i dag, i går kveld, i morgen tidlig, tidligere i dag."""
    off = lex.lookup("deictic_day", m["rel"])
    pod = lex.lookup("deictic_part_of_day", m["pod"]) if m["pod"] else ""
    if off == 0 and not (pod or m["pre"]) and _nowadays(m, lex, text):
        return _present_plan(m.start(), m.end())
    return Plan(m.start(), m.end(), "daily",
                lambda day, tense: _night(day + timedelta(days=off), pod, before=True), pod=pod)


def _nowadays(m: re.Match[str], lex: Lexicon, text: str) -> bool:
    """"i dag" = "nowadays" between a subject/relative pronoun and a stative present verb
    ("som i dag er fordelt", "det vi i dag vet"); a fronted "I dag er det valg" is the day."""
    nxt = _NEXT_WORD.match(text, m.end())
    follower = (nxt.group(1) + nxt.group(2)).lower() if nxt else ""
    return _prev_word(text, m.start()) in lex["nowadays_left"] and follower in lex["nowadays_verbs"]


def _present_plan(start: int, end: int) -> Plan:
    """PRESENT_REF on the anchor day (or month)."""
    def resolve(a: Anchor, t: str | None) -> Interval:
        lo, hi = _anchor_bounds(a)
        return Interval("PRESENT_REF", lo, hi, "day")

    return Plan(start, end, "anchored", resolve)


@handler
def deictic_part(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i kveld, i morges, i natt (last night in past context, tonight in future context)."""
    pod = lex.lookup("deictic_part", m["rel"])
    return Plan(m.start(), m.end(), "daily", lambda day, tense: _night(day, pod, before=_past(tense)),
                tense=pod == "TNI", pod=pod)


@handler
def weekend(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i helgen, i helga: the last weekend (past/default) or the coming one (future)."""
    return Plan(m.start(), m.end(), "daily", lambda day, tense: _weekend(day, tense),
                tense=True, form="weekend")


# ---------------------------------------------------------------- relative calendar units


@handler
def year_relative(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i år, i fjor, i forfjor, neste år, tidligere i år."""
    off = lex.lookup("year_relative", m["rel"])
    pre = lex.lookup("within", m["pre"]) if m["pre"] else None
    return Plan(m.start(), m.end(), "anchored",
                lambda a, t: _within(D.year_interval(a.year + off), pre, *_anchor_bounds(a)))


@handler
def within_unit(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """tidligere i uka, seinare i månaden."""
    unit = lex.lookup("within_unit", m["unit"])
    pre = lex.lookup("within", m["pre"])
    if unit == "week":
        return Plan(m.start(), m.end(), "daily",
                    lambda day, t: _within(D.week_interval(day), pre, day, day), form="week")
    return Plan(m.start(), m.end(), "anchored",
                lambda a, t: _within(D.month_interval(a.year, a.month), pre, *_anchor_bounds(a)))


@handler
def relative_unit(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """denne uken, i forrige uke, neste veke, tidlegare denne veka, førre månad, denne helga."""
    off = lex.lookup("relative_word", m["relword"])
    unit = lex.lookup("relative_unit", m["unit"])
    pre = lex.lookup("within", m["pre"]) if m["pre"] else None
    if unit == "week":
        return Plan(m.start(), m.end(), "daily",
                    lambda day, t: _within(D.week_interval(day + timedelta(days=7 * off)), pre, day, day),
                    form="week" if off == 0 else "iso_week")
    if unit == "weekend":
        return Plan(m.start(), m.end(), "daily", lambda day, t: _weekend(day, t, off), tense=off == 0,
                    form="weekend")
    if unit == "month":
        def month(a: Anchor, t: str | None) -> Interval:
            return _within(D.month_interval(*D.add_months(a.year, a.month, off)), pre, *_anchor_bounds(a))

        return Plan(m.start(), m.end(), "anchored", month)
    return Plan(m.start(), m.end(), "anchored",
                lambda a, t: _within(D.year_interval(a.year + off), pre, *_anchor_bounds(a)))


def _vague_range(a: Anchor, unit: str, lo: int, hi: int) -> tuple[date, date]:
    """Whole units from ``lo`` to ``hi`` units off the anchor (negative = before)."""
    first, last = _anchor_bounds(a)
    return D.unit_bounds(D.shift_unit(first, unit, lo), D.shift_unit(last, unit, hi), unit)


def _vague(a: Anchor, value: str, unit: str, lo: int, hi: int) -> Interval:
    """A PAST_REF/FUTURE_REF interval over ``lo``..``hi`` units, kept on its side of the anchor."""
    s, e = _vague_range(a, unit, lo, hi)
    first, last = _anchor_bounds(a)
    if value == "PAST_REF":
        e = min(e, last)
    elif value == "FUTURE_REF":
        s = max(s, first)
    return Interval(value, s, e, unit)


def _vague_offset(m: re.Match[str], lex: Lexicon, sign: int) -> Plan | None:
    """"for noen måneder siden", "for 25 - 30 år siden", "om et år eller to": PAST_REF/FUTURE_REF
    with the range those counts span; None when the count is exact."""
    unit = lex.lookup("count_unit", m["unit"])
    if m["vague"]:
        lo, hi = lex.lookup("vague_count", m["vague"])
    elif m["num2"] or m["num3"]:
        lo, hi = sorted((_number(m["num"], lex), _number(m["num2"] or m["num3"], lex)))
    else:
        return None
    value = "PAST_REF" if sign < 0 else "FUTURE_REF"
    a_, b_ = sorted((sign * lo, sign * hi))
    return Plan(m.start(), m.end(), "anchored", lambda a, t: _vague(a, value, unit, a_, b_))


def _offset_plan(m: re.Match[str], unit: str, n: int) -> Plan:
    """A plan for "n units from the anchor" (n < 0: ago)."""
    if unit == "day":
        return Plan(m.start(), m.end(), "daily", lambda day, t: D.day_interval(day + timedelta(days=n)))
    if unit == "week":
        return Plan(m.start(), m.end(), "daily", lambda day, t: D.week_interval(day + timedelta(weeks=n)),
                    form="iso_week")
    if unit == "month":
        return Plan(m.start(), m.end(), "anchored",
                    lambda a, t: D.month_interval(*D.add_months(a.year, a.month, n)))
    return Plan(m.start(), m.end(), "anchored", lambda a, t: D.year_interval(a.year + n))


@handler
def ago(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """for to år siden, for over ti dagar sidan, for tre år sia; for noen måneder siden, nokre
    månader sidan, for 25 - 30 år siden (vague: PAST_REF)."""
    vague = _vague_offset(m, lex, -1)
    if vague is not None:
        return vague
    if not m["fr"]:
        return None  # "Det er to år siden ..." without "for": a duration-like statement
    return _offset_plan(m, lex.lookup("count_unit", m["unit"]), -_number(m["num"], lex))


@handler
def ahead(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """om to uker, om tre veker; om noen uker, om et år eller to (vague: FUTURE_REF)."""
    vague = _vague_offset(m, lex, 1)
    if vague is not None:
        return vague
    return _offset_plan(m, lex.lookup("count_unit", m["unit"]), _number(m["num"], lex))


# ---------------------------------------------------------------- anchored on the text


def _ref_day(ref: Interval) -> date | None:
    """The one calendar date a reference stands for ("2017-03-01TNI" -> 1 March), if any."""
    if ref.is_day:
        return ref.start
    m = _DAY_VALUE.match(ref.value)
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def day_like(iv: Interval) -> bool:
    """Whether an interval stands for one day (possibly only "a Wednesday of the header month")."""
    return _ref_day(iv) is not None or bool(_WEEKDAY_FORM.match(iv.value))


def shift(ref: Interval, unit: str, n: int, pod: str = "") -> Interval:
    """``ref`` moved by ``n`` units; exact when ``ref`` pins the unit down, else a shifted range."""
    day = _ref_day(ref)
    if unit == "day":
        if day:
            return _night(day + timedelta(days=n), pod, before=True)
        wx = _WEEKDAY_FORM.match(ref.value)
        if wx:  # a weekday of the header month: "dagen etter" a Wednesday is a Thursday
            wd = (int(wx.group(2)) - 1 + n) % 7 + 1
            return Interval(f"{wx.group(1)}-WXX-{wd}{pod}", ref.start, ref.end,
                            "part-of-day" if pod else "day")
        s, e = ref.start + timedelta(days=n), ref.end + timedelta(days=n)
        return Interval(D.generic_day_value(s, e) + pod, s, e, "part-of-day" if pod else "day")
    if unit == "week":
        if day or D.week_value(ref.start) == D.week_value(ref.end):
            return D.week_interval((day or ref.start) + timedelta(weeks=n))
        s, e = ref.start + timedelta(weeks=n), ref.end + timedelta(weeks=n)
        return Interval(D.generic_week_value(s, e), s, e, "week")
    if unit == "month":
        if (ref.start.year, ref.start.month) == (ref.end.year, ref.end.month):
            return D.month_interval(*D.add_months(ref.start.year, ref.start.month, n))
        s = D.shift_month_keep_day(ref.start, n).replace(day=1)
        e = D.month_end(*D.add_months(ref.end.year, ref.end.month, n))
        value = f"{s.year:04d}-XX" if s.year == e.year else "XXXX-XX"
        return Interval(value, s, e, "month")
    if ref.start.year == ref.end.year:
        return D.year_interval(ref.start.year + n)
    s, e = date(ref.start.year + n, 1, 1), date(ref.end.year + n, 12, 31)
    return Interval("XXXX", s, e, "year")


def _relative_ok(m: re.Match[str], lex: Lexicon, text: str, direction: str) -> bool:
    """"etter"/"før" + a noun phrase is anchored on an event, not on a date: reject those.

    Accepted: "Dagen etter ble han ...", "Året etter flyttet han ..." (a verb-like word and then a
    subject); rejected: "dagen etter angrepet", "to år etter at ...".
    """
    if norm(direction) not in ("etter", "før") or _followed_ok(text, m.end(), lex):
        return True
    two = _TWO_WORDS.match(text, m.end())
    if not two or not two.group(1).lower().endswith(lex.verb_endings):
        return False
    subject = two.group(2)
    return subject[0].isupper() or subject.lower() in lex["subject_pronouns"]


@handler
def text_offset(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """to dager senere, tre år tidligere, to dagar seinare; nokre veker tidlegare (vague: a
    PAST_REF/FUTURE_REF range off the previous date)."""
    if not _relative_ok(m, lex, text, m["dir"]) or _prev_word(text, m.start()) in lex["duration_left"]:
        return None
    unit = lex.lookup("count_unit", m["unit"])
    sign = lex.lookup("text_direction", m["dir"])
    if m["vague"]:
        lo, hi = lex.lookup("vague_count", m["vague"])

        def vague(ref: Interval) -> Interval:
            a, b = sorted((sign * lo, sign * hi))
            s, e = D.unit_bounds(D.shift_unit(ref.start, unit, a), D.shift_unit(ref.end, unit, b), unit)
            return Interval("REF-" if sign < 0 else "REF+", s, e, unit)

        return Plan(m.start(), m.end(), "text", vague)
    n = _number(m["num"], lex) * sign
    return Plan(m.start(), m.end(), "text", lambda ref: shift(ref, unit, n))


@handler
def text_definite(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """dagen etter, året før, kvelden etter, dagen derpå; "dagen etter angrepet" (event-anchored:
    the day after the previous day the text dates explicitly, if there is one)."""
    unit, pod = lex.lookup("definite_unit", m["unit"])
    n = lex.lookup("definite_direction", m["dir"])
    need = ""
    if not _relative_ok(m, lex, text, m["dir"]):
        nxt = _NEXT_WORD.match(text, m.end())
        if unit != "day" or (nxt and (nxt.group(1) + nxt.group(2)).lower() in lex["number"]):
            return None  # "året etter krigen" (rarely the last date's year); "natta før eit val" (generic)
        need = "event"
    return Plan(m.start(), m.end(), "text", lambda ref: shift(ref, unit, n, pod or ""), need=need)


@handler
def text_same(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """samme dag, same kveld."""
    unit, pod = lex.lookup("same_unit", m["unit"])
    return Plan(m.start(), m.end(), "text", lambda ref: shift(ref, unit, 0, pod or ""))


# ---------------------------------------------------------------- months, years, decades, seasons


@handler
def month(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i mars, i mai 2015, i desember i fjor, fra mars, i slutten av mai, mars og april."""
    mon = lex.lookup("month", m["mon"])
    part = lex.lookup("period_modifier", m["mod"]) if m["mod"] else None
    start, end = _span(m, "mon")
    if m["year"]:
        fixed = D.narrow(D.month_interval(int(m["year"]), mon), part)
        return Plan(start, end, "fixed", lambda: fixed)
    if m["yrel"]:
        off = lex.lookup("year_relative", m["yrel"])
        return Plan(start, end, "anchored", lambda a, t: D.narrow(D.month_interval(a.year + off, mon), part))
    if not (m["mod"] or m["i"] or m["trig"] or m["conj"]):
        return None
    if m["conj"] and not _coordinated(m, lex, text):
        return None
    return Plan(start, end, "anchored",
                lambda a, t: D.narrow(D.month_interval(_month_year(a, mon, t), mon), part), tense=True)


@handler
def year(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i 2015, fra 2011, tidlig i 2016, 2015–2016, i 2015 og 2016."""
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt and (nxt.group(1) + nxt.group(2)).lower() in lex["year_blockers"]:
        return None
    if m["conj"] and not _coordinated(m, lex, text):
        return None
    part = lex.lookup("period_modifier", m["mod"]) if m["mod"] else None
    fixed = D.narrow(D.year_interval(int(m["year"])), part)
    start, end = _span(m, "year")
    return Plan(start, end, "fixed", lambda: fixed)


@handler
def decade(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """på 1990-tallet, 90-talet, i 1980-årene (centuries such as 1800-tallet are skipped)."""
    dec = m["dec"]
    if len(dec) == 4 and dec.endswith("00"):
        return None
    if len(dec) == 2 and m["suf"] in ("årene", "åra") \
            and (norm(m["prep"] or "") == "i" or norm(m["mod"] or "").startswith("i ")):
        return None  # "i 20-åra", "i slutten av 20-årene": an age ("sidan 90-åra" is a decade)
    part = lex.lookup("period_modifier", m["mod"]) if m["mod"] else None
    if len(dec) == 4:
        fixed = D.narrow(D.decade_interval(int(dec)), part)
        return Plan(m.start(), m.end(), "fixed", lambda: fixed)

    def resolve(a: Anchor, t: str | None) -> Interval:
        first = 2000 + int(dec)
        return D.narrow(D.decade_interval(first if first <= a.year else first - 100), part)

    return Plan(m.start(), m.end(), "anchored", resolve)


def _season_pick(a: Anchor, code: str, tense: str | None, strict: int = 0) -> Interval:
    """Nearest season ``code`` to the anchor month: latest started (past) or first not ended (future)."""
    ym = (a.year, a.month)
    cands = [D.season_interval(y, code) for y in range(a.year - 2, a.year + 3)]
    if strict < 0:
        return [c for c in cands if (c.end.year, c.end.month) < ym][-1]
    if strict > 0:
        return next(c for c in cands if (c.start.year, c.start.month) > ym)
    if _past(tense):
        return [c for c in cands if (c.start.year, c.start.month) <= ym][-1]
    return next(c for c in cands if (c.end.year, c.end.month) >= ym)


@handler
def season(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i vår, i høst, i fjor haust, sommeren 2015, neste sommer, til sommeren, våren i fjor."""
    code = lex.lookup("season", m["season"])
    part = lex.lookup("period_modifier", m["mod"]) if m["mod"] else None
    start, end = _span(m, "season")
    if m["year"]:
        fixed = D.narrow(D.season_interval(int(m["year"]), code), part)
        return Plan(start, end, "fixed", lambda: fixed)
    if m["yrel"] or m["ysuf"]:
        if m["yrel"] and m["ysuf"]:
            return None
        off = (lex.lookup("season_year_relative", m["yrel"]) if m["yrel"]
               else lex.lookup("year_relative", m["ysuf"]))
        return Plan(start, end, "anchored",
                    lambda a, t: D.narrow(D.season_interval(a.year + off, code), part))
    if m["srel"]:
        off = lex.lookup("relative_word", m["srel"])
        return Plan(start, end, "anchored", lambda a, t: D.narrow(_season_pick(a, code, t, off), part),
                    tense=off == 0)
    if not (m["i"] or m["mod"] or m["trig"]):
        return None
    if m["i"] and not m["mod"] and norm(m["season"]) == "vår" and (
            m["season"][0].isupper() or not _followed_ok(text, m.end(), lex)):
        return None  # "i vår regjering" = "in our government", "i Vår Herres hender"
    future = bool(m["trig"])  # "til sommeren", "utover hausten"
    return Plan(start, end, "anchored",
                lambda a, t: D.narrow(_season_pick(a, code, "future" if future else t), part),
                tense=not future)


@handler
def present(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """fram til nå, til no, fra nå av: PRESENT_REF on the anchor day (or month)."""
    return _present_plan(m.start("t"), m.end("t"))


# ---------------------------------------------------------------- vague references


@handler
def vague_ref(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """for øyeblikket, i seinare tid, de kommende ukene, i ukene framover: a TIMEX3 *_REF value
    with the rough range given in the lexicon (units before/after the anchor)."""
    value, unit, lo, hi = lex.lookup("vague_ref", m["phrase"])
    if value == "PRESENT_REF":
        return _present_plan(m.start(), m.end())
    return Plan(m.start(), m.end(), "anchored", lambda a, t: _vague(a, value, unit, lo, hi))


@handler
def period_ref(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """i forrige periode, denne fireårsperioden, neste stortingsperiode: PAST/PRESENT/FUTURE_REF."""
    off = lex.lookup("relative_word", m["rel"])
    if off == 0:
        if norm(m["noun"]) in ("periode", "perioden"):
            return None  # "i denne perioden": anaphoric (the period just described)
        return _present_plan(m.start(), m.end())
    value, (lo, hi) = ("PAST_REF", (-4, 0)) if off < 0 else ("FUTURE_REF", (0, 4))
    return Plan(m.start(), m.end(), "anchored", lambda a, t: _vague(a, value, "year", lo, hi))


# ---------------------------------------------------------------- genitives, named days, clock


@handler
def genitive(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """årets, fjorårets, gårsdagens, helgas; formiddagens, kveldens (a part of the day in focus:
    the previous day in the text, else the anchor day)."""
    unit, off = lex.lookup("genitive", m["gen"])
    nxt = _NEXT_WORD.match(text, m.end())
    if m.group()[0].isupper() and nxt and nxt.group(1).isupper():
        return None  # a title: "Årets Spellemann"
    if unit == "year":
        return Plan(m.start(), m.end(), "anchored", lambda a, t: D.year_interval(a.year + off))
    if unit == "day":
        return Plan(m.start(), m.end(), "daily", lambda day, t: D.day_interval(day + timedelta(days=off)))
    if unit == "weekend":
        return Plan(m.start(), m.end(), "daily", lambda day, t: _weekend(day, t), tense=True, form="weekend")
    return Plan(m.start(), m.end(), "text", lambda ref: shift(ref, "day", 0, unit), need="day", pod=unit)


@handler
def todays(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """dagens: "today's" before a newspaper or a dated occasion (dagens VG, dagens møte) -> the
    anchor day; otherwise "present-day" (dagens Chile, dagens unge) -> PRESENT_REF. "Dagens" before
    a capitalised word is a name (Dagens Næringsliv)."""
    nxt = _NEXT_WORD.match(text, m.end())
    follower = (nxt.group(1) + nxt.group(2)) if nxt else ""
    if (m.group()[0].isupper() and follower[:1].isupper()) or follower.lower() in lex["todays_not_time"]:
        return None  # Dagens Næringsliv; "dagens orden" (idiom), "Dagens leder" (editorial column)
    if follower.lower() in lex["dated_after_todays"] or follower.lower().endswith(DATED_SUFFIXES):
        return Plan(m.start(), m.end(), "daily", lambda day, t: D.day_interval(day))
    return _present_plan(m.start(), m.end())


DATED_SUFFIXES = ("utgave", "utgaven", "utgåve", "utgåva", "avis", "avisa", "avisen", "møte", "møtet",
                  "kamp", "kampen", "stafett", "stafetten", "magasin", "magasinet")


def _named_date(spec: list, year: int) -> date:
    if spec[0] == "easter":
        return D.easter_sunday(year) + timedelta(days=int(spec[1]))
    return date(year, int(spec[0]), int(spec[1]))


@handler
def named_day(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """nyttårsaften, 1. juledag, langfredag, menneskerettighetsdagen, fra nyttår: the occurrence
    picked by tense like a date without a year."""
    name = norm(m["name"])
    if name in lex["named_day_needs_preposition"] and not m["trig"]:
        return None  # "Godt nyttår!"
    spec = lex.lookup("named_day", name)
    start, end = _span(m, "name")
    return Plan(start, end, "anchored",
                lambda a, t: D.day_interval(_pick_year(a, lambda y: _named_date(spec, y), t)), tense=True)


@handler
def clock(m: re.Match[str], lex: Lexicon, text: str) -> Plan | None:
    """klokka tolv, kl. 14.30: that time on the day in focus (the previous day in the text, else
    the anchor day)."""
    try:
        suffix = _clock(m, lex, "")
    except (KeyError, ValueError):
        return None
    return Plan(m.start(), m.end(), "text", lambda ref: shift(ref, "day", 0, suffix), need="day",
                pod=suffix)
