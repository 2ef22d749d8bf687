"""Relative-location qualifiers ("nordøst for Mosul", "25 km sør for Bagdad", "i og utenfor Palmyra")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

QUALIFIERS_PATH = Path(__file__).with_name("qualifiers.yaml")
_WINDOW = 90  # characters before a mention searched for a qualifier


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first, whitespace-tolerant."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


@dataclass(frozen=True)
class _Rules:
    regex: re.Pattern[str]
    adjective_regex: re.Pattern[str]
    direction_of: dict[str, str]
    adjective_of: dict[str, str]
    direction_prep: dict[str, str]
    distance_prep: dict[str, str]
    units: dict[str, float]
    numbers: dict[str, float]
    prefix_regex: re.Pattern[str]
    prefix_of: dict[str, str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    with open(QUALIFIERS_PATH, encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    direction_of = {w.casefold(): code for code, ws in data["directions"].items() for w in ws}
    adjective_of = {w.casefold(): code for code, ws in data["direction_adjectives"].items() for w in ws}
    direction_prep = {k.casefold(): v for k, v in data["direction_prepositions"].items()}
    distance_prep = {k.casefold(): v for k, v in data["distance_prepositions"].items()}
    units = {k.casefold(): float(v) for k, v in data["units"].items()}
    numbers = {str(k).casefold(): float(v) for k, v in data["number_words"].items()}
    hedges = _alternation(data.get("number_hedges", []))
    number = rf"(?P<num>\d+(?:[ \u00a0]\d{{3}})*(?:[.,]\d+)?|{_alternation(list(numbers))})"
    distance = rf"(?:(?:{hedges})\s+)?{number}\s*(?P<unit>{_alternation(list(units))})\.?\s+"
    pattern = (
        rf"(?<!\w)(?P<qual>(?:{distance})?"
        rf"(?:(?P<dir>{_alternation(list(direction_of))})\s+(?P<dprep>{_alternation(list(direction_prep))})"
        rf"|(?P<near>{_alternation(data['near_phrases'])})"
        rf"|(?P<xprep>{_alternation(list(distance_prep))})))\s+$"
    )
    fillers = _alternation(data.get("adjective_fillers", []))
    adjective = (rf"(?<!\w)(?P<qual>(?:(?:{fillers})\s+)*(?P<adj>{_alternation(list(adjective_of))})"
                 rf"(?:\s+(?:{fillers}))*)\s+$")
    prefix_of = {p.casefold(): code for code, ps in data["compound_prefixes"].items() for p in ps}
    prefixes = [p for ps in data["compound_prefixes"].values() for p in ps]
    prefix_regex = re.compile(rf"^(?P<prefix>{_alternation(prefixes)})-(?P<head>\w.*)$")
    return _Rules(re.compile(pattern, re.IGNORECASE), re.compile(adjective, re.IGNORECASE), direction_of,
                  adjective_of, direction_prep, distance_prep, units, numbers, prefix_regex, prefix_of)


def _parse_number(raw: str, numbers: dict[str, float]) -> float | None:
    raw = raw.casefold()
    if raw in numbers:
        return numbers[raw]
    try:
        return float(re.sub(r"[ \u00a0]", "", raw).replace(",", "."))
    except ValueError:
        return None


def find_qualifier(text: str, start: int) -> dict[str, Any] | None:
    """Qualifier for the mention starting at ``start``, read from the words just before it, or None.

    Returns ``{"direction", "distance_km", "text", "relation"}`` with relation "in", "from" or "near".
    A bare "fra X" (origin) is not a qualifier; "25 km fra X" is.
    """
    rules = _rules()
    window = text[max(0, start - _WINDOW):start]
    m = rules.regex.search(window)
    if m:
        distance = None
        if m.group("num"):
            value = _parse_number(m.group("num"), rules.numbers)
            unit = rules.units.get(m.group("unit").casefold(), 1.0)
            distance = round(value * unit, 3) if value is not None else None
        direction = None
        if m.group("dir"):
            direction = rules.direction_of[m.group("dir").casefold()]
            relation = rules.direction_prep[m.group("dprep").casefold()]
        elif m.group("near"):
            relation = "near"
        else:
            if distance is None:
                m = None
            else:
                relation = rules.distance_prep[m.group("xprep").casefold()]
        if m is not None:
            return {"direction": direction, "distance_km": distance, "text": m.group("qual"),
                    "relation": relation}
    a = rules.adjective_regex.search(window)
    if a:
        return {"direction": rules.adjective_of[a.group("adj").casefold()], "distance_km": None,
                "text": a.group("qual"), "relation": "in"}
    return None


def split_direction_prefix(surface: str) -> tuple[str, str, str] | None:
    """``"Nord-Syria"`` -> ``("N", "Nord-", "Syria")``; None when the surface has no direction prefix."""
    m = _rules().prefix_regex.match(surface)
    if not m:
        return None
    prefix = m.group("prefix")
    return _rules().prefix_of[prefix.casefold()], prefix + "-", m.group("head")
