"""Choose one reading per surface form with the explicit, YAML-weighted score in ``weights.yaml``."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from hending.resolve.places.candidates import Mention
from hending.resolve.places.gazetteer import COUNTRY, PINNED, Candidate, Gazetteer, Place

WEIGHTS_PATH = Path(__file__).with_name("weights.yaml")
_PINNED_DEFAULT = 4.0
_ANCHOR_FEATURES = frozenset({"city", "region", "island"})


@lru_cache(maxsize=1)
def load_weights() -> dict[str, Any]:
    """Scoring weights (see the formula at the top of weights.yaml)."""
    with open(WEIGHTS_PATH, encoding="utf-8") as f:
        return yaml.safe_load(f)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=4)
def _demonym_regex(stems: tuple[str, ...]) -> re.Pattern[str] | None:
    if not stems:
        return None
    alt = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\w*", re.IGNORECASE)


def demonym_hits(text: str, gaz: Gazetteer, skip: list[tuple[int, int]] | None = None) -> Counter[str]:
    """Country code -> number of demonym words ("syriske", "russere") in ``text`` outside ``skip`` spans."""
    regex = _demonym_regex(tuple(sorted(gaz.demonyms)))
    hits: Counter[str] = Counter()
    if regex is None:
        return hits
    skip = skip or []
    for m in regex.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in skip):
            continue
        word = m.group(0).casefold()
        for stem, iso in gaz.demonyms.items():
            if word.startswith(stem):
                hits[iso] += 1
                break
    return hits


def _distinct(cands: list[Candidate]) -> list[Place]:
    return list({c.place.ident: c.place for c in cands}.values())


class Scorer:
    """Scores candidates of mention groups (all mentions sharing a normalised surface form)."""

    def __init__(self, text: str, groups: dict[str, list[Mention]], gaz: Gazetteer,
                 weights: dict[str, Any] | None = None) -> None:
        self.w = weights or load_weights()
        self.groups = groups
        spans = [(m.start, m.end) for ms in groups.values() for m in ms]
        self.demonyms = demonym_hits(text, gaz, spans)
        self.total: Counter[str] = Counter()
        self.own: dict[str, Counter[str]] = {}
        self.set_evidence(None)

    def set_evidence(self, chosen: dict[str, Candidate] | None) -> None:
        """Country evidence per group: from its unambiguous readings (``chosen`` None) or its chosen one."""
        ev = self.w["context"]["evidence"]
        self.total = Counter()
        for key, mentions in self.groups.items():
            own: Counter[str] = Counter()
            cands = mentions[0].candidates if chosen is None else [chosen[key]]
            countries = {c.place.country for c in cands
                         if c.place.feature == "country" and c.source in (COUNTRY, PINNED)}
            places = _distinct(cands)
            for iso in countries:
                own[iso] += ev["country_mention"] * len(mentions)
            if not countries and len(places) == 1 and places[0].country:
                own[places[0].country] += ev["city_mention"] * len(mentions)
            self.own[key] = own
            self.total.update(own)
        for iso, n in self.demonyms.items():
            self.total[iso] += ev["demonym"] * n

    def evidence(self, key: str, iso: str | None) -> float:
        """Context evidence for country ``iso`` from everything but group ``key``."""
        if not iso:
            return 0.0
        return self.total[iso] - self.own[key][iso]

    def score(self, key: str, cand: Candidate, anchors: list[Place] | None = None) -> float:
        """The weights.yaml score of ``cand`` for group ``key`` (proximity only when anchors are given)."""
        w, place = self.w, cand.place
        mentions = self.groups[key]
        s = w["source"].get(cand.source, _PINNED_DEFAULT if cand.source == PINNED else 0.0)
        s += w["population"] * math.log10(1 + max(0, place.population))
        if place.capital:
            s += float(w.get("capital", 0.0))
        if cand.place.ident in mentions[0].inflected:
            s += w["inflected"]
        home = w.get("home_country") or {}
        if place.country and place.country == home.get("code"):
            s += float(home.get("bonus", 0.0))
        labels = Counter(m.label for m in mentions if m.label)
        if labels:
            label = labels.most_common(1)[0][0]
            feature = mentions[0].feature or place.feature
            s += float((w.get("label") or {}).get(label, {}).get(feature, 0.0))
        ctx = w["context"]
        s += ctx["weight"] * min(1.0, self.evidence(key, place.country) / ctx["saturation"])
        if anchors and place.lat is not None and place.lon is not None and place.feature in _ANCHOR_FEATURES:
            d = min(haversine_km(place.lat, place.lon, a.lat, a.lon) for a in anchors)  # type: ignore[arg-type]
            prox = w["proximity"]
            s += prox["weight"] * math.exp(-d / prox["decay_km"])
        return s

    def best(self, key: str, anchors: list[Place] | None = None) -> tuple[Candidate, float]:
        """Highest-scoring candidate (ties: larger population, then smaller id)."""
        scored = [(self.score(key, c, anchors), c) for c in self.groups[key][0].candidates]
        score, cand = max(scored, key=lambda sc: (sc[0], sc[1].place.population,
                                                  -(sc[1].place.geonameid or 0)))
        return cand, score


def resolve_groups(text: str, mentions: list[Mention], gaz: Gazetteer,
                   weights: dict[str, Any] | None = None) -> dict[str, Candidate]:
    """Normalised surface key -> chosen candidate.

    Pass 1 scores with evidence from unambiguous mentions, country names and demonyms; pass 2 re-scores
    ambiguous groups with evidence from every other group's pass-1 reading plus proximity to them.
    """
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    scorer = Scorer(text, dict(groups), gaz, weights)
    first = {key: scorer.best(key)[0] for key in groups}
    scorer.set_evidence(first)
    chosen = dict(first)
    for key in groups:
        if len(groups[key][0].candidates) < 2:
            continue
        anchors = [c.place for k, c in first.items()
                   if k != key and c.place.feature in _ANCHOR_FEATURES and c.place.lat is not None]
        chosen[key] = scorer.best(key, anchors or None)[0]
    return chosen
