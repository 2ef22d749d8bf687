"""Relative-location qualifiers of place mentions (Bokmål and Nynorsk)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from hending.resolve.places import resolve_places
from hending.resolve.places.qualifiers import find_qualifier, split_direction_prefix


def qual(text: str, surface: str, occurrence: int = 0) -> dict[str, Any] | None:
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
    return find_qualifier(text, starts[occurrence])


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Angrepet skjedde nordøst for Mosul.", "Mosul",
     {"direction": "NE", "distance_km": None, "text": "nordøst for", "relation": "from"}),
    ("Bomben gikk av 25 km sør for Bagdad.", "Bagdad",
     {"direction": "S", "distance_km": 25.0, "text": "25 km sør for", "relation": "from"}),
    ("Landsbyen ligger 25 kilometer fra Mosul.", "Mosul",
     {"direction": None, "distance_km": 25.0, "text": "25 kilometer fra", "relation": "from"}),
    ("IS-krigerne trakk seg tilbake øst i Mosul.", "Mosul",
     {"direction": "E", "distance_km": None, "text": "øst i", "relation": "in"}),
    ("Russiske luftangrep pågikk i og utenfor Palmyra torsdag.", "Palmyra",
     {"direction": None, "distance_km": None, "text": "i og utenfor", "relation": "near"}),
    ("Leiren ligger like utenfor Aleppo.", "Aleppo",
     {"direction": None, "distance_km": None, "text": "like utenfor", "relation": "near"}),
    ("Kampene foregår i det nordlige Syria.", "Syria",
     {"direction": "N", "distance_km": None, "text": "i det nordlige", "relation": "in"}),
    ("Ulykken skjedde to mil nord for Oslo.", "Oslo",
     {"direction": "N", "distance_km": 20.0, "text": "to mil nord for", "relation": "from"}),
    ("Dei kom drøyt 1 200 km vest for Kabul.", "Kabul",
     {"direction": "W", "distance_km": 1200.0, "text": "drøyt 1 200 km vest for", "relation": "from"}),
    ("Skipet sank 2,5 kilometer sørvest for Bergen.", "Bergen",
     {"direction": "SW", "distance_km": 2.5, "text": "2,5 kilometer sørvest for", "relation": "from"}),
    # Nynorsk
    ("Flyet landa 20 kilometer aust for Bagdad.", "Bagdad",
     {"direction": "E", "distance_km": 20.0, "text": "20 kilometer aust for", "relation": "from"}),
    ("Angrepet skjedde nordaust for Mosul.", "Mosul",
     {"direction": "NE", "distance_km": None, "text": "nordaust for", "relation": "from"}),
    ("Det var kampar søraust i Aleppo.", "Aleppo",
     {"direction": "SE", "distance_km": None, "text": "søraust i", "relation": "in"}),
    ("Leiren ligg i nærleiken av Mosul.", "Mosul",
     {"direction": None, "distance_km": None, "text": "i nærleiken av", "relation": "near"}),
    ("Dei kjempar i dei austlege delane av Aleppo.", "Aleppo",
     {"direction": "E", "distance_km": None, "text": "i dei austlege delane av", "relation": "in"}),
    ("Ho budde 30 km frå Tromsø.", "Tromsø",
     {"direction": None, "distance_km": 30.0, "text": "30 km frå", "relation": "from"}),
])
def test_qualifier_phrases(text: str, surface: str, expected: dict[str, Any]) -> None:
    assert qual(text, surface) == expected


@pytest.mark.parametrize(("text", "surface"), [
    ("Han flyktet fra Mosul i fjor.", "Mosul"),  # origin, not a relative location
    ("Hæren har tatt seg inn i Palmyra fra sør.", "Palmyra"),
    ("Styrkene rykket fram mot Palmyra.", "Palmyra"),
    ("Møtet i Genève ble utsatt.", "Genève"),
    ("Palmyra ble erobret i mai 2015.", "Palmyra"),
])
def test_no_qualifier(text: str, surface: str) -> None:
    assert qual(text, surface) is None


def test_compound_direction_prefix() -> None:
    assert split_direction_prefix("Nord-Syria") == ("N", "Nord-", "Syria")
    assert split_direction_prefix("Aust-Ukraina") == ("E", "Aust-", "Ukraina")
    assert split_direction_prefix("Nordøst-Syria") == ("NE", "Nordøst-", "Syria")
    assert split_direction_prefix("Syria") is None


def test_compound_mentions_resolve_to_head_with_qualifier() -> None:
    text = "Kurdiske styrker rykket fram i Nord-Syria og Øst-Aleppo, mens det var stille i Aust-Ukraina."
    ents = [{"text": s, "label": "GPE_LOC", "start": text.find(s), "end": text.find(s) + len(s)}
            for s in ("Nord-Syria", "Øst-Aleppo", "Aust-Ukraina")]
    places = resolve_places(text, ents)
    got = [(p["text"], p["country"], p["geonameid"], p["qualifier"]["direction"], p["qualifier"]["text"])
           for p in places]
    assert got == [("Nord-Syria", "SY", 163843, "N", "Nord-"), ("Øst-Aleppo", "SY", 170063, "E", "Øst-"),
                   ("Aust-Ukraina", "UA", 690791, "E", "Aust-")]
    assert all(p["qualifier"]["relation"] == "in" for p in places)


def test_qualifiers_in_resolved_places() -> None:
    text = "Bomben gikk av 25 km sør for Bagdad, nordøst for Mosul."
    ents = [{"text": s, "label": "GPE_LOC", "start": text.find(s), "end": text.find(s) + len(s)}
            for s in ("Bagdad", "Mosul")]
    places = resolve_places(text, ents)
    assert places[0]["qualifier"] == {"direction": "S", "distance_km": 25.0, "text": "25 km sør for",
                                      "relation": "from"}
    assert places[1]["qualifier"]["direction"] == "NE"
