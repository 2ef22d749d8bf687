"""Actors and recipients of events: general rules over the parse and the actor lexicons, each on
realistic Bokmål and Nynorsk sentences (real pipeline, times and places detected or given)."""

from __future__ import annotations

import pytest

from tests.test_events import events_of, one


def who(ev: dict, role: str) -> tuple[str | None, str | None, str | None]:
    """(text, country, sector) of an event's actor or recipient; Nones when it has none."""
    a = ev[role]
    return (a["text"], a["country"], a["sector"]) if a else (None, None, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("I helgen bombet Nato-styrker boligen til Gaddafis sønn, og tre personer ble drept.", "nb"),
        ("Førre helg bomba Nato-styrkar huset til Gaddafis son i Tripoli, og tre vart drepne.", "nn"),
    ],
)
def test_a_misparsed_second_subject_is_the_object_and_its_owner_the_target(text: str, lang: str) -> None:
    ev = next(e for e in events_of(text, lang) if e["trigger"]["text"].startswith("bomb"))
    assert ev["actor"]["sector"] == "IGO"
    assert ev["recipient"] is not None and ev["recipient"]["text"].startswith(("sønn", "son", "Gaddafis"))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Statsministeren besøkte NRK sitt hovedkontor i Oslo torsdag.", "nb"),
        ("Statsministeren vitja NRK sitt hovudkontor i Oslo torsdag.", "nn"),
    ],
)
def test_the_owner_before_sin_sitt_is_the_one_visited(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert who(ev, "recipient")[0] == "NRK"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Han overga seg uten motstand til politiet i Drammen søndag.", "nb"),
        ("Han overgav seg utan motstand til politiet i Drammen søndag.", "nn"),
    ],
)
def test_a_target_phrase_hung_on_an_adverbial_noun(text: str, lang: str) -> None:
    ev = one(text, "CONCEDE", lang)
    assert who(ev, "recipient")[2] == "COP"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Advokaten forsvarte Ole Hansen, som i 2001 ble dømt for drapet på en nabo.", "nb"),
        ("Advokaten forsvarte Ole Hansen, som i 2001 vart dømt for drapet på ein nabo.", "nn"),
    ],
)
def test_relative_subject_with_an_adverbial_between(text: str, lang: str) -> None:
    ev = one(text, "COERCE", lang)
    assert who(ev, "recipient")[0] == "Ole Hansen"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("SVs landsstyre vedtok lørdag at norske fly skal være ute av Libya innen juni.", "nb"),
        ("SVs landsstyre vedtok laurdag at norske fly skal vere ute av Libya innan juni.", "nn"),
    ],
)
def test_a_resolution_asks_nobody_in_its_content_clause(text: str, lang: str) -> None:
    evs = [e for e in events_of(text, lang) if e["type"] == "REQUEST"]
    assert evs and all(e["recipient"] is None for e in evs)
