"""Temporal normaliser: genitives, named days, vague references, clock times, event-anchored days,
impossible dates, well-known dates and the month-only week forms (Bokmål and Nynorsk sentences).

Anchors: PUB = published Thursday 2017-03-02; WED = published Wednesday 2017-03-01;
HDR = only the header month 2017-03 is known.
"""

from __future__ import annotations

import pytest

from hending.resolve.times import Anchor

from .times_helpers import HDR, PUB, WED, full, vals  # noqa: F401

# ---------------------------------------------------------------- genitives


@pytest.mark.parametrize("sentence, anchor, expected", [
    ("Årets festival samlet 20 000 mennesker.", PUB, [("Årets", "2017")]),
    ("Fjorårets budsjett vart vedteke i desember.", PUB, [("Fjorårets", "2016"), ("i desember", "2016-12")]),
    ("Søndagens valg ga et klart flertall.", PUB, [("Søndagens", "2017-02-26")]),
    ("Søndagens valg ga et klart flertall.", HDR, [("Søndagens", "2017-03-WXX-7")]),
    ("Tysdagens møte i kommunestyret vart avlyst.", PUB, [("Tysdagens", "2017-02-28")]),
    ("Gårsdagens demonstrasjon var fredelig.", PUB, [("Gårsdagens", "2017-03-01")]),
    ("Gårsdagens demonstrasjon var fredelig.", HDR, [("Gårsdagens", "2017-03-XX")]),
    ("Kveldens konsert er avlyst.", PUB, [("Kveldens", "2017-03-02TEV")]),
    ("Han ble kåret til Årets Spellemann.", PUB, []),  # an award title
])
def test_genitives(sentence, anchor, expected):
    assert vals(sentence, anchor) == expected


def test_part_of_day_genitive_is_the_day_in_focus():
    text = "Mandag kveld var det fest i byen. Formiddagens seremoni hadde vært rolig."
    assert vals(text, PUB) == [("Mandag kveld", "2017-02-27TEV"), ("Formiddagens", "2017-02-27TMO")]
    assert vals(text, HDR) == [("Mandag kveld", "2017-03-WXX-1TEV"), ("Formiddagens", "2017-03-WXX-1TMO")]


@pytest.mark.parametrize("sentence, expected", [
    ("Dagens regjering vil ikke endre loven.", [("Dagens", "PRESENT_REF")]),
    ("I dagens Noreg er det få bønder.", [("dagens", "PRESENT_REF")]),
    ("I en kronikk i dagens Aftenposten skriver hun om saken.", [("dagens", "2017-03-02")]),
    ("Han fortalde om saka i dagens utgåve av avisa.", [("dagens", "2017-03-02")]),
    ("Før dagens møte var stemningen god.", [("dagens", "2017-03-02")]),
    ("Dagens Næringsliv meldte at selskapet går med underskudd.", []),  # a newspaper's name
    ("Slike overgrep er dagens orden der.", []),  # idiom
])
def test_dagens_present_day_or_todays(sentence, expected):
    assert vals(sentence, PUB) == expected


# ---------------------------------------------------------------- named days


def test_named_days_fixed_and_movable():
    assert vals("Fra nyttår blir det forbudt å røyke på jobben.", Anchor.parse("2017-11-20")) == [
        ("nyttår", "2018-01-01")]
    assert vals("Godt nyttår!", PUB) == []  # a greeting
    assert vals("Butikkane er stengde på julaftan.", Anchor.parse("2017-12")) == [("julaftan", "2017-12-24")]
    assert vals("Demonstrasjonen ble holdt på menneskerettighetsdagen.", Anchor.parse("2017-12-12")) == [
        ("menneskerettighetsdagen", "2017-12-10")]
    assert vals("Han døde langfredag, og ble gravlagt 2. påskedag.", Anchor.parse("2017-04-20")) == [
        ("langfredag", "2017-04-14"), ("2. påskedag", "2017-04-17")]
    assert vals("Vedtaket kom på Kristi himmelfartsdag.", Anchor.parse("2017-06-01")) == [
        ("Kristi himmelfartsdag", "2017-05-25")]
    assert vals("Snøen kom som julaften på kjerringa.", PUB) == []  # idiom: unexpectedly


# ---------------------------------------------------------------- vague references


@pytest.mark.parametrize("sentence, expected", [
    ("For noen måneder siden ble han løslatt.",
     [("For noen måneder siden", "PAST_REF", "2016-09-01", "2017-01-31")]),
    ("Det er ikkje meir enn nokre månader sidan valet.",
     [("nokre månader sidan", "PAST_REF", "2016-09-01", "2017-01-31")]),
    ("Han var der for 20 - 25 år siden.", [("for 20 - 25 år siden", "PAST_REF", "1992-01-01", "1997-12-31")]),
    ("For et par år siden flyttet hun.", [("For et par år siden", "PAST_REF", "2014-01-01", "2015-12-31")]),
    ("Ho kom heim for få dagar sidan.", [("for få dagar sidan", "PAST_REF", "2017-02-25", "2017-02-28")]),
    ("Om et år eller to vil partiet kreve plass i regjeringen.",
     [("Om et år eller to", "FUTURE_REF", "2018-01-01", "2019-12-31")]),
    ("Avgjørelsen kommer om noen uker.", [("om noen uker", "FUTURE_REF", "2017-03-13", "2017-04-16")]),
])
def test_vague_counts_are_past_or_future_ref(sentence, expected):
    assert full(sentence, PUB) == expected


def test_exact_ago_keeps_its_value_and_needs_for():
    assert vals("Kommunen la ned skulen for tre år sia.", PUB) == [("for tre år sia", "2014")]
    assert vals("Han flyttet for fire år siden.", PUB) == [("for fire år siden", "2013")]
    assert vals("Det er to år siden krigen sluttet.", PUB) == []


def test_vague_offsets_from_the_previous_date():
    assert vals("Han ble arrestert 3. februar. Noen uker tidligere hadde han reist hjem.", PUB) == [
        ("3. februar", "2017-02-03"), ("Noen uker tidligere", "PAST_REF")]
    assert vals("Ho flytta til Bergen i 2010. Nokre år seinare starta ho eige firma.", PUB) == [
        ("i 2010", "2010"), ("Nokre år seinare", "PAST_REF")]
    assert vals("Valget holdes i september. Noen uker senere skal regjeringen dannes.", PUB) == [
        ("i september", "2017-09"), ("Noen uker senere", "FUTURE_REF")]
    # with only the header month, "some weeks earlier" than the month is still in the past
    assert vals("Han hadde brote armen nokre veker tidlegare.", HDR) == [
        ("nokre veker tidlegare", "PAST_REF")]


@pytest.mark.parametrize("sentence, expected", [
    ("Ambassaden har for øyeblikket ingen ansatte i landet.", [("for øyeblikket", "PRESENT_REF")]),
    ("Ho bur for augneblinken i Oslo.", [("for augneblinken", "PRESENT_REF")]),
    ("Han sitter for tiden i fengsel.", [("for tiden", "PRESENT_REF")]),
    ("I den senere tid har flere meldt seg ut.", [("I den senere tid", "PAST_REF")]),
    ("I seinare tid har fleire kommunar slått seg saman.", [("I seinare tid", "PAST_REF")]),
    ("Partiet vil følge saken de kommende ukene.", [("de kommende ukene", "FUTURE_REF")]),
    ("Det blir mykje regn i vekene framover.", [("i vekene framover", "FUTURE_REF")]),
    ("Hun ledet komiteen i forrige periode.", [("i forrige periode", "PAST_REF")]),
    ("Erklæringa gjeld for denne stortingsperioden.", [("denne stortingsperioden", "PRESENT_REF")]),
    ("Han vil lede komiteen neste periode.", [("neste periode", "FUTURE_REF")]),
    ("Trafikken gikk ned i denne perioden.", []),  # anaphoric: the period just described
])
def test_vague_phrases(sentence, expected):
    assert vals(sentence, PUB) == expected


def test_vague_ranges_stay_on_their_side_of_the_anchor():
    (_, _, start, end), = full("I den senere tid har flere meldt seg ut.", PUB)
    assert (start, end) == ("2016-03-01", "2017-03-02")
    (_, _, start, end), = full("Partiet vil følge saken de kommende ukene.", PUB)
    assert (start, end) == ("2017-03-02", "2017-04-16")


def test_bare_deictic_adverbs_are_not_times():
    assert vals("Byen er nå et symbol. Tidligere var den et turistmål, og snart kommer turistene.", PUB) == []
    assert vals("No er det roleg. Han har nyleg vore der.", PUB) == []
    # ... but the adverb inside "fram til nå" is (as in the reference article)
    assert vals("Fram til no har dei ikkje sagt noko.", PUB) == [("no", "PRESENT_REF")]


# ---------------------------------------------------------------- "i dag" = nowadays


@pytest.mark.parametrize("sentence, expected", [
    ("Systemet som i dag er i bruk, ble innført i 1990.", [("i dag", "PRESENT_REF"), ("i 1990", "1990")]),
    ("Det vi i dag veit om sjukdomen, er lite.", [("i dag", "PRESENT_REF")]),
    ("Han ble løslatt i dag.", [("i dag", "2017-03-02")]),
    ("I dag er det valg.", [("I dag", "2017-03-02")]),
])
def test_i_dag_nowadays_only_between_subject_and_stative_verb(sentence, expected):
    assert vals(sentence, PUB) == expected


# ---------------------------------------------------------------- periods, weekends, decades


def test_period_parts_after_a_preposition():
    assert full("Han jobbet der fra starten av 2010 til utgangen av 2012.", PUB) == [
        ("starten av 2010", "2010", "2010-01-01", "2010-04-30"),
        ("utgangen av 2012", "2012", "2012-09-01", "2012-12-31")]
    assert vals("Det har regnet i hele høst.", PUB) == [("i hele høst", "2016-FA")]
    assert vals("Det har regna gjennom heile hausten.", PUB) == [("gjennom heile hausten", "2016-FA")]


def test_weekends():
    assert vals("Vi hadde møter i løpet av helgen.", Anchor.parse("2005-12-06")) == [
        ("i løpet av helgen", "2005-W48-WE")]
    assert vals("Dei hadde møte i løpet av helga.", HDR) == [("i løpet av helga", "2017-WXX-WE")]
    # on a Monday "i helga" is the weekend just spent, so "forrige helg" is the one before
    assert vals("Forrige helg bombet flyene byen.", Anchor.parse("2011-05-09")) == [
        ("Forrige helg", "2011-W17-WE")]
    assert vals("Førre helg bomba flya byen.", Anchor.parse("2011-05-10")) == [("Førre helg", "2011-W18-WE")]


def test_two_digit_year_decades_and_ages():
    assert vals("En mann i 30-årene ble pågrepet.", PUB) == []
    assert vals("Ei kvinne i slutten av 40-åra vart skadd.", PUB) == []
    assert vals("Sidan 90-åra har det vore nokre framsteg.", PUB) == [("90-åra", "199X")]
    assert vals("Han vokste opp på 70-talet.", PUB) == [("på 70-talet", "197X")]
    assert vals("Kyrkja er frå byrjinga av 1130-talet.", PUB) == [("byrjinga av 1130-talet", "113X")]


# ---------------------------------------------------------------- clock times, "om ei veke"


def test_weekday_a_week_on():
    assert vals("Torsdag om ei veke blir det demonstrasjon.", PUB) == [("Torsdag om ei veke", "2017-03-09")]
    assert vals("Torsdag om en uke holdes et møte.", HDR) == [("Torsdag om en uke", "2017-03-WXX-4")]
    assert vals("Fredag om to uker er fristen ute.", WED) == [("Fredag om to uker", "2017-03-17")]


def test_clock_times():
    text = "Torsdag om en uke holdes et møte. Det starter klokka tolv."
    assert vals(text, PUB) == [("Torsdag om en uke", "2017-03-09"), ("klokka tolv", "2017-03-09T12:00")]
    assert vals(text, HDR) == [("Torsdag om en uke", "2017-03-WXX-4"), ("klokka tolv", "2017-03-WXX-4T12:00")]
    assert vals("Brevet kom litt over åtte måndag kveld.", PUB) == [
        ("litt over åtte måndag kveld", "2017-02-27T20:00")]
    assert vals("Brevet kom litt over åtte måndag kveld.", HDR) == [
        ("litt over åtte måndag kveld", "2017-03-WXX-1T20:00")]
    assert vals("Møtet skal starte fredag klokka 14.30.", WED) == [
        ("fredag klokka 14.30", "2017-03-03T14:30")]
    assert vals("Publisert 15.04.2011 kl 12:11", PUB) == [("15.04.2011", "2011-04-15"),
                                                       ("kl 12:11", "2011-04-15T12:11")]
    assert vals("Det skjedde klokken 03.15.", PUB) == [("klokken 03.15", "2017-03-02T03:15")]
    assert vals("Han er 8 år gammel, og klokka er mye.", PUB) == []
    assert vals("Dei kom heim åtte måndag kveld.", PUB) == [("måndag kveld", "2017-02-27TEV")]  # no "klokka"


# ---------------------------------------------------------------- event-anchored days


def test_day_after_an_event_hangs_on_the_previous_explicit_date():
    anchor = Anchor.parse("2017-06-01")
    assert vals("Angrepet skjedde 14. mai. Dagen etter angrepet samlet tusenvis seg i sentrum.", anchor) == [
        ("14. mai", "2017-05-14"), ("Dagen etter", "2017-05-15")]
    assert vals("Valet var 14. mai. Frå første dag etter valet var det uro.", anchor) == [
        ("14. mai", "2017-05-14"), ("første dag etter", "2017-05-15")]
    # not on a date computed from another relative expression
    text = "Angrepet skjedde 14. mai. Dagen etter kom politiet. Første dag etter angrepet var det stille."
    assert vals(text, anchor) == [("14. mai", "2017-05-14"), ("Dagen etter", "2017-05-15"),
                            ("Første dag etter", "2017-05-15")]
    text = "Brevet kom klokka 20 måndag. Saka vart meld til politiet dagen etter eposten kom."
    assert vals(text, PUB) == [("klokka 20 måndag", "2017-02-27T20:00"), ("dagen etter", "2017-02-28")]
    assert vals(text, HDR) == [("klokka 20 måndag", "2017-03-WXX-1T20:00"), ("dagen etter", "2017-03-WXX-2")]


def test_day_after_an_event_without_a_date_is_dropped():
    assert vals("Dagen etter angrepet samlet tusenvis seg.", PUB) == []
    assert vals("Kvelden før et valg er det alltid uro.", PUB) == []  # generic


# ---------------------------------------------------------------- impossible and well-known dates


def test_impossible_day_is_the_last_day_of_the_month():
    assert vals("Flyene skal være heime innan 31. juni.", Anchor.parse("2011-05-09")) == [
        ("31. juni", "2011-06-30")]
    assert vals("Det skjedde 31. juni 2011.", PUB) == [("31. juni 2011", "2011-06-30")]
    assert vals("Fristen er 30. februar.", PUB) == [("30. februar", "2017-02-28")]


def test_well_known_date_without_year():
    assert vals("Han endret syn etter 11. september.", Anchor.parse("2011-08-08")) == [
        ("11. september", "2001-09-11")]
    text = "Politikken etter terrorangrepa 11. september har vore feilslått."
    assert vals(text, Anchor.parse("2009-01-20")) == [("11. september", "2001-09-11")]
    assert vals("Møtet holdes 11. september.", Anchor.parse("2011-08-08")) == [
        ("11. september", "2011-09-11")]


# ---------------------------------------------------------------- tense "near"


def test_near_tense_picks_the_nearer_occurrence():
    anchor = Anchor.parse("2011-02-01")  # a Tuesday
    text = "Planen var å lande natt til onsdag."
    assert vals(text, anchor, tense_hints=lambda a, b: "near") == [("natt til onsdag", "2011-02-02TNI")]
    assert vals(text, anchor, tense_hints=lambda a, b: "past") == [("natt til onsdag", "2011-01-26TNI")]
    friday = Anchor.parse("2011-12-09")
    assert vals("Dei rekna med at møtet ville vare til lørdag.", friday, tense_hints=lambda a, b: "near") == [
        ("lørdag", "2011-12-10")]
    assert vals("Han skulle møte dem mandag.", friday, tense_hints=lambda a, b: "near") == [
        ("mandag", "2011-12-12")]
    assert vals("Han skulle møte dem tirsdag.", friday, tense_hints=lambda a, b: "near") == [
        ("tirsdag", "2011-12-06")]


# ---------------------------------------------------------------- a named day close to publication

JUNE28 = Anchor.parse("2010-06-28")


@pytest.mark.parametrize("sentence, expected", [
    ("Pasientar som har avtalar 29. juni bør vere merksame.", [("29. juni", "2010-06-29")]),
    ("Pasienter som har avtaler 29. juni bør være oppmerksomme.", [("29. juni", "2010-06-29")]),
    ("Han ble dømt 20. juni.", [("20. juni", "2010-06-20")]),
    ("Han ble dømt 1. juli i fjor.", [("1. juli i fjor", "2009-07-01")]),
])
def test_a_day_and_month_next_to_publication_is_not_a_year_away(sentence, expected):
    assert vals(sentence, JUNE28) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Det siste året har prisene steget.", [("Det siste året", "PAST_REF")]),
    ("Dei siste åra har fleire flytta.", [("Dei siste åra", "PAST_REF")]),
    ("De siste ukene har det regnet.", [("De siste ukene", "PAST_REF")]),
    ("Om ikke lenge kommer svaret.", [("Om ikke lenge", "FUTURE_REF")]),
    ("Om ikkje lenge kjem svaret.", [("Om ikkje lenge", "FUTURE_REF")]),
])
def test_vague_recent_and_coming_periods(sentence, expected):
    assert vals(sentence, JUNE28) == expected
