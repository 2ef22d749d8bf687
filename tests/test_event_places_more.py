"""Where an event happened, more rules (:mod:`hending.extract.event_places`): institutions and
sites named after their building ("på Stortinget", "Slottet") and "<place>-<event noun>" compounds,
on Bokmål and Nynorsk sentences. Real pipeline, places given."""

from __future__ import annotations

import pytest

from tests.test_events import one
from tests.test_events_rules import place

OSLO, IRAQ = 3143244, 99237


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Regjeringspartiene ble enige med Venstre på Stortinget mandag kveld.", "nb"),
        ("Regjeringspartia vart samde med Venstre på Stortinget måndag kveld.", "nn"),
    ],
)
def test_an_agreement_at_the_parliament_is_placed_in_its_town(text: str, lang: str) -> None:
    ev = one(text, "AGREE", lang, places=[])
    assert ev["location"]["geonameid"] == OSLO
    assert ev["location"]["text"] == "Stortinget"
    assert text[ev["location"]["start"] : ev["location"]["end"]] == "Stortinget"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Den portugisiske statsministeren besøkte kongeparet på Slottet.", "nb"),
        ("Den portugisiske statsministeren vitja kongeparet på Slottet.", "nn"),
    ],
)
def test_a_visit_at_a_named_site_is_placed_there(text: str, lang: str) -> None:
    places = [place(text, "Slottet", OSLO, "NO")]
    ev = one(text, "CONSULT", lang, places=places)
    assert ev["location"]["geonameid"] == OSLO


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Han er siktet for å ha detonert en bombe i regjeringskvartalet.", "nb"),
        ("Han er sikta for å ha detonert ei bombe i regjeringskvartalet.", "nn"),
    ],
)
def test_a_bomb_in_the_government_quarter_is_placed_in_oslo(text: str, lang: str) -> None:
    ev = one(text, "ASSAULT", lang, places=[])
    assert ev["location"]["geonameid"] == OSLO


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Stortinget vedtok i går å kritisere regjeringen.", "nb"),
        ("Stortinget vedtok i går å kritisere regjeringa.", "nn"),
    ],
)
def test_an_institution_acting_is_not_its_own_place(text: str, lang: str) -> None:
    ev = one(text, "ACCUSE", lang, places=[])
    assert ev["location"] is None or ev["location"].get("text") != "Stortinget"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Demonstrantene protesterte utenfor ambassaden i Oslo mot Irak-krigen.", "nb"),
        ("Demonstrantane protesterte utanfor ambassaden i Oslo mot Irak-krigen.", "nn"),
    ],
)
def test_a_compound_that_is_a_topic_does_not_place_the_event(text: str, lang: str) -> None:
    ev = one(text, "PROTEST", lang, places=[place(text, "Oslo", OSLO, "NO")])
    assert ev["location"]["geonameid"] == OSLO
