"""Where and when an event happened (:mod:`hending.extract.event_places`,
:mod:`hending.extract.event_dates`): rules from the dev review of event locations and dates, each on
realistic Bokmål and Nynorsk sentences. Real pipeline, places and times given."""

from __future__ import annotations

import pytest

from tests.test_events import one
from tests.test_events_rules import place

KANDAHAR, AFGHANISTAN = 1138336, 1149361
HEBRON, WEST_BANK = 285066, 6254930
GENEVA, SOGNDAL, FYRESDAL = 2660646, 7288345, 3145589
TEGUCIGALPA, HONDURAS, NORWAY = 3600949, 3608932, 3144096


# ---------------------------------------------------------------- a town, not the country around it


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Opprørerne holder fortsatt stillinger i Kandahar, sør i Afghanistan. De drepte to politimenn "
            "tirsdag.",
            "nb",
        ),
        (
            "Opprørarane held framleis stillingar i Kandahar, sør i Afghanistan. Dei drap to politimenn "
            "tysdag.",
            "nn",
        ),
    ],
)
def test_the_place_carried_from_the_sentence_before_is_the_town_not_its_country(text: str, lang: str) -> None:
    places = [
        place(text, "Kandahar", KANDAHAR, "AF"),
        place(text, "Afghanistan", AFGHANISTAN, "AF", "country"),
    ]
    ev = one(text, "ASSAULT", lang, places=places, published="2001-11-13")
    assert ev["location"]["geonameid"] == KANDAHAR


@pytest.mark.parametrize(
    "text, lang",
    [
        ("I byen Hebron på Vestbreidden ble det holdt en demonstrasjon søndag.", "nb"),
        ("I byen Hebron på Vestbreidda vart det halde ein demonstrasjon søndag.", "nn"),
    ],
)
def test_a_town_told_with_its_region_places_the_event_in_the_town(text: str, lang: str) -> None:
    region = "Vestbreidden" if lang == "nb" else "Vestbreidda"
    places = [place(text, "Hebron", HEBRON, "PS"), place(text, region, WEST_BANK, "PS", "region")]
    ev = one(text, "PROTEST", lang, places=places)
    assert ev["location"]["geonameid"] == HEBRON


# ---------------------------------------------------------------- the court a sentence refers to


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "En mann i 40-årene møtte i Sogn tingrett i dag, tiltalt for tyveri. Forsvareren ba retten om "
            "å frifinne ham.",
            "nb",
        ),
        (
            "Ein mann i 40-åra møtte i Sogn tingrett i dag, tiltalt for tjuveri. Forsvararen bad retten om "
            "å frifinne han.",
            "nn",
        ),
    ],
)
def test_a_request_to_the_court_is_made_where_the_court_sits(text: str, lang: str) -> None:
    ev = one(text, "REQUEST", lang, published="2009-06-15")
    assert ev["location"]["geonameid"] == SOGNDAL


# ---------------------------------------------------------------- what is said is not where


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Ordføreren i Fyresdal møtte fylkeskommunen torsdag. Nå krever vi at regionen får ta "
            "diskusjonen om pengene.",
            "nb",
        ),
        (
            "Ordføraren i Fyresdal møtte fylkeskommunen torsdag. No krev me at regionen får ta "
            "diskusjonen om pengane.",
            "nn",
        ),
    ],
)
def test_a_place_word_inside_what_is_demanded_is_not_where_the_demand_is_made(text: str, lang: str) -> None:
    places = [place(text, "Fyresdal", FYRESDAL, "NO")]
    ev = one(text, "REQUEST", lang, places=places, published="2004-04-01")
    assert ev["location"] is None


# ---------------------------------------------------------------- "Der" at the opening of a sentence


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kongeparet kom til Genève mandag. Der møtte de generaldirektøren i WHO.", "nb"),
        ("Kongeparet kom til Genève måndag. Der møtte dei generaldirektøren i WHO.", "nn"),
    ],
)
def test_der_opening_a_sentence_sets_it_at_the_place_told_before(text: str, lang: str) -> None:
    places = [place(text, "Genève", GENEVA, "CH")]
    ev = one(text, "CONSULT", lang, places=places, published="2006-04-05")
    assert ev["location"]["geonameid"] == GENEVA


# ---------------------------------------------------------------- places that set no scene


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Soldater i Tegucigalpa stanset demonstranter søndag. Militæret i Honduras har tatt makten.\n\n"
            "– Vi har kontakt med UD hjemme i Norge, sier ambassadesekretæren. Så endret situasjonen seg "
            "brått da presidenten ble pågrepet.",
            "nb",
        ),
        (
            "Soldatar i Tegucigalpa stansa demonstrantar søndag. Militæret i Honduras har teke makta.\n\n"
            "– Vi har kontakt med UD heime i Noreg, seier ambassadesekretæren. Så endra situasjonen seg "
            "brått då presidenten vart pågripen.",
            "nn",
        ),
    ],
)
def test_the_papers_own_country_in_the_sentence_before_does_not_set_the_scene(text: str, lang: str) -> None:
    home = "Norge" if lang == "nb" else "Noreg"
    places = [
        place(text, "Tegucigalpa", TEGUCIGALPA, "HN"),
        place(text, "Honduras", HONDURAS, "HN", "country"),
        place(text, home, NORWAY, "NO", "country"),
    ]
    ev = one(text, "COERCE", lang, places=places, published="2009-06-28")
    assert ev["location"]["country"] == "HN"


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Krigen i Afghanistan har blitt langvarig. Flere begynner å sammenligne med Vietnam. Obama "
            "varslet en opptrapping av amerikanske styrker.",
            "nb",
        ),
        (
            "Krigen i Afghanistan har vorte langvarig. Fleire byrjar å samanlikne med Vietnam. Obama "
            "varsla ei opptrapping av amerikanske styrkar.",
            "nn",
        ),
    ],
)
def test_a_place_compared_with_does_not_set_the_scene(text: str, lang: str) -> None:
    places = [
        place(text, "Afghanistan", AFGHANISTAN, "AF", "country"),
        place(text, "Vietnam", 1562822, "VN", "country"),
    ]
    ev = one(text, "MOBILIZE", lang, places=places, published="2009-10-12")
    assert ev["location"]["geonameid"] == AFGHANISTAN


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Hebron er en delt by. Soldatene patruljerer i Hebron hver dag.\n\nDen norske "
            "terroristen drepte 77 mennesker i to terrorangrep.",
            "nb",
        ),
        (
            "Hebron er ein delt by. Soldatane patruljerer i Hebron kvar dag.\n\nDen norske "
            "terroristen drap 77 menneske i to terroråtak.",
            "nn",
        ),
    ],
)
def test_the_story_place_is_not_where_a_foreign_actor_acted(text: str, lang: str) -> None:
    places = [place(text, "Hebron", HEBRON, "PS"), place(text, "Hebron", HEBRON, "PS", nth=1)]
    ev = one(text, "ASSAULT", lang, places=places, published="2011-08-08")
    assert ev["location"] is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Ordførerne i Vest-Telemark møtte fylkeskommunen torsdag for å drøfte pengene.", "nb"),
        ("Ordførarane i Vest-Telemark møtte fylkeskommunen torsdag for å drøfte pengane.", "nn"),
    ],
)
def test_where_those_who_meet_come_from_is_not_where_they_meet(text: str, lang: str) -> None:
    places = [place(text, "Vest-Telemark", 3144096, "NO", "region")]
    ev = one(text, "CONSULT", lang, places=places, published="2004-04-01")
    assert ev["location"] is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Demonstranter i Kairo krevde at presidenten går av.", "nb"),
        ("Demonstrantar i Kairo kravde at presidenten går av.", "nn"),
    ],
)
def test_demonstrators_in_a_town_demand_there(text: str, lang: str) -> None:
    places = [place(text, "Kairo", 360630, "EG")]
    ev = one(text, "REQUEST", lang, places=places, published="2011-02-01")
    assert ev["location"]["geonameid"] == 360630


# ---------------------------------------------------------------- "dagen etter <event>"


def _events(text: str, lang: str, published: str) -> list[dict]:
    from hending.process import analyse_text

    return analyse_text(text, published, lang)["events"]


@pytest.mark.parametrize(
    "text, lang, noun",
    [
        (
            "Støre satt i bilen 22. juli da telefonen ringte. Allerede dagen etter terrorangrepene mot "
            "regjeringskvartalet og Utøya begynte kondolansene å strømme inn.",
            "nb",
            "terrorangrepene",
        ),
        (
            "Støre sat i bilen 22. juli då telefonen ringde. Alt dagen etter terroråtaka mot "
            "regjeringskvartalet og Utøya byrja kondolansane å strøyme inn.",
            "nn",
            "terroråtaka",
        ),
    ],
)
def test_the_day_after_an_event_noun_dates_the_event_a_day_earlier(text: str, lang: str, noun: str) -> None:
    evs = [e for e in _events(text, lang, "2012-01-09") if e["trigger"]["text"] == noun]
    assert evs and evs[0]["date"]["start"] == evs[0]["date"]["end"] == "2011-07-22"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Opprørerne tok byen 22. juli. Dagen etter bombet regjeringsstyrkene flyplassen.", "nb"),
        ("Opprørarane tok byen 22. juli. Dagen etter bomba regjeringsstyrkane flyplassen.", "nn"),
    ],
)
def test_the_day_after_before_a_verb_is_the_events_own_day(text: str, lang: str) -> None:
    evs = [e for e in _events(text, lang, "2012-01-09") if e["trigger"]["text"].startswith("bomb")]
    assert evs and evs[0]["date"]["start"] == "2011-07-23"


# ---------------------------------------------------------------- a list of event nouns


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Lista er lang: stengning av Guantánamo, dialog med Iran, uttrekning av Irak-styrkene, "
            "bedring av forholdet til Russland.",
            "nb",
        ),
        (
            "Lista er lang: stenging av Guantánamo, dialog med Iran, uttrekking av Irak-styrkane, "
            "betring av forholdet til Russland.",
            "nn",
        ),
    ],
)
def test_a_place_of_another_item_in_a_list_of_event_nouns_is_not_the_events(text: str, lang: str) -> None:
    places = [
        place(text, "Guantánamo", 3557689, "CU"),
        place(text, "Iran", 130758, "IR", "country"),
        place(text, "Russland", 2017370, "RU", "country"),
    ]
    ev = one(text, "CONSULT", lang, places=places, published="2009-10-12")
    assert ev["location"] is None
