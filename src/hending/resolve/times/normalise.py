"""find_times: run the patterns, pick non-overlapping spans, resolve them in text order."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from datetime import date

from hending.resolve.times import dates as D
from hending.resolve.times.anchor import Anchor
from hending.resolve.times.dates import Interval
from hending.resolve.times.lexicon import Lexicon, Pattern, load
from hending.resolve.times.rules import HANDLERS, Plan, day_like
from hending.resolve.times.tense import guess_tense

TenseHints = Callable[[int, int], "str | None"]
_TOKEN = re.compile(r"\w+")


def word_index(text: str, lex: Lexicon) -> dict[str, list[int]]:
    """Start offsets of each lowercase word ("#" for numbers; weekday compounds under their weekday)."""
    index: dict[str, list[int]] = {}
    low = text.lower()
    if len(low) != len(text):  # a character whose lowercase form is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _TOKEN.finditer(low):
        w = m.group()
        if w[0].isdigit():
            w = "#"
        elif w.startswith(lex.weekday_roots) and w not in lex["weekday"]:
            w = next(r for r in lex.weekday_roots if w.startswith(r))
        index.setdefault(w, []).append(m.start())
    return index


def _matches(pat: Pattern, text: str, index: dict[str, list[int]] | None) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of one pattern, tried only where one of its start words begins."""
    if index is None:
        yield from pat.regex.finditer(text)
        return
    positions = sorted({p for w in pat.starts if w in index for p in index[w]})
    last_end = -1
    for pos in positions:
        if pos < last_end:
            continue
        m = pat.regex.match(text, pos)
        if m:
            last_end = m.end()
            yield m


def candidates(text: str, indexed: bool = True) -> list[Plan]:
    """Every plan any pattern proposes for ``text`` (overlapping).

    ``indexed=False`` scans every position (slower; used by tests to check the start-word index).
    """
    lex = load()
    index = word_index(text, lex) if indexed else None
    plans: list[Plan] = []
    for pat in lex.patterns:
        rule = HANDLERS[pat.handler]
        for m in _matches(pat, text, index):
            plan = rule(m, lex, text)
            if plan is not None and plan.end > plan.start:
                plan.priority = pat.priority
                plans.append(plan)
    return plans


def select(plans: list[Plan]) -> list[Plan]:
    """Longest spans first (then higher priority, then leftmost); no overlaps; returned in text order."""
    starts: list[int] = []  # taken spans, kept sorted by start
    taken: list[Plan] = []
    for p in sorted(plans, key=lambda p: (p.start - p.end, -p.priority, p.start)):
        i = bisect.bisect_left(starts, p.start)
        if (i < len(taken) and taken[i].start < p.end) or (i > 0 and taken[i - 1].end > p.start):
            continue
        starts.insert(i, p.start)
        taken.insert(i, p)
    return taken


def _month_only_value(plan: Plan, anchor: Anchor, iv: Interval) -> str:
    """Value of a day-dependent expression when only the header month is known (XX for the unknown).

    Gold conventions: a weekday is ``YYYY-MM-WXX-d``; "denne uka" ``YYYY-MM-WXX``; other weeks
    ("i forrige uke") ``YYYY-WXX`` and weekends ``YYYY-WXX-WE``, since they may fall in another month.
    """
    y, m = anchor.ym
    lo, hi = anchor.month_bounds()
    overlaps = iv.start <= hi and iv.end >= lo
    if plan.form == "weekday":
        return f"{y:04d}-{m:02d}-WXX-{plan.weekday}{plan.pod}"
    if plan.form == "week":
        return f"{y:04d}-{m:02d}-WXX" if overlaps else D.generic_week_value(iv.start, iv.end)
    if plan.form == "iso_week":
        return D.generic_week_value(iv.start, iv.end)
    if plan.form == "weekend":
        return D.generic_week_value(iv.start, iv.end) + "-WE"
    return (f"{y:04d}-{m:02d}-XX" if overlaps else D.generic_day_value(iv.start, iv.end)) + plan.pod


def _daily(plan: Plan, anchor: Anchor, tense: str | None) -> Interval:
    """Resolve a day-dependent plan; with a header month only, union over every day of the month."""
    day = anchor.as_date
    if day is not None:
        return plan.fn(day, tense)
    if plan.kind == "weekday":  # gold convention: a <weekday> of the header month
        lo, hi = anchor.month_bounds()
        gran = "part-of-day" if plan.pod else "day"
        return Interval(_month_only_value(plan, anchor, Interval("", lo, hi, gran)), lo, hi, gran)
    # Every daily rule is monotone in the anchor day (a later anchor never gives an earlier
    # interval), so the union over the month is spanned by its first and last day.
    days = anchor.candidate_days()
    first, last = plan.fn(days[0], tense), plan.fn(days[-1], tense)
    union = Interval("", first.start, last.end, first.granularity)
    value = first.value if first.value == last.value else _month_only_value(plan, anchor, union)
    return Interval(value, union.start, union.end, union.granularity)


def _ref_value(iv: Interval, anchor: Anchor) -> Interval:
    """A vague interval computed off the text ("nokre veker tidlegare": value "REF-", "noen dager
    senere": "REF+"): PAST_REF, PRESENT_REF or FUTURE_REF by where its leading edge lies relative to
    the anchor (its start for "earlier", its end for "later")."""
    if iv.value not in ("REF-", "REF+"):
        return iv
    lo, hi = _bounds(anchor)
    edge = iv.start if iv.value == "REF-" else iv.end
    value = "PAST_REF" if edge < lo else "FUTURE_REF" if edge > hi else "PRESENT_REF"
    return Interval(value, iv.start, iv.end, iv.granularity)


def _bounds(anchor: Anchor) -> tuple[date, date]:
    return anchor.month_bounds() if anchor.day is None else (anchor.as_date, anchor.as_date)


def resolve(plan: Plan, anchor: Anchor, tense: str | None, ref: Interval | None) -> tuple[Interval, str]:
    """The plan's Interval and what it was anchored on ("published", "header-month" or "text").

    ``tense`` "near" (prospective from a past viewpoint) picks whichever of the past and the future
    reading lies nearer the anchor (ties go to the past).
    """
    if tense == "near":
        past, future = resolve(plan, anchor, "past", ref), resolve(plan, anchor, "future", ref)
        lo, hi = _bounds(anchor)
        mid = lo.toordinal() + hi.toordinal()

        def distance(iv: Interval) -> int:
            return abs(iv.start.toordinal() + iv.end.toordinal() - mid)

        return past if distance(past[0]) <= distance(future[0]) else future
    if plan.kind == "fixed":
        return plan.fn(), anchor.source
    if plan.kind == "anchored":
        return plan.fn(anchor, tense), anchor.source
    if plan.kind == "text":
        if ref is not None:
            return _ref_value(plan.fn(ref), anchor), "text"
        lo, hi = _bounds(anchor)
        base = Interval(D.generic_day_value(lo, hi), lo, hi, "day")
        return _ref_value(plan.fn(base), anchor), anchor.source
    return _daily(plan, anchor, tense), anchor.source


def find_times(
    text: str, anchor: Anchor, lang: str = "nb", tense_hints: TenseHints | None = None
) -> list[dict]:
    """Time expressions in ``text`` as ``times[]`` entries of the document contract.

    ``lang`` ("nb" or "nn") is accepted for symmetry with the other resolvers; the lexicon covers
    both written standards at once. ``tense_hints(start, end)`` may return "past"/"future" for the
    clause around a span, or "near" (prospective from a past viewpoint: the nearer occurrence);
    when it is absent or returns None a word-cue heuristic decides, and with no cue the news
    default (most recent past, or the same day) applies. Relative expressions anchored on the text
    use the previous resolved time (vague *_REF values are never used as anchors).
    """
    lex = load()
    out: list[dict] = []
    ref: Interval | None = None  # the previous resolved time
    day_ref: Interval | None = None  # the previous one that is a (possibly weekday-only) day
    event_ref: Interval | None = None  # the previous day read off the text's own dates (not relative)
    for plan in select(candidates(text)):
        tense = None
        if plan.tense:
            if tense_hints is not None:
                tense = tense_hints(plan.start, plan.end)
            if tense not in ("past", "future", "near"):
                tense = guess_tense(text, plan.start, plan.end, lex)
        base = ref if plan.need == "" else day_ref if plan.need == "day" else event_ref
        if plan.need == "event" and (base is None or base.end > (anchor.as_date or anchor.month_bounds()[1])):
            continue  # "dagen etter angrepet" with no earlier dated day to hang it on
        try:
            iv, source = resolve(plan, anchor, tense, base)
        except (ValueError, IndexError, StopIteration, OverflowError):
            continue  # e.g. "den 31." in a 30-day month
        out.append({
            "text": text[plan.start:plan.end],
            "start": plan.start,
            "end": plan.end,
            "value": iv.value,
            "range": {"start": iv.start.isoformat(), "end": iv.end.isoformat()},
            "granularity": iv.granularity,
            "anchor": source,
        })
        if not iv.value.endswith("_REF"):
            ref = iv
            if day_like(iv):
                day_ref = iv
                if plan.kind != "text":
                    event_ref = iv
    return out
