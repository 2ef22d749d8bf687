"""``hending serve`` REST API against the real sample store (../shared palmyra + norsumm-dev ingested).

Every endpoint, paging and sorting, filters checked against SQL, 4xx (never 5xx) for bad parameters,
and token-protected, idempotent ingestion. Event-dependent assertions skip while the pipeline stores
no events. ``HENDING_SERVE_TEST_DB=FILE`` runs the same tests over an already-built store instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import warnings
from pathlib import Path

import duckdb
import pytest

from hending.serve import create_app
from hending.store import ingest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note on httpx vs httpx2
    from fastapi.testclient import TestClient

PALMYRA_ID = "examples/palmyra-2017-03"
PALMYRA_GEONAMEID = 163808
STATIC = Path(__file__).resolve().parent.parent / "src" / "hending" / "serve" / "static"
GET_ENDPOINTS = ["/api/meta", "/api/events", "/api/counts", "/api/map", "/api/actors", "/api/places",
                 "/api/documents", "/api/quotes", f"/api/places/{PALMYRA_GEONAMEID}"]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, palmyra, norsumm) -> Path:
    """The sample store, built by ingesting the real sample (or $HENDING_SERVE_TEST_DB)."""
    given = os.environ.get("HENDING_SERVE_TEST_DB")
    if given:
        return Path(given)
    db = tmp_path_factory.mktemp("serve") / "sample.duckdb"
    summary = ingest([str(palmyra), str(norsumm)], db, workers=1)
    assert summary.stored == 31 and summary.skipped_total == 0
    return db


@pytest.fixture(scope="session")
def client(sample_db) -> TestClient:
    with TestClient(create_app(sample_db)) as c:
        yield c


@pytest.fixture(scope="session")
def sql(sample_db):
    """Run SQL on the same store (a read-only connection, as the server's)."""
    con = duckdb.connect(str(sample_db), read_only=True)

    def run(query: str, params: list | None = None) -> list[tuple]:
        return con.execute(query, params or []).fetchall()

    yield run
    con.close()


@pytest.fixture(scope="session")
def n_events(sql) -> int:
    return sql("SELECT count(*) FROM events")[0][0]


@pytest.fixture
def need_events(n_events) -> int:
    if n_events == 0:
        pytest.skip("the events table of the sample store is empty (event extractor not in the pipeline yet)")
    return n_events


def ok(client: TestClient, url: str, **params) -> dict:
    r = client.get(url, params=params)
    assert r.status_code == 200, (url, params, r.text)
    return r.json()


def all_events(client: TestClient, **params) -> list[dict]:
    items, offset = [], 0
    while True:
        page = ok(client, "/api/events", limit=1000, offset=offset, **params)
        items += page["items"]
        offset += 1000
        if offset >= page["total"]:
            return items


# ----------------------------------------------------------------------------------- page and docs

def test_openapi_documents_every_endpoint(client):
    spec = ok(client, "/openapi.json")
    paths = spec["paths"]
    for path in ("/api/meta", "/api/events", "/api/events/{event_id}", "/api/counts", "/api/map",
                 "/api/actors", "/api/places", "/api/places/{place_id}", "/api/documents",
                 "/api/documents/{ref}", "/api/quotes", "/api/ingest"):
        assert path in paths, path
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"type", "actor", "actor_country", "actor_sector", "recipient", "recipient_country",
            "recipient_sector", "place", "geonameid", "bbox", "near", "since", "until", "source", "text",
            "doc_id", "include_negated", "include_hypothetical", "country", "sort", "order", "limit",
            "offset"} <= names
    assert "post" in paths["/api/ingest"] and "get" not in paths["/api/ingest"]


def test_page_and_docs_work_offline(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    html = page.text
    refs = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert refs and not [r for r in refs if r.startswith(("http:", "https:", "//"))], refs
    for ref in refs:
        if ref.startswith("/static/"):
            assert client.get(ref).status_code == 200, ref
    for asset in ("/static/vendor/world-atlas/countries-50m.json", "/static/app.js", "/static/app.css"):
        assert client.get(asset).status_code == 200
    docs = client.get("/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text
    assert not re.search(r'(?:src|href)="(?:https?:)?//', docs.text)
    for name in ("leaflet/LICENSE", "leaflet.markercluster/MIT-LICENCE.txt", "topojson-client/LICENSE",
                 "world-atlas/LICENSE"):
        assert (STATIC / "vendor" / name).exists(), name
    size = sum(p.stat().st_size for p in (STATIC / "vendor").rglob("*") if p.is_file())
    assert size < 2_000_000, size
    for script in ("app.js", "docs.html", "index.html"):
        text = (STATIC / script).read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href|fetch\()\s*=?\s*["'](?:https?:)?//""", text), script


# ----------------------------------------------------------------------------------- meta and documents

def test_meta(client, sql, sample_db):
    meta = ok(client, "/api/meta")
    assert meta["documents"] == sql("SELECT count(*) FROM documents")[0][0]
    assert meta["events"] == sql("SELECT count(*) FROM events")[0][0]
    assert meta["read_only"] is True and meta["ingest"] is False
    assert meta["text_search"] is True
    if not os.environ.get("HENDING_SERVE_TEST_DB"):
        assert meta["documents"] == 31
    assert ok(client, "/api/health") == {"status": "ok"}


def test_documents_paging_and_sorting(client, sql):
    total = sql("SELECT count(*) FROM documents")[0][0]
    seen, offset = [], 0
    while offset < total:
        page = ok(client, "/api/documents", limit=7, offset=offset, sort="id", order="asc")
        assert page["total"] == total and page["limit"] == 7 and len(page["items"]) <= 7
        seen += [d["id"] for d in page["items"]]
        offset += 7
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == total
    desc = ok(client, "/api/documents", sort="published", order="desc", limit=1000)["items"]
    published = [d["published"] for d in desc]
    assert published == sorted(published, reverse=True)
    beyond = ok(client, "/api/documents", offset=total + 10)
    assert beyond["items"] == []


def test_documents_search_and_filters(client):
    found = ok(client, "/api/documents", q="Palmyra")["items"]
    assert PALMYRA_ID in [d["id"] for d in found]
    march = ok(client, "/api/documents", since="2017-03-15", until="2017-03-20")["items"]
    assert PALMYRA_ID in [d["id"] for d in march]  # published 2017-03 (month precision) overlaps
    assert all(d["lang"] == "nb" for d in ok(client, "/api/documents", lang="nb")["items"])


def test_document_detail_offsets_match_text(client, sql):
    doc = ok(client, f"/api/documents/{PALMYRA_ID}")
    assert doc["id"] == PALMYRA_ID and "Palmyra" in doc["text"]
    assert ok(client, f"/api/documents/{doc['doc_key']}")["id"] == PALMYRA_ID
    text = doc["text"]
    for kind in ("entities", "times", "places", "quotes"):
        for span in doc[kind]:
            assert text[span["start"]:span["end"]] == span["text"], (kind, span)
    assert [s["start"] for s in doc["sentences"]] == sorted(s["start"] for s in doc["sentences"])
    assert any(p["geonameid"] == PALMYRA_GEONAMEID for p in doc["places"])
    assert len(doc["events"]) == sql("SELECT count(*) FROM events e JOIN documents d USING (doc_key) "
                                     "WHERE d.id = ?", [PALMYRA_ID])[0][0]
    for ev in doc["events"]:
        if ev["trigger_start"] is not None:
            assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]
        if ev["sentence_start"] is not None:
            assert ev["sentence_start"] <= (ev["trigger_start"] or ev["sentence_start"]) <= ev["sentence_end"]


def test_document_and_event_not_found(client):
    for url in ("/api/documents/no-such-doc", "/api/events/nope:1", "/api/places/1"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["detail"], url


# ----------------------------------------------------------------------------------- events

def test_events_paging_and_sorting(client, need_events):
    first = ok(client, "/api/events", limit=5)
    assert first["total"] == need_events
    everything = all_events(client)
    assert len(everything) == len({e["event_id"] for e in everything}) == need_events
    pages, offset = [], 0
    while offset < need_events:
        pages += ok(client, "/api/events", limit=4, offset=offset)["items"]
        offset += 4
    assert [e["event_id"] for e in pages] == [e["event_id"] for e in everything]
    dated = [e["date_start"] for e in everything if e["date_start"]]
    assert dated == sorted(dated)
    desc = [e["date_start"] for e in all_events(client, order="desc") if e["date_start"]]
    assert desc == sorted(desc, reverse=True)
    types = [e["type"] for e in all_events(client, sort="type") if e["type"]]
    assert types == sorted(types)
    detail = ok(client, f"/api/events/{everything[0]['event_id']}")
    assert detail["event_id"] == everything[0]["event_id"] and "trigger_start" in detail


def test_event_filters_match_sql(client, sql, need_events):
    def ids(**params) -> set[str]:
        return {e["event_id"] for e in all_events(client, **params)}

    def expect(where: str, params: list | None = None) -> set[str]:
        return {r[0] for r in sql("SELECT e.event_id FROM events e JOIN documents d USING (doc_key) "
                                  f"WHERE {where}", params)}

    etype = sql("SELECT type FROM events WHERE type IS NOT NULL GROUP BY type ORDER BY count(*) DESC LIMIT 2")
    assert ids(type=etype[0][0]) == expect("e.type = ?", [etype[0][0]])
    assert ids(type=etype[0][0].lower()) == expect("e.type = ?", [etype[0][0]])
    if len(etype) > 1:
        both = f"{etype[0][0]},{etype[1][0]}"
        assert ids(type=both) == expect("e.type IN (?, ?)", [etype[0][0], etype[1][0]])
    actor = sql("SELECT actor_name FROM events WHERE actor_name IS NOT NULL LIMIT 1")
    if actor:
        part = actor[0][0][:4]
        assert ids(actor=part) == expect("e.actor_name ILIKE ?", [f"%{part}%"])
    dates = sql("SELECT min(date_start), max(date_end) FROM events")[0]
    if dates[0]:
        since, until = dates[0].isoformat(), dates[0].isoformat()
        assert ids(since=since, until=until) == expect("e.date_end >= ? AND e.date_start <= ?",
                                                       [since, until])
    place = sql("SELECT location_geonameid, location_country, lat, lon FROM events "
                "WHERE lat IS NOT NULL LIMIT 1")
    if place:
        gid, country, lat, lon = place[0]
        assert ids(geonameid=gid) == expect("e.location_geonameid = ?", [gid])
        assert ids(country=country) == expect("e.location_country = ?", [country])
        box = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
        assert ids(bbox=box) == expect("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?",
                                       [lon - 1, lon + 1, lat - 1, lat + 1])
        assert ids(geonameid=gid) <= ids(near=f"{lat},{lon},10")
    source = sql("SELECT attributed_to FROM events WHERE attributed_to IS NOT NULL LIMIT 1")
    if source:
        assert ids(source=source[0][0]) == expect("e.attributed_to ILIKE ?", [f"%{source[0][0]}%"])
    assert ids(doc_id=PALMYRA_ID) == expect("d.id = ?", [PALMYRA_ID])
    assert ids(include_historical="false") == expect("NOT e.historical")
    assert ids(include_negated="false", include_hypothetical="false") == expect(
        "NOT e.negated AND NOT e.hypothetical")
    assert ids(text="Palmyra") >= expect("d.id = ? AND e.sentence_text ILIKE '%Palmyra%'", [PALMYRA_ID])


def test_reference_article_events_at_palmyra(client, need_events):
    at = all_events(client, doc_id=PALMYRA_ID, geonameid=PALMYRA_GEONAMEID)
    if not at:
        pytest.skip("no event of the reference article is located at Palmyra yet")
    assert all(abs(e["lat"] - 34.56) < 0.05 and abs(e["lon"] - 38.28) < 0.05 for e in at)
    place = ok(client, f"/api/places/{PALMYRA_GEONAMEID}")
    dates = [e["date_start"] for e in place["events"]["items"] if e["date_start"]]
    assert dates == sorted(dates) and place["events"]["total"] >= len(at)


# ----------------------------------------------------------------------------------- aggregates

def test_counts_add_up(client, n_events):
    total = ok(client, "/api/events", limit=1)["total"]
    assert total == n_events
    for unit in ("day", "week", "month", "year"):
        counts = ok(client, "/api/counts", by=unit)
        assert counts["total"] == total
        assert sum(b["count"] for b in counts["buckets"]) + counts["undated"] == total
        keys = [b["key"] for b in counts["buckets"]]
        assert keys == sorted(keys) and all(re.fullmatch(r"\d{4}-\d\d-\d\d", k) for k in keys)
    for by in ("type", "actor", "recipient", "place", "country", "actor_country", "source", "outlet", "mode"):
        counts = ok(client, "/api/counts", by=by, limit=3)
        assert len(counts["buckets"]) <= 3
        assert sum(b["count"] for b in counts["buckets"]) + counts["other"] + counts["missing"] == total, by
        values = [b["count"] for b in counts["buckets"]]
        assert values == sorted(values, reverse=True)


def test_counts_follow_filters(client, need_events):
    etype = ok(client, "/api/counts", by="type")["buckets"][0]["key"]
    month = ok(client, "/api/counts", by="month", type=etype)
    listed = ok(client, "/api/events", type=etype, limit=1)["total"]
    assert month["total"] == listed
    by_type = {b["key"]: b["count"] for b in ok(client, "/api/counts", by="type")["buckets"]}
    assert by_type[etype] == listed


def test_map_points_and_clusters(client, sql, n_events):
    located = sql("SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL")[0][0]
    points = ok(client, "/api/map", max_points=10_000)
    assert points["mode"] == "points" and points["total"] == len(points["points"]) == located
    if located >= 2:
        clusters = ok(client, "/api/map", max_points=1, zoom=3)
        assert clusters["mode"] == "clusters" and clusters["points"] == []
        assert sum(c["count"] for c in clusters["clusters"]) == located
        assert clusters["cell_degrees"] == 360 / 2 ** 3 / 4
    if located:
        p = points["points"][0]
        box = f"{p['lon'] - 0.5},{p['lat'] - 0.5},{p['lon'] + 0.5},{p['lat'] + 0.5}"
        inside = ok(client, "/api/map", bbox=box)
        assert p["id"] in {q["id"] for q in inside["points"]}


def test_actors_places_quotes(client, sql, n_events):
    actors = ok(client, "/api/actors", limit=5)
    names = sql("SELECT count(DISTINCT name) FROM (SELECT actor_name AS name FROM events UNION ALL "
                "SELECT recipient_name FROM events) WHERE name IS NOT NULL")[0][0]
    assert actors["total"] == names and len(actors["items"]) <= 5
    for a in actors["items"]:
        assert a["events"] == a["as_actor"] + a["as_recipient"]
    if actors["items"]:
        name = actors["items"][0]["name"]
        assert name in [a["name"] for a in ok(client, "/api/actors", q=name[:3], limit=1000)["items"]]
        assert all(a["as_recipient"] == 0 for a in ok(client, "/api/actors", role="actor")["items"])
    places = ok(client, "/api/places", limit=1000)
    assert places["total"] == sql("SELECT count(DISTINCT location_geonameid) FROM events")[0][0]
    assert sum(p["events"] for p in places["items"]) == sql(
        "SELECT count(*) FROM events WHERE location_geonameid IS NOT NULL")[0][0]
    quotes = ok(client, "/api/quotes", limit=2)
    assert quotes["total"] == sql("SELECT count(*) FROM quotes")[0][0] and len(quotes["items"]) <= 2


def test_place_page_includes_mentions_and_history(client, sql):
    place = ok(client, f"/api/places/{PALMYRA_GEONAMEID}")
    info = place["place"]
    assert info["geonameid"] == PALMYRA_GEONAMEID and info["country"] == "SY"
    assert abs(info["lat"] - 34.56) < 0.05 and abs(info["lon"] - 38.28) < 0.05
    assert "Palmyra" in info["names"] and info["mentions"] >= 1 and info["documents"] >= 1
    events = place["events"]
    assert events["total"] == sql("SELECT count(*) FROM events WHERE location_geonameid = ?",
                                  [PALMYRA_GEONAMEID])[0][0]
    without = ok(client, f"/api/places/{PALMYRA_GEONAMEID}", include_historical="false")["events"]
    assert without["total"] == sql("SELECT count(*) FROM events WHERE location_geonameid = ? "
                                   "AND NOT historical", [PALMYRA_GEONAMEID])[0][0]


# ----------------------------------------------------------------------------------- bad parameters

BAD = [
    "/api/events?limit=0", "/api/events?limit=1001", "/api/events?limit=ten", "/api/events?offset=-1",
    "/api/events?sort=bogus", "/api/events?order=up", "/api/events?since=2017-02-30",
    "/api/events?since=yesterday", "/api/events?since=2017-03-02&until=2017-03-01", "/api/events?bbox=1,2,3",
    "/api/events?bbox=a,b,c,d", "/api/events?bbox=10,0,0,10", "/api/events?bbox=0,0,200,10",
    "/api/events?near=1,2,-5", "/api/events?near=100,0,5", "/api/events?near=1,2", "/api/events?near=nan,1,1",
    "/api/events?geonameid=abc", "/api/events?geonameid=-1", "/api/events?type=AS%20SAULT",
    "/api/events?country=XYZ", "/api/events?country=S", "/api/events?actor_country=SY",
    "/api/events?include_negated=maybe", "/api/events?actor=" + "x" * 300, "/api/counts?by=century",
    "/api/counts?by=type&limit=0", "/api/map?zoom=99", "/api/map?max_points=0", "/api/places/abc",
    "/api/places/-1", "/api/places?sort=bogus", "/api/actors?role=boss", "/api/documents?lang=en",
    "/api/documents?sort=size", "/api/documents?since=2017-13-01", "/api/quotes?limit=-3",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_are_clear_4xx(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text)
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"], body


def test_no_parameter_value_causes_a_5xx(client):
    spec = ok(client, "/openapi.json")
    values = ["", "-1", "x" * 250, "%00", "1e999", "NaN", "2017-13-45", ",,,", "'; DROP TABLE events; --",
              "((\"", "ÆØÅ"]
    for url in GET_ENDPOINTS:
        path = "/api/places/{place_id}" if url.startswith("/api/places/") else url
        params = [p["name"] for p in spec["paths"][path]["get"].get("parameters", []) if p["in"] == "query"]
        for name in params:
            for value in values:
                r = client.get(url, params={name: value})
                assert r.status_code < 500, (url, name, value, r.status_code, r.text)


def test_repeated_requests_give_the_same_answer(client):
    """Answers come from the cache the second time, compressed or not as each client asks."""
    url = "/api/documents?limit=40"
    first = client.get(url)
    for encoding in ("gzip", "identity", "gzip", "identity"):
        again = client.get(url, headers={"Accept-Encoding": encoding})
        assert again.status_code == 200 and again.json() == first.json()
        assert (again.headers.get("content-encoding") == "gzip") == (encoding == "gzip")


def test_concurrent_reads(client, n_events):
    errors: list[str] = []

    def work() -> None:
        for i in range(15):
            r = client.get("/api/events", params={"limit": 5, "offset": i % 3})
            if r.status_code != 200:
                errors.append(r.text)
            r = client.get("/api/counts", params={"by": "month"})
            if r.status_code != 200:
                errors.append(r.text)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# ----------------------------------------------------------------------------------- ingestion

DOCS = [
    {"id": "api-test/1", "published": "2017-03-03", "title": "Test",
     "text": "De syriske regjeringsstyrkene har angrepet byen Palmyra fra flere kanter i løpet av "
             "natten til torsdag, melder gruppen Syrian Observatory for Human Rights. Ifølge "
             "observatøret ble minst ti personer drept, og mange av innbyggerne har flyktet fra byen."},
    {"id": "api-test/2", "published": "2017-03-04",
     "text": "Politiet i Oslo arresterte fem demonstranter utenfor Stortinget fredag kveld. "
             "Demonstrantene hadde nektet å forlate plassen etter at politiet hadde gitt dem flere "
             "pålegg om å gå derfra."},
]


def test_ingest_disabled_without_token(client):
    r = client.post("/api/ingest", json=DOCS)
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_ingest_needs_the_token_and_is_idempotent(sample_db, tmp_path):
    db = tmp_path / "writable.duckdb"
    shutil.copy(sample_db, db)
    with TestClient(create_app(db, token="s3cret")) as c:
        before = ok(c, "/api/meta")["documents"]
        assert ok(c, "/api/meta")["ingest"] is True
        r = c.post("/api/ingest", json=DOCS)
        assert r.status_code == 401 and r.headers.get("www-authenticate") == "Bearer"
        r = c.post("/api/ingest", json=DOCS, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 403
        r = c.post("/api/ingest", json=DOCS, headers={"Authorization": "Basic s3cret"})
        assert r.status_code in (401, 403)
        assert ok(c, "/api/meta")["documents"] == before
        auth = {"Authorization": "Bearer s3cret"}
        first = c.post("/api/ingest", json=DOCS, headers=auth)
        assert first.status_code == 200, first.text
        assert (first.json()["read"], first.json()["stored"]) == (2, 2)
        assert ok(c, "/api/meta")["documents"] == before + 2
        again = c.post("/api/ingest", json=DOCS, headers=auth)
        assert again.status_code == 200 and again.json()["stored"] == 0 and again.json()["unchanged"] == 2
        lines = "\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS) + "\n"
        ndjson = {**auth, "Content-Type": "application/x-ndjson"}
        jsonl = c.post("/api/ingest", content=lines.encode(), headers=ndjson)
        assert jsonl.status_code == 200 and jsonl.json()["unchanged"] == 2
        assert ok(c, "/api/meta")["documents"] == before + 2
        doc = ok(c, "/api/documents/api-test/1")
        assert doc["title"] == "Test" and doc["sentences"]
        assert ok(c, "/api/documents", q="demonstranter")["total"] >= 1  # full-text index rebuilt
        bad = c.post("/api/ingest", content=b'{"id": "x", "text": ""}\nnot json\n', headers=auth)
        assert bad.status_code == 200 and sum(bad.json()["skipped"].values()) == 2
        for body in (b"", b"[", b"[]"):
            r = c.post("/api/ingest", content=body, headers=auth)
            assert r.status_code == 400 and r.json()["detail"], body
