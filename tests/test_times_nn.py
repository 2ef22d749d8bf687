"""Temporal normaliser on Nynorsk sentences (lang="nn").

Anchors: PUB = published Thursday 2017-03-02; WED = published Wednesday 2017-03-01;
HDR = only the header month 2017-03 is known.
"""

from __future__ import annotations

from functools import partial

import pytest

from hending.resolve.times import find_times

from . import times_helpers
from .times_helpers import HDR, PUB, WED, rng  # noqa: F401

vals = partial(times_helpers.vals, lang="nn")
one = partial(times_helpers.one, lang="nn")


@pytest.mark.parametrize("sentence, span, value, start, end", [
    ("I førre veke vart det halde eit møte.", "I førre veke", "2017-W08", "2017-02-20", "2017-02-26"),
    ("Det har vore uro denne veka.", "denne veka", "2017-W09", "2017-02-27", "2017-03-05"),
    ("Forhandlingane held fram neste veke.", "neste veke", "2017-W10", "2017-03-06", "2017-03-12"),
    ("Tidlegare denne veka bad Russland om nye samtalar.", "Tidlegare denne veka", "2017-W09",
     "2017-02-27", "2017-03-02"),
    ("Seinare denne veka kjem avgjerda.", "Seinare denne veka", "2017-W09", "2017-03-02", "2017-03-05"),
    ("Det var demonstrasjonar i helga.", "i helga", "2017-W08-WE", "2017-02-25", "2017-02-26"),
    ("I helga skal det bli sol.", "I helga", "2017-W09-WE", "2017-03-04", "2017-03-05"),
])
def test_nynorsk_weeks_and_weekends(sentence, span, value, start, end):
    e = one(sentence, PUB)
    assert (e["text"], e["value"], rng(e)) == (span, value, (start, end))


def test_nynorsk_earlier_this_week_with_header_month():
    e = one("Tidlegare denne veka bad Russland om nye samtalar.", HDR)
    assert (e["value"], rng(e)) == ("2017-03-WXX", ("2017-02-27", "2017-03-31"))


@pytest.mark.parametrize("sentence, span, value", [
    ("Laurdag vart tre personar drepne.", "Laurdag", "2017-02-25"),
    ("Sundag kveld kom meldinga.", "Sundag kveld", "2017-02-26TEV"),
    ("Måndag morgon vart han arrestert.", "Måndag morgon", "2017-02-27TMO"),
    ("Tysdag ettermiddag melde NTB at brannen var sløkt.", "Tysdag ettermiddag", "2017-02-28TAF"),
    ("Onsdag kvelden braut det ut kampar.", "Onsdag kvelden", "2017-03-01TEV"),
    ("Onsdagskvelden kom dei fram.", "Onsdagskvelden", "2017-03-01TEV"),
    ("Førre laurdag kom dei heim.", "Førre laurdag", "2017-02-25"),
])
def test_nynorsk_weekdays(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


def test_nynorsk_weekday_future_and_header_month():
    assert vals("Laurdag skal partiet samlast.", WED) == [("Laurdag", "2017-03-04")]
    assert vals("Laurdag kjem dei til å møtast.", WED) == [("Laurdag", "2017-03-04")]
    assert vals("Laurdag vart tre personar drepne.", HDR) == [("Laurdag", "2017-03-WXX-6")]
    e = one("Sundag kveld kom meldinga.", HDR)
    assert (e["value"], rng(e)) == ("2017-03-WXX-7TEV", ("2017-03-01", "2017-03-31"))


def test_nynorsk_night_before():
    e = one("Natt til onsdag vart det skote mot politiet.", PUB)
    assert (e["value"], rng(e)) == ("2017-03-01TNI", ("2017-02-28", "2017-03-01"))
    e = one("Natta til laurdag brann det i sentrum.", PUB)
    assert (e["text"], e["value"], rng(e)) == (
        "Natta til laurdag", "2017-02-25TNI", ("2017-02-24", "2017-02-25"))


@pytest.mark.parametrize("sentence, span, value", [
    ("Han kom heim i går.", "i går", "2017-03-01"),
    ("Ho reiser i morgon.", "i morgon", "2017-03-03"),
    ("Dei reiser i morgon tidleg.", "i morgon tidleg", "2017-03-03TMO"),
    ("Dei kom i går kveld.", "i går kveld", "2017-03-01TEV"),
    ("I dag er det val.", "I dag", "2017-03-02"),
    ("Det skjedde i føremiddag.", "i føremiddag", "2017-03-02TMO"),
    ("Ho reiser i overmorgon.", "i overmorgon", "2017-03-04"),
])
def test_nynorsk_deictic_days(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


@pytest.mark.parametrize("sentence, span, value", [
    ("For to år sidan flytta ho til Bergen.", "For to år sidan", "2015"),
    ("Det skjedde for ti dagar sidan.", "for ti dagar sidan", "2017-02-20"),
    ("Han kom for ein månad sidan.", "for ein månad sidan", "2017-02"),
    ("Om to veker kjem rapporten.", "Om to veker", "2017-W11"),
    ("Om tre dagar er det val.", "Om tre dagar", "2017-03-05"),
])
def test_nynorsk_ago_and_ahead(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


@pytest.mark.parametrize("sentence, span, value", [
    ("I fjor haust vart han vald til leiar.", "I fjor haust", "2016-FA"),
    ("Han flytta i haust.", "i haust", "2016-FA"),
    ("I sommar skal vi reise.", "I sommar", "2017-SU"),
    ("Hausten 2015 kom flyktningane.", "Hausten 2015", "2015-FA"),
    ("Sommaren i fjor var tørr.", "Sommaren i fjor", "2016-SU"),
])
def test_nynorsk_seasons(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


@pytest.mark.parametrize("sentence, span, value", [
    ("Byen vart teken attende i desember i fjor.", "i desember i fjor", "2016-12"),
    ("IS tok byen i mai 2015.", "i mai 2015", "2015-05"),
    ("Han vart fødd 19. januar 2017.", "19. januar 2017", "2017-01-19"),
    ("Det skjedde på 1990-talet.", "på 1990-talet", "199X"),
    ("Det skjedde i 1980-åra.", "i 1980-åra", "198X"),
    ("Tidlegare i år vart han vald.", "Tidlegare i år", "2017"),
    ("Det har vore roleg tidlegare denne månaden.", "tidlegare denne månaden", "2017-03"),
    ("Prisane steig i førre månad.", "i førre månad", "2017-02"),
    ("Loven trer i kraft neste månad.", "neste månad", "2017-04"),
])
def test_nynorsk_months_years_decades(sentence, span, value):
    assert vals(sentence, PUB) == [(span, value)]


def test_nynorsk_text_anchored():
    text = "Regimet tok byen 3. mars 2016.\n\nTo dagar seinare trekte IS seg ut. Same dag kom FN."
    assert [(t["text"], t["value"], t["anchor"]) for t in find_times(text, PUB, lang="nn")] == [
        ("3. mars 2016", "2016-03-03", "published"),
        ("To dagar seinare", "2016-03-05", "text"),
        ("Same dag", "2016-03-05", "text"),
    ]


def test_nynorsk_present_and_durations():
    assert vals("Fram til no har forhandlingane stått stille.", PUB) == [("no", "PRESENT_REF")]
    assert find_times("Dei har kjempa i fleire veker og i to år.", PUB, lang="nn") == []
    assert find_times("Dette er viktig i vår tid.", PUB, lang="nn") == []
