"""Named landmarks, institutions and "<place>-<event noun>" compounds resolved to GeoNames places.

``landmarks.yaml`` maps forms such as "Slottet", "Det hvite hus" (kind ``site``: a place in its own
right, recorded in places[]) and "Stortinget", "Kreml" (kind ``seat``: an institution named after its
building, usually an actor, so only used to place events) to the populated place they lie in.
:func:`compound_places` reads "Irak-invasjonen" or "Gaza-krigen" as the place of its prefix.
Every hit is a places[]-style dict with the mention's own text and offsets (its provenance).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hending.resolve.places.gazetteer import _load_yaml, get_gazetteer

LANDMARKS_PATH = Path(__file__).resolve().parent / "landmarks.yaml"
KINDS = ("site", "seat")
_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_][\w'’]*?)-([^\W\d_]+)(?![\w-])")


@dataclass(frozen=True)
class Landmarks:
    """The compiled landmark forms and compound suffixes."""

    pattern: re.Pattern[str] | None
    forms: dict[str, tuple[int, str]]  # form -> (geonameid, kind)
    suffixes: frozenset[str]


def load_landmarks(path: Path = LANDMARKS_PATH) -> dict[str, Any]:
    """The raw YAML data (validated by the tests)."""
    return _load_yaml(path)


@lru_cache(maxsize=1)
def _compiled() -> Landmarks:
    data = load_landmarks()
    forms: dict[str, tuple[int, str]] = {}
    for entry in data.get("landmarks") or []:
        for form in entry["forms"]:
            forms[str(form)] = (int(entry["geonameid"]), str(entry.get("kind", "site")))
    pattern = None
    if forms:
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")
    suffixes = frozenset(str(s).casefold() for s in data.get("compound_suffixes") or [])
    return Landmarks(pattern, forms, suffixes)


def find_landmarks(text: str, kinds: tuple[str, ...] = KINDS) -> list[dict[str, Any]]:
    """Landmark mentions of ``kinds`` in ``text``, in text order; a ``site`` is recorded only when its
    mention is capitalised ("regjeringskvartalet" names no place mention of its own)."""
    lm = _compiled()
    if lm.pattern is None:
        return []
    gaz = get_gazetteer()
    out = []
    for m in lm.pattern.finditer(text):
        gid, kind = lm.forms[m.group(0)]
        if kind not in kinds or (kinds == ("site",) and not m.group(0)[:1].isupper()):
            continue
        place = gaz.by_geonameid(gid)
        if place is not None:
            out.append(gaz.record(place, m.group(0), m.start(), m.end(), "city" if kind == "site" else kind))
    return out


def compound_places(text: str) -> list[dict[str, Any]]:
    """ "Irak-invasjonen", "Gaza-krigen": the prefix's place (a country, exonym or region form) for a
    compound ending in an event noun; the record spans the whole compound."""
    lm = _compiled()
    gaz = get_gazetteer()
    out = []
    for m in _COMPOUND.finditer(text):
        head, suffix = m.group(1), m.group(2)
        if suffix.casefold() not in lm.suffixes or not gaz.is_strong(head):
            continue
        cands = gaz.lookup(head)
        if cands:
            place = cands[0].place
            out.append(gaz.record(place, m.group(0), m.start(), m.end(), place.feature))
    return out
