"""End-to-end: the explorer page in Debian's Chromium (Playwright) against a real ``hending serve``.

The server runs as a subprocess over the sample store (../shared palmyra + norsumm-dev ingested).
Checks: Palmyra's events on the map, type and date filters changing map, timeline and list alike,
the article view highlighting a clicked event's evidence, the place page; no request leaves the
server. Screenshots go to artifacts/screenshots/. Skips cleanly without chromium or playwright
(``scripts/install-browser.sh`` installs chromium). ``HENDING_SERVE_TEST_DB=FILE`` uses a built store.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from hending.store import ingest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
PALMYRA_ID = "examples/palmyra-2017-03"
PALMYRA = (34.56, 38.28, 163808)


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (run scripts/install-browser.sh)")
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _playwright()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, palmyra, norsumm) -> Path:
    given = os.environ.get("HENDING_SERVE_TEST_DB")
    if given:
        return Path(given)
    db = tmp_path_factory.mktemp("e2e") / "sample.duckdb"
    ingest([str(palmyra), str(norsumm)], db, workers=1)
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory) -> str:
    """``hending serve`` in a subprocess on a free loopback port; yields the base URL."""
    port = _free_port()
    src = str(Path(__import__("hending").__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("HENDING_SERVE_TOKEN", None)
    log = open(tmp_path_factory.mktemp("server") / "server.log", "w+")  # noqa: SIM115 (closed at teardown)
    proc = subprocess.Popen([sys.executable, "-m", "hending.serve.cli", "--db", str(sample_db), "--host",
                             "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.seek(0)
            pytest.fail(f"server did not start: {log.read()}")
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def api(base: str, path: str, **params) -> dict:
    """GET a JSON answer from the server."""
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v not in (None, "")})
    with urllib.request.urlopen(f"{base}/api/{path}" + (f"?{query}" if query else ""), timeout=30) as r:
        return json.loads(r.read())


@pytest.fixture
def page(browser, server):
    """A fresh page; fails the test on a script error or on any request leaving the server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith((server, "data:")) else outside.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert outside == [], f"requests outside the server: {outside}"
    assert errors == [], f"script errors: {errors}"


def counters(pg) -> dict:
    return pg.evaluate("window.hending ? window.hending.counters : {routes: 0, refreshes: 0}")


def settle(pg, before: dict | None = None, key: str = "routes") -> None:
    """Wait until the page finished the route/refresh after ``before`` and no request is pending."""
    if before is not None:
        pg.wait_for_function(f"window.hending && window.hending.counters.{key} > {before[key]}",
                             timeout=20_000)
    pg.wait_for_function("window.hending && window.hending.counters.routes > 0 && window.hending.idle()",
                         timeout=20_000)
    pg.wait_for_timeout(150)
    pg.wait_for_function("window.hending.idle()", timeout=20_000)


def open_view(pg, server: str, hash_: str) -> None:
    pg.goto(f"{server}/{hash_}")
    settle(pg)


def shot(pg, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    return path


def reference_events_at_palmyra(server: str) -> list[dict]:
    return api(server, "events", doc_id=PALMYRA_ID, geonameid=PALMYRA[2], limit=1000)["items"]


def need_reference_events(server: str) -> list[dict]:
    events = reference_events_at_palmyra(server)
    if not events:
        pytest.skip("no event of the reference article is located at Palmyra (the sample store has "
                    f"{api(server, 'meta')['events']} events: event extractor not in the pipeline yet)")
    return events


def list_state(pg) -> dict:
    return pg.evaluate("""() => ({
        total: +document.querySelector('#list-count').dataset.total,
        rows: Array.from(document.querySelectorAll('#events-table tbody tr[data-id]'))
            .map(tr => tr.dataset.id),
        timelineTotal: +document.querySelector('#timeline').dataset.total,
        timelineSelected: document.querySelector('#timeline').dataset.selected,
        brush: !!document.querySelector('#timeline rect.brush'),
        markers: window.hending.mapMarkers(),
        mapParams: window.hending.state.lastMapParams,
        mapTotal: window.hending.state.lastMap.total,
    })""")


def assert_consistent(pg, server: str, filters: dict) -> dict:
    """Map, timeline and list of the page agree with the API for ``filters``."""
    st = list_state(pg)
    events = api(server, "events", limit=1000, **filters)
    assert st["total"] == events["total"]
    assert set(st["rows"]) <= {e["event_id"] for e in events["items"]}
    assert len(st["rows"]) == min(50, events["total"])
    undated_filters = {k: v for k, v in filters.items() if k not in ("since", "until")}
    counts = api(server, "counts", by="month", **undated_filters)
    assert st["timelineTotal"] == counts["total"] - counts["undated"]
    expected = api(server, "map", **st["mapParams"])
    assert {m["id"] for m in st["markers"]} == {p["id"] for p in expected["points"]}
    assert st["mapTotal"] == expected["total"]
    map_filters = {k: v for k, v in st["mapParams"].items() if k not in ("zoom", "max_points", "bbox")}
    assert {k: v for k, v in map_filters.items() if v} == {k: v for k, v in filters.items() if v}
    return st


# ----------------------------------------------------------------------------------- tests

def test_map_shows_the_reference_article_events_at_palmyra(page, server):
    open_view(page, server, "#/")
    shot(page, "explorer")
    assert page.locator("#map .leaflet-marker-icon").count() > 0 or api(server, "meta")["located_events"] == 0
    expected = need_reference_events(server)
    markers = page.evaluate("window.hending.mapMarkers()")
    near = [m for m in markers if abs(m["lat"] - PALMYRA[0]) < 0.05 and abs(m["lon"] - PALMYRA[1]) < 0.05]
    assert near, markers
    assert {e["event_id"] for e in expected} <= {m["id"] for m in near}
    # the cluster (or marker) at Palmyra is drawn where Palmyra is (polling: clusters animate into place)
    page.wait_for_function(f"""() => {{
        const map = window.hending.map(), p = map.latLngToContainerPoint([{PALMYRA[0]}, {PALMYRA[1]}]);
        const box = document.querySelector('#map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#map .leaflet-marker-icon')).some((el) => {{
            const r = el.getBoundingClientRect();
            const dx = r.left + r.width / 2 - box.left - p.x, dy = r.top + r.height / 2 - box.top - p.y;
            return Math.abs(dx) < 25 && Math.abs(dy) < 25;
        }});
    }}""", timeout=10_000)


def test_type_and_date_filters_change_map_timeline_and_list_consistently(page, server):
    need_reference_events(server)
    open_view(page, server, "#/")
    everything = list_state(page)
    types = api(server, "counts", by="type")["buckets"]
    etype = next((b["key"] for b in types if b["count"] < everything["total"]), types[0]["key"])

    before = counters(page)
    page.select_option("#f-type", etype)
    settle(page, before, "refreshes")
    st = assert_consistent(page, server, {"type": etype})
    assert st["total"] < everything["total"] or len(types) == 1
    assert all(m["type"] == etype for m in st["markers"])
    assert page.locator("#legend button.on").inner_text().startswith(etype)
    rows = page.locator("#events-table tbody tr[data-id] td:nth-child(2)").all_inner_texts()
    assert rows and all(etype in r for r in rows)
    shot(page, "explorer-type")

    # dates typed in the form: a month that has events of this type
    month = api(server, "counts", by="month", type=etype)["buckets"][0]["key"][:7]
    since, until = f"{month}-01", f"{month}-28"
    before = counters(page)
    page.fill("#f-since", since)
    settle(page, before, "refreshes")
    before = counters(page)
    page.fill("#f-until", until)
    settle(page, before, "refreshes")
    st = assert_consistent(page, server, {"type": etype, "since": since, "until": until})
    assert st["brush"] and st["total"] >= 1
    assert all(m["date"] is None or m["date"] <= until for m in st["markers"])
    assert f"since={since}" in page.url and f"type={etype}" in page.url
    shot(page, "explorer-type-dates")

    # brushing the timeline sets the dates; a click clears them
    before = counters(page)
    page.click("#f-reset")
    settle(page, before, "refreshes")
    svg = page.locator("#timeline").bounding_box()
    y = svg["y"] + svg["height"] / 2
    before = counters(page)
    page.mouse.move(svg["x"] + svg["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] * 0.6, y, steps=5)
    page.mouse.move(svg["x"] + svg["width"] * 0.99, y, steps=5)
    page.mouse.up()
    settle(page, before, "refreshes")
    since, until = page.input_value("#f-since"), page.input_value("#f-until")
    assert since and until and since <= until
    st = assert_consistent(page, server, {"since": since, "until": until})
    assert st["brush"] and st["total"] < everything["total"] + 1
    shot(page, "explorer-brushed")
    before = counters(page)
    page.mouse.click(svg["x"] + svg["width"] * 0.5, y)
    settle(page, before, "refreshes")
    assert page.input_value("#f-since") == "" and list_state(page)["total"] == everything["total"]


def test_article_view_highlights_the_evidence_of_a_clicked_event(page, server):
    events = need_reference_events(server)
    key = events[0]["doc_key"]
    open_view(page, server, f"#/?geonameid={PALMYRA[2]}&place=Palmyra")  # the place page's map link
    row = page.locator(f'#events-table tbody tr[data-id^="{key}:"]').first
    event_id = row.get_attribute("data-id")
    before = counters(page)
    row.locator("a.doc-link").click()
    settle(page, before)
    assert page.locator("#view-doc").is_visible()
    assert page.get_attribute("#fields-table", "data-event") == event_id
    detail = api(server, f"events/{urllib.parse.quote(event_id)}")
    text = api(server, f"documents/{key}")["text"]
    if detail["trigger_start"] is not None:
        got = "".join(page.locator("#doc-text .sel-trigger").all_inner_texts())
        assert got == text[detail["trigger_start"]:detail["trigger_end"]] == detail["trigger_text"]
    for field in ("actor", "recipient", "location"):
        if detail[f"{field}_start"] is not None:
            got = "".join(page.locator(f"#doc-text .sel-{field}").all_inner_texts())
            assert got == text[detail[f"{field}_start"]:detail[f"{field}_end"]]
    if detail["sentence_start"] is not None:
        sentence = "".join(page.locator("#doc-text .sentence").all_inner_texts())
        assert sentence == text[detail["sentence_start"]:detail["sentence_end"]]
    assert page.locator("#fields-table .ok").count() >= 1
    shot(page, "article")

    # clicking another trigger in the text selects that event
    other = page.locator(f'#doc-text .trigger[data-events]:not([data-events~="{event_id}"])').first
    if other.count():
        new_id = other.get_attribute("data-events").split()[0]
        other.click()
        page.wait_for_function(
            f"document.querySelector('#fields-table').dataset.event === {json.dumps(new_id)}")
        new = api(server, f"events/{urllib.parse.quote(new_id)}")
        assert "".join(page.locator("#doc-text .sel-trigger").all_inner_texts()) == new["trigger_text"]
        assert page.locator(f'#doc-events li.selected[data-id="{new_id}"]').count() == 1


def test_article_view_shows_places_and_times(page, server):
    doc = api(server, f"documents/{PALMYRA_ID}")
    open_view(page, server, f"#/doc/{PALMYRA_ID}")
    assert PALMYRA_ID in page.inner_text("#doc-head")
    places = "".join(page.locator("#doc-text .place").all_inner_texts())
    times = "".join(page.locator("#doc-text .time").all_inner_texts())
    for p in doc["places"]:
        assert p["text"] in places
    for t in doc["times"]:
        assert t["text"] in times
    assert page.inner_text("#doc-text") == doc["text"]
    shot(page, "article-annotations")


def test_place_page_lists_events_over_time(page, server):
    open_view(page, server, f"#/place/{PALMYRA[2]}")
    head = page.inner_text("#place-head")
    assert "Palmyra" in head and str(PALMYRA[2]) in head
    detail = api(server, f"places/{PALMYRA[2]}", limit=1000)
    dates = page.eval_on_selector_all("#place-events li.ev", "els => els.map(e => e.dataset.date)")
    assert len(dates) == detail["events"]["total"]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    shot(page, "place")
    if not dates:
        pytest.skip("no events at Palmyra in the sample store yet (only place mentions)")
    historical = [e for e in detail["events"]["items"] if e["historical"]]
    assert page.locator("#place-events .flag", has_text="historical").count() == len(historical)


def test_documents_view(page, server):
    open_view(page, server, "#/docs")
    total = api(server, "documents")["total"]
    assert page.locator("#docs-table tbody tr[data-key]").count() == min(50, total)
    shot(page, "documents")


def test_api_docs_page(page, server):
    page.goto(f"{server}/docs")
    page.wait_for_selector(".op")
    with urllib.request.urlopen(f"{server}/openapi.json", timeout=30) as r:
        spec = json.loads(r.read())
    operations = sum(len(ops) for ops in spec["paths"].values())
    assert page.locator(".op h3 .m").count() == operations
    assert "/api/events" in page.inner_text("main")
    shot(page, "api-docs")
