"""Arguments of noun-triggered events and participants named by person nouns, on realistic Bokmål
and Nynorsk sentences (real pipeline): owners, "sin" genitives and measure phrases, targets,
phrasal light verbs, fronted "under" phrases, visits, people prefixes, regional demonyms."""

from __future__ import annotations

import pytest

from tests.test_events import events_of, one


def who(ev: dict, role: str) -> tuple[str | None, str | None, str | None]:
    """(text, country, sector) of an event's actor or recipient; Nones when it has none."""
    a = ev[role]
    return (a["text"], a["country"], a["sector"]) if a else (None, None, None)


# ---------------------------------------------------------------- owners of the event noun


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Politiets razzia mot klubben skjedde tirsdag.", "nb"),
        ("Politiet sin razzia mot klubben skjedde tysdag.", "nn"),
        ("Politiet sin razzia mot klubben skjedde tirsdag.", "nb"),
    ],
)
def test_genitive_or_sin_owner_is_the_agent(text: str, lang: str) -> None:
    ev = one(text, "COERCE", lang)
    assert who(ev, "actor")[2] == "COP"
    assert who(ev, "recipient")[0] == "klubben"


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Kong Harald og dronning Sonja kom til Genève i går. I dag innledes formelt deres to dager "
            "lange statsbesøk i Bern.",
            "nb",
        ),
        (
            "Kong Harald og dronning Sonja kom til Genève i går. I dag tek deira to dagar lange "
            "statsbesøk til i Bern.",
            "nn",
        ),
    ],
)
def test_possessive_before_a_measure_phrase_is_the_agent(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert who(ev, "actor")[1:] == ("NOR", "GOV")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kongeparet startet i går sitt tre dager lange statsbesøk i Sveits.", "nb"),
        ("Kongeparet starta i går sitt tre dagar lange statsbesøk i Sveits.", "nn"),
    ],
)
def test_a_state_visit_in_a_country_visits_that_state(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert who(ev, "actor")[0] == "Kongeparet"
    assert who(ev, "recipient")[1:] == ("CHE", "GOV")


def test_a_visit_to_a_town_has_no_recipient_from_the_town() -> None:
    ev = one("Statsministeren avsluttet i går et besøk i Oslo.", "CONSULT")
    assert ev["recipient"] is None


# ---------------------------------------------------------------- targets


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Regjeringen skjerper kritikken av Israels blokade.", "nb"),
        ("Regjeringa skjerpar kritikken av Israels blokade.", "nn"),
    ],
)
def test_the_owner_of_what_is_criticised_is_the_target(text: str, lang: str) -> None:
    ev = one(text, "ACCUSE", lang)
    assert who(ev, "actor")[2] == "GOV"
    assert who(ev, "recipient")[1:] == ("ISR", "GOV")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Under en razzia hjemme hos Gabriele fant etterforskere tre gaver.", "nb"),
        ("Under ein razzia heime hos Gabriele fann etterforskarar tre gåver.", "nn"),
    ],
)
def test_a_raid_at_someones_home_and_the_subject_after_a_fronted_under_phrase(text: str, lang: str) -> None:
    ev = one(text, "COERCE", lang)
    assert who(ev, "actor")[2] == "COP"
    assert who(ev, "recipient")[0] == "Gabriele"


def test_a_fronted_under_phrase_does_not_make_the_police_protest() -> None:
    evs = events_of("Under demonstrasjonen arresterte politiet 20 personer.")
    assert all(not (e["type"] == "PROTEST" and who(e, "actor")[2] == "COP") for e in evs)


# ---------------------------------------------------------------- light verbs


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sykepleierne satte i gang streik mot Spekter mandag.", "nb"),
        ("Sjukepleiarane sette i gang streik mot Spekter måndag.", "nn"),
    ],
)
def test_the_subject_of_a_phrasal_light_verb_is_the_agent(text: str, lang: str) -> None:
    ev = one(text, "PROTEST", lang)
    assert who(ev, "actor")[0].startswith(("Sykepleierne", "Sjukepleiarane"))
    assert who(ev, "recipient")[0] == "Spekter"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Hamas gjennomførte et rakettangrep mot Israel i natt.", "nb"),
        ("Hamas gjennomførte eit rakettåtak mot Israel i natt.", "nn"),
    ],
)
def test_the_subject_of_a_support_verb_attacks_the_target(text: str, lang: str) -> None:
    ev = one(text, "ASSAULT", lang)
    assert who(ev, "actor")[0] == "Hamas"
    assert who(ev, "recipient")[1] == "ISR"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Statsministeren fikk kritikk fra opposisjonen.", "nb"),
        ("Statsministeren fekk kritikk frå opposisjonen.", "nn"),
    ],
)
def test_receiving_criticism_makes_the_subject_the_target(text: str, lang: str) -> None:
    ev = one(text, "ACCUSE", lang)
    assert who(ev, "actor")[2] == "OPP"
    assert who(ev, "recipient")[0] == "Statsministeren"


# ---------------------------------------------------------------- people prefixes of protests


@pytest.mark.parametrize(
    "text, lang, trigger",
    [
        (
            "I Thailand har makten skiftet etter massedemonstrasjoner i Bangkok i fjor.",
            "nb",
            "massedemonstrasjoner",
        ),
        ("Ungdomsopptøyane i London heldt fram i natt.", "nn", "Ungdomsopptøyane"),
        ("Etter massedemonstrasjonar i Bangkok tok hæren over makta.", "nn", "massedemonstrasjonar"),
    ],
)
def test_a_people_prefix_names_the_protesters(text: str, lang: str, trigger: str) -> None:
    ev = one(text, "PROTEST", lang)
    assert who(ev, "actor")[0] == trigger
    assert who(ev, "actor")[2] == "CVL"


def test_a_victim_prefix_is_no_agent() -> None:
    assert all(e["actor"] is None for e in events_of("Barnedrapet i Bergen sjokkerte byen."))


# ---------------------------------------------------------------- person nouns


@pytest.mark.parametrize(
    "text, lang, word",
    [
        ("Sunnmøringen ble pågrepet av politiet i går.", "nb", "Sunnmøringen"),
        ("Tre sunnmøringer ble pågrepet av politiet i Ålesund.", "nb", "Tre sunnmøringer"),
        ("Vossingen blei arrestert av politiet.", "nn", "Vossingen"),
        ("Bergenseren ble truet av naboen.", "nb", "Bergenseren"),
    ],
)
def test_a_regional_demonym_is_a_norwegian_civilian_target(text: str, lang: str, word: str) -> None:
    ev = next(e for e in events_of(text, lang) if e["recipient"])
    assert who(ev, "recipient") == (word, "NOR", "CVL")


@pytest.mark.parametrize(
    "text, lang, type_",
    [
        ("Sogningen blei dømt til 36 dagar i fengsel.", "nn", "COERCE"),
        ("Sogningane tilstod at dei hadde stole bilen.", "nn", "CONCEDE"),
    ],
)
def test_a_regional_demonym_takes_part_in_nynorsk(text: str, lang: str, type_: str) -> None:
    ev = one(text, type_, lang)
    role = "recipient" if type_ == "COERCE" else "actor"
    assert who(ev, role)[1:] == ("NOR", "CVL")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("En bekjent av mannen truet ham med kniv.", "nb"),
        ("Ein kjenning av mannen truga han med kniv.", "nn"),
        ("Naboen truet bergenseren med kniv.", "nb"),
        ("Naboen truga bergensaren med kniv.", "nn"),
    ],
)
def test_acquaintances_and_neighbours_are_civilian_agents(text: str, lang: str) -> None:
    ev = one(text, "THREATEN", lang)
    assert who(ev, "actor")[1:] == ("NOR", "CVL")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Han ble truet av en kollega på jobben.", "nb"),
        ("Bergenseren ble truet av naboen.", "nb"),
    ],
)
def test_the_subject_of_a_passive_is_the_target(text: str, lang: str) -> None:
    ev = one(text, "THREATEN", lang)
    assert ev["recipient"] is not None and ev["actor"] is not None
    assert ev["recipient"]["text"] in ("Han", "Bergenseren")


def test_place_names_are_not_demonyms() -> None:
    """The demonym stems ("harding") leave the region names alone."""
    evs = events_of("Politiet pågrep en mann i Hardanger i går.")
    assert all(who(e, "actor")[0] != "Hardanger" and who(e, "recipient")[0] != "Hardanger" for e in evs)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kommunen fikk godkjenning fra departementet.", "nb"),
        ("Regjeringa gav anerkjenning til Kosovo.", "nn"),
    ],
)
def test_words_ending_in_kjenning_are_no_acquaintances(text: str, lang: str) -> None:
    evs = events_of(text, lang)
    assert all("kjenning" not in (who(e, "actor")[0] or "") for e in evs)


# ---------------------------------------------------------------- taking part


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Ordføreren var med på et møte i kommunaldepartementet.", "nb"),
        ("Saamund Gjersund, ordførar i Fyresdal, var sjølv med på eit møte i kommunaldepartementet.", "nn"),
    ],
)
def test_one_who_was_at_a_meeting_in_a_ministry_met_the_ministry(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert who(ev, "actor")[0] in ("Ordføreren", "Saamund Gjersund")
    assert who(ev, "recipient")[0] == "kommunaldepartementet"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Statsministeren deltok på et møte med fagforeningene.", "nb"),
        ("Helseministeren deltok på eit dialogmøte med Helse Førde.", "nn"),
    ],
)
def test_the_subject_of_deltok_pa_takes_part(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert who(ev, "actor")[2] == "GOV"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sykepleierne ble tatt ut i streik tirsdag.", "nb"),
        ("32 tilsette ved Førde sentralsjukehus vert tekne ut i streik tysdag.", "nn"),
    ],
)
def test_those_taken_out_on_strike_strike(text: str, lang: str) -> None:
    ev = one(text, "PROTEST", lang)
    assert who(ev, "actor")[2] == "CVL"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Onsdagens demonstrasjon samlet 2000 mennesker foran Stortinget.", "nb"),
        ("Onsdagens møte samla 24 motstandarar frå Sunnmøre.", "nn"),
    ],
)
def test_those_an_event_gathers_take_part_in_it(text: str, lang: str) -> None:
    ev = next(e for e in events_of(text, lang) if e["type"] in ("PROTEST", "CONSULT"))
    assert who(ev, "actor")[2] == "CVL"


def test_being_at_a_meeting_without_med_is_no_participation_rule() -> None:
    evs = [e for e in events_of("Han var på et møte i Oslo.") if e["type"] == "CONSULT"]
    assert all(who(e, "recipient")[0] != "Oslo" for e in evs)


@pytest.mark.parametrize(
    "text, lang, agent",
    [
        ("Mannen ble truet med kniv av naboen.", "nb", "naboen"),
        ("Mannen vart truga med kniv av ein kjenning.", "nn", "ein kjenning"),
    ],
)
def test_the_agent_after_an_instrument_phrase(text: str, lang: str, agent: str) -> None:
    ev = one(text, "THREATEN", lang)
    assert who(ev, "actor") == (agent, "NOR", "CVL")
    assert who(ev, "recipient")[0] == "Mannen"


@pytest.mark.parametrize(
    "text, lang, type_, role, phrase",
    [
        ("En 30 år gammel mann ble pågrepet i natt.", "nb", "COERCE", "recipient", "En 30 år gammel mann"),
        ("Ein 30 år gammal mann vart pågripen i natt.", "nn", "COERCE", "recipient", "Ein 30 år gammal mann"),
        (
            "Naboen vart truga av ein 40 år gammal mann frå Årdal.",
            "nn",
            "THREATEN",
            "actor",
            "ein 40 år gammal mann",
        ),
    ],
)
def test_a_person_described_by_age_is_a_civilian(
    text: str, lang: str, type_: str, role: str, phrase: str
) -> None:
    ev = one(text, type_, lang)
    assert who(ev, role) == (phrase, "NOR", "CVL")


@pytest.mark.parametrize(
    "text, lang, type_, agent",
    [
        (
            "Torsdag om ei veke steller Interessegruppa for Rjukan sjukehus til storstilt "
            "demonstrasjon på Rjukan.",
            "nn",
            "PROTEST",
            "Interessegruppa for Rjukan sjukehus",
        ),
        ("Fagforbundet arrangerte ein demonstrasjon mot nedlegginga i går.", "nn", "PROTEST", "Fagforbundet"),
        ("Fagforbundet arrangerte en demonstrasjon mot nedleggelsen i går.", "nb", "PROTEST", "Fagforbundet"),
        ("Opprørerne gikk til angrep på regjeringsstyrkene i Aleppo i går.", "nb", "ASSAULT", "Opprørerne"),
    ],
)
def test_the_one_who_stages_or_organises_the_event(text: str, lang: str, type_: str, agent: str) -> None:
    ev = one(text, type_, lang)
    assert who(ev, "actor")[0] == agent


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Det ble brudd i forhandlingene mellom Delta og Spekter i natt.", "nb"),
        ("Det vart brot i forhandlingane mellom Delta og Spekter i natt.", "nn"),
    ],
)
def test_unknown_names_between_mellom_and_og_are_the_parties(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert (who(ev, "actor")[0], who(ev, "recipient")[0]) == ("Delta", "Spekter")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Avtalen samlet bred støtte i Stortinget.", "nb"),
        ("Avtalen samla brei støtte på Stortinget.", "nn"),
    ],
)
def test_an_agreement_that_gathers_support_gathers_no_participants(text: str, lang: str) -> None:
    assert all(
        who(e, "actor")[0] not in ("støtte", "bred støtte", "brei støtte") for e in events_of(text, lang)
    )


@pytest.mark.parametrize(
    "text, lang, trigger",
    [
        ("Israels blokade og angrep på Gaza fortsatte.", "nb", "angrep"),
        ("Israels blokade og åtak på Gaza held fram.", "nn", "åtak"),
    ],
)
def test_the_owner_of_the_first_coordinated_event_noun_owns_the_next(
    text: str, lang: str, trigger: str
) -> None:
    ev = next(e for e in events_of(text, lang) if e["trigger"]["text"] == trigger)
    assert who(ev, "actor")[:2] == ("Israels", "ISR")
    assert who(ev, "recipient")[1] == "PSE"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Han ble truet av en kollega på jobben.", "nb"),
        ("Han vart truga av ein kollega på jobben.", "nn"),
    ],
)
def test_an_unowned_colleague_is_a_civilian(text: str, lang: str) -> None:
    ev = one(text, "THREATEN", lang)
    assert who(ev, "actor")[1:] == ("NOR", "CVL")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Støre møtte sin russiske kollega i Moskva.", "nb"),
        ("Støre møtte kollegaen sin i Moskva.", "nb"),
        ("Støre møtte den russiske kollegaen sin i Moskva.", "nn"),
    ],
)
def test_a_counterpart_is_no_civilian(text: str, lang: str) -> None:
    ev = one(text, "CONSULT", lang)
    assert who(ev, "recipient")[2] != "CVL"


@pytest.mark.parametrize(
    "text, lang, target",
    [
        ("Olav Thon tar et saftig oppgjør med toppledernes fallskjermavtaler.", "nb", "toppledernes"),
        ("Olav Thon tek eit kraftig oppgjer med toppleiaranes fallskjermavtalar.", "nn", "toppleiaranes"),
    ],
)
def test_a_reckoning_with_someones_deals_targets_their_owner(text: str, lang: str, target: str) -> None:
    ev = one(text, "ACCUSE", lang)
    assert who(ev, "actor")[0] == "Olav Thon"
    assert who(ev, "recipient")[0] == target


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Vest-Telemarkrådet (VTR) kom i januar med eit utspel. Torsdag møtte ordførarane "
            "Vest-Telemarkrådet. Frantzen kritiserte VTR i går.",
            "nn",
        ),
        (
            "Vest-Telemarkrådet (VTR) kom i januar med et utspill. Torsdag møtte ordførerne "
            "Vest-Telemarkrådet. Frantzen kritiserte VTR i går.",
            "nb",
        ),
    ],
)
def test_a_bracketed_abbreviation_names_the_same_body(text: str, lang: str) -> None:
    ev = one(text, "ACCUSE", lang)
    assert ev["recipient"]["text"] == "VTR"
    assert ev["recipient"]["name"] == "Vest-Telemarkrådet"
