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


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Politiet pågrep fem personer i Ålesund, og Hansen sier at saken er alvorlig. "
            "– De slippes fri etter avhør, sier Hansen.",
            "nb",
        ),
        (
            "Politiet pågreip fem personar i Ålesund, og Hansen seier at saka er alvorleg. "
            "– Dei vert sleppte fri etter avhør, seier Hansen.",
            "nn",
        ),
    ],
)
def test_a_plural_pronoun_is_no_single_person_after_a_clause_og(text: str, lang: str) -> None:
    evs = [e for e in events_of(text, lang) if e["type"] == "RETREAT"]
    assert evs and all(e["recipient"] is None or e["recipient"]["name"] != "Hansen" for e in evs)


@pytest.mark.parametrize(
    "text, lang, wanted, sector",
    [
        ("En mann i 60-årene er tiltalt for overgrep mot ei jente i Bergen.", "nb", "ei jente", "CVL"),
        ("Ein mann i 60-åra er tiltalt for overgrep mot ei jente i Bergen.", "nn", "ei jente", "CVL"),
        ("Den israelske regjeringen kritiserte TIPH i Hebron.", "nb", "TIPH", "IGO"),
        ("Den israelske regjeringa kritiserte TIPH i Hebron.", "nn", "TIPH", "IGO"),
        ("Telenor kritiserte Grameenphone for å ha brutt avtalen.", "nb", "Grameenphone", "BUS"),
        ("Telenor kritiserte Grameenphone for å ha brote avtalen.", "nn", "Grameenphone", "BUS"),
    ],
)
def test_lexicon_actors_reach_the_recipient(text: str, lang: str, wanted: str, sector: str) -> None:
    ev = next(e for e in events_of(text, lang) if e["recipient"] and e["recipient"]["text"] == wanted)
    assert ev["recipient"]["sector"] == sector


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sikkerhetsrådet fordømte angrepet i Hebron.", "nb"),
        ("Sikkerheitsrådet fordømde åtaket i Hebron.", "nn"),
    ],
)
def test_the_security_council_in_both_written_forms(text: str, lang: str) -> None:
    ev = one(text, "ACCUSE", lang)
    assert who(ev, "actor")[2] == "IGO"


@pytest.mark.parametrize(
    "text, lang, sector, country",
    [
        ("Kurdiske opprørere angrep en tyrkisk militærpost ved grensen.", "nb", "MIL", "TUR"),
        ("Kurdiske opprørarar angreip ein tyrkisk militærpost ved grensa.", "nn", "MIL", "TUR"),
        ("Opprørerne angrep politistasjonen i byen natt til søndag.", "nb", "COP", "NOR"),
        ("Opprørarane angreip politistasjonen i byen natt til søndag.", "nn", "COP", "NOR"),
    ],
)
def test_an_attacked_site_stands_for_the_body_its_compound_names(
    text: str, lang: str, sector: str, country: str
) -> None:
    ev = one(text, "ASSAULT", lang)
    assert who(ev, "actor")[2] == "REB"
    assert who(ev, "recipient")[1:] == (country, sector)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Opprørerne angrep politikken til regjeringen.", "nb"),
        ("Soldatene angrep bilen hans i går.", "nb"),
    ],
)
def test_a_compound_without_a_body_prefix_is_no_site(text: str, lang: str) -> None:
    for ev in events_of(text, lang):
        assert who(ev, "recipient")[2] not in ("COP", "MIL")
