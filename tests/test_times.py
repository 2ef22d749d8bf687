"""Temporal normaliser (hending.resolve.times), Bokmål sentences and API behaviour.

Anchors: PUB = published Thursday 2017-03-02; WED = published Wednesday 2017-03-01;
HDR = only the header month 2017-03 is known.
"""

from __future__ import annotations

import pytest

from hending.resolve.times import Anchor, find_times
from hending.resolve.times.normalise import candidates

from .times_helpers import HDR, PUB, WED, one, rng, vals  # noqa: F401

# ---------------------------------------------------------------- anchor


def test_anchor_parse_and_validation():
    assert Anchor(2017, 3, 2, "published") == PUB
    assert Anchor(2017, 3, None, "header-month") == HDR
    with pytest.raises(ValueError):
        Anchor(2017, 3, None, "published")
    with pytest.raises(ValueError):
        Anchor(2017, 3, 2, "header-month")
    with pytest.raises(ValueError):
        Anchor(2017, 2, 30, "published")
    with pytest.raises(ValueError):
        Anchor.parse("mars 2017")


# ---------------------------------------------------------------- contract shape


def test_entries_follow_the_contract_and_offsets_are_exact():
    text = ("Russland har støttet regjeringsstyrkene i flere uker.\n\n"
            "– Vi tok byen onsdag kveld, sier talsmannen.\n\n"
            "– Torsdag morgen var det stille, sa han i går.\n"
            "Første gang IS erobret Palmyra, i mai 2015, ble templene ødelagt.")
    found = find_times(text, PUB)
    assert [t["text"] for t in found] == ["onsdag kveld", "Torsdag morgen", "i går", "i mai 2015"]
    for t in found:
        assert set(t) == {"text", "start", "end", "value", "range", "granularity", "anchor"}
        assert text[t["start"]:t["end"]] == t["text"]
        assert t["range"]["start"] <= t["range"]["end"]
        assert t["granularity"] in {"day", "week", "month", "season", "year", "decade", "part-of-day"}
        assert t["anchor"] in {"published", "header-month", "text"}
    assert [t["start"] for t in found] == sorted(t["start"] for t in found)


def test_anchor_field_names_the_anchoring_mode():
    assert one("Det skjedde i går.", PUB)["anchor"] == "published"
    assert one("Det skjedde i går.", HDR)["anchor"] == "header-month"


# ---------------------------------------------------------------- weekdays and parts of day


def test_weekday_with_part_of_day_published_and_header_month():
    s = "De russiskstøttende styrkene tok seg inn i byen onsdag kveld."
    e = one(s, PUB)
    assert (e["text"], e["value"], rng(e), e["granularity"]) == (
        "onsdag kveld", "2017-03-01TEV", ("2017-03-01", "2017-03-01"), "part-of-day")
    e = one(s, HDR)
    assert (e["value"], rng(e)) == ("2017-03-WXX-3TEV", ("2017-03-01", "2017-03-31"))


def test_same_weekday_as_anchor_is_the_same_day():
    e = one("Torsdag morgen hadde IS-krigerne trukket seg tilbake.", PUB)
    assert (e["text"], e["value"], rng(e)) == (
        "Torsdag morgen", "2017-03-02TMO", ("2017-03-02", "2017-03-02"))
    assert one("Torsdag morgen hadde IS-krigerne trukket seg tilbake.", HDR)["value"] == "2017-03-WXX-4TMO"


@pytest.mark.parametrize("sentence, span, value", [
    ("Mannen ble pågrepet fredag.", "fredag", "2017-02-24"),
    ("Statsministeren besøkte Damaskus fredag og skal møte opposisjonen senere.", "fredag", "2017-02-24"),
    ("Fredag besøkte statsministeren Damaskus.", "Fredag", "2017-02-24"),
    ("IS skal ha drept 20 sivile fredag.", "fredag", "2017-02-24"),  # "skal ha" + participle = reported past
    ("Saken skal opp i retten fredag.", "fredag", "2017-03-03"),
    ("Partiet vil legge fram forslaget fredag.", "fredag", "2017-03-03"),
    ("Fredag kommer de til å stemme over avtalen.", "Fredag", "2017-03-03"),
    ("Han sa mandag at de skal møtes fredag.", "fredag", "2017-03-03"),
    ("Han sa mandag at de skal møtes fredag.", "mandag", "2017-02-27"),
    ("Opposisjonen møttes mandag.", "mandag", "2017-02-27"),
    ("Møte i Genève fredag.", "fredag", "2017-02-24"),  # no cue: news default is the most recent past
])
def test_weekday_direction_follows_tense(sentence, span, value):
    assert (span, value) in vals(sentence, WED)


def test_present_tense_verb_after_a_fronted_weekday_points_ahead():
    assert vals("Fredag møter en mann i retten, tiltalt for ran.", WED) == [("Fredag", "2017-03-03")]
    # a plural noun in second position is not a verb; reporting verbs do not point ahead
    assert vals("Chiles fagforeninger gjennomførte mandag generalstreik.", WED) == [("mandag", "2017-02-27")]
    assert vals("– Vi er fornøyd, sier han til NTB mandag.", WED) == [("mandag", "2017-02-27")]


def test_tense_hints_callback_overrides_the_heuristic():
    s = "Møtet holdes fredag."
    calls = []

    def hints(start: int, end: int) -> str | None:
        calls.append(s[start:end])
        return "future"

    assert vals(s, WED, tense_hints=hints) == [("fredag", "2017-03-03")]
    assert calls == ["fredag"]
    assert vals(s, WED, tense_hints=lambda a, b: "past") == [("fredag", "2017-02-24")]
    # None from the callback falls back to the word-cue heuristic
    assert vals("Saken skal opp fredag.", WED, tense_hints=lambda a, b: None) == [("fredag", "2017-03-03")]


def test_weekday_modifiers_and_week_qualifiers():
    assert vals("Sist onsdag ble han løslatt.", WED) == [("Sist onsdag", "2017-02-22")]
    assert vals("Neste onsdag skal de møtes.", WED) == [("Neste onsdag", "2017-03-08")]
    assert vals("Onsdag i forrige uke var det rolig.", PUB) == [("Onsdag i forrige uke", "2017-02-22")]
    assert vals("De møtes fredag neste uke.", PUB) == [("fredag neste uke", "2017-03-10")]
    assert vals("Forrige lørdag kom de.", HDR) == [("Forrige lørdag", "2017-03-WXX-6")]


def test_weekday_compounds_and_parts_of_day():
    assert vals("Onsdagskvelden ble han skutt.", PUB) == [("Onsdagskvelden", "2017-03-01TEV")]
    assert vals("Søndag ettermiddag ble det holdt et møte.", PUB) == [("Søndag ettermiddag", "2017-02-26TAF")]
    assert vals("Søndag ettermiddag skal partiet samles.", PUB) == [("Søndag ettermiddag", "2017-03-05TAF")]
    assert vals("Tirsdag formiddag kom meldingen.", PUB) == [("Tirsdag formiddag", "2017-02-28TMO")]
    e = one("Lørdag natt brant det i sentrum.", PUB)
    assert (e["value"], rng(e)) == ("2017-02-25TNI", ("2017-02-25", "2017-02-26"))


def test_weekday_plurals_are_habitual_not_times():
    assert find_times("Butikken er stengt på søndager.", PUB) == []


def test_night_before_weekday_convention():
    # value on the Wednesday with TNI (TIMEX3), range Tuesday (evening) .. Wednesday
    e = one("Natt til onsdag ble tre personer drept.", PUB)
    assert (e["text"], e["value"], rng(e)) == (
        "Natt til onsdag", "2017-03-01TNI", ("2017-02-28", "2017-03-01"))
    e = one("Natt til onsdag ble tre personer drept.", HDR)
    assert (e["value"], rng(e)) == ("2017-03-WXX-3TNI", ("2017-03-01", "2017-03-31"))
    e = one("Natten til i dag brøt det ut brann.", PUB)
    assert (e["value"], rng(e)) == ("2017-03-02TNI", ("2017-03-01", "2017-03-02"))


# ---------------------------------------------------------------- deictic days


@pytest.mark.parametrize("sentence, span, value", [
    ("Han kom hjem i går.", "i går", "2017-03-01"),
    ("I dag er det valg.", "I dag", "2017-03-02"),
    ("Han reiser i morgen.", "i morgen", "2017-03-03"),
    ("Det skjedde i forgårs.", "i forgårs", "2017-02-28"),
    ("Han kom hjem i går kveld.", "i går kveld", "2017-03-01TEV"),
    ("Han reiser i morgen tidlig.", "i morgen tidlig", "2017-03-03TMO"),
    ("Det ble klart i går ettermiddag.", "i går ettermiddag", "2017-03-01TAF"),
    ("Statsministeren taler i kveld.", "i kveld", "2017-03-02TEV"),
    ("Brannen startet i morges.", "i morges", "2017-03-02TMO"),
    ("Det skjedde tidligere i dag.", "tidligere i dag", "2017-03-02"),
])
def test_deictic_days(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


def test_deictic_days_with_header_month_only():
    e = one("Det skjedde i dag.", HDR)
    assert (e["value"], rng(e)) == ("2017-03-XX", ("2017-03-01", "2017-03-31"))
    e = one("Han kom hjem i går.", HDR)  # every possible yesterday of a March publication
    assert (e["value"], rng(e)) == ("2017-03-XX", ("2017-02-28", "2017-03-30"))
    assert one("Han kom hjem i går kveld.", HDR)["value"] == "2017-03-XXTEV"


def test_tonight_or_last_night_by_tense():
    e = one("I natt ble tre personer drept.", PUB)
    assert (e["value"], rng(e)) == ("2017-03-02TNI", ("2017-03-01", "2017-03-02"))
    e = one("I natt skal det bli kaldt.", PUB)
    assert (e["value"], rng(e)) == ("2017-03-02TNI", ("2017-03-02", "2017-03-03"))


# ---------------------------------------------------------------- weeks and weekends


def test_earlier_this_week():
    e = one("Tidligere denne uken ba Russland om nye samtaler.", PUB)
    assert (e["text"], e["value"], rng(e), e["granularity"]) == (
        "Tidligere denne uken", "2017-W09", ("2017-02-27", "2017-03-02"), "week")
    e = one("Tidligere denne uken ba Russland om nye samtaler.", HDR)
    assert (e["value"], rng(e)) == ("2017-03-WXX", ("2017-02-27", "2017-03-31"))


@pytest.mark.parametrize("sentence, span, value, start, end", [
    ("Det skjedde i forrige uke.", "i forrige uke", "2017-W08", "2017-02-20", "2017-02-26"),
    ("Forhandlingene fortsetter neste uke.", "neste uke", "2017-W10", "2017-03-06", "2017-03-12"),
    ("Det har vært uro denne uken.", "denne uken", "2017-W09", "2017-02-27", "2017-03-05"),
    ("Avgjørelsen kommer senere denne uken.", "senere denne uken", "2017-W09", "2017-03-02", "2017-03-05"),
    ("Han ble løslatt tidligere i uka.", "tidligere i uka", "2017-W09", "2017-02-27", "2017-03-02"),
    ("Det var demonstrasjoner i helgen.", "i helgen", "2017-W08-WE", "2017-02-25", "2017-02-26"),
    ("I helgen skal det bli sol.", "I helgen", "2017-W09-WE", "2017-03-04", "2017-03-05"),
    ("Det var rolig forrige helg.", "forrige helg", "2017-W08-WE", "2017-02-25", "2017-02-26"),
    ("Valget holdes neste helg.", "neste helg", "2017-W09-WE", "2017-03-04", "2017-03-05"),
])
def test_relative_weeks_and_weekends(sentence, span, value, start, end):
    e = one(sentence, PUB)
    assert (e["text"], e["value"], rng(e)) == (span, value, (start, end))


def test_relative_weeks_with_header_month_only():
    # gold convention (eval/README.md): "denne uka" -> YYYY-MM-WXX; other weeks and weekends may
    # fall in another month -> YYYY-WXX / YYYY-WXX-WE
    e = one("Det skjedde i forrige uke.", HDR)
    assert (e["value"], rng(e)) == ("2017-WXX", ("2017-02-20", "2017-03-26"))
    e = one("Det var demonstrasjoner i helgen.", HDR)
    assert (e["value"], rng(e)) == ("2017-WXX-WE", ("2017-02-25", "2017-03-26"))
    assert one("Det har vært uro denne uken.", HDR)["value"] == "2017-03-WXX"
    assert one("Forhandlingene fortsetter neste uke.", HDR)["value"] == "2017-WXX"
    assert vals("Det var uro forrige helg.", Anchor.parse("2016-12")) == [("forrige helg", "2016-WXX-WE")]


# ---------------------------------------------------------------- months and years


@pytest.mark.parametrize("sentence, span, value", [
    ("Ekstremistene gjenerobret byen i desember i fjor.", "i desember i fjor", "2016-12"),
    ("IS erobret Palmyra i mai 2015.", "i mai 2015", "2015-05"),
    ("De mistet kontrollen i mars 2016.", "i mars 2016", "2016-03"),
    ("Han døde i fjor.", "i fjor", "2016"),
    ("I år er det valg.", "I år", "2017"),
    ("Det skjedde i forfjor.", "i forfjor", "2015"),
    ("Kampene startet i mars.", "i mars", "2017-03"),
    ("Våpenhvilen ble brutt i desember.", "i desember", "2016-12"),
    ("IS okkuperte byen i mai.", "i mai", "2016-05"),  # news past: the latest May before the anchor
    ("Valget skal holdes i mai.", "i mai", "2017-05"),  # future context: the next May
    ("Det har vært rolig tidligere denne måneden.", "tidligere denne måneden", "2017-03"),
    ("Prisene steg forrige måned.", "forrige måned", "2017-02"),
    ("Loven trer i kraft neste måned.", "neste måned", "2017-04"),
    ("Ifølge planen skal de trekke seg ut neste år.", "neste år", "2018"),
    ("Tidligere i år ble han valgt.", "Tidligere i år", "2017"),
    ("Fabrikken har vært stengt siden mars 2016.", "mars 2016", "2016-03"),
    ("Situasjonen forverret seg mai 2015.", "mai 2015", "2015-05"),
])
def test_months_and_relative_years(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


def test_month_and_year_ranges():
    e = one("Det har vært rolig tidligere denne måneden.", PUB)
    assert (rng(e), e["granularity"]) == (("2017-03-01", "2017-03-02"), "month")
    assert rng(one("Det har vært rolig tidligere denne måneden.", HDR)) == ("2017-03-01", "2017-03-31")
    assert rng(one("Tidligere i år ble han valgt.", PUB)) == ("2017-01-01", "2017-03-02")
    e = one("Han døde i fjor.", PUB)
    assert (rng(e), e["granularity"]) == (("2016-01-01", "2016-12-31"), "year")
    e = one("Byen falt i slutten av mai 2015.", PUB)
    assert (e["text"], e["value"], rng(e)) == (
        "i slutten av mai 2015", "2015-05", ("2015-05-21", "2015-05-31"))
    assert vals("Det skjedde tidlig i 2016.", PUB) == [("tidlig i 2016", "2016")]
    assert rng(one("Det skjedde tidlig i 2016.", PUB)) == ("2016-01-01", "2016-04-30")


def test_month_names_are_lowercase_only():
    assert vals("August Ringnes kom tilbake i august.", PUB) == [("i august", "2016-08")]


def test_coordinated_months_and_years():
    assert vals("Han reiste i mars og april 2016.", PUB) == [("i mars", "2017-03"), ("april 2016", "2016-04")]
    assert vals("Det skjedde i 2015 og 2016.", PUB) == [("i 2015", "2015"), ("2016", "2016")]
    assert vals("Avtalen gjaldt 2015–2016.", PUB) == [("2015", "2015"), ("2016", "2016")]
    assert vals("Han satt i fengsel fra 2011 til 2014.", PUB) == [("2011", "2011"), ("2014", "2014")]


def test_years_and_not_quantities():
    assert vals("Siden 2011 har over 300 000 mennesker blitt drept.", PUB) == [("2011", "2011")]
    assert vals("I 2015 ble byen erobret.", PUB) == [("I 2015", "2015")]
    assert find_times("Flyet gikk ned i 1500 meters høyde med 2000 passasjerer.", PUB) == []
    assert vals("Laget vant i 2015- og 2016-sesongen.", PUB) == []


def test_decades():
    e = one("På 1990-tallet var byen et turistmål.", PUB)
    assert (e["text"], e["value"], rng(e), e["granularity"]) == (
        "På 1990-tallet", "199X", ("1990-01-01", "1999-12-31"), "decade")  # gold: 199X
    assert vals("Han vokste opp på 80-tallet.", PUB) == [("på 80-tallet", "198X")]
    assert vals("Det skjedde på slutten av 1990-tallet.", PUB) == [("på slutten av 1990-tallet", "199X")]
    assert rng(one("Det skjedde på slutten av 1990-tallet.", PUB)) == ("1997-01-01", "1999-12-31")
    assert find_times("Kirken er fra 1800-tallet.", PUB) == []  # centuries are skipped
    # truncated compounds: "1950- og 1960-tallet"
    assert vals("Partiet vokste på 1950- og 1960-tallet.", PUB) == [
        ("på 1950-", "195X"), ("1960-tallet", "196X")]


# ---------------------------------------------------------------- seasons


@pytest.mark.parametrize("sentence, span, value", [
    ("I vår ble det bestemt å stenge skolen.", "I vår", "2017-SP"),  # March is spring
    ("Han flyttet i høst.", "i høst", "2016-FA"),
    ("Han døde i fjor høst.", "i fjor høst", "2016-FA"),
    ("I sommer skal vi reise til Syria.", "I sommer", "2017-SU"),
    ("I sommer var det tørke.", "I sommer", "2016-SU"),
    ("Sommeren 2015 kom flyktningene.", "Sommeren 2015", "2015-SU"),
    ("Våren i fjor var kald.", "Våren i fjor", "2016-SP"),
    ("Neste sommer skal de reise.", "Neste sommer", "2017-SU"),
    ("Det var kaldt i vinter.", "i vinter", "2017-WI"),
])
def test_seasons(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


def test_season_ranges_and_possessive_var():
    e = one("Det var kaldt i vinter.", PUB)
    assert (rng(e), e["granularity"]) == (("2016-12-01", "2017-02-28"), "season")
    assert find_times("Dette er viktig i vår tid og i vår region.", PUB) == []


# ---------------------------------------------------------------- ago / ahead


@pytest.mark.parametrize("sentence, span, value, start, end", [
    ("Han flyttet for to år siden.", "for to år siden", "2015", "2015-01-01", "2015-12-31"),
    ("Det skjedde for tre dager siden.", "for tre dager siden", "2017-02-27", "2017-02-27", "2017-02-27"),
    ("Det skjedde for to uker siden.", "for to uker siden", "2017-W07", "2017-02-13", "2017-02-19"),
    ("Han døde for 20 år siden.", "for 20 år siden", "1997", "1997-01-01", "1997-12-31"),
    ("Det skjedde for over ti år siden.", "for over ti år siden", "2007", "2007-01-01", "2007-12-31"),
    ("Han kom for tolv måneder siden.", "for tolv måneder siden", "2016-03", "2016-03-01", "2016-03-31"),
    ("Vi vet mer om to uker.", "om to uker", "2017-W11", "2017-03-13", "2017-03-19"),
    ("Dommen kommer om tre dager.", "om tre dager", "2017-03-05", "2017-03-05", "2017-03-05"),
    ("Valget holdes om tjue år.", "om tjue år", "2037", "2037-01-01", "2037-12-31"),
])
def test_ago_and_ahead(sentence, span, value, start, end):
    e = one(sentence, PUB)
    assert (e["text"], e["value"], rng(e)) == (span, value, (start, end))


def test_ago_with_header_month_only():
    assert vals("Han flyttet for to år siden.", HDR) == [("for to år siden", "2015")]
    e = one("Det skjedde for tre dager siden.", HDR)
    assert (e["value"], rng(e)) == ("2017-03-XX", ("2017-02-26", "2017-03-28"))


# ---------------------------------------------------------------- explicit dates


@pytest.mark.parametrize("sentence, span, value", [
    ("Avtalen ble signert 19. januar 2017.", "19. januar 2017", "2017-01-19"),
    ("Avtalen ble signert 19.01.2017.", "19.01.2017", "2017-01-19"),
    ("Avtalen ble signert 2017-01-19.", "2017-01-19", "2017-01-19"),
    ("Avtalen ble signert den 19. jan. 2017 i Astana.", "den 19. jan. 2017", "2017-01-19"),
    ("Angrepet skjedde onsdag 1. mars.", "onsdag 1. mars", "2017-03-01"),
    ("Han ble arrestert 1. mars i fjor.", "1. mars i fjor", "2016-03-01"),
    ("Han døde 24. desember.", "24. desember", "2016-12-24"),
    ("Rettsmøtet er berammet til den 19.", "den 19.", "2017-03-19"),
])
def test_explicit_dates(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


def test_day_and_month_without_year_and_without_tense_cue_is_the_nearest():
    anchor = Anchor.parse("2009-08-25")
    text = "Høyre håper å fravriste de rødgrønne flertallet ved valget 14. september."
    assert vals(text, anchor) == [("14. september", "2009-09-14")]
    assert vals("Julaften 24. desember.", PUB) == [("Julaften", "2016-12-24"), ("24. desember", "2016-12-24")]
    assert vals("Konserten 24. desember.", Anchor.parse("2017-11-30")) == [("24. desember", "2017-12-24")]


def test_day_of_month_uses_the_anchor_month():
    assert vals("Rettsmøtet er berammet til den 19.", HDR) == [("den 19.", "2017-03-19")]
    # an explicit past tense moves a later day into the previous month
    assert vals("Han døde den 19. etter lang tids sykdom.", PUB) == [("den 19.", "2017-02-19")]
    assert find_times("Han ble nummer tre i den 2. omgangen.", PUB) == []


# ---------------------------------------------------------------- anchored on the text


def test_text_anchored_offsets():
    text = "Regimet tok byen 3. mars 2016.\n\nTo dager senere trakk IS seg ut. Dagen etter ble det stille."
    found = find_times(text, PUB)
    assert [(t["text"], t["value"], t["anchor"]) for t in found] == [
        ("3. mars 2016", "2016-03-03", "published"),
        ("To dager senere", "2016-03-05", "text"),
        ("Dagen etter", "2016-03-06", "text"),
    ]


def test_text_anchored_on_a_night():
    found = find_times("Natt til onsdag brant det. Dagen etter kom politiet.", PUB)
    assert [(t["text"], t["value"]) for t in found] == [("Natt til onsdag", "2017-03-01TNI"),
                                                       ("Dagen etter", "2017-03-02")]


def test_text_anchored_on_header_month_weekday():
    found = find_times("Han ble arrestert onsdag. Dagen etter flyttet han. Samme kveld kom politiet.", HDR)
    assert [(t["text"], t["value"], t["anchor"]) for t in found] == [
        ("onsdag", "2017-03-WXX-3", "header-month"),
        ("Dagen etter", "2017-03-WXX-4", "text"),
        ("Samme kveld", "2017-03-WXX-4TEV", "text"),
    ]


def test_text_anchored_years_and_event_anchors():
    text = "I 2014 tok IS byen. Året etter ble templene sprengt. Tre år senere var de borte."
    found = find_times(text, PUB)
    assert [(t["text"], t["value"]) for t in found] == [
        ("I 2014", "2014"), ("Året etter", "2015"), ("Tre år senere", "2018")]
    # anchored on an event, not on a date: not a time expression on its own
    assert find_times("Dagen etter angrepet var byen stille.", PUB) == []
    assert find_times("To år etter at krigen startet, kom de hjem.", PUB) == []


# ---------------------------------------------------------------- present and durations


def test_present_reference():
    text = "Byen er nå et symbol. Fram til nå har forhandlingene stått stille."
    e = one(text, PUB)
    assert (e["text"], e["value"], rng(e)) == ("nå", "PRESENT_REF", ("2017-03-02", "2017-03-02"))
    assert text[e["start"] - 9:e["end"]] == "Fram til nå"


@pytest.mark.parametrize("sentence", [
    "Russland har støttet regjeringsstyrkene i flere uker.",
    "Han satt fengslet i to år.",
    "De siste to årene har byen vært stengt.",
    "Krigen har vart i mange år.",
    "Det tok tre timer å komme fram.",
])
def test_bare_durations_are_skipped(sentence):
    assert find_times(sentence, PUB) == []


# ---------------------------------------------------------------- speed and index


ARTICLE = "\n\n".join([
    "Russland har støttet de syriske regjeringsstyrkene med luftangrep i flere uker.",
    "De russiskstøttende styrkene tok seg inn i byen onsdag kveld. Torsdag morgen hadde IS-krigerne "
    "trukket seg tilbake, melder gruppen SOHR.",
    "– Det er ingen IS-krigere igjen i byen, sier leder for gruppa Rami Abdulrahman i går.",
    "Første gang IS erobret Palmyra, i mai 2015, ble templene ødelagt. Byen ble gjenerobret i mars 2016, "
    "men IS tok den igjen i desember i fjor. To dager senere kom bildene.",
    "Tidligere denne uken ba Russland om nye samtaler i Genève 19. januar 2017 og 23.02.2017.",
    "I fjor høst og på 1990-tallet var situasjonen en annen. Natt til søndag ble det meldt om kamper.",
    "For to år siden kom flyktningene. Om to uker skal partene møtes igjen, i neste uke kommer FN.",
    "Fram til nå har forhandlingene vært inndelt i temaer, og i helgen blir det nye møter.",
])


def _long_article() -> str:
    text = ARTICLE
    while len(text) < 5000:
        text += "\n\n" + ARTICLE
    return text[:5000]


def test_start_word_index_finds_the_same_matches_as_a_full_scan():
    text = _long_article() + " Onsdagskvelden 2015–2016 og 2011 - 2012. Natta til laurdag."
    def key(plans):
        return sorted((p.start, p.end, p.priority, p.kind) for p in plans)
    assert key(candidates(text)) == key(candidates(text, indexed=False))


