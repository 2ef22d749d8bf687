"""The reference article (../shared/examples/palmyra-2017-03) against its gold `times`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hending.resolve.times import Anchor, find_times

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "examples"
TEXT = EXAMPLES / "palmyra-2017-03.txt"
GOLD = EXAMPLES / "palmyra-2017-03.gold.json"
HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+")


@pytest.fixture(scope="module")
def article() -> tuple[Anchor, str, dict]:
    if not TEXT.exists() or not GOLD.exists():
        pytest.skip("reference article not present")
    raw = TEXT.read_text(encoding="utf-8")
    m = HEADER.match(raw)
    assert m, "the article starts with a 'date YYYY-MM' header"
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return Anchor.parse(m.group(1)), raw[m.end():], gold


def test_header_gives_a_month_anchor(article):
    anchor, body, gold = article
    assert anchor == Anchor(2017, 3, None, "header-month")
    assert gold["doc_month"] == "2017-03" and gold["pub_date"] is None
    assert body.startswith("Russland har støttet")


def test_month_only_values_match_gold_exactly(article):
    anchor, body, gold = article
    found = find_times(body, anchor, lang=gold["lang"])
    assert [(t["text"].lower(), t["value"]) for t in found] == [
        (g["text"].lower(), g["value_month_only"]) for g in gold["times"]]
    for t in found:
        assert body[t["start"]:t["end"]] == t["text"]
        assert t["anchor"] == "header-month"


def test_gold_value_equals_month_only_value_without_pub_date(article):
    anchor, body, gold = article
    found = find_times(body, anchor)
    assert [t["value"] for t in found] == [g["value"] for g in gold["times"]]


def test_month_only_ranges_agree_with_gold_event_dates(article):
    anchor, body, gold = article
    by_text = {t["text"]: t for t in find_times(body, anchor)}
    events = {e["trigger"]: e for e in gold["events"]}
    # "onsdag kveld" / "Torsdag morgen" events: a day of the header month
    assert by_text["onsdag kveld"]["range"] == events["tok seg inn"]["date_month_only"]
    assert by_text["Torsdag morgen"]["range"] == events["trukket seg tilbake"]["date_month_only"]
    # "Tidligere denne uken ba Russland ...": Monday of the first week touching March .. month end
    assert by_text["Tidligere denne uken"]["range"] == events["ba"]["date_month_only"]
    assert by_text["i mai 2015"]["range"] == events["erobret"]["date"]
    assert by_text["i mars 2016"]["range"] == events["mistet kontrollen"]["date"]
    assert by_text["i desember i fjor"]["range"] == events["gjenerobret"]["date"]


def test_with_publication_date(article):
    _, body, gold = article
    found = find_times(body, Anchor.parse("2017-03-02"), lang=gold["lang"])
    got = {t["text"]: (t["value"], t["range"]["start"], t["range"]["end"], t["anchor"]) for t in found}
    assert got == {
        "onsdag kveld": ("2017-03-01TEV", "2017-03-01", "2017-03-01", "published"),
        "Torsdag morgen": ("2017-03-02TMO", "2017-03-02", "2017-03-02", "published"),
        "torsdag": ("2017-03-02", "2017-03-02", "2017-03-02", "published"),
        "i mai 2015": ("2015-05", "2015-05-01", "2015-05-31", "published"),
        "i mars 2016": ("2016-03", "2016-03-01", "2016-03-31", "published"),
        "i desember i fjor": ("2016-12", "2016-12-01", "2016-12-31", "published"),
        "Tidligere denne uken": ("2017-W09", "2017-02-27", "2017-03-02", "published"),
        "nå": ("PRESENT_REF", "2017-03-02", "2017-03-02", "published"),
    }
    # "Byen er nå blitt et symbol" is not a time expression; "Fram til nå" is
    now = next(t for t in found if t["text"] == "nå")
    assert body[now["start"] - 9:now["end"]] == "Fram til nå"
    # "i flere uker" is a bare duration
    assert all("uker" not in t["text"] for t in found)
