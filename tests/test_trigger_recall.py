"""Trigger recall: entries and filters added for events the extractor used to miss.

Every case is a realistic news sentence in Bokmål and in Nynorsk that must yield the event type
with its trigger text (real pipeline, places and times included, as in production); the guards
show the readings of the same words that must stay out.
"""

from __future__ import annotations

import pytest

from hending.process import analyse_text
from tests.test_events import _model_or_skip


def events(text: str, lang: str) -> list[dict]:
    """Events of ``text`` through the whole pipeline."""
    _model_or_skip()
    return analyse_text(text, "2017-03-06", lang)["events"]


# (language, type, trigger text, sentence)
CASES: list[tuple[str, str, str, str]] = [
    # CONCEDE: confessing, admitting, handing over power
    ("nb", "CONCEDE", "tilstått", "Den siktede har tilstått drapet på kona, opplyser politiet."),
    ("nn", "CONCEDE", "tilstått", "Den sikta har tilstått kjøp og bruk av fem gram amfetamin."),
    ("nb", "CONCEDE", "vedgår", "Bilisten vedgår at han kjørte for fort."),
    ("nn", "CONCEDE", "vedgår", "Bilisten vedgår at han køyrde i over 100 km/t i ei 80-sone."),
    ("nb", "CONCEDE", "gitt stafettpinnen videre", "Statsministeren har gitt stafettpinnen videre."),
    ("nn", "CONCEDE", "gitt stafettpinnen vidare", "Statsministeren har gitt stafettpinnen vidare."),
    # SUPPORT: saying yes, backing (nn "stø"), awarding the peace prize
    ("nb", "SUPPORT", "si ja", "I dag skal Frp-gruppen si ja til statsbudsjettet."),
    ("nn", "SUPPORT", "sa ja", "Regjeringa sa ja til forslaget frå Sverige."),
    ("nn", "SUPPORT", "stør", "Statssekretæren stør synet til ordførarane."),
    ("nb", "SUPPORT", "tildelte fredsprisen", "Nobelkomiteen tildelte fredsprisen til Barack Obama."),
    ("nn", "SUPPORT", "gav fredsprisen", "Nobelkomiteen gav fredsprisen til Barack Obama."),
    # THREATEN: a strike notice
    ("nb", "THREATEN", "varsler streik", "Fagforbundet varsler streik ved sykehuset fra mandag."),
    ("nn", "THREATEN", "varslar streik", "Fagforbundet varslar streik ved sjukehuset frå måndag."),
    # CONSULT: getting in touch
    ("nb", "CONSULT", "tok kontakt med", "Politiet tok kontakt med Helsetilsynet etter obduksjonen."),
    ("nn", "CONSULT", "tok kontakt med", "Politiet tok kontakt med Helsetilsynet då rapporten vart klar."),
    # ASSAULT: losing a battle, war with its own place
    ("nb", "ASSAULT", "led nederlag mot", "Opprørerne led nederlag mot regjeringsstyrkene i Sirte."),
    ("nn", "ASSAULT", "leid nederlag mot", "Opprørarane leid nederlag mot regjeringsstyrkane i Sirte."),
    ("nb", "ASSAULT", "Krigen", "Krigen i Afghanistan har kostet tusenvis av liv."),
    ("nn", "ASSAULT", "Krigen", "Krigen i Afghanistan har kosta tusenvis av liv."),
    ("nb", "ASSAULT", "Irak-invasjonen", "Krigen i Libya skiller seg fra den feilslåtte Irak-invasjonen."),
    ("nn", "ASSAULT", "Irak-invasjonen", "Krigen i Libya skil seg frå den mislukka Irak-invasjonen."),
    # COERCE: police stops and raids, fines, dissolving a parliament
    ("nb", "COERCE", "stoppet av politiet", "Mannen ble stoppet av politiet på E39 natt til søndag."),
    ("nn", "COERCE", "stoppa av politiet", "Mannen blei stoppa av politiet på E39 natt til sundag."),
    ("nb", "COERCE", "tatt av politiet", "Mannen ble tatt av politiet i Bergen med narkotika i bilen."),
    ("nn", "COERCE", "teken av politiet", "Mannen vart teken av politiet i Bergen med narkotika i bilen."),
    ("nb", "COERCE", "bot", "Mannen fikk en bot på 7800 kroner for å ha kjørt for fort."),
    ("nn", "COERCE", "bot", "Mannen fekk ei bot på 7800 kroner for å ha køyrt for fort."),
    ("nb", "COERCE", "politiaksjon", "Overgrepene ble anmeldt etter en politiaksjon mot mannen."),
    ("nn", "COERCE", "politiaksjon", "Overgrepa vart melde etter ein politiaksjon mot mannen."),
    ("nb", "COERCE", "oppløste parlamentet", "Presidenten oppløste parlamentet søndag."),
    ("nn", "COERCE", "oppløyste parlamentet", "Presidenten oppløyste parlamentet sundag."),
    # RETREAT: hostages let out, attacks called off
    ("nb", "RETREAT", "sluppet ut av", "De to siste gislene ble sluppet ut av banken."),
    ("nn", "RETREAT", "sleppte ut av", "Dei to siste gislane vart sleppte ut av banken."),
    ("nb", "RETREAT", "frikjent", "Han ble frikjent for drapet i lagmannsretten."),
    ("nn", "RETREAT", "frikjend", "Han vart frikjend for drapet i lagmannsretten."),
    ("nb", "RETREAT", "innstille angrepene", "Hamas besluttet å innstille angrepene mot Israel."),
    ("nn", "RETREAT", "innstille åtaka", "Hamas vedtok å innstille åtaka mot Israel."),
    # ACCUSE: an investigation opened
    (
        "nb",
        "ACCUSE",
        "starte etterforskning",
        "Politiet har besluttet å starte etterforskning av dødsfallet.",
    ),
    (
        "nn",
        "ACCUSE",
        "starte etterforsking",
        "No har politiet bestemt seg for å starte etterforsking på eige initiativ.",
    ),
    ("nb", "ACCUSE", "åpnet etterforskning", "Politiet åpnet etterforskning mot rektoren i går."),
    ("nn", "ACCUSE", "set i verk etterforsking", "Politiet set i verk etterforsking mot sjukehuset."),
    (
        "nb",
        "ACCUSE",
        "setter i gang etterforskning",
        "Direktøren vil ikke kommentere at politiet setter i gang etterforskning mot sykehuset.",
    ),
    (
        "nn",
        "ACCUSE",
        "set i verk etterforsking",
        "Fagdirektøren vil ikkje kommentere at politiet set i verk etterforsking mot sjukehuset.",
    ),
    # ASSAULT: the Nynorsk infinitive and past of knivstikke
    ("nn", "ASSAULT", "knivstikka", "Dei to mennene forfølgde guten, for så å knivstikka han til døde."),
    ("nn", "ASSAULT", "knivstakk", "Mannen knivstakk kona si i går."),
    # CONCEDE: a confession by a noun subject that names no known actor
    ("nn", "CONCEDE", "tilstod", "Begge dei to sogningane tilstod då dei møtte i retten."),
    ("nb", "CONCEDE", "tilsto", "Begge de to bilistene tilsto da de møtte i retten."),
    # CONCEDE: a confession as a noun
    ("nb", "CONCEDE", "tilståelse", "Mannen har avgitt en tilståelse til politiet."),
    ("nn", "CONCEDE", "tilståing", "Mannen har gitt ei full tilståing til politiet."),
    # CONSULT: police in contact with a hostage taker (also when hedged: "ser ut som om")
    (
        "nb",
        "CONSULT",
        "har kontakt med",
        "Det ser ut som om politiet har kontakt med gisseltakeren gjennom vinduet.",
    ),
    ("nn", "CONSULT", "har kontakt med", "Politiet har kontakt med gisseltakaren gjennom vindauget."),
    # COERCE: a police pursuit, a driver caught drunk
    ("nb", "COERCE", "fulgte etter", "Politiet fulgte etter bilisten og satte på blålysene."),
    (
        "nn",
        "COERCE",
        "følgde etter",
        "Politiet, som målte farten, følgde etter bilisten og sette på blålysa.",
    ),
    ("nb", "COERCE", "tatt for fyllekjøring", "Mannen ble tatt for fyllekjøring i Bergen natt til søndag."),
    ("nn", "COERCE", "tatt med ein promille", "Mannen blei tatt med ein promille på 0,65."),
    # PROTEST: riots as the head of a compound
    ("nb", "PROTEST", "ungdomsopptøyene", "Politiet slo ned ungdomsopptøyene i London."),
    ("nn", "PROTEST", "ungdomsopptøyane", "Cameron nytta pøbelretorikk mot ungdomsopptøyane i London."),
]


@pytest.mark.parametrize("lang, type_, trigger, text", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_trigger_yields_its_event(lang: str, type_: str, trigger: str, text: str) -> None:
    got = [(e["type"], e["trigger"]["text"]) for e in events(text, lang)]
    assert (type_, trigger) in got, got


# Filters relaxed: a noun's agent after an aside, a causing verb, a superlative.
RELAXED: list[tuple[str, str, str, str]] = [
    ("nb", "ACCUSE", "kritikk", "Tildelingen er møtt med sterk kritikk, særlig fra Høyre og Frp."),
    ("nn", "ACCUSE", "kritikk", "Tildelinga er møtt med sterk kritikk, særleg frå Høgre og Frp."),
    ("nb", "PROTEST", "demonstrasjonen", "Det utløste den største demonstrasjonen etter krigen."),
    ("nn", "PROTEST", "demonstrasjonen", "Det utløyste også den største demonstrasjonen etter krigen."),
    ("nb", "ACCUSE", "kritikken", "Regjeringen skjerper kritikken av Israels blokade."),
    ("nn", "ACCUSE", "kritikken", "Regjeringa skjerpar kritikken av Israels blokade."),
    ("nb", "CONSULT", "Møtet", "Møtet i Sikkerhetsrådet ble avsluttet uten enighet."),
    ("nn", "CONSULT", "Møtet", "Møtet i Tryggingsrådet vart avslutta utan semje."),
]


def test_the_body_a_meeting_is_held_in_meets() -> None:
    text = "Møtet i Sikkerhetsrådet ble avsluttet uten enighet."
    ev = [e for e in events(text, "nb") if e["type"] == "CONSULT"]
    assert ev and ev[0]["actor"]["text"] == "Sikkerhetsrådet"


def test_a_visit_in_an_organisation_is_not_its_act() -> None:
    text = "Der var de blant annet på besøk i Verdens helseorganisasjon og møtte generaldirektøren."
    assert all((e["actor"] or {}).get("text") != "Verdens helseorganisasjon" for e in events(text, "nb"))


@pytest.mark.parametrize("lang, type_, trigger, text", RELAXED, ids=[f"{c[0]}-{c[2]}" for c in RELAXED])
def test_relaxed_filter_keeps_the_event(lang: str, type_: str, trigger: str, text: str) -> None:
    got = [(e["type"], e["trigger"]["text"]) for e in events(text, lang)]
    assert (type_, trigger) in got, got


# Readings of the same words that tell no event of that type.
GUARDS: list[tuple[str, str, str]] = [
    ("nb", "ASSAULT", "Arbeiderpartiet led et stort nederlag i valget."),
    ("nn", "ASSAULT", "Arbeidarpartiet leid eit stort nederlag i valet."),
    ("nb", "ASSAULT", "Soldatene er dårlig egnet til å krige i ørkenen."),
    ("nb", "ASSAULT", "Priskrigen mellom kjedene fortsetter."),
    ("nn", "ASSAULT", "Priskrigen mellom kjedene held fram."),
    ("nb", "ASSAULT", "Det er krig i kjøkkenet."),
    ("nb", "COERCE", "Det er vanskelig å råde bot på problemet."),
    ("nn", "COERCE", "Det er vanskeleg å råde bot på problemet."),
    ("nb", "RETREAT", "Fabrikken slapp ut store mengder CO2 i fjor."),
    ("nn", "RETREAT", "Fabrikken sleppte ut store mengder CO2 i fjor."),
    ("nb", "SUPPORT", "Han fikk prisen for årets beste roman."),
    ("nb", "SUPPORT", "Forlaget gav prisen for årets beste roman til en debutant."),
    ("nb", "CONSULT", "Ta kontakt med kundeservice for mer informasjon."),
    ("nn", "CONSULT", "Ta kontakt med kundeservice for meir informasjon."),
    ("nb", "COERCE", "Bussen ble stoppet av snøen på fjellet."),
    ("nn", "COERCE", "Bussen vart stoppa av snøen på fjellet."),
    ("nb", "COERCE", "Han fulgte etter debatten med stor interesse."),
    ("nn", "COERCE", "Ho følgde etter mora inn i butikken."),
    ("nb", "CONSULT", "Vi har god kontakt med naboene."),
    ("nn", "CONSULT", "Elevane har kontakt med lærarane kvar dag."),
    ("nb", "ACCUSE", "Under etterforskningen skal han ha forklart at han handlet alene."),
    ("nn", "ACCUSE", "Etterforskinga held fram med fleire avhøyr."),
    ("nn", "CONCEDE", "Det vart tilstått i retten."),
]


@pytest.mark.parametrize("lang, type_, text", GUARDS, ids=[f"{g[0]}-{g[2][:30]}" for g in GUARDS])
def test_guard_keeps_out_non_events(lang: str, type_: str, text: str) -> None:
    got = [(e["type"], e["trigger"]["text"]) for e in events(text, lang)]
    assert all(t != type_ for t, _ in got), got


# Deverbal nouns (triggers.yaml derived_nouns) take their verb's type and need participants.
DERIVED: list[tuple[str, str, str, str]] = [
    ("nb", "RETREAT", "frifinnelse", "Retten kom torsdag med en frifinnelse av den tidligere ordføreren."),
    ("nn", "RETREAT", "frifinning", "Retten kom torsdag med ei frifinning av den tidlegare ordføraren."),
    ("nb", "COERCE", "avsettingen", "Hæren gjennomførte avsettingen av presidenten søndag."),
    ("nn", "COERCE", "avsettinga", "Hæren gjennomførte avsettinga av presidenten sundag."),
    ("nb", "COERCE", "ransaking", "Politiet gjennomførte ransaking av huset til mannen."),
    ("nn", "COERCE", "ransaking", "Politiet gjennomførte ransaking av huset til mannen i går."),
]


@pytest.mark.parametrize("lang, type_, trigger, text", DERIVED, ids=[f"{c[0]}-{c[2]}" for c in DERIVED])
def test_derived_noun_takes_its_verbs_type(lang: str, type_: str, trigger: str, text: str) -> None:
    got = [(e["type"], e["trigger"]["text"]) for e in events(text, lang)]
    assert (type_, trigger) in got, got


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Opposisjonen krever løslatelse av de politiske fangene.", "nb"),
        ("Opposisjonen krev lauslating av dei politiske fangane.", "nn"),
        ("USA ber om utlevering av Assange.", "nb"),
        ("USA bed om utlevering av Assange.", "nn"),
    ],
)
def test_the_demanded_act_is_part_of_the_demand(text: str, lang: str) -> None:
    assert [e["type"] for e in events(text, lang)] == ["REQUEST"]
